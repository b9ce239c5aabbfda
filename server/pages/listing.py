"""The indexes: actors, events, statements and articles, each one SPARQL query built from checked parameters —
paged (LIMIT/OFFSET, with a count), sortable by its columns, filterable by speaker, article, type and dates.

What the filters mean where the words need it:

* ``speaker`` — statements: said by; articles: in which the actor speaks; events: the actor takes part or speaks
  during it; actors: spoken to or about in that speaker's statements (their addressees).
* ``from``/``to`` — statements: the date of the event they were made in, else the article's date; events: the
  resolved date (events without one are left out of a date range); actors and articles: the articles' dates.
* ``type`` — actors: their class; events: their event type (``phone-call``); statements: the quote type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from server.pages import engine
from server.blueprints.site import NKG, href

ET = "https://w3id.org/newskg/event-type/"
ACTOR_TYPES = {"Person": "person", "Organization": "organisation", "GovernmentOrganization": "government body",
               "Country": "country", "Group": "group"}
QUOTE_TYPES = {"Direct": "direct", "Indirect": "indirect", "Mixed": "mixed"}


@dataclass
class Column:
    key: str
    title: str
    sort: str = ""  # the SPARQL expression to order by; "" when the column cannot be sorted
    kind: str = "text"  # text, link, num, date


@dataclass
class Filters:
    speaker: str = ""
    article: str = ""
    type: str = ""
    date_from: str = ""
    date_to: str = ""


@dataclass
class Spec:
    kind: str
    title: str
    columns: list[Column]
    default_sort: str
    default_order: str
    types: dict[str, str] = field(default_factory=dict)
    build: Any = None  # (Filters) -> the query body: a SELECT's WHERE and GROUP BY with ?item first

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def sortable(self) -> list[str]:
        return [c.key for c in self.columns if c.sort]


def _dates(var: str, f: Filters) -> str:
    out = ""
    if f.date_from:
        out += f' FILTER(BOUND({var}) && STR({var}) >= "{f.date_from}")'
    if f.date_to:
        out += f' FILTER(BOUND({var}) && SUBSTR(STR({var}), 1, 10) <= "{f.date_to}")'
    return out


def _actors(f: Filters) -> str:
    types = f"nkg:{f.type}" if f.type else " ".join(f"nkg:{t}" for t in ACTOR_TYPES)
    article = f"FILTER(?a = <{f.article}>)" if f.article else ""
    speaker = (f"FILTER EXISTS {{ ?sx nkg:speaker <{f.speaker}> ; nkg:addressee ?item }}" if f.speaker else "")
    return f"""
      {{ SELECT ?item (COUNT(DISTINCT ?a) AS ?nArticles) (MAX(?d) AS ?maxDate) WHERE {{
          ?a schema:mentions ?item ; a nkg:Article . OPTIONAL {{ ?a schema:datePublished ?d }}
          {article} {_dates("?d", f)} }} GROUP BY ?item }}
      VALUES ?t {{ {types} }} ?item a ?t . {speaker}
      OPTIONAL {{ SELECT ?item (COUNT(DISTINCT ?s) AS ?nSaid) WHERE {{ ?s nkg:speaker ?item }} GROUP BY ?item }}
      OPTIONAL {{ ?item rdfs:label ?l }} OPTIONAL {{ ?t rdfs:label ?tl }}
    }} GROUP BY ?item"""


def _events(f: Filters) -> str:
    filters = ""
    if f.type:
        filters += f" FILTER(?t = <{ET}{f.type}>)"
    if f.article:
        filters += f" FILTER(?a = <{f.article}>)"
    if f.speaker:
        filters += (f" FILTER EXISTS {{ {{ ?item nkg:hasParticipant <{f.speaker}> }} UNION "
                    f"{{ ?sx nkg:madeDuring ?item ; nkg:speaker <{f.speaker}> }} }}")
    return f"""
      ?item nkg:eventType ?t ; nkg:extractedFrom ?a . {filters}
      OPTIONAL {{ ?a schema:headline ?h }} OPTIONAL {{ ?item rdfs:label ?l }} OPTIONAL {{ ?t skos:prefLabel ?tl }}
      OPTIONAL {{ ?item nkg:modality/rdfs:label ?ml }}
      OPTIONAL {{ ?item nkg:time ?tx OPTIONAL {{ ?tx time:inXSDDate ?rd }} OPTIONAL {{ ?tx nkg:timexValue ?v }} }}
      {_dates("?rd", f)}
    }} GROUP BY ?item"""


def _statements(f: Filters) -> str:
    filters = ""
    if f.speaker:
        filters += f" FILTER(?sp = <{f.speaker}>)"
    if f.article:
        filters += f" FILTER(?a = <{f.article}>)"
    if f.type:
        filters += f" FILTER(?qt = nkg:{f.type})"
    return f"""
      ?item a nkg:Statement ; nkg:extractedFrom ?a . OPTIONAL {{ ?a schema:headline ?h }}
      OPTIONAL {{ ?a schema:datePublished ?ad }}
      OPTIONAL {{ ?item nkg:speaker ?sp OPTIONAL {{ ?sp rdfs:label ?spl }} }}
      OPTIONAL {{ ?item nkg:quoteType ?qt OPTIONAL {{ ?qt rdfs:label ?qtl }} }}
      OPTIONAL {{ ?item nkg:content ?c }} OPTIONAL {{ ?item nkg:contentMention/nif:beginIndex ?b }}
      OPTIONAL {{ ?item nkg:madeDuring/nkg:time/time:inXSDDate ?ed }}
      BIND(COALESCE(?ed, ?ad) AS ?sd) {filters} {_dates("?sd", f)}
    }} GROUP BY ?item"""


def _articles(f: Filters) -> str:
    speaker = (f"FILTER EXISTS {{ ?sx nkg:extractedFrom ?item ; nkg:speaker <{f.speaker}> }}" if f.speaker else "")
    article = f"FILTER(?item = <{f.article}>)" if f.article else ""
    return f"""
      ?item a nkg:Article . {speaker} {article}
      OPTIONAL {{ ?item schema:headline ?h }} OPTIONAL {{ ?item schema:datePublished ?d }} {_dates("?d", f)}
      OPTIONAL {{ SELECT ?item (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s nkg:extractedFrom ?item ; a nkg:Statement }}
                  GROUP BY ?item }}
      OPTIONAL {{ SELECT ?item (COUNT(DISTINCT ?e) AS ?ne) WHERE {{ ?e nkg:extractedFrom ?item ; nkg:eventType ?t }}
                  GROUP BY ?item }}
    }} GROUP BY ?item"""


SPECS = {
    "actors": Spec("actors", "Actors", [
        Column("label", "Name", "?label", "link"), Column("type", "Kind", "?type"),
        Column("said", "Statements", "?said", "num"), Column("articles", "Articles", "?articles", "num"),
        Column("latest", "Latest article", "?latest", "date")], "said", "desc", ACTOR_TYPES, _actors),
    "events": Spec("events", "Events", [
        Column("label", "Event", "?label", "link"), Column("type", "Type", "?type"),
        Column("date", "Date", "?date", "date"), Column("modality", "Modality", "?modality"),
        Column("article", "Article", "?article", "link")], "date", "asc", {}, _events),
    "statements": Spec("statements", "Statements", [
        Column("label", "Said by", "?label", "link"), Column("content", "Content"),
        Column("type", "Quote", "?type"), Column("date", "Date", "?date", "date"),
        Column("article", "Article", "?article", "link")], "date", "desc", QUOTE_TYPES, _statements),
    "articles": Spec("articles", "Articles", [
        Column("label", "Headline", "?label", "link"), Column("date", "Date", "?date", "date"),
        Column("said", "Statements", "?said", "num"), Column("events", "Events", "?events", "num")],
        "date", "desc", {}, _articles),
}
# what each listing selects: the aggregate for each column (the body groups by ?item)
PROJECTIONS = {
    "actors": "(SAMPLE(?l) AS ?label) (SAMPLE(?tl) AS ?type) (MAX(COALESCE(?nSaid, 0)) AS ?said) "
              "(MAX(?nArticles) AS ?articles) (MAX(?maxDate) AS ?latest)",
    "events": "(SAMPLE(?l) AS ?label) (SAMPLE(?tl) AS ?type) (MIN(COALESCE(STR(?rd), ?v)) AS ?date) "
              "(SAMPLE(?ml) AS ?modality) (SAMPLE(?h) AS ?article) (SAMPLE(?a) AS ?articleIri)",
    "statements": "(SAMPLE(?spl) AS ?label) (SAMPLE(?sp) AS ?labelIri) (SAMPLE(?c) AS ?content) "
                  "(SAMPLE(?qtl) AS ?type) (MIN(STR(?sd)) AS ?date) (SAMPLE(?h) AS ?article) "
                  "(SAMPLE(?a) AS ?articleIri) (MIN(?b) AS ?position)",
    "articles": "(SAMPLE(?h) AS ?label) (MIN(STR(?d)) AS ?date) (MAX(COALESCE(?n, 0)) AS ?said) "
                "(MAX(COALESCE(?ne, 0)) AS ?events)",
}


@dataclass
class Page:
    spec: Spec
    items: list[dict[str, Any]]
    total: int
    page: int
    per: int
    sort: str
    order: str

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per))


def fetch(kind: str, f: Filters, *, sort: str, order: str, page: int, per: int) -> Page:
    """One page of a listing."""
    spec = SPECS[kind]
    body = spec.build(f)
    total_rows = engine.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT ?item WHERE {{ {body} }}")
    total = int(total_rows[0]["n"] or 0) if total_rows else 0
    var = spec.column(sort).sort
    key = f"LCASE({var})" if var in ("?label", "?type", "?article") else var
    direction = "DESC" if order == "desc" else "ASC"
    # unbound values last whichever the direction; then a stable order
    tie = "?date ?position ?item" if kind == "statements" else "?item"
    rows = engine.select(f"""SELECT ?item {PROJECTIONS[kind]} WHERE {{ {body}
        ORDER BY DESC(BOUND({var})) {direction}({key}) {tie} LIMIT {per} OFFSET {(page - 1) * per}""")
    return Page(spec, [_item(kind, r) for r in rows], total, page, per, sort, order)


def _item(kind: str, r: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {"iri": r["item"], "href": href(r["item"]), "label": r["label"] or _tail(r["item"])}
    for k in ("type", "date", "modality", "content", "latest"):
        if k in r:
            item[k] = r[k][:10] if k in ("date", "latest") and r[k][:4].isdigit() and len(r[k]) >= 10 else r[k]
    for k in ("said", "articles", "events"):
        if k in r:
            item[k] = int(r[k] or 0)
    if "article" in r:
        item["article"] = r["article"] or _tail(r.get("articleIri", ""))
        item["article_iri"] = r.get("articleIri", "")
        item["article_href"] = href(r["articleIri"]) if r.get("articleIri") else ""
    if kind == "statements":
        item["speaker_iri"] = r["labelIri"]
        item["label_href"] = href(r["labelIri"]) if r["labelIri"] else ""
    return item


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def type_options(kind: str) -> dict[str, str]:
    """The values ``type`` takes on a listing (event types are read from the ontology graph)."""
    if kind != "events":
        return SPECS[kind].types
    rows = engine.select(f"""SELECT DISTINCT ?t ?l WHERE {{ ?e nkg:eventType ?t OPTIONAL {{ ?t skos:prefLabel ?l }} }}
        ORDER BY ?l LIMIT 500""")
    return {r["t"][len(ET):]: r["l"] or r["t"][len(ET):] for r in rows if r["t"].startswith(ET)}


def local_type(iri: str) -> str:
    return iri[len(NKG):] if iri.startswith(NKG) else iri
