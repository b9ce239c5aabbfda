"""Reported speech on sport, entertainment and technology news of other house styles: invented texts, one or two
per rule."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said

pytestmark = pytest.mark.slow


def test_a_city_s_club_tagged_as_a_person_takes_no_he_of_the_manager():
    # the recogniser tags the club as a person's name: it had taken the "he" of the manager's words
    text = ("Cup draw\n\nManager Tom Brill welcomed the draw on Monday. Wolverhampton Wanderers beat his side twice "
            "last season.\n\n\"We are not counting on anything yet,\" he said.")
    assert ("direct", "Tom Brill", "We are not counting on anything yet,") in said(text)
    kinds = {a.label: a.kind for a in run(text).actors}
    assert kinds["Wolverhampton Wanderers"] == "organization"
    # the club's last word alone is the club too, not a person the "he" could be
    text = ("Cup draw\n\nManager Tom Brill welcomed the draw on Monday. Wolverhampton Wanderers beat his side twice "
            "last season, and Wanderers are top of the league.\n\n\"We are not counting on anything yet,\" he said.")
    assert ("direct", "Tom Brill", "We are not counting on anything yet,") in said(text)
    assert {a.kind for a in run(text).actors if "Wanderers" in a.label} == {"organization"}


def test_a_nationality_the_recogniser_tags_as_a_name_is_nobody_of_that_name():
    # "the 23-year-old Scot": a person of that nation described, the athlete the story is about
    text = ("Hurdles\n\nCraig Munro is confident of a medal at next month's indoor championships.\n\nThe 23-year-old "
            "Scot finished third in the 60m hurdles in Lisbon on Sunday. \"It was a learning curve and I have not "
            "ruled out a medal,\" said the Paisley athlete.")
    assert said(text) == [("direct", "Craig Munro", "It was a learning curve and I have not ruled out a medal,")]
    assert "Scot" not in {a.label for a in run(text).actors}


def test_a_work_s_title_is_nobody_even_where_it_stands_as_a_subject():
    # "drama Sparrow" names a film: the "she" of the director's words is not the film's
    text = ("Short film award\n\nDirector Hannah Lowe's gritty drama Sparrow is about a single mother living on the "
            "breadline.\n\nSet in her native Gravesend, Sparrow tells the story of a young mother who leaves her "
            "children outside a bar. \"I just start with an image I cannot shake off and see what comes out,\" she "
            "explains.")
    assert said(text) == [("direct", "Hannah Lowe", "I just start with an image I cannot shake off and see what "
                           "comes out,")]
    assert "Sparrow" not in {a.label for a in run(text).actors if a.kind == "person"}


def test_a_country_named_only_as_a_place_is_not_the_it_that_speaks():
    # "developers in the UK" … "it warned": the firm the recogniser missed, never the country where it works
    text = ("Games maker in trouble\n\nVeltrix has been making games for some 15 years and is one of the largest "
            "independent games developers in the UK.\n\nAlong with its headquarters in north London, it runs studios "
            "in Bath and York. Signs that it was in trouble emerged in June, when it warned it was heading for losses "
            "of £4m in the year.")
    assert not any(speaker == "United Kingdom" for _, speaker, _ in said(text))
    text = ("Tag worries\n\nShoppers are wary of radio tags, a survey says.\n\nThe tags are used at one supermarket "
            "depot in the UK. They are also used as a pass for a toll road in the north, in the UK. At least one "
            "campaign group has claimed that the chips could be used to track people. Everything people wear could "
            "broadcast where they are, it warned.")
    assert not any(speaker == "United Kingdom" for _, speaker, _ in said(text))
    # a country that acts is still what "it" goes on with
    text = ("Trade talks\n\nThe UK has rejected the proposal made by the other members. It said the plan would harm "
            "its farmers.")
    assert ("indirect", "United Kingdom", "the plan would harm its farmers") in said(text)



def test_a_person_s_agent_speaks_for_them_and_goes_on_speaking():
    # "his agent told …": somebody new, not the author; the quotation after it, naming the author, is the agent's
    text = ("Film adaptation\n\nThe novelist Mark Hollis has denied his books are anti-religious. His agent told the "
            "Courier newspaper that Hollis was happy with the adaptation so far. \"Of course the studio wants to make "
            "money, but the director is a wonderful man and Mark is very supportive.\"")
    found = said(text)
    assert ("indirect", "His agent", "Hollis was happy with the adaptation so far") in found
    assert ("direct", "His agent", "Of course the studio wants to make money, but the director is a wonderful man and "
            "Mark is very supportive.") in found
    # "the agent added" after the agent was named: that person, not somebody new
    text = ("Hooker ultimatum\n\nTom Reddy's agent has warned Leeds they have until Friday to improve their offer to "
            "the Wales man.\n\nSam Okoro says he has received a better offer for Reddy. But Okoro insists the player "
            "is worth more than Leeds have offered. \"Tom has been at the club for six years and his demands are "
            "modest,\" the agent added.")
    assert ("direct", "Sam Okoro", "Tom has been at the club for six years and his demands are modest,") in said(text)
    # a capitalised "Agent" inside a long title is a word of the title, not the speaker
    text = ("Market closed\n\n\"This case shows the value of partners abroad,\" said FBI Denver Acting Special "
            "Agent in Charge Laura Brandt.")
    assert said(text) == [("direct", "Laura Brandt", "This case shows the value of partners abroad,")]


def test_a_quotation_that_names_the_last_speaker_is_not_theirs():
    # the manager narrated last is named inside the quotation: the words are the player's about him, not his
    text = ("Cup tie\n\nStriker Dean Croft said the side would win.\n\nManager Paul Mullan was keen to praise Croft. "
            "\"Because I play wide for my club, it was a role he (Mullan) had planned for me since the summer.\"")
    assert not any(speaker == "Paul Mullan" and "planned for me" in quote for _, speaker, quote in said(text))
    text = ("Book to film\n\nThe author Ruth Hale said the script was faithful. \"The studio wants a hit, but the "
            "director is careful and Ruth is very pleased with him.\"")
    assert not any(speaker == "Ruth Hale" and "very pleased" in quote for _, speaker, quote in said(text))


def test_what_a_person_shows_by_doing_is_no_statement():
    # "to show the machine could be used": a demonstration, not words; a study still shows what it found
    text = ("Jet board\n\nThe inventor Marc Dufort previously presented the device at a summer air show. In that "
            "instance, he had been holding a tennis racket in his hands to show the machine could be used for sport.")
    assert said(text) == []
    text = "Poll\n\nA study by the Fenwick Institute showed that most viewers watch online."
    assert said(text) == [("indirect", "Fenwick Institute", "most viewers watch online")]
