""""The 24-year-old said": the person the article gives that age, never one it gives another (invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import speaker_of, speaker_of_or_none

pytestmark = pytest.mark.slow

COURT = ("Court\n\nDaniel Brooks, 24, was sentenced to six years. His co-defendant, Mark Hale, 31, was cleared. ")


@pytest.mark.parametrize("age, person", [("24", "Daniel Brooks"), ("31", "Mark Hale")])
def test_the_age_picks_the_person(age, person):
    assert speaker_of(COURT + f"“I am innocent,” the {age}-year-old said.", "I am innocent") == person


def test_an_age_nobody_has_is_nobody_named():
    assert speaker_of_or_none(COURT + "“I am innocent,” the 40-year-old said.", "I am innocent") not in \
        ("Daniel Brooks", "Mark Hale")


@pytest.mark.parametrize("intro", ["A 24-year-old man, Daniel Brooks, was sentenced.",
                                   "24-year-old Daniel Brooks was sentenced."])
def test_an_age_before_the_name(intro):
    text = f"Court\n\n{intro} Mark Hale, 31, was cleared. “I am innocent,” the 24-year-old said."
    assert speaker_of(text, "I am innocent") == "Daniel Brooks"
