"""Writing triples and quads in the formats of :mod:`kg.formats` (pyoxigraph's writers; JSON-LD compacted by
:mod:`kg.store.jsonld`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph as ox

from kg import formats


def serialize(items: Iterable[Any], fmt: str, output: IO[bytes] | None = None, *,
              prefixes: dict[str, str] | None = None, context: str | None = None) -> bytes | None:
    """Triples or quads in the RDF format ``fmt`` (a name of :mod:`kg.formats`); Turtle and TriG declare
    ``prefixes``; JSON-LD is compacted with the ``context`` URL, or the context inline when None.

    :raises KeyError: for a name that is not an RDF format.
    """
    if fmt == "jsonld":
        from kg.store import jsonld

        return jsonld.write(items, output, context_url=context)
    kw = {"prefixes": prefixes} if prefixes and fmt in ("ttl", "trig") else {}
    return ox.serialize(items, output, formats.engine_rdf(fmt), **kw)  # type: ignore[arg-type]


def write_triples(triples: Iterable[ox.Triple], fmt: str, *, prefixes: dict[str, str] | None = None,
                  context: str | None = None, output: IO[bytes] | None = None) -> bytes | None:
    """Triples (a graph, a CONSTRUCT result) in the RDF format ``fmt``: a dataset format puts them in the default
    graph; Turtle-like formats group each subject's triples."""
    f = formats.get(fmt)
    if f.grouped:
        triples = grouped(triples)
    items = (ox.Quad(t.subject, t.predicate, t.object) for t in triples) if f.named_graphs else triples
    return serialize(items, fmt, output, prefixes=prefixes, context=context)


def grouped(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """Triples sorted by subject, predicate and object: Turtle then writes each subject once with its properties."""
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """Triples as N-Triples text, which is also valid inside a SPARQL ``INSERT DATA`` block."""
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
