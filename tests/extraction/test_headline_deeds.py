"""A headline's own deed in headlinese the parser gets wrong (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def first_mentions(text: str) -> set[str]:
    return {e.mentions[0].text for e in run(text, MONDAY).events}


def test_a_verb_tagged_as_an_adjective_in_a_verbless_headline():
    got = first_mentions("Grocers across Norland lower bread quotas for shoppers\n\nOn Sunday, grocery chains in "
                         "Norland lowered their quotas on bread to two loaves a day.")
    assert "lower" in got
    assert "bread" not in got  # (the first verb form only: "bread" is no deed)


def test_a_verb_with_the_third_person_s_tagged_as_a_name():
    assert "outflanks" in first_mentions("Minister Ames outflanks deputy Pell\n\nOn Tuesday, Minister Lia Ames won the "
                                         "party's backing against her deputy, Ron Pell.")


def test_a_plural_present_is_a_headline_deed():
    assert "foil" in first_mentions("Hikers foil armed robber on mountain trail with walking pole\n\nOn Friday, a man "
                                    "robbed two walkers on the Brenn trail. Other hikers confronted him.")


def test_the_deed_a_trailing_attribution_reports():
    assert "finds" in first_mentions("Toddler finds cash in park in Westvale, police report\n\nA girl of two picked "
                                     "up a bag of cash in a Westvale park on Sunday, police said.")
    assert "grew" in first_mentions("Early farmers grew figs in the valley, says paper\n\nA paper out on Monday says "
                                    "early farmers grew figs in the Brenn valley.")


def test_a_plan_in_headlinese_and_a_participle_as_predicate():
    assert "sell" in first_mentions("Retailer Halvex to sell its Danish stores to rival Norgaard\n\nHalvex said on "
                                    "Monday it would sell its Danish stores.")
    assert "found" in first_mentions("Old coins found under bridge near Brenn\n\nA diver brought up old coins from "
                                     "the river near Brenn on Saturday.")
