"""Alignment of a system's extraction with the gold (actors, statements, events) and B-cubed for coreference:
the pure functions :mod:`kg.eval.evaluate` scores with (see its docstring for the rules)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Gold = Mapping[str, Any]
Pair = tuple[int, int]
_NO = "\x00unaligned"  # a system id that aligns to nothing: never equal to a gold id or to None


# ---------------------------------------------------------------------------------------------------------- helpers
def span_of(s: Any) -> Pair | None:
    if not s or len(s) < 2:
        return None
    b, e = int(s[0]), int(s[1])
    return (b, e) if e > b else None


def spans_of(xs: Iterable[Any] | None) -> list[Pair]:
    return [p for p in (span_of(x) for x in (xs or [])) if p]


def overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def positions(spans: Iterable[Pair]) -> set[int]:
    return {i for b, e in spans for i in range(b, e)}


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp_p: float, n_sys: float, tp_r: float, n_gold: float) -> tuple[float | None, float | None, float | None]:
    p, r = ratio(tp_p, n_sys), ratio(tp_r, n_gold)
    return p, r, f1(p, r)


def qid(v: Any) -> str | None:
    """``Q30``, ``wd:Q30`` and ``http://www.wikidata.org/entity/Q30`` all become ``Q30``."""
    if not v:
        return None
    return str(v).rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def greedy(cands: list[tuple[tuple[float, ...], int, int]]) -> dict[int, int]:
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
    gold_ment = [(m, k) for k, a in enumerate(gold.get("actors", [])) for m in spans_of(a.get("mentions"))]
    gold_ids = [str(a["id"]) for a in gold.get("actors", [])]
    out: dict[str, str | None] = {}
    for a in system.get("actors", []):
        votes = [0] * len(gold_ids)
        for m in spans_of(a.get("mentions")):
            best, best_j = None, 0.0
            for g, k in gold_ment:
                inter = overlap(m, g)
                if inter:
                    j = inter / (max(m[1], g[1]) - min(m[0], g[0]))
                    if j > best_j:
                        best, best_j = k, j
            if best is not None:
                votes[best] += 1
        top = max(votes, default=0)
        out[str(a["id"])] = gold_ids[votes.index(top)] if top else None
    return out


def mapped(mapping: Mapping[str, str | None], sys_id: Any) -> str | None:
    """A system reference through an alignment: None stays None, an unknown or unaligned id becomes ``_NO``."""
    if sys_id is None:
        return None
    return mapping.get(str(sys_id)) or _NO


def match_statements(gold: Gold, system: Gold) -> dict[int, int]:
    """Gold index -> system index. A pair qualifies when the character overlap of their contents (union of spans)
    is at least half the size of the smaller one; pairs are taken greedily by Jaccard overlap, one-to-one."""
    gs = [positions(spans_of(s.get("content"))) for s in gold.get("statements", [])]
    ss = [positions(spans_of(s.get("content"))) for s in system.get("statements", [])]
    cands = []
    for i, g in enumerate(gs):
        for j, s in enumerate(ss):
            if g and s:
                inter = len(g & s)
                if inter and inter >= 0.5 * min(len(g), len(s)):
                    cands.append(((inter / len(g | s), inter), i, j))
    return greedy(cands)


def match_events(gold: Gold, system: Gold) -> dict[int, int]:
    """Gold index -> system index. A pair qualifies when any mention spans overlap; greedy by the number of gold
    mentions overlapped, then by overlapping characters; one-to-one."""
    gm = [spans_of(e.get("mentions")) for e in gold.get("events", [])]
    sm = [spans_of(e.get("mentions")) for e in system.get("events", [])]
    cands = []
    for i, g in enumerate(gm):
        for j, s in enumerate(sm):
            n = sum(1 for x in g if any(overlap(x, y) for y in s))
            if n:
                cands.append(((n, sum(overlap(x, y) for x in g for y in s)), i, j))
    return greedy(cands)


# ---------------------------------------------------------------------------------------------------------- B-cubed
def b_cubed(gold: Gold, system: Gold) -> tuple[float, int, float, int]:
    """B³ over actor mentions: ``(precision sum, system mentions, recall sum, gold mentions)``.

    Variant: system mentions are first paired one-to-one with gold mentions of exactly the same span, then the rest
    greedily by largest character overlap. For a paired mention the shared part is the number of mentions of its gold
    cluster that are paired into its system cluster; precision divides by the *whole* system cluster, recall by the
    *whole* gold cluster. An unpaired system mention scores 0 precision, an unpaired gold mention 0 recall.
    """
    g_ment = [(m, k) for k, a in enumerate(gold.get("actors", [])) for m in spans_of(a.get("mentions"))]
    s_ment = [(m, k) for k, a in enumerate(system.get("actors", [])) for m in spans_of(a.get("mentions"))]
    pair: dict[int, int] = {}  # gold mention index -> system mention index
    exact = {m: i for i, (m, _) in reversed(list(enumerate(g_ment)))}
    used: set[int] = set()
    for j, (m, _) in enumerate(s_ment):
        i = exact.get(m)
        if i is not None and i not in pair:
            pair[i] = j
            used.add(j)
    cands = [((overlap(gm, sm),), i, j) for i, (gm, _) in enumerate(g_ment) if i not in pair
             for j, (sm, _) in enumerate(s_ment) if j not in used and overlap(gm, sm)]
    pair.update(greedy(cands))
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
