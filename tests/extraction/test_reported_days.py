"""A weekday in what a dated report says counts back from the report's day, not from the article's (invented texts;
docs/extraction.md, "Times and event times")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def values(text: str) -> dict[str, str | None]:
    return {t.span.text: t.value for t in run(text, WEDNESDAY).times}


def test_a_past_weekday_in_what_a_report_of_friday_says_is_before_that_friday():
    assert values("Bomb attack in city centre\n\nPolice said on Friday that the attack happened on Wednesday near "
                  "the station.\n\nNo one was hurt.")["Wednesday"] == "2024-03-06"
    assert values("Fire at the docks\n\nThe fire broke out on Tuesday evening, the fire service said on "
                  "Saturday.\n\nThe cause is unknown.")["Tuesday"] == "2024-03-05"


def test_a_future_weekday_or_a_weekday_that_names_a_thing_keeps_the_articles_reading():
    assert values("Talks to resume\n\nThe minister said on Friday that the talks will resume on Wednesday.\n\n"
                  "No date was given for the vote.")["Wednesday"] == "2024-03-13"
    assert values("Shops run out\n\nOn Friday the chain announced that some stores could not run the Wednesday "
                  "special.\n\nStock is low.")["Wednesday"] == "2024-03-13"


def test_a_day_right_after_a_verb_of_saying_dates_the_saying_not_the_plan_it_reports():
    x = run("Carmaker recalls vehicles\n\nMotorco said on Tuesday it would recall 500,000 cars because of a fault in "
            "their brakes.\n\nShares fell.", WEDNESDAY)
    assert [t.value for t in x.times if t.span.text == "Tuesday"] == ["2024-03-12"]
    assert [e.time for e in x.events if e.type == "recall"] == [None]
