"""The reading room's only door to the graph: SPARQL through the server's query engine.

Every query of the pages built here goes the way a query to ``/sparql`` goes: to a query process of the worker
(:mod:`server.query_runner`), stopped at ``QUERY_TIMEOUT``, cut at ``MAX_ROWS``, and answered from the worker's
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
from werkzeug.exceptions import HTTPException

from kg.pipeline.rdf.mapping import PREFIXES as RDF_PREFIXES
from server.store import dataset_version, get_runner, result_cache, store_path

log = logging.getLogger("newskg.pages")
MEDIA = "application/sparql-results+json"
PREFIXES = """PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


class PageQueryError(HTTPException):
    """A page's own query failed (a bug, or the store refused): 500 or 503 with the engine's message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.code = status


@dataclass(frozen=True)
class Term:
    """One value of a SELECT row: its lexical form, and what kind of term it is (for the query page's tables)."""

    value: str
    type: str = "literal"  # uri, literal, bnode
    datatype: str = ""
    lang: str = ""


def _task(text: str, media: str | None, graph_media: str | None) -> dict[str, Any]:
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


def ask(query: str) -> bool:
    return bool(json.loads(run(PREFIXES + query)["body"]).get("boolean"))


def construct(query: str) -> bytes:
    """A CONSTRUCT's triples as Turtle."""
    return bytes(run(PREFIXES + query, media=None, graph_media="text/turtle")["body"])


def iri_ok(iri: str) -> bool:
    """True when ``iri`` can go between ``<`` and ``>`` in a query without changing it."""
    from server.site import valid_iri

    return bool(iri) and valid_iri(iri)


def literal(text: str) -> str:
    """``text`` as a SPARQL string literal."""
    return json.dumps(text, ensure_ascii=False)
