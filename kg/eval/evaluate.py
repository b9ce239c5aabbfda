"""Score an extraction against the gold annotations in ``tests/gold`` (format: ``tests/gold/README.md``).

Pure functions over two dicts of the gold schema, *gold* and *system*. The system dict has the same shape; its ids
are arbitrary strings, its spans may be ``[b, e]`` or ``[b, e, "head"]``, and missing lists count as empty.
Spans are code-point offsets over the stored article text, end-exclusive.

Every figure is computed from counts (for B³: sums of per-mention scores and numbers of mentions), so that
:func:`score_corpus` can micro-average: it sums the counts of all articles and recomputes the figures. A figure whose denominator is zero is ``None`` (shown as ``-``); ``wrong_named`` is a count, not a share.

Identity between system and gold actors goes through an **actor alignment** (:func:`align_actors`): a system actor
maps to the gold actor with which it shares the most overlapping mentions (each system mention counts for the gold
mention it overlaps best); ties go to the gold actor listed first; a system actor overlapping no gold actor maps to
nothing (and is then wrong wherever it is used). Events are aligned by :func:`match_events`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kg.eval.align import (Gold, align_actors, b_cubed, mapped, match_events, match_statements, overlap, prf, qid,
                           ratio, span_of, spans_of)


COUNT_KEYS = (
    "stmt_gold", "stmt_sys", "stmt_tp", "direct_gold", "direct_sys", "direct_tp",
    "speaker_ok", "speaker_n", "dspeaker_ok", "dspeaker_n", "qtype_ok", "qtype_n", "stmt_event_ok", "stmt_event_n",
    "addr_ok", "addr_n", "addr_tp", "addr_sys", "addr_gold", "rep_ok", "rep_n", "rep_tp", "rep_sys", "rep_gold",
    "b3_p_sum", "b3_p_n", "b3_r_sum", "b3_r_n",
    "ev_gold", "ev_sys", "ev_tp", "type_ok", "type2_ok", "type_n", "part_tp", "part_sys", "part_gold",
    "role_tp", "role_sys", "role_gold", "time_ok", "time_n", "evtime_ok", "evtime_n",
    "link_sys", "link_sys_ok", "link_gold", "link_gold_ok", "link_unchecked",
    "wrong_named", "kev_gold", "kev_tp", "evdate_ok", "evdate_n",
)
SCOPED = "statements+key-events"  # the evaluation corpus: statements exhaustive, events only the key ones


# ---------------------------------------------------------------------------------------------------------- scoring
def score_article(gold: Gold, system: Gold) -> dict[str, Any]:
    """Counts and figures for one article: ``{"article", "counts", "figures", "mismatches"}``.

    Statements: matched as in :func:`match_statements`; precision/recall/F1 overall and for direct quotes (a matched
    pair counts for direct when both sides are direct; precision over system direct quotes, recall over gold ones).
    Over matched statements: speaker, addressee and reported_by accuracy through the actor alignment (gold null and
    system null is right), speaker accuracy on gold direct quotes, quote_type accuracy, and the accuracy of the
    statement's event through the event matching. Addressee and reported_by also get P/R/F1 over non-null values.
    Actors: B³ (see :func:`b_cubed`). Events: detection P/R/F1 (:func:`match_events`); over matched events exact
    CAMEO accuracy, top-level (2-digit) agreement, participant P/R/F1 (actor ids through the alignment; also with
    roles), and event time accuracy over matched events whose gold event has a time (same non-null value; for a
    gold time without value, an overlapping span). Time values: share of gold time expressions with a value for which
    a system expression overlaps the span with the same value. Linking: precision over system actors with a Wikidata
    id (the aligned gold actor has that id), recall over gold actors with one (some system actor aligned to it has it).

    Also counted: ``wrong_named``, matched statements whose system speaker aligns to a *named person* of the gold
    other than its speaker (a quote given to somebody else by name); event date accuracy over matched events whose
    gold time has a calendar value. A gold file with ``"scope": "statements+key-events"`` (the evaluation corpus)
    annotates every statement but only the key events and the actors that play a role or are named: its events give
    key-event recall (no event precision), and system actors that share no mention with an annotated actor are left
    out of the alignment and of B³ (:func:`annotated_only`).
    """
    c = dict.fromkeys(COUNT_KEYS, 0.0)
    mismatches: list[dict[str, Any]] = []
    scoped = gold.get("scope") == SCOPED
    if scoped:
        system = annotated_only(gold, system)
    amap = align_actors(gold, system)
    gst, sst = list(gold.get("statements", [])), list(system.get("statements", []))
    gev, sev = list(gold.get("events", [])), list(system.get("events", []))
    ematch = match_events(gold, system)
    emap = {str(sev[j]["id"]): str(gev[i]["id"]) for i, j in ematch.items()}

    # statements
    smatch = match_statements(gold, system)
    c["stmt_gold"], c["stmt_sys"], c["stmt_tp"] = len(gst), len(sst), len(smatch)
    c["direct_gold"] = sum(1 for s in gst if s.get("quote_type") == "direct")
    c["direct_sys"] = sum(1 for s in sst if s.get("quote_type") == "direct")
    for i, j in smatch.items():
        g, s = gst[i], sst[j]
        direct = g.get("quote_type") == "direct"
        c["direct_tp"] += direct and s.get("quote_type") == "direct"
        ok = mapped(amap, s.get("speaker")) == g.get("speaker")
        c["speaker_ok"] += ok
        c["speaker_n"] += 1
        if direct:
            c["dspeaker_ok"] += ok
            c["dspeaker_n"] += 1
        if not ok:
            mismatches.append({"kind": "speaker", "gold": g.get("id"), "system": s.get("id"),
                               "expected": g.get("speaker"), "found": mapped(amap, s.get("speaker"))})
            c["wrong_named"] += _named_person(gold, mapped(amap, s.get("speaker")))
        c["qtype_ok"] += g.get("quote_type") == s.get("quote_type")
        c["qtype_n"] += 1
        c["stmt_event_ok"] += mapped(emap, s.get("event")) == g.get("event")
        c["stmt_event_n"] += 1
        for field, key in (("addressee", "addr"), ("reported_by", "rep")):
            gv, sv = g.get(field), mapped(amap, s.get(field))
            c[f"{key}_ok"] += gv == sv
            c[f"{key}_n"] += 1
            c[f"{key}_gold"] += gv is not None
            c[f"{key}_sys"] += sv is not None
            c[f"{key}_tp"] += gv is not None and gv == sv

    # actor clusters
    c["b3_p_sum"], c["b3_p_n"], c["b3_r_sum"], c["b3_r_n"] = b_cubed(gold, system)

    # events (a scoped gold lists only the key events: recall, no precision)
    if scoped:
        c["kev_gold"], c["kev_tp"] = len(gev), len(ematch)
    else:
        c["ev_gold"], c["ev_sys"], c["ev_tp"] = len(gev), len(sev), len(ematch)
    gtimes = {str(t["id"]): t for t in gold.get("times", [])}
    stimes = {str(t["id"]): t for t in system.get("times", [])}
    for i, j in ematch.items():
        g, s = gev[i], sev[j]
        gc, sc = str(g.get("cameo") or ""), str(s.get("cameo") or "")
        c["type_n"] += 1
        c["type_ok"] += bool(gc) and gc == sc
        c["type2_ok"] += bool(gc) and gc[:2] == sc[:2]
        if gc != sc:
            mismatches.append({"kind": "cameo", "gold": g.get("id"), "system": s.get("id"),
                               "expected": gc, "found": sc})
        gp = {(p["actor"], p.get("role")) for p in g.get("participants", [])}
        sp = {(mapped(amap, p.get("actor")), p.get("role")) for p in s.get("participants", [])}
        ga, sa = {a for a, _ in gp}, {a for a, _ in sp}
        c["part_gold"] += len(ga)
        c["part_sys"] += len(sa)
        c["part_tp"] += len(ga & sa)
        c["role_gold"] += len(gp)
        c["role_sys"] += len(sp)
        c["role_tp"] += len(gp & sp)
        gt = gtimes.get(str(g.get("time")))
        _event_date(c, gt, stimes.get(str(s.get("time"))))
        if gt is not None:
            st = stimes.get(str(s.get("time")))
            c["evtime_n"] += 1
            if st is not None:
                if gt.get("value") is not None:
                    c["evtime_ok"] += st.get("value") == gt["value"]
                else:
                    gs_, ss_ = span_of(gt.get("span")), span_of(st.get("span"))
                    c["evtime_ok"] += bool(gs_ and ss_ and overlap(gs_, ss_))

    # time values
    for t in gold.get("times", []):
        span = span_of(t.get("span"))
        if t.get("value") is None or span is None:
            continue
        c["time_n"] += 1
        hit = any(st.get("value") == t["value"] and (x := span_of(st.get("span"))) and overlap(span, x)
                  for st in system.get("times", []))
        c["time_ok"] += hit
        if not hit:
            mismatches.append({"kind": "time", "gold": t.get("id"), "expected": t["value"]})

    # linking: precision over the system's links that the gold can check (the gold gives the actor's id, or says it
    # has no Wikidata item); recall over the gold actors that have an item (``has_wikidata``; without that field,
    # those the gold gives an id). A gold actor that has an item whose id the annotator could not verify counts as
    # found when it is linked at all.
    gqid = {str(a["id"]): qid(a.get("wikidata")) for a in gold.get("actors", [])}
    # without the field, an id means "has one" and no id means "not known" (earlier gold gave only verified ids)
    has = {str(a["id"]): a.get("has_wikidata", True if qid(a.get("wikidata")) else None)
           for a in gold.get("actors", [])}
    found: set[str] = set()
    for a in system.get("actors", []):
        q = qid(a.get("wikidata"))
        if not q:
            continue
        target = amap.get(str(a["id"]))
        if target is None or (gqid.get(target) is None and has.get(target) is not False):
            c["link_unchecked"] += 1  # the gold cannot say whether this link is right (or has no such actor)
            if target is not None and has.get(target):
                found.add(target)
            continue
        c["link_sys"] += 1
        if target is not None and gqid.get(target) == q:
            c["link_sys_ok"] += 1
            found.add(target)
        else:
            mismatches.append({"kind": "link", "system": a.get("id"), "label": a.get("label"), "found": q,
                               "gold": target, "expected": gqid.get(target) if target else None})
    for gid, h in has.items():
        if h:
            c["link_gold"] += 1
            c["link_gold_ok"] += gid in found
    return {"article": gold.get("article"), "counts": c, "figures": figures(c), "mismatches": mismatches}


def figures(c: Mapping[str, float]) -> dict[str, float | None]:
    """The figures from (summed) counts; every value is a share in [0, 1] or None."""
    f: dict[str, float | None] = {}
    f["stmt_p"], f["stmt_r"], f["stmt_f1"] = prf(c["stmt_tp"], c["stmt_sys"], c["stmt_tp"], c["stmt_gold"])
    f["direct_p"], f["direct_r"], f["direct_f1"] = prf(c["direct_tp"], c["direct_sys"], c["direct_tp"],
                                                        c["direct_gold"])
    f["speaker_acc"] = ratio(c["speaker_ok"], c["speaker_n"])
    f["direct_speaker_acc"] = ratio(c["dspeaker_ok"], c["dspeaker_n"])
    f["quote_type_acc"] = ratio(c["qtype_ok"], c["qtype_n"])
    f["stmt_event_acc"] = ratio(c["stmt_event_ok"], c["stmt_event_n"])
    for key, name in (("addr", "addressee"), ("rep", "reported_by")):
        f[f"{name}_acc"] = ratio(c[f"{key}_ok"], c[f"{key}_n"])
        f[f"{name}_p"], f[f"{name}_r"], f[f"{name}_f1"] = prf(c[f"{key}_tp"], c[f"{key}_sys"], c[f"{key}_tp"],
                                                               c[f"{key}_gold"])
    f["b3_p"], f["b3_r"], f["b3_f1"] = prf(c["b3_p_sum"], c["b3_p_n"], c["b3_r_sum"], c["b3_r_n"])
    f["event_p"], f["event_r"], f["event_f1"] = prf(c["ev_tp"], c["ev_sys"], c["ev_tp"], c["ev_gold"])
    f["type_acc"] = ratio(c["type_ok"], c["type_n"])
    f["type2_acc"] = ratio(c["type2_ok"], c["type_n"])
    f["participant_p"], f["participant_r"], f["participant_f1"] = prf(c["part_tp"], c["part_sys"], c["part_tp"],
                                                                       c["part_gold"])
    f["role_f1"] = prf(c["role_tp"], c["role_sys"], c["role_tp"], c["role_gold"])[2]
    f["time_acc"] = ratio(c["time_ok"], c["time_n"])
    f["event_time_acc"] = ratio(c["evtime_ok"], c["evtime_n"])
    f["link_p"] = ratio(c["link_sys_ok"], c["link_sys"])
    f["link_r"] = ratio(c["link_gold_ok"], c["link_gold"])
    f.update(_scoped_figures(c))
    return f


def score_corpus(pairs: Iterable[tuple[Gold, Gold]], desks: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Per-article results, the micro-averaged ``overall`` (counts summed over articles, then figures) and the same
    per desk (``desks``: article → desk, else the gold's own ``desk`` field; articles without one are left out)."""
    pairs = list(pairs)
    articles = []
    by_desk: dict[str, list[dict[str, Any]]] = {}
    for g, s in pairs:
        a = score_article(g, s)
        articles.append(a)
        desk = (desks or {}).get(str(g.get("article"))) or g.get("desk")
        if desk:
            by_desk.setdefault(str(desk), []).append(a)
    scopes = {g.get("scope") for g, _ in pairs}
    return {"overall": _total("overall", articles), "articles": articles,
            "desks": [_total(d, arts) for d, arts in sorted(by_desk.items())],
            "scope": scopes.pop() if len(scopes) == 1 else None}


