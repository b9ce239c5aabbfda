"""The mapping of one article and its extraction to triples of N-Triples terms (kg.pipeline.rdf.ntriples), in the order written.

:func:`kg.pipeline.rdf.mapping.to_triples` returns them as they are (``kg build`` checks them against the shapes and writes them as
text); :func:`kg.pipeline.rdf.mapping.to_rdf` reads them into an rdflib Graph. The IRIs are those of :class:`kg.pipeline.rdf.mapping.Iris`, written
out as text here, without an rdflib term per use.
"""

from __future__ import annotations

from rdflib import namespace

from kg import gazetteer, vocab
from kg.pipeline.article_index import license_iri
from kg.pipeline.ingest import slugify
from kg.model import Actor, Article, Extraction, Span
from kg.pipeline.rdf.ntriples import Terms, iri, literal, typed

# the namespaces of kg.vocab (and rdflib's), as N-Triples terms
NKG, ET, SCHEMA, NIF, TIME = (Terms(ns) for ns in (vocab.NKG, vocab.ET, vocab.SCHEMA, vocab.NIF, vocab.TIME))
RDF, RDFS, XSD, SKOS = (Terms(ns) for ns in (namespace.RDF, namespace.RDFS, namespace.XSD, namespace.SKOS))

_KIND_CLASS = {"person": NKG.Person, "organization": NKG.Organization, "government": NKG.GovernmentOrganization,
               "country": NKG.Country, "group": NKG.Group}
_QUOTE_TYPE = {"direct": NKG.Direct, "indirect": NKG.Indirect, "mixed": NKG.Mixed}
_MODALITY = {m: NKG[m.capitalize()] for m in ("actual", "scheduled", "planned", "hypothetical", "alleged",
                                               "negated", "ongoing")}
_ROLE = {"agent": NKG.AgentRole, "target": NKG.TargetRole, "participant": NKG.PartyRole,
         "visitor": NKG.VisitorRole, "host": NKG.HostRole, "attendee": NKG.AttendeeRole}
_TYPE, _MENTION, _CONTEXT, _KIND = RDF.type, NKG.Mention, NIF.referenceContext, NKG.mentionKind
_BEGIN, _END, _ANCHOR, _INTEGER = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, XSD.integer
_DATE, _DECIMAL, _BOOLEAN = XSD.date, XSD.decimal, XSD.boolean
_LOCAL_KINDS = {"group": "group", "anon": "person", "localorg": "organization"}


def integer(n: int) -> str:
    return f'"{n}"^^{_INTEGER}'


def date(d) -> str:  # noqa: ANN001 - a datetime.date
    return f'"{d.isoformat()}"^^{_DATE}'


