"""Noun cues: a noun of reporting with a content and a source ("her claim that …", "demands for …"), invented text."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_a_possessor_speaks_a_that_clause():
    got = said("Budget\n\nThe minister repeated her claim that the figures were false.")
    assert got == [("indirect", "minister", "the figures were false")]


def test_a_possessor_asks_for_what_a_for_phrase_names():
    got = said("Protest\n\nThe council did not accede to protesters' demands for a new inquiry.")
    assert got == [("indirect", "protesters", "a new inquiry")]


def test_an_of_phrase_names_who_requested_what_the_infinitive_says():
    got = said("Parliament\n\nThe Queen will comply with the request of the prime minister to suspend Parliament.")
    assert got == [("indirect", "prime minister", "to suspend Parliament")]


def test_the_subject_of_a_light_verb_issues_the_warning():
    got = said("Base\n\nThe Air Force issued warnings against attempts to enter the base.")
    assert got == [("indirect", "Air Force", "attempts to enter the base")]


def test_a_noun_for_people_before_the_noun_holds_a_proposition():
    got = said("Plant\n\nThe plant closed after worker concerns that the tests could be inconsistent.")
    assert got == [("indirect", "worker", "the tests could be inconsistent")]


def test_without_a_source_a_noun_attributes_nothing():
    assert said("Dam\n\nThere are fears that the dam could burst. Claims of fraud were dismissed. "
                "China's demand for oil rose.") == []


def test_a_denied_claim_is_the_denier_s_not_the_claim_s_source():
    got = said("Water\n\nThe mayor dismissed the claim that the water was unsafe.")
    assert got == [("indirect", "mayor", "the claim that the water was unsafe")]


def test_a_view_the_speaker_voices_stops_before_a_relative_that_reports_another_view():
    got = said("Club\n\nThe coach expressed concerns about the coming break, which he believes will hurt the team.")
    assert ("indirect", "coach", "the coming break") in got


def test_a_stance_adjective_reports_the_topic_of_its_preposition():
    got = said("Plant\n\nThe engineers were reportedly concerned about the calculation of the load. "
               "The engineers were aware of the risks.")
    assert got == [("indirect", "engineers", "the calculation of the load")]


def test_a_short_quotation_inside_a_topic_is_a_term_not_the_source_s_words():
    got = said("Plant\n\nThe engineers were concerned about the calculation of \"rolling load\", a measure of drag.")
    assert got and got[0][0] == "indirect" and got[0][1] == "engineers"


def test_a_constitution_speaks_for_the_country_that_opens_its_name():
    got = said("Law\n\nThe United States is a republic. The United States Constitution specifies that officials "
               "are removed from office after being impeached.")
    assert got == [("indirect", "United States", "officials are removed from office after being impeached")]


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
