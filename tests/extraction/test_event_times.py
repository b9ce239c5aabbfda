"""Key events and their dates: the time the text gives an event, however the parser attaches it (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def dated(text: str, trigger: str, date: dt.date = MONDAY) -> str | None:
    """The date value of the event one of whose mentions reads ``trigger``."""
    x = run(text, date)
    times = {t.key: t.value for t in x.times}
    event = next(e for e in x.events if any(m.text == trigger for m in e.mentions))
    return times.get(event.time) if event.time else None


def test_a_day_hung_on_the_wrong_noun_still_dates_the_clause():
    text = ("Rivertown defeat Hillcrest in second round of 2024 county league season\n\n"
            "Rivertown defeated Hillcrest 30 points to 12 in their round 2 county league match at the Mill Lane "
            "ground on Saturday.")
    assert dated(text, "defeated") == "2024-03-09"  # the day, not the year of the season


def test_a_date_buried_in_a_phrase_is_not_the_events():
    text = "Title\n\nThe Rivertown club lost in the third round of the 2023 cup."
    x = run(text, MONDAY)
    assert all(e.time is None for e in x.events if any(m.text == "lost" for m in e.mentions))


def test_readout_spoke_with_is_the_call_and_discussed_is_what_they_did_in_it():
    text = ("Secretary Lane's Call with Foreign Minister Ruiz\n\n"
            "Secretary Tom Lane spoke today with Foreign Minister Ana Ruiz of Norland. They discussed trade and "
            "the meeting between their presidents. The two also discussed energy.")
    x = run(text, MONDAY)
    times = {t.key: t.value for t in x.times}
    call = next(e for e in x.events if any(m.text == "spoke" for m in e.mentions))
    assert times.get(call.time or "") == "2024-03-11"
    assert sum(m.text == "discussed" for m in call.mentions) == 2


def test_coordinated_verbs_share_the_sentences_day():
    text = ("Knife attack\n\nOn Sunday in Elmford, a man entered a shop, took a knife and began to stab people.")
    assert dated(text, "stab") == "2024-03-10"


def test_a_verdict_on_thursday_is_the_trials():
    text = "Officers convicted\n\nAfter a jury trial, three guards were found guilty of fraud on Thursday."
    assert dated(text, "found guilty") == "2024-03-07"


def test_last_month_name_is_the_one_before():
    x = run("Title\n\nThe reporter was killed last October in the consulate.", dt.date(2024, 9, 26))
    assert next(t.value for t in x.times if "October" in t.span.text) == "2023-10"
    x = run("Title\n\nThe summit will be held next March.", dt.date(2024, 9, 26))
    assert all(t.value != "2023-03" for t in x.times)


def test_breaking_news_events_take_the_leads_day():
    text = ("Car bomb kills dozens at army base\n\nA car bomb was on Sunday rammed into an army base in Elmford. "
            "Dozens died and many more were wounded.")
    assert dated(text, "died") == "2024-03-10"
    # an event the lead does not report keeps no date
    text2 = text + "\n\nThe base was built in the 1990s.\n\nOfficials promised an inquiry."
    x = run(text2, MONDAY)
    assert all(e.time is None for e in x.events if any(m.text == "inquiry" for m in e.mentions))


def test_a_time_that_opens_the_sentence_dates_each_of_its_events():
    text = ("Storm nears\n\nToday, as the storm hit the islands, the weather service issued alerts for the coast.")
    assert dated(text, "issued") == "2024-03-11"
    assert dated(text, "storm") == "2024-03-11"


def test_an_invasion_and_the_offensive_are_one_event():
    text = ("Norland invades Sylvania\n\nNorland began a military offensive into Sylvania on Wednesday, its "
            "government said.")
    assert dated(text, "invades") == "2024-03-06"
