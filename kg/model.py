"""The intermediate model: what extraction finds in one article, before it becomes RDF.

Every fact carries the character spans it came from. Offsets are Unicode code points, 0-based and end-exclusive,
over ``Article.text`` exactly as stored, so ``article.text[span.begin:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["headline", "standfirst", "heading", "paragraph", "footer"]
ActorKind = Literal["person", "organization", "government", "country", "group"]
QuoteType = Literal["direct", "indirect", "mixed"]
Modality = Literal["actual", "scheduled", "planned", "hypothetical", "alleged", "negated", "ongoing"]


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text: ``text == article.text[begin:end]``."""

    begin: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.begin < 0 or self.end < self.begin:
            raise ValueError(f"bad span [{self.begin}, {self.end})")
        if len(self.text) != self.end - self.begin:
            raise ValueError(f"span [{self.begin}, {self.end}) does not match its text {self.text!r}")

    def __len__(self) -> int:
        return self.end - self.begin

    def overlaps(self, other: Span) -> bool:
        return self.begin < other.end and other.begin < self.end

    def contains(self, other: Span) -> bool:
        return self.begin <= other.begin and other.end <= self.end


@dataclass(frozen=True)
class Block:
    """A blank-line separated block of the article: headline, standfirst, heading, paragraph or footer."""

    kind: BlockKind
    span: Span


@dataclass
class ArticleMeta:
    """What is known about the article besides its text (from a sidecar file or the command line)."""

    date: dt.date | None = None
    date_inferred: bool = False
    date_note: str | None = None
    publisher: str | None = None
    source_url: str | None = None
    language: str = "en"
    title: str | None = None
    license: str | None = None  # as the metadata names it ("CC BY 2.5 (Wikinews)", an IRI)


@dataclass
class Article:
    """One news article as ingested: the stored text and its blocks."""

    id: str
    text: str
    blocks: list[Block]
    meta: ArticleMeta
    checksum: str  # sha256 of the stored text, UTF-8

    @property
    def headline(self) -> Span | None:
        return next((b.span for b in self.blocks if b.kind == "headline"), None)

    @property
    def content_blocks(self) -> list[Block]:
        """The blocks extraction reads: everything but a scraped footer."""
        return [b for b in self.blocks if b.kind != "footer"]

    def span(self, begin: int, end: int) -> Span:
        return Span(begin, end, self.text[begin:end])


@dataclass
class Mention:
    """One place where an actor is referred to; ``kind`` says how (name, surname, title, pronoun, role, ...)."""

    span: Span
    kind: str = "name"


@dataclass
class Actor:
    """A real-world agent, one per article: every mention of it sits in ``mentions``."""

    key: str  # stable within the article; cross-article identity comes from the name and kind (see kg.iri)
    label: str
    kind: ActorKind
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # key of the actor's country, where the text says it
    links: dict[str, str] = field(default_factory=dict)  # target ("wikidata", "dbpedia", "geonames") -> IRI
    link_confidence: float | None = None
    described_as: str | None = None  # a noun the text puts beside the name ("news agency", "supermarket")


@dataclass
class Place:
    """A location named in the article (Madrid, Andalusia); not an agent."""

    key: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    link_confidence: float | None = None


@dataclass
class PositionHolding:
    """``holder`` holds ``post`` (of ``organization``) at the article's date, as written at ``surface``."""

    holder: str  # actor key
    post: str  # post label, normalised ("Foreign Minister")
    organization: str | None  # actor key of the country or body the post belongs to
    surface: Span
    valid_at: dt.date | None = None


@dataclass
class Document:
    """A text through which statements reached the article: a readout, a statement, a letter."""

    key: str
    label: str
    mention: Span
    publisher: str | None = None  # actor key


@dataclass
class TimeExpression:
    """A temporal expression with its normalised TIMEX3-style value (``2022-01-27``, ``2022-W05``), when resolvable."""

    key: str
    span: Span
    value: str | None  # None when it cannot be resolved (no article date, or too vague)
    anchor: dt.date | None  # the date it was resolved against, if relative
    granularity: str | None = None  # day, week, month, year, ...


@dataclass
class Participation:
    actor: str  # actor key
    role: str  # participant, agent, target, visitor, host, attendee, ...
    span: Span | None = None


@dataclass
class Event:
    """Something that happens (or is scheduled, alleged, hypothetical), with all its mentions in the article."""

    key: str
    label: str
    type: str  # event type concept key (see ontology/event-types.ttl)
    mentions: list[Span] = field(default_factory=list)
    participants: list[Participation] = field(default_factory=list)
    time: str | None = None  # TimeExpression key
    place: str | None = None  # Place key
    modality: Modality = "actual"
    parent: str | None = None  # key of the event this is a part of
    causes: list[str] = field(default_factory=list)  # keys of events given as causes
    cause_claimed_by: str | None = None  # actor key of whoever states the cause
    cause_statement: str | None = None  # key of the statement that states it
    before: list[str] = field(default_factory=list)  # keys of events this one ends before (by resolved times)


@dataclass
class Statement:
    """Something attributed to a speaker (PARC source / cue / content), with its addressee and reporting chain."""

    key: str
    content: list[Span]  # one or more spans: a quote split by "he said" keeps both halves
    quote_type: QuoteType
    speaker: str | None = None  # actor key
    speaker_mention: Span | None = None
    addressee: str | None = None
    addressee_mention: Span | None = None
    cue: Span | None = None
    cue_lemma: str | None = None
    reported_by: str | None = None  # actor key of an intermediary ("the State Department quoted him")
    reported_in: str | None = None  # document key
    event: str | None = None  # event key the statement was made in
    sentence: Span | None = None  # the sentence(s) it was read from: evidence
    same_claim: list[str] = field(default_factory=list)  # keys of statements making the same claim
    evidence: str = "cue"  # how the speaker was found: cue (named subject), role, pronoun, continuation, headline …
    confidence: float = 0.0  # 0–1, from ``evidence`` (kg.extraction.confidence)

    @property
    def begin(self) -> int:
        return min(s.begin for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)

    @property
    def quote(self) -> str:
        """What was said, as it stands in the article (parts joined by an ellipsis-free space)."""
        return " … ".join(s.text for s in self.content) if len(self.content) > 1 else self.content[0].text


@dataclass
class Extraction:
    """Everything extraction found in one article."""

    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    holdings: list[PositionHolding] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    not_before: dt.date | None = None  # for an undated article: the latest date it names (it was written after)

    def actor(self, key: str | None) -> Actor | None:
        return next((a for a in self.actors if a.key == key), None) if key else None

    def event(self, key: str | None) -> Event | None:
        return next((e for e in self.events if e.key == key), None) if key else None
