"""Statements the extraction used to miss, by class: invented texts, one per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_an_initialism_does_not_end_the_sentence_of_a_cue():
    got = said("Carmaker probe\n\nOn Friday Veloria Motors said in a filing to the U.S. Securities and Exchange "
               "Commission that the inquiry had started in May.")
    assert got == [("indirect", "Veloria Motors", "the inquiry had started in May")]


def test_a_name_tagged_elsewhere_speaks_where_the_recogniser_missed_it():
    got = said("Trade pact\n\nNigeria signed the pact on Sunday.\n\n"
               "Nigeria previously announced it planned to join the pact in the week before the summit.")
    assert ("indirect", "Nigeria", "it planned to join the pact in the week before the summit") in got


def test_an_untagged_name_with_a_title_that_speaks_is_a_person():
    got = said("Parliament\n\nYesterday, the United Kingdom's Queen Elizabeth II announced she will comply with the "
               "request of the government.")
    assert got == [("indirect", "Elizabeth II", "she will comply with the request of the government")]


def test_a_relative_introduced_by_name_is_who_his_daughter_said_is():
    got = said("Drummer dies\n\nJazz drummer Leon Marsh died on Sunday at the age of 80. The news was confirmed by "
               "the club with his daughter Ruth Marsh.\n\nThough he lived in Spain, his daughter said he died in London.")
    assert got == [("indirect", "Ruth Marsh", "he died in London")]


def test_the_plural_of_any_noun_for_a_person_is_a_group_that_speaks():
    got = said("Storm\n\nForecasters predicted heavy rain on the coast. The defendants claimed the money was a loan.")
    assert got == [("indirect", "Forecasters", "heavy rain on the coast"),
                   ("indirect", "defendants", "the money was a loan")]
