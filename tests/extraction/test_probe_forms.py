"""Reported speech of forms met on news of other house styles: invented texts, one or two per rule."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said

pytestmark = pytest.mark.slow


def test_a_long_quotation_does_not_put_its_speaker_out_of_a_pronoun_s_reach():
    # four quoted sentences before "she told …": the distance back to the person is read over the narration
    text = ("Gardening apps\n\nMany people now garden with their phones. Jane Roe, a columnist on gardening for a "
            "weekly paper, thinks apps have helped beginners. There are a million such apps in use.\n\n"
            "\"The trouble with these apps is people do not know what to plant. They are odd tools. Nobody has "
            "decided what they are for. This gives them a purpose,\" she told a radio station. \"I never thought "
            "gardening online would grow so fast,\" she said.")
    found = said(text)
    assert ("direct", "Jane Roe", "The trouble with these apps is people do not know what to plant. They are odd "
            "tools. Nobody has decided what they are for. This gives them a purpose,") in found
    assert ("direct", "Jane Roe", "I never thought gardening online would grow so fast,") in found


def test_a_quotation_before_an_infinitive_of_saying_is_said_by_the_governing_verb_s_subject():
    # the quotation hangs on "was" / "expected", the verb of saying is their infinitive
    text = ("Housing speech\n\nMr Hollins set out his plans on Monday.\n\n\"We owe a decent home to every family "
            "on the list,\" he was due to say. \"We will build more flats,\" Ms Carver is expected to tell the "
            "conference. \"We will not give up,\" she went on to say.")
    found = said(text)
    assert ("direct", "Hollins", "We owe a decent home to every family on the list,") in found
    assert ("direct", "Carver", "We will build more flats,") in found
    assert ("direct", "Carver", "We will not give up,") in found
    # a participle after "said" is the saying verb's own, not a second report of the quotation
    text = "Semi-final\n\n\"We were bound to meet, I guess,\" Williams said referring to her match with Rossi."
    assert said(text) == [("direct", "Williams", "We were bound to meet, I guess,")]


def test_it_issuing_a_statement_that_speaks_for_the_body_it_stands_for():
    text = ("Currency markets\n\nOn Wednesday the Ruritanian central bank moved to calm the markets. It issued a "
            "statement that \"the bank will keep its gold holdings as they are for now\".")
    assert said(text) == [("direct", "Ruritanian central bank",
                           "the bank will keep its gold holdings as they are for now")]
    text = ("Currency markets\n\nThe Ruritanian central bank met on Wednesday. It issued a statement that the bank "
            "would hold rates.")
    assert said(text) == [("indirect", "Ruritanian central bank", "the bank would hold rates")]
    # "it" as a fact does not speak
    assert said("Rates\n\nThe rise was small. It sends a signal that the bank is worried.") == []


def test_told_a_programme_that_is_a_report_not_a_relative_clause_and_the_quotation_after_goes_on():
    # the parse hangs the "that" clause on the programme; the person named inside it is talked about, so the
    # quotation after the report continues the one who reported
    text = ("Road tolls\n\nOn Sunday, party leader Charles Kemp called for a delay.\n\nHe told a radio programme that "
            "Mr Clark had a \"fine chance\" on Monday. \"If you ran a shop would you raise your prices on the busiest "
            "day of the year or would you wait?\n\n\"Waiting a month is the wiser course.\"")
    found = said(text)
    assert ("mixed", "Charles Kemp", "Mr Clark had a \"fine chance\" on Monday") in found
    assert ("direct", "Charles Kemp", "If you ran a shop would you raise your prices on the busiest day of the year "
            "or would you wait? … Waiting a month is the wiser course.") in found
    assert ("indirect", "Charles Kemp", "a delay") in found


def test_a_nationality_standing_alone_is_the_person_in_focus_not_the_country():
    for noun in ("the American", "the Briton", "the Dutchman"):
        text = (f"Open\n\nAnna Rossi won in straight sets. She will now meet Maria Lopez in the final. \"I am "
                f"ready for the final,\" said {noun}.")
        assert said(text) == [("direct", "Anna Rossi", "I am ready for the final,")], noun
    # the country's own name, abbreviation or article form stays the country
    assert said("Trade\n\nTalks resumed. The US said its exports had grown.") == [
        ("indirect", "United States", "its exports had grown")]
    assert said("Trade\n\nTalks resumed. The Netherlands said its exports had grown.") == [
        ("indirect", "Netherlands", "its exports had grown")]


def test_a_ranking_or_a_seeding_describes_the_person_in_focus():
    for noun in ("the world number one", "the top seed", "the holder", "the world record holder"):
        text = (f"Open\n\nAnna Rossi won in straight sets on Tuesday. She will now meet Maria Lopez in the final. "
                f"\"I am ready for the final,\" said {noun}.")
        assert said(text) == [("direct", "Anna Rossi", "I am ready for the final,")], noun
    # a qualified post is still nobody the article introduced with it
    text = ("Open\n\nAnna Rossi won in straight sets on Tuesday. \"It was a fine match,\" said the prime minister.")
    assert ("direct", "Anna Rossi", "It was a fine match,") not in said(text)


def test_a_noun_and_the_infinitive_right_after_it_are_one_claim():
    # (as in headlinese "X says UK aid to soar" where the parse hangs the infinitive on the verb)
    assert said("Farm plan\n\nOn Monday the minister announced a new drive to help small farmers.") == [
        ("indirect", "minister", "a new drive to help small farmers")]
    assert said("Farm plan\n\nAnna Rossi announced a new fund to help small farmers in the north.") == [
        ("indirect", "Anna Rossi", "a new fund to help small farmers in the north")]


def test_according_to_after_a_relative_clause_vouches_for_it_and_names_its_source():
    text = ("Wards\n\nNurses, who make up 40% of the hospital staff, according to the research group Ardent "
            "Analytics, have worked night shifts since 2015.")
    assert said(text) == [("indirect", "Ardent Analytics", "who make up 40% of the hospital staff")]


def test_a_capitalised_plural_after_a_city_is_a_club_not_a_group_of_people():
    x = run("Game off\n\nThe game between the Portland Owls and the Sacramento Pirates was postponed. Up to 30 "
            "Labour MPs oppose the plan. The Beijing Olympics open in February.")
    kinds = {a.label: a.kind for a in x.actors}
    assert kinds.get("Sacramento Pirates") == "organization"
    assert kinds.get("Portland Owls") == "organization"
    assert "Labour MPs" not in kinds or kinds["Labour MPs"] == "group"
    assert "Beijing Olympics" not in kinds


def test_a_sentence_ending_in_millions_ends_there():
    # "£52m." is a sum and a full stop, not an abbreviation running into the next sentence
    text = ("Chain sales\n\nSales at the chain fell to 3,200 units worth £52m. Anna Roe, head of the trade body, "
            "said the market would recover.")
    assert said(text) == [("indirect", "Anna Roe", "the market would recover")]
    text = "Results\n\nProfits rose to $40m. The firm said trading was strong."
    assert said(text) == [("indirect", "firm", "trading was strong")]


def test_a_participle_of_telling_misread_as_its_hearer_s_adjective_still_tells():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.extraction.cues import _misread_telling

    # "with minister Ana Roe telling parliament: “…”", parsed with "telling" as an adjective of "parliament"
    words = ["with", "minister", "Ana", "Roe", "telling", "parliament", ":", "\"", "We", "must", "save", ".", "\""]
    heads = [9, 3, 3, 5, 5, 0, 9, 9, 9, 9, 9, 9, 9]
    deps = ["prep", "compound", "compound", "compound", "amod", "pobj", "punct", "punct", "nsubj", "aux", "ROOT",
            "punct", "punct"]
    pos = ["ADP", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT"]
    tags = ["IN", "NN", "NNP", "NNP", "VBG", "NN", ":", "``", "PRP", "MD", "VB", ".", "''"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    speaker, hearer = _misread_telling(doc[4])
    assert (speaker.text, hearer.text) == ("Roe", "parliament")
    # without the colon after its noun it stays an adjective ("Roe telling remarks were made")
    words = ["Roe", "telling", "remarks", "were", "made", "."]
    doc = Doc(Vocab(), words=words, heads=[2, 2, 4, 4, 4, 4], deps=["compound", "amod", "nsubjpass", "auxpass", "ROOT",
                                                                  "punct"],
              pos=["PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"], tags=["NNP", "VBG", "NNS", "VBD", "VBN", "."])
    assert _misread_telling(doc[1]) is None


def test_a_past_tense_hung_on_a_name_as_a_clause_is_the_name_s_own_report():
    # "asked" parsed as a clause of the name (and the quotation's verb as the sentence's root)
    text = ("Questions\n\nThe debate was lively. Writer Neil Cope, from Kent, asked of the budget: \"Prices have "
            "doubled - how do you expect families to cope?\" On transport, teacher Diane Grant said: \"When will the "
            "trains run on time?\"")
    assert said(text) == [
        ("direct", "Neil Cope", "Prices have doubled - how do you expect families to cope?"),
        ("direct", "Diane Grant", "When will the trains run on time?")]


def test_a_motion_a_poll_or_a_survey_that_speaks_is_a_document_of_its_authors():
    text = ("Port sale\n\nFive councillors have signed a motion. The motion says \"any sale of the harbour to a "
            "private buyer would harm the fishing families\".")
    # (the councillors who signed it are its authors)
    assert said(text) == [("direct", "Five councillors", "any sale of the harbour to a private buyer would harm "
                           "the fishing families")]
    text = "Poll\n\nA poll of 1,000 voters was published on Sunday. The poll found that most voters backed the plan."
    assert said(text) == [("indirect", "authors of the poll", "most voters backed the plan")]
    # where it does not speak, the noun is no document ("the motion was carried")
    assert said("Vote\n\nThe motion was carried by ten votes.") == []


def test_a_name_tagged_as_a_place_that_speaks_is_a_person_unless_a_place_bears_it():
    text = "Takeover\n\nPlayers appear unhappy. \"We want owners who grew up with the club,\" Rio Ferrand told the BBC."
    assert said(text) == [("direct", "Rio Ferrand", "We want owners who grew up with the club,")]
    kinds = {a.label: a.kind for a in run("Suit\n\nThe state sued. New Jersey said it would appeal the ruling.").actors}
    assert kinds["New Jersey"] != "person"


def test_a_participle_with_its_own_clause_leaves_the_quotation_to_the_verb_before_it():
    text = ("Permits\n\n\"Most permits were lawful,\" Mr Olesko said on Monday. \"We value these firms and will "
            "protect them in court,\" he continued, adding that any review would cover \"a few permits, not "
            "thousands\".")
    found = said(text)
    assert ("direct", "Olesko", "We value these firms and will protect them in court,") in found
    assert ("mixed", "Olesko", "any review would cover \"a few permits, not thousands\"") in found


def test_a_post_that_acts_unnamed_is_who_he_is_next():
    assert said("Crime\n\nThe home secretary spoke on Sunday. He said police numbers would rise.") == [
        ("indirect", "home secretary", "police numbers would rise")]


def test_a_statement_an_advert_or_a_poster_that_reads_or_says_after_a_quotation_speaks():
    text = ("Gig\n\nThe complaints were upheld. \"The band broke the rules of the broadcast,\" a Radio Nord statement "
            "read.")
    assert said(text) == [("direct", "Radio Nord", "The band broke the rules of the broadcast,")]
    text = ("Lighthouse\n\nThe villagers placed an advert. \"The old lighthouse needs your help before winter comes!\" "
            "the advert said.")
    assert said(text) == [("direct", "authors of the advert",
                           "The old lighthouse needs your help before winter comes!")]


def test_a_party_s_one_word_name_opening_a_sentence_speaks_as_the_party():
    # the tagger reads the sentence's first word as the common noun
    assert said("Health\n\nLabour claims the plan is a cynical ploy.") == [
        ("indirect", "Labour", "the plan is a cynical ploy")]
    assert said("Costs\n\nLabour costs rose sharply last year.") == []


def test_the_host_is_the_presenter_the_story_is_about():
    text = ("Show\n\nAnna Berg is leaving the show after five years. The 28-year-old host said she wanted to try "
            "acting.")
    assert said(text) == [("indirect", "Anna Berg", "she wanted to try acting")]


def test_a_business_anaphor_is_the_company_the_story_is_about_unless_it_describes_another():
    assert said("Stores\n\nAcme Foods filed for bankruptcy on Monday. The US supermarket chain said its shops would "
                "keep trading.") == [("indirect", "Acme Foods", "its shops would keep trading")]
    assert said("Cars\n\nVeloria Motors recalled 10,000 cars. The German carmaker said no one was hurt.") == [
        ("indirect", "Veloria Motors", "no one was hurt")]
    # "the country's largest lender" picks a company out: not the one the story is about
    found = said("Homes\n\nHouse prices fell, Acme Homes said. The country's largest mortgage lender said loans had "
                 "doubled.")
    assert ("indirect", "Acme Homes", "loans had doubled") not in found
