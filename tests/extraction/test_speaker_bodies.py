"""Bodies as speakers on the business and agency desks: "the company", "the firm", "the office" stand for the body
the story is about, wherever the sentence puts them (invented texts)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import speaker_of

pytestmark = pytest.mark.slow


def test_the_company_opening_a_sentence_is_the_company_of_the_story():
    text = ("Brindle Foods to close two bakeries\n\n"
            "Brindle Foods said on Tuesday it would close two bakeries in the north by the end of the year. "
            "Shares in the group fell 4 percent while the FTSE 250 index gained 0.3 percent.\n\n"
            "The company said about 300 jobs would be affected by the closures.")
    assert speaker_of(text, "300 jobs would be affected") == "Brindle Foods"


def test_the_company_in_its_own_release_is_the_issuer():
    text = ("Harrow Instruments reports record quarter\n\n"
            "Harrow Instruments today reported record sales for its third quarter.\n\n"
            "The Company noted that orders for its marine sensors rose 40% in the quarter.")
    assert speaker_of(text, "orders for its marine sensors") == "Harrow Instruments"


def test_the_company_goes_to_the_body_that_spoke_most_not_the_last_one_named():
    text = ("Osterby Pharma to buy back shares\n\n"
            "Osterby Pharma said it would repurchase as much as 5 percent of its stock. "
            "Osterby Pharma said in a statement that the buyback would lift returns for shareholders. "
            "The country's largest drugmaker said it also planned a dividend. "
            "Its shares rose 1 percent, while the Nordbex index lost 0.2 percent.\n\n"
            "The company said the buyback would start after a shareholder vote in May.")
    assert speaker_of(text, "the buyback would start") == "Osterby Pharma"


def test_a_named_office_keeps_its_name():
    text = ("Strike on a depot\n\n"
            "The Regional Media Office said two workers were hurt in the strike on the depot.")
    assert speaker_of(text, "two workers were hurt") == "Regional Media Office"


def test_the_office_opening_a_sentence_is_the_office_named_before():
    text = ("Strike on a depot\n\n"
            "The Harbour Authority said the port would stay closed. "
            "The regional media office said two workers were hurt in the strike on the depot.\n\n"
            "The office said the depot had been empty for a week.")
    assert speaker_of(text, "empty for a week") == "regional media office"


def test_a_body_opening_a_sentence_is_not_another_body_named_before():
    text = ("Court case\n\nThe Supreme Court ruled that the curfew was lawful. "
            "The union protested that the deal was unfair.")
    assert speaker_of(text, "the deal was unfair") == "union"


@pytest.mark.parametrize("text, speaker", [
    ("A spokesman for Prime Minister Helen Carter said the budget would pass.",
     "spokesman for Prime Minister Helen Carter"),
    ("Prime Minister Helen Carter faced questions on Monday. “The budget will pass,” a spokesman for Carter said.",
     "spokesman for Carter"),
    ("“The budget will pass,” said an aide to President Helen Carter.", "aide to President Helen Carter"),
])
def test_who_speaks_for_a_person_is_not_that_person(text, speaker):
    assert speaker_of("Budget row\n\n" + text, "budget w") == speaker


def test_a_title_phrase_ending_with_the_name_is_that_person():
    text = "Budget row\n\nFormer Dutch envoy to Chile Marijke Stroom said the budget would pass."
    assert speaker_of(text, "budget would pass") == "Marijke Stroom"


def test_the_ministry_is_a_ministry_named_before_not_any_government_body():
    text = ("Senate reaction\n\n"
            "The Senate met on Monday. Later the ministry said that the protest had been staged.")
    assert speaker_of(text, "the protest had been staged") != "Senate"


@pytest.mark.parametrize("sentence", ["The bloc said it would lift the sanctions.",
                                      "Later the bloc said it would lift the sanctions."])
def test_a_generic_body_noun_is_the_body_named_before(sentence):
    text = "Summit\n\nThe European Union met in Brussels on Monday. " + sentence
    assert speaker_of(text, "lift the sanctions") == "European Union"
