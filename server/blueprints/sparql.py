"""The SPARQL 1.1 Protocol at ``/sparql``: queries (GET, POST form, POST direct) and, with a token, updates.

Every query runs in a query process (:mod:`server.engine.runner`) that is killed at the timeout; results are
negotiated (RFC 9110), cut at ``MAX_ROWS`` with the cut announced in ``X-Newskg-Truncated``, and conditional GETs
are answered 304 while the dataset has not changed. ``GET /sparql`` without a query is the service description.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from kg.sparql.federation import parse_allow
from kg.pipeline.rdf.mapping import PREFIXES
from server.http import protocol, util as httputil
from server.blueprints.description import service_description
from server.http.errors import error_response, syntax_error_response
from server.http.negotiate import choose
from server.engine.tasks import QueryTask, WriteTask
from server.engine.cache import HEADER as CACHE_HEADER
from server.engine.access import dataset_version, get_runner, last_modified, result_cache, store_path, updates_enabled

log = logging.getLogger("newskg.sparql")
ANSWERED = "newskg.answered"  # the WSGI key under which the query lane leaves an answer for the app to render
bp = Blueprint("sparql", __name__, url_prefix="/sparql")
bp.after_app_request(httputil.add_cors)

SELECT_OFFERS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                 "text/tab-separated-values", "text/html", "application/json", "application/xml", "text/xml"]
GRAPH_OFFERS = ["text/turtle", "application/n-triples", "application/n-quads", "application/trig",
                "application/ld+json", "application/rdf+xml", "text/html", "application/x-turtle", "text/n3"]
# what the result cache must not keep: answers that change from run to run over the same data (fresh blank nodes
# only relabel an answer, which may then be served again as it was)
_UNCACHEABLE = re.compile(r"\b(now|rand|uuid|struuid|bnode)\s*\(|\bservice\b", re.IGNORECASE)
# what is never answered 304: those, and results with fresh blank nodes (a CONSTRUCT template's ``_:x`` or ``[]``),
# whose labels are new on every run
_VOLATILE = re.compile(_UNCACHEABLE.pattern + r"|_:|\[", re.IGNORECASE)


@bp.route("", methods=["GET", "POST"], strict_slashes=False)
def endpoint() -> Response:
    """Answer a SPARQL query or update; without one, describe the service."""
    op = protocol.parse(request)
    if op is None:
        return service_description()
    if op.kind == "update":
        return _update(op)
    return _query(op)


_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}  # made once: every task carries them


def _allow(setting: object) -> tuple[str, ...]:
    """The federation allow-list of a ``FEDERATION_ALLOW`` setting, read once per process (not per request)."""
    try:
        return _allow_once(setting)
    except TypeError:  # a list given in the configuration: not hashable, read each time
        return parse_allow(setting)


@functools.lru_cache(maxsize=8)
def _allow_once(setting: object) -> tuple[str, ...]:
    return parse_allow(setting)


def _query(op: protocol.Operation) -> Response:
    config = current_app.config
    accept = protocol.requested_accept()
    select_media, graph_media = choose(accept, SELECT_OFFERS), choose(accept, GRAPH_OFFERS)
    if select_media is None and graph_media is None:
        abort(406, "no acceptable result format; offered: " + ", ".join(SELECT_OFFERS + GRAPH_OFFERS))
    base = url_for("sparql.endpoint", _external=True)
    max_rows = int(config["MAX_ROWS"])
    tag = None
    if request.method in ("GET", "HEAD") and (known := validated(op, select_media, graph_media, base)):
        tag, modified = known
        if httputil.not_modified(tag, modified):
            resp = httputil.validators(Response(status=304), tag, modified)
            resp.vary.add("Accept")
            return resp
    stashed = request.environ.pop(ANSWERED, None)  # the query lane's (server.blueprints.query_lane)
    if isinstance(stashed, BaseException):
        raise stashed
    reply, state = stashed or answer(op, select_media, graph_media, base)
    resp = render(reply, op.text, max_rows)
    resp.headers[CACHE_HEADER] = state
    if tag is not None and resp.status_code == 200:
        httputil.validators(resp, tag, last_modified())
    return resp


def validated(op: protocol.Operation, select_media: str | None, graph_media: str | None,
              base: str) -> tuple[str, dt.datetime] | None:
    """The ETag and the time of last change of a GET's answer, or None for an answer that changes from run to run.
    In an app context."""
    if _VOLATILE.search(op.text):
        return None
    max_rows = int(current_app.config["MAX_ROWS"])
    return (httputil.etag(dataset_version(), op.text, op.graphs, op.named_graphs, select_media, graph_media, max_rows,
                          base), last_modified())


def answer(op: protocol.Operation, select_media: str | None, graph_media: str | None,
           base: str) -> tuple[dict[str, Any], str]:
    """The query process's reply to a query (or the result cache's), and what the cache did: "hit", "miss" (the
    reply was kept) or "off". In an app context."""
    config = current_app.config
    max_rows = int(config["MAX_ROWS"])
    cache = result_cache()
    uncacheable = bool(_UNCACHEABLE.search(op.text))
    key = (op.text, tuple(op.graphs), tuple(op.named_graphs), op.has_dataset, select_media, graph_media, max_rows,
           base)
    if cache.enabled and not uncacheable:
        version = dataset_version()
        hit = cache.get(version, key)
        if hit is not None:
            return hit, "hit"
    task: QueryTask = {
        "op": "query", "text": op.text, "base": base, "store": store_path(), "max_rows": max_rows,
        "timeout": float(config["QUERY_TIMEOUT"]),
        # a protocol dataset is exactly what it lists: no default-graph-uri means an empty default graph
        "default_graphs": op.graphs if op.has_dataset else None,
        "named_graphs": op.named_graphs if op.has_dataset else None,
        "select_media": select_media, "graph_media": graph_media,
        "select_offers": SELECT_OFFERS, "graph_offers": GRAPH_OFFERS,
        "allow": _allow(config.get("FEDERATION_ALLOW")), "prefixes": _PREFIXES,
    }
    reply = get_runner().run(task, float(config["QUERY_TIMEOUT"]))
    cacheable = cache.enabled and not uncacheable and reply["status"] == 200
    if cacheable:
        cache.put(version, key, reply)
    return reply, "miss" if cacheable else "off"


def render(reply: dict[str, Any], query: str, max_rows: int) -> Response:
    """The HTTP response for a query process's reply."""
    if reply["status"] >= 400:
        return reply_error(reply)
    if "table" in reply:
        body = render_template("results.html", query=query, truncated=bool(reply.get("truncated")), **reply["table"])
        resp = Response(body, content_type="text/html; charset=utf-8")
        resp.headers.extend(result_headers(reply, max_rows)[1:])
        return resp
    return Response(reply["body"], headers=result_headers(reply, max_rows))


