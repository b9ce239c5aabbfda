"""The timeline: events whose time expression resolves (a day, a week, a month, a year), in time order — of one
article, or across the corpus a page at a time.

A resolved value becomes an interval of days: ``2022-01-27`` is that day, ``2022-W05`` the ISO week (Monday to
Sunday), ``2022-W05-WE`` its weekend, ``2022-02`` the month, ``2022`` the year, ``202`` the 2020s. Events whose time
does not resolve ("right now") are not on it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from server.pages import engine
from server.blueprints.site import href

PER_PAGE = 100
_VALUE = re.compile(r"(\d{4})(?:-(?:W(\d{2})|(\d{2}))(?:-(\d{2}))?)?")


def interval(value: str) -> tuple[str, str] | None:
    """The first and last day (ISO dates) a resolved time value covers, or None when it is not one we read."""
    if value and (we := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value.strip())):  # a week's weekend
        try:
            saturday = dt.date.fromisocalendar(int(we[1]), int(we[2]), 6)
        except ValueError:
            return None
        return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()
    if value and re.fullmatch(r"\d{3}", value.strip()):  # a decade: 199 is the 1990s
        return f"{value.strip()}0-01-01", f"{value.strip()}9-12-31"
    m = _VALUE.fullmatch(value.strip()[:10]) if value else None
    if not m:
        return None
    year = int(m[1])
    try:
        if m[2]:  # ISO week
            start = dt.date.fromisocalendar(year, int(m[2]), 1)
            return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
        if m[3] and m[4]:
            day = dt.date(year, int(m[3]), int(m[4]))
            return day.isoformat(), day.isoformat()
        if m[3]:
            month = int(m[3])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat()
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    except ValueError:
        return None


@dataclass
class Item:
    iri: str
    href: str
    label: str
    type: str
    value: str  # as resolved (2022-W05)
    text: str  # as written ("next week")
    start: str
    end: str
    modality: str
    article: str
    article_label: str
    article_href: str

    def json(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if k not in ("href", "article_href")}


# the events on the timeline (with their sort key), and what is shown of each
MATCH = """{scope} ?e nkg:eventType ?t ; nkg:time ?tx ; nkg:extractedFrom ?a .
    OPTIONAL {{ ?tx nkg:timexValue ?v }} OPTIONAL {{ ?tx time:inXSDDate ?d }}
    FILTER(BOUND(?v) || BOUND(?d)) BIND(COALESCE(STR(?d), ?v) AS ?key) {dates}"""
DETAILS = """?e nkg:eventType ?t ; nkg:time ?tx ; nkg:extractedFrom ?a .
    OPTIONAL { ?tx nkg:timexValue ?v } OPTIONAL { ?tx time:inXSDDate ?d } OPTIONAL { ?tx rdfs:label ?txt }
    OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?t skos:prefLabel ?tl } OPTIONAL { ?e nkg:modality/rdfs:label ?ml }
    OPTIONAL { ?a schema:headline ?h }"""
VARS = "?e ?l ?tl ?v ?d ?txt ?ml ?a ?h"


def _items(rows: list[dict[str, str]]) -> list[Item]:
    out: dict[str, Item] = {}
    for r in rows:
        value = r["d"][:10] or r["v"]
        span = interval(value)
        if span is None or r["e"] in out:
            continue
        out[r["e"]] = Item(r["e"], href(r["e"]), r["l"] or r["tl"], r["tl"], value, r["txt"], span[0], span[1],
                           r["ml"], r["a"], r["h"], href(r["a"]))
    return sorted(out.values(), key=lambda i: (i.start, i.end, i.label))


def of_article(a: str) -> list[Item]:
    return _items(engine.select(f"SELECT {VARS} WHERE {{ BIND(<{a}> AS ?a) {DETAILS} }}"))


def of_corpus(page: int, date_from: str = "", date_to: str = "", per: int = PER_PAGE) -> tuple[list[Item], int]:
    """One page of the corpus timeline (in time order), and how many events it has in all."""
    dates = ""
    if date_from:
        dates += f' FILTER(?key >= "{date_from}")'
    if date_to:
        dates += f' FILTER(SUBSTR(?key, 1, 10) <= "{date_to}")'
    match = MATCH.format(scope="", dates=dates)
    count = engine.select(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {match} }}")
    total = int(count[0]["n"] or 0) if count else 0
    rows = engine.select(f"""SELECT {VARS} WHERE {{
        {{ SELECT DISTINCT ?e ?key WHERE {{ {match} }} ORDER BY ?key ?e LIMIT {per} OFFSET {(page - 1) * per} }}
        {DETAILS} }} ORDER BY ?key ?e""")
    return _items(rows), total
