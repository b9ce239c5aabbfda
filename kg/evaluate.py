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

Gold = Mapping[str, Any]
Pair = tuple[int, int]
_NO = "\x00unaligned"  # a system id that aligns to nothing: never equal to a gold id or to None

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


# ---------------------------------------------------------------------------------------------------------- helpers
def _span(s: Any) -> Pair | None:
    if not s or len(s) < 2:
        return None
    b, e = int(s[0]), int(s[1])
    return (b, e) if e > b else None


def _spans(xs: Iterable[Any] | None) -> list[Pair]:
    return [p for p in (_span(x) for x in (xs or [])) if p]


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _positions(spans: Iterable[Pair]) -> set[int]:
    return {i for b, e in spans for i in range(b, e)}


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(tp_p: float, n_sys: float, tp_r: float, n_gold: float) -> tuple[float | None, float | None, float | None]:
    p, r = _ratio(tp_p, n_sys), _ratio(tp_r, n_gold)
    return p, r, _f1(p, r)


def _qid(v: Any) -> str | None:
    """``Q30``, ``wd:Q30`` and ``http://www.wikidata.org/entity/Q30`` all become ``Q30``."""
    if not v:
        return None
    return str(v).rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _greedy(cands: list[tuple[tuple[float, ...], int, int]]) -> dict[int, int]:
    """One-to-one matching: best score first (ties: lower gold index, then lower system index). gold -> system."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, s in sorted(cands, key=lambda c: (tuple(-x for x in c[0]), c[1], c[2])):
        if g not in out and s not in used:
            out[g] = s
            used.add(s)
    return out


# ---------------------------------------------------------------------------------------------------------- alignment
def align_actors(gold: Gold, system: Gold) -> dict[str, str | None]:
    """System actor id -> gold actor id (or None).

    Each system mention is shared with the gold mention it overlaps best (largest Jaccard overlap, so an exact span
    wins over a nested one; ties to the earlier gold mention); the system actor maps to the gold actor with which it
    shares the most mentions, ties to the gold actor listed first. No overlapping mention: None.
    """
    gold_ment = [(m, k) for k, a in enumerate(gold.get("actors", [])) for m in _spans(a.get("mentions"))]
    gold_ids = [str(a["id"]) for a in gold.get("actors", [])]
    out: dict[str, str | None] = {}
    for a in system.get("actors", []):
        votes = [0] * len(gold_ids)
        for m in _spans(a.get("mentions")):
            best, best_j = None, 0.0
            for g, k in gold_ment:
                inter = _overlap(m, g)
                if inter:
                    j = inter / (max(m[1], g[1]) - min(m[0], g[0]))
                    if j > best_j:
                        best, best_j = k, j
            if best is not None:
                votes[best] += 1
        top = max(votes, default=0)
        out[str(a["id"])] = gold_ids[votes.index(top)] if top else None
    return out


def _map(mapping: Mapping[str, str | None], sys_id: Any) -> str | None:
    """A system reference through an alignment: None stays None, an unknown or unaligned id becomes ``_NO``."""
    if sys_id is None:
        return None
    return mapping.get(str(sys_id)) or _NO


def match_statements(gold: Gold, system: Gold) -> dict[int, int]:
    """Gold index -> system index. A pair qualifies when the character overlap of their contents (union of spans)
    is at least half the size of the smaller one; pairs are taken greedily by Jaccard overlap, one-to-one."""
    gs = [_positions(_spans(s.get("content"))) for s in gold.get("statements", [])]
    ss = [_positions(_spans(s.get("content"))) for s in system.get("statements", [])]
    cands = []
    for i, g in enumerate(gs):
        for j, s in enumerate(ss):
            if g and s:
                inter = len(g & s)
                if inter and inter >= 0.5 * min(len(g), len(s)):
                    cands.append(((inter / len(g | s), inter), i, j))
    return _greedy(cands)


def match_events(gold: Gold, system: Gold) -> dict[int, int]:
    """Gold index -> system index. A pair qualifies when any mention spans overlap; greedy by the number of gold
    mentions overlapped, then by overlapping characters; one-to-one."""
    gm = [_spans(e.get("mentions")) for e in gold.get("events", [])]
    sm = [_spans(e.get("mentions")) for e in system.get("events", [])]
    cands = []
    for i, g in enumerate(gm):
        for j, s in enumerate(sm):
            n = sum(1 for x in g if any(_overlap(x, y) for y in s))
            if n:
                cands.append(((n, sum(_overlap(x, y) for x in g for y in s)), i, j))
    return _greedy(cands)


# ---------------------------------------------------------------------------------------------------------- B-cubed
def b_cubed(gold: Gold, system: Gold) -> tuple[float, int, float, int]:
    """B³ over actor mentions: ``(precision sum, system mentions, recall sum, gold mentions)``.

    Variant: system mentions are first paired one-to-one with gold mentions of exactly the same span, then the rest
    greedily by largest character overlap. For a paired mention the shared part is the number of mentions of its gold
    cluster that are paired into its system cluster; precision divides by the *whole* system cluster, recall by the
    *whole* gold cluster. An unpaired system mention scores 0 precision, an unpaired gold mention 0 recall.
    """
    g_ment = [(m, k) for k, a in enumerate(gold.get("actors", [])) for m in _spans(a.get("mentions"))]
    s_ment = [(m, k) for k, a in enumerate(system.get("actors", [])) for m in _spans(a.get("mentions"))]
    pair: dict[int, int] = {}  # gold mention index -> system mention index
    exact = {m: i for i, (m, _) in reversed(list(enumerate(g_ment)))}
    used: set[int] = set()
    for j, (m, _) in enumerate(s_ment):
        i = exact.get(m)
        if i is not None and i not in pair:
            pair[i] = j
            used.add(j)
    cands = [((_overlap(gm, sm),), i, j) for i, (gm, _) in enumerate(g_ment) if i not in pair
             for j, (sm, _) in enumerate(s_ment) if j not in used and _overlap(gm, sm)]
    pair.update(_greedy(cands))
    g_size: dict[int, int] = {}
    s_size: dict[int, int] = {}
    for _, k in g_ment:
        g_size[k] = g_size.get(k, 0) + 1
    for _, k in s_ment:
        s_size[k] = s_size.get(k, 0) + 1
    shared: dict[tuple[int, int], int] = {}  # (gold cluster, system cluster) -> paired mentions
    for i, j in pair.items():
        key = (g_ment[i][1], s_ment[j][1])
        shared[key] = shared.get(key, 0) + 1
    p_sum = r_sum = 0.0
    for i, j in pair.items():
        gk, sk = g_ment[i][1], s_ment[j][1]
        p_sum += shared[(gk, sk)] / s_size[sk]
        r_sum += shared[(gk, sk)] / g_size[gk]
    return p_sum, len(s_ment), r_sum, len(g_ment)


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
        ok = _map(amap, s.get("speaker")) == g.get("speaker")
        c["speaker_ok"] += ok
        c["speaker_n"] += 1
        if direct:
            c["dspeaker_ok"] += ok
            c["dspeaker_n"] += 1
        if not ok:
            mismatches.append({"kind": "speaker", "gold": g.get("id"), "system": s.get("id"),
                               "expected": g.get("speaker"), "found": _map(amap, s.get("speaker"))})
            c["wrong_named"] += _named_person(gold, _map(amap, s.get("speaker")))
        c["qtype_ok"] += g.get("quote_type") == s.get("quote_type")
        c["qtype_n"] += 1
        c["stmt_event_ok"] += _map(emap, s.get("event")) == g.get("event")
        c["stmt_event_n"] += 1
        for field, key in (("addressee", "addr"), ("reported_by", "rep")):
            gv, sv = g.get(field), _map(amap, s.get(field))
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
        sp = {(_map(amap, p.get("actor")), p.get("role")) for p in s.get("participants", [])}
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
                    gs_, ss_ = _span(gt.get("span")), _span(st.get("span"))
                    c["evtime_ok"] += bool(gs_ and ss_ and _overlap(gs_, ss_))

    # time values
    for t in gold.get("times", []):
        span = _span(t.get("span"))
        if t.get("value") is None or span is None:
            continue
        c["time_n"] += 1
        hit = any(st.get("value") == t["value"] and (x := _span(st.get("span"))) and _overlap(span, x)
                  for st in system.get("times", []))
        c["time_ok"] += hit
        if not hit:
            mismatches.append({"kind": "time", "gold": t.get("id"), "expected": t["value"]})

    # linking: precision over the system's links that the gold can check (the gold gives the actor's id, or says it
    # has no Wikidata item); recall over the gold actors that have an item (``has_wikidata``; without that field,
    # those the gold gives an id). A gold actor that has an item whose id the annotator could not verify counts as
    # found when it is linked at all.
    gqid = {str(a["id"]): _qid(a.get("wikidata")) for a in gold.get("actors", [])}
    # without the field, an id means "has one" and no id means "not known" (earlier gold gave only verified ids)
    has = {str(a["id"]): a.get("has_wikidata", True if _qid(a.get("wikidata")) else None)
           for a in gold.get("actors", [])}
    found: set[str] = set()
    for a in system.get("actors", []):
        q = _qid(a.get("wikidata"))
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
    f["stmt_p"], f["stmt_r"], f["stmt_f1"] = _prf(c["stmt_tp"], c["stmt_sys"], c["stmt_tp"], c["stmt_gold"])
    f["direct_p"], f["direct_r"], f["direct_f1"] = _prf(c["direct_tp"], c["direct_sys"], c["direct_tp"],
                                                        c["direct_gold"])
    f["speaker_acc"] = _ratio(c["speaker_ok"], c["speaker_n"])
    f["direct_speaker_acc"] = _ratio(c["dspeaker_ok"], c["dspeaker_n"])
    f["quote_type_acc"] = _ratio(c["qtype_ok"], c["qtype_n"])
    f["stmt_event_acc"] = _ratio(c["stmt_event_ok"], c["stmt_event_n"])
    for key, name in (("addr", "addressee"), ("rep", "reported_by")):
        f[f"{name}_acc"] = _ratio(c[f"{key}_ok"], c[f"{key}_n"])
        f[f"{name}_p"], f[f"{name}_r"], f[f"{name}_f1"] = _prf(c[f"{key}_tp"], c[f"{key}_sys"], c[f"{key}_tp"],
                                                               c[f"{key}_gold"])
    f["b3_p"], f["b3_r"], f["b3_f1"] = _prf(c["b3_p_sum"], c["b3_p_n"], c["b3_r_sum"], c["b3_r_n"])
    f["event_p"], f["event_r"], f["event_f1"] = _prf(c["ev_tp"], c["ev_sys"], c["ev_tp"], c["ev_gold"])
    f["type_acc"] = _ratio(c["type_ok"], c["type_n"])
    f["type2_acc"] = _ratio(c["type2_ok"], c["type_n"])
    f["participant_p"], f["participant_r"], f["participant_f1"] = _prf(c["part_tp"], c["part_sys"], c["part_tp"],
                                                                       c["part_gold"])
    f["role_f1"] = _prf(c["role_tp"], c["role_sys"], c["role_tp"], c["role_gold"])[2]
    f["time_acc"] = _ratio(c["time_ok"], c["time_n"])
    f["event_time_acc"] = _ratio(c["evtime_ok"], c["evtime_n"])
    f["link_p"] = _ratio(c["link_sys_ok"], c["link_sys"])
    f["link_r"] = _ratio(c["link_gold_ok"], c["link_gold"])
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


def format_linking(result: Mapping[str, Any], *, markdown: bool = False) -> str:
    """Linking per desk (and overall): links made, checked, right; gold actors with an item, found; P and R."""
    head = ["desk", "articles", "links", "checked", "right", "gold", "found", "link P", "link R"]
    rows = []
    n = result.get("article_count", len(result["articles"]))
    for d in [*result.get("desks", []), {**result["overall"], "articles": n}]:
        c, f = d["counts"], d["figures"]
        rows.append([str(d["article"]), str(d.get("articles", "")), str(int(c["link_sys"] + c["link_unchecked"])),
                     str(int(c["link_sys"])), str(int(c["link_sys_ok"])), str(int(c["link_gold"])),
                     str(int(c["link_gold_ok"])), _cell(f["link_p"]), _cell(f["link_r"])])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
        return "\n".join(out + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join("  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
                     for r in [head, *rows])


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
    gold_ment = [m for a in gold.get("actors", []) for m in _spans(a.get("mentions"))]
    keep = [a for a in system.get("actors", [])
            if any(_overlap(m, g) for m in _spans(a.get("mentions")) for g in gold_ment)]
    return dict(system, actors=keep)


def _event_date(c: dict[str, float], gold_time: Mapping[str, Any] | None, sys_time: Mapping[str, Any] | None) -> None:
    """Event date accuracy: over matched events whose gold time has a calendar value, the system event's time has
    the same value (no time, or another value, is wrong)."""
    if gold_time is None or gold_time.get("value") is None:
        return
    c["evdate_n"] += 1
    c["evdate_ok"] += sys_time is not None and sys_time.get("value") == gold_time["value"]


def _scoped_figures(c: Mapping[str, float]) -> dict[str, float | None]:
    return {"wrong_named": c["wrong_named"], "key_event_r": _ratio(c["kev_tp"], c["kev_gold"]),
            "event_date_acc": _ratio(c["evdate_ok"], c["evdate_n"])}


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


# ---------------------------------------------------------------------------------------------------------- tables
COLUMNS: tuple[tuple[str, str], ...] = (
    ("stmt P", "stmt_p"), ("stmt R", "stmt_r"), ("stmt F1", "stmt_f1"), ("spk", "speaker_acc"),
    ("dir spk", "direct_speaker_acc"), ("addr", "addressee_acc"), ("rep by", "reported_by_acc"),
    ("qtype", "quote_type_acc"), ("B3 F1", "b3_f1"), ("ev F1", "event_f1"), ("type", "type_acc"),
    ("part F1", "participant_f1"), ("time", "time_acc"), ("link P", "link_p"), ("link R", "link_r"),
)


# The evaluation corpus: statement figures, direct-quote recall, the count of quotes given to a different named
# person, key-event recall and date accuracy (no event precision: only key events are annotated).
CORPUS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("stmt P", "stmt_p"), ("stmt R", "stmt_r"), ("stmt F1", "stmt_f1"), ("dir R", "direct_r"),
    ("spk", "speaker_acc"), ("dir spk", "direct_speaker_acc"), ("wrong named", "wrong_named"),
    ("addr", "addressee_acc"), ("qtype", "quote_type_acc"), ("B3 F1", "b3_f1"), ("key ev R", "key_event_r"),
    ("type", "type_acc"), ("part F1", "participant_f1"), ("ev date", "event_date_acc"), ("time", "time_acc"),
    ("link P", "link_p"), ("link R", "link_r"),
)
_COUNTS = {"wrong_named"}  # figures that are counts, not shares


def _cell(v: float | None, key: str = "") -> str:
    if v is None:
        return "-"
    return str(int(v)) if key in _COUNTS else f"{100 * v:.1f}"


def _columns(result: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return CORPUS_COLUMNS if result.get("scope") == SCOPED else COLUMNS


def _rows(result: Mapping[str, Any]) -> list[list[str]]:
    cols = _columns(result)
    rows = [[str(a["article"])] + [_cell(a["figures"][k], k) for _, k in cols] for a in result["articles"]]
    return rows + [["overall"] + [_cell(result["overall"]["figures"][k], k) for _, k in cols]]


def format_table(result: Mapping[str, Any]) -> str:
    """A plain-text table (percentages): one row per article, then ``overall`` (micro-averaged)."""
    head = [result.get("row_name", "article")] + [h for h, _ in _columns(result)]
    rows = _rows(result)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(r: list[str]) -> str:
        return "  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), sep, *(line(r) for r in rows[:-1]), sep, line(rows[-1])])


def format_markdown(result: Mapping[str, Any]) -> str:
    """The same table in Markdown (for a README); the overall row in bold."""
    cols = _columns(result)
    head = [result.get("row_name", "article")] + [h for h, _ in cols]
    rows = _rows(result)
    rows[-1] = [f"**{x}**" for x in rows[-1]]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * len(cols)) + "|"]
    return "\n".join(out + ["| " + " | ".join(r) + " |" for r in rows])
