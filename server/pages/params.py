"""Query-string parameters of the reading room's pages, checked: a bad value is a 400 that names it.

Resources are given by their path under ``/id/`` (``person/wang-yi``), by article id (``wang-yi-blinken-call``) or
by full IRI; dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a range's end is inclusive: ``to=2022`` means the
end of 2022).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from flask import request
from werkzeug.exceptions import BadRequest

from server.pages import engine
from server.pages.engine import iri_ok
from server.blueprints.site import base_iri

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*(?:/[A-Za-z0-9._~-]+)*")


def text(name: str, default: str = "") -> str:
    return (request.args.get(name) or default).strip()


def integer(name: str, default: int, lo: int, hi: int) -> int:
    raw = text(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name}={raw!r} is not a whole number") from None
    if not lo <= value <= hi:
        raise BadRequest(f"{name}={value} is out of range ({lo}–{hi})")
    return value


def choice(name: str, options: dict[str, str] | list[str] | tuple[str, ...], default: str = "") -> str:
    raw = text(name)
    if not raw:
        return default
    if raw not in options:
        raise BadRequest(f"{name}={raw!r} is not one of: {', '.join(options)}")
    return raw


def date(name: str, *, end: bool = False) -> str:
    """A date bound as ``YYYY-MM-DD`` (the first or, with ``end``, the last day of a year or month), or ""."""
    raw = text(name)
    if not raw:
        return ""
    m = _DATE.fullmatch(raw)
    if not m:
        raise BadRequest(f"{name}={raw!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    if not 1 <= mo <= 12:
        raise BadRequest(f"{name}={raw!r}: there is no month {mo}")
    last = calendar.monthrange(y, mo)[1]
    day = int(d) if d else (last if end else 1)
    if not 1 <= day <= last:
        raise BadRequest(f"{name}={raw!r}: there is no such day")
    return f"{y:04d}-{mo:02d}-{day:02d}"


def resource(name: str) -> str:
    """A resource IRI from ``/id/`` path, ``/doc/`` path or full IRI; "" when not given."""
    raw = text(name)
    if not raw:
        return ""
    if raw.startswith(("http://", "https://")):
        iri = raw
    else:
        path = raw.removeprefix("/").removeprefix("id/").removeprefix("doc/")
        if "/" not in path:  # a name: the actor labelled so
            iri = by_label(raw)
            if not iri:
                raise BadRequest(f"{name}={raw!r}: no actor has this name; give a resource path (like "
                                 "person/wang-yi) or an IRI")
            return iri
        if not SLUG.fullmatch(path):
            raise BadRequest(f"{name}={raw!r} is not a resource path (like person/wang-yi) or an IRI")
        iri = f"{base_iri()}id/{path}"
    if not iri_ok(iri):
        raise BadRequest(f"{name}={raw!r} is not a valid IRI")
    return iri


def by_label(label: str) -> str:
    """The actor whose label is ``label`` (ignoring case), the one that speaks most when several are."""
    rows = engine.select(f"""SELECT ?x (COUNT(?s) AS ?n) WHERE {{ ?x rdfs:label ?l ; a ?t
        FILTER(LCASE(STR(?l)) = LCASE({engine.literal(label)}))
        VALUES ?t {{ nkg:Person nkg:Organization nkg:GovernmentOrganization nkg:Country nkg:Group nkg:Place }}
        OPTIONAL {{ ?s nkg:speaker ?x }} }} GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1""")
    return rows[0]["x"] if rows else ""


def article(name: str = "article") -> str:
    """An article IRI from its id (``wang-yi-blinken-call``), its path (``article/ID``) or its IRI."""
    raw = text(name)
    if not raw or raw.startswith(("http://", "https://")):
        return resource(name)
    aid = raw.removeprefix("/").removeprefix("id/").removeprefix("doc/").removeprefix("article/")
    if "/" in aid or not SLUG.fullmatch(aid):
        raise BadRequest(f"{name}={raw!r} is not an article id (like wang-yi-blinken-call)")
    return f"{base_iri()}id/article/{aid}"


def short(iri: str) -> str:
    """The form a parameter takes in links: the path under ``/id/`` for our resources, else the IRI."""
    prefix = base_iri() + "id/"
    return iri[len(prefix):] if iri.startswith(prefix) else iri


@dataclass
class Paging:
    page: int
    per: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per


def paging(default_per: int = 50, max_per: int = 200) -> Paging:
    return Paging(integer("page", 1, 1, 1_000_000), integer("per", default_per, 1, max_per))
