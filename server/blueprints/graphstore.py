"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (https://www.w3.org/TR/sparql11-http-rdf-update/).

Graphs are named indirectly (``/store?graph=IRI``, ``/store?default``) or directly (``/store/PATH``: the graph
whose IRI is that URL). Reading (GET, HEAD) is open to everyone; writing (PUT replaces a graph, POST adds to it,
DELETE removes it, POST to ``/store`` itself creates a graph and answers its IRI in ``Location``) needs the update
token, exactly like SPARQL Update.

The default graph: GET ``?default`` returns the union of all graphs — the default graph queries see, as the
service description says; PUT/POST/DELETE ``?default`` change the store's own unnamed graph (part of that union),
as ``INSERT DATA``/``CLEAR DEFAULT`` do in SPARQL Update.
"""

from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, request, url_for

from kg.pipeline.rdf.mapping import PREFIXES
from server.http import util as httputil
from server.http.negotiate import choose
from server.blueprints.sparql import reply_error
from server.engine.tasks import GraphTask, WriteTask
from server.engine.access import dataset_version, get_runner, last_modified, store_path

bp = Blueprint("graphstore", __name__, url_prefix="/store")

READ_OFFERS = ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
               "application/n-quads", "application/trig"]
UPLOAD_TYPES = {"text/turtle": "ttl", "application/x-turtle": "ttl", "application/n-triples": "nt",
                "application/rdf+xml": "rdf", "application/ld+json": "jsonld", "application/n-quads": "nq",
                "application/trig": "trig"}
METHODS = ["GET", "PUT", "POST", "DELETE"]
_DEFAULT = "default"  # the target "default graph" (None would mean "the graph store itself")


@bp.route("", methods=METHODS, strict_slashes=False)
def indirect() -> Response:
    """A graph named by ``?graph=IRI`` or ``?default``; without either, the graph store (POST creates a graph)."""
    graphs = request.args.getlist("graph")
    if graphs and "default" in request.args:
        abort(400, "give either ?graph=IRI or ?default, not both")
    if len(graphs) > 1:
        abort(400, "more than one graph parameter: name one graph per request")
    if graphs:
        return _handle(_checked_iri(graphs[0]))
    if "default" in request.args:
        return _handle(_DEFAULT)
    return _handle(None)


@bp.route("/<path:rest>", methods=METHODS)
def direct(rest: str) -> Response:
    """A graph named by the request URL itself (direct identification)."""
    if "graph" in request.args or "default" in request.args:
        abort(400, "a graph named by its URL takes no graph or default parameter")
    return _handle(_checked_iri(request.base_url))


def _checked_iri(iri: str) -> str:
    try:
        ox.NamedNode(iri)
    except ValueError as e:
        abort(400, f"invalid graph IRI {iri!r}: {e}")
    if ":" not in iri:
        abort(400, f"the graph IRI {iri!r} is relative; give an absolute IRI")
    return iri


def _handle(target: str | None) -> Response:
    if request.method in ("GET", "HEAD"):
        if target is None:
            abort(400, "name a graph to read: /store?graph=IRI or /store?default (dumps of everything are "
                       "under /download/)")
        return _read(target)
    httputil.require_update_token()
    if target is None:
        if request.method != "POST":
            abort(400, f"{request.method} needs a graph: /store?graph=IRI or /store?default")
        target = url_for("graphstore.direct", rest=f"new/{uuid.uuid4().hex}", _external=True)
        return _write("post", target, location=target)
    return _write(request.method.lower(), target)


def _read(target: str) -> Response:
    media = choose(request.headers.get("Accept"), READ_OFFERS)
    if media is None:
        abort(406, "no acceptable RDF format for a graph; offered: " + ", ".join(READ_OFFERS))
    tag, modified = httputil.etag(dataset_version(), "gsp", target, media), last_modified()
    if httputil.not_modified(tag, modified):
        resp = Response(status=304)
    else:
        task: GraphTask = {"op": "graph", "graph": None if target == _DEFAULT else target, "store": store_path(),
                "graph_media": media, "head": request.method == "HEAD",
                "prefixes": {k: str(v) for k, v in PREFIXES.items()}}
        reply = get_runner().run(task, float(current_app.config["QUERY_TIMEOUT"]), what="graph read")
        if reply["status"] >= 400:
            return reply_error(reply)
        resp = Response(reply["body"], content_type=f"{media}; charset=utf-8")
    resp.vary.add("Accept")
    return httputil.validators(resp, tag, modified)


def _write(action: str, target: str, *, location: str | None = None) -> Response:
    config = current_app.config
    graph = None if target == _DEFAULT else target
    parts = _documents() if action in ("put", "post") else []
    task: WriteTask = {
        "op": "write", "action": action, "graph": graph, "parts": parts, "base": graph or request.base_url,
        "main": str(config["STORE_PATH"]), "snapshots": config["SNAPSHOT_DIR"], "store": store_path(),
        "keep_seconds": float(config["QUERY_TIMEOUT"]) + 300,
    }
    reply = get_runner().run(task, float(config["QUERY_TIMEOUT"]), what="graph write")
    if reply["status"] >= 400:
        return reply_error(reply)
    if reply["status"] == 201:
        resp = Response(status=201)
        if location:
            resp.headers["Location"] = location
        return resp
    return Response(status=204)


def _documents() -> list[tuple[bytes, str]]:
    """The RDF documents of a PUT/POST body: the body itself, or each file of a multipart/form-data body."""
    mimetype = (request.mimetype or "").lower()
    if mimetype == "multipart/form-data":
        files = list(request.files.values())
        if not files or request.form:
            abort(400, "each part of a multipart body must be a file with an RDF Content-Type")
        return [(f.read(), _upload_format(f.mimetype)) for f in files]
    return [(request.get_data(cache=False), _upload_format(mimetype))]


def _upload_format(mimetype: str) -> str:
    fmt = UPLOAD_TYPES.get((mimetype or "").lower())
    if fmt is None:
        abort(415, f"cannot read {mimetype or 'a body without Content-Type'} as RDF; send one of "
                   + ", ".join(UPLOAD_TYPES))
    return fmt
