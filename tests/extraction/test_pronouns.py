"""Pronouns resolved by salience: invented texts, one per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, speaker_of

pytestmark = pytest.mark.slow


def referent(text: str, before: str, pronoun: str) -> str | None:
    """The label of the actor the first ``pronoun`` after ``before`` is resolved to (None if it is not)."""
    at = text.index(pronoun, text.index(before) + len(before))
    for actor in run(text).actors:
        if any(m.kind == "pronoun" and m.span.begin == at for m in actor.mentions):
            return actor.label
    return None


def test_the_person_a_quotation_is_about_stays_in_view_after_it():
    text = ("Bank robbery\n\n"
            "Detective Sergeant Lena Ford, who led the inquiry, spoke about Marcus Webb on Friday: “Webb planned the "
            "robbery for months. Webb kept a diary of every visit to the bank. Nobody at the bank noticed.”\n\n"
            "Police later found a map of the vault in his car.")
    assert referent(text, "the vault in", "his") == "Marcus Webb"


def test_an_object_is_not_its_own_clauses_subject():
    text = ("Talks\n\n"
            "Minister Ana Ruiz met the envoy Paul Grant in Lisbon on Monday. Ruiz told him the talks would resume in May.")
    assert referent(text, "Ruiz told", "him") == "Paul Grant"


def test_an_oblique_pronoun_skips_the_subject_of_its_clause():
    text = ("Court\n\n"
            "The singer Rosa Delgado testified on Monday. She said Jules Avery had been unkind to her for years.")
    assert referent(text, "unkind to", "her") == "Rosa Delgado"


def test_the_subject_of_the_sentence_is_the_he_of_its_complement():
    text = ("Inquiry\n\n"
            "The report blamed the pilot, Omar Haddad, for the crash. Airline chief Victor Brandt accepted the findings "
            "about Haddad but did not say he would resign.")
    assert referent(text, "did not say", "he") == "Victor Brandt"


def test_the_nearest_name_of_its_sentence_owns_a_possessive():
    text = ("Bystanders\n\n"
            "Police identified the gunman as Omar Khalid on Saturday. One of the passers-by who pinned Khalid down was Dan "
            "Fisher, an inmate nearing the end of his term.")
    assert referent(text, "end of", "his") == "Dan Fisher"


def test_she_said_goes_to_who_spoke_not_to_whom_her_report_was_about():
    from tests.extraction.helpers import speaker_of

    text = ("Wrestler dies at 22\n\n"
            "Japanese wrestler Aiko Tanabe has died at the age of 22.\n\n"
            "Her mother told reporters that Tanabe had been receiving abusive messages for months. She said her "
            "daughter was exhausted.\n")
    assert speaker_of(text, "her daughter was exhausted") == "Her mother"


def test_it_said_after_an_unnamed_body_that_acts():
    from tests.extraction.helpers import speaker_of

    text = ("Airline\n\nA regional airline has cancelled 200 flights because of a pilot shortage. It said passengers "
            "would be offered refunds.\n")
    assert speaker_of(text, "offered refunds") == "regional airline"


def test_he_said_after_a_sentence_giving_somebody_s_view_is_that_person():
    text = ("Exhibit\n\nThe painter Piet Molenaar drew crowds all week. Mary Lee, a student, said she liked the show. "
            "For Kevin Allton, a teacher of English, Molenaar was also a legend. He said, \"Molenaar was the centre "
            "of his century. He is a giant.\"")
    assert speaker_of(text, "Molenaar was the centre") == "Kevin Allton"


def test_he_also_goes_on_with_the_subject_of_the_sentence_before():
    text = ("Rift\n\nPrime Minister Oleg Daniv offered to resign on Friday. Daniv said the leader is \"a model of "
            "honesty for me\"; however, \"I wrote a resignation offer\", he added.\n\nPresident Ivan Bordun said in a "
            "meeting with Daniv, \"I decided to give you a chance.\"\n\nHe also instructed security agencies to "
            "investigate who leaked the recording.")
    assert speaker_of(text, "to investigate who leaked") == "Ivan Bordun"
