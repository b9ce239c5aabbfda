"""Shared resources — actors, places, posts, knowledge-base records — described once, in ``{base}graph/shared``.

Every build says things about resources that are not its article's own: an actor's type, label and links, a
post's title, what the knowledge base knows about a linked person. Written into each article's graph, these
triples would sit in every graph that mentions the resource, and a query over the union default graph would
count them once per article (a statement by "United States" six times). So a build splits what it writes:

* **own** triples — about the article's resources (``{base}id/article/{id}/…``), the article's graphs, or pointing
  to one of them (``<actor> nkg:denotedBy <span>``) — stay in the article's graphs;
* **shared** triples — everything else, about a resource other articles may describe too — go to the shared
  graph, merged with what the other articles say about the same resource (:func:`merge`).

What each build contributed is kept, per resource, in its provenance graph (an ``nkg:Contribution`` holding the
triples as N-Triples text, so it adds no pattern a query could match twice). When an article is built again or
removed, the shared description of each resource whose contribution changed is recomputed from the contributions
that remain — in the same transaction as the article's graphs. A resource no article uses any more disappears;
removing an article removes exactly what it added, and a rebuild gives the same graph as the first build.

The merge: every property keeps the union of what was said, except those that take one value (:data:`SINGLE`:
labels, names, country, post title …), which keep the value most articles state; what the knowledge base adds
(the enrichment graph's triples, marked ``# kb`` in a contribution) counts only where no article states a value,
as a newskg build describes a resource from the knowledge base only when its article does not. A tie goes to the
knowledge base's preferred label (``skos:prefLabel``), then to the first value in code-point order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg import namespaces
from kg.store import layout

NKG, RDFS, SKOS, SCHEMA = namespaces.NKG, namespaces.RDFS, namespaces.SKOS, namespaces.SCHEMA
WIKIDATA_PROP = namespaces.WIKIDATA_P
PREF_LABEL = f"<{SKOS}prefLabel>"
LABELS = {f"<{RDFS}label>", f"<{SCHEMA}name>"}
# properties a shared resource has one value of
SINGLE = LABELS | {PREF_LABEL, f"<{RDFS}comment>", f"<{SCHEMA}url>"} | {
    f"<{NKG}{p}>" for p in ("country", "cameoActorCode", "postTitle", "ofOrganization")} | {
    f"<{WIKIDATA_PROP}{p}>" for p in ("direct/P27", "direct/P17", "statement/P39", "qualifier/P580",
                                        "qualifier/P582")}
CONTRIBUTION, CONTRIBUTES_TO, TRIPLES = f"{NKG}Contribution", f"{NKG}contributesTo", f"{NKG}sharedTriples"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
IMPORTED = " # kb"  # marks, in a contribution, a triple the knowledge base added (an N-Triples comment)


@dataclass
class Split:
    """One article's triples, divided: N-Triples text per own graph, and N-Triples lines per shared subject."""

    own: dict[str, str]
    shared: dict[str, list[str]] = field(default_factory=dict)


@lru_cache(maxsize=1 << 16)
def parts(line: str) -> tuple[str, str, str]:
    """Subject, predicate and object of an N-Triples line (our data has IRIs as subjects and predicates). Kept for
    the lines met again: the contributions to a resource many articles mention are merged anew at every build."""
    s, p, rest = line.removesuffix(IMPORTED).split(" ", 2)
    return s, p, rest.rstrip().removesuffix(".").rstrip()


def split(graphs: dict[str, str], *, base: str, article_id: str) -> Split:
    """Divide what one build writes (N-Triples text per graph) into the article's own and the shared triples."""
    article = f"<{base}id/article/{article_id}"
    # a term is the article's own when it is the article, a resource under it or a graph: as the line's subject
    # (the line starts with it) or its object (the rest after the predicate does; a literal starts with a quote)
    own = (article + ">", article + "/", f"<{base}graph/")
    out = Split({})
    shared = out.shared
    for name, text in graphs.items():
        kept: list[str] = []
        mark = IMPORTED if "/graph/enrichment/" in name else ""
        for line in text.split("\n"):  # newlines only: a literal may hold U+2028 or U+0085 unescaped
            if not line or line.isspace():
                continue
            if line.startswith(own):
                kept.append(line)
                continue
            s, _, rest = line.split(" ", 2)
            if rest.startswith(own):
                kept.append(line)
            else:
                shared.setdefault(s[1:-1], []).append(line.rstrip() + mark)
        out.own[name] = "\n".join(kept) + ("\n" if kept else "")
    for s, lines in out.shared.items():
        out.shared[s] = sorted(set(lines))
    return out


