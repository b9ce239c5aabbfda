"""A reporting cue found in a sentence (:mod:`kg.extraction.cues` finds them): the verb or phrase, its speaker,
addressee and what was said, as tokens, before they are resolved to actors and spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan, Token

from kg.pipeline.nlp import ParsedBlock


@dataclass
class Cue:
    """One reporting cue in a sentence, before its speaker and content are resolved to actors and spans."""

    pb: ParsedBlock
    sent: SpacySpan
    verb: Token
    tokens: list[Token]  # the cue phrase ("quoted", "him"?, no: "quoted … as saying" = [quoted, as, saying])
    lemma: str
    kind: str
    speaker: Token | None = None
    addressee: Token | None = None
    reporter: Token | None = None  # "the Trade Ministry quoted him as saying": the Trade Ministry
    complements: list[Token] = field(default_factory=list)  # heads of what was said
    according: Token | None = None  # the "according" token, for "according to X"
    limit: int | None = None  # no content at or after this token ("her claim that X | surprised lawyers")
    topics: set[int] = field(default_factory=set)  # complements that are a topic phrase ("concerned about X")

    @property
    def first(self) -> int:
        return min(t.i for t in self.tokens)

    @property
    def last(self) -> int:
        return max(t.i for t in self.tokens)