def _total(name: str, articles: list[dict[str, Any]]) -> dict[str, Any]:
    total = dict.fromkeys(COUNT_KEYS, 0.0)
    for a in articles:
        for k in COUNT_KEYS:
            total[k] += a["counts"].get(k, 0.0)
    return {"article": name, "articles": len(articles), "counts": total, "figures": figures(total)}


# ---------------------------------------------------------------------------------------------------------- corpus scope
_UNNAMED = {"the", "a", "an", "he", "she", "his", "her", "him", "it", "its", "they", "them", "their", "i", "we",
            "my", "our", "us", "you", "one", "some", "two", "three", "this", "that", "these", "those"}


def _named_person(gold: Gold, actor_id: str | None) -> bool:
    """Whether a gold actor is a person the text names (some mention starts with a capitalised word that is not a
    pronoun or a determiner): giving a quote to such a person when someone else said it is the worst speaker error."""
    actor = next((a for a in gold.get("actors", []) if str(a["id"]) == actor_id), None)
    if actor is None or actor.get("type") != "person":
        return False
    for m in actor.get("mentions", []):
        head = str(m[2]) if len(m) > 2 else ""
        first = head.split()[0] if head.split() else ""
        if first[:1].isupper() and first.lower().strip(".,’'") not in _UNNAMED:
            return True
    return False


