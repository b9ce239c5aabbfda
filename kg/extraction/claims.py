"""Statements that make the same claim: a headline's paraphrase, the lede's indirect speech and the direct quote.

Two statements make the same claim when their speakers can be one source — the same actor, or a country and one of
its people speaking for it ("China tells U.S." and its foreign minister) — and what they say overlaps: a quoted
fragment both carry (‘legitimate concerns’), or most of the content words of the shorter one.
"""

from __future__ import annotations

import re

from kg.model import Extraction, Statement
from kg.pipeline.nlp import Parsed

_QUOTED = re.compile(r"[“‘\"']([^”’\"']{6,})[”’\"']")


def _content_lemmas(parsed: Parsed, st: Statement) -> set[str]:
    out: set[str] = set()
    for span in st.content:
        pb = parsed.block_at(span.begin)
        if pb is None:
            continue
        # only the block the span starts in, as before: a content span does not cross blocks
        for _, tok in parsed.tokens_starting_in(span.begin, min(span.end, pb.block.span.end)):
            if tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not tok.is_stop:
                out.add(tok.lemma_.lower())
    return out


def _fragments(st: Statement) -> set[str]:
    return {m.group(1).strip().lower() for c in st.content for m in _QUOTED.finditer(c.text)
            if len(m.group(1).split()) >= 2}


def _one_source(x: Extraction, a: str | None, b: str | None, actors: dict, speaks_for: set) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    for p, c in ((a, b), (b, a)):
        person, country = actors.get(p), actors.get(c)
        if person is None or country is None or country.kind not in ("country", "organization", "government"):
            continue
        if person.kind == "person" and (person.country == c or (p, c) in speaks_for):
            return True
    return False


def link_same_claims(parsed: Parsed, x: Extraction) -> None:
    """Fill ``Statement.same_claim`` (both ways) for statements that make the same claim: a shared quoted fragment;
    or a headline/standfirst paraphrase whose content words mostly recur; or a strong overlap of content words."""
    top = [pb.block.span for pb in parsed.blocks if pb.block.kind in ("headline", "standfirst")]
    in_top = {st.key: any(t.contains(c) for t in top for c in st.content) for st in x.statements}
    lemmas = {st.key: _content_lemmas(parsed, st) for st in x.statements}
    frags = {st.key: _fragments(st) for st in x.statements}
    actors = {act.key: act for act in x.actors}  # (made once: every pair of statements is compared)
    speaks_for = {(h.holder, h.organization) for h in x.holdings if h.organization}
    for i, a in enumerate(x.statements):
        for b in x.statements[i + 1 :]:
            if not _one_source(x, a.speaker, b.speaker, actors, speaks_for):
                continue
            la, lb = lemmas[a.key], lemmas[b.key]
            shared_fragment = any(f in c.text.lower() for f in frags[a.key] for c in b.content) or \
                any(f in c.text.lower() for f in frags[b.key] for c in a.content)
            small = min(len(la), len(lb))
            overlap = len(la & lb)
            summary = (in_top[a.key] or in_top[b.key]) and overlap >= 2 and overlap / max(small, 1) >= 0.6
            strong = overlap >= 4 and overlap / max(small, 1) >= 0.75
            if shared_fragment or summary or strong:
                a.same_claim.append(b.key)
                b.same_claim.append(a.key)
