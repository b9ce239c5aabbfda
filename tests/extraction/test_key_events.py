"""Key events the trigger lexicon and its context conditions find, with their dates (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import dated_events, run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def events(text: str) -> dict[str, tuple[str, str | None]]:
    return dated_events(text, MONDAY)


def test_a_fire_is_an_event_but_opening_fire_and_the_fire_brigade_are_not():
    got = events("Town news\n\nA fire broke out in an escape room in the town on Friday. Police opened fire on a car "
                 "later that night, and the fire brigade inspected the building.")
    assert got.get("fire") == ("disaster", "2024-03-08")
    assert sum(1 for t in got.values() if t[0] == "disaster") == 1


def test_a_collision_and_a_crash_are_accidents():
    got = events("Airbase\n\nA cyclist was hurt in a collision with a van near the airbase on Sunday.")
    assert got.get("collision") == ("accident", "2024-03-10")


def test_rape_is_an_assault_whatever_the_tagger_makes_of_raping():
    got = events("Trial\n\nTwo officers were found guilty on Friday of raping a tourist in 2019.")
    assert ("assault", "2019") in got.values()


def test_a_season_named_with_a_year_is_dated_by_it_not_by_its_matches():
    got = events("Rugby\n\nRivertown beat Hillcrest on Saturday in the third round of the 2024 Coastal Rugby "
                 "Union season.")
    assert got.get("season") == ("competition", "2024")
    assert got.get("beat") == ("sports-event", "2024-03-09")


def test_a_hurricane_season_is_no_sports_event():
    assert "season" not in events("Weather\n\nThe 2024 hurricane season starts in June.")


def test_prison_terms_and_a_state_of_emergency():
    got = events("Verdict\n\nThe two men received seven-year prison terms on Friday. The governor declared a state "
                 "of emergency in the province on Sunday.")
    assert got.get("prison terms") == ("sentencing", "2024-03-08")
    assert got.get("state of emergency") == ("emergency", "2024-03-10")


def test_that_day_is_the_day_the_narrative_named_last():
    x = run("Visit\n\nThe president flew to the city on Saturday. During talks that day she thanked the "
            "minister.", MONDAY)
    assert [t.value for t in x.times if t.span.text == "that day"] == ["2024-03-09"]


def test_a_trial_its_verdict_and_the_sentence_are_three_events():
    got = events("Court\n\nAfter a jury trial, three guards were found guilty of burgling a warehouse on Thursday. All "
                 "three received five-year prison terms.")
    assert {k: v[0] for k, v in got.items()} == {"trial": "trial", "found guilty": "verdict",
                                                  "prison terms": "sentencing"}


def test_addressing_reporters_is_a_statement_event_but_addressing_a_problem_is_not():
    assert events("City\n\nOn Thursday, the mayor addressed reporters in the city hall.").get("addressed") == (
        "make-statement", "2024-03-07")
    assert "addressed" not in events("City\n\nOn Thursday, the mayor addressed the problem of parking.")


def test_an_event_cameo_does_not_code_takes_the_gold_schemas_fallback():
    from kg.extraction import extract
    from kg.pipeline.ingest import from_text
    from kg.eval.scoring import to_gold_schema

    article = from_text("Storm\n\nA storm hit the coast on Sunday. The two leaders spoke by phone on Monday.",
                        article_id="invented", date=MONDAY)
    codes = {e["label"].lower(): e["cameo"] for e in to_gold_schema(article, extract(article))["events"]}
    assert codes.get("storm") == "010" and "041" in codes.values(), codes


def test_dying_is_a_death_unless_violence_caused_it():
    got = events("Obituary\n\nThe singer Ana Ruiz died on Sunday at her home.")
    assert got.get("died") == ("death", "2024-03-10")
    got = events("Blaze\n\nA fire killed five teenagers in an escape room on Friday.")
    assert got.get("killed", ("",))[0] == "death"
    got = events("Base\n\nDozens died in the attack on a military base on Monday.")
    assert got.get("died", ("",))[0] == "attack"  # the deaths an attack causes are of its kind


def test_a_summit_and_an_opening_are_coded_as_hosted():
    from kg.vocab import cameo

    assert cameo("summit") == cameo("conference") == cameo("opening") == cameo("host-visit") == "043"


def _parts(text: str, mention: str) -> set[str]:
    x = run(text, MONDAY)
    labels = {a.key: a.label for a in x.actors}
    event = next(e for e in x.events if e.mentions[0].text == mention)
    return {labels[p.actor] for p in event.participants}


def test_the_subject_of_a_verb_that_carries_out_an_event_named_by_its_object_takes_part():
    text = "Troops\n\nOn Monday the Ministry of Defence announced a full withdrawal of its units from the valley."
    assert "Ministry of Defence" in _parts(text, "withdrawal")
    assert "minister" not in _parts("Protest\n\nThe minister condemned the attack on the embassy on Monday.", "attack")


def test_by_and_of_give_the_agent_and_the_one_done_to():
    got = _parts("Court\n\nThe trial of Marc Dubois began in Lyon on Monday.", "trial")
    assert got == {"Marc Dubois"}


def test_an_inquiry_into_a_crime_or_into_wrongdoing_in_office_is_a_criminal_investigation():
    from kg.vocab import cameo

    assert events("Congress\n\nThe House opened an impeachment inquiry on Monday.") == {
        "inquiry": ("criminal-investigation", "2024-03-11")}
    assert [t for t, _ in events("Tax rules\n\nAuditors began a probe of the tax rules on Monday.").values()] == [
        "investigation"]
    assert cameo("criminal-investigation") == "091"


def test_injuries_a_blaze_or_an_accident_causes_are_inflicted_by_no_one():
    got = events("Blaze\n\nA fire broke out in a hostel on Friday. The fire, which also injured a guard, spread to two "
                 "floors.")
    assert got.get("injured", ("",))[0] == "accidental-injury"
    got = events("Bus crash\n\nTwo passengers died and three crew members were injured when the bus overturned on "
                 "Sunday.")
    assert got.get("injured", ("",))[0] == "accidental-injury"
    got = events("Raid\n\nA gunman opened fire on a crowd on Friday and injured four people.")
    assert got.get("injured", ("",))[0] != "accidental-injury"


def test_military_activities_and_exercises_are_a_show_of_force():
    got = events("Readout of the Secretary's Call\n\nThe Secretary raised concerns about the military exercises near "
                 "the border yesterday.")
    assert got.get("military exercises") == ("military-activity", "2024-03-10")


def test_testing_positive_is_a_diagnosis():
    got = events("League halts season\n\nThe league halted its season on Wednesday after a player of the Rovers tested "
                 "positive for the virus.")
    assert got.get("tested positive", ("",))[0] == "diagnosis"
    got = events("League halts season\n\nThe league's decision followed a Rovers player testing positive for the "
                 "virus.")
    assert got.get("testing positive", ("",))[0] == "diagnosis"


def test_a_court_setting_bail_and_an_address_to_the_public_are_events():
    got = events("Striker held\n\nThe Brenn city court set bail yesterday at 5,000 euros.")
    assert got.get("set bail") == ("ruling", "2024-03-10")
    got = events("Flood warning\n\nGovernor Ada Lind addressed the public: \"Stay away from the river banks tonight.\"")
    assert got.get("addressed", ("",))[0] == "make-statement"
