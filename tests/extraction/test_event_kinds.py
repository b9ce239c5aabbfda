"""Kinds of violent event by their weapon (CAMEO 182, 183, 186, 193, 195), from the trigger lexicon (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.vocab import cameo
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
MONDAY = dt.date(2024, 3, 11)


def types(text: str) -> list[str]:
    return [e.type for e in run("Report\n\n" + text, MONDAY).events]


@pytest.mark.parametrize(("text", "kind"), [
    ("Two men were stabbed outside a bar on Friday.", "assault"),
    ("The knife attack left three people injured.", "assault"),
    ("Police shot the gunman dead on the bridge.", "shooting"),
    ("A car bomb killed four soldiers near the base.", "bombing"),
    ("A suicide bombing hit the market on Sunday.", "bombing"),
    ("A drone strike destroyed the depot.", "air-strike"),
    ("Gunmen assassinated the mayor on Friday.", "assassination"),
])
def test_the_weapon_names_the_kind(text: str, kind: str):
    assert kind in types(text)


def test_the_kinds_carry_their_cameo_codes():
    assert [cameo(k) for k in ("assault", "bombing", "assassination", "shooting", "air-strike")] == \
        ["182", "183", "186", "193", "195"]


def test_an_attack_a_later_mention_calls_a_knife_attack_is_that_kind():
    x = run("Report\n\nThe attack happened on Friday evening. Police said the knife attack lasted minutes.", MONDAY)
    attacks = [e for e in x.events if e.type in ("attack", "assault")]
    assert [e.type for e in attacks] == ["assault"]
    assert len(attacks[0].mentions) == 2


@pytest.mark.parametrize(("text", "kind"), [
    ("The minister resigned on Friday after the leak.", "resignation"),
    ("The chief executive will step down in June.", "resignation"),
    ("The president appointed a new envoy on Tuesday.", "appointment"),
    ("Thousands of residents were evacuated from the coast.", "evacuation"),
    ("The government shutdown entered its third week.", "shutdown"),
    ("The court's ruling was welcomed by the families.", "ruling"),
])
def test_common_news_events(text: str, kind: str):
    assert kind in types(text)


def test_the_speaker_makes_the_announcement_they_speak_in():
    x = run("Report\n\n\u201cWe will act,\u201d Maria Lopez said in a televised announcement.", MONDAY)
    labels = {a.key: a.label for a in x.actors}
    made = [e for e in x.events if e.type == "make-statement"]
    assert made and [labels[p.actor] for p in made[0].participants] == ["Maria Lopez"]


def test_a_storm_hits_and_approaches_places():
    x = run("Storm\n\nHurricane Nadia hit the islands on Wednesday. Nadia is now heading towards the mainland, and the "
            "storm approached the coast on Thursday.", MONDAY)
    got = [(e.type, {t.key: t.value for t in x.times}.get(e.time or ""), e.participants) for e in x.events
           if e.type.startswith("storm-")]
    assert got == [("storm-hit", "2024-03-06", []), ("storm-approach", None, []),
                   ("storm-approach", "2024-03-07", [])]


def test_only_a_storm_hits_as_a_storm():
    assert not any(t.startswith("storm-") for t in types("The player hit the ball and approached the goal."))
    assert "attack" in types("Military strikes hit the town on Friday.")


def test_market_abuse_and_a_threat_of_flooding_are_no_events():
    assert "rights-violation" not in types("The regulator fined the firm for market abuse.")
    assert "threat" not in types("Heavy rain brought threats of flooding to the valley.")
    assert "threat" in types("The militia made threats against the village.")


def test_a_regulator_fining_a_company_is_an_event():
    x = run("Report\n\nThe Financial Conduct Authority has today fined Barclays for misleading investors.", MONDAY)
    fine = next(e for e in x.events if e.type == "fine")
    assert {t.key: t.value for t in x.times}[fine.time] == "2024-03-11"
    assert "fine" not in types("The weather was fine on the coast.")


def test_a_court_issuing_an_opinion_is_a_ruling():
    x = run("Court\n\nOn Wednesday, the state's highest court delivered its opinion in the zoning dispute, "
            "upholding the permit.", MONDAY)
    ruling = next(e for e in x.events if e.type == "ruling")
    assert {t.key: t.value for t in x.times}[ruling.time] == "2024-03-06"
    assert "ruling" not in types("In my opinion the plan was right.")


def test_business_news_beats_figures_and_sells_games_without_a_match():
    assert "sports-event" not in types("The chip maker reported earnings on Thursday that beat analysts' "
                                       "estimates.")
    assert "sports-event" not in types("The studio's revenue rose on sales of its games such as Star Raiders, and "
                                       "fans now download games to phones. The video game market grows.")
    assert "sports-event" in types("Rovers beat Hillside 3-1 on Saturday. The game was played in heavy rain.")
    assert "sports-event" in types("The home side lost the game to the visitors on Saturday.")


def test_a_noun_that_modifies_a_thing_names_no_event():
    from tests.extraction.helpers import run

    x = run("Obituary\n\nMara Quill, the folk singer whose protest songs became anthems, has died. She wrote war "
            "songs too.")
    assert sorted(e.type for e in x.events) == ["death"], [(e.type, [m.text for m in e.mentions]) for e in x.events]
    x = run("Unrest\n\nThousands joined a protest in the capital on Sunday.")
    assert [e.type for e in x.events] == ["protest"]


def test_an_event_noun_that_is_a_passive_subject_takes_its_verbs_time():
    import datetime as dt

    from tests.extraction.helpers import run

    x = run("Talks\n\nOn Monday, the foreign ministers spoke by phone. The agreement was signed in 2019.",
            dt.date(2024, 3, 11))
    values = {t.key: t.value for t in x.times}
    got = {e.type: values.get(e.time) for e in x.events}
    assert got.get("agreement") == "2019", got


def test_a_strike_that_strikers_extend_is_a_stoppage_of_work():
    from tests.extraction.helpers import run

    x = run("Port\n\nDock workers extended their strike into a second week on Tuesday.\n")
    assert [e.type for e in x.events if any(m.text == "strike" for m in e.mentions)] == ["strike-action"]


def test_a_sacking_or_an_ouster_is_a_dismissal():
    from tests.extraction.helpers import run

    x = run("Club\n\nThe board ousted the chief executive on Monday. The sacking of the coach surprised fans.\n")
    words = {m.text for e in x.events if e.type == "dismissal" for m in e.mentions}
    assert {"ousted", "sacking"} <= words
