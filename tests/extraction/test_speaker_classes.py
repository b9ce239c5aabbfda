"""Speakers on text laid out by any publisher: classes of wrong named speakers, each with an invented text."""

from __future__ import annotations

import pytest

from kg.extraction.captions import CREDIT
from tests.extraction.helpers import run, speaker_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("line", [
    "Water covers the road near Milbrook on Friday. Tom Reyes / Valley Courier via Getty Images",
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
    text = ("Floods close roads\n\n"
            "County Judge Alma Ruiz ordered evacuations on Thursday.\n\n"
            "“We expect the water to keep rising through the weekend,” Ruiz said.\n\n"
            "Mabel Ostrander wades through her flooded yard in Dunmore on Thursday. Tom Reyes / Valley Courier via "
            "Getty Images\n\n"
            "“People near the creek should leave tonight,” she said.")
    assert speaker_of(text, "People near the creek") == "Alma Ruiz"


def test_words_recalled_as_someone_elses_are_theirs():
    text = ("A show nobody wanted\n\n"
            "Ines Marlow, a novelist, proposed an exhibition of hats to two museum directors. "
            "“You might as well show umbrellas,” Ms. Marlow recalls the director saying.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    st = next(s for s in x.statements if "show umbrellas" in s.quote)
    assert labels.get(st.speaker or "") != "Ines Marlow"
    assert labels.get(st.reported_by or "") == "Ines Marlow"


def test_a_name_that_modifies_a_noun_is_not_introduced_by_that_nouns_apposition():
    # "The first director, a Vermeer scholar": the director is the scholar, not the painter
    text = ("A show nobody wanted\n\n"
            "Ines Marlow spent ten years on a life of the painter Pieter Vermeulen. "
            "The first director, a Vermeulen scholar in Ghent, laughed at her idea of a show. "
            "“You might as well show umbrellas,” the director said.")
    assert speaker_of(text, "show umbrellas") not in ("Pieter Vermeulen", "Ines Marlow")



def test_a_headline_role_is_not_bound_to_a_word_that_qualifies_another_rank():
    # "Chief Insp X" is an inspector: the headline's "Police chief" is not X
    text = ("Police chief describes 'darkest of days'\n\n"
            "The head of the county force, Commander Ruth Okafor, said the search had ended in grief. "
            "\"This is the darkest of days for the village,\" she said.\n\n"
            "Later, Chief Insp Dev Brannigan walked with volunteers to the church.")
    assert "Brannigan" not in (speaker_of(text, "darkest of days'") or "")


def test_a_role_bound_to_a_person_named_only_later_is_less_sure():
    text = ("Police chief describes 'darkest of days'\n\n"
            "Police Chief Ruth Okafor said the search had ended in grief. "
            "\"This is the darkest of days for the village,\" the chief said.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    ahead = next(s for s in x.statements if "darkest of days'" in s.quote)
    later = next(s for s in x.statements if "for the village" in s.quote)
    assert labels.get(ahead.speaker or "") == labels.get(later.speaker or "") == "Ruth Okafor"
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
