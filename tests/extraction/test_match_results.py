"""Results of a round-up: each result with its own sides is a match of its own, and "lost 1-2 to", "drew 0-0 with"
are matches (only with a score) — invented texts; docs/extraction.md, "Participants, more kinds"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.helpers import run

pytestmark = pytest.mark.slow
WEDNESDAY = dt.date(2024, 3, 13)


def matches(text: str) -> list[tuple[list[str], str | None]]:
    x = run(text, WEDNESDAY)
    times = {t.key: t.value for t in x.times}
    return [([m.text for m in e.mentions], times.get(e.time or "")) for e in x.events if e.type == "sports-event"]


def test_each_result_of_a_round_up_is_a_match_of_its_own_on_the_leads_day():
    got = matches("Cup day five\n\nYesterday, Sweden beat Korea 1-0; Belgium beat Panama 3-0; and Tunisia lost 1-2 "
                  "to England.\n\nThe group stage ends next week.")
    assert (["lost"], "2024-03-12") in got
    assert sum(1 for ms, _ in got if "beat" in ms) == 2


def test_losing_or_drawing_is_a_match_only_with_a_score():
    assert matches("Politics\n\nThe party lost the election in 2019.\n\nIt drew a large crowd on Monday.") == []
    assert matches("Football\n\nUnited drew 1-1 with Town on Saturday.\n\nBoth sides had chances.") == \
        [(["drew"], "2024-03-09")]


def test_a_named_competition_is_none_of_its_matches():
    x = run("World Cup day five\n\nYesterday, on day five of the World Cup, Sweden beat Korea 1-0.\n\nThe group stage "
            "ends next week.", WEDNESDAY)
    named = [e for e in x.events if any("World Cup" in m.text for m in e.mentions)]
    assert named and all(all(m.text != "beat" for m in e.mentions) for e in named)