def merge(contributions: Iterable[tuple[list[str], int]]) -> list[str]:
    """The shared description of one resource from the contributions to it (sorted N-Triples lines), each
    contribution given once with the number of builds that made it."""
    multi: set[str] = set()
    stated: dict[tuple[str, str], Counter[str]] = {}
    imported: dict[tuple[str, str], Counter[str]] = {}
    for lines, builds in contributions:
        for line in set(lines):
            s, p, o = parts(line)
            if p in SINGLE:
                votes = imported if line.endswith(IMPORTED) else stated
                votes.setdefault((s, p), Counter())[o] += builds
            else:
                multi.add(f"{s} {p} {o} .")
    chosen: dict[tuple[str, str], str] = {}
    for key in sorted(stated.keys() | imported.keys(), key=lambda k: k[1] in LABELS):  # labels after prefLabel
        votes = stated.get(key) or imported[key]
        pref = chosen.get((key[0], PREF_LABEL)) if key[1] in LABELS else None
        chosen[key] = min(votes, key=lambda o: (-votes[o], o != pref, o))
    return sorted(multi | {f"{s} {p} {o} ." for (s, p), o in chosen.items()})


def record_key(base: str, subject: str) -> str:
    """The local name of a contribution record: the resource's path under ``{base}id/``, or a hash for others."""
    prefix = f"{base}id/"
    if subject.startswith(prefix) and len(subject) > len(prefix):
        return subject[len(prefix):]
    return "external/" + hashlib.sha256(subject.encode()).hexdigest()[:16]


def records(base: str, article_id: str, shared: dict[str, list[str]]) -> str:
    """The contribution records of one build, as N-Triples for its provenance graph."""
    out = []
    for subject in sorted(shared):
        c = f"<{base}id/article/{article_id}/contribution/{record_key(base, subject)}>"
        text = "\n".join(shared[subject])
        out.append(f"{c} {RDF_TYPE} <{CONTRIBUTION}> .")
        out.append(f'{c} <{RDFS}label> "what article {article_id} says about {record_key(base, subject)}" .')
        out.append(f"{c} <{CONTRIBUTES_TO}> <{subject}> .")
        out.append(f"{c} <{TRIPLES}> {_literal(text)} .")
    return "\n".join(out) + ("\n" if out else "")


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def contributions(store: Any, *, graphs: list[str] | None = None, subjects: Iterable[str] = (),
                  exclude: Iterable[str] = ()) -> dict[str, list[tuple[list[str], int]]]:
    """Stored contributions, per resource, each distinct one with the number of builds that made it: those in
    ``graphs`` (provenance graphs), or those to ``subjects`` in every provenance graph but the ``exclude``\\ d ones
    (counted by the engine: a resource most articles mention has a few distinct contributions, not one per
    article)."""
    where = f"?c <{CONTRIBUTES_TO}> ?s ; <{TRIPLES}> ?t ."
    if graphs is not None:
        if not graphs:
            return {}
        values = " ".join(f"<{g}>" for g in graphs)
        q = f"SELECT ?s ?t (1 AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ {where} }} }}"
    else:
        wanted = sorted(set(subjects))
        if not wanted:
            return {}
        values = " ".join(f"<{s}>" for s in wanted)
        skip = ", ".join(f"<{g}>" for g in exclude)
        test = f"FILTER(?g NOT IN ({skip}))" if skip else ""
        q = (f"SELECT ?s ?t (COUNT(*) AS ?n) WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ {where} }} {test} }} "
             "GROUP BY ?s ?t")
    out: dict[str, list[tuple[list[str], int]]] = {}
    for row in store.query(q).rows():
        lines = [ln for ln in row["t"].value.split("\n") if ln.strip()]
        out.setdefault(row["s"].value, []).append((lines, int(row["n"].value)))
    return out


