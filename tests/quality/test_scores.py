"""Extraction quality against the gold annotations: the figures are lower bounds, so a regression fails CI.

The seed's gold is in the repository; the development articles are read from ../shared (skipped when absent).
Targets (issues 3, 4 and 14): on the development articles, speaker accuracy on direct quotes >= 90 %, statement recall
>= 85 % at precision >= 90 %, event F1 >= 0.75, time-value accuracy >= 90 %. The bounds sit at or just under the
figures measured when they were set (README, "Quality").
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, SHARED

GOLD = ROOT / "tests" / "gold"


def _score(names: list[str]) -> dict:
    from kg.eval.evaluate import score_corpus
    from kg.eval.scoring import load_gold, system_output

    pairs = []
    for name in names:
        gold, text = load_gold(GOLD / f"{name}.json")
        if not text.exists():
            pytest.skip(f"../shared is absent: the development article {gold['path']} is not on this machine")
        pairs.append((gold, system_output(text, gold.get("date"))))
    return score_corpus(pairs)


@pytest.fixture(scope="module")
def dev() -> dict:
    if not (SHARED / "articles").exists():
        pytest.skip("../shared is absent: the development articles are not on this machine")
    names = sorted(p.stem for p in GOLD.glob("*.json") if p.stem[:2].isdigit())
    assert len(names) >= 4
    return _score(names)["overall"]["figures"]


@pytest.fixture(scope="module")
def seed() -> dict:
    return _score(["wang-yi-blinken-call"])["overall"]["figures"]


def test_dev_statements(dev: dict):
    assert dev["stmt_p"] >= 0.99
    assert dev["stmt_r"] >= 0.90


def test_dev_speakers(dev: dict):
    assert dev["direct_speaker_acc"] >= 0.99
    assert dev["speaker_acc"] >= 0.99
    assert dev["addressee_acc"] >= 0.90
    assert dev["reported_by_acc"] >= 0.98
    assert dev["quote_type_acc"] >= 0.98
    assert dev["wrong_named"] == 0


def test_dev_actor_clusters(dev: dict):
    assert dev["b3_f1"] >= 0.58


def test_dev_events_and_time(dev: dict):
    assert dev["event_f1"] >= 0.75
    assert dev["type_acc"] >= 0.55
    assert dev["participant_f1"] >= 0.45
    assert dev["time_acc"] >= 0.90


def test_seed_statements_all_right(seed: dict):
    """On the seed, every statement found, each with the right speaker, addressee, source and quote type."""
    assert seed["stmt_p"] == 1.0 and seed["stmt_r"] >= 0.93
    for key in ("speaker_acc", "addressee_acc", "reported_by_acc", "quote_type_acc"):
        assert seed[key] == 1.0, key


def test_seed_events_and_time(seed: dict):
    assert seed["event_f1"] >= 0.80
    assert seed["time_acc"] == 1.0


def test_seed_has_the_readout_and_the_olympics_opening_with_its_date():
    """The State Department's "exchanged views …" is a statement of the seed; the opening of the Winter Olympics is
    an event dated 4 February 2022."""
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest

    x = extract(ingest(ROOT / "data" / "articles" / "wang-yi-blinken-call.txt"))
    readout = [s for s in x.statements if "exchanged views on how to advance work together" in s.quote]
    assert readout and readout[0].speaker == "org/state-department"
    times = {t.key: t.value for t in x.times}
    opening = [e for e in x.events if e.type == "opening"]
    assert opening and times.get(opening[0].time) == "2022-02-04"


def test_gold_files_cover_seed_and_four_dev_articles():
    names = {p.stem for p in GOLD.glob("*.json")}
    assert "wang-yi-blinken-call" in names
    assert len([n for n in names if n[:2].isdigit()]) >= 4
    for p in GOLD.glob("*.json"):
        json.loads(p.read_text(encoding="utf-8"))
