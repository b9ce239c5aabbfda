"""The occasion a statement is made in: placed by its sentence, dated by the lead's statement of the same speaker,
and not denied by a verb it is the subject of (invented texts; see docs/extraction.md, "Which time an event gets")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Extraction
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def occasion(x: Extraction, kind: str):  # noqa: ANN201 - an Event
    return next(e for e in x.events if e.type == kind)


def day_of(x: Extraction, key: str | None) -> str | None:
    return next((t.value for t in x.times if t.key == key), None)


def test_the_occasion_of_a_later_statement_takes_the_day_of_the_speakers_lead_statement():
    x = run("Tax to go\n\nThe prime minister, Anna Berg, said on Tuesday that the tax on fuel would be scrapped.\n\n"
            "Fuel prices have risen for months.\n\n"  # past the lead: its own breaking-news rule does not reach
            "\"The tax is gone for good,\" Berg said at a press conference in the capital.", MONDAY)
    conference = occasion(x, "press-conference")
    assert any(s.event == conference.key for s in x.statements)
    assert day_of(x, conference.time) == "2024-03-05"


def test_another_day_named_in_between_breaks_the_account_of_the_occasion():
    x = run("Tax to go\n\nThe prime minister, Anna Berg, said on Tuesday that the tax on fuel would be scrapped.\n\n"
            "On Friday, the unions marched through the capital.\n\n"
            "\"The tax is gone for good,\" Berg said at a press conference in the capital.", MONDAY)
    assert occasion(x, "press-conference").time is None


def test_a_statement_placed_in_a_modified_announcement_is_made_in_it():
    x = run("Tax to go\n\nThe prime minister, Anna Berg, said on Tuesday that the tax on fuel would be scrapped.\n\n"
            "Fuel prices have risen for months.\n\n"
            "\"The tax is gone for good,\" Berg said in a televised announcement.", MONDAY)
    announcement = occasion(x, "make-statement")
    assert announcement.modality == "actual"
    assert any(s.event == announcement.key and s.speaker for s in x.statements)
    assert day_of(x, announcement.time) == "2024-03-05"


def test_a_negated_verb_with_its_own_object_does_not_deny_its_subject():
    x = run("Tax to go\n\nThe minister made an announcement on Friday about the fuel tax.\n\n"
            "\"The announcement does not alter the numbers,\" a farmers' spokesman said.", MONDAY)
    assert occasion(x, "make-statement").modality == "actual"


def test_an_event_that_did_not_take_place_stays_negated():
    x = run("Talks off\n\nThe two leaders had planned talks.\n\nThe meeting did not take place, officials said.",
            MONDAY)
    assert any(e.modality == "negated" for e in x.events if e.type in ("meeting", "consultation", "talks"))


def test_a_pages_publication_stamp_is_no_event():
    x = run("Floods in the valley\n\nPiotr Kalinowski Published 6 March 2024, 9:15 AM\n\nFloods cut off three villages "
            "on Tuesday, officials said.", MONDAY)
    assert not [e for e in x.events if e.type == "make-statement"]


def test_a_report_published_on_a_day_stays_an_event():
    x = run("Report\n\nThe panel's report was published on March 6 and found that the dam had failed.", MONDAY)
    assert [e for e in x.events if e.type == "make-statement"]


def test_an_age_never_dates_an_event():
    x = run("Court\n\nPolice arrested a 26-year-old man in the city after the attack.", MONDAY)
    arrest = occasion(x, "arrest")
    assert not any(t.key == arrest.time and t.span.text.endswith("old") for t in x.times)


def test_a_habit_is_no_event():
    x = run("Charity\n\nThe foundation raises funds annually to help homeless shelters.\n\n"
            "Volunteers meet every year to protest outside the ministry.", MONDAY)
    assert not [e for e in x.events if e.type in ("aid", "protest", "meeting")]


def test_an_annual_summit_held_on_a_day_is_an_event():
    x = run("Summit\n\nThe leaders attended the annual summit on Friday.", MONDAY)
    assert x.events


def test_the_lede_retells_the_headlines_event_with_a_possessive():
    x = run("Evacuation ordered as river rises\n\nThe town's evacuation began on Tuesday as the river rose.\n\n"
            "Residents were taken to schools.", MONDAY)
    evacuations = [e for e in x.events if e.type == "evacuation"]
    assert len(evacuations) == 1
    assert day_of(x, evacuations[0].time) == "2024-03-05"


def test_a_verbs_purpose_for_a_visit_is_the_visit_the_verb_tells():
    x = run("Minister in Moscow\n\nForeign Minister Anna Berg arrived in Moscow on Tuesday for a three-day visit.\n\n"
            "Berg will meet the Russian president.", MONDAY)
    visits = [e for e in x.events if e.type == "visit"]
    assert len(visits) == 1
    assert day_of(x, visits[0].time) == "2024-03-05"
