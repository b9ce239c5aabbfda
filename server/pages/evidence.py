"""The evidence of a fact: the sentences of the article it was read from, with the spans highlighted.

Mentions are NIF strings (``nif:beginIndex``/``nif:endIndex`` over the ``nif:isString`` of the article's
``nif:Context``, code points, end-exclusive). A page cuts the text into :class:`Segment`\\ s and the template puts
the marked ones in ``<mark>``; every piece of article text reaches the page as a plain string that Jinja escapes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from flask import current_app

from kg.pipeline import sentences
from kg.store import term_text
from server.pages import engine
from server.blueprints.site import NIF, NKG, RDFS_LABEL, SCHEMA, href, valid_iri
from server.engine.access import dataset_version

# The properties that point from a fact to the span it was read from, and the mark each gives its span.
EVIDENCE_PROPERTIES = {
    f"{NKG}evidence": "evidence", f"{NKG}denotedBy": "mention", f"{NKG}contentMention": "content",
    f"{NKG}speakerMention": "speaker", f"{NKG}cueMention": "cue", f"{NKG}addresseeMention": "addressee",
}
MAX_MENTIONS = 500  # spans read for one page (an actor named in every article would have thousands)


@dataclass(frozen=True)
class Mention:
    iri: str
    context: str  # the nif:Context IRI
    begin: int
    end: int
    role: str  # evidence, mention, content, speaker, cue, addressee (the property that points to it)
    kind: str = ""  # nkg:mentionKind
    href: str | None = None  # where the mark links to (a statement on the article page)
    title: str = ""


@dataclass
class Segment:
    text: str
    roles: tuple[str, ...] = ()
    href: str | None = None
    title: str = ""


@dataclass
class Passage:
    """One window of an article's text with its marks."""

    article: str
    article_label: str
    article_href: str
    context: str
    begin: int
    end: int
    segments: list[Segment] = field(default_factory=list)
    span_iris: list[str] = field(default_factory=list)


def article_text(context: str) -> tuple[str, str, str]:
    """(text, article IRI, headline) of a nif:Context, cached per dataset version."""
    cache = current_app.extensions.setdefault("newskg", {}).setdefault("texts", {})
    key = (dataset_version(), context)
    if key not in cache:
        if len(cache) > 64:  # a handful of articles are enough to keep; pages touch few at a time
            cache.clear()
        text, article, headline = "", "", ""
        if valid_iri(context):
            q = (f"SELECT ?s ?a ?h WHERE {{ <{context}> <{NIF}isString> ?s . "
                 f"OPTIONAL {{ ?a <{NKG}text> <{context}> OPTIONAL {{ ?a <{SCHEMA}headline>|<{RDFS_LABEL}> ?h }} }} }}")
            rows = engine.rows(q)
            if rows:
                text, article, headline = (term_text(rows[0][v]) for v in ("s", "a", "h"))
        cache[key] = (text, article, headline)
    return cache[key]


def mentions_of(iri: str, *, extra_roles: dict[str, str] | None = None) -> list[Mention]:
    """Every span the resource points to through an evidence property (or itself, when it is a mention)."""
    if not valid_iri(iri):
        return []
    roles = {**EVIDENCE_PROPERTIES, **(extra_roles or {})}
    values = " ".join(f"<{p}>" for p in roles)
    q = f"""SELECT DISTINCT ?m ?p ?ctx ?b ?e ?k WHERE {{
        {{ VALUES ?p {{ {values} }} <{iri}> ?p ?m }} UNION {{ BIND(<{iri}> AS ?m) BIND("self" AS ?p) }}
        ?m <{NIF}referenceContext> ?ctx ; <{NIF}beginIndex> ?b ; <{NIF}endIndex> ?e .
        OPTIONAL {{ ?m <{NKG}mentionKind> ?k }} }} LIMIT {MAX_MENTIONS}"""
    out = []
    for row in engine.rows(q):
        p = term_text(row["p"])
        out.append(Mention(term_text(row["m"]), term_text(row["ctx"]), int(term_text(row["b"])),
                           int(term_text(row["e"])), roles.get(p, p), term_text(row["k"])))
    return sorted(out, key=lambda m: (m.context, m.begin, -m.end))


def sentence_bounds(text: str, begin: int, end: int) -> tuple[int, int]:
    """The whole sentences of the text around [begin, end) (kg.pipeline.sentences: the same splitter as the data's)."""
    return sentences.around(text, begin, end, _bounds(text))


@lru_cache(maxsize=32)
def _bounds(text: str) -> list[tuple[int, int]]:
    return sentences.sentences(text)


def segments(text: str, begin: int, end: int, marks: Iterable[Mention]) -> list[Segment]:
    """Cut text[begin:end] at every mark boundary; each piece carries the roles of the marks covering it."""
    marks = [m for m in marks if m.end > begin and m.begin < end and m.end > m.begin]
    cuts = sorted({begin, end, *(max(begin, m.begin) for m in marks), *(min(end, m.end) for m in marks)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.begin <= a and m.end >= b]
        roles = tuple(sorted({m.role for m in covering}))
        link = next((m for m in covering if m.href), None)
        out.append(Segment(text[a:b], roles, link.href if link else None,
                           "; ".join(sorted({m.title for m in covering if m.title}))))
    return [s for s in out if s.text]


def passages(mentions: list[Mention]) -> list[Passage]:
    """Group mentions into windows of text: the whole sentences around each mention (a statement's sentence is
    already whole). Overlapping windows of one article merge; every other mention inside is marked (and so is the
    page's own span, on the page of a mention)."""
    by_context: dict[str, list[Mention]] = {}
    for m in mentions:
        by_context.setdefault(m.context, []).append(m)
    out: list[Passage] = []
    for ctx, ms in by_context.items():
        text, article, headline = article_text(ctx)
        if not text:
            continue
        windows = []
        for m in ms:
            b, e = sentence_bounds(text, m.begin, m.end)
            windows.append([max(0, b), min(len(text), e)])
        windows.sort()
        merged: list[list[int]] = []
        for w in windows:
            if merged and w[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], w[1])
            else:
                merged.append(w)
        for b, e in merged:
            inside = [m for m in ms if m.begin < e and m.end > b]
            marks = [m for m in inside if not _is_window(m)]
            out.append(Passage(article, headline or article, href(article) if article else "#", ctx, b, e,
                               segments(text, b, e, marks), [m.iri for m in inside]))
    return sorted(out, key=lambda p: (p.article_label, p.begin))


def _is_window(m: Mention) -> bool:
    return m.kind == "sentence" and m.role != "self"
