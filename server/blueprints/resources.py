"""Linked Data: every resource IRI ``{BASE_IRI}id/…`` dereferences (slash URIs, 303 See Other).

* ``GET /id/PATH`` → ``303 See Other`` to the description, chosen by Accept (``Vary: Accept``): ``/doc/PATH`` for
  HTML, ``/doc/PATH.ttl`` (the default for machines), ``.jsonld``, ``.nt`` or ``.rdf``; 404 for an unknown
  resource, 406 when no offered type is acceptable.
* ``GET /doc/PATH`` negotiates the same way (``Content-Location`` names the variant); ``/doc/PATH.EXT`` is one
  format. The RDF is the resource's triples from every graph, the triples pointing to it, and its neighbours' labels.
  A hub's description is paged (``?page=N``, :data:`server.blueprints.views.PAGE_SIZE` triples each way a page; the
  header ``Link: <…?page=N+1>; rel="next"`` and the HTML page link to the next page).
* ``GET /graph/article/ID`` → 303 to that graph's dump; other graphs → 303 to a CONSTRUCT of their content.

The request path is looked up under the base IRI whatever host the server answers on (see docs/publishing.md).
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from kg.pipeline.rdf.mapping import PREFIXES
from kg.store.serialize import grouped, serialize
from server.blueprints.downloads import dump_url
from server.http.errors import error_response, wants_html
from server.http.negotiate import choose
from server.pages.sections import add_sections
from server.pages import engine
from server.blueprints.site import RDFS_LABEL, base_iri, labels, local_path, secure_html, valid_iri
from server.engine.access import dataset_version
from server.blueprints.views import PAGE_SIZE, describe, page_rows

bp = Blueprint("resources", __name__)
bp.after_request(secure_html)

# Extension → media type of the descriptions. The order is the preference when the client accepts anything.
DOC_FORMATS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
               "rdf": "application/rdf+xml", "html": "text/html"}
MEDIA_EXT = {media: ext for ext, media in DOC_FORMATS.items()} | {"application/json": "jsonld",
                                                                   "application/xhtml+xml": "html"}
OFFERS = list(DOC_FORMATS.values()) + ["application/json", "application/xhtml+xml"]
FOAF = "http://xmlns.com/foaf/0.1/"


def _negotiated_ext() -> str:
    media = choose(request.headers.get("Accept"), OFFERS)
    if media is None:
        abort(406, "no acceptable format; offered: " + ", ".join(DOC_FORMATS.values()))
    return MEDIA_EXT[media]


def _split_ext(path: str) -> tuple[str, str | None]:
    stem, dot, ext = path.rpartition(".")
    if dot and ext in DOC_FORMATS and "/" not in ext:
        return stem, ext
    return path, None


def _iri(path: str) -> str:
    return f"{base_iri()}id/{path}"


def _known(iri: str) -> bool:
    return valid_iri(iri) and engine.ask(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}")


MAX_PAGE = 100_000  # a page number past this is refused (400) before it reaches the engine


def _page_number() -> int:
    """``?page=N`` (1 when absent)."""
    given = request.args.get("page", "1")
    if not given.isdigit() or not 1 <= int(given) <= MAX_PAGE:
        abort(400, f"page must be a whole number from 1 to {MAX_PAGE}, not {given[:40]!r}")
    return int(given)


@bp.route("/id/<path:path>")
def identifier(path: str) -> Response:
    """The resource itself: not a document, so 303 to the description the client prefers."""
    iri = _iri(path)
    if not _known(iri):
        return not_found(path)
    ext = _negotiated_ext()
    target = url_for("resources.document", path=path if ext == "html" else f"{path}.{ext}")
    resp = redirect(target, code=303)
    resp.vary.add("Accept")
    return resp


@bp.route("/doc/<path:path>")
def document(path: str) -> Response:
    """The description of a resource, as HTML or RDF."""
    stem, ext = _split_ext(path)
    negotiated = ext is None
    ext = ext or _negotiated_ext()
    number = _page_number()
    iri = _iri(stem)
    if not _known(iri):
        return not_found(stem)
    etag = hashlib.sha256(f"{dataset_version()} {ext} {iri} {number}".encode()).hexdigest()[:24]
    more = False
    if etag in request.if_none_match:
        resp = Response(status=304)
    elif ext == "html":
        page = describe(iri, number)
        if page is None:
            return not_found(stem) if number == 1 else error_response(404, f"{iri} has no page {number}")
        page = add_sections(page)
        more = page.more
        resp = Response(render_template("resource.html", page=page, path=stem, page_size=PAGE_SIZE),
                        mimetype="text/html")
    else:
        triples, more = description_triples(iri, number)
        if number > 1 and len(triples) <= 2:
            return error_response(404, f"{iri} has no page {number}")
        body = serialize(grouped(triples), ext,
                         prefixes={k: str(v) for k, v in PREFIXES.items()} | {"foaf": FOAF},
                         context=url_for("void.context", _external=True))
        resp = Response(body, content_type=f"{DOC_FORMATS[ext]}; charset=utf-8")
    resp.set_etag(etag)
    doc = stem if ext == "html" or negotiated else f"{stem}.{ext}"
    links = [f'<{iri}>; rel="describes"']
    if more:
        links.append(f'<{url_for("resources.document", path=doc, page=number + 1)}>; rel="next"')
    if number > 1:
        links.append(f'<{url_for("resources.document", path=doc, page=number - 1)}>; rel="prev"')
    if negotiated:
        resp.vary.add("Accept")
        resp.headers["Content-Location"] = url_for("resources.document", path=stem if ext == "html"
                                                   else f"{stem}.{ext}")
    resp.headers["Link"] = ", ".join(links)
    return resp


def description_triples(iri: str, number: int = 1) -> tuple[list[ox.Triple], bool]:
    """Page ``number`` of the resource's description: its triples (all graphs), the triples that point to it, its
    neighbours' labels, and two triples about the document itself (foaf:primaryTopic); and whether there is a
    next page."""
    out, inc, more = page_rows(iri, number)
    node = ox.NamedNode(iri)
    found = {ox.Triple(node, r["p"], r["o"]) for r in out} | {ox.Triple(r["s"], r["p"], node) for r in inc}
    neighbours = {t.object.value for t in found if t.subject == node and isinstance(t.object, ox.NamedNode)}
    neighbours |= {t.subject.value for t in found if t.object == node and isinstance(t.subject, ox.NamedNode)}
    label = ox.NamedNode(RDFS_LABEL)
    found |= {ox.Triple(ox.NamedNode(n), label, text) for n, texts in _rdfs_labels(neighbours).items()
              for text in texts}
    triples = list(found)
    doc = ox.NamedNode(url_for("resources.document", path=local_path(iri) or "", _external=True))
    triples.append(ox.Triple(doc, ox.NamedNode(f"{FOAF}primaryTopic"), ox.NamedNode(iri)))
    triples.append(ox.Triple(doc, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                             ox.NamedNode(f"{FOAF}Document")))
    return triples, more


def _rdfs_labels(iris: set[str]) -> dict[str, list[ox.Literal]]:
    """The rdfs:labels of each of ``iris`` that has some (the description's neighbours' names)."""
    good = sorted(i for i in iris if valid_iri(i))
    out: dict[str, list[ox.Literal]] = {}
    for k in range(0, len(good), 400):  # keep each VALUES block small
        values = " ".join(f"<{i}>" for i in good[k:k + 400])
        for r in engine.rows(f"SELECT ?n ?l WHERE {{ VALUES ?n {{ {values} }} ?n <{RDFS_LABEL}> ?l }}"):
            out.setdefault(r["n"].value, []).append(r["l"])
    return out


@bp.route("/graph/<path:path>")
def graph(path: str) -> Response:
    """A named graph's IRI: 303 to its content. An article graph has a dump (Turtle unless Accept says
    otherwise); the others (provenance, enrichment, ontology) are read through the SPARQL endpoint."""
    iri = f"{base_iri()}graph/{path}"
    if not valid_iri(iri) or not engine.fact("has_graph", graph=iri):
        return not_found(f"graph/{path}", graph=True)
    kind, _, name = path.partition("/")
    if kind == "article":
        media = choose(request.headers.get("Accept"), ["text/turtle", "application/n-triples",
                                                       "application/ld+json", "application/rdf+xml", "text/html"])
        ext = {"application/n-triples": "nt", "application/ld+json": "jsonld",
               "application/rdf+xml": "rdf"}.get(media or "", "ttl")
        target = dump_url(name, ext)
    else:
        target = url_for("sparql.endpoint", query=f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    resp = redirect(target, code=303)
    resp.vary.add("Accept")
    return resp


def not_found(path: str, *, graph: bool = False) -> Response:
    """404 that helps: resources of the same kind whose names share a word with the one asked for."""
    iri = f"{base_iri()}{path}" if graph else _iri(path)
    message = f"No resource {iri} in this dataset."
    if not wants_html():
        resp = error_response(404, message)
        return resp if isinstance(resp, Response) else Response(*resp)
    kind = path.split("/", 1)[0] if not graph else "graph"
    words = [w for w in path.rsplit("/", 1)[-1].lower().replace("_", "-").split("-") if w.isalnum() and len(w) > 1]
    try:  # the suggestions are a courtesy: a 404 stays a 404 when their queries run past the time limit
        suggestions = _similar(kind, words) if kind.isalnum() else []
        kinds = _kinds()
    except HTTPException:
        suggestions, kinds = [], []
    html = render_template("notfound.html", iri=iri, suggestions=suggestions, kinds=kinds)
    return Response(html, status=404, mimetype="text/html")


def _similar(kind: str, words: list[str]) -> list[tuple[str, str]]:
    if not words:
        return []
    prefix = f"{base_iri()}id/{kind}/"
    test = " || ".join(f'CONTAINS(LCASE(STR(?l)), "{w}")' for w in words[:5])
    q = (f'SELECT DISTINCT ?s ?l WHERE {{ ?s <{RDFS_LABEL}> ?l . FILTER(STRSTARTS(STR(?s), "{prefix}")) '
         f"FILTER({test}) }} ORDER BY ?l LIMIT 10")
    return [(url_for("resources.document", path=local_path(r["s"]) or ""), r["l"])
            for r in engine.select(q) if r["s"] and r["l"]]


def _kinds() -> list[tuple[str, str]]:
    """The kinds of global resources (person, country, …) with one example each, for the 404 page."""
    prefix = f"{base_iri()}id/"
    # one example per kind, grouped by the engine: the answer is as small as the number of kinds
    q = (f'SELECT ?kind (MIN(STR(?s)) AS ?example) WHERE {{ ?s <{RDFS_LABEL}> ?l '
         f'FILTER(STRSTARTS(STR(?s), "{prefix}")) BIND(STRAFTER(STR(?s), "{prefix}") AS ?rest) '
         f'FILTER(CONTAINS(?rest, "/") && !CONTAINS(STRAFTER(?rest, "/"), "/")) '
         f'BIND(STRBEFORE(?rest, "/") AS ?kind) FILTER(?kind != "article") }} GROUP BY ?kind')
    kinds: dict[str, str] = {r["kind"]: r["example"] for r in engine.select(q) if r["kind"]}
    names = labels(set(kinds.values()))
    return [(k, url_for("resources.document", path=local_path(v) or "")) for k, v in sorted(kinds.items())
            if v in names]
