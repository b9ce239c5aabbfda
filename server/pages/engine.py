"""The web worker's only door to the graph: SPARQL through the server's query engine.

Every page (the reading room, resource pages, the landing page, VoID, the downloads page …) reads through here,
and every query goes the way a query to ``/sparql`` goes: to a query process of the worker
(:mod:`server.engine.runner`), stopped at ``QUERY_TIMEOUT``, cut at ``MAX_ROWS``, and answered from the worker's
result cache while the dataset has not changed. The web worker itself never reads the store. Pages ask bounded
questions (LIMIT/OFFSET, one article, one resource), so the row limit is a safety net: a cut answer is logged.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for

import pyoxigraph as ox

from kg.namespaces import sparql_prefixes
from kg.pipeline.rdf.mapping import PREFIXES as RDF_PREFIXES
from server.engine.tasks import QueryTask
from server.engine.access import ReadError as PageQueryError
from server.engine.access import dataset_version, fact, get_runner, result_cache, store_path

__all__ = ["PageQueryError", "ask", "construct", "fact", "rows", "select", "terms", "triples"]

log = logging.getLogger("newskg.pages")
MEDIA = "application/sparql-results+json"
PREFIXES = sparql_prefixes("nkg", "nif", "rdfs", "rdf", "owl", "prov", "schema", "skos", "time", "xsd")


@dataclass(frozen=True)
class Term:
    """One value of a SELECT row: its lexical form, and what kind of term it is (for the query page's tables)."""

    value: str
    type: str = "literal"  # uri, literal, bnode
    datatype: str = ""
    lang: str = ""


def _task(text: str, media: str | None, graph_media: str | None) -> QueryTask:
    config = current_app.config
    return {
        "op": "query", "text": text, "base": url_for("sparql.endpoint", _external=True), "store": store_path(),
        "max_rows": int(config["MAX_ROWS"]), "timeout": float(config["QUERY_TIMEOUT"]),
        "default_graphs": None, "named_graphs": None, "select_media": media, "graph_media": graph_media,
        "select_offers": [MEDIA], "graph_offers": ["text/turtle"],
        "allow": (),  # the pages never call another endpoint
        "prefixes": {k: str(v) for k, v in RDF_PREFIXES.items()},
    }


def run(text: str, *, media: str | None = MEDIA, graph_media: str | None = None) -> dict[str, Any]:
    """The query process's reply to ``text`` (from the result cache when it has it)."""
    config = current_app.config
    task = _task(text, media, graph_media)
    cache = result_cache()
    key = (text, (), (), False, media, graph_media, task["max_rows"], task["base"])
    version = dataset_version() if cache.enabled else ""
    if cache.enabled:
        hit = cache.get(version, key)
        if hit is not None:
            return hit
    reply = get_runner().run(task, float(config["QUERY_TIMEOUT"]), what="page query")
    if reply["status"] != 200:
        if reply.get("trace"):
            log.error("page query failed:\n%s\n%s", text, reply["trace"])
        raise PageQueryError(500 if reply["status"] < 500 else reply["status"], reply.get("error", "query failed"))
    if reply.get("truncated"):
        log.warning("a page query was cut at the row limit (%s rows): %s", task["max_rows"], text[:200])
    if cache.enabled:
        cache.put(version, key, reply)
    return reply


def terms(text: str) -> tuple[list[str], list[dict[str, Term]]]:
    """The variables and rows of a SELECT, each value a :class:`Term` (unbound variables are left out)."""
    doc = json.loads(run(text)["body"])
    rows = []
    for b in doc.get("results", {}).get("bindings", []):
        rows.append({k: Term(v.get("value", ""), v.get("type", "literal").replace("typed-literal", "literal"),
                             v.get("datatype", ""), v.get("xml:lang", "")) for k, v in b.items()})
    return doc.get("head", {}).get("vars", []), rows


_PARSED: OrderedDict[tuple[str, str], list[dict[str, str]]] = OrderedDict()
_PARSED_LOCK = threading.Lock()
PARSED_ENTRIES = 512  # parsed answers kept per worker (small ones only: see select)


def select(query: str) -> list[dict[str, str]]:
    """The rows of a SELECT (with the usual prefixes), each variable's value as text ("" when unbound). The rows
    are shared between requests while the dataset is the same: callers must not change them."""
    key = (dataset_version(), query)
    with _PARSED_LOCK:
        hit = _PARSED.get(key)
        if hit is not None:
            _PARSED.move_to_end(key)
            return hit
    names, rows = terms(PREFIXES + query)
    out = [{n: (r[n].value if n in r else "") for n in names} for r in rows]
    if len(out) <= 2000 and result_cache().enabled:  # the result cache's switch also switches this one off
        with _PARSED_LOCK:
            _PARSED[key] = out
            while len(_PARSED) > PARSED_ENTRIES:
                _PARSED.popitem(last=False)
    return out


def node(term: Term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A :class:`Term` as the engine's term (for code that tells IRIs from literals, or writes RDF)."""
    if term.type == "uri":
        return ox.NamedNode(term.value)
    if term.type == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


def rows(query: str) -> list[dict[str, Any]]:
    """The rows of a SELECT (with the usual prefixes), each variable's value as the engine's term, None when
    unbound (the shape of :meth:`kg.store.Result.rows`)."""
    names, found = terms(PREFIXES + query)
    return [{n: (node(r[n]) if n in r else None) for n in names} for r in found]


def triples(query: str) -> list[ox.Triple]:
    """The triples of a CONSTRUCT (with the usual prefixes)."""
    body = run(PREFIXES + query, media=None, graph_media="application/n-triples")["body"]
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(bytes(body), format=ox.RdfFormat.N_TRIPLES)]


def ask(query: str) -> bool:
    return bool(json.loads(run(PREFIXES + query)["body"]).get("boolean"))


def construct(query: str) -> bytes:
    """A CONSTRUCT's triples as Turtle."""
    return bytes(run(PREFIXES + query, media=None, graph_media="text/turtle")["body"])


def iri_ok(iri: str) -> bool:
    """True when ``iri`` can go between ``<`` and ``>`` in a query without changing it."""
    from server.blueprints.site import valid_iri

    return bool(iri) and valid_iri(iri)


def literal(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    return json.dumps(text, ensure_ascii=False)