class Mapper:
    """Triples of one article, as an ordered set (the same triple may be reached twice)."""

    def __init__(self, article: Article, x: Extraction, base: str) -> None:
        self.a, self.x = article, x
        self.base = base
        self.ids = f"{base}id/"
        self.local_prefix = f"{base}id/article/{article.id}/"
        self._iris: dict[str, str] = {}
        self.article_iri = iri(f"{base}id/article/{article.id}")
        self.triples: dict[tuple[str, str, str], None] = {}
        self.ctx = self.local("text")
        self.mentions: set[str] = set()
        self.labels = {a.key: a.label for a in x.actors}
        self.place_labels = {p.key: p.label for p in x.places}
        self._sentences: list[tuple[int, int]] | None = None

    # --- IRIs -----------------------------------------------------------------------------------------------------
    def _iri(self, value: str) -> str:
        """An IRI term, checked once per distinct IRI."""
        found = self._iris.get(value)
        if found is None:
            found = self._iris[value] = iri(value)
        return found

    def id(self, path: str) -> str:
        return self._iri(self.ids + path)

    def local(self, path: str) -> str:
        return self._iri(self.local_prefix + path)

    def actor_iri(self, key: str) -> str:
        kind, _, slug = key.partition("/")
        local = _LOCAL_KINDS.get(kind)
        if local is not None:  # unnamed collectives, people and bodies live in their article
            return self.local(f"{local}/{slug}")
        return self.id(f"{'organization' if kind == 'org' else kind}/{slug}")

    def post_iri(self, title: str, org_key: str | None) -> str:
        org = org_key.partition("/")[2] if org_key else "unknown"
        return self.id(f"post/{slugify(title)}--{org}")

    # --- triples --------------------------------------------------------------------------------------------------
    def add(self, s: str, p: str, o: str | None) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None

    def mention(self, span: Span, kind: str) -> str:
        m = self.local(f"span/{span.begin}-{span.end}")
        if m not in self.mentions:
            self.mentions.add(m)
            t = self.triples
            t[(m, _TYPE, _MENTION)] = t[(m, _CONTEXT, self.ctx)] = None
            t[(m, _BEGIN, integer(span.begin))] = None
            t[(m, _END, integer(span.end))] = None
            t[(m, _ANCHOR, literal(span.text))] = t[(m, _KIND, literal(kind))] = None
        return m

    def run(self) -> list[tuple[str, str, str]]:
        self.article()
        for actor in self.x.actors:
            self.actor(actor)
        for place in self.x.places:
            p = self.id(f"place/{place.key.partition('/')[2]}")
            self.add(p, _TYPE, NKG.Place)
            self.add(p, RDFS.label, literal(place.label))
            self.add(self.article_iri, SCHEMA.mentions, p)
            self._links(p, place.links)
            for mn in place.mentions:
                self.add(p, NKG.denotedBy, self.mention(mn.span, mn.kind))
        for n, h in enumerate(self.x.holdings, 1):
            self.holding(n, h)
        for d in self.x.documents:
            doc = self.local(d.key)
            self.add(doc, _TYPE, NKG.Document)
            self.add(doc, RDFS.label, literal(d.label))
            self.add(doc, NKG.denotedBy, self.mention(d.mention, "name"))
            if d.publisher:
                self.add(doc, SCHEMA.publisher, self.actor_iri(d.publisher))
        for t in self.x.times:
            self.time(t)
        for e in self.x.events:
            self.event(e)
        for s in self.x.statements:
            self.statement(s)
        return list(self.triples)

    def article(self) -> None:
        a, art = self.a, self.article_iri
        self.add(art, _TYPE, NKG.Article)
        head = a.headline
        self.add(art, SCHEMA.headline, literal(head.text) if head else None)
        self.add(art, RDFS.label, literal(head.text if head else a.id))
        stand = next((b.span for b in a.blocks if b.kind == "standfirst"), None)
        self.add(art, SCHEMA.alternativeHeadline, literal(stand.text) if stand else None)
        self.add(art, NKG.text, self.ctx)
        self.add(art, NKG.articleGraph, self._iri(f"{self.base}graph/article/{a.id}"))
        self.add(art, NKG.sha256, literal(a.checksum))
        self.add(art, SCHEMA.inLanguage, literal(a.meta.language))
        if a.meta.date:
            self.add(art, SCHEMA.datePublished, date(a.meta.date))
            self.add(art, NKG.dateInferred, typed("true" if a.meta.date_inferred else "false", _BOOLEAN))
            self.add(art, NKG.dateNote, literal(a.meta.date_note) if a.meta.date_note else None)
        elif self.x.not_before:
            self.add(art, NKG.notBefore, date(self.x.not_before))
            self.add(art, NKG.dateInferred, typed("true", _BOOLEAN))
            self.add(art, NKG.dateNote, literal("Undated: written no earlier than the latest full date it names; "
                                                "relative expressions are left unresolved."))
        if a.meta.source_url:
            self.add(art, SCHEMA.isBasedOn, iri(a.meta.source_url))
        if a.meta.license:
            lic = license_iri(a.meta.license)
            self.add(art, SCHEMA.license, iri(lic) if lic else literal(a.meta.license))
        if a.meta.publisher:
            pub = self.id(f"organization/{slugify(a.meta.publisher)}")
            self.add(art, SCHEMA.publisher, pub)
            self.add(pub, _TYPE, NKG.Organization)
            self.add(pub, RDFS.label, literal(a.meta.publisher))
        footer = next((b.span.begin for b in a.blocks if b.kind == "footer"), None)
        if footer is not None:
            self.add(art, NKG.footerBegin, integer(footer))
        self.add(self.ctx, _TYPE, NIF.Context)
        self.add(self.ctx, NIF.isString, literal(a.text))
        self.add(self.ctx, NIF.beginIndex, integer(0))
        self.add(self.ctx, NIF.endIndex, integer(len(a.text)))

    def actor(self, actor: Actor) -> None:
        r = self.actor_iri(actor.key)
        label = literal(actor.label)
        self.add(r, _TYPE, _KIND_CLASS[actor.kind])
        self.add(r, RDFS.label, label)
        self.add(r, SCHEMA.name, label)
        self.add(self.article_iri, SCHEMA.mentions, r)
        if actor.country and actor.country != actor.key:
            self.add(r, NKG.country, self.actor_iri(actor.country))
        if actor.kind == "country":
            c = gazetteer.country(actor.label)
            self.add(r, NKG.cameoActorCode, literal(c.iso3) if c else None)
        self._links(r, actor.links)
        denoted = NKG.denotedBy
        for mn in actor.mentions:
            self.add(r, denoted, self.mention(mn.span, mn.kind))

    def _links(self, r: str, links: dict[str, str]) -> None:
        for target in sorted(links.values()):
            t = self._iri(target)
            self.add(r, SKOS.exactMatch, t)
            self.add(r, SCHEMA.sameAs, t)

    def holding(self, n: int, h) -> None:  # noqa: ANN001
        r = self.local(f"holding/{n}")
        post = self.post_iri(h.post, h.organization)
        org = self.labels.get(h.organization) if h.organization else None
        post_label = f"{h.post} of {org}" if org is not None else h.post
        when = f" ({h.valid_at.isoformat()})" if h.valid_at else ""
        self.add(r, _TYPE, NKG.PositionHolding)
        self.add(r, RDFS.label, literal(f"{post_label}{when}"))  # "Foreign Minister of China (2022-01-27)"
        self.add(r, NKG.holder, self.actor_iri(h.holder))
        self.add(r, NKG.post, post)
        self.add(r, NKG.roleLabel, literal(h.surface.text))
        self.add(r, NKG.evidence, self.mention(h.surface, "role"))
        self.add(r, NKG.extractedFrom, self.article_iri)
        if h.valid_at:
            self.add(r, NKG.validAt, date(h.valid_at))
        self.add(post, _TYPE, NKG.Post)
        self.add(post, NKG.postTitle, literal(h.post))
        self.add(post, RDFS.label, literal(post_label))
        if h.organization:
            self.add(post, NKG.ofOrganization, self.actor_iri(h.organization))

    def time(self, t) -> None:  # noqa: ANN001
        r = self.local(f"time/{t.key[1:]}")
        self.add(r, _TYPE, NKG.TimeExpression)
        self.add(r, RDFS.label, literal(t.span.text))
        self.add(r, NKG.denotedBy, self.mention(t.span, "time"))
        self.add(r, NKG.extractedFrom, self.article_iri)
        if t.value:
            self.add(r, NKG.timexValue, literal(t.value))
            if len(t.value) == 10:
                self.add(r, TIME.inXSDDate, typed(t.value, _DATE))
        if t.anchor:
            self.add(r, NKG.anchorDate, date(t.anchor))

    def event(self, e) -> None:  # noqa: ANN001
        from kg.vocab import cameo, event_class

        r = self.local(f"event/{e.key[1:]}")
        label = self._event_label(e)
        self.add(r, _TYPE, NKG[event_class(e.type)])
        self.add(r, RDFS.label, literal(label))
        self.add(r, NKG.eventType, ET[e.type])
        code = cameo(e.type)
        self.add(r, NKG.cameoCode, literal(code) if code else None)
        self.add(r, NKG.modality, _MODALITY[e.modality])
        self.add(r, NKG.extractedFrom, self.article_iri)
        for span in e.mentions:
            self.add(r, NKG.denotedBy, self.mention(span, "trigger"))
        for k, p in enumerate(e.participants, 1):
            pr = self._iri(f"{r[1:-1]}/participation/{k}")
            actor = self.actor_iri(p.actor)
            self.add(r, NKG.hasParticipation, pr)
            self.add(r, NKG.hasParticipant, actor)
            self.add(pr, _TYPE, NKG.Participation)
            who = self.labels.get(p.actor, p.actor.partition("/")[2])
            self.add(pr, RDFS.label, literal(f"{who} — {p.role if p.role in _ROLE else 'participant'}"))
            self.add(pr, NKG.participant, actor)
            self.add(pr, NKG.participantRole, _ROLE.get(p.role, NKG.PartyRole))
            if p.span is not None:
                self.add(pr, NKG.evidence, self.mention(p.span, "name"))
        if e.time:
            self.add(r, NKG.time, self.local(f"time/{e.time[1:]}"))
        if e.place:
            self.add(r, NKG.place, self.id(f"place/{e.place.partition('/')[2]}"))
        if e.parent:
            self.add(r, NKG.subEventOf, self.local(f"event/{e.parent[1:]}"))
        for b in e.before:
            self.add(r, NKG.before, self.local(f"event/{b[1:]}"))
        for k, c in enumerate(e.causes, 1):
            link = self._iri(f"{r[1:-1]}/cause/{k}")
            cause = next((x for x in self.x.events if x.key == c), None)
            because = f" because of {self._event_label(cause)}" if cause is not None else ""
            self.add(link, _TYPE, NKG.CausalLink)
            self.add(link, RDFS.label, literal(f"{label}{because}"))
            self.add(link, NKG.effect, r)
            self.add(link, NKG.cause, self.local(f"event/{c[1:]}"))
            if e.cause_claimed_by:
                self.add(link, NKG.accordingTo, self.actor_iri(e.cause_claimed_by))
            if e.cause_statement:
                self.add(link, NKG.statedIn, self.local(f"statement/{e.cause_statement[1:]}"))

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

        r = self.local(f"statement/{s.key[1:]}")
        self.add(r, _TYPE, NKG.Statement)
        if s.quote_type == "direct":
            self.add(r, _TYPE, NKG.DirectQuotation)
        self.add(r, NKG.quoteType, _QUOTE_TYPE[s.quote_type])
        self.add(r, NKG.content, literal(s.quote))
        who = self.labels.get(s.speaker, "unknown source") if s.speaker else "unknown source"
        self.add(r, RDFS.label, literal(f"{who}: {_short(s.quote)}"))
        self.add(r, NKG.extractedFrom, self.article_iri)
        for span in s.content:
            self.add(r, NKG.contentMention, self.mention(span, "content"))
        if s.speaker:
            self.add(r, NKG.speaker, self.actor_iri(s.speaker))
        if s.speaker_mention:
            self.add(r, NKG.speakerMention, self.mention(s.speaker_mention, "speaker"))
        if s.addressee:
            self.add(r, NKG.addressee, self.actor_iri(s.addressee))
        if s.addressee_mention:
            self.add(r, NKG.addresseeMention, self.mention(s.addressee_mention, "addressee"))
        if s.cue:
            self.add(r, NKG.cue, literal(s.cue.text))
            self.add(r, NKG.cueMention, self.mention(s.cue, "cue"))
        if s.cue_lemma:
            self.add(r, NKG.cueLemma, literal(s.cue_lemma))
            verb = reporting_verbs().get(s.cue_lemma)
            self.add(r, NKG.attributionKind, literal(verb.kind) if verb else None)
        if s.reported_by:
            self.add(r, NKG.reportedBy, self.actor_iri(s.reported_by))
        if s.reported_in:
            self.add(r, NKG.reportedIn, self.local(s.reported_in))
        if s.event:
            self.add(r, NKG.madeDuring, self.local(f"event/{s.event[1:]}"))
        if s.sentence:
            self.add(r, NKG.evidence, self.mention(self.whole_sentences(s.sentence), "sentence"))
        self.add(r, NKG.confidence, typed(f"{s.confidence:.2f}", _DECIMAL))
        for other in s.same_claim:
            self.add(r, NKG.sameClaimAs, self.local(f"statement/{other[1:]}"))


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
