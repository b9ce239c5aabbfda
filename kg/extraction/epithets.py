"""Epithets: a common noun for a person the article introduced with it ("Dana Roe, a bank analyst, said …" then
"“…,” said the analyst").

Role nouns and posts ("the prosecutor", "the minister") are bound in :mod:`kg.extraction.discourse`; the plainer
nouns for one person ("analyst", "witness", "resident") are somebody new as often as not ("said a witness"), so
"the NOUN" goes to a named person only when exactly one person of the article was introduced with that noun — in
apposition to the name ("Dana Roe, a bank analyst", "the analyst, Dana Roe") — before it, and when the words of the
definite phrase are among those of the introduction ("the bank analyst", not "the senior analyst").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.discourse import _SUBORDINATE
from kg.pipeline.nlp import ParsedBlock


@dataclass(frozen=True)
class Epithet:
    """A person introduced with a person noun: where, who, and the words of the describing phrase."""

    offset: int
    key: str
    words: frozenset[str]


def _noun(tok: Token, *, introducing: bool) -> str | None:
    """The person noun ``tok`` is, or a post or role noun made another post by "former", "deputy" … ("a former
    ambassador": discourse.learn_roles leaves those out, as "the ambassador" is somebody else)."""
    lemma = tok.lemma_.lower()
    role = lemma in lexicon.role_nouns() or lemma in lexicon.post_heads()
    if tok.tag_ != "NN" or not role and lemma not in lexicon.person_nouns():
        return None
    if not role:
        return lemma
    # a post or role noun: only with its subordinate word, in the introduction and in the phrase alike
    return lemma if any(t.lower_ in _SUBORDINATE for t in tok.doc[tok.left_edge.i : tok.i]) or not introducing \
        else None


def _words(tok: Token) -> frozenset[str]:
    """The content words of the phrase the noun heads up to the noun ("a bank analyst" → bank, analyst)."""
    return frozenset(t.lower_ for t in tok.doc[tok.left_edge.i : tok.i + 1]
                     if t.dep_ not in ("det", "punct", "poss") and not t.is_punct)


def learn_epithets(index) -> dict[str, list[Epithet]]:  # noqa: ANN001 - index: ActorIndex
    """Person noun → the persons introduced with it in apposition to their name, in text order."""
    out: dict[str, list[Epithet]] = {}
    parsed = index.parsed
    for actor in index.actors.values():
        if actor.kind != "person":
            continue
        for m in actor.mentions:
            if m.kind not in ("name", "title", "surname") or (hit := parsed.token_at(m.span.begin)) is None:
                continue
            head = hit[1]
            while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i > head.i:
                head = head.head
            if head.i != hit[1].i and head.pos_ != "PROPN":
                continue  # the name modifies a common noun ("a Roe expert"): that noun is not the person
            # "Dana Roe, a bank analyst" and "The analyst, Dana Roe"
            described = [c for c in head.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                described.append(head.head)
            for c in described:
                if (noun := _noun(c, introducing=True)) is not None:
                    out.setdefault(noun, []).append(Epithet(m.span.begin, actor.key, _words(c)))
    for entries in out.values():
        entries.sort(key=lambda e: e.offset)
    return out


def bind_epithet(coref, pb: ParsedBlock, tok: Token, start: int, end: int) -> str | None:  # noqa: ANN001
    """The person "the NOUN" (``tok`` its head, ``start``:``end`` its phrase) stands for, or None."""
    epithets = getattr(coref.roles, "epithets", None) or {}
    noun = _noun(tok, introducing=False)
    if noun is None or pb.doc[start].lower_ != "the" or noun not in epithets:
        return None
    entries = epithets[noun]
    if len({e.key for e in entries}) != 1:
        return None  # two persons introduced as analysts: "the analyst" could be either
    at = pb.offset + pb.doc[start].idx
    if any(k.startswith("anon/") and noun in a.label.lower().split() and any(m.span.begin < at for m in a.mentions)
           for k, a in coref.index.actors.items()):
        return None  # "an analyst at the bank said": an unnamed one described with the noun too
    words = {t.lower_ for t in pb.doc[start + 1 : tok.i + 1]}
    # "the analyst" and "the bank analyst" for "a bank analyst"; "the former envoy" only for "a former envoy"
    if any(e.offset < at and words <= e.words and e.words & _SUBORDINATE <= words for e in entries):
        return entries[0].key
    return None
