"""Speakers on text laid out by any publisher: classes of wrong named speakers, each with an invented text."""

from __future__ import annotations

import pytest

from kg.extraction.captions import CREDIT
from tests.extraction.helpers import run, said, speaker_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("line", [
    "Boats moored in a flooded car park in Harwick on Monday. Ellen Marsh / Coastal Tribune via Getty Images",
    "Volunteers fill sandbags in Eastport. (AP Photo/Lena Ward)",
    "The square after the storm. Photograph: Omar Lind/Reuters",
    "A rescue boat on the river. Photo: Kim Sato",
])
def test_photo_credits_mark_a_caption(line):
    assert CREDIT.search(line)


@pytest.mark.parametrize("line", [
    "The river rose two metres overnight, the county said.",
    "Prices rose 3 per cent in the year to June, with food up 5 per cent.",
])
def test_story_sentences_are_not_captions(line):
    assert not CREDIT.search(line)


def test_a_caption_between_a_quote_and_she_said_is_not_the_referent():
    text = ("Quay flooded\n\n"
            "Mayor Sigrun Dahl ordered the low quay cleared on Thursday.\n\n"
            "“The tide will stay high until Saturday,” Dahl said.\n\n"
            "Greta Halloran pushes a wheelbarrow along her flooded lane in Ashcombe on Thursday. Photo by Kasia "
            "Lindgren/Ridge Gazette\n\n"
            "“Families on the quay should go to the school hall tonight,” she said.")
    assert speaker_of(text, "Families on the quay") == "Sigrun Dahl"


def test_words_recalled_as_someone_elses_are_theirs():
    text = ("A book of buttons\n\n"
            "Peter Langley, a retired tailor, offered a history of buttons to two editors. "
            "“Nobody will buy a book about buttons,” Mr. Langley recalls the editor saying.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    st = next(s for s in x.statements if "book about buttons" in s.quote)
    assert labels.get(st.speaker or "") != "Peter Langley"
    assert labels.get(st.reported_by or "") == "Peter Langley"


def test_a_name_that_modifies_a_noun_is_not_introduced_by_that_nouns_apposition():
    # "The senior editor, a Quayle expert": the editor is the expert, not the weaver
    text = ("A book of buttons\n\n"
            "Peter Langley spent forty years on a life of the weaver Thomas Quayle. "
            "The senior editor, a Quayle expert in Leeds, laughed at his idea for a book. "
            "“Nobody will buy a book about buttons,” the editor said.")
    assert speaker_of(text, "book about buttons") not in ("Thomas Quayle", "Peter Langley")



def test_a_headline_role_is_not_bound_to_a_word_that_qualifies_another_rank():
    # "Chief Insp X" is an inspector: the headline's "Police chief" is not X
    text = ("Police chief speaks of 'a bitter morning'\n\n"
            "The head of the regional force, Commander Hedda Lorne, said the hunt had ended without hope. "
            "\"It is a bitter morning for everyone in Pellham,\" she said.\n\n"
            "Later, Chief Insp Colm Atherby laid flowers at the harbour wall.")
    assert "Atherby" not in (speaker_of(text, "a bitter morning'") or "")


def test_a_role_bound_to_a_person_named_only_later_is_less_sure():
    text = ("Police chief speaks of 'a bitter morning'\n\n"
            "Police Chief Hedda Lorne said the hunt had ended without hope. "
            "\"It is a bitter morning for everyone in Pellham,\" the chief said.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    ahead = next(s for s in x.statements if "a bitter morning'" in s.quote)
    later = next(s for s in x.statements if "everyone in Pellham" in s.quote)
    assert labels.get(ahead.speaker or "") == labels.get(later.speaker or "") == "Hedda Lorne"
    assert ahead.evidence == "role ahead" and later.evidence == "role"
    assert ahead.confidence < later.confidence


def test_he_said_after_a_sentence_about_another_man_is_contested():
    text = ("Appeal planned\n\n"
            "“We will appeal,” said defence lawyer Tom Ross on Monday.\n\n"
            "Judge Mark Bell sentenced the man to five years in March.\n\n"
            "“This is not over,” he said.")
    x = run(text)
    st = next(s for s in x.statements if "not over" in s.quote)
    assert st.evidence == "contested pronoun" and st.confidence < 0.8


def test_he_said_with_one_man_in_view_is_not_contested():
    text = ("Appeal planned\n\n"
            "Defence lawyer Tom Ross spoke to reporters on Monday after the sentence.\n\n"
            "“This is not over,” he said.")
    st = next(s for s in run(text).statements if "not over" in s.quote)
    assert st.evidence == "pronoun" and st.confidence == 0.8


@pytest.mark.parametrize("sentence", ["Coach Ray Cole praised him after the game.",
                                      "The mayor thanked them for their patience.",
                                      "Her rival welcomed her to the race."])
def test_a_person_as_the_object_is_not_what_was_said(sentence):
    text = "Match\n\n“I thought we deserved it,” said striker Leo Grant on Sunday. " + sentence
    assert not [s for s in run(text).statements if s.quote.strip(" .") in ("him", "them", "her")]


@pytest.mark.parametrize("noun", ["archbishop", "rabbi", "pharmacist", "sergeant", "headteacher"])
def test_a_person_noun_beyond_posts_speaks_and_takes_the_person_it_introduced(noun):
    unnamed = said(f"Vigil\n\nThe {noun} said, \"We will keep the doors open all night.\"")
    assert unnamed == [("direct", noun, "We will keep the doors open all night.")]
    named = said(f"Vigil\n\nThe vigil was led by {noun.capitalize()} Tomas Ferreira on Sunday. The {noun} said, "
                 "\"We will keep the doors open all night.\"")
    assert ("direct", "Tomas Ferreira", "We will keep the doors open all night.") in named
