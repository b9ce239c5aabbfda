"""What every back-end of the store offers: the :class:`GraphStore` protocol, a query's :class:`Result`, and the
parts all back-ends share (the dataset fingerprint, plain text of a term).

Two back-ends implement it: the embedded pyoxigraph store (:class:`kg.store.embedded.Store`) and a remote SPARQL
1.1 engine (:class:`kg.store.remote.RemoteStore`); :func:`kg.store.open_store` picks one from the location.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.errors import QueryError


@dataclass
class Result:
    """The outcome of a query: ``kind`` is "select", "ask" or "graph"; ``value`` the pyoxigraph result."""

    kind: str
    value: object
    variables: list[str]
    capped: bool = False  # a remote engine cut the result at a row limit of its own (Virtuoso's ResultSetMaxRows)

    def rows(self) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]]:
        if self.kind != "select":
            raise QueryError("not a SELECT result")
        # a solution iterates over its values in the order of the variables (None where unbound): zipped, not
        # looked up by name one at a time (half the cost)
        return [dict(zip(self.variables, sol)) for sol in self.value]  # type: ignore[attr-defined]


def term_text(term: object) -> str:
    """A term as plain text: an IRI, a literal's lexical form, or an empty string for unbound."""
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def is_remote(location: str | Path | None) -> bool:
    """True when ``location`` names a remote SPARQL engine (an http(s) URL) rather than a store directory."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


@runtime_checkable
class GraphStore(Protocol):
    """The graph as every part of newskg sees it. The default graph of queries is the union of the named graphs;
    every write is one transaction (all of it, or nothing)."""

    read_only: bool
    path: Path | None

    # --- reading
    def query(self, sparql: str, *, default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None) -> Result: ...
    def graphs(self) -> list[str]: ...
    def count(self, graph: str | None = None) -> int: ...
    def graph_sizes(self) -> dict[str, int]: ...
    def union_size(self) -> int: ...
    def has_graph(self, name: str) -> bool: ...
    def version(self) -> str: ...
    def triples(self, graph: str | None = None) -> Iterator[ox.Triple]: ...
    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]: ...
    def dump(self, fmt: str = "ttl", *, graph: str | None = None, output: IO[bytes] | None = None,
             prefixes: dict[str, str] | None = None, context: str | None = None) -> bytes | None: ...

    # --- writing
    def replace_graphs(self, graphs: dict[str, Any]) -> None: ...
    def apply_changes(self, *, drop: Iterable[str] = (), replace: dict[str, str] | None = None,
                      rewrite: dict[str, dict[str, str]] | None = None) -> None: ...
    def remove_graphs(self, graphs: Iterable[str]) -> None: ...
    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: list[str] | None = None,
               using_named_graphs: list[str] | None = None) -> None: ...
    def put_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> bool: ...
    def add_to_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> bool: ...
    def drop_graph(self, graph: str | None) -> bool: ...
    def load(self, data: bytes | str, fmt: str, *, graph: str | None = None) -> None: ...
    def add_quads(self, quads: Iterable[ox.Quad]) -> None: ...
    def snapshot(self, target: str | Path) -> None: ...
    def flush(self) -> None: ...
    def publish(self) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> GraphStore: ...
    def __exit__(self, *exc: object) -> None: ...


def fingerprint(store: GraphStore) -> str:
    """A short fingerprint of the dataset's state (its size, graphs and their build times), for ETags: the one
    recipe of every back-end's :meth:`GraphStore.version`."""
    res = store.query("SELECT ?g ?t WHERE { GRAPH ?pg { ?g <http://www.w3.org/ns/prov#wasGeneratedBy> ?b . "
                      "?b <http://www.w3.org/ns/prov#endedAtTime> ?t } } ORDER BY ?g ?t")
    h = hashlib.sha256(str(store.count()).encode())
    for row in res.rows():
        h.update(f"{term_text(row['g'])} {term_text(row['t'])}".encode())
    for g in store.graphs():
        h.update(g.encode())
    return h.hexdigest()[:16]


def dedupe(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    """Each triple once, in the order first met."""
    seen: set[ox.Triple] = set()
    for t in triples:
        if t not in seen:
            seen.add(t)
            yield t
