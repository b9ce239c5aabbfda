"""Noun cues: a noun of reporting with a content and a source ("her claim that …", "demands for …"), invented text."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_a_possessor_speaks_a_that_clause():
    got = said("Budget\n\nThe minister repeated her claim that the figures were false.")
    assert got == [("indirect", "minister", "the figures were false")]


def test_a_possessor_asks_for_what_a_for_phrase_names():
    got = said("Pay\n\nThe board did not give in to strikers' demands for a pay review.")
    assert got == [("indirect", "strikers", "a pay review")]


def test_an_of_phrase_names_who_requested_what_the_infinitive_says():
    got = said("Park\n\nThe governor agreed to the request of the fire chief to close the park.")
    assert got == [("indirect", "fire chief", "to close the park")]


def test_the_subject_of_a_light_verb_issues_the_warning():
    got = said("Pier\n\nThe Coast Guard issued warnings against swimming near the pier.")
    assert got == [("indirect", "Coast Guard", "swimming near the pier")]


def test_a_noun_for_people_before_the_noun_holds_a_proposition():
    got = said("Mill\n\nThe mill paused output after worker concerns that the boilers were unsafe.")
    assert got == [("indirect", "worker", "the boilers were unsafe")]


def test_without_a_source_a_noun_attributes_nothing():
    assert said("Dam\n\nThere are fears that the dam could burst. Claims of fraud were dismissed. "
                "China's demand for oil rose.") == []


def test_a_denied_claim_is_the_denier_s_not_the_claim_s_source():
    got = said("Water\n\nThe mayor dismissed the claim that the water was unsafe.")
    assert got == [("indirect", "mayor", "the claim that the water was unsafe")]


def test_a_view_the_speaker_voices_stops_before_a_relative_that_reports_another_view():
    got = said("Bypass\n\nThe farmer voiced doubts about the new bypass, which she thinks will split her fields.")
    assert ("indirect", "farmer", "the new bypass") in got


def test_a_stance_adjective_reports_the_topic_of_its_preposition():
    got = said("Airline\n\nThe pilots were apparently worried about the length of their rosters. "
               "The pilots were aware of the risks.")
    assert got == [("indirect", "pilots", "the length of their rosters")]


def test_a_short_quotation_inside_a_topic_is_a_term_not_the_source_s_words():
    got = said("Ward\n\nThe nurses were concerned about the spread of \"shadow rostering\", a practice of unpaid "
               "shifts.")
    assert got and got[0][0] == "indirect" and got[0][1] == "nurses"


def test_a_constitution_speaks_for_the_country_that_opens_its_name():
    got = said("Law\n\nGhana is a republic. The Ghana Constitution states that the president serves four years.")
    assert got == [("indirect", "Ghana", "the president serves four years")]


def test_a_noun_of_attitude_reports_only_when_a_verb_of_speaking_gives_it():
    got = said("Plan\n\nThe minister voiced opposition to the plan. The rebels received support from abroad. "
               "Officials gave support to the farmers. The mayor extended condolences over the deaths.")
    assert got == [("indirect", "minister", "the plan"), ("indirect", "mayor", "the deaths")]


def test_a_singular_attitude_with_a_topic_is_a_disposition_unless_voiced():
    got = said("Fear\n\nMs Orme's fear of flying is well known. The residents' fears of a new flood grew. "
               "The coach expressed concern about the break.")
    assert got == [("indirect", "residents", "a new flood"), ("indirect", "coach", "the break")]


def test_a_light_verb_s_subject_speaks_through_a_pronoun_possessor():
    got = said("Bill\n\nSenator Ruth Alder expressed her support for the bill.")
    assert got == [("indirect", "Ruth Alder", "the bill")]
