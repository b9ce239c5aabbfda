"""Relative times of a lead and the results they date: "overnight", and a result "to go top" that is no plan
(invented texts; docs/extraction.md, "Times and event times")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Extraction
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def dated(x: Extraction) -> list[tuple[str, str, str | None]]:
    """(type, modality, time value) of every event."""
    times = {t.key: t.value for t in x.times}
    return [(e.type, e.modality, times.get(e.time or "")) for e in x.events]


def test_overnight_told_in_the_past_is_the_night_before_the_articles_day():
    x = run("Storm hits coast\n\nA storm battered the coast overnight, cutting power to thousands of homes.\n\n"
            "Engineers are at work.", WEDNESDAY)
    assert ("storm-hit", "actual", "2024-03-12") in dated(x)


def test_overnight_ahead_or_as_a_modifier_is_no_past_night():
    x = run("Road works\n\nThe bridge will be closed overnight, the council said.\n\nDrivers must take the ring "
            "road.", WEDNESDAY)
    assert [t.value for t in x.times if t.span.text == "overnight"] == ["2024-03-13"]
    x = run("Hotel news\n\nThe couple booked an overnight stay at the hotel.\n\nIt was quiet.", WEDNESDAY)
    assert all(t.span.text != "overnight" for t in x.times)


def test_a_result_to_go_top_is_a_match_played_not_a_plan():
    x = run("Rovers beat City\n\nRovers beat City 3-1 last night to go top of the league.\n\nThe striker scored "
            "twice.", WEDNESDAY)
    assert ("sports-event", "actual", "2024-03-12") in dated(x)


def test_a_past_perfect_in_what_the_leads_dated_verb_says_happened_before_that_day():
    x = run("Army admits downing jet\n\nOn Saturday morning, officials acknowledged that the army had shot down a "
            "passenger jet near the capital.\n\nThe government apologised.", WEDNESDAY)
    assert ("shooting", "alleged", None) in dated(x)
    assert ("apology", "actual", "2024-03-09") in dated(x)


def test_the_day_a_leads_report_gives_the_news_beats_the_reports_own_day():
    x = run("Floods hit northern region\n\nHeavy rain caused flooding across the northern region overnight, forcing "
            "thousands from their homes, officials said on Wednesday.\n\nThe floods destroyed bridges.", WEDNESDAY)
    assert ("disaster", "actual", "2024-03-12") in dated(x)
    x = run("Floods hit northern region\n\nThe floods destroyed two bridges in the northern region, officials said "
            "on Tuesday.\n\nRoads stay closed.", WEDNESDAY)  # (no other day: the report's)
    assert ("disaster", "actual", "2024-03-12") in dated(x)


def test_a_time_that_opens_a_sentence_after_a_linking_adverb_dates_every_deed_of_it():
    x = run("Clashes in the south\n\nTroops clashed with rebels in the hills on Monday.\n\nThe town is quiet.\n\n"
            "Also, today, aircraft targeted a rebel base, killing two fighters and wounding ten others.", WEDNESDAY)
    assert ("killing", "actual", "2024-03-13") in dated(x) or ("attack", "actual", "2024-03-13") in dated(x)
    assert all(v == "2024-03-13" for t, _, v in dated(x) if t != "clash")
    x = run("Brother jailed\n\nA court jailed a man on Friday for killing his sister in 2016.\n\nHe had confessed."
            "\n\nIn August, the family said they forgave him for the killing.", WEDNESDAY)
    assert all(v != "2023-08" and v != "2024-08" for _, _, v in dated(x))
