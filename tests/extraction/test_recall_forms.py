"""Reported speech the extraction used to miss, by form: invented texts, one or two per rule."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_a_surname_tagged_as_a_place_speaks_for_the_full_name_tagged_as_an_organisation():
    # the recogniser reads the full name as an organisation's (an apposition makes it a person) and the surname
    # alone as a place: the surname is still that person's, and what follows "said" is what he said
    text = ("Defence deal\n\nThe November 4 issue of the weekly published an interview with Tibor Selmóth, the "
            "government commissioner responsible for defence, in which the deal was announced.\n\n"
            "While not naming any other bidders, Selmóth said the bid won after lengthy negotiations.")
    assert said(text) == [("indirect", "Tibor Selmóth", "the bid won after lengthy negotiations")]
