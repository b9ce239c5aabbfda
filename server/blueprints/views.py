"""The view of one resource for its HTML page: label, types, properties and incoming links with labels, links to
other datasets, the graphs that describe it, and the evidence (see :mod:`server.pages.evidence`).

Kind-specific sections (article, actor, statement, event) are added by :mod:`server.pages.sections`.

A resource can be a hub (a country or an agency in thousands of triples): its page is paged, ``PAGE_SIZE`` triples
out of it and ``PAGE_SIZE`` links to it a page (``?page=N``), so no page asks the engine for an unbounded answer.
Pages follow the engine's own order of the triples (stable while the data is the same); each page is ordered for
reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.store import term_text
from server.pages import evidence
from server.pages import engine
from server.blueprints.site import (LINK_TARGETS, NKG, PROV, RDF_TYPE, RDFS_LABEL, SCHEMA, SKOS, fallback_label, href,
                         labels, link_target, term_comment, term_label, valid_iri)

SAME_AS = {f"{SKOS}exactMatch", f"{SCHEMA}sameAs", "http://www.w3.org/2002/07/owl#sameAs"}
MAX_VALUES = 100  # values shown per property before "and N more"
PAGE_SIZE = 500  # triples from the resource, and links to it, on one page (a country mentioned by every article
# has thousands: the rest are on the next pages)
MAX_PASSAGES = 60  # evidence passages shown on one page

# A property read from the object's side, in words: "Lin Wei — participant in — the phone call".
INVERSE_WORDING = {
    f"{SCHEMA}mentions": "mentioned in",
    f"{NKG}hasParticipant": "participant in",
    f"{NKG}participant": "takes part through",
    f"{NKG}speaker": "said",
    f"{NKG}addressee": "was told",
    f"{NKG}reportedBy": "reported",
    f"{NKG}reportedIn": "carried",
    f"{NKG}holder": "holds",
    f"{NKG}post": "held through",
    f"{NKG}ofOrganization": "has the post",
    f"{NKG}country": "country of",
    f"{NKG}extractedFrom": "source of",
    f"{NKG}madeDuring": "statements made during it",
    f"{NKG}place": "place of",
    f"{NKG}time": "time of",
    f"{NKG}subEventOf": "has sub-event",
    f"{NKG}before": "after",
    f"{NKG}cause": "cause in",
    f"{NKG}effect": "effect in",
    f"{NKG}accordingTo": "claimed",
    f"{NKG}statedIn": "states",
    f"{NKG}denotedBy": "mention of",
    f"{NKG}evidence": "evidence for",
    f"{NKG}contentMention": "content of",
    f"{NKG}speakerMention": "names the speaker of",
    f"{NKG}addresseeMention": "names the addressee of",
    f"{NKG}cueMention": "cue of",
    f"{NKG}text": "text of",
    f"{NKG}hasParticipation": "participation in",
    f"{SCHEMA}publisher": "publisher of",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext": "context of",
    f"{PROV}wasGeneratedBy": "generated",
    f"{PROV}wasDerivedFrom": "source of",
    f"{PROV}used": "used by",
    f"{PROV}wasAssociatedWith": "ran",
}
# A few properties read better as words than as their labels, from the subject's side.
WORDING = {f"{NKG}speaker": "said by", f"{NKG}addressee": "said to", f"{NKG}reportedBy": "reported by"}
# Bookkeeping that would only repeat the resource's name once per article on its page (kg.store.shared).
HIDDEN_INCOMING = {f"{NKG}contributesTo"}
# Shown at the top of the table, in this order; the rest follow by label.
FIRST = [RDFS_LABEL, f"{SCHEMA}name", f"{SCHEMA}headline", f"{NKG}content", f"{NKG}speaker", f"{NKG}addressee"]


@dataclass
class Link:
    iri: str
    label: str
    href: str
    title: str = ""
    target: str | None = None  # wikidata / dbpedia / geonames for links out

    @property
    def target_name(self) -> str:
        return LINK_TARGETS[self.target][0] if self.target else ""


@dataclass
class Value:
    link: Link | None = None
    text: str = ""
    note: str = ""  # datatype or language of a literal
    count: int = 1  # the same mention text this many times (see _grouped)


@dataclass
class Row:
    predicate: Link
    values: list[Value]
    more: int = 0


@dataclass
class Page:
    iri: str
    label: str
    types: list[Link]
    properties: list[Row]
    incoming: list[Row]
    external: list[Link]
    graphs: list[Link]
    passages: list[evidence.Passage] = field(default_factory=list)
    passages_more: int = 0  # passages left out (see MAX_PASSAGES)
    kind: str = "resource"
    sections: dict[str, Any] = field(default_factory=dict)
    number: int = 1  # which page of the resource's triples (see PAGE_SIZE)
    more: bool = False  # there is a next page

    def has_type(self, local_name: str) -> bool:
        return any(t.iri == NKG + local_name for t in self.types)


def term_link(iri: str) -> Link:
    """A link to an ontology term (class, property, controlled value), labelled from the ontology graph."""
    return Link(iri, term_label(iri), href(iri), term_comment(iri))


def resource_link(iri: str, names: dict[str, str]) -> Link:
    target = link_target(iri)
    label = names.get(iri) or term_labels_or_none(iri) or (iri if target else fallback_label(iri))
    return Link(iri, label, href(iri), iri, target)


def term_labels_or_none(iri: str) -> str | None:
    label = term_label(iri)
    return None if label == fallback_label(iri) else label


def _value(term: object, names: dict[str, str]) -> Value:
    if isinstance(term, ox.NamedNode):
        return Value(link=resource_link(term.value, names))
    if isinstance(term, ox.Literal):
        note = term.language or ""
        dt = term.datatype.value if term.datatype else ""
        if not note and dt and not dt.endswith("#string"):
            note = fallback_label(dt)
        return Value(text=term.value, note=note)
    return Value(text=term_text(term))


def page_rows(iri: str, number: int = 1) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """Page ``number`` of the resource's triples: (?p ?o ?g rows out of it, ?s ?p rows into it, whether there is
    a next page). One row more than a page is asked for, to know."""
    skip = (number - 1) * PAGE_SIZE
    out = engine.rows(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }} LIMIT {PAGE_SIZE + 1} OFFSET {skip}")
    inc = engine.rows(f"SELECT DISTINCT ?s ?p WHERE {{ ?s ?p <{iri}> }} LIMIT {PAGE_SIZE + 1} OFFSET {skip}")
    return out[:PAGE_SIZE], inc[:PAGE_SIZE], len(out) > PAGE_SIZE or len(inc) > PAGE_SIZE


def describe(iri: str, number: int = 1) -> Page | None:
    """Page ``number`` of ``iri``'s page, or None when the store says nothing about it (neither as subject nor as
    object), or has no such page."""
    if not valid_iri(iri):
        return None
    out, inc, more = page_rows(iri, number)
    if not out and not inc:
        return None
    neighbours = {term_text(r["o"]) for r in out if isinstance(r["o"], ox.NamedNode)}
    neighbours |= {term_text(r["s"]) for r in inc if isinstance(r["s"], ox.NamedNode)}
    names = labels(neighbours | {iri})

    types: list[Link] = []
    props: dict[str, list[Value]] = {}
    seen: set[tuple[str, str]] = set()
    graphs: dict[str, None] = {}
    external: dict[str, Link] = {}
    for r in out:
        p, o = term_text(r["p"]), r["o"]
        graphs[term_text(r["g"])] = None
        if (p, str(o)) in seen:  # the same triple in two graphs (an actor named by two articles)
            continue
        seen.add((p, str(o)))
        if p == RDF_TYPE:
            types.append(term_link(term_text(o)))
            continue
        if p in SAME_AS and isinstance(o, ox.NamedNode):
            external.setdefault(o.value, resource_link(o.value, names))
        props.setdefault(p, []).append(_value(o, names))
    incoming: dict[str, list[Value]] = {}
    for r in inc:
        if term_text(r["p"]) in HIDDEN_INCOMING:
            continue
        incoming.setdefault(term_text(r["p"]), []).append(_value(r["s"], names))

    label = names.get(iri) or fallback_label(iri)
    page = Page(iri=iri, label=label, types=sorted(types, key=lambda t: t.label),
                properties=_rows(props, WORDING), incoming=_rows(incoming, INVERSE_WORDING),
                external=sorted(external.values(), key=lambda link: (link.target or "~", link.iri)),
                graphs=[Link(g, _graph_label(g), href(g)) for g in sorted(graphs)], number=number, more=more)
    found = evidence.passages(evidence.mentions_of(iri))
    page.passages, page.passages_more = found[:MAX_PASSAGES], max(0, len(found) - MAX_PASSAGES)
    return page


def _graph_label(graph: str) -> str:
    for kind in ("article", "provenance"):
        if f"/graph/{kind}/" in graph:
            return f"{kind} graph {graph.rsplit('/', 1)[1]}"
    return fallback_label(graph) + " graph"


def _order(p: str) -> tuple[int, str]:
    return (FIRST.index(p) if p in FIRST else len(FIRST), term_label(p).lower())


def _rows(props: dict[str, list[Value]], wording: dict[str, str]) -> list[Row]:
    rows = []
    for p in sorted(props, key=_order):
        values = _grouped(sorted(props[p], key=lambda v: (v.link.label.lower() if v.link else v.text.lower())))
        pred = term_link(p)
        if p in wording:
            pred = Link(p, wording[p], pred.href, f"{term_label(p)} ({p})")
        rows.append(Row(pred, values[:MAX_VALUES], max(0, len(values) - MAX_VALUES)))
    return rows


def _grouped(values: list[Value]) -> list[Value]:
    """Mentions with the same text shown once, with how many there are ("U.S." ×9), linking to the first; every
    other value as it is."""
    out: list[Value] = []
    for v in values:
        prev = out[-1] if out else None
        if (v.link and prev and prev.link and _is_mention(v.link.iri) and _is_mention(prev.link.iri)
                and v.link.label == prev.link.label):
            prev.count += 1
            continue
        out.append(v)
    return out


def _is_mention(iri: str) -> bool:
    return "/span/" in iri
