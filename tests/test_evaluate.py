"""Tests of the scorer (kg/eval/) on tiny hand-made gold/system pairs, and of the gold files themselves."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
KB = ROOT.parent / "shared" / "kb" / "wikidata-verified.tsv"

import kg.eval as ev  # noqa: E402 - the scorer: pure functions, it loads no model

#          0         1         2         3         4         5         6         7         8
#          0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567
TEXT = "Wang told Blinken “we agree”. He said China calls for calm. Blinken said “no way”, he said."


def _gold() -> dict:
    return {
        "article": "toy", "actors": [
            {"id": "wang", "label": "Wang Yi", "type": "person", "wikidata": None,
             "mentions": [[0, 4, "Wang"], [30, 32, "He"]]},
            {"id": "blinken", "label": "Antony Blinken", "type": "person", "wikidata": "Q1",
             "mentions": [[10, 17, "Blinken"], [60, 67, "Blinken"], [83, 85, "he"]]},
            {"id": "china", "label": "China", "type": "country", "wikidata": "Q148", "mentions": [[38, 43, "China"]]},
        ],
        "places": [],
        "statements": [
            {"id": "s1", "content": [[19, 27]], "quote_type": "direct", "speaker": "wang", "addressee": "blinken",
             "reported_by": None, "cue": [5, 9], "event": "e1"},
            {"id": "s2", "content": [[38, 58]], "quote_type": "indirect", "speaker": "wang", "addressee": None,
             "reported_by": None, "cue": [33, 37], "event": None},
            {"id": "s3", "content": [[74, 80]], "quote_type": "direct", "speaker": "blinken", "addressee": None,
             "reported_by": "china", "cue": [68, 72], "event": None},
            {"id": "s4", "content": [[44, 58]], "quote_type": "indirect", "speaker": "china", "addressee": None,
             "reported_by": None, "cue": [44, 53], "event": None},
        ],
        "events": [
            {"id": "e1", "label": "call", "cameo": "041", "mentions": [[5, 9]], "participants": [
                {"actor": "wang", "role": "participant"}, {"actor": "blinken", "role": "participant"}],
             "time": "t1", "place": None, "modality": "actual", "parent": None},
            {"id": "e2", "label": "calls for calm", "cameo": "020", "mentions": [[44, 53]], "participants": [
                {"actor": "china", "role": "agent"}],
             "time": None, "place": None, "modality": "actual", "parent": None},
        ],
        "times": [{"id": "t1", "span": [0, 4], "value": "2022-01-27"}, {"id": "t2", "span": [10, 17], "value": None}],
    }


def _system() -> dict:
    """A perfect system output with other ids and head-less spans."""
    g = _gold()
    ren = {"wang": "A", "blinken": "B", "china": "C", "e1": "E1", "e2": "E2", "t1": "T1", "t2": "T2"}
    r = lambda v: ren.get(v, v)  # noqa: E731
    s = copy.deepcopy(g)
    for a in s["actors"]:
        a["id"] = r(a["id"])
        a["mentions"] = [m[:2] for m in a["mentions"]]
    for st in s["statements"]:
        st["id"] = "x" + st["id"]
        for f in ("speaker", "addressee", "reported_by", "event"):
            st[f] = r(st[f]) if st[f] else None
    for e in s["events"]:
        e["id"], e["time"] = r(e["id"]), r(e["time"]) if e["time"] else None
        for p in e["participants"]:
            p["actor"] = r(p["actor"])
    for t in s["times"]:
        t["id"] = r(t["id"])
    return s


def fig(gold: dict, system: dict) -> dict:
    return ev.score_article(gold, system)["figures"]


# ----------------------------------------------------------------------------------------------- scorer
def test_toy_spans_are_right():
    assert TEXT[19:27] == "we agree" and TEXT[38:58] == "China calls for calm" and TEXT[74:80] == "no way"
    assert TEXT[83:85] == "he" and TEXT[30:32] == "He" and TEXT[19:21] == "we" and TEXT[22:27] == "agree"


def test_perfect_system_scores_one_everywhere():
    f = fig(_gold(), _system())
    for key in ("stmt_p", "stmt_r", "stmt_f1", "direct_f1", "speaker_acc", "direct_speaker_acc", "addressee_acc",
                "addressee_f1", "reported_by_acc", "reported_by_f1", "quote_type_acc", "stmt_event_acc", "b3_f1",
                "event_f1", "type_acc", "type2_acc", "participant_f1", "role_f1", "time_acc", "event_time_acc",
                "link_p", "link_r"):
        assert f[key] == pytest.approx(1.0), key


def test_empty_system_scores_zero_recall_and_undefined_precision():
    f = fig(_gold(), {"actors": [], "statements": []})
    assert f["stmt_r"] == 0.0 and f["stmt_p"] is None and f["stmt_f1"] is None
    assert f["speaker_acc"] is None and f["event_r"] == 0.0 and f["b3_r"] == 0.0 and f["time_acc"] == 0.0


def test_wrong_speaker_lowers_speaker_accuracy_by_one_quarter():
    s = _system()
    s["statements"][0]["speaker"] = "B"  # s1 is Wang's direct quote, not Blinken's
    f = fig(_gold(), s)
    assert f["speaker_acc"] == pytest.approx(3 / 4)
    assert f["direct_speaker_acc"] == pytest.approx(1 / 2)
    assert f["stmt_f1"] == pytest.approx(1.0)  # matching does not look at speakers
    res = ev.score_article(_gold(), s)
    expected = {"kind": "speaker", "gold": "s1", "system": "xs1", "expected": "wang", "found": "blinken"}
    assert expected in res["mismatches"]


def test_speaker_null_versus_unaligned_actor():
    g, s = _gold(), _system()
    g["statements"][1]["speaker"] = None
    s["statements"][1]["speaker"] = None
    assert fig(g, s)["speaker_acc"] == pytest.approx(1.0)  # null == null is right
    s["actors"].append({"id": "Z", "label": "nobody", "type": "person", "mentions": [[88, 90]]})
    s["statements"][1]["speaker"] = "Z"  # overlaps no gold mention: aligns to nothing, not to null
    assert fig(g, s)["speaker_acc"] == pytest.approx(3 / 4)


def test_statement_match_threshold_is_half_of_the_shorter():
    g = _gold()
    g["statements"] = g["statements"][:3]  # s2 only, not the nested s4
    s = _system()
    s["statements"] = [dict(s["statements"][1], content=[[48, 68]])]  # 10 of 20 gold chars: exactly 50 %
    f = fig(g, s)
    assert f["stmt_p"] == 1.0 and f["stmt_r"] == pytest.approx(1 / 3)
    s["statements"][0]["content"] = [[49, 69]]  # 9 of 20: no match
    assert fig(g, s)["stmt_p"] == 0.0


def test_statement_matching_is_one_to_one():
    s = _system()
    s["statements"].append(dict(s["statements"][0], id="dup", content=[[20, 27]]))
    f = fig(_gold(), s)
    assert f["stmt_r"] == 1.0 and f["stmt_p"] == pytest.approx(4 / 5)


def test_split_quote_matches_by_union_of_spans():
    g = _gold()
    g["statements"][0]["content"] = [[19, 21], [22, 27]]  # "we" + "agree"
    s = _system()
    s["statements"][0]["content"] = [[19, 27]]
    assert fig(g, s)["stmt_f1"] == pytest.approx(1.0)


def test_addressee_and_reported_by_accuracy_and_prf():
    s = _system()
    s["statements"][0]["addressee"] = None  # gold blinken: a miss
    s["statements"][1]["addressee"] = "C"  # gold null: a false alarm
    s["statements"][2]["reported_by"] = "A"  # gold china: wrong value
    f = fig(_gold(), s)
    assert f["addressee_acc"] == pytest.approx(2 / 4)
    assert f["addressee_p"] == 0.0 and f["addressee_r"] == 0.0
    assert f["reported_by_acc"] == pytest.approx(3 / 4)
    assert f["reported_by_p"] == 0.0 and f["reported_by_r"] == 0.0


def test_quote_type_and_direct_prf():
    s = _system()
    s["statements"][2]["quote_type"] = "mixed"
    f = fig(_gold(), s)
    assert f["quote_type_acc"] == pytest.approx(3 / 4)
    assert f["direct_p"] == pytest.approx(1.0) and f["direct_r"] == pytest.approx(1 / 2)


def test_statement_event_accuracy():
    s = _system()
    s["statements"][0]["event"] = None
    assert fig(_gold(), s)["stmt_event_acc"] == pytest.approx(3 / 4)


def test_b_cubed_known_values():
    # gold {a,b,c} {d}; system {a,b} {c,d}: P = (1+1+1/2+1/2)/4, R = (2/3+2/3+1/3+1)/4
    g = {"actors": [{"id": "x", "mentions": [[0, 1], [2, 3], [4, 5]]}, {"id": "y", "mentions": [[6, 7]]}]}
    s = {"actors": [{"id": "p", "mentions": [[0, 1], [2, 3]]}, {"id": "q", "mentions": [[4, 5], [6, 7]]}]}
    p, np_, r, nr = ev.b_cubed(g, s)
    assert p / np_ == pytest.approx(3 / 4) and r / nr == pytest.approx(2 / 3)
    # an extra, unmatched system mention only lowers precision
    s["actors"][0]["mentions"].append([10, 12])
    p, np_, r, nr = ev.b_cubed(g, s)
    assert np_ == 5 and p / np_ == pytest.approx((2 / 3 + 2 / 3 + 1 / 2 + 1 / 2) / 5) and r / nr == pytest.approx(2 / 3)


def test_b_cubed_overlapping_mention_counts_and_merged_cluster_is_penalised():
    g = {"actors": [{"id": "x", "mentions": [[0, 10]]}, {"id": "y", "mentions": [[20, 25]]}]}
    s = {"actors": [{"id": "p", "mentions": [[2, 8], [20, 25]]}]}  # boundary off, both merged
    p, np_, r, nr = ev.b_cubed(g, s)
    assert p / np_ == pytest.approx(1 / 2) and r / nr == pytest.approx(1.0)


def test_actor_alignment_prefers_exact_over_nested_span():
    g = {"actors": [{"id": "us", "mentions": [[0, 3]]}, {"id": "officials", "mentions": [[0, 13]]}]}
    s = {"actors": [{"id": "a", "mentions": [[0, 13]]}, {"id": "b", "mentions": [[0, 3]]},
                    {"id": "c", "mentions": [[50, 52]]}]}
    assert ev.align_actors(g, s) == {"a": "officials", "b": "us", "c": None}


def test_events_detection_type_participants_and_time():
    s = _system()
    s["events"][0]["cameo"] = "040"  # same top level as 041
    s["events"][1]["participants"].append({"actor": "A", "role": "agent"})
    s["events"].append({"id": "E3", "cameo": "190", "mentions": [[88, 90]], "participants": []})
    s["events"][0]["time"] = "T2"  # T2 has no value
    f = fig(_gold(), s)
    assert f["event_p"] == pytest.approx(2 / 3) and f["event_r"] == 1.0
    assert f["type_acc"] == pytest.approx(1 / 2) and f["type2_acc"] == 1.0
    assert f["participant_p"] == pytest.approx(3 / 4) and f["participant_r"] == 1.0
    assert f["event_time_acc"] == 0.0


def test_event_matching_by_any_overlap_one_to_one():
    g = {"events": [{"id": "a", "mentions": [[0, 10], [50, 55]]}, {"id": "b", "mentions": [[20, 30]]}]}
    s = {"events": [{"id": "x", "mentions": [[52, 53]]}, {"id": "y", "mentions": [[5, 6], [51, 54]]}]}
    assert ev.match_events(g, s) == {0: 1}  # y overlaps two of a's mentions, x only one; b overlaps nothing


def test_time_value_accuracy():
    s = _system()
    s["times"][0]["value"] = "2022-01-26"
    f = fig(_gold(), s)
    assert f["time_acc"] == 0.0 and f["event_time_acc"] == 0.0
    s["times"][0]["value"], s["times"][0]["span"] = "2022-01-27", [20, 25]  # right value, wrong place
    assert fig(_gold(), s)["time_acc"] == 0.0


def test_linking_precision_recall_and_mismatches():
    s = _system()
    s["actors"][0]["wikidata"] = "Q999"  # Wang has no id in gold
    s["actors"][1]["wikidata"] = "http://www.wikidata.org/entity/Q1"  # IRI form is accepted
    s["actors"][2]["wikidata"] = None  # China missed
    gold = _gold()
    wang = next(a for a in gold["actors"] if a["id"] == "wang")
    wang["has_wikidata"] = False  # the annotator says Wang has no Wikidata item: a link on him is wrong
    res = ev.score_article(gold, s)
    assert res["figures"]["link_p"] == pytest.approx(1 / 2) and res["figures"]["link_r"] == pytest.approx(1 / 2)
    assert [m for m in res["mismatches"] if m["kind"] == "link"] == [
        {"kind": "link", "system": "A", "label": "Wang Yi", "found": "Q999", "gold": "wang", "expected": None}]
    # an item the annotator could not verify: the link cannot be checked (not in precision), and counts as found
    wang["has_wikidata"] = True
    res = ev.score_article(gold, s)
    assert res["counts"]["link_unchecked"] == 1 and res["figures"]["link_p"] == pytest.approx(1.0)
    assert res["figures"]["link_r"] == pytest.approx(2 / 3)
    # an earlier gold file without the field: no id means "not known", the link is not checked
    del wang["has_wikidata"]
    res = ev.score_article(gold, s)
    assert res["figures"]["link_p"] == pytest.approx(1.0) and res["figures"]["link_r"] == pytest.approx(1 / 2)


def test_linking_per_desk():
    g1, g2 = _gold(), {**_gold(), "article": "b"}
    r = ev.score_corpus([(g1, _system()), (g2, _system())], desks={"b": "world"})
    assert [d["article"] for d in r["desks"]] == ["world"] and r["desks"][0]["articles"] == 1
    assert "world" in ev.format_linking(r) and "overall" in ev.format_linking(r, markdown=True)


def test_corpus_is_micro_averaged():
    g1, s1 = _gold(), _system()
    g2 = _gold()
    s2 = _system()
    s2["statements"] = []  # article 2: 0 of 4 statements
    s1["statements"] = s1["statements"][:2]  # article 1: 2 of 4
    r = ev.score_corpus([(g1, s1), (g2, s2)])
    assert r["overall"]["figures"]["stmt_r"] == pytest.approx(2 / 8)
    assert r["overall"]["figures"]["stmt_p"] == pytest.approx(1.0)
    assert [a["figures"]["stmt_r"] for a in r["articles"]] == [pytest.approx(0.5), 0.0]


def test_tables():
    r = ev.score_corpus([(_gold(), _system()), (dict(_gold(), article="two"), {"actors": []})])
    t = ev.format_table(r)
    lines = t.splitlines()
    assert lines[0].startswith("article") and "stmt F1" in lines[0] and "link R" in lines[0]
    assert lines[2].startswith("toy") and "100.0" in lines[2] and lines[-1].startswith("overall")
    assert " - " in lines[3] or lines[3].rstrip().endswith("-")  # undefined figures
    md = ev.format_markdown(r)
    assert md.splitlines()[1].startswith("|---|") and "**overall**" in md


# ----------------------------------------------------------------------------------------------- gold files
ACTOR_TYPES = {"person", "organization", "government", "country", "group"}
QUOTE_TYPES = {"direct", "indirect", "mixed"}
ROLES = {"agent", "target", "participant", "visitor", "host", "attendee", "recipient", "theme", "party"}
MODALITIES = {"actual", "scheduled", "planned", "hypothetical", "alleged", "negated", "ongoing"}
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
OPEN, CLOSE = "“\"‘'", "”\"’'"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def _stored(path: Path) -> str:
    text = path.read_bytes().decode("utf-8-sig")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _all_spans(d: dict):
    for a in d["actors"] + d["places"]:
        yield from a["mentions"]
    for s in d["statements"]:
        yield from s["content"]
        if s["cue"]:
            yield s["cue"]
    for e in d["events"]:
        yield from e["mentions"]
    for t in d["times"]:
        yield t["span"]


def test_there_are_gold_files():
    names = {p.stem for p in GOLD_FILES}
    assert "wang-yi-blinken-call" in names and len(names) >= 9


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path):
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["article"] == path.stem
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"]) and re.fullmatch(r"[0-9a-f]{64}", d["sha256"])
    kinds: dict[str, str] = {}
    for kind in ("actors", "places", "statements", "events", "times"):
        for x in d[kind]:
            assert x["id"] not in kinds, f"duplicate id {x['id']}"
            kinds[x["id"]] = kind
    ref = lambda v, kind: v is None or kinds.get(v) == kind  # noqa: E731
    for a in d["actors"]:
        assert a["type"] in ACTOR_TYPES and a["label"] and a["mentions"], a["id"]
        assert a["wikidata"] is None or re.fullmatch(r"Q\d+", a["wikidata"])
    for p in d["places"]:
        assert p["label"] and p["mentions"] and (p["wikidata"] is None or re.fullmatch(r"Q\d+", p["wikidata"]))
    seen: dict[tuple[int, int], str] = {}
    for a in d["actors"] + d["places"]:
        for m in a["mentions"]:
            assert (m[0], m[1]) not in seen, f"{m} is a mention of both {seen[(m[0], m[1])]} and {a['id']}"
            seen[(m[0], m[1])] = a["id"]
    for s in d["statements"]:
        assert s["quote_type"] in QUOTE_TYPES and s["content"], s["id"]
        assert kinds.get(s["speaker"]) == "actors", s["id"]
        assert ref(s["addressee"], "actors") and ref(s["reported_by"], "actors") and ref(s["event"], "events"), s["id"]
    for e in d["events"]:
        assert re.fullmatch(r"\d{2,3}", e["cameo"]) and e["modality"] in MODALITIES and e["mentions"], e["id"]
        assert all(kinds.get(p["actor"]) == "actors" and p["role"] in ROLES for p in e["participants"]), e["id"]
        assert ref(e["time"], "times") and ref(e["place"], "places") and ref(e["parent"], "events"), e["id"]
        assert all(kinds.get(c) == "events" for c in e.get("causes", [])), e["id"]
        assert ref(e.get("cause_claimed_by"), "actors"), e["id"]
    for t in d["times"]:
        assert t["value"] is None or VALUE.match(t["value"]), t["id"]
    contents = [c for s in d["statements"] for c in s["content"]]
    for e in d["events"]:  # an event that exists only inside statements is not actual/ongoing but alleged (or less)
        if all(any(c[0] <= m[0] and m[1] <= c[1] for c in contents) for m in e["mentions"]):
            assert e["modality"] not in ("actual", "ongoing"), e["id"]
    for sp in _all_spans(d):
        assert len(sp) == 3 and 0 <= sp[0] < sp[1] and isinstance(sp[2], str) and 0 < len(sp[2]) <= 30, sp


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_matches_its_article(path: Path):
    d = json.loads(path.read_text(encoding="utf-8"))
    article = (path.parent / d["path"]).resolve()
    if not article.exists():
        pytest.skip(f"../shared is absent: {article} not found, spans cannot be checked against the text")
    text = _stored(article)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == d["sha256"], "the article text has changed"
    for sp in _all_spans(d):
        assert sp[1] <= len(text) and sp[2] == text[sp[0]:sp[1]][:30], (sp, text[sp[0]:sp[1]][:30])
        assert text[sp[0]:sp[1]] == text[sp[0]:sp[1]].strip(), f"span {sp} starts or ends with white space"
    for s in d["statements"]:
        for b, e, _ in s["content"]:
            if s["quote_type"] == "direct":  # inside the quote marks, marks excluded
                assert text[e] in CLOSE, (s["id"], text[b:e][:30])
                assert text[b - 1] in OPEN or "opening quotation mark is missing" in s.get("note", ""), s["id"]
        if s["quote_type"] == "mixed":
            assert any(c in OPEN + CLOSE for b, e, _ in s["content"] for c in text[b:e]), s["id"]


def test_gold_wikidata_ids_are_verified():
    if not KB.exists():
        pytest.skip(f"../shared is absent: {KB} not found")
    verified = {}
    for line in KB.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 2 and cols[2]:
            verified[cols[2]] = cols[0]
    for path in GOLD_FILES:
        d = json.loads(path.read_text(encoding="utf-8"))
        for a in d["actors"] + d["places"]:
            if a["wikidata"]:
                assert a["wikidata"] in verified, (path.stem, a["id"], a["wikidata"])
                assert verified[a["wikidata"]] in (a["label"],), (path.stem, a["id"], verified[a["wikidata"]])


def test_seed_must_haves():
    d = json.loads((GOLD_DIR / "wang-yi-blinken-call.json").read_text(encoding="utf-8"))
    ev_ = {e["id"]: e for e in d["events"]}
    times = {t["id"]: t["value"] for t in d["times"]}
    call = ev_["e_call"]
    assert call["cameo"] == "041" and times[call["time"]] == "2022-01-27"
    assert {p["actor"] for p in call["participants"]} == {"wang_yi", "blinken"}
    assert times[ev_["e_biden_xi_meeting"]["time"]] == "2021-11-15"
    visit = ev_["e_putin_visit"]
    assert visit["modality"] == "scheduled" and times[visit["time"]] == "2022-W05"
    parts = {e["id"] for e in d["events"] if e["parent"] == "e_putin_visit"}
    assert parts == {"e_putin_meets_xi", "e_putin_attends_opening"}
    assert times[ev_["e_olympics_opening"]["time"]] == "2022-02-04"
    assert ev_["e_boycott"]["causes"] == ["e_xinjiang_abuses"] and ev_["e_boycott"]["cause_claimed_by"] == "us"
    assert ev_["e_troop_buildup"]["cameo"] == "154" and ev_["e_trade_war"]["modality"] == "ongoing"


# ----------------------------------------------------------------------------------------------- corpus scope
def test_wrong_named_counts_a_quote_given_to_another_named_person():
    s = _system()
    s["statements"][0]["speaker"] = "B"  # Wang's quote given to Blinken: a named person
    s["statements"][3]["speaker"] = "A"  # China's call given to Wang: a named person too
    assert fig(_gold(), s)["wrong_named"] == 2
    s = _system()
    s["statements"][2]["speaker"] = "C"  # Blinken's quote given to China: wrong, but not another named person
    f = fig(_gold(), s)
    assert f["wrong_named"] == 0 and f["speaker_acc"] == pytest.approx(3 / 4)


def test_event_date_accuracy():
    s = _system()
    assert fig(_gold(), s)["event_date_acc"] == 1.0
    s["times"][0]["value"] = "2022-01-28"
    assert fig(_gold(), s)["event_date_acc"] == 0.0


def test_scoped_gold_has_key_event_recall_and_no_event_precision():
    g = dict(_gold(), scope=ev.SCOPED)
    s = _system()
    s["events"].append({"id": "E3", "label": "extra", "cameo": "010", "mentions": [[60, 67]], "participants": [],
                        "time": None, "place": None, "modality": "actual", "parent": None})
    s["actors"].append({"id": "Z", "label": "Unannotated", "type": "group", "mentions": [[86, 90]]})
    f = fig(g, s)
    assert f["key_event_r"] == 1.0 and f["event_p"] is None  # the unlisted event costs nothing
    assert f["b3_p"] == pytest.approx(1.0)  # nor does an actor the scoped gold leaves out
    assert fig(_gold(), s)["event_p"] == pytest.approx(2 / 3)


def test_results_grouped_by_desk():
    r = ev.score_corpus([(dict(_gold(), scope=ev.SCOPED), _system()),
                         (dict(_gold(), article="two", scope=ev.SCOPED), {"actors": []})])
    grouped = ev.group_results(r, {"toy": "politics", "two": "sports"})
    assert [a["article"] for a in grouped["articles"]] == ["politics", "sports"]
    assert grouped["articles"][0]["figures"]["stmt_r"] == 1.0 and grouped["articles"][1]["figures"]["stmt_r"] == 0
    md = ev.format_markdown(dict(grouped, row_name="desk"))
    assert md.startswith("| desk |") and "wrong named" in md and "key ev R" in md


def test_eval_split_selects_gold_files_by_their_declared_split(tmp_path: Path):
    from kg.errors import ConfigError
    from kg.eval.scoring import evaluate_dir

    for name, split in (("a", "dev"), ("b", "test")):
        d = dict(_gold(), article=name, split=split, path="absent.txt", date="2022-01-27")
        (tmp_path / f"{name}.json").write_text(json.dumps(d), encoding="utf-8")
    _, skipped = evaluate_dir(tmp_path, split="dev")
    assert [s.split()[0] for s in skipped] == ["a.json"]  # b, of the other part, is not even read
    with pytest.raises(ConfigError):
        evaluate_dir(_empty(tmp_path), split="test")


def _empty(tmp_path: Path) -> Path:
    d = tmp_path / "only-dev"
    d.mkdir()
    (d / "a.json").write_text(json.dumps(dict(_gold(), article="a", split="dev", path="x.txt")), encoding="utf-8")
    return d
