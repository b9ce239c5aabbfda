"""Classes of direct quotations and speakers seen in news writing of many publishers: invented texts, one set per
class (the quotation-coverage check of bench.quote_coverage found them on unlabelled articles)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said, speaker_of, speaker_of_or_none

pytestmark = pytest.mark.slow


# --- the speaker of "he said" is never somebody named only inside the quotation ----------------------------------


def test_he_said_after_a_quote_naming_other_people():
    text = ("Search called off\n\n"
            "Police superintendent Tom Ridley thanked the volunteers on Sunday.\n\n"
            "“We will keep looking for answers for Robin Ashby's parents and for Casey Moran's family,” he said.")
    assert speaker_of(text, "We will keep looking") == "Tom Ridley"


def test_he_added_after_a_two_paragraph_quote_naming_others():
    text = ("Plant closure\n\n"
            "The union's regional secretary, Dev Patel, spoke outside the gates on Friday.\n\n"
            "“We told Jordan Reyes and the board that this would happen.\n\n"
            "“Jordan Reyes knew the figures for months,” he added.")
    assert speaker_of(text, "knew the figures") == "Dev Patel"


# --- quotation marks mixed in one quotation (scraped text): a straight mark closed by a curly one ----------------


def test_straight_opening_closed_by_a_curly_mark():
    text = ("Burglar caught\n\n"
            "Sheriff Karen Whitfield of Glenmoor County met reporters on Thursday.\n\n"
            "\"Twenty years of patrols and I had never met a burglar who left his own wallet behind,” the sheriff "
            "told them.")
    got = said(text)
    assert ("direct", "Karen Whitfield",
            "Twenty years of patrols and I had never met a burglar who left his own wallet behind,") in got


def test_curly_opening_closed_by_a_straight_mark():
    got = said("School reopens\n\n“We will rebuild the school before the winter comes,\" Mayor Ana Ruiz said.")
    assert ("direct", "Ana Ruiz", "We will rebuild the school before the winter comes,") in got


def test_a_straight_quote_nested_in_a_curly_one_stays_nested():
    got = said("Talks fail\n\n“He told me \"no\" and walked out of the room,” union leader Mia Stone said.")
    assert ("direct", "Mia Stone", "He told me \"no\" and walked out of the room,") in got


# --- quotations over paragraphs that a scraper or a typist left without a proper close ---------------------------


def test_a_quotation_over_paragraphs_whose_last_paragraph_never_closes():
    text = ("Storm damage\n\n"
            "Chief Inspector Lena Ford said: “The river crossing stays shut until the engineers have checked it.\n\n"
            "“A ferry will run from the harbour every hour from tomorrow. “")
    assert said(text) == [("direct", "Lena Ford", "The river crossing stays shut until the engineers have checked it. … "
                                                  "A ferry will run from the harbour every hour from tomorrow.")]


def test_a_quotation_broken_into_paragraphs_without_reopening():
    text = ("Talks in Oslo\n\n"
            "\"The two delegations sat down at noon and did not rise before midnight.\n\n"
            "Every chapter of the treaty was read twice. We are close to a text,\" spokesman Ivo Lind said.")
    [(kind, speaker, quote)] = [g for g in said(text) if g[0] == "direct"]
    assert (kind, speaker) == ("direct", "Ivo Lind")
    assert quote.startswith("The two delegations") and quote.endswith("close to a text,")


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


def test_the_following_is_a_statement_from_somebody_without_a_colon_announces_their_paragraphs():
    text = ("Flood\n\nThe following is a statement from Mayor Jo Roe regarding today's flood at the river.\n\n"
            "\"We are encouraged by the news from the dam. The wall held.\n\n\"Our plan was based on safety.\"")
    assert said(text) == [("direct", "Jo Roe", "We are encouraged by the news from the dam. The wall held. … Our plan "
                                                "was based on safety.")]


def test_the_statement_somebody_made_read_out_by_a_spokesman():
    text = ("Daily briefing\n\nHere is the statement Foreign Minister Karl Ostrow made on Saturday:\n\n"
            "“I am glad the council has finally agreed on a text.\n\n"
            "“I urge all parties to return to the negotiating table.”")
    assert speaker_of(text, "I urge all parties") == "Karl Ostrow"


def test_made_the_following_statement_to_a_reporter_colon_quote_in_the_same_paragraph():
    text = ("Transit row\n\nCouncilwoman Priya Halvorsen later gave the following statement to a correspondent of "
            "the Lakeside Herald: “I was elected to keep the buses running, not to answer every jibe from the "
            "capital.”")
    assert speaker_of(text, "I was elected to keep the buses") == "Priya Halvorsen"


def test_a_colon_paragraph_without_a_speaker_gives_nothing():
    text = ("Notice\n\nThe sign on the door read as follows:\n\n“The office will stay closed until further notice.”")
    assert not [g for g in said(text) if g[1] is not None and g[0] == "direct"]


# --- people quoted by what they do, not by name ---------------------------------------------------------------


@pytest.mark.parametrize("cue, speaker", [("said a trader", "trader"), ("one fan said", "one fan"),
                                          ("said a commuter at the station", "commuter at the station")])
def test_an_unnamed_trader_fan_or_commuter_speaks(cue, speaker):
    text = f"Markets\n\nShares fell sharply on Friday.\n\n“Nobody knows where the floor is for this stock,” {cue}."
    assert said(text) == [("direct", speaker, "Nobody knows where the floor is for this stock,")]


# --- a first-person quotation right after a sentence about a person, with no cue of its own ----------------------


def test_a_first_person_quote_after_a_sentence_about_the_manager():
    text = ("Match report\n\nThe hosts lost again.\n\nStill, Keane does not accept the verdict of the day.\n\n"
            "\"I think we were the better side for most of the second half.\"")
    assert said(text) == [("direct", "Keane", "I think we were the better side for most of the second half.")]


def test_a_first_person_quote_after_a_refusal_in_the_same_paragraph():
    text = ("Senate\n\nSenate leader Mark Dunn walked past the cameras without stopping on Tuesday. \"My position has "
            "not changed since last week and I will not repeat it.\"")
    assert speaker_of(text, "My position has not changed") == "Mark Dunn"


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
            "Nils Lindqvist and a classmate went missing on a sailing trip last week.\n\n"
            "At a briefing on Sunday, harbour master Gunnar Lindqvist told journalists that the hunt for his son, "
            "Nils, was not over.\n\n"
            "Divers resumed their work on Friday.\n\n"
            "\"He has sailed this coast since he was ten,\" Lindqvist said.")
    assert speaker_of(text, "He has sailed this coast") == "Gunnar Lindqvist"


# --- corporate titles in capitals before or beside a name --------------------------------------------------------


def test_the_companys_ceo_comma_name_comma_said():
    text = ("Quarterly figures\n\nAccording to a press release, the group's CEO, Marguerite Oduya, said the "
            "\"winter months were kind to us\" overall.")
    assert speaker_of(text, "winter months were kind") == "Marguerite Oduya"


def test_coo_and_cfo_before_a_name_are_titles_not_an_organisation():
    text = ("Quarterly figures\n\nWriting to staff, COO and CFO Susan Hartley said the garden range remained \"the "
            "bedrock of our sales.\" \"Elsewhere, we will freeze hiring until the autumn,\" she said.")
    assert speaker_of(text, "Elsewhere, we will freeze") == "Susan Hartley"
    assert "COO" not in {a.label for a in run(text).actors}


# --- picture credits are not people of the story -------------------------------------------------------------------


@pytest.mark.parametrize("credit", ["Photograph: Lise Andersen/Fjord Daily", "REUTERS/Mark Delaney"])
def test_a_photo_credit_names_no_actor(credit):
    text = ("High water\n\nMayor Ingrid Solheim told families on the quay to move out on Sunday.\n\n"
            f"A rowing boat drifts past the ferry office in Kvalvik on Sunday. {credit}\n\n"
            "“Nobody should sleep below the sea wall until the tide turns,” she said.")
    labels = {a.label for a in run(text).actors}
    assert not [lab for lab in labels if "Andersen" in lab or "Delaney" in lab]
    assert speaker_of(text, "Nobody should sleep below the sea wall") == "Ingrid Solheim"


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


def test_an_interview_without_labels_questions_and_answers_alternate_after_spoke_with():
    text = ("Interview\n\nThe Courier spoke with Mark Tully, coach of the city's rowing club, about the season.\n\n"
            "How long have you been coaching?\n\nNearly twenty years. I started when I was thirty.\n\n"
            "Will the club race abroad this year?\n\nOnly if the boats are ready in time.")
    got = said(text)
    assert ("direct", "Courier", "How long have you been coaching?") in got
    assert ("direct", "Mark Tully", "Nearly twenty years. I started when I was thirty.") in got
    assert ("direct", "Mark Tully", "Only if the boats are ready in time.") in got


def test_questions_in_a_story_without_an_interview_verb_are_nobody_s():
    text = ("Season\n\nThe rowing club named Mark Tully its coach on Monday.\n\nWill the club race abroad this "
            "year?\n\nThe boats are not ready yet.\n\nAnd what of the old crew?\n\nMost of them have left the city.")
    assert said(text) == []


def test_a_quotation_after_a_short_phrase_of_time_continues_the_last_speaker():
    text = ("Show\n\nLead actor Paul Lee said the series had been underestimated. At the premiere, \"I felt like a "
            "guest at the ball. I have been working as an actor for twenty years.\"")
    assert speaker_of(text, "I felt like a guest at the ball") == "Paul Lee"


# --- a quoted sentence of two or three words that goes on after its speaker's quotation ----------------------------


def test_a_three_word_quoted_sentence_after_she_said_continues_her_quotation():
    text = ("Gale\n\nMeteorologist Ruth Abernathy spoke on Sunday. “Gusts reached ninety kilometres an hour on the "
            "ridge and the worst is ahead,” she said. “Avoid the coast.”")
    assert said(text) == [("direct", "Ruth Abernathy", "Gusts reached ninety kilometres an hour on the ridge and the "
                                                       "worst is ahead, … Avoid the coast.")]


def test_a_short_scare_quote_is_not_a_continuation():
    text = ("Gale\n\nMeteorologist Ruth Abernathy spoke on Sunday. “Gusts reached ninety kilometres an hour on the "
            "ridge and the worst is ahead,” she said. Officials called the pier “unsafe” on Monday.")
    assert [g for g in said(text) if g[1] == "Ruth Abernathy"] == [
        ("direct", "Ruth Abernathy", "Gusts reached ninety kilometres an hour on the ridge and the worst is ahead,")]


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
    text = ("Vote\n\nPaul Dane spoke first. “We will win this election.” Varga then proposed a cap on all party "
            "donations.")
    assert not [g for g in said(text) if g[1] == "Varga" and g[0] == "direct"]


# --- a foreign name the recogniser types as an organisation, with an apposition that says it is a person -------


def test_a_name_with_a_post_in_apposition_is_a_person():
    text = ("Shipyard sale\n\nThe weekly Nordpost spoke to Tamás Kovácsy, the government commissioner for ports, "
            "about the sale of the yard.\n\n"
            "Kovácsy said the buyer had promised to keep every job. He added, \"the new owners will build ferries "
            "here for at least ten years.\"")
    x = run(text)
    assert ("Tamás Kovácsy", "person") in {(a.label, a.kind) for a in x.actors}
    assert speaker_of(text, "the new owners will build") == "Tamás Kovácsy"


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


# --- press-release style: the paragraph after "X said:" quoted without marks -------------------------------------


def test_an_unmarked_paragraph_after_said_colon_and_its_marked_sequel():
    text = ("Fine\n\nThe water authority fined the utility 2 million pounds on Tuesday.\n\n"
            "Andrew Pike, head of inspections at the authority, said:\n\n"
            "Leaks of this size put the supply of three towns at risk and cannot be left for months.\n\n"
            "\"The utility has since replaced the main pipe and paid for the clean-up.\"")
    assert said(text)[-1] == ("direct", "Andrew Pike", "Leaks of this size put the supply of three towns at risk and "
                              "cannot be left for months. … The utility has since replaced the main pipe and paid "
                              "for the clean-up.")


def test_a_paragraph_after_a_colon_without_a_speaker_is_not_a_quotation():
    text = "Rules\n\nThe new rules include the following:\n\nBanks must publish their reserves every quarter from next year."
    assert said(text) == []


# --- "he said" after a sentence about somebody else, when the person speaking is known only by a role ----------


def test_he_said_goes_to_the_unnamed_coach_who_acted_not_to_the_referee():
    text = ("Derby row\n\n"
            "A veteran manager was sent to the stands during the second half on Saturday. The referee disallowed a "
            "late goal for offside. The manager, furious at the decision, reacted by walking onto the pitch. "
            "The manager's protest drew a booking from the referee, but he stayed defiant. "
            "“We scored a fair goal and everybody in the ground saw it,” he said after the match.")
    assert said(text) == [("direct", "manager", "We scored a fair goal and everybody in the ground saw it,")]


def test_a_named_coach_keeps_his_quote_when_the_role_noun_acts_in_between():
    text = ("Cup tie\n\n"
            "John Evans saw his side lose on penalties in London on Sunday. The referee waved away two appeals. "
            "The coach reacted by pointing at the big screen. "
            "“We were the better team for ninety minutes,” he said.")
    assert speaker_of(text, "We were the better team") == "John Evans"


# --- "the company said": the company the story is about, though a rival or a regulator was named since ---------


def test_the_company_said_is_the_company_the_story_is_about_not_the_rival_named_last():
    text = ("Factory sale\n\n"
            "Brightline Foods agreed on Monday to sell its bakery plant in Leeds to a rival, Crown Mills.\n\n"
            "The plant employs 300 people and has made losses for two years.\n\n"
            "“The sale secures the future of the site and every job on it,” the company said in a statement.")
    assert said(text) == [("direct", "Brightline Foods",
                           "The sale secures the future of the site and every job on it,")]


def test_the_firm_said_far_from_where_the_firm_was_named():
    text = ("Profit warning\n\n"
            "Brightline Foods warned on Tuesday that its profits would fall by a third this year.\n\n"
            + "Flour prices have risen for six months in a row and energy bills have doubled since the spring. " * 6
            + "\n\n“We will not pass the whole of these costs on to our customers,” the firm said.")
    assert speaker_of(text, "We will not pass the whole") == "Brightline Foods"


# --- a quotation over paragraphs introduced by a role noun, nobody named -----------------------------------------

_RUN = ("\n\n“Nothing went right for us this afternoon.\n\n“We were slow from the first whistle and their "
        "fourth goal finished it.\n\n“We play again on Saturday and the players owe the supporters more.”")


@pytest.mark.parametrize("lead", ["The manager faced the press in the tunnel once the final whistle had gone.",
                                  "The manager saw his team concede four goals in the second half."])
def test_a_quotation_over_paragraphs_after_a_sentence_about_the_unnamed_manager(lead):
    [(kind, speaker, quote)] = said("Manager reacts\n\n" + lead + _RUN)
    assert (kind, speaker) == ("direct", "manager")
    assert quote.startswith("Nothing went right") and quote.endswith("owe the supporters more.")


def test_a_one_paragraph_quotation_in_the_first_person_after_the_unnamed_manager_is_his_too():
    text = ("Manager reacts\n\nThe manager saw his team concede four goals in the second half.\n\n"
            "“Nothing went right for us this afternoon.”")
    assert said(text) == [("direct", "manager", "Nothing went right for us this afternoon.")]


def test_a_named_manager_still_takes_the_quotation_over_paragraphs():
    [(kind, speaker, _)] = said("Manager reacts\n\nPiet Groenewald saw his team concede four goals in the second "
                                "half." + _RUN)
    assert (kind, speaker) == ("direct", "Piet Groenewald")


# --- "the ministry's statement said" when the ministry was named only in a spokesman's title --------------------


def test_the_ministrys_statement_is_the_ministrys_not_the_spokesmans():
    text = ("Border talks\n\n"
            "Foreign ministry spokesman Lars Berg told reporters on Tuesday that talks would resume.\n\n"
            "The ministry's statement said the two sides had agreed to meet again in March.")
    x = run(text)
    [st] = [s for s in x.statements if "meet again in March" in s.quote]
    speaker = next(a for a in x.actors if a.key == st.speaker)
    assert (speaker.label, speaker.kind) == ("ministry", "government")
    assert not speaker.key.startswith("org/")  # an unnamed body, never a name "ministry" to link
    assert st.reported_in is not None


def test_the_ministrys_statement_is_the_ministry_named_before_not_the_agency_named_since():
    text = ("Envoy summoned\n\n"
            "The Norwegian Foreign Ministry summoned the ambassador on Monday, the Reuters news agency reported.\n\n"
            "The ministry's statement said the ambassador had been warned about the spying.")
    x = run(text)
    [st] = [s for s in x.statements if "had been warned" in s.quote]
    assert "Foreign Ministry" in next(a.label for a in x.actors if a.key == st.speaker)


# --- the second half of a split quotation whose closing mark was lost -------------------------------------------


@pytest.mark.parametrize("cue", ["Senator Mary Jones said.", "Senator Mary Jones said,",
                                 "Senator Mary Jones continued,"])
def test_the_second_half_of_a_split_quotation_that_never_closes(cue):
    text = ("Budget vote\n\n“We have the votes and we will pass this budget,” " + cue +
            " “The opposition has offered nothing in its place.\n\nThe vote is on Thursday.")
    got = said(text)
    assert {(kind, speaker) for kind, speaker, _ in got} == {("direct", "Mary Jones")}
    assert got[-1][2].endswith("The opposition has offered nothing in its place.")


def test_an_unclosed_mark_after_a_closed_quotation_and_a_long_sentence_is_not_one():
    text = ("Budget vote\n\n“We have the votes,” Senator Mary Jones said. The opposition leader later called the "
            "budget a “betrayal of every family in the state and a gift to the banks.\n\nThe vote is on Thursday.")
    assert [g for g in said(text) if g[0] == "direct"] == [("direct", "Mary Jones", "We have the votes,")]


# --- a team's page: one quotation over paragraphs under a headline labelled by a role ----------------------------


_PAGE_RUN = ("\n\n19 April 2024 Written by the Press Office\n\n“Nothing went right for us this afternoon.\n\n"
             "“We were slow from the first whistle and their fourth goal finished it.\n\n"
             "“We play again on Saturday and the players owe the supporters more.”")


@pytest.mark.parametrize("headline", ["Head Coach | “nothing went right”", "Manager: nothing went right for us"])
def test_a_page_quoting_the_role_its_headline_names(headline):
    [(kind, speaker, quote)] = said(headline + _PAGE_RUN)
    assert kind == "direct" and speaker in ("manager", "head coach")
    assert quote.startswith("Nothing went right") and quote.endswith("owe the supporters more.")


def test_a_headline_label_that_is_no_role_names_no_speaker():
    assert not [g for g in said("Match report | “a poor day”" + _PAGE_RUN) if g[1] is not None]
