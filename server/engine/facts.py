"""What the web worker asks the query processes besides SPARQL: facts about the store, and dumps written to disk.

This module runs in a query process (:mod:`server.engine.executor`), never in the web worker: the worker has no store
open, so every read — a page's query, the dataset version behind an ETag, the counts of the landing page, a dump —
reaches the store the way a query does, stopped at a time limit by the worker (:mod:`server.engine.runner`).

A fact is named in the task (``{"op": "facts", "name": …, "args": {…}}``) and answered with a value the pipe can
carry (text, numbers, lists, dicts). A dump task names the file to write; the worker renames it into place once
the reply says it is complete, and removes it when the time ran out (the process was killed mid-write).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from kg import namespaces
from kg.errors import QueryError
from kg.store import Store, layout
from kg.store.serialize import grouped, serialize

NKG = namespaces.NKG
QUAD_FORMATS = {"nq", "trig", "jsonld"}  # the formats whose whole-dataset dump keeps the named graphs


def article_items(store: Store, base: str, name: str, *, quads: bool) -> list[Any]:
    """What an article's dump holds: its graph, and the shared descriptions of the resources it mentions (what it
    contributed to, kg.shared) — so that it reads on its own, with every label — in their graphs (quad formats) or
    as one set of triples, sorted (Turtle groups each subject's triples)."""
    graph = layout.article_graph(base, name)
    shared, prov = layout.shared_graph(base), layout.article_graph(base, name, "provenance")
    q = (f"SELECT ?s ?p ?o WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ GRAPH <{prov}> {{ ?c <{NKG}contributesTo> ?s }} }} "
         f"}} GRAPH <{shared}> {{ ?s ?p ?o }} }}")
    described = [ox.Triple(r["s"], r["p"], r["o"]) for r in store.query(q).rows()]
    own = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
    if quads:
        g, sg = ox.NamedNode(graph), ox.NamedNode(shared)
        return [ox.Quad(t.subject, t.predicate, t.object, g) for t in grouped(own)] + \
            [ox.Quad(t.subject, t.predicate, t.object, sg) for t in grouped(described)]
    return grouped(set(own) | set(described))


def article_graphs(store: Store, base: str) -> dict[str, str]:
    """Article id → graph IRI, for every article graph in the store."""
    prefix = base + "graph/article/"
    return {g[len(prefix):]: g for g in store.graphs() if g.startswith(prefix)}


def dump_counts(store: Store, base: str) -> dict[str, int]:
    """"all" (union triples), "all-quads", and each article id → the number of items of its dump."""
    out = {"all": store.union_size(), "all-quads": store.count()}
    for name in article_graphs(store, base):
        out[name] = len(article_items(store, base, name, quads=True))
    return out


FACTS: dict[str, Callable[..., Any]] = {
    "version": lambda store: store.version(),
    "count": lambda store: store.count(),
    "graphs": lambda store: store.graphs(),
    "has_graph": lambda store, graph: store.has_graph(graph),
    "union_size": lambda store: store.union_size(),
    "graph_sizes": lambda store: store.graph_sizes(),
    "stored_base": lambda store: layout.stored_base(store),
    "article_graphs": article_graphs,
    "dump_counts": dump_counts,
}


def fact(store: Store, name: str, args: dict[str, Any]) -> Any:
    """The value of the fact ``name`` about ``store``.

    :raises QueryError: for a name this module does not know (a bug in the caller: answered 400).
    """
    if name not in FACTS:
        raise QueryError(f"no fact {name!r}; known: {', '.join(sorted(FACTS))}")
    return FACTS[name](store, **args)


def write_dump(store: Store, task: dict[str, Any]) -> None:
    """Write the dump the task names to ``task["path"]``: the whole dataset (``article`` None) or one article, in
    ``task["fmt"]``, gzipped when ``task["gz"]``."""
    fmt, path, name = task["fmt"], task["path"], task["article"]
    with open(path, "wb") as raw:
        out = gzip.GzipFile(filename=task["filename"].removesuffix(".gz"), mode="wb", fileobj=raw, mtime=0) \
            if task["gz"] else raw
        try:
            if name is None:
                store.dump(fmt, output=out, prefixes=task["prefixes"], context=task["context"])
            else:
                items = article_items(store, task["base"], name, quads=fmt in QUAD_FORMATS)
                serialize(items, fmt, out, prefixes=task["prefixes"], context=task["context"])
        finally:
            if task["gz"]:
                out.close()
