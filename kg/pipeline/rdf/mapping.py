"""Map an article and its extraction to RDF: deterministic IRIs, ontology terms, spans, provenance.

IRIs are minted under a base IRI (``--base-iri``, default ``http://localhost:8000/``) as slash URIs
``{base}id/{kind}/{slug}`` that the server answers with 303 to ``{base}doc/…`` (see README, "IRIs"). Actors,
places and posts are global, so the same person in two articles is one resource; statements, events, mentions and
unnamed groups live under their article. No blank nodes: two builds of the same input give the same triples.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.pipeline.ingest import slugify
from kg.model import Article, Extraction, Span
from kg.vocab import ET, NIF, NKG, ORG, SCHEMA, TIME, WD
DEFAULT_BASE = "http://localhost:8000/"

PREFIXES = {"nkg": NKG, "et": ET, "schema": SCHEMA, "nif": NIF, "time": TIME, "prov": PROV, "skos": SKOS,
            "dcterms": DCTERMS, "org": ORG, "wd": WD, "xsd": XSD, "rdfs": RDFS}


@dataclass(frozen=True)
class Iris:
    """The IRIs of one deployment (base) and one article."""

    base: str
    article_id: str

    def _id(self, path: str) -> URIRef:
        return URIRef(f"{self.base}id/{path}")

    @property
    def article(self) -> URIRef:
        return self._id(f"article/{self.article_id}")

    @property
    def graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/article/{self.article_id}")

    @property
    def provenance_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/provenance/{self.article_id}")

    def local(self, path: str) -> URIRef:
        return self._id(f"article/{self.article_id}/{path}")

    def span(self, s: Span) -> URIRef:
        return self.local(f"span/{s.begin}-{s.end}")

    def actor(self, key: str) -> URIRef:
        kind, _, slug = key.partition("/")
        if kind in ("group", "anon", "localorg"):  # unnamed collectives, people and bodies live in their article
            return self.local(f"{ {'group': 'group', 'anon': 'person', 'localorg': 'organization'}[kind]}/{slug}")
        if kind == "org":
            kind = "organization"
        return self._id(f"{kind}/{slug}")

    def post(self, title: str, org_key: str | None) -> URIRef:
        org = org_key.partition("/")[2] if org_key else "unknown"
        return self._id(f"post/{slugify(title)}--{org}")


def graph_iri(base: str, article_id: str) -> str:
    return str(Iris(base, article_id).graph)


def new_graph() -> Graph:
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    return g


def to_rdf(article: Article, extraction: Extraction, *, base_iri: str = DEFAULT_BASE) -> Graph:
    """The article's named-graph content as an rdflib :class:`~rdflib.Graph` (no provenance; see
    :func:`provenance`).

    >>> from kg.pipeline.ingest import from_text
    >>> from kg.model import Extraction
    >>> g = to_rdf(from_text("Headline\\n\\nBody.", article_id="a1"), Extraction(), base_iri="http://ex.org/")
    >>> (URIRef("http://ex.org/id/article/a1"), RDF.type, NKG.Article) in g
    True
    """
    g = new_graph()
    g += rdflib_triples(to_triples(article, extraction, base_iri=base_iri))
    return g


def to_triples(article: Article, extraction: Extraction, *, base_iri: str = DEFAULT_BASE) -> list[tuple[str, str, str]]:
    """The triples of :func:`to_rdf` as N-Triples terms (kg.pipeline.rdf.ntriples), without building a Graph: ``kg build`` checks
    them against the shapes and writes them as text."""
    from kg.pipeline.rdf.triples import Mapper

    return Mapper(article, extraction, base_iri).run()


def rdflib_triples(triples: Iterable[tuple[str, str, str]]) -> Iterator[tuple]:
    """Triples of N-Triples terms as rdflib terms (each distinct term read once)."""
    from kg.pipeline.rdf.ntriples import to_rdflib

    seen: dict[str, object] = {}
    for t in triples:
        out = []
        for x in t:
            r = seen.get(x)
            if r is None:
                r = seen[x] = to_rdflib(x)
            out.append(r)
        yield tuple(out)


def provenance(article: Article, *, base_iri: str, started: dt.datetime, ended: dt.datetime,
               tool_version: str, source_name: str) -> Graph:
    """The build's PROV-O record: which tool version read which input (by checksum), when."""
    g = new_graph()
    g += provenance_triples(article, base_iri=base_iri, started=started, ended=ended, tool_version=tool_version,
                            source_name=source_name)
    return g


def provenance_triples(article: Article, *, base_iri: str, started: dt.datetime, ended: dt.datetime,
                       tool_version: str, source_name: str) -> list[tuple]:
    """The triples of :func:`provenance`, without building a Graph."""
    i = Iris(base_iri, article.id)
    g = _Triples()
    build = i.local("build")
    tool = URIRef(f"{base_iri}id/software/newskg")
    source = i.local("source")
    g.add((build, RDF.type, NKG.Build))
    g.add((build, RDF.type, PROV.Activity))
    g.add((build, RDFS.label, Literal(f"kg build of {source_name}")))
    g.add((build, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    g.add((build, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    g.add((build, NKG.toolVersion, Literal(tool_version)))
    g.add((build, PROV.wasAssociatedWith, tool))
    g.add((build, PROV.used, source))
    g.add((tool, RDF.type, PROV.SoftwareAgent))
    g.add((tool, RDFS.label, Literal("newskg")))
    g.add((source, RDF.type, PROV.Entity))
    g.add((source, RDFS.label, Literal(source_name)))
    g.add((source, NKG.sha256, Literal(article.checksum)))
    g.add((i.article, PROV.wasGeneratedBy, build))
    g.add((i.article, PROV.wasDerivedFrom, source))
    g.add((i.graph, PROV.wasGeneratedBy, build))
    g.add((i.graph, PROV.wasDerivedFrom, i.article))
    return list(g)


class _Triples(dict):
    """An ordered set of triples with Graph's ``add``."""

    def add(self, triple: tuple) -> None:
        self[triple] = None
