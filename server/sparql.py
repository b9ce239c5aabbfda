"""The SPARQL 1.1 Protocol at ``/sparql``: query by GET, POST form and POST direct; results by content negotiation."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request

from kg.store import RDF_FORMATS, RESULT_FORMATS, Result, term_text
from server.negotiate import FORMAT_ALIASES, GRAPH_TYPES, SELECT_TYPES, choose
from server.store import get_store

bp = Blueprint("sparql", __name__, url_prefix="/sparql")

SELECT_OFFERS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                 "text/tab-separated-values", "text/html", "application/json", "application/xml"]
GRAPH_OFFERS = ["text/turtle", "application/n-triples", "application/n-quads", "application/trig",
                "application/ld+json", "application/rdf+xml", "text/html"]


def _accept() -> str | None:
    """The Accept header, unless a ``format=``/``output=`` parameter names a type (as common clients send)."""
    for name in ("format", "output", "results"):
        value = request.values.get(name)
        if value:
            return FORMAT_ALIASES.get(value.lower(), value)
    return request.headers.get("Accept")


def _query_from_request() -> tuple[str | None, list[str], list[str]]:
    if request.method == "GET":
        return request.args.get("query"), request.args.getlist("default-graph-uri"), \
            request.args.getlist("named-graph-uri")
    ctype = (request.mimetype or "").lower()
    if ctype == "application/x-www-form-urlencoded":
        queries = request.form.getlist("query")
        if len(queries) > 1:
            abort(400, "more than one query parameter")
        return (queries[0] if queries else None), request.form.getlist("default-graph-uri"), \
            request.form.getlist("named-graph-uri")
    if ctype == "application/sparql-query":
        return request.get_data(as_text=True), request.args.getlist("default-graph-uri"), \
            request.args.getlist("named-graph-uri")
    abort(415, f"unsupported content type {ctype or '(none)'}: send application/sparql-query or a form")


@bp.route("", methods=["GET", "POST"], strict_slashes=False)
def endpoint():  # noqa: ANN201
    """Answer a SPARQL query; without one, describe the service."""
    query, default_graphs, named_graphs = _query_from_request()
    if query is None:
        if request.method == "GET" and not request.args:
            from server.description import service_description

            return service_description()
        abort(400, "missing query parameter")
    if not query.strip():
        abort(400, "empty query")
    result = get_store().query(query, default_graph=default_graphs or None, named_graphs=named_graphs or None)
    return render_result(result, query)


def render_result(result: Result, query: str = "") -> Response:
    accept = _accept()
    if result.kind == "graph":
        media = choose(accept, GRAPH_OFFERS)
        if media is None:
            abort(406, "no acceptable RDF format; offered: " + ", ".join(GRAPH_OFFERS))
        fmt = GRAPH_TYPES[media]
        if fmt == "html":
            media, fmt = "text/turtle", "ttl"
        body = result.value.serialize(format=RDF_FORMATS[fmt])  # type: ignore[attr-defined]
        return _response(body, media)
    media = choose(accept, SELECT_OFFERS)
    if media is None:
        abort(406, "no acceptable result format; offered: " + ", ".join(SELECT_OFFERS))
    fmt = SELECT_TYPES[media]
    if fmt == "html":
        return _html(result, query)
    if result.kind == "ask":
        from kg.output import _ask

        return _response(_ask(result.value, fmt), media)
    body = result.value.serialize(format=RESULT_FORMATS[fmt])  # type: ignore[attr-defined]
    return _response(body, media)


def _response(body: bytes, media: str) -> Response:
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith(("json", "xml")) else ""
    resp = Response(body, content_type=media + charset)
    resp.vary.add("Accept")
    return resp


def _html(result: Result, query: str) -> Response:
    limit = current_app.config["MAX_ROWS"]
    if result.kind == "ask":
        return Response(render_template("results.html", ask=bool(result.value), query=query), mimetype="text/html")
    rows = []
    for i, row in enumerate(result.rows()):
        if i >= limit:
            break
        rows.append([term_text(row[v]) for v in result.variables])
    resp = Response(render_template("results.html", head=result.variables, rows=rows, query=query),
                    mimetype="text/html")
    resp.vary.add("Accept")
    return resp
