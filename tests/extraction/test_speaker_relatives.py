"""Relatives and representatives of the person a story is about speak for themselves: "the mother of X", "the
mother" after a story about a son, "a lawyer for X" are never X (invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import speaker_of

pytestmark = pytest.mark.slow

CRASH = "Crash\n\nDaniel Brooks, 19, died in the crash on Friday. "


@pytest.mark.parametrize("sentence", [
    "“He loved that car,” the mother of Brooks said.",
    "“He loved that car,” the mother said.",
    "“He loved that car,” said a lawyer for Brooks.",
])
def test_a_relative_or_a_representative_is_not_the_person_of_the_story(sentence):
    assert speaker_of(CRASH + sentence, "He loved that car") != "Daniel Brooks"


def test_the_mother_of_the_story_is_still_the_mother():
    text = "Crash\n\nMaria Lopez lost her son in the crash on Friday. “He loved that car,” the mother said."
    assert speaker_of(text, "He loved that car") == "Maria Lopez"
