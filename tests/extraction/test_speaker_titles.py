"""Titles before names in readouts: a surname that is also a town's name is a person's after a title ("President
Obama"), and "The Secretary and Foreign Minister X" are two people — "the Secretary" stays the one introduced as
Secretary. Invented texts (a real surname where the class needs a town's name)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import said, speaker_of

pytestmark = pytest.mark.slow


def test_a_surname_that_names_a_town_is_a_person_after_a_title():
    text = ("Readout of the call\n\n"
            "President Obama called Prime Minister Lena Holt this morning. President Obama reaffirmed his "
            "commitment to work with Norland on energy.\n")
    assert speaker_of(text, "to work with Norland on energy") == "Obama"


def test_the_secretary_coordinated_with_a_named_minister_is_another_person():
    text = ("Readout of Secretary Dalton's Call with Foreign Minister Ortiz\n\n"
            "The Secretary and Foreign Minister Ortiz spoke today on the border talks.\n\n"
            "The Secretary restated the call for an immediate truce. He also underscored the readiness of "
            "the mediators to meet next week.\n")
    got = said(text)
    assert got and all(s == "Dalton" for _, s, _ in got), got


def test_a_royal_title_names_a_person_and_says_their_sex():
    # the recogniser leaves the princess's name untagged; "her brother, King …" is a man
    text = ("Royal nominee dropped\n\nThe movement dropped Princess Ubolsiri Mahanam as its nominee after her "
            "brother, King Pravit Mahanam, objected.  Later she said she would respect the decision.\n")
    assert speaker_of(text, "she would respect the decision") == "Ubolsiri Mahanam"


def test_he_added_in_the_sentence_of_his_own_report_is_not_the_man_he_talked_about():
    text = ("Resignation\n\nPrime Minister Oleg Varn offered to resign. He said President Ivan Petrenko is \"a model "
            "of integrity to me\"; however, \"to remove every doubt about our loyalty to the president, I wrote a "
            "letter of resignation\", he added.\n")
    got = said(text)
    assert got and all(s == "Oleg Varn" for _, s, _ in got), got


def test_a_title_with_a_name_in_apposition_is_the_named_person():
    got = said("Talks\n\nThe Secretary of State, Ana Ruiz, said the talks would resume.\n\n"
               "The mayor of Lisbon, Ana Ruiz, said the bridge would reopen.\n\n"
               "A spokesperson for the port operator, who asked not to be named, confirmed that two ships had been "
               "rerouted.\n")
    assert got == [("indirect", "Ana Ruiz", "the talks would resume"),
                   ("indirect", "Ana Ruiz", "the bridge would reopen"),
                   ("indirect", "spokesperson for the port operator", "two ships had been rerouted")]


def test_it_after_a_body_named_with_a_possessive_is_that_body():
    got = said("Strike\n\nThe operators' association said that the demands were unaffordable. It added that it "
               "remained open to mediation.\n")
    assert [s for _, s, _ in got] == ["operators' association", "operators' association"]
