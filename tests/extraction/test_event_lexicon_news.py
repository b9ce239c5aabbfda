"""Kinds of news event the trigger lexicon names beyond diplomacy and conflict: lawsuits, surgery, outbreaks and
vaccination drives, a parliament's suspension, a licence running out, a shutdown told as a verb (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import dated_events, run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def events(text: str) -> dict[str, tuple[str, str | None]]:
    return dated_events(text, WEDNESDAY)


def test_a_lawsuit_and_suing_are_lawsuits_coded_115():
    from kg.vocab import cameo

    got = events("Courts\n\nThe Harbour Workers Union filed a lawsuit against the port authority on Monday.")
    assert got.get("lawsuit") == ("lawsuit", "2024-03-11")
    got = events("Courts\n\nThe Harbour Workers Union sued the port authority on Monday.")
    assert got.get("sued") == ("lawsuit", "2024-03-11")
    assert cameo("lawsuit") == "115"


def test_surgery_and_a_hospital_stay_are_medical_treatment():
    got = events("Health\n\nThe former president is recovering after heart surgery last Monday, his office said.")
    assert got.get("surgery") == ("medical-treatment", "2024-03-11")
    got = events("Health\n\nThe singer was hospitalized on Sunday after a fall.")
    assert got.get("hospitalized") == ("medical-treatment", "2024-03-10")
    assert "surgery" not in events("Health\n\nThe surgery department of the hospital has a new head.")


def test_an_outbreak_is_a_situation_and_a_vaccination_campaign_an_event():
    x = run("Health\n\nThe cholera outbreak has infected 900 people. The ministry began a vaccination campaign "
            "on 20 November.", WEDNESDAY)
    times = {t.key: t.value for t in x.times}
    got = {e.mentions[0].text: e for e in x.events}
    assert got["outbreak"].type == "outbreak" and got["outbreak"].modality == "ongoing"
    campaign = got["vaccination campaign"]
    assert campaign.type == "vaccination-campaign" and times.get(campaign.time or "") == "2023-11-20"


def test_suspending_a_parliament_is_a_suspension_but_suspending_a_player_is_not():
    got = events("Politics\n\nThe king agreed on Monday to suspend parliament. Critics say the suspension of "
                 "parliament is unlawful.")
    assert got.get("suspend", ("",))[0] == "suspension"
    assert sum(1 for t, _ in got.values() if t == "suspension") == 1
    assert "suspended" not in events("Sport\n\nThe club suspended its striker on Monday.")
    assert "suspension" not in events("Sport\n\nThe striker's suspension ends in April.")


def test_a_licence_running_out_is_an_expiry_but_milk_is_not():
    got = events("Media\n\nThe broadcaster went off the air after its licence expired on Monday.")
    assert got.get("expired") == ("expiry", "2024-03-11")
    assert "expired" not in events("Food\n\nThe milk expired on Monday.")
    got = events("Media\n\nThe expiry of the broadcaster's franchise on Monday forced it off the air.")
    assert got.get("expiry", ("",))[0] == "expiry"


def test_a_shutdown_told_as_a_verb_and_again_as_a_noun_is_one_event():
    x = run("Government shuts down for vaccination drive\n\nOn Thursday, the government began a two-day shutdown. "
            "Its two-day shut down let nurses test every pupil.", WEDNESDAY)
    shutdowns = [e for e in x.events if e.type == "shutdown"]
    assert len(shutdowns) == 1 and len(shutdowns[0].mentions) == 3, [[m.text for m in e.mentions] for e in shutdowns]


def test_a_trial_of_drugs_is_a_clinical_trial_and_its_later_mentions_join_it():
    x = run("Health\n\nThe institute said on Monday a trial of three malaria drugs was stopped early. The trial "
            "began last May and enrolled 600 patients.", WEDNESDAY)
    trials = [e for e in x.events if e.type in ("trial", "clinical-trial")]
    assert [(e.type, len(e.mentions)) for e in trials] == [("clinical-trial", 2)]
    assert [e.type for e in run("Court\n\nThe trial of the former mayor began on Monday.", WEDNESDAY).events] == [
        "trial"]


def test_a_season_or_a_tournament_is_a_competition_coded_as_hosted():
    from kg.vocab import cameo

    got = events("Rugby\n\nRivertown beat Hillcrest on Saturday in the third round of the 2024 Coastal Rugby "
                 "Union season.")
    assert got.get("season", ("",))[0] == "competition"
    assert cameo("competition") == "043"


def test_a_stoppage_of_work_is_a_labour_strike_not_an_attack():
    from kg.vocab import cameo

    for text in ("Transport\n\nWorkers at the port went on strike on Monday.",
                 "Transport\n\nA general strike paralysed the capital on Monday.",
                 "Transport\n\nBus drivers will strike on Friday, their union said."):
        assert "strike-action" in [t for t, _ in events(text).values()], text
    assert "strike-action" not in [t for t, _ in events("War\n\nA missile strike hit the depot on Monday.").values()]
    assert cameo("strike-action") == "143"


def test_a_quake_that_struck_killing_people_caused_deaths_told_once_with_the_headline():
    x = run("Earthquake kills 12 in the hills\n\nAn earthquake struck the hill towns on Tuesday, killing 12 people, "
            "officials said.", WEDNESDAY)
    deaths = [e for e in x.events if e.type in ("death", "killing")]
    assert [(e.type, len(e.mentions)) for e in deaths] == [("death", 2)]


def test_business_events_acquisitions_recalls_and_bankruptcies():
    from kg.vocab import cameo

    x = run("Globex buys Initech\n\nGlobex acquired its rival Initech for $2 billion on Monday. The deal makes it "
            "the largest maker. Its chief acquired a taste for risk early.", WEDNESDAY)
    buys = [e for e in x.events if e.type in ("acquisition", "agreement")]
    assert [(e.type, len(e.mentions)) for e in buys] == [("acquisition", 3)], [[m.text for m in e.mentions]
                                                                              for e in buys]
    assert cameo("acquisition") == "061"
    assert events("Cars\n\nCarco will recall 50,000 cars over faulty brakes.").get("recall", ("",))[0] == "recall"
    assert "recall" not in events("Politics\n\nThe governor faces a recall election in May.")
    assert events("Airline\n\nThe airline filed for bankruptcy on Monday.").get("bankruptcy") == ("bankruptcy",
                                                                                                "2024-03-11")
    assert "bankruptcy" not in events("Airline\n\nBankruptcy law is complex.")


def test_electing_a_parliament_is_an_election_and_a_storm_made_landfall():
    assert events("Vote\n\nVoters elected a new parliament on Sunday.").get("elected") == ("election", "2024-03-10")
    x = run("Coast\n\nThe hurricane made landfall on Sunday near the port.", WEDNESDAY)
    assert "landfall" in [m.text for e in x.events for m in e.mentions]


def test_a_day_the_parser_hangs_on_the_place_of_the_event_dates_it():
    got = events("Chemical plant\n\nThe museum is near the river.\n\nIt was built long ago.\n\nA fire broke out at a chemical "
                 "plant on Monday night. Firefighters brought the blaze under control early Tuesday.")
    assert got.get("fire") == ("disaster", "2024-03-11")


def test_what_a_collision_or_an_outbreak_kills_is_a_death_not_a_killing():
    for text in ("Road\n\nThe driver was involved in a collision which killed a cyclist on Monday.",
                 "Road\n\nA cyclist was killed in a collision with a van on Monday.",
                 "Health\n\nThe measles outbreak, which has infected 900 people and killed 60, is slowing."):
        got = [t for t, _ in events(text).values()]
        assert "death" in got and "killing" not in got, (text, got)
    got = [t for t, _ in events("Raid\n\nSoldiers killed ten militants in a raid on Sunday.").values()]
    assert "death" not in got and got.count("attack") == 2  # (the killings of a raid are of the raid's kind)
