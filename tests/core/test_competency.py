"""The competency queries answer on the seed with the facts the article states (issues 2-4)."""

from __future__ import annotations

from pathlib import Path

from tests.core.test_queries import run_query


def test_what_wang_yi_said_about_nato(seed_store: Path):
    rows = run_query(seed_store, "cq01-said-about")
    assert rows and all(r["speakerLabel"] == "Wang Yi" for r in rows)
    assert any("military blocs" in r["quote"] for r in rows)


def test_who_said_what_to_whom_in_the_call(seed_store: Path):
    rows = run_query(seed_store, "cq02-call-exchange")
    pairs = {(r["speakerLabel"], r["addresseeLabel"]) for r in rows}
    assert ("Wang Yi", "Antony Blinken") in pairs and ("Antony Blinken", "Wang Yi") in pairs
    assert [int(r["begin"]) for r in rows] == sorted(int(r["begin"]) for r in rows)


def test_statements_through_an_intermediary(seed_store: Path):
    rows = run_query(seed_store, "cq03-intermediaries")
    blinken = [r for r in rows if r["speakerLabel"] == "Antony Blinken"]
    assert blinken and "State Department" in blinken[0]["reportedByLabel"]
    assert "readout" in blinken[0]["documentLabel"]
    assert blinken[0]["cue"] == "quoted him as saying"


def test_quote_types_per_speaker(seed_store: Path):
    rows = {(r["speakerLabel"], r["quoteType"]): int(r["statements"]) for r in run_query(seed_store, "cq04-quote-types")}
    assert rows[("Wang Yi", "direct")] >= 3 and rows[("Wang Yi", "mixed")] >= 2


def test_posts_held(seed_store: Path):
    rows = {r["personLabel"]: r for r in run_query(seed_store, "positions")}
    assert rows["Wang Yi"]["postLabel"] == "Foreign Minister of China"
    assert rows["Wang Yi"]["surface"] == "China’s Foreign Minister" and rows["Wang Yi"]["date"] == "2022-01-27"
    assert rows["Xi Jinping"]["postLabel"] == "President of China"


def test_when_was_the_call(seed_store: Path):
    (row,) = run_query(seed_store, "cq06-when-call")
    assert (row["dateText"], row["timex"], row["date"], row["anchor"]) == ("Thursday", "2022-01-27", "2022-01-27",
                                                                          "2022-01-27")
    seed = (Path(__file__).resolve().parents[2] / "data/articles/wang-yi-blinken-call.txt").read_text("utf-8")
    assert seed[int(row["begin"]) : int(row["end"])] == "Thursday"


def test_scheduled_events(seed_store: Path):
    rows = run_query(seed_store, "cq07-scheduled")
    by_type = {r["type"].rsplit("/", 1)[1]: r for r in rows if r["modality"] == "scheduled"}
    assert by_type["visit"]["timex"] == "2022-W05" and by_type["visit"]["placeLabel"] == "Beijing"
    assert by_type["opening"]["timex"] == "2022-02-04"


def test_putins_events_and_sub_events(seed_store: Path):
    roles = {(r["type"].rsplit("/", 1)[1], r["role"]) for r in run_query(seed_store, "cq08-person-events")}
    assert ("visit", "visitor") in roles and ("meeting", "participant") in roles
    subs = {r["type"].rsplit("/", 1)[1] for r in run_query(seed_store, "cq09-sub-events")}
    assert {"meeting", "attendance"} <= subs


def test_why_the_boycott_and_according_to_whom(seed_store: Path):
    rows = run_query(seed_store, "cq10-why")
    boycott = [r for r in rows if r["effectLabel"].startswith("boycott")]
    assert boycott and boycott[0]["accordingToLabel"] == "United States"
    assert "human rights violations" in boycott[0]["quote"]


def test_what_happened_before_the_call(seed_store: Path):
    rows = run_query(seed_store, "cq11-before")
    assert any(r["label"].startswith("virtual meeting") and r["timex"] == "2021-11-15" for r in rows)


def test_statements_mentioning_taiwan(seed_store: Path):
    rows = run_query(seed_store, "cq12-statements-mentioning")
    assert rows and rows[0]["speakerLabel"] == "Wang Yi" and "Taiwan card" in rows[0]["quote"]


def test_timeline_is_in_time_order(seed_store: Path):
    rows = run_query(seed_store, "timeline")
    values = [r["timex"] for r in rows]
    assert values == sorted(values)
    assert values[0] == "2021-11-15" and "2022-01-27" in values and "2022-02-04" in values


def test_seed_events_present_and_right(seed_store: Path):
    rows = run_query(seed_store, "events")
    events: dict[str, dict] = {}
    for r in rows:
        e = events.setdefault(r["event"], {"type": r["type"].rsplit("/", 1)[1], "date": r["date"],
                                            "modality": r["modality"], "people": set(), "cameo": r["cameo"]})
        e["people"].add(r["participantLabel"])
    types = {e["type"]: e for e in events.values()}
    call = types["phone-call"]
    assert call["date"] == "2022-01-27" and {"Wang Yi", "Antony Blinken"} <= call["people"]
    assert call["cameo"] == "041" and call["modality"] == "actual"
    assert types["virtual-meeting"]["date"] == "2021-11-15"
    assert types["visit"]["modality"] == "scheduled" and "Vladimir Putin" in types["visit"]["people"]
    assert types["opening"]["date"] == "2022-02-04"
    for t in ("boycott", "military-buildup", "trade-war"):
        assert t in types, t
    assert types["trade-war"]["modality"] == "ongoing"


def test_paraphrases_of_a_claim(seed_store: Path):
    """The headline's ‘legitimate concerns’ (said by China) and Wang Yi's words make the same claim."""
    rows = run_query(seed_store, "cq13-same-claim")
    headline = [r for r in rows if r["speakerLabel"] == "China" and int(r["begin"]) == 0]
    assert headline and {r["sameSpeakerLabel"] for r in headline} == {"Wang Yi"}
    assert any("legitimate security concerns" in r["sameQuote"] for r in headline)
