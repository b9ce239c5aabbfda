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
