"""Reported speech of forms met on news of other house styles: invented texts, one or two per rule."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_a_long_quotation_does_not_put_its_speaker_out_of_a_pronoun_s_reach():
    # four quoted sentences before "she told …": the distance back to the person is read over the narration
    text = ("Phones and romance\n\nMany people look for love with their phones. Jane Roe, a writer on dating for a "
            "city magazine, thinks technology has freed shy people. There are a million such phones in use.\n\n"
            "\"The trouble with these phones is people do not know what to film. It is a strange device. Nobody has "
            "worked out what it is for. This gives it a purpose,\" she told a radio station. \"I never thought "
            "dating online would grow so fast,\" she said.")
    found = said(text)
    assert ("direct", "Jane Roe", "The trouble with these phones is people do not know what to film. It is a "
            "strange device. Nobody has worked out what it is for. This gives it a purpose,") in found
    assert ("direct", "Jane Roe", "I never thought dating online would grow so fast,") in found
