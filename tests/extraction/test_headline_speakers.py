"""Headlinese: a headline's bare noun that speaks is the body or person the story names, a quotation before a
colon is its clause's subject's, and a desk label is nobody (invented headlines and bodies)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said

pytestmark = pytest.mark.slow


def test_a_headlines_bare_union_is_the_union_the_story_names():
    got = said("Union vows to continue strike\n\n"
               "The PWU union said on Monday that its members would walk out again next week.")
    assert ("indirect", "PWU union", "to continue strike") in got
    assert not any(spk and spk.lower() == "union" for _, spk, _ in got)


def test_a_trailing_says_and_a_ministry_and_police_are_the_bodies_named_below():
    got = said("Strike will go on, union says\n\n"
               "The Harbour Pilots union said on Monday that its members would walk out again next week.")
    assert ("indirect", "Harbour Pilots union", "Strike will go on") in got
    got = said("Ministry says fuel prices will fall\n\n"
               "The Norland finance ministry said on Monday that prices would drop in March.")
    assert ("indirect", "Norland finance ministry", "fuel prices will fall") in got
    got = said("Police say suspect fled the city\n\n"
               "Officers from the Harwick Police Department said the man left on a bus.")
    assert ("indirect", "Harwick Police Department", "suspect fled the city") in got


def test_a_headline_noun_the_story_also_uses_bare_stays_its_own():
    x = run("Police say suspect fled the city\n\nPolice said the man left on a bus. The Harwick Police "
            "Department has offices in the port.")
    labels = {a.key: a.label for a in x.actors}
    assert all(labels.get(s.speaker or "") != "Harwick Police Department" for s in x.statements)


def test_a_quotation_before_a_colon_and_the_clause_after_it_are_two_statements():
    got = said("'We will not back down': union vows to continue strike\n\n"
               "The Harbour Pilots union said on Monday that its members would walk out again next week.")
    assert ("direct", "Harbour Pilots union", "We will not back down") in got
    assert ("indirect", "Harbour Pilots union", "to continue strike") in got


def test_a_quotation_before_a_colon_with_a_role_noun_is_the_persons():
    got = said("“The border stays open”: minister says trade will resume\n\n"
               "Trade minister Karl Brandt spoke to reporters on Monday.")
    assert ("direct", "Karl Brandt", "The border stays open") in got
    assert ("indirect", "Karl Brandt", "trade will resume") in got


@pytest.mark.parametrize("label", ["Live", "Analysis", "Explainer", "Watch", "Q&A", "Norland"])
def test_a_desk_label_before_a_colon_speaks_nothing(label):
    got = said(f"{label}: minister resigns over leak\n\nThe interior minister resigned on Monday.")
    assert got == []
    got = said(f"{label}: minister says talks will resume\n\nThe interior minister spoke on Monday.")
    assert not any(spk == label for _, spk, _ in got)


def test_a_headlines_bare_club_or_group_is_the_body_the_story_is_about():
    body = "The Harwick Rowing Association said on Monday that its coach Dario Lenz had left by mutual consent."
    assert ("indirect", "Harwick Rowing Association", "coach has left") in \
        said("Club confirms coach has left\n\n" + body)
    assert ("indirect", "Harwick Rowing Association", "head coach has left") in \
        said("Group confirms head coach has left\n\n" + body)


def test_a_quotation_before_a_colon_and_its_source_after_it_is_a_direct_statement():
    got = said("'No deal is better than a bad deal': minister\n\nTrade minister Karl Brandt spoke on Monday.")
    assert got == [("direct", "Karl Brandt", "No deal is better than a bad deal")]


@pytest.mark.parametrize("label", ["Exclusive", "Video", "Factbox"])
def test_a_desk_label_is_no_part_of_the_speakers_noun_after_the_colon(label):
    got = said(f"{label}: minister says talks will resume\n\nThe talks broke down on Monday.")
    assert got == [("indirect", "minister", "talks will resume")]
