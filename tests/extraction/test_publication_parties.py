"""Who made a text public: the subject of the verb whose "in" phrase names the text (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow


def parties(text: str, trigger: str) -> list[str]:
    x = run(text, dt.date(2024, 3, 11))
    labels = {a.key: a.label for a in x.actors}
    return [labels[p.actor] for e in x.events if e.mentions[0].text == trigger for p in e.participants]


def test_the_biologists_who_report_a_paper_published_it():
    got = parties("Eels nap\n\nIn a paper published on Wednesday in the journal Ocean Letters, biologists at the "
                  "Brenn Institute reported that eels sleep in short bursts.", "published")
    assert any("biologists" in p for p in got)


def test_the_ministry_speaking_in_a_statement_released_it():
    got = parties("Ministry answers critics\n\nIn a statement released on Monday, the Norland health ministry said "
                  "the clinics would reopen.", "released")
    assert any("ministry" in p.lower() for p in got)
