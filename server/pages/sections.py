"""Kind-specific parts of a resource page: an article's reading room (:mod:`server.pages.article`), an actor's
statements, posts and events, a statement's attribution, an event's participants. Each reads what it needs with
one or two queries, a page at a time (the page's ``number``, ``PAGE_SIZE`` rows each: an actor can have said
thousands of things)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.store import term_text
from server.pages.article import reading_room
from server.pages import engine
from server.blueprints.site import NIF, NKG, PROV, SCHEMA, SKOS, labels, term_label
from server.blueprints.views import PAGE_SIZE, Link, Page, resource_link

ACTOR_TYPES = {"Person", "Organization", "GovernmentOrganization", "Country", "Group"}
PREFIXES = f"""PREFIX nkg: <{NKG}>
PREFIX nif: <{NIF}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <{SCHEMA}>
PREFIX prov: <{PROV}>
PREFIX skos: <{SKOS}>
"""


def _rows(query: str) -> list[dict[str, str]]:
    return [{k: term_text(v) for k, v in r.items()} for r in engine.rows(PREFIXES + query)]


def _paged(page: Page, query: str) -> list[dict[str, str]]:
    """The rows of ``query`` on the page's page; marks the page as having a next one when there are more."""
    found = _rows(f"{query} LIMIT {PAGE_SIZE + 1} OFFSET {(page.number - 1) * PAGE_SIZE}")
    page.more = page.more or len(found) > PAGE_SIZE
    return found[:PAGE_SIZE]


def _link(iri: str, names: dict[str, str]) -> Link | None:
    return resource_link(iri, names) if iri else None


def add_sections(page: Page) -> Page:
    """Fill ``page.kind`` and ``page.sections`` from the page's types."""
    local = {t.iri[len(NKG):] for t in page.types if t.iri.startswith(NKG)}
    builders: list[tuple[str, Callable[[Page], dict[str, Any]]]] = []
    if "Article" in local:
        builders.append(("article", lambda p: reading_room(p.iri)))
    if local & ACTOR_TYPES:
        builders.append(("actor", actor))
    if "Statement" in local:
        builders.append(("statement", statement))
    if any(row.predicate.iri == f"{NKG}eventType" for row in page.properties):
        builders.append(("event", event))
    for kind, build in builders:
        page.kind = kind if page.kind == "resource" else page.kind
        page.sections.update(build(page))
    return page


def actor(page: Page) -> dict[str, Any]:
    x = page.iri
    posts = _paged(page, f"""SELECT DISTINCT ?post ?surface ?date ?article WHERE {{
        ?h nkg:holder <{x}> ; nkg:post ?post . OPTIONAL {{ ?h nkg:roleLabel ?surface }}
        OPTIONAL {{ ?h nkg:validAt ?date }} OPTIONAL {{ ?h nkg:extractedFrom ?article }} }}""")
    said = _paged(page, f"""SELECT DISTINCT ?s ?role ?content ?other ?article ?date WHERE {{
        VALUES (?p ?role) {{ (nkg:speaker "said") (nkg:addressee "was told") (nkg:reportedBy "reported") }}
        ?s ?p <{x}> . OPTIONAL {{ ?s nkg:content ?content }}
        OPTIONAL {{ ?s nkg:speaker ?other FILTER(?other != <{x}>) }}
        OPTIONAL {{ ?s nkg:extractedFrom ?article OPTIONAL {{ ?article schema:datePublished ?date }} }} }}""")
    events = _paged(page, f"""SELECT DISTINCT ?e ?type ?role ?time ?value ?article WHERE {{
        {{ ?e nkg:hasParticipation ?pp . ?pp nkg:participant <{x}> OPTIONAL {{ ?pp nkg:participantRole ?role }} }}
        UNION {{ ?e nkg:hasParticipant <{x}> FILTER NOT EXISTS {{ ?e nkg:hasParticipation/nkg:participant <{x}> }} }}
        OPTIONAL {{ ?e nkg:eventType ?type }}
        OPTIONAL {{ ?e nkg:time ?t . ?t rdfs:label ?time OPTIONAL {{ ?t nkg:timexValue ?value }} }}
        OPTIONAL {{ ?e nkg:extractedFrom ?article }} }}""")
    names = labels({r["post"] for r in posts} | {r["article"] for r in posts + said + events if r["article"]}
                   | {r["s"] for r in said} | {r["other"] for r in said if r["other"]} | {r["e"] for r in events})
    return {
        "posts": [{"link": _link(r["post"], names), "surface": r["surface"], "date": r["date"],
                   "article": _link(r["article"], names)} for r in sorted(posts, key=lambda r: r["date"])],
        "said": [{"link": _link(r["s"], names), "role": r["role"], "content": r["content"],
                  "other": _link(r["other"], names), "article": _link(r["article"], names), "date": r["date"]}
                 for r in sorted(said, key=lambda r: (r["date"], r["article"], _num(r["s"])))],
        "events": [{"link": _link(r["e"], names), "type": term_label(r["type"]) if r["type"] else "",
                    "role": term_label(r["role"]) if r["role"] else "", "time": when(r["time"], r["value"]),
                    "article": _link(r["article"], names)}
                   for r in sorted(events, key=lambda r: (r["article"], _num(r["e"])))],
    }


