"""Kinds of text where a key event's day used to be lost: the lead's day told by a verb that is no event, a cleft that
puts the day first, a weekend, a later mention that speaks of the event (invented texts; see docs/extraction.md,
"Event times")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Extraction
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def dated(x: Extraction) -> list[tuple[str, str | None]]:
    """(type, time value) of every event."""
    times = {t.key: t.value for t in x.times}
    return [(e.type, times.get(e.time or "")) for e in x.events]


def test_the_leads_main_verb_dates_the_headlines_event_whatever_the_verb():
    x = run("Veteran actor Tom Brannigan dies\n\nTom Brannigan, the actor best known for his stage work, passed away "
            "on Friday at his home in Leeds.\n\nHe was 88. His family thanked the hospital staff.", WEDNESDAY)
    assert ("death", "2024-03-08") in dated(x)
    x = run("Harriet Cole elected mayor of Dunmore\n\nHarriet Cole yesterday took the chair of Dunmore council, "
            "with the votes of 30 of its 41 members.\n\nShe follows Ian Marsh, who served two terms.", WEDNESDAY)
    assert ("election", "2024-03-12") in dated(x)


def test_a_lead_told_in_the_present_gives_no_day():
    x = run("Veteran actor Tom Brannigan dies\n\nTom Brannigan, who won a prize on Friday, is remembered by his "
            "friends in Leeds.\n\nHe was 88.", WEDNESDAY)
    assert ("death", None) in dated(x)


def test_a_cleft_puts_the_day_of_its_clause_first():
    x = run("Council news\n\nThe council met again.\n\nThe town has grown a lot.\n\nIt was on Monday that the "
            "minister resigned.", WEDNESDAY)
    assert ("resignation", "2024-03-11") in dated(x)
    x = run("Council news\n\nThe council met again.\n\nThe town has grown a lot.\n\nIt was on Monday, a week after "
            "the vote on Sunday, that the minister resigned.", WEDNESDAY)
    assert ("resignation", "2024-03-11") in dated(x)


def test_a_weekend_is_the_day_of_the_lead():
    x = run("Storm batters coast\n\nHigh winds and heavy rain swept across the coast at the weekend, cutting power "
            "to thousands of homes.\n\nEngineers are at work.", WEDNESDAY)
    assert ("storm-hit", "2024-W10-WE") in dated(x)


def test_a_later_inquiry_into_the_event_does_not_put_it_off_the_leads_day():
    x = run("Police shoot protester in capital\n\nPolice fired on the crowd and hit a protester yesterday.\n\n"
            "The march had been peaceful.\n\nRights groups called for an inquiry into the shooting.", WEDNESDAY)
    assert ("shooting", "2024-03-12") in dated(x)


def test_a_time_in_the_phrase_that_opens_a_sentence_dates_its_main_event_too():
    x = run("Council news\n\nThe council met again.\n\nThe town has grown a lot.\n\nOn a visit to the port on "
            "Thursday, the president signed the treaty.", WEDNESDAY)
    assert ("signing", "2024-03-07") in dated(x)
    assert ("visit", "2024-03-07") in dated(x)


def test_a_week_told_by_the_leads_main_verb_dates_the_headlines_event():
    x = run("Coder attacks software patents\n\nThe row between the firm and its rivals heated up earlier this week "
            "as a noted coder led the charge against patents.\n\nHe wrote a long post.", WEDNESDAY)
    assert ("attack", "2024-W11") in dated(x)
    x = run("Leader to unveil plan\n\nThe leader spoke yesterday of a plan to be unveiled later this week.\n\nShe "
            "gave no details.", WEDNESDAY)  # (a planned event's week is no day of the lead's news)
    assert all(v != "2024-W11" for t, v in dated(x) if t != "make-statement")


def test_a_bound_is_no_day_of_the_leads_news():
    x = run("Climber found dead\n\nRescuers searched the hills for a climber missing since Sunday.\n\nHis body lay "
            "near a ridge.\n\nPolice named him.", WEDNESDAY)
    assert ("death", None) in dated(x)
