"""Dumps under ``/download/``: the whole dataset and each article graph, in every RDF format, plain or gzipped."""

from __future__ import annotations

import gzip
import io

from flask import Blueprint, Response, abort, render_template, request

from kg.rdf import PREFIXES
from server.store import dataset_version, get_store

bp = Blueprint("downloads", __name__, url_prefix="/download")

FORMATS = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
           "trig": "application/trig", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}


def article_graphs() -> dict[str, str]:
    """Article id → graph IRI, for every article graph in the store."""
    out = {}
    for g in get_store().graphs():
        if "/graph/article/" in g:
            out[g.rsplit("/graph/article/", 1)[1]] = g
    return out


@bp.route("/")
def index():  # noqa: ANN201
    """The list of dumps."""
    return render_template("downloads.html", formats=FORMATS, articles=sorted(article_graphs()))


@bp.route("/<name>.<ext>")
@bp.route("/<name>.<ext>.gz", defaults={"gz": True})
@bp.route("/article/<name>.<ext>", defaults={"article": True})
@bp.route("/article/<name>.<ext>.gz", defaults={"article": True, "gz": True})
def dump(name: str, ext: str, gz: bool = False, article: bool = False):  # noqa: ANN201
    """One dump: ``all.ttl`` (the union graph), ``all.nq``, ``article/ID.ttl`` …, each also ``.gz``."""
    if ext not in FORMATS:
        abort(404, f"unknown format .{ext}; available: {', '.join(FORMATS)}")
    graph = None
    if article:
        graph = article_graphs().get(name)
        if graph is None:
            abort(404, f"no article {name!r}")
    elif name != "all":
        abort(404, f"no dump {name!r}")
    etag = f'"{dataset_version()}-{name}-{ext}{"-gz" if gz else ""}"'
    if etag in request.if_none_match:
        return Response(status=304, headers={"ETag": etag})
    buf = io.BytesIO()
    get_store().dump(ext, graph=graph, output=buf, prefixes={k: str(v) for k, v in PREFIXES.items()})
    body = buf.getvalue()
    if gz:
        body = gzip.compress(body, mtime=0)
    resp = Response(body, content_type=("application/gzip" if gz else FORMATS[ext] + "; charset=utf-8"))
    resp.headers["ETag"] = etag
    filename = f"{'article-' if article else ''}{name}.{ext}{'.gz' if gz else ''}"
    resp.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return resp