def statement(page: Page) -> dict[str, Any]:
    s = page.iri
    rows = _rows(f"""SELECT ?content ?speaker ?addressee ?cue ?qt ?event ?reporter ?channel ?article WHERE {{
        OPTIONAL {{ <{s}> nkg:content ?content }} OPTIONAL {{ <{s}> nkg:speaker ?speaker }}
        OPTIONAL {{ <{s}> nkg:addressee ?addressee }} OPTIONAL {{ <{s}> nkg:cue ?cue }}
        OPTIONAL {{ <{s}> nkg:quoteType ?qt }} OPTIONAL {{ <{s}> nkg:madeDuring ?event }}
        OPTIONAL {{ <{s}> nkg:reportedBy ?reporter }} OPTIONAL {{ <{s}> nkg:reportedIn ?channel }}
        OPTIONAL {{ <{s}> nkg:extractedFrom ?article }} }} LIMIT 1""")
    r = rows[0] if rows else {}
    names = labels({v for k, v in r.items() if v and k not in ("content", "cue", "qt")})
    return {"quote": {
        "content": r.get("content", ""), "cue": r.get("cue", ""),
        "quote_type": term_label(r["qt"]) if r.get("qt") else "",
        **{k: _link(r.get(k, ""), names) for k in ("speaker", "addressee", "event", "reporter", "channel",
                                                   "article")}}}


def event(page: Page) -> dict[str, Any]:
    e = page.iri
    rows = _paged(page, f"""SELECT DISTINCT ?who ?role WHERE {{
        {{ <{e}> nkg:hasParticipation ?pp . ?pp nkg:participant ?who OPTIONAL {{ ?pp nkg:participantRole ?role }} }}
        UNION {{ <{e}> nkg:hasParticipant ?who
                 FILTER NOT EXISTS {{ <{e}> nkg:hasParticipation/nkg:participant ?who }} }} }}""")
    statements = _paged(page, f"SELECT ?s WHERE {{ ?s nkg:madeDuring <{e}> }}")
    names = labels({r["who"] for r in rows} | {r["s"] for r in statements})
    return {
        "participants": [{"link": _link(r["who"], names), "role": term_label(r["role"]) if r["role"] else ""}
                         for r in sorted(rows, key=lambda r: names.get(r["who"], r["who"]))],
        "made_during": [_link(r["s"], names) for r in sorted(statements, key=lambda r: _num(r["s"]))],
    }


def when(text: str, value: str) -> str:
    """A time expression as written with what it resolves to: "Thursday (2022-01-27)"."""
    return f"{text} ({value})" if value and value != text else text


def _num(iri: str) -> tuple[int, str]:
    """Order ``…/statement/10`` after ``…/statement/9``."""
    tail = iri.rsplit("/", 1)[-1]
    return (int(tail), iri) if tail.isdigit() else (1 << 30, iri)
