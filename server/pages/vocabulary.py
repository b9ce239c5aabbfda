"""The vocabulary as pages: the newskg ontology (``nkg:``) and its event types, read from the store's ontology
graph (``{base}graph/ontology``, written by ``kg build``) through the query engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from server.pages import engine
from server.blueprints.site import base_iri, href
from server.engine.access import dataset_version

NKG = "https://w3id.org/newskg/ns#"
ET = "https://w3id.org/newskg/event-type/"
OWL = "http://www.w3.org/2002/07/owl#"
SECTIONS = (("Class", "Classes"), ("ObjectProperty", "Object properties"),
            ("DatatypeProperty", "Datatype properties"), ("AnnotationProperty", "Annotation properties"),
            ("Value", "Controlled values"), ("EventType", "Event types"))


@dataclass
class Term:
    iri: str
    name: str  # the local name (nkg:Statement → Statement; et:phone-call → event-type/phone-call)
    label: str = ""
    comment: str = ""
    kind: str = ""  # one of SECTIONS' keys
    types: list[str] = field(default_factory=list)
    parents: list[tuple[str, str, str]] = field(default_factory=list)  # (iri, label, href)
    domain: list[tuple[str, str, str]] = field(default_factory=list)
    range: list[tuple[str, str, str]] = field(default_factory=list)
    notation: str = ""

    @property
    def href(self) -> str:
        return href(self.iri)


def graph() -> str:
    return f"{base_iri()}graph/ontology"


def local(iri: str) -> str:
    if iri.startswith(NKG):
        return iri[len(NKG):]
    if iri.startswith(ET):
        return "event-type/" + iri[len(ET):]
    return ""


def _name(iri: str, labels: dict[str, str]) -> tuple[str, str, str]:
    return iri, labels.get(iri) or local(iri) or iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1], href(iri)


def terms(only: str = "") -> list[Term]:
    """Every term of the ontology graph (or the one IRI ``only``), with its labels, parents, domain and range
    (made once per dataset version and worker: the page lists hundreds)."""
    key = (dataset_version(), only)
    if key not in _TERMS:
        if len(_TERMS) > 64:
            _TERMS.clear()
        _TERMS[key] = _terms(only)
    return _TERMS[key]


_TERMS: dict[tuple[str, str], list[Term]] = {}


def _terms(only: str) -> list[Term]:
    scope = f"VALUES ?t {{ <{only}> }}" if only else f'FILTER(STRSTARTS(STR(?t), "{NKG}") || STRSTARTS(STR(?t), "{ET}"))'
    rows = engine.select(f"""SELECT ?t ?p ?o ?ol WHERE {{ GRAPH <{graph()}> {{
        ?t ?p ?o . {scope}
        VALUES ?p {{ rdf:type rdfs:label skos:prefLabel rdfs:comment skos:definition rdfs:subClassOf
                     rdfs:subPropertyOf rdfs:domain rdfs:range skos:broader skos:notation }}
        OPTIONAL {{ ?o rdfs:label|skos:prefLabel ?ol FILTER(LANG(?ol) = "" || LANGMATCHES(LANG(?ol), "en")) }}
        FILTER(!isLiteral(?o) || LANG(?o) = "" || LANGMATCHES(LANG(?o), "en")) }} }}""")
    labels = {r["o"]: r["ol"] for r in rows if r["ol"]}
    out: dict[str, Term] = {}
    for r in rows:
        t = out.setdefault(r["t"], Term(r["t"], local(r["t"])))
        p = r["p"].rsplit("#", 1)[-1]
        if p in ("label", "prefLabel") and not t.label:
            t.label = r["o"]
        elif p in ("comment", "definition") and not t.comment:
            t.comment = r["o"]
        elif p == "notation":
            t.notation = r["o"]
        elif p == "type":
            t.types.append(r["o"])
        elif p in ("subClassOf", "subPropertyOf", "broader"):
            t.parents.append(_name(r["o"], labels))
        elif p in ("domain", "range"):
            getattr(t, p).append(_name(r["o"], labels))
    for t in out.values():
        t.kind = _kind(t)
    return sorted(out.values(), key=lambda t: (t.name.lower()))


def _kind(t: Term) -> str:
    if t.iri.startswith(ET):
        return "EventType"
    for key in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty"):
        if f"{OWL}{key}" in t.types:
            return key
    return "Value"


def children(iri: str) -> list[tuple[str, str, str]]:
    """Terms narrower than ``iri`` (subclasses, subproperties, narrower event types)."""
    rows = engine.select(f"""SELECT ?c ?l WHERE {{ GRAPH <{graph()}> {{
        ?c rdfs:subClassOf|rdfs:subPropertyOf|skos:broader <{iri}>
        OPTIONAL {{ ?c rdfs:label|skos:prefLabel ?l FILTER(LANG(?l) = "" || LANGMATCHES(LANG(?l), "en")) }} }} }}
        ORDER BY ?l LIMIT 500""")
    return [_name(r["c"], {r["c"]: r["l"]}) for r in rows]


def usage(t: Term) -> tuple[int, list[tuple[str, str, str]]]:
    """How many resources use the term (as their class, their property, their value) and a few of them."""
    if t.kind == "Class":
        pattern = f"?x a <{t.iri}>"
    elif t.kind in ("ObjectProperty", "DatatypeProperty", "AnnotationProperty"):
        pattern = f"?x <{t.iri}> ?v"
    elif t.kind == "EventType":
        pattern = f"?x nkg:eventType <{t.iri}>"
    else:
        pattern = f"?x ?p <{t.iri}>"
    outside = f"FILTER NOT EXISTS {{ GRAPH <{graph()}> {{ {pattern} }} }}"
    count = engine.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} {outside} }}")
    examples = engine.select(f"""SELECT DISTINCT ?x ?l WHERE {{ {pattern} {outside} OPTIONAL {{ ?x rdfs:label ?l }} }}
        ORDER BY ?x LIMIT 10""")
    return (int(count[0]["n"] or 0) if count else 0), [_name(r["x"], {r["x"]: r["l"]}) for r in examples]
