"""Names that stand for something other than what the recogniser's tag says, read from their place in the sentence.

- A nationality standing alone as a subject ("said the American", "the Briton added", "the Dutchman") is a person
  of that nation — the person in focus, never one the article ties to another country — not the country; a
  country's own name, alias or abbreviation ("the US said") stays the country (:func:`national_person`).
- A capitalised plural right after a city's name ("the Denver Foxes", "the New Haven Owls") is a club,
  an organisation, not a group of people; never a people ("Labour MPs", "Bosnian Serbs") nor an event ("the
  Beijing Olympics") (:func:`city_club`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.model import Span
from kg.pipeline.ingest import slugify
from kg.pipeline.nlp import ParsedBlock

if TYPE_CHECKING:
    from kg.extraction.actors import ActorIndex
    from kg.extraction.coref import Coref


def national_person(coref: Coref, pb: ParsedBlock, tok: Token, off: int) -> tuple[str, Span] | None:
    """The person a "the <nationality>" subject stands for, or None."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ == "ORG" or not tok.text[:1].isupper() or \
            tok.tag_ in ("NNS", "NNPS") or [c.lower_ for c in tok.children] != ["the"] or coref.in_quote(off):
        return None  # ("The Australian reported": a newspaper's name; "the American team": not a person)
    if tok.text.isupper() or "." in tok.text or tok.text in lexicon.country_aliases():
        return None  # "the US said", "the U.K. announced": the country
    word = lexicon.demonyms().get(tok.text) or lexicon.national_nouns().get(tok.text)
    nation = gazetteer.country(word) if word else None  # (a demonym, never a country's name: "the UK said")
    if nation is None:
        return None
    from kg.extraction.discourse import persons_abroad, salient_person

    index = coref.index
    key = salient_person(coref, off, exclude=persons_abroad(coref, nation.name))
    if key is None:
        return None
    span = index.parsed.span_of(pb, pb.doc[tok.i - 1 : tok.i + 1])
    index.add_actor(key, index.actors[key].label, "person", span, "role")
    return key, span


def city_club(index: ActorIndex, pb: ParsedBlock, tok: Token, label: str, span: Span) -> tuple[str, Span] | None:
    """The club a capitalised plural after a city's name names, added as an organisation; None for anything else."""
    if not tok.text[:1].isupper() or tok.is_sent_start or tok.ent_type_ == "NORP" or not _city_before(pb, tok) or \
            any(t.words == (tok.lower_,) for t in lexicon.triggers_by_first_word().get(tok.lower_, ())):
        return None
    return index.add_actor("org/" + slugify(label), label, "organization", span), span


def _city_before(pb: ParsedBlock, tok: Token) -> bool:
    """Whether the name words right before a noun are a place's: tagged as one, or a city's name."""
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names or names[-1].i != tok.i - 1:
        return False
    return any(c.ent_type_ == "GPE" for c in names) or gazetteer.city(pb.doc[names[0].i : tok.i].text) is not None
