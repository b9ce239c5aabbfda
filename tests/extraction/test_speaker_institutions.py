"""Institutions named by a common noun speak ("the national weather service warned …"), "the club" is the club the
story is about, and a hospital's name is an organisation's even when the recogniser tags it as a person's.
Invented texts."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said, speaker_of, speaker_of_or_none

pytestmark = pytest.mark.slow

STORM = ("Floods\n\n"
         "Interior Minister Sara Holm visited the area on Sunday.\n\n"
         "The national weather service warned that more rain was expected on Monday.\n\n"
         "The port authority said the harbour would stay closed.\n")

CLUB = ("Coach leaves Harbour Athletic\n\n"
        "Harbour Athletic parted ways with head coach Ivo Brandt on Monday after a run of seven defeats.\n\n"
        "The club said in a statement that a successor would be named within two weeks.\n\n"
        "St Mary's Hospital said the injured fan was in a stable condition. The hospital said he would stay "
        "overnight.\n")


def test_a_service_and_an_authority_speak():
    assert speaker_of(STORM, "more rain was expected") == "national weather service"
    assert speaker_of(STORM, "harbour would stay closed") == "port authority"


def test_the_club_is_the_club_named_before():
    assert speaker_of(CLUB, "a successor would be named") == "Harbour Athletic"


def test_a_hospital_tagged_as_a_person_is_an_organisation():
    assert speaker_of(CLUB, "in a stable condition") == "St Mary's Hospital"
    assert speaker_of(CLUB, "stay overnight") == "St Mary's Hospital"


def test_a_plural_subject_that_reports_a_clause_is_a_group_that_speaks():
    text = ("Strike\n\nThe operators said the demands were unaffordable.\n\n"
            "The airlines warned that fares would rise.\n\nFigures showed that sales had fallen.\n")
    assert speaker_of(text, "the demands were unaffordable") == "operators"
    assert speaker_of(text, "fares would rise") == "airlines"
    assert speaker_of_or_none(text, "sales had fallen") is None  # what figures show is nobody's statement


RECALL = ("Automaker recalls 200,000 SUVs over brake defect\n\n"
          "DETROIT (AP) — Harlow Motors is recalling nearly 200,000 SUVs because the brakes can fail without warning, "
          "the company said Tuesday.\n\n"
          "\"Safety is our top priority,\" spokeswoman Jenna Moss said in an email.\n")


def test_the_company_is_the_story_s_company_not_the_headline_s_noun_nor_the_dateline_s_agency():
    assert speaker_of(RECALL, "brakes can fail") == "Harlow Motors"


def test_a_headline_s_bare_body_noun_speaks():
    text = "Strike will go on, union says\n\nRail workers will strike again on Monday, the RMT union said.\n"
    assert speaker_of_or_none(text, "Strike will go on") is not None


def test_a_company_by_the_first_word_of_its_name():
    text = RECALL + "\nHarlow said in a statement it was not aware of any crashes or injuries.\n"
    assert speaker_of(text, "not aware of any crashes") == "Harlow Motors"


def test_what_footprints_suggest_is_nobody_s_statement_and_an_occupation_is_not_a_given_name():
    text = ("Footprints\n\nFossilised footprints found in a dry lake bed suggest humans arrived earlier than "
            "thought, researchers reported on Thursday.\n\nArchaeologist Ben Ortiz, who was not involved in the "
            "study, said the dating method could be affected by groundwater.\n")
    assert speaker_of_or_none(text, "humans arrived earlier") == "researchers"
    assert speaker_of(text, "dating method") == "Ben Ortiz"


def test_their_union_said():
    text = ("Strike called off\n\nNurses at three hospitals have called off a planned strike after accepting a new "
            "pay offer, their union said on Thursday.\n")
    assert speaker_of(text, "called off a planned strike") == "union"


def test_a_person_familiar_with_the_matter_is_nobody_named_before():
    text = ("Tech giant to cut jobs\n\nOrbis Technologies said on Friday it would cut about 5,000 jobs.\n\n"
            "\"We over-hired during the pandemic,\" a person familiar with the matter told Wire.\n")
    assert speaker_of(text, "over-hired") == "person"


def test_a_statement_which_reads_speaks_for_who_released_it_a_name_the_recogniser_left_untagged():
    which = said("Ruling\n\nAcme released a statement which read, in part, \"This judgment raises critical "
                 "questions.\"")
    assert which == [("direct", "Acme", "This judgment raises critical questions.")]
    that = said("Ruling\n\nAcme released a statement that said, \"This judgment raises critical questions.\"")
    assert that == [("direct", "Acme", "This judgment raises critical questions.")]


def test_an_acronym_the_tagger_read_as_a_pronoun_speaks_as_a_body():
    assert said("Virus\n\nWHO said the virus had spread to 114 countries.") == [
        ("indirect", "WHO", "the virus had spread to 114 countries")]
    assert said("Virus\n\nThose WHO said that were wrong.") == []


@pytest.mark.parametrize("source", ["rescue staff", "ship rescue personnel"])
def test_staff_and_personnel_speak_as_a_group(source):
    assert said(f"Rescue\n\nAccording to {source}, the man was exhausted.") == [
        ("indirect", source, "the man was exhausted")]


def test_a_lone_name_nobody_bears_that_reports_is_a_body_and_a_surname_stays_its_person():
    assert said("Crash\n\nFirenet indicated the injuries were minor.") == [
        ("indirect", "Firenet", "the injuries were minor")]
    assert said("Art\n\nNewsline observed the exhibit features photographs of the designer.") == [
        ("indirect", "Newsline", "the exhibit features photographs of the designer")]
    assert said("Art\n\nJo Maddox spoke first. Maddox observed the exhibit features photographs of the designer.") == [
        ("indirect", "Jo Maddox", "the exhibit features photographs of the designer")]


def test_a_short_name_given_in_brackets_is_the_body_of_the_full_name():
    got = said("Fire\n\nThe State Fire Command (Firecom) said the flames were put out by noon. Firecom indicated the "
               "injuries were minor.")
    assert ("indirect", "State Fire Command", "the injuries were minor") in got


def test_the_company_is_never_a_public_body_named_more_often():
    got = said("Crash\n\nThe Department of Fire Protection said the fire was out. The Department of Fire Protection "
               "said roads were closed. The three dead were Acme Power contract employees. The company said power "
               "was restored by 20:21.")
    assert ("indirect", "Acme Power", "power was restored by 20:21") in got
