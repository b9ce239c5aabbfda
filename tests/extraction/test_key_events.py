"""Key events the trigger lexicon and its context conditions find, with their dates (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def events(text: str) -> dict[str, tuple[str, str | None]]:
    """Each event's first mention → (type, date value)."""
    x = run(text, MONDAY)
    times = {t.key: t.value for t in x.times}
    return {e.mentions[0].text: (e.type, times.get(e.time) if e.time else None) for e in x.events}


def test_a_fire_is_an_event_but_opening_fire_and_the_fire_brigade_are_not():
    got = events("Town news\n\nA fire broke out in an escape room in the town on Friday. Police opened fire on a car "
                 "later that night, and the fire brigade inspected the building.")
    assert got.get("fire") == ("disaster", "2024-03-08")
    assert sum(1 for t in got.values() if t[0] == "disaster") == 1


def test_a_collision_and_a_crash_are_accidents():
    got = events("Airbase\n\nA cyclist was hurt in a collision with a van near the airbase on Sunday.")
    assert got.get("collision") == ("accident", "2024-03-10")


def test_rape_is_an_assault_whatever_the_tagger_makes_of_raping():
    got = events("Trial\n\nTwo officers were found guilty on Friday of raping a tourist in 2019.")
    assert ("assault", "2019") in got.values()


def test_a_season_named_with_a_year_is_dated_by_it_not_by_its_matches():
    got = events("Rugby\n\nRivertown beat Hillcrest on Saturday in the third round of the 2024 Coastal Rugby "
                 "Union season.")
    assert got.get("season") == ("sports-event", "2024")
    assert got.get("beat") == ("sports-event", "2024-03-09")


def test_a_hurricane_season_is_no_sports_event():
    assert "season" not in events("Weather\n\nThe 2024 hurricane season starts in June.")


def test_prison_terms_and_a_state_of_emergency():
    got = events("Verdict\n\nThe two men received seven-year prison terms on Friday. The governor declared a state "
                 "of emergency on Sunday.")
    assert got.get("prison terms") == ("sentencing", "2024-03-08")
    assert got.get("state of emergency") == ("emergency", "2024-03-10")


def test_that_day_is_the_day_the_narrative_named_last():
    x = run("Visit\n\nThe president flew to the city on Saturday. In a meeting that day he was briefed by the "
            "minister.", MONDAY)
    assert [t.value for t in x.times if t.span.text == "that day"] == ["2024-03-09"]


def test_a_trial_its_verdict_and_the_sentence_are_three_events():
    got = events("Court\n\nAfter a jury trial, two officers were found guilty on Thursday of robbing a shop. Both "
                 "received seven-year prison terms.")
    assert {k: v[0] for k, v in got.items()} == {"trial": "trial", "found guilty": "verdict",
                                                  "prison terms": "sentencing"}


def test_addressing_reporters_is_a_statement_event_but_addressing_a_problem_is_not():
    assert events("City\n\nOn Thursday, the mayor addressed reporters in the city hall.").get("addressed") == (
        "make-statement", "2024-03-07")
    assert "addressed" not in events("City\n\nOn Thursday, the mayor addressed the problem of parking.")
