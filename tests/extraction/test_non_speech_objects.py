"""Verbs of feeling report a view only with a clause: "felt that …" is a statement, "felt the sorrow" is not
(invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, speaker_of

pytestmark = pytest.mark.slow


def test_a_feeling_with_an_object_is_no_statement():
    text = ("Search ends\n\n"
            "Inspector Mark Dawson said the officers who led the search felt the sorrow acutely.")
    assert [s.cue_lemma for s in run(text).statements] == ["say"]


def test_a_view_felt_with_a_clause_is_a_statement():
    text = ("Search ends\n\n"
            "Inspector Mark Dawson felt that the search had been called off too early.")
    assert speaker_of(text, "the search had been called off too early") == "Mark Dawson"
