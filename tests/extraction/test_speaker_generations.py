"""A father and a son sharing a name, told apart by "Sr." and "Jr." (invented texts): a wrong named speaker when the
suffix is read as the surname."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, speaker_of

pytestmark = pytest.mark.slow

BAKERY = ("Family business\n\n"
          "Tom Harlan Sr. founded the bakery in 1972. His son, Tom Harlan Jr., now runs it with his wife.\n\n"
          "“We bake every loaf by hand,” Harlan Jr. said.\n\n"
          "The elder Harlan, now 81, still visits every morning. “I taste the first loaf,” Harlan Sr. said.")


def test_the_suffix_picks_the_generation():
    assert speaker_of(BAKERY, "We bake every loaf") == "Tom Harlan Jr."
    assert speaker_of(BAKERY, "I taste the first loaf") == "Tom Harlan Sr."


def test_the_surname_of_a_name_with_a_suffix_is_the_word_before_it():
    text = ("Coach remembers\n\n"
            "Frank Mayfield Jr. said he had trained the young player for four seasons. "
            "“He was a good kid,” Mayfield told the paper.")
    x = run(text)
    people = [a.label for a in x.actors if a.kind == "person"]
    assert people == ["Frank Mayfield Jr."]
    assert speaker_of(text, "He was a good kid") == "Frank Mayfield Jr."


def test_a_regnal_number_is_part_of_the_name():
    text = ("Royal visit\n\n"
            "King Charles III visited the flooded town on Monday. "
            "“The courage of this town is humbling,” Charles III said.")
    assert speaker_of(text, "The courage of this town") == "Charles III"
