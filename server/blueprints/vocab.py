"""The vocabulary at its namespace path, so that links to it stay on this site: ``/ns`` (the ontology, one page with
every class, property and controlled value), ``/ns/TERM`` (one term: what it means, its place in the hierarchy, how
much the data uses it), ``/event-type/KEY`` (one event type of the CAMEO-coded scheme).

HTML for browsers, Turtle by negotiation (``Accept: text/turtle``, or ``/ns.ttl``): the namespace document is the
ontology file itself; a term is its triples in the store's ontology graph. Other paths under ``/ns/`` that are
routes of their own (such as a JSON-LD context) are matched before these.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, render_template, request, send_file, url_for

from kg.vocab import path as ontology_file
from server.http.negotiate import choose
from server.pages import engine, vocabulary
from server.blueprints.site import secure_html

bp = Blueprint("vocab", __name__)
bp.after_request(secure_html)
OFFERS = ["text/turtle", "text/html", "application/xhtml+xml"]
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _wants_turtle() -> bool:
    media = choose(request.headers.get("Accept"), OFFERS)
    if media is None:
        abort(406, "no acceptable format; offered: text/turtle, text/html")
    return media == "text/turtle"


def _vary(resp: Response) -> Response:
    resp.vary.add("Accept")
    return resp


@bp.route("/ns", endpoint="namespace")
@bp.route("/ns.ttl", endpoint="namespace_ttl")
def namespace() -> Response:
    if request.path.endswith(".ttl") or _wants_turtle():
        resp = send_file(ontology_file("newskg.ttl"), mimetype="text/turtle")
        resp.headers["Content-Type"] = "text/turtle; charset=utf-8"
        return _vary(resp)
    terms = vocabulary.terms()
    sections = [(key, title, [t for t in terms if t.kind == key]) for key, title in vocabulary.SECTIONS]
    html = render_template("vocabulary.html", sections=sections, count=len(terms))
    return _vary(Response(html, mimetype="text/html"))


def _term(iri: str) -> Response:
    if _wants_turtle():
        body = engine.construct(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ GRAPH <{vocabulary.graph()}> {{ <{iri}> ?p ?o }} }}")
        if not body.strip():
            abort(404, f"no term {iri} in the vocabulary")
        return _vary(Response(body, content_type="text/turtle; charset=utf-8"))
    found = vocabulary.terms(only=iri)
    if not found:
        abort(404, f"no term {iri} in the vocabulary")
    term = found[0]
    count, examples = vocabulary.usage(term)
    html = render_template("term.html", term=term, children=vocabulary.children(iri), count=count,
                           examples=examples, listing=_listing(term))
    return _vary(Response(html, mimetype="text/html"))


def _listing(term: vocabulary.Term) -> str:
    """The index page that lists the term's instances, when there is one."""
    name = term.name
    if name in ("Person", "Organization", "GovernmentOrganization", "Country", "Group"):
        return url_for("browse.listing", kind="actors", type=name)
    if name in ("Statement", "Article", "Event"):
        return url_for("browse.listing", kind=name.lower() + "s")
    if name in ("Direct", "Indirect", "Mixed"):
        return url_for("browse.listing", kind="statements", type=name)
    if term.kind == "EventType":
        return url_for("browse.listing", kind="events", type=name.removeprefix("event-type/"))
    return ""


@bp.route("/ns/<name>", endpoint="term")
def term(name: str) -> Response:
    if not _NAME.fullmatch(name):
        abort(404, f"no term {name} in the vocabulary")
    return _term(vocabulary.NKG + name)


@bp.route("/event-type/<key>", endpoint="event_type")
def event_type(key: str) -> Response:
    if not _NAME.fullmatch(key):
        abort(404, f"no event type {key}")
    return _term(vocabulary.ET + key)