def changes(store: Any, base: str, *, removed: dict[str, dict[str, list[str]]],
            added: dict[str, dict[str, list[str]]]) -> dict[str, str]:
    """The new shared description (N-Triples text, maybe empty) of every resource whose contributions change when
    the builds in ``removed`` (provenance graph → what it contributed) make way for those in ``added``."""
    touched: set[str] = set()
    for graph in removed.keys() | added.keys():
        old, new = removed.get(graph, {}), added.get(graph, {})
        touched |= {s for s in old.keys() | new.keys() if old.get(s) != new.get(s)}
    if not touched:
        return {}
    others = contributions(store, subjects=touched, exclude=removed.keys() | added.keys())
    out = {}
    for s in sorted(touched):
        mine = [(c[s], 1) for c in added.values() if s in c]
        lines = merge(others.get(s, []) + mine)
        out[s] = "\n".join(lines) + ("\n" if lines else "")
    return out


def stored(store: Any, provenance_graphs: list[str]) -> dict[str, dict[str, list[str]]]:
    """What each of these builds contributed, as read back from their provenance graphs."""
    out: dict[str, dict[str, list[str]]] = {}
    for g in provenance_graphs:
        found = contributions(store, graphs=[g])
        out[g] = {s: sorted({ln for lines, _ in cs for ln in lines}) for s, cs in found.items()}
    return out


def write_articles(store: Any, base: str, built: dict[str, dict[str, str]], *,
                   extra: dict[str, str] | None = None) -> None:
    """Store built articles (article id → N-Triples text per graph) in one transaction: their own graphs replaced,
    their contributions recorded, and the shared descriptions they touch recomputed. ``extra`` graphs (the ontology,
    the dataset record) are replaced in the same transaction."""
    graphs: dict[str, str] = dict(extra or {})
    added: dict[str, dict[str, list[str]]] = {}
    for article_id, texts in built.items():
        prov = layout.article_graph(base, article_id, "provenance")
        sp = split(texts, base=base, article_id=article_id)
        sp.own[prov] = sp.own.get(prov, "") + records(base, article_id, sp.shared)
        graphs.update(sp.own)
        added[prov] = sp.shared
    removed = stored(store, sorted(added))
    store.apply_changes(replace=graphs, rewrite=_rewrite(store, base, changes(store, base, removed=removed,
                                                                               added=added)))


def remove_articles(store: Any, base: str, article_ids: list[str]) -> list[str]:
    """Remove articles with everything they added, in one transaction; the graphs dropped."""
    present = set(store.graphs())
    drop = [g for a in article_ids for kind in layout.ARTICLE_KINDS
            if (g := layout.article_graph(base, a, kind)) in present]
    provs = [layout.article_graph(base, a, "provenance") for a in article_ids]
    removed = stored(store, [g for g in provs if g in present])
    store.apply_changes(drop=drop, rewrite=_rewrite(store, base, changes(store, base, removed=removed, added={})))
    return drop


def _rewrite(store: Any, base: str, descriptions: dict[str, str]) -> dict[str, dict[str, str]]:
    """The shared graph's rewrite, without the resources whose stored description is already the new one (most of
    what a build touches when other articles said the same): rewriting them would delete and insert the same
    triples, the dearest part of a write on disk."""
    graph = layout.shared_graph(base)
    kept = same(store, graph, descriptions)
    return {graph: {s: text for s, text in descriptions.items() if s not in kept}}


def same(store: Any, graph: str, descriptions: dict[str, str]) -> set[str]:
    """The resources whose triples in ``graph`` are exactly their description (N-Triples text) here."""
    import pyoxigraph as ox

    if not descriptions:
        return set()
    values = " ".join(f"<{s}>" for s in sorted(descriptions))
    now: dict[str, set] = {}
    q = f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    for row in store.query(q).rows():
        now.setdefault(row["s"].value, set()).add(ox.Triple(row["s"], row["p"], row["o"]))
    out = set()
    for s, text in descriptions.items():
        want = {q.triple for q in ox.parse(text, ox.RdfFormat.N_TRIPLES)} if text.strip() else set()
        if now.get(s, set()) == want:
            out.add(s)
    return out
