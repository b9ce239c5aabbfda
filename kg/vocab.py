"""The ontology files as data: namespaces, and what the code needs to know from ``ontology/event-types.ttl``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from kg import namespaces as ns
from kg.lexicon import ontology_dir

class CachedNamespace(Namespace):
    """A namespace that makes each of its terms once: rdflib builds and checks a new URIRef on every ``NKG.x``,
    which the mapping of an article does tens of thousands of times."""

    def term(self, name: str) -> URIRef:
        cache = self.__dict__.setdefault("_terms", {})
        found = cache.get(name)
        if found is None:
            found = cache[name] = super().term(name)
        return found


# The namespaces of kg.namespaces as rdflib namespaces (rdflib's own RDF, RDFS, XSD, SKOS, PROV and DCTERMS are
# used as rdflib defines them).
NKG = CachedNamespace(ns.NKG)
ET = CachedNamespace(ns.ET)
SCHEMA = CachedNamespace(ns.SCHEMA)
NIF = CachedNamespace(ns.NIF)
TIME = CachedNamespace(ns.TIME)
ORG = CachedNamespace(ns.ORG)
WD = CachedNamespace(ns.WD)
WDT = Namespace(ns.WDT)
WIKIDATA_P = Namespace(ns.WIKIDATA_P)
WIKIDATA_PS = Namespace(ns.WIKIDATA_PS)
WIKIDATA_PQ = Namespace(ns.WIKIDATA_PQ)
VOID = Namespace(ns.VOID)
SD = Namespace(ns.SD)
FORMATS = Namespace(ns.FORMATS)
ONTOLOGY_FILES = ("newskg.ttl", "event-types.ttl")
SHAPES_FILE = "shapes.ttl"


def path(name: str) -> Path:
    return ontology_dir() / name


@cache
def _event_types() -> dict[str, tuple[str | None, str, str]]:
    """Event type key → (CAMEO code or None, event class local name, label)."""
    g = Graph()
    g.parse(path("event-types.ttl"), format="turtle")
    out: dict[str, tuple[str | None, str, str]] = {}
    for concept, cls in g.subject_objects(NKG.eventClass):
        key = str(concept).removeprefix(str(ET))
        code = g.value(concept, SKOS.notation)
        label = g.value(concept, SKOS.prefLabel)
        out[key] = (str(code) if code else None, str(cls).removeprefix(str(NKG)), str(label))
    return out


def event_types() -> dict[str, tuple[str | None, str, str]]:
    return _event_types()


def event_class(key: str) -> str:
    return _event_types().get(key, (None, "Event", key))[1]


def cameo(key: str) -> str | None:
    return _event_types().get(key, (None, "Event", key))[0]


@cache
def external_terms() -> dict[str, tuple[str, str]]:
    """Label and comment of the terms of other vocabularies that newskg writes (``kg/data/external_terms.tsv``): the
    Wikidata properties of the enrichment, schema.org, PROV-O, NIF … — for pages that show words, not codes."""
    from importlib import resources

    text = resources.files("kg").joinpath("data", "external_terms.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in rows}