def result_headers(reply: dict[str, Any], max_rows: int) -> list[tuple[str, str]]:
    """The headers of a result: its type, then Vary and the row limit's (CORS and safety headers are added to every
    answer of the endpoint: server.http.util, server.http.headers)."""
    media = reply["media"]
    text_like = media.startswith("text/") or media.endswith(("json", "xml"))
    return [("Content-Type", media + ("; charset=utf-8" if text_like else "")), ("Vary", "Accept"),
            (httputil.TRUNCATED, "true" if reply.get("truncated") else "false"), (httputil.ROW_LIMIT, str(max_rows))]


def reply_error(reply: dict[str, Any]) -> Response:
    """A query process's error reply in the error shape (a 500's traceback goes to the log only); a syntax error
    with where it is, in the format the client asked for."""
    if reply["status"] >= 500 and reply.get("trace"):
        log.error("query process error:\n%s", reply["trace"])
    syntax = reply.get("syntax")
    if syntax:
        url = url_for("sparql.endpoint", _external=True)
        hint = ""
        if syntax.get("sent_as_other") and syntax.get("kind") == "query":
            hint = (f"POST it to {url} as an update: a form with update=…, or the text with Content-Type "
                    "application/sparql-update" + ("" if updates_enabled() else
                                                   " (this server takes updates only with its update token)"))
        elif syntax.get("sent_as_other"):
            hint = (f"send it to {url} as a query: query=… (GET or a POST form), or Content-Type "
                    "application/sparql-query")
        return syntax_error_response(reply["error"], syntax, reply.get("text", ""), hint)
    return error_response(reply["status"], reply["error"])


def _update(op: protocol.Operation) -> Response:
    httputil.require_update_token()
    config = current_app.config
    task: WriteTask = {
        "op": "write", "action": "update", "text": op.text, "using": op.graphs, "using_named": op.named_graphs,
        "base": url_for("sparql.endpoint", _external=True), "allow": _allow(config.get("FEDERATION_ALLOW")),
        "main": str(config["STORE_PATH"]), "snapshots": config["SNAPSHOT_DIR"], "store": store_path(),
        "keep_seconds": float(config["QUERY_TIMEOUT"]) + 300,
    }
    reply = get_runner().run(task, float(config["QUERY_TIMEOUT"]), what="update")
    if reply["status"] >= 400:
        return reply_error(reply)
    doc = {"ok": True, "status": 200, "message": "update applied"}
    if reply.get("warning"):
        doc["warning"] = reply["warning"]  # a connection the engine was refused, which SILENT ignored
    resp = current_app.json.response(doc)
    resp.headers["Cache-Control"] = "no-store"
    return resp
