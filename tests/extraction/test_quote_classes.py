"""Classes of direct quotations and speakers seen in news writing of many publishers: invented texts, one set per
class (the quotation-coverage check of bench.quote_coverage found them on unlabelled articles)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said, speaker_of

pytestmark = pytest.mark.slow


# --- the speaker of "he said" is never somebody named only inside the quotation ----------------------------------


def test_he_said_after_a_quote_naming_other_people():
    text = ("Search called off\n\n"
            "Police superintendent Tom Ridley thanked the volunteers on Sunday.\n\n"
            "“Our thoughts are with Robin Ashby's parents and with Casey Moran's family at this time,” he said.")
    assert speaker_of(text, "Our thoughts are with") == "Tom Ridley"


def test_he_added_after_a_two_paragraph_quote_naming_others():
    text = ("Plant closure\n\n"
            "The union's regional secretary, Dev Patel, spoke outside the gates on Friday.\n\n"
            "“We told Jordan Reyes and the board that this would happen.\n\n"
            "“Jordan Reyes knew the figures for months,” he added.")
    assert speaker_of(text, "knew the figures") == "Dev Patel"


# --- quotation marks mixed in one quotation (scraped text): a straight mark closed by a curly one ----------------


def test_straight_opening_closed_by_a_curly_mark():
    text = ("Arrest made\n\n"
            "Harbour Police Chief Alan Mercer spoke on Wednesday.\n\n"
            "\"After 30 years in this job, I cannot describe what the suspect did,” the chief said at a news "
            "conference.")
    got = said(text)
    assert ("direct", "Alan Mercer", "After 30 years in this job, I cannot describe what the suspect did,") in got


def test_curly_opening_closed_by_a_straight_mark():
    got = said("School reopens\n\n“We will rebuild the school before the winter comes,\" Mayor Ana Ruiz said.")
    assert ("direct", "Ana Ruiz", "We will rebuild the school before the winter comes,") in got


def test_a_straight_quote_nested_in_a_curly_one_stays_nested():
    got = said("Talks fail\n\n“He told me \"no\" and walked out of the room,” union leader Mia Stone said.")
    assert ("direct", "Mia Stone", "He told me \"no\" and walked out of the room,") in got
