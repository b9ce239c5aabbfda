"""Map an article and its extraction to RDF: deterministic IRIs, ontology terms, spans, provenance.

IRIs are minted under a base IRI (``--base-iri``, default ``http://localhost:8000/``) as slash URIs
``{base}id/{kind}/{slug}`` that the server answers with 303 to ``{base}doc/…`` (see README, "IRIs"). Actors,
places and posts are global, so the same person in two articles is one resource; statements, events, mentions and
unnamed groups live under their article. No blank nodes: two builds of the same input give the same triples.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import gazetteer
from kg.pipeline.article_index import license_iri
from kg.pipeline.ingest import slugify
from kg.model import Actor, Article, Extraction, Span
from kg.vocab import ET, NKG, CachedNamespace, cameo, event_class

SCHEMA = CachedNamespace("http://schema.org/")
NIF = CachedNamespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TIME = CachedNamespace("http://www.w3.org/2006/time#")
ORG = CachedNamespace("http://www.w3.org/ns/org#")
WD = CachedNamespace("http://www.wikidata.org/entity/")
DEFAULT_BASE = "http://localhost:8000/"

PREFIXES = {"nkg": NKG, "et": ET, "schema": SCHEMA, "nif": NIF, "time": TIME, "prov": PROV, "skos": SKOS,
            "dcterms": DCTERMS, "org": ORG, "wd": WD, "xsd": XSD, "rdfs": RDFS}

_KIND_CLASS = {"person": NKG.Person, "organization": NKG.Organization, "government": NKG.GovernmentOrganization,
               "country": NKG.Country, "group": NKG.Group}
_QUOTE_TYPE = {"direct": NKG.Direct, "indirect": NKG.Indirect, "mixed": NKG.Mixed}
_MODALITY = {m: NKG[m.capitalize()] for m in ("actual", "scheduled", "planned", "hypothetical", "alleged",
                                               "negated", "ongoing")}
# the terms of every mention, made once (each namespace attribute access builds a new URIRef)
_TYPE, _MENTION, _CONTEXT, _KIND = RDF.type, NKG.Mention, NIF.referenceContext, NKG.mentionKind
_BEGIN, _END, _ANCHOR, _INTEGER = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, XSD.integer
_ROLE = {"agent": NKG.AgentRole, "target": NKG.TargetRole, "participant": NKG.PartyRole,
         "visitor": NKG.VisitorRole, "host": NKG.HostRole, "attendee": NKG.AttendeeRole}


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
    g += to_triples(article, extraction, base_iri=base_iri)
    return g


def to_triples(article: Article, extraction: Extraction, *, base_iri: str = DEFAULT_BASE) -> list[tuple]:
    """The triples of :func:`to_rdf`, without building a Graph (``kg build`` checks and writes them as they are)."""
    m = _Mapper(article, extraction, Iris(base_iri, article.id))
    m.run()
    return list(m.triples)


class _Mapper:
    def __init__(self, article: Article, x: Extraction, iris: Iris) -> None:
        self.a, self.x, self.i = article, x, iris
        self.triples: dict[tuple, None] = {}  # an ordered set: the same triple may be reached twice
        self.ctx = iris.local("text")
        self.mentions: set[URIRef] = set()
        self.labels = {a.key: a.label for a in x.actors}
        self.place_labels = {p.key: p.label for p in x.places}
        self._sentences: list[tuple[int, int]] | None = None

    def add(self, s: URIRef, p: URIRef, o) -> None:  # noqa: ANN001
        if o is not None:
            self.triples[(s, p, o)] = None

    def mention(self, span: Span, kind: str) -> URIRef:
        m = self.i.span(span)
        if m not in self.mentions:
            self.mentions.add(m)
            t = self.triples
            t[(m, _TYPE, _MENTION)] = t[(m, _CONTEXT, self.ctx)] = None
            t[(m, _BEGIN, Literal(span.begin, datatype=_INTEGER))] = None
            t[(m, _END, Literal(span.end, datatype=_INTEGER))] = None
            t[(m, _ANCHOR, Literal(span.text))] = t[(m, _KIND, Literal(kind))] = None
        return m

    def run(self) -> None:
        self.article()
        for actor in self.x.actors:
            self.actor(actor)
        for place in self.x.places:
            p = self.i._id(f"place/{place.key.partition('/')[2]}")
            self.add(p, RDF.type, NKG.Place)
            self.add(p, RDFS.label, Literal(place.label))
            self.add(self.i.article, SCHEMA.mentions, p)
            self._links(p, place.links)
            for mn in place.mentions:
                self.add(p, NKG.denotedBy, self.mention(mn.span, mn.kind))
        for n, h in enumerate(self.x.holdings, 1):
            self.holding(n, h)
        for d in self.x.documents:
            doc = self.i.local(d.key)
            self.add(doc, RDF.type, NKG.Document)
            self.add(doc, RDFS.label, Literal(d.label))
            self.add(doc, NKG.denotedBy, self.mention(d.mention, "name"))
            if d.publisher:
                self.add(doc, SCHEMA.publisher, self.i.actor(d.publisher))
        for t in self.x.times:
            self.time(t)
        for e in self.x.events:
            self.event(e)
        for s in self.x.statements:
            self.statement(s)

    def article(self) -> None:
        a, art = self.a, self.i.article
        self.add(art, RDF.type, NKG.Article)
        head = a.headline
        self.add(art, SCHEMA.headline, Literal(head.text) if head else None)
        self.add(art, RDFS.label, Literal(head.text if head else a.id))
        stand = next((b.span for b in a.blocks if b.kind == "standfirst"), None)
        self.add(art, SCHEMA.alternativeHeadline, Literal(stand.text) if stand else None)
        self.add(art, NKG.text, self.ctx)
        self.add(art, NKG.articleGraph, self.i.graph)
        self.add(art, NKG.sha256, Literal(a.checksum))
        self.add(art, SCHEMA.inLanguage, Literal(a.meta.language))
        if a.meta.date:
            self.add(art, SCHEMA.datePublished, Literal(a.meta.date.isoformat(), datatype=XSD.date))
            self.add(art, NKG.dateInferred, Literal(a.meta.date_inferred))
            self.add(art, NKG.dateNote, Literal(a.meta.date_note) if a.meta.date_note else None)
        elif self.x.not_before:
            self.add(art, NKG.notBefore, Literal(self.x.not_before.isoformat(), datatype=XSD.date))
            self.add(art, NKG.dateInferred, Literal(True))
            self.add(art, NKG.dateNote, Literal("Undated: written no earlier than the latest full date it names; "
                                                "relative expressions are left unresolved."))
        if a.meta.source_url:
            self.add(art, SCHEMA.isBasedOn, URIRef(a.meta.source_url))
        if a.meta.license:
            iri = license_iri(a.meta.license)
            self.add(art, SCHEMA.license, URIRef(iri) if iri else Literal(a.meta.license))
        if a.meta.publisher:
            pub = self.i._id(f"organization/{slugify(a.meta.publisher)}")
            self.add(art, SCHEMA.publisher, pub)
            self.add(pub, RDF.type, NKG.Organization)
            self.add(pub, RDFS.label, Literal(a.meta.publisher))
        footer = next((b.span.begin for b in a.blocks if b.kind == "footer"), None)
        if footer is not None:
            self.add(art, NKG.footerBegin, Literal(footer, datatype=XSD.integer))
        self.add(self.ctx, RDF.type, NIF.Context)
        self.add(self.ctx, NIF.isString, Literal(a.text))
        self.add(self.ctx, NIF.beginIndex, Literal(0, datatype=XSD.integer))
        self.add(self.ctx, NIF.endIndex, Literal(len(a.text), datatype=XSD.integer))

    def actor(self, actor: Actor) -> None:
        r = self.i.actor(actor.key)
        self.add(r, RDF.type, _KIND_CLASS[actor.kind])
        self.add(r, RDFS.label, Literal(actor.label))
        self.add(r, SCHEMA.name, Literal(actor.label))
        self.add(self.i.article, SCHEMA.mentions, r)
        if actor.country and actor.country != actor.key:
            self.add(r, NKG.country, self.i.actor(actor.country))
        if actor.kind == "country":
            c = gazetteer.country(actor.label)
            self.add(r, NKG.cameoActorCode, Literal(c.iso3) if c else None)
        self._links(r, actor.links)
        for mn in actor.mentions:
            self.add(r, NKG.denotedBy, self.mention(mn.span, mn.kind))

    def _links(self, r: URIRef, links: dict[str, str]) -> None:
        for target in sorted(links.values()):
            self.add(r, SKOS.exactMatch, URIRef(target))
            self.add(r, SCHEMA.sameAs, URIRef(target))

    def holding(self, n: int, h) -> None:  # noqa: ANN001
        r = self.i.local(f"holding/{n}")
        post = self.i.post(h.post, h.organization)
        org = next((a for a in self.x.actors if a.key == h.organization), None)
        post_label = f"{h.post} of {org.label}" if org else h.post
        when = f" ({h.valid_at.isoformat()})" if h.valid_at else ""
        self.add(r, RDF.type, NKG.PositionHolding)
        self.add(r, RDFS.label, Literal(f"{post_label}{when}"))  # "Foreign Minister of China (2022-01-27)"
        self.add(r, NKG.holder, self.i.actor(h.holder))
        self.add(r, NKG.post, post)
        self.add(r, NKG.roleLabel, Literal(h.surface.text))
        self.add(r, NKG.evidence, self.mention(h.surface, "role"))
        self.add(r, NKG.extractedFrom, self.i.article)
        if h.valid_at:
            self.add(r, NKG.validAt, Literal(h.valid_at.isoformat(), datatype=XSD.date))
        self.add(post, RDF.type, NKG.Post)
        self.add(post, NKG.postTitle, Literal(h.post))
        self.add(post, RDFS.label, Literal(post_label))
        if h.organization:
            self.add(post, NKG.ofOrganization, self.i.actor(h.organization))

    def time(self, t) -> None:  # noqa: ANN001
        r = self.i.local(f"time/{t.key[1:]}")
        self.add(r, RDF.type, NKG.TimeExpression)
        self.add(r, RDFS.label, Literal(t.span.text))
        self.add(r, NKG.denotedBy, self.mention(t.span, "time"))
        self.add(r, NKG.extractedFrom, self.i.article)
        if t.value:
            self.add(r, NKG.timexValue, Literal(t.value))
            if len(t.value) == 10:
                self.add(r, TIME.inXSDDate, Literal(t.value, datatype=XSD.date))
        if t.anchor:
            self.add(r, NKG.anchorDate, Literal(t.anchor.isoformat(), datatype=XSD.date))

    def event(self, e) -> None:  # noqa: ANN001
        r = self.i.local(f"event/{e.key[1:]}")
        self.add(r, RDF.type, NKG[event_class(e.type)])
        self.add(r, RDFS.label, Literal(self._event_label(e)))
        self.add(r, NKG.eventType, ET[e.type])
        code = cameo(e.type)
        self.add(r, NKG.cameoCode, Literal(code) if code else None)
        self.add(r, NKG.modality, _MODALITY[e.modality])
        self.add(r, NKG.extractedFrom, self.i.article)
        for span in e.mentions:
            self.add(r, NKG.denotedBy, self.mention(span, "trigger"))
        for k, p in enumerate(e.participants, 1):
            pr = URIRef(f"{r}/participation/{k}")
            actor = self.i.actor(p.actor)
            self.add(r, NKG.hasParticipation, pr)
            self.add(r, NKG.hasParticipant, actor)
            self.add(pr, RDF.type, NKG.Participation)
            who = self.labels.get(p.actor, p.actor.partition("/")[2])
            self.add(pr, RDFS.label, Literal(f"{who} — {p.role if p.role in _ROLE else 'participant'}"))
            self.add(pr, NKG.participant, actor)
            self.add(pr, NKG.participantRole, _ROLE.get(p.role, NKG.PartyRole))
            if p.span is not None:
                self.add(pr, NKG.evidence, self.mention(p.span, "name"))
        if e.time:
            self.add(r, NKG.time, self.i.local(f"time/{e.time[1:]}"))
        if e.place:
            self.add(r, NKG.place, self.i._id(f"place/{e.place.partition('/')[2]}"))
        if e.parent:
            self.add(r, NKG.subEventOf, self.i.local(f"event/{e.parent[1:]}"))
        for b in e.before:
            self.add(r, NKG.before, self.i.local(f"event/{b[1:]}"))
        for k, c in enumerate(e.causes, 1):
            link = URIRef(f"{r}/cause/{k}")
            cause = next((x for x in self.x.events if x.key == c), None)
            because = f" because of {self._event_label(cause)}" if cause is not None else ""
            self.add(link, RDF.type, NKG.CausalLink)
            self.add(link, RDFS.label, Literal(f"{self._event_label(e)}{because}"))
            self.add(link, NKG.effect, r)
            self.add(link, NKG.cause, self.i.local(f"event/{c[1:]}"))
            if e.cause_claimed_by:
                self.add(link, NKG.accordingTo, self.i.actor(e.cause_claimed_by))
            if e.cause_statement:
                self.add(link, NKG.statedIn, self.i.local(f"statement/{e.cause_statement[1:]}"))

    def whole_sentences(self, span: Span) -> Span:
        """The span widened to the whole sentences it touches (kg.pipeline.sentences), as every page shows evidence."""
        from kg.pipeline.sentences import around, sentences

        if self._sentences is None:
            self._sentences = sentences(self.a.text)
        b, e = around(self.a.text, span.begin, span.end, self._sentences)
        return span if (b, e) == (span.begin, span.end) else Span(b, e, self.a.text[b:e])

    def _event_label(self, e) -> str:  # noqa: ANN001
        """A readable label: a named event's name, else its type with who takes part and where ("visit — Ivan
        Kovalenko, Madrid"); the words of the text stay on its mentions."""
        from kg.vocab import event_types

        if e.label and e.label[:1].isupper() and e.type not in ("event",):
            return e.label  # a named event: "World Cup", "Geneva Conference"
        name = event_types().get(e.type, (None, "", e.type))[2] or e.label
        labels = self.labels
        who = [labels[p.actor] for p in e.participants if p.actor in labels][:3]
        where = self.place_labels.get(e.place) if e.place else None
        parts = ", ".join(who + ([where] if where else []))
        return f"{name} — {parts}" if parts else name

    def statement(self, s) -> None:  # noqa: ANN001
        from kg.lexicon import reporting_verbs

        r = self.i.local(f"statement/{s.key[1:]}")
        self.add(r, RDF.type, NKG.Statement)
        if s.quote_type == "direct":
            self.add(r, RDF.type, NKG.DirectQuotation)
        self.add(r, NKG.quoteType, _QUOTE_TYPE[s.quote_type])
        self.add(r, NKG.content, Literal(s.quote))
        who = self.labels.get(s.speaker, "unknown source") if s.speaker else "unknown source"
        self.add(r, RDFS.label, Literal(f"{who}: {_short(s.quote)}"))
        self.add(r, NKG.extractedFrom, self.i.article)
        for span in s.content:
            self.add(r, NKG.contentMention, self.mention(span, "content"))
        if s.speaker:
            self.add(r, NKG.speaker, self.i.actor(s.speaker))
        if s.speaker_mention:
            self.add(r, NKG.speakerMention, self.mention(s.speaker_mention, "speaker"))
        if s.addressee:
            self.add(r, NKG.addressee, self.i.actor(s.addressee))
        if s.addressee_mention:
            self.add(r, NKG.addresseeMention, self.mention(s.addressee_mention, "addressee"))
        if s.cue:
            self.add(r, NKG.cue, Literal(s.cue.text))
            self.add(r, NKG.cueMention, self.mention(s.cue, "cue"))
        if s.cue_lemma:
            self.add(r, NKG.cueLemma, Literal(s.cue_lemma))
            verb = reporting_verbs().get(s.cue_lemma)
            self.add(r, NKG.attributionKind, Literal(verb.kind) if verb else None)
        if s.reported_by:
            self.add(r, NKG.reportedBy, self.i.actor(s.reported_by))
        if s.reported_in:
            self.add(r, NKG.reportedIn, self.i.local(s.reported_in))
        if s.event:
            self.add(r, NKG.madeDuring, self.i.local(f"event/{s.event[1:]}"))
        if s.sentence:
            self.add(r, NKG.evidence, self.mention(self.whole_sentences(s.sentence), "sentence"))
        self.add(r, NKG.confidence, Literal(f"{s.confidence:.2f}", datatype=XSD.decimal))
        for other in s.same_claim:
            self.add(r, NKG.sameClaimAs, self.i.local(f"statement/{other[1:]}"))


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def provenance(article: Article, *, base_iri: str, started: dt.datetime, ended: dt.datetime,
               tool_version: str, source_name: str) -> Graph:
    """The build's PROV-O record: which tool version read which input (by checksum), when."""
    i = Iris(base_iri, article.id)
    g = new_graph()
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
    return g
