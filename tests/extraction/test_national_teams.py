"""Countries that play a match are national teams, not states, and get no state's item (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.pipeline.link.linking import link
from tests.extraction.helpers import run

pytestmark = pytest.mark.slow

MATCH = ("Cup opener\n\nBelgium beat Panama 3–0 in their opening match on Monday. Romelu Lukaku scored two goals. "
         "Panama lost to Belgium in the group stage, and the coach praised his squad.\n")


def test_countries_that_play_a_match_are_teams_and_link_to_no_state():
    x = link(run(MATCH, dt.date(2018, 6, 19)))
    teams = {a.label: a for a in x.actors if a.key.startswith("team/")}
    assert set(teams) == {"Belgium", "Panama"}
    assert all(a.kind == "organization" and not a.links.get("wikidata") for a in teams.values())


def test_countries_outside_a_match_stay_states():
    x = run("Trade\n\nBelgium and Panama signed a trade agreement on Monday. Belgium beat its export record, the "
            "ministry said.\n", dt.date(2018, 6, 19))
    assert {a.key for a in x.actors if a.kind == "country"} >= {"country/belgium", "country/panama"}
    assert not any(a.key.startswith("team/") for a in x.actors)


def test_countries_a_medal_goes_to_are_teams():
    x = run("Robots\n\nThe teams competed for three days. The European team won the competition, with the silver "
            "medal going to Poland and the bronze to Armenia.\n", dt.date(2017, 7, 20))
    assert {a.label for a in x.actors if a.key.startswith("team/")} == {"Poland", "Armenia"}
