"""Which time an event gets, and who plays in a contest (invented texts; see docs/extraction.md, "Event times")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Extraction
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def events(x: Extraction) -> list[tuple[str, str | None, list[str]]]:
    """(type, time value, participant labels) of every event."""
    times = {t.key: t.value for t in x.times}
    labels = {a.key: a.label for a in x.actors}
    return [(e.type, times.get(e.time or ""), sorted(labels[p.actor] for p in e.participants)) for e in x.events]


def test_an_adverbial_clause_shares_its_sentences_date_when_told_in_the_same_tense():
    x = run("Report\n\nThe hosts slid to fifth place after they were defeated 4-1 by the league leaders at "
            "the ground on Saturday.", MONDAY)
    assert ("sports-event", "2024-03-09") in [(t, v) for t, v, _ in events(x)]


def test_a_relative_clause_does_not_take_the_sentences_date():
    # (in the body: the lead's breaking-news rule dates every actual event of the first paragraphs)
    x = run("Report\n\nThe prison is near the river.\n\nIt was built long ago.\n\nThe man who attacked the guards "
            "was arrested on Friday.", MONDAY)
    got = {t: v for t, v, _ in events(x)}
    assert got.get("arrest") == "2024-03-08"
    assert all(v is None for t, v, _ in events(x) if t != "arrest")


def test_the_lead_reports_past_events_on_the_day_of_its_report():
    x = run("Floods in the north\n\nTwo people were killed in floods in the north, officials said on Sunday.\n\n"
            "Rescue teams are still at work.", MONDAY)
    assert ("death", "2024-03-10") in [(t, v) for t, v, _ in events(x)]  # (killed in floods: no violence)


def test_a_perfect_that_reaches_back_or_a_quotation_is_not_dated_by_the_report():
    x = run("Illness\n\nTwo people have died since January, a health official said on Sunday.\n\nNo cause is "
            "known.", MONDAY)
    assert all(v != "2024-03-10" for t, v, _ in events(x) if t in ("death", "killing"))
    x = run("Talks\n\n\u201cDuring a telephone conversation between the ministers, no date was agreed,\u201d a "
            "spokeswoman said on Sunday.\n\nNo meeting is planned.", MONDAY)
    assert all(v is None for t, v, _ in events(x) if t == "phone-call")


def test_a_weekend_dates_an_event():
    x = run("Protest\n\nDock workers held a protest outside the harbour office over the weekend.", MONDAY)
    assert ("protest", "2024-W10-WE") in [(t, v) for t, v, _ in events(x)]


def test_towns_that_play_are_their_teams():
    x = run("Leeds beat Norwich\n\nLeeds beat Norwich 2-0 at the stadium on Saturday.", MONDAY)
    match = next(e for e in events(x) if e[0] == "sports-event")
    assert match[1] == "2024-03-09"
    assert match[2] == ["Leeds", "Norwich"]
    assert {a.label: a.kind for a in x.actors}["Leeds"] == "organization"
    assert "Leeds" not in {p.label for p in x.places}


def test_a_town_where_a_match_is_played_stays_a_place():
    x = run("Match\n\nThe match in Leeds was called off on Saturday.", MONDAY)
    assert "Leeds" in {p.label for p in x.places}


def parties(text: str, kind: str) -> list[tuple[str, str]]:
    x = run(text, MONDAY)
    labels = {a.key: a.label for a in x.actors}
    event = next(e for e in x.events if e.type == kind)
    return sorted((labels[p.actor], p.role) for p in event.participants)


def test_a_result_with_a_score_is_a_match_and_its_opponent_a_party():
    assert parties("Report\n\nAfter Leeds United's 1-0 loss against Hull City on Monday, the coach spoke.",
                   "sports-event") == [("Hull City", "participant"), ("Leeds United", "agent")]
    assert not [e for e in run("Report\n\nJob losses rose and the victory of reason was declared.", MONDAY).events
                if e.type == "sports-event"]


def test_the_owner_of_a_death_is_who_died():
    assert parties("Grief\n\nThe father said nothing prepared him for his son's murder.", "assault") == \
        [("his son", "target")]  # (the possessive marker is no part of the actor's label)
    assert parties("Grief\n\nRussia's killing of civilians was condemned.", "killing")[0] == ("Russia", "agent")


def test_who_was_found_dead_died():
    assert parties("Grief\n\nAnna Berg and her partner were found dead at their home.", "death")[0] == \
        ("Anna Berg", "theme")  # (the gold's role for who dies)


def test_the_lead_retells_a_headlines_found_dead():
    x = run("Couple found dead in farmhouse\n\nDetectives have asked neighbours for help.\n\n"
            "The pensioners were found dead in the kitchen of their farmhouse on Tuesday.", MONDAY)
    deaths = [e for e in x.events if e.type == "death"]
    assert len(deaths) == 1 and len(deaths[0].mentions) == 2
    assert {t.key: t.value for t in x.times}[deaths[0].time] == "2024-03-05"


def test_a_phrase_trigger_is_headed_by_its_own_head():
    # "a state of emergency": "state" is the object of "declared", so the governor declaring it is its agent
    assert parties("Storm\n\nGovernor Ana Ruiz declared a state of emergency across the county.", "emergency") == \
        [("Ana Ruiz", "agent")]


def _dated(x: Extraction, trigger: str) -> tuple[str | None, str]:
    """(time value, modality) of the event one of whose mentions reads ``trigger``."""
    times = {t.key: t.value for t in x.times}
    e = next(e for e in x.events if any(m.text == trigger for m in e.mentions))
    return times.get(e.time or ""), e.modality


def test_an_upcoming_event_never_takes_the_past_day_of_the_words_about_it():
    x = run("Ministers talk\n\nOn Thursday the two foreign ministers discussed an upcoming summit of their "
            "regional bloc, an aide said.", MONDAY)
    assert _dated(x, "summit") == (None, "planned")
    x = run("Ministers talk\n\nThe ministers discussed the forthcoming conference on Friday.", MONDAY)
    assert _dated(x, "conference")[0] is None
    # its own date stays: a day of its own phrase, or a day ahead
    x = run("Ministers talk\n\nThe ministers discussed the upcoming summit on March 22.", MONDAY)
    assert _dated(x, "summit")[0] == "2024-03-22"


def test_earlier_in_the_day_is_the_day_the_narrative_last_named():
    x = run("Ministers meet\n\nThe two ministers met on Wednesday, a spokesman said on Thursday.\n\n"
            "Earlier in the day, the two held a joint news conference on fisheries.", MONDAY)
    assert _dated(x, "news conference")[0] == "2024-03-07"


def test_the_lead_day_does_not_date_an_event_that_only_describes_a_party():
    # breaking news of the day: the arrest; the crash only tells who the man is
    x = run("Driver arrested\n\nPolice on Sunday arrested the brother of a man who died in a crash.", MONDAY)
    assert _dated(x, "arrested")[0] == "2024-03-10"
    assert _dated(x, "died")[0] is None
    # a clause that tells more of an event is still the news: "the blaze, which also injured a man"
    x = run("Fire kills two\n\nA fire on Sunday killed two people. The blaze, which also injured a man, started in "
            "a kitchen.", MONDAY)
    assert _dated(x, "injured")[0] == "2024-03-10"


def test_a_sentences_one_date_does_not_reach_a_clause_describing_a_party():
    x = run("Mayor speaks\n\nOn Friday, the mayor criticised the officers after he met people mourning the death "
            "of a local man.", MONDAY)
    assert _dated(x, "met")[0] == "2024-03-08"
    assert _dated(x, "death")[0] is None  # the mourners' grief tells who they are, not when the man died


def test_an_event_the_lead_tells_keeps_the_leads_day_when_the_article_retells_it():
    x = run("Strike kills ten\n\nThe ministry said on Sunday an air strike on a market killed ten people.\n\n"
            "Rescuers searched the rubble for hours.\n\nResidents said the air strike came without warning.", MONDAY)
    assert _dated(x, "air strike")[0] == "2024-03-10"


def test_negation_and_condition_belong_to_the_mention_that_introduces_the_event():
    x = run("Rovers win\n\nHillside were beaten 3-0 by Rovers at the Mill Lane ground on Saturday.\n\n"
            "Hillside never seemed able to beat the Rovers goalkeeper.", MONDAY)
    assert _dated(x, "beaten") == ("2024-03-09", "actual")
    x = run("Talks announced\n\nThe foreign minister announced talks with her counterpart on Tuesday. She did not "
            "say when the talks would take place.", MONDAY)
    assert _dated(x, "talks")[1] not in ("negated", "hypothetical")
    x = run("Talks fail\n\nThe two sides did not hold talks on Friday. The talks had been expected for weeks.", MONDAY)
    assert _dated(x, "talks")[1] == "negated"


def test_talking_with_a_named_party_is_a_conversation_with_its_day():
    x = run("Ministers talk\n\nThe Secretary of State talked on Sunday with Foreign Minister Ivan Petrov of "
            "Norland about fishing rights, the department said.", MONDAY)
    assert events(x)[0][:2] == ("consultation", "2024-03-10")
    x = run("Coach speaks\n\nThe coach talked about the weather for an hour.", MONDAY)
    assert not [e for e in x.events if e.type == "consultation"]  # talk without a party is no event


def test_the_day_a_death_is_confirmed_is_not_the_day_of_the_death():
    x = run("Founder dead\n\nOn Tuesday, the party confirmed the death of its founder in a statement read "
            "on local radio.", MONDAY)
    assert _dated(x, "death")[0] is None
    x = run("Leader dies\n\nThe leader died on Sunday, the movement said.", MONDAY)
    assert _dated(x, "died")[0] == "2024-03-10"


def test_a_clause_of_its_own_inside_a_description_and_a_headline_participle_still_take_the_leads_day():
    x = run("Report\n\nHillside wasted the opportunity to climb into the top four as they were heavily beaten "
            "4-0 by Rovers at the Mill Lane ground on Saturday.", MONDAY)
    assert _dated(x, "beaten")[0] == "2024-03-09"
    x = run("Mayor killed in strike on town hall\n\nThe mayor was killed in an air raid on the town hall on "
            "Sunday, officials said.", MONDAY)
    assert _dated(x, "strike")[0] == "2024-03-10"


def test_a_headlines_strike_and_the_leads_airstrike_are_one_air_strike():
    x = run("Mayor killed in strike\n\nThe mayor was killed in an airstrike on the town hall on Sunday, "
            "officials said.", MONDAY)
    strikes = [e for e in x.events if any(m.text in ("strike", "airstrike") for m in e.mentions)]
    assert [e.type for e in strikes] == ["air-strike"] and len(strikes[0].mentions) == 2


def test_due_to_gives_a_cause_not_a_schedule():
    x = run("Engineer killed\n\nThe council said that a visiting engineer was killed Wednesday by a strike on the "
            "water plant.\n\nIts spokesman said there were \"two casualties among the plant's crew due to the "
            "bombing of the pumping hall this morning,\" and that both were in hospital.", MONDAY)
    assert _dated(x, "strike") in (("2024-03-06", "actual"), ("2024-03-06", "alleged"))
    x = run("Envoy visits\n\nThe envoy is due to visit the capital on Friday.", MONDAY)
    assert _dated(x, "visit")[1] in ("planned", "scheduled")


def test_an_event_told_as_days_away_from_another_does_not_take_its_day():
    # in the lead: neither the sentence's day nor the lead's day dates the other event
    x = run("Envoy visits\n\nThe president met the envoy on Saturday, a day after the attack on the embassy.", MONDAY)
    got = {t: v for t, v, _ in events(x)}
    assert got.get("meeting") == "2024-03-09" and got.get("attack") is None
    x = run("Pilot held\n\nTwo days after the crash on Friday, investigators arrested the pilot.", MONDAY)
    got = {t: v for t, v, _ in events(x)}
    assert got.get("accident") == "2024-03-08" and got.get("arrest") is None





def test_in_the_body_an_event_named_after_before_is_not_dated_by_the_day_before_it():
    x = run("Report\n\nThe embassy is near the river.\n\nIt was built long ago.\n\nOn Saturday the police "
            "visited the block.\n\nA family had settled there the day before the blast.", MONDAY)
    assert [v for t, v, _ in events(x) if t == "disaster"] == [None], events(x)


def _roles(x: Extraction, etype: str) -> set[tuple[str, str]]:
    labels = {a.key: a.label for a in x.actors}
    return {(labels[p.actor], p.role) for e in x.events if e.type == etype for p in e.participants}


def test_a_passive_clause_after_another_does_not_borrow_its_subject_as_agent():
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nA man was arrested after the "
            "mayor was stabbed on stage.", MONDAY)
    assert ("man", "agent") not in _roles(x, "assault")


def test_a_headlines_bare_participle_makes_its_subject_the_target():
    x = run("Mayor of Lublin stabbed\n\nThe museum is near the river.", MONDAY)
    assert _roles(x, "assault") == {("Mayor of Lublin", "target")}


def test_by_whom_an_attack_was_carried_out_and_what_strikes_hit():
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nThe attack, carried out by the "
            "Northern Front, killed ten soldiers.", MONDAY)
    assert ("Northern Front", "agent") in _roles(x, "attack")
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nRefineries of the state firm "
            "Petrona were hit by drone strikes.", MONDAY)
    assert ("Petrona", "target") in _roles(x, "air-strike")


def test_a_headlines_dozens_dead_is_the_deaths_of_the_lead():
    x = run("Tower collapses after explosion, dozens dead\n\nA tower collapsed on Saturday in the old town. A total "
            "of 31 are confirmed dead, rescuers told local radio.", MONDAY)
    deaths = [(t, v) for t, v, _ in events(x) if t == "death"]
    assert deaths == [("death", "2024-03-09")]


def test_a_length_of_time_before_after_measures_a_gap_and_dates_nothing():
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nThe blogger was murdered several "
            "weeks after uploading the clip.", MONDAY)
    times = {t.key: t.span.text for t in x.times}
    assert [times.get(e.time or "") for e in x.events if e.type == "assault"] == [None]  # (a murder)


def test_the_deed_a_sentence_answers_is_not_of_the_sentences_day():
    for text in ("Verdict\n\nOn Friday in the capital, Omar Talib was sentenced for the murder of his wife to life in "
                 "prison.",
                 "Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nOn Friday, a court sentenced "
                 "the man for the murder of his wife."):
        got = {t: v for t, v, _ in events(run(text, MONDAY))}
        assert got.get("sentencing") == "2024-03-08" and got.get("assault", "") is None, got


def test_a_length_of_time_near_a_deed_is_not_its_time_but_a_situation_may_keep_one():
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nOn Sunday, in the bloodiest day of "
            "fighting in several years, ten soldiers were killed.", MONDAY)
    assert {t: v for t, v, _ in events(x)}.get("fighting") == "2024-03-10"


def test_a_pullout_is_a_withdrawal():
    x = run("Troops\n\nThe president said the soldiers would begin a pullout from the area on Monday.", MONDAY)
    assert [t for t, _, _ in events(x)].count("withdrawal") == 1


def test_the_topic_of_a_ruling_keeps_its_own_day_not_the_rulings():
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nOn Wednesday, the high court issued "
            "an opinion about the suspension of parliament, which took effect on Tuesday.", dt.date(2024, 3, 14))
    got = {t: v for t, v, _ in events(x)}
    assert got.get("ruling") == "2024-03-13" and got.get("suspension") == "2024-03-12", got


def test_the_end_or_the_start_of_a_year_dates_an_event_like_the_morning_of_a_day():
    # (in a quotation only the syntax dates an event)
    x = run("Report\n\nThe museum is near the river.\n\nIt was built long ago.\n\nThe statement reads: \u201cWe "
            "will work hard to reach a deal before the end of 2025.\u201d", MONDAY)
    assert {t: v for t, v, _ in events(x)}.get("agreement") == "2025"


def test_who_dies_undergoes_the_death():
    x = run("Obituary\n\nThe singer Ana Ruiz died on Sunday at her home.", MONDAY)
    assert _roles(x, "death") == {("Ana Ruiz", "theme")}


def test_a_day_after_the_event_spoken_of_dates_that_event_not_the_speaking():
    x = run("Readout of the Minister's Call with Foreign Minister Zhou\n\nThe Minister and Foreign Minister Zhou spoke "
            "today. The Minister reiterated her condemnation of the militia's rocket attack on a market in Varna "
            "yesterday and urged restraint.", MONDAY)
    times = {t.key: t.value for t in x.times}
    got = {e.mentions[0].text: times.get(e.time or "") for e in x.events}
    assert got.get("rocket attack") == "2024-03-10"
    assert got.get("condemnation") == "2024-03-11"


def test_the_match_a_result_is_won_in_is_that_result_and_other_results_are_others():
    x = run("Rugby\n\nOn Saturday, Exeter defeated Leeds 30 points to 12 in their Round 5 Coastal Rugby Union match at "
            "the oval. In other results, Bath defeated York 20–5.", MONDAY)
    contests = [[m.text for m in e.mentions] for e in x.events if e.type == "sports-event"]
    assert ["defeated", "match"] in contests
    assert ["defeated"] in contests


def test_the_teams_of_a_match_placed_in_a_season_play_in_that_season():
    x = run("Rugby\n\nOn Saturday, Exeter defeated Bath in round 3 of the 2024 Coastal Rugby Union season. In other "
            "results, Leeds defeated York 20–5.", MONDAY)
    labels = {a.key: a.label for a in x.actors}
    season = next(e for e in x.events if e.type == "competition")
    assert "Exeter" in {labels[p.actor] for p in season.participants}
    first = next(e for e in x.events if e.type == "sports-event")
    assert "Leeds" not in {labels[p.actor] for p in first.participants}


def test_the_crime_a_charge_or_a_plea_names_is_not_of_its_day():
    for text in ("Farmer pleads guilty to murder of neighbour\n\nOn Tuesday, a farmer from Brenn pleaded guilty to the "
                 "murder of his neighbour.",
                 "Farmer charged\n\nOn Tuesday, a farmer from Brenn was charged with the murder of his neighbour.",
                 "Farmer admits killing\n\nA farmer from Brenn on Tuesday admitted his guilt in the murder of his "
                 "neighbour."):
        x = run(text, MONDAY + dt.timedelta(days=2))
        times = {t.key: t.value for t in x.times}
        murder = [e for e in x.events if e.type in ("killing", "murder", "assault")]
        assert murder and all(times.get(e.time or "") != "2024-03-12" for e in murder), text


def test_a_headlines_present_is_news_of_the_day_the_lead_reports():
    x = run("Toddler finds cash in park, police report\n\nA spokesman for Westvale police said on Sunday that a girl "
            "of two had picked up a bag of cash in a park.", MONDAY + dt.timedelta(days=1))
    times = {t.key: t.value for t in x.times}
    finds = next(e for e in x.events if e.mentions[0].text == "finds")
    assert times.get(finds.time or "") == "2024-03-10"
