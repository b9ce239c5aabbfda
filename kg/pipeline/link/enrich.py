"""The enrichment graph: what the knowledge base knows about the entities an article's actors and places are linked
to, kept apart from what the article says.

One named graph per article, ``{base}graph/enrichment/{article-id}``, stored by ``kg build`` in the same transaction
as the article graph (so a rebuild replaces both). It holds, for each linked actor or place, the record's preferred
label and aliases, its country, the posts it held with their dates, and the external ids of those posts and
countries; and a provenance statement saying that these facts come from the bundled knowledge base and its sources.

Facts use Wikidata's own properties, as the knowledge base mirrors Wikidata (``wdt:P27`` country of citizenship,
``wdt:P17`` country, ``wdt:P39`` position held; a dated holding is a ``p:P39`` statement node with ``ps:P39`` and the
qualifiers ``pq:P580`` start time and ``pq:P582`` end time). No ``rdfs:label`` or ``rdf:type`` is added to an actor
the article already describes: the article graph keeps saying what the article says.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.pipeline.link.kb import Entity, KnowledgeBase
from kg.model import Extraction
from kg import vocab
from kg.vocab import NKG
from kg.pipeline.rdf.mapping import SCHEMA, Iris, new_graph

WDT, P, PS, PQ = vocab.WDT, vocab.WIKIDATA_P, vocab.WIKIDATA_PS, vocab.WIKIDATA_PQ
_CLASS = {"person": NKG.Person, "organization": NKG.Organization, "government": NKG.GovernmentOrganization,
          "country": NKG.Country, "place": NKG.Place}


def enrichment_graph_iri(base_iri: str, article_id: str) -> str:
    return f"{base_iri}graph/enrichment/{article_id}"


def kb_iri(base_iri: str) -> URIRef:
    """The bundled knowledge base as a resource (the origin named by every enrichment graph)."""
    return URIRef(f"{base_iri}id/kb")


def enrichment(article_id: str, extraction: Extraction, *, base_iri: str, kb: KnowledgeBase | None = None) -> Graph:
    """The enrichment graph of one linked extraction (see the module docstring).

    >>> from kg.model import Actor, Extraction
    >>> x = Extraction(actors=[Actor("person/joe-biden", "Biden", "person", links={"wikidata": "x"})])
    >>> g = enrichment("a1", x, base_iri="http://ex.org/")
    >>> str(g.value(URIRef("http://ex.org/id/person/joe-biden"), SKOS.prefLabel))
    'Joe Biden'
    """
    g = new_graph()
    for p, ns in (("wdt", WDT), ("p", P), ("ps", PS), ("pq", PQ)):
        g.bind(p, ns)
    g += enrichment_triples(article_id, extraction, base_iri=base_iri, kb=kb)
    return g


def enrichment_triples(article_id: str, extraction: Extraction, *, base_iri: str,
                       kb: KnowledgeBase | None = None) -> list[tuple]:
    """The triples of :func:`enrichment` (rdflib terms), without building a Graph: what ``kg build`` writes."""
    from kg.pipeline.link import kb as kbmod

    kb = kb or kbmod.default()
    return list(_Writer(article_id, extraction, base_iri, kb).run())


_POSITIONS: dict[tuple, list[tuple]] = {}  # (base, entity, its IRI, knowledge base) → its holdings (_Writer.positions)


class _Writer:
    def __init__(self, article_id: str, x: Extraction, base: str, kb: KnowledgeBase) -> None:
        self.x, self.base, self.kb = x, base, kb
        self.i = Iris(base, article_id)
        self.g: dict[tuple, None] = {}  # an ordered set of triples
        self.described = {a.key for a in x.actors} | {p.key for p in x.places}  # typed by the article graph
        self.posts_in_article = {str(self.i.post(h.post, h.organization)) for h in x.holdings}
        self.sources: set[str] = set()

    def iri(self, e: Entity) -> URIRef:
        if e.type == "place":
            return URIRef(f"{self.base}id/place/{e.id.partition('/')[2]}")
        return self.i.actor(e.id)

    def run(self) -> dict[tuple, None]:
        for item in [*self.x.actors, *self.x.places]:
            e = self.kb.get(item.key)
            if e is not None and item.links:
                self.entity(e)
        self.provenance()
        return self.g

    def add(self, s: URIRef, p: URIRef, o) -> None:  # noqa: ANN001
        if o is not None:
            self.g[(s, p, o)] = None

    def source_of(self, r: URIRef, e: Entity) -> None:
        for s in e.source:
            self.sources.add(s)
            self.add(r, DCTERMS.source, URIRef(f"{self.base}id/kb/{s}"))

    def entity(self, e: Entity) -> None:
        r = self.iri(e)
        self.add(r, SKOS.prefLabel, Literal(e.label))
        for a in e.aliases:
            self.add(r, SKOS.altLabel, Literal(a))
        self.source_of(r, e)
        if e.dbpedia and e.dbpedia_status == "derived":  # kept, but said to be unchecked
            self.add(URIRef(e.dbpedia), RDFS.comment, Literal(
                "DBpedia IRI derived from an English Wikipedia title that was seen; the IRI itself was not checked."))
        if e.country and e.country != e.id:
            c = self.kb.get(e.country)
            if c is not None:
                self.add(r, WDT.P27 if e.type == "person" else WDT.P17, self.mentioned_or_described(c))
        for post, post_iri, org, triples in self.positions(e, r):
            self.post(post, post_iri, org)
            for t in triples:
                self.add(*t)

    def positions(self, e: Entity, r: URIRef) -> list[tuple]:
        """The posts ``e`` held, each as (post, its IRI, its organisation, the triples of the holding), made once
        per process: an office holder may have held dozens, and the same people recur across a corpus."""
        key = (self.base, e, r, self.kb)
        found = _POSITIONS.get(key)
        if found is not None:
            return found
        found = []
        for n, pos in enumerate(e.positions, 1):
            post = self.kb.get(pos.post)
            if post is None or not post.title:
                continue
            org = self.kb.get(post.of)
            post_iri = self.i.post(post.title, post.of)
            stmt = URIRef(f"{r}/kb/position/{n}")
            found.append((post, post_iri, org, (
                (r, WDT.P39, post_iri),
                (r, P.P39, stmt),
                (stmt, RDFS.label, Literal(f"{e.label}: {post.label}, {pos.start or '?'} – {pos.end or ''}".strip())),
                (stmt, PS.P39, post_iri),
                (stmt, PQ.P580, Literal(pos.start.isoformat(), datatype=XSD.date) if pos.start else None),
                (stmt, PQ.P582, Literal(pos.end.isoformat(), datatype=XSD.date) if pos.end else None),
                (stmt, DCTERMS.source, URIRef(pos.source) if pos.source.startswith(("http://", "https://"))
                 else URIRef(f"{self.base}id/kb/{pos.source}")))))
        if len(_POSITIONS) >= 4096:
            _POSITIONS.clear()
        _POSITIONS[key] = found
        return found

    def mentioned_or_described(self, e: Entity) -> URIRef:
        """The IRI of a record the graph refers to; described here (type, label, links) when the article is silent
        about it, so that every resource in the graph has a label."""
        r = self.iri(e)
        if e.id not in self.described:
            self.described.add(e.id)
            self.add(r, RDF.type, _CLASS.get(e.type, NKG.Organization))
            self.add(r, RDFS.label, Literal(e.label))
            self.add(r, SKOS.prefLabel, Literal(e.label))
            for iri in sorted(e.links.values()):
                self.add(r, SKOS.exactMatch, URIRef(iri))
                self.add(r, SCHEMA.sameAs, URIRef(iri))
            self.source_of(r, e)
        return r

    def post(self, post: Entity, post_iri: URIRef, org: Entity | None) -> None:
        if str(post_iri) not in self.posts_in_article:
            self.add(post_iri, RDF.type, NKG.Post)
            self.add(post_iri, RDFS.label, Literal(post.label))
            self.add(post_iri, NKG.postTitle, Literal(post.title))
            if org is not None:
                self.add(post_iri, NKG.ofOrganization, self.mentioned_or_described(org))
        self.add(post_iri, SKOS.prefLabel, Literal(post.label))
        for iri in sorted(post.links.values()):  # posts are linked here only: the article graph does not link posts
            self.add(post_iri, SKOS.exactMatch, URIRef(iri))
        self.source_of(post_iri, post)

    def provenance(self) -> None:
        """Say what this graph is: facts imported from the bundled knowledge base, not read in the article."""
        graph = URIRef(enrichment_graph_iri(self.base, self.i.article_id))
        kb = kb_iri(self.base)
        self.add(graph, RDF.type, PROV.Entity)
        self.add(graph, RDFS.label, Literal(f"Knowledge-base facts about the entities of article {self.i.article_id}"))
        self.add(graph, RDFS.comment, Literal(
            "Imported, not stated in the article: labels, countries and posts held (with dates) of the entities the "
            "article's actors and places are linked to, from the knowledge base bundled with newskg."))
        self.add(graph, PROV.wasDerivedFrom, kb)
        self.add(graph, SCHEMA.about, self.i.article)
        self.add(kb, RDF.type, PROV.Entity)
        self.add(kb, RDFS.label, Literal("newskg bundled knowledge base"))
        for s in sorted(self.sources):
            src = self.kb.get(s)
            r = URIRef(f"{self.base}id/kb/{s}")
            self.add(kb, DCTERMS.source, r)
            self.add(r, RDF.type, PROV.Entity)
            if src is not None:
                self.add(r, RDFS.label, Literal(src.label))
                self.add(r, RDFS.comment, Literal(src.note) if src.note else None)
                self.add(r, SCHEMA.url, URIRef(src.url) if src.url else None)
