"""Classes of direct quotations and speakers seen in news writing of many publishers: invented texts, one set per
class (the quotation-coverage check of bench.quote_coverage found them on unlabelled articles)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said, speaker_of

pytestmark = pytest.mark.slow


# --- the speaker of "he said" is never somebody named only inside the quotation ----------------------------------


def test_he_said_after_a_quote_naming_other_people():
    text = ("Search called off\n\n"
            "Police superintendent Tom Ridley thanked the volunteers on Sunday.\n\n"
            "“Our thoughts are with Robin Ashby's parents and with Casey Moran's family at this time,” he said.")
    assert speaker_of(text, "Our thoughts are with") == "Tom Ridley"


def test_he_added_after_a_two_paragraph_quote_naming_others():
    text = ("Plant closure\n\n"
            "The union's regional secretary, Dev Patel, spoke outside the gates on Friday.\n\n"
            "“We told Jordan Reyes and the board that this would happen.\n\n"
            "“Jordan Reyes knew the figures for months,” he added.")
    assert speaker_of(text, "knew the figures") == "Dev Patel"


# --- quotation marks mixed in one quotation (scraped text): a straight mark closed by a curly one ----------------


def test_straight_opening_closed_by_a_curly_mark():
    text = ("Arrest made\n\n"
            "Harbour Police Chief Alan Mercer spoke on Wednesday.\n\n"
            "\"After 30 years in this job, I cannot describe what the suspect did,” the chief said at a news "
            "conference.")
    got = said(text)
    assert ("direct", "Alan Mercer", "After 30 years in this job, I cannot describe what the suspect did,") in got


def test_curly_opening_closed_by_a_straight_mark():
    got = said("School reopens\n\n“We will rebuild the school before the winter comes,\" Mayor Ana Ruiz said.")
    assert ("direct", "Ana Ruiz", "We will rebuild the school before the winter comes,") in got


def test_a_straight_quote_nested_in_a_curly_one_stays_nested():
    got = said("Talks fail\n\n“He told me \"no\" and walked out of the room,” union leader Mia Stone said.")
    assert ("direct", "Mia Stone", "He told me \"no\" and walked out of the room,") in got


# --- quotations over paragraphs that a scraper or a typist left without a proper close ---------------------------


def test_a_quotation_over_paragraphs_whose_last_paragraph_never_closes():
    text = ("Storm damage\n\n"
            "Chief Inspector Lena Ford said: “We know this news will worry many families in the valley.\n\n"
            "“Officers will stay in the area over the weekend to answer questions. “")
    assert said(text) == [("direct", "Lena Ford", "We know this news will worry many families in the valley. … "
                                                  "Officers will stay in the area over the weekend to answer questions.")]


def test_a_quotation_broken_into_paragraphs_without_reopening():
    text = ("Talks in Oslo\n\n"
            "\"A working dinner was held yesterday evening, hosted by the foreign minister.\n\n"
            "They exchanged views for many hours. It was a very fruitful discussion,\" spokesman Ivo Lind said.")
    [(kind, speaker, quote)] = [g for g in said(text) if g[0] == "direct"]
    assert (kind, speaker) == ("direct", "Ivo Lind")
    assert quote.startswith("A working dinner") and quote.endswith("fruitful discussion,")


def test_an_unclosed_mark_inside_a_sentence_is_not_a_quotation():
    text = ("Council row\n\nThe opposition leader Ruth Kane called the budget a “failure of the council and the "
            "mayor for the third year running.\n\nThe council meets on Monday.")
    assert not [g for g in said(text) if g[0] == "direct"]


# --- "X said:" closing a paragraph, the quotation in the next one --------------------------------------------------


def test_said_colon_then_the_quotation_in_the_next_paragraph():
    text = ("Bridge reopens\n\nMayor Jane Hollis said:\n\n"
            "“We are proud of the workers who finished the bridge before the winter.”")
    assert said(text) == [("direct", "Jane Hollis", "We are proud of the workers who finished the bridge before "
                                                    "the winter.")]


def test_released_the_following_statement_then_the_quotation():
    text = ("Senators respond\n\nSenator Paula Greene released the following statement:\n\n"
            "“The decision was wrong and it will be reversed. We will keep fighting for the workers of this state.”")
    assert speaker_of(text, "The decision was wrong") == "Paula Greene"


def test_the_statement_somebody_made_read_out_by_a_spokesman():
    text = ("Daily briefing\n\nI will read the statement Foreign Minister Karl Ostrow made on Saturday:\n\n"
            "“I welcome the adoption of the resolution by the council.\n\n"
            "“I urge all parties to return to the negotiating table.”")
    assert speaker_of(text, "I urge all parties") == "Karl Ostrow"


def test_made_the_following_statement_to_a_reporter_colon_quote_in_the_same_paragraph():
    text = ("Reactions\n\nMeanwhile, Senator Johnny Park made the following statement to a reporter with the Valley "
            "Journal: “I was not elected to explain the statements of somebody else, and I will not do that.”")
    assert speaker_of(text, "I was not elected") == "Johnny Park"


def test_a_colon_paragraph_without_a_speaker_gives_nothing():
    text = ("Notice\n\nThe sign on the door read as follows:\n\n“The office will stay closed until further notice.”")
    assert not [g for g in said(text) if g[1] is not None and g[0] == "direct"]


# --- people quoted by what they do, not by name ---------------------------------------------------------------


@pytest.mark.parametrize("cue, speaker", [("said a trader", "trader"), ("one fan said", "one fan"),
                                          ("said a commuter at the station", "commuter at the station")])
def test_an_unnamed_trader_fan_or_commuter_speaks(cue, speaker):
    text = f"Markets\n\nShares fell sharply on Friday.\n\n“There is total uncertainty about what comes next,” {cue}."
    assert said(text) == [("direct", speaker, "There is total uncertainty about what comes next,")]


# --- a first-person quotation right after a sentence about a person, with no cue of its own ----------------------


def test_a_first_person_quote_after_a_sentence_about_the_manager():
    text = ("Match report\n\nThe hosts lost again.\n\nThat said, Keane does not think they should have lost.\n\n"
            "\"I think the result is not fair because a draw was right.\"")
    assert said(text) == [("direct", "Keane", "I think the result is not fair because a draw was right.")]


def test_a_first_person_quote_after_a_refusal_in_the_same_paragraph():
    text = ("Senate\n\nSenate leader Mark Dunn would not comment on the post when asked by reporters. \"As I said, "
            "we are discussing what response we think is appropriate.\"")
    assert speaker_of(text, "As I said") == "Mark Dunn"


def test_what_happened_to_somebody_does_not_make_them_the_speaker():
    text = ("Crash\n\nThe driver, Ana Lopes, was taken to hospital.\n\n"
            "\"We will never forget what happened that night.\"")
    assert not [g for g in said(text) if g[0] == "direct" and g[1] == "Ana Lopes"]


def test_a_quote_without_first_person_is_not_given_to_the_person_before():
    text = ("Crash\n\nThe mayor, Ana Lopes, visited the site on Monday.\n\n"
            "\"The road had been closed for repairs since the spring.\"")
    assert not [g for g in said(text) if g[0] == "direct" and g[1] == "Ana Lopes"]


# --- two people sharing a surname: a given name alone does not take the bare surname ------------------------------


def test_a_son_called_by_his_given_name_does_not_take_the_fathers_surname():
    text = ("Father speaks\n\n"
            "Lucas Brandt and his friend were found dead last week.\n\n"
            "Speaking with reporters today, police inspector Stephen Brandt said that the death of his son, Lucas, "
            "had torn the family apart.\n\n"
            "The funeral will be held on Friday.\n\n"
            "\"Our son was having the time of his life travelling the world,\" Brandt said.")
    assert speaker_of(text, "Our son was having") == "Stephen Brandt"


# --- corporate titles in capitals before or beside a name --------------------------------------------------------


def test_the_companys_ceo_comma_name_comma_said():
    text = ("Results\n\nIn a statement, the company's CEO, Richard Vance, said the \"performance did not meet our "
            "expectations\" this quarter.")
    assert speaker_of(text, "performance did not meet") == "Richard Vance"


def test_coo_and_cfo_before_a_name_are_titles_not_an_organisation():
    text = ("Results\n\nIn a statement, COO and CFO Blake Ridley said the game has remained \"a robust franchise.\" "
            "\"Elsewhere in the business, we are making adjustments to improve execution,\" he said.")
    assert speaker_of(text, "Elsewhere in the business") == "Blake Ridley"
    assert "COO" not in {a.label for a in run(text).actors}


# --- picture credits are not people of the story -------------------------------------------------------------------


@pytest.mark.parametrize("credit", ["Kirk Sides / Houston Chronicle via Getty Images", "REUTERS/Jay Janner"])
def test_a_photo_credit_names_no_actor(credit):
    text = ("Floods\n\nCounty Judge Linda Hidalgo issued a disaster declaration Thursday.\n\n"
            f"High water flows into a street on Thursday in Conroe, Texas. {credit}\n\n"
            "“At this time, folks in the impacted area should prepare to stay where they are,” she said.")
    labels = {a.label for a in run(text).actors}
    assert not [lab for lab in labels if "Sides" in lab or "Janner" in lab]
    assert speaker_of(text, "folks in the impacted area") == "Linda Hidalgo"


# --- British single quotes: apostrophes of plural possessives, and a quotation that opens the body --------------


def test_a_plural_possessive_inside_a_british_quotation_does_not_close_it():
    text = ("Cup tie\n\nManager Rob Hale was unhappy after the defeat at home.\n\n"
            "Hale said: 'We were poor today and we know it. The players' effort wasn't there.'")
    assert said(text) == [("direct", "Rob Hale", "We were poor today and we know it. The players' effort wasn't "
                                                 "there.")]


def test_a_british_quotation_that_opens_the_body():
    text = ("Cup tie\n\n'It's a great day for the club and the fans,' said striker Tom Reed, who's been at the club "
            "since 2010.\n\nReed's goal came in the 90th minute.")
    assert said(text) == [("direct", "Tom Reed", "It's a great day for the club and the fans,")]


# --- Q&A: the answers are the interviewee's, whom the interview verb names -------------------------------------


def test_answers_go_to_the_person_spoken_to_not_the_reporter():
    text = ("Interview\n\nReporter Ann Lee spoke to the coach Mark Tully after training.\n\n"
            "Q: How do you see the season?\n\nA: We have a young team and we need time to build something.\n\n"
            "Q: Will you sign a new striker?\n\nA: Only if the right player is available in January.")
    got = said(text)
    assert ("direct", "Mark Tully", "We have a young team and we need time to build something.") in got
    assert ("direct", "Mark Tully", "Only if the right player is available in January.") in got
    assert ("direct", "Ann Lee", "How do you see the season?") in got


# --- a quoted sentence of two or three words that goes on after its speaker's quotation ----------------------------


def test_a_three_word_quoted_sentence_after_she_said_continues_her_quotation():
    text = ("Floods\n\nForecaster Hayley Adams spoke on Thursday. “We have had several reports of flooded roads in "
            "that area,” she said. “Roads are impassable.”")
    assert said(text) == [("direct", "Hayley Adams", "We have had several reports of flooded roads in that area, … "
                                                     "Roads are impassable.")]


def test_a_short_scare_quote_is_not_a_continuation():
    text = ("Floods\n\nForecaster Hayley Adams spoke on Thursday. “We have had several reports of flooded roads in "
            "that area,” she said. Officials called the bridge “unsafe” on Friday.")
    assert [g for g in said(text) if g[1] == "Hayley Adams"] == [
        ("direct", "Hayley Adams", "We have had several reports of flooded roads in that area,")]


# --- "the 54-year-old said": an age given only in the cue describes the person in focus -------------------------


@pytest.mark.parametrize("cue", ["the 54-year-old said", "the 54-year-old told reporters"])
def test_the_age_in_the_cue_describes_the_person_in_focus(cue):
    text = f"Vote\n\nPaul Dane is confident. “We will win this election and we will govern for everyone,” {cue}."
    assert speaker_of(text, "We will win this election") == "Paul Dane"


# --- a wire dateline before a quotation that opens the story ------------------------------------------------------


@pytest.mark.parametrize("dateline", ["LONDON (Reuters) - ", "LONDON, Oct 31 (Reuters) – ", "PARIS (AFP) — "])
def test_a_quotation_right_after_the_dateline_is_direct(dateline):
    text = f"Vote\n\n{dateline}“We will win this election and govern for everyone,” Paul Dane said on Monday."
    assert said(text) == [("direct", "Paul Dane", "We will win this election and govern for everyone,")]


# --- "“….” X said.": a full stop inside the quotation, then a short attribution ---------------------------------


def test_a_short_attribution_after_a_quotation_that_closed_its_sentence():
    text = "Vote\n\n“We will win this election and govern for everyone.” Paul Dane said."
    assert said(text) == [("direct", "Paul Dane", "We will win this election and govern for everyone.")]


def test_a_new_sentence_after_a_closed_quotation_is_not_its_attribution():
    text = ("Vote\n\nPaul Dane spoke first. “We will win this election.” Correa then advocated a ban on all party "
            "donations.")
    assert not [g for g in said(text) if g[1] == "Correa" and g[0] == "direct"]


# --- a foreign name the recogniser types as an organisation, with an apposition that says it is a person -------


def test_a_name_with_a_post_in_apposition_is_a_person():
    text = ("Arms deal\n\nThe weekly Nordpost published an interview with Gáspár Kovácsy, the government "
            "commissioner responsible for defence, in which the deal was announced.\n\n"
            "Kovácsy said the bid won after lengthy negotiations. He noted, \"the modernization does not just cover "
            "buying hardware but technology transfer as well.\"")
    x = run(text)
    assert ("Gáspár Kovácsy", "person") in {(a.label, a.kind) for a in x.actors}
    assert speaker_of(text, "the modernization does not just cover") == "Gáspár Kovácsy"


# --- a report that goes back to a person it quoted before, through a narrated sentence ---------------------------


def test_a_narrated_sentence_hands_the_next_quotation_back_to_an_earlier_speaker():
    text = ("Derby day\n\n\"We deserved the points today\", home coach Dale Porter said.\n\n"
            "Visiting captain Liam Shaw praised the crowd.\n\n"
            "\"The atmosphere was something else, we loved every minute\", Shaw said.\n\n"
            "Two visitors were sent off in the second half, which left Porter furious.  \"The first decision was "
            "harsh. The second one was fair enough.\"")
    assert speaker_of(text, "The first decision was harsh") == "Dale Porter"


def test_a_narrated_sentence_naming_two_earlier_speakers_hands_over_to_nobody_new():
    text = ("Derby day\n\n\"We deserved the points today\", home coach Dale Porter said.\n\n"
            "\"The atmosphere was something else, we loved every minute\", visiting captain Liam Shaw said.\n\n"
            "Porter and Shaw shook hands after the match.  \"The first decision was harsh. The second one was "
            "fair enough.\"")
    assert speaker_of_or_none(text, "The first decision was harsh") != "Dale Porter"


def speaker_of_or_none(text: str, fragment: str) -> str | None:
    try:
        return speaker_of(text, fragment)
    except AssertionError:
        return None


# --- press-release style: the paragraph after "X said:" quoted without marks -------------------------------------


def test_an_unmarked_paragraph_after_said_colon_and_its_marked_sequel():
    text = ("Fine\n\nThe regulator fined the bank 17 million pounds on Tuesday.\n\n"
            "Andrew Pike, Director of Enforcement at the regulator, said:\n\n"
            "The regulator views timely and accurate disclosure as fundamental to the integrity of the markets.\n\n"
            "\"The swift resolution of this case was made possible by the co-operation of the bank.\"")
    assert said(text)[-1] == ("direct", "Andrew Pike", "The regulator views timely and accurate disclosure as "
                              "fundamental to the integrity of the markets. … The swift resolution of this case was "
                              "made possible by the co-operation of the bank.")


def test_a_paragraph_after_a_colon_without_a_speaker_is_not_a_quotation():
    text = "Rules\n\nThe new rules include the following:\n\nBanks must publish their reserves every quarter from next year."
    assert said(text) == []
