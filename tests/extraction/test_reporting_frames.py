"""Reporting verbs as general English: the lexicon's frames (addressee object, clause-only verbs) on invented text."""

from __future__ import annotations

import pytest

from kg import lexicon
from tests.extraction.helpers import said

pytestmark = pytest.mark.slow


def test_every_lexicon_row_declares_its_family_addressee_and_frame():
    verbs = lexicon.reporting_verbs()
    assert len(verbs) >= 200
    families = {"assertion", "appeal", "demand", "warning", "criticism", "belief", "question", "promise",
                "denial", "agreement", "report"}
    assert {v.kind for v in verbs.values()} <= families
    assert verbs["tell"].addressee and verbs["remind"].addressee and not verbs["say"].addressee
    assert verbs["rule"].clause_only and verbs["find"].clause_only and not verbs["say"].clause_only


def test_a_verb_that_reports_only_with_a_clause_reports_with_one():
    got = said("Court case\n\nThe Supreme Court ruled that the curfew was lawful. "
               "The union protested that the deal was unfair.")
    assert got == [("indirect", "Supreme Court", "the curfew was lawful"),
                   ("indirect", "union", "the deal was unfair")]


def test_a_verb_that_reports_only_with_a_clause_is_an_act_with_an_object():
    assert said("History\n\nThe king ruled the country for forty years. Hikers found the wreck on Tuesday. "
                "The senators protested the closure outside the hall. Ms Orme directed the film.") == []


def test_a_clause_only_verb_after_a_quotation_reports_it():
    got = said("Council\n\n\"The budget is a joke,\" the mayor quipped.")
    assert got == [("direct", "mayor", "The budget is a joke,")]


def test_an_addressee_verb_of_the_lexicon_takes_its_object_as_the_party_told():
    from tests.extraction.helpers import run

    x = run("Election\n\nThe governor reminded voters that the polls close at eight.")
    labels = {a.key: a.label for a in x.actors}
    (st,) = x.statements
    assert st.quote == "the polls close at eight"
    assert labels.get(st.speaker or "") == "governor" and labels.get(st.addressee or "") == "voters"


def test_a_clause_only_verb_needs_a_that_clause_not_an_if_or_an_in_that():
    got = said("Reservoir\n\nThe Harlow Water Board said it would sample the reservoir next week to establish "
               "whether the filters had failed. The mayor questioned it, not least in that the city had paid for "
               "the filters.")
    assert got == [("indirect", "Harlow Water Board",
                    "it would sample the reservoir next week to establish whether the filters had failed")]


def test_verbs_that_claim_a_cause_report_the_object_with_its_to_phrase():
    got = said("Fire\n\nPolice sources have ascribed the fire to arson. Officials attributed the crash to pilot "
               "error.")
    assert got == [("indirect", "Police sources", "the fire to arson"),
                   ("indirect", "Officials", "the crash to pilot error")]


def test_want_reports_a_stance_only_with_a_clause_of_its_own_subject():
    got = said("Farm\n\nThe harvest has been poor for a year; the farmers want the ministry to lift the quota. "
               "The fans want to see more goals.")
    assert got == [("indirect", "farmers", "the ministry to lift the quota")]


def test_people_of_every_desk_speak_and_what_they_do_can_be_reported():
    got = said("Rent\n\nThe Danish partner asked for the terms to stay private. "
               "The Daily Courier reported some landlords offering free rent to tenants.")
    assert got == [("indirect", "Danish partner", "the terms to stay private"),
                   ("indirect", "Daily Courier", "some landlords offering free rent to tenants")]

def test_a_headline_verb_the_tagger_reads_as_an_auxiliary_still_reports():
    text = ("Peru admits downing Bolivian helicopter, cites 'faulty radar'\n\n"
            "The army said on Monday that one of its batteries had fired on the helicopter.\n")
    got = said(text)
    assert ("indirect", "Peru", "downing Bolivian helicopter") in got
    assert any(t == "mixed" and s == "Peru" and "faulty radar" in q for t, s, q in got)
    assert ("indirect", "Chile", "sinking fishing boat") in said("Chile admits sinking fishing boat\n\nIt sank.\n")


def test_told_with_an_object_and_an_infinitive_directs_the_object():
    got = said("Port\n\nThe mayor told the fishing crews to stay in port until Friday.")
    assert got == [("indirect", "mayor", "to stay in port until Friday")]


def test_a_second_report_coordinated_inside_the_first_one_s_clause_is_the_same_speaker_s():
    # the parse hangs "added"/"restated" on the clause that was said; its tense says it goes with the first verb
    got = said("Bridge\n\nMayor Lena Holt said that the bridge would reopen in May and added that the tolls would "
               "stay.\n\nGovernor Ruth Adler reaffirmed that the state opposes the plan and restated that it will "
               "not pay.")
    assert got == [("indirect", "Lena Holt", "the bridge would reopen in May"),
                   ("indirect", "Lena Holt", "the tolls would stay"),
                   ("indirect", "Ruth Adler", "the state opposes the plan"),
                   ("indirect", "Ruth Adler", "it will not pay")]


def test_a_stated_intention_is_reported_once():
    got = said("Exit\n\nThe company stated its intention to quit the Norland market within a year.\n\n"
               "Mayor Lena Holt announced her intention to run again.")
    assert got == [("indirect", "company", "to quit the Norland market within a year"),
                   ("indirect", "Lena Holt", "her intention to run again")]


def test_what_is_promised_is_the_object_unless_it_is_who_is_promised():
    got = said("Floods\n\nPrime Minister Lena Holt promised emergency funds for the flooded towns.\n\n"
               "The mayor promised voters a new bridge.")
    assert got == [("indirect", "Lena Holt", "emergency funds for the flooded towns"),
                   ("indirect", "mayor", "a new bridge")]


def test_a_report_inside_another_keeps_the_quotation_it_holds():
    got = said("Deal\n\nA senior official told reporters the Norland government had promised \"swift returns\" for "
               "the nationals the port wants to deport.")
    assert any(t == "mixed" and s == "Norland government" and "swift returns" in q for t, s, q in got), got
