"""One event told twice in words that made two (a noun, then a verb; a second account later in the article): the
mentions join, and the event carries the day one of them gives (invented texts; docs/extraction.md, "Event
coreference")."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Extraction
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def events_of(x: Extraction, type_: str) -> list[tuple[list[str], str | None]]:
    """(mention texts, time value) of every event of a type."""
    times = {t.key: t.value for t in x.times}
    return [([m.text for m in e.mentions], times.get(e.time or "")) for e in x.events if e.type == type_]


def test_a_verb_that_tells_the_dated_collision_again_joins_it():
    x = run("Rail crash injures dozens near Dunmore\n\nA collision between two trains on Sunday morning injured 40 "
            "people near Dunmore, officials said.\n\nThe line stays closed while engineers inspect the track.\n\n"
            "The passenger train, carrying 200 people, collided head on with a parked freight train.", WEDNESDAY)
    assert events_of(x, "accident") == [(["crash", "collision", "collided"], "2024-03-10")]


def test_a_later_dated_account_gives_its_day_to_the_event_the_lead_told_without_one():
    x = run("Police shut down online drug market\n\nThe market's servers have been seized and its founder charged, "
            "prosecutors said on Tuesday.\n\nThe site sold drugs to thousands of buyers in Europe.\n\nOn March 2, "
            "police in three countries seized the market's servers in a joint operation.", WEDNESDAY)
    assert events_of(x, "occupation") == [(["seized", "seized"], "2024-03-02")]


def test_other_patients_or_another_day_in_the_sentence_keep_two_events():
    x = run("Police arrest two men after robbery\n\nPolice arrested Tom Brady on Monday in Leeds after a robbery at "
            "a bank.\n\nThe bank stayed closed on Tuesday.\n\nOfficers also arrested John Smith in York.", WEDNESDAY)
    assert len(events_of(x, "arrest")) == 2
    x = run("Rail safety under scrutiny\n\nSeveral fatal incidents involving the operator's trains have occurred "
            "this winter.\n\nOn December 18, a train derailed near Leeds, killing three; on January 31, a lorry "
            "driver was killed in York.", WEDNESDAY)
    assert (["killed"], "2024-01-31") in events_of(x, "killing") and len(events_of(x, "killing")) == 2


def test_a_magnitude_counts_no_events_a_year_names_another():
    x = run("Earthquake strikes off coast\n\nA magnitude 6.8 earthquake struck off the coast early on Monday, "
            "damaging buildings in three towns.\n\nThe earthquake was felt 300 km away.", WEDNESDAY)
    assert events_of(x, "disaster") == [(["Earthquake", "earthquake", "earthquake"], "2024-03-11")]
    x = run("Vote count ends\n\nThe count of the 2024 election ended on Monday.\n\nThe 2019 election had taken two "
            "weeks to count.", WEDNESDAY)
    assert len(events_of(x, "election")) == 2


def test_the_headlines_verb_that_the_lead_tells_again_with_a_typed_verb_is_that_event():
    x = run("Troops battle rebels in hills\n\nOn Tuesday, government troops battled rebels in the hills near the "
            "border.\n\nThe fighting lasted all day.", WEDNESDAY)
    assert events_of(x, "fighting") == [(["battle", "battled", "fighting"], "2024-03-12")]
    assert events_of(x, "event") == []


def test_battling_a_blaze_or_an_illness_and_withdrawing_a_nomination_are_no_fighting_nor_pullout():
    x = run("Crews battle blaze\n\nFirefighters battled a blaze at a warehouse on Tuesday.\n\nNo one was hurt.",
            WEDNESDAY)
    assert events_of(x, "fighting") == []
    x = run("Party drops candidate\n\nOn Saturday, the party withdrew the nomination of its candidate.\n\nThe king "
            "had objected.", WEDNESDAY)
    assert events_of(x, "withdrawal") == []
    x = run("Troops leave town\n\nOn Saturday, the troops withdrew from the town.\n\nThe army confirmed it.",
            WEDNESDAY)
    assert events_of(x, "withdrawal") == [(["withdrew"], "2024-03-09")]
