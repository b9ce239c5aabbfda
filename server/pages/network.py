"""The graph views: an article's actors ↔ statements ↔ events, and an actor's neighbourhood (its statements — said,
told, reported — and its events, with the other actors in them), paged so that a hub stays bounded.

A view is a list of nodes and edges (the JSON twin the browser draws) and, for readers without JavaScript, the same
facts as lists: each statement with its speaker, addressees and event; each event with its participants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from server.pages import engine
from server.blueprints.site import NKG, href

ACTOR_TYPES = ("Person", "GovernmentOrganization", "Organization", "Country", "Group", "Place")
PER_PAGE = 40  # statements (and events) of an actor per page
QUOTES = "“”‘’\"'"


@dataclass
class Graph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, str]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)  # the lists shown without JavaScript
    events: list[dict[str, Any]] = field(default_factory=list)
    total_statements: int = 0
    total_events: int = 0

    def node(self, iri: str, label: str, kind: str, type_: str = "") -> dict[str, Any]:
        n = self.nodes.setdefault(iri, {"id": iri, "label": label or _tail(iri), "kind": kind, "type": type_,
                                        "href": href(iri)})
        if label and n["label"] == _tail(iri):
            n["label"] = label
        return n

    def edge(self, source: str, target: str, label: str) -> None:
        e = {"source": source, "target": target, "label": label}
        if e not in self.edges:
            self.edges.append(e)

    def json(self) -> dict[str, Any]:
        return {"nodes": list(self.nodes.values()), "edges": self.edges}


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def _add_statements(g: Graph, rows: list[dict[str, str]]) -> None:
    by: dict[str, dict[str, Any]] = {}
    for r in rows:
        s = by.get(r["s"])
        if s is None:
            label = f"“{_short(r['c'].strip(QUOTES), 48)}”" if r["c"] else _tail(r["s"])
            s = by[r["s"]] = {"iri": r["s"], "href": href(r["s"]), "label": label, "content": r["c"],
                              "speaker": None, "addressees": [], "event": None}
            g.node(r["s"], label, "statement")
            g.statements.append(s)
        if r["sp"] and s["speaker"] is None:
            s["speaker"] = g.node(r["sp"], r["spl"], "actor")
            g.edge(r["sp"], r["s"], "said")
        if r["ad"] and all(a["id"] != r["ad"] for a in s["addressees"]):
            s["addressees"].append(g.node(r["ad"], r["adl"], "actor"))
            g.edge(r["s"], r["ad"], "to")
        if r["ev"] and s["event"] is None:
            s["event"] = g.node(r["ev"], r["evl"], "event")
            g.edge(r["s"], r["ev"], "during")


def _add_events(g: Graph, rows: list[dict[str, str]]) -> None:
    by: dict[str, dict[str, Any]] = {}
    for r in rows:
        e = by.get(r["e"])
        if e is None:
            node = g.node(r["e"], r["el"], "event")
            e = by[r["e"]] = {"iri": r["e"], "href": href(r["e"]), "label": node["label"], "participants": []}
            g.events.append(e)
        if r["who"] and all(p[0]["id"] != r["who"] for p in e["participants"]):
            e["participants"].append((g.node(r["who"], r["wl"], "actor"), r["rl"]))
            g.edge(r["who"], r["e"], r["rl"] or "takes part")
        if r.get("sup"):
            g.node(r["sup"], r.get("supl", ""), "event")
            g.edge(r["e"], r["sup"], "part of")


def _types(g: Graph) -> None:
    actors = [i for i, n in g.nodes.items() if n["kind"] == "actor" and engine.iri_ok(i)]
    for k in range(0, len(actors), 200):
        values = " ".join(f"<{i}>" for i in actors[k:k + 200])
        for r in engine.select(f"SELECT ?x ?t WHERE {{ VALUES ?x {{ {values} }} ?x a ?t }}"):
            t = r["t"][len(NKG):] if r["t"].startswith(NKG) else ""
            n = g.nodes[r["x"]]
            if t in ACTOR_TYPES and (not n["type"] or ACTOR_TYPES.index(t) < ACTOR_TYPES.index(n["type"])):
                n["type"] = t


STATEMENT_VARS = """OPTIONAL { ?s nkg:content ?c }
        OPTIONAL { ?s nkg:speaker ?sp OPTIONAL { ?sp rdfs:label ?spl } }
        OPTIONAL { ?s nkg:addressee ?ad OPTIONAL { ?ad rdfs:label ?adl } }
        OPTIONAL { ?s nkg:madeDuring ?ev OPTIONAL { ?ev rdfs:label ?evl } }"""
EVENT_VARS = """OPTIONAL { ?e rdfs:label ?el }
        OPTIONAL { ?e nkg:hasParticipation ?pp . ?pp nkg:participant ?who OPTIONAL { ?who rdfs:label ?wl }
                   OPTIONAL { ?pp nkg:participantRole/rdfs:label ?rl } }
        OPTIONAL { ?e nkg:subEventOf ?sup OPTIONAL { ?sup rdfs:label ?supl } }"""


def article_graph(a: str) -> Graph:
    """Every statement and event of the article ``a`` with the actors in them."""
    g = Graph()
    _add_statements(g, engine.select(f"""SELECT ?s ?c ?sp ?spl ?ad ?adl ?ev ?evl ?b WHERE {{
        ?s nkg:extractedFrom <{a}> ; a nkg:Statement . {STATEMENT_VARS}
        OPTIONAL {{ ?s nkg:contentMention/nif:beginIndex ?b }} }} ORDER BY ?b ?s"""))
    _add_events(g, engine.select(f"""SELECT ?e ?el ?who ?wl ?rl ?sup ?supl WHERE {{
        ?e nkg:extractedFrom <{a}> ; nkg:eventType ?t . {EVENT_VARS} }} ORDER BY ?e"""))
    g.total_statements, g.total_events = len(g.statements), len(g.events)
    _types(g)
    return g


def actor_graph(x: str, page: int, per: int = PER_PAGE) -> Graph:
    """One page of the actor's statements and events, with everyone in them."""
    g = Graph()
    counts = engine.select(f"""SELECT (COUNT(DISTINCT ?s) AS ?ns) (COUNT(DISTINCT ?e) AS ?ne) WHERE {{
        {{ ?s nkg:speaker|nkg:addressee|nkg:reportedBy <{x}> }} UNION {{ ?e nkg:hasParticipant <{x}> }} }}""")
    g.total_statements = int(counts[0]["ns"] or 0) if counts else 0
    g.total_events = int(counts[0]["ne"] or 0) if counts else 0
    offset = (page - 1) * per
    # the page's statements first (a subquery, so the LIMIT counts statements, not rows), then their details
    _add_statements(g, engine.select(f"""SELECT ?s ?c ?sp ?spl ?ad ?adl ?ev ?evl WHERE {{
        {{ SELECT DISTINCT ?s ?d WHERE {{ ?s nkg:speaker|nkg:addressee|nkg:reportedBy <{x}> .
             OPTIONAL {{ ?s nkg:extractedFrom/schema:datePublished ?d }} }}
           ORDER BY DESC(?d) ?s LIMIT {per} OFFSET {offset} }}
        {STATEMENT_VARS} }} ORDER BY DESC(?d) ?s"""))
    _add_events(g, engine.select(f"""SELECT ?e ?el ?who ?wl ?rl ?sup ?supl WHERE {{
        {{ SELECT DISTINCT ?e WHERE {{ ?e nkg:hasParticipant <{x}> }} ORDER BY ?e LIMIT {per} OFFSET {offset} }}
        {EVENT_VARS} }} ORDER BY ?e"""))
    label = engine.select(f"SELECT ?l WHERE {{ <{x}> rdfs:label ?l }} LIMIT 1")
    g.node(x, label[0]["l"] if label else "", "actor")["focus"] = True
    _types(g)
    return g


def actor_exists(x: str) -> bool:
    return engine.ask(f"""ASK {{ <{x}> a ?t VALUES ?t {{ {' '.join(f"nkg:{t}" for t in ACTOR_TYPES)} }} }}""")


def is_article(a: str) -> bool:
    return engine.ask(f"ASK {{ <{a}> a nkg:Article }}")
