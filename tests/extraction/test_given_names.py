"""Given names from birth registers (kg/data/lexicon/given_names_derived.tsv): a name the recogniser types as a
place is a person's when a given name opens it, and a given name tells "he" from "she". Invented texts."""

from __future__ import annotations

import pytest

from kg import lexicon
from tests.extraction.helpers import said, speaker_of

pytestmark = pytest.mark.slow

MATCH = ("Rovers edge past City in cup thriller\n\n"
         "Rovers reached the quarter-finals of the Cup with a 2-1 win over City on Saturday, thanks to a late goal "
         "from Tomas Keel.\n\n"
         "Rovers manager Alan Pike said his side had shown great character. \"We were second best for an hour, but "
         "the lads never gave up,\" Pike said.\n\n"
         "Keel, 23, said the goal was the best of his career. \"I just hit it and hoped,\" the striker said.\n")


def test_the_derived_names_carry_a_gender_and_leave_out_common_words():
    names = lexicon.given_names()
    assert names["tomas"] == "m" and names["petra"] == "f"
    assert "will" not in names and "grant" not in names  # words first
    assert names["maria"] == "f"  # the curated list is kept


def test_a_name_typed_as_a_place_is_a_person_when_a_given_name_opens_it():
    assert ("indirect", "Tomas Keel", "the goal was the best of his career") in said(MATCH)
    assert speaker_of(MATCH, "I just hit it") == "Tomas Keel"


def test_he_is_not_the_woman_the_quote_names():
    text = ("Minister quits over leak\n\n"
            "The finance minister of Norland, Petra Alving, resigned on Friday after a draft of the budget appeared "
            "in a newspaper.\n\n"
            "Prime Minister Jonas Brekke praised her work. \"Petra has been a loyal colleague,\" he said.\n")
    assert speaker_of(text, "loyal colleague") == "Jonas Brekke"