def annotated_only(gold: Gold, system: Gold) -> dict[str, Any]:
    """The system output restricted to what a scoped gold annotates: actors that share a mention with an annotated
    actor (the others are actors the annotation leaves out, not errors). Statements, events and times are kept."""
    gold_ment = [m for a in gold.get("actors", []) for m in spans_of(a.get("mentions"))]
    keep = [a for a in system.get("actors", [])
            if any(overlap(m, g) for m in spans_of(a.get("mentions")) for g in gold_ment)]
    return dict(system, actors=keep)


def _event_date(c: dict[str, float], gold_time: Mapping[str, Any] | None, sys_time: Mapping[str, Any] | None) -> None:
    """Event date accuracy: over matched events whose gold time has a calendar value, the system event's time has
    the same value (no time, or another value, is wrong)."""
    if gold_time is None or gold_time.get("value") is None:
        return
    c["evdate_n"] += 1
    c["evdate_ok"] += sys_time is not None and sys_time.get("value") == gold_time["value"]


def _scoped_figures(c: Mapping[str, float]) -> dict[str, float | None]:
    return {"wrong_named": c["wrong_named"], "key_event_r": ratio(c["kev_tp"], c["kev_gold"]),
            "event_date_acc": ratio(c["evdate_ok"], c["evdate_n"])}


def group_results(result: Mapping[str, Any], key_of: Mapping[str, str]) -> dict[str, Any]:
    """Per-article results regrouped (by desk, by split …): one row per group with counts summed, then overall."""
    groups: dict[str, dict[str, float]] = {}
    for a in result["articles"]:
        name = key_of.get(str(a["article"]), "-")
        total = groups.setdefault(name, dict.fromkeys(COUNT_KEYS, 0.0))
        for k in COUNT_KEYS:
            total[k] += a["counts"][k]
    rows = [{"article": name, "counts": cnt, "figures": figures(cnt)} for name, cnt in sorted(groups.items())]
    return {"overall": result["overall"], "articles": rows, "scope": result.get("scope"),
            "desks": result.get("desks", []), "article_count": len(result["articles"])}
