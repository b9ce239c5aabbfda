"""The discourse history pronouns are resolved over: each actor mentioned, with its role in its clause (subject,
object, oblique, possessive), the verb of that clause, and whether it speaks, is named inside a quotation or inside
what somebody is reported to have said, or is a place where things are.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.glued import according_source, reported_clause, viewpoint
from kg.model import Span


@dataclass
class Seen:
    """An actor mentioned at a point of the discourse: the pronouns after it weigh it by its role and recency."""

    key: str
    offset: int
    subject: bool
    sentence: int
    role: str = "other"  # subject, object, oblique, possessive or other
    quoted: bool = False  # named inside a quotation: the topic of what was said, not a narrated participant
    verb: int = -1  # the article offset of the verb governing it (clause-mates bind objects: "X told him")
    speaker: bool = False  # the subject of a reporting verb
    reported: bool = False  # named inside what somebody is reported to have said ("X told reporters that Y …")
    place: bool = False  # named where things are ("developers in the UK"): a country there is a place, no agent


def mention_root(tok: Token, span: Span, parsed, pb) -> Token:  # noqa: ANN001
    """The syntactic head of the mention starting at ``tok``, climbing compounds and appositions."""
    toks = [t for _, t in parsed.tokens_starting_in(parsed.tok_begin(pb, tok), span.end)]  # no doc[i:] (slow)
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), tok)
    while root.dep_ in ("compound", "flat", "appos") and root.head.i != root.i:
        root = root.head
    return root


def role_of(root: Token) -> str:
    dep = root.dep_
    if dep in ("nsubj", "nsubjpass"):
        return "subject"
    if dep in ("dobj", "dative", "attr", "oprd"):
        return "object"
    if dep == "pobj" or dep == "agent":
        return "oblique"
    if dep == "poss":
        return "possessive"
    return "other"


def verb_at(pb, tok: Token) -> int:  # noqa: ANN001
    """The article offset of the verb of the clause a subject, object or oblique stands in (-1 if none): "abusive
    to her" is in the clause of "had been"."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("prep", "pobj", "acomp", "attr", "oprd", "dobj",
                                                             "advmod", "npadvmod", "amod") and head.head.i != head.i:
        head = head.head
    return pb.offset + head.idx if head.pos_ in ("VERB", "AUX") else -1


def reports(subject: Token) -> bool:
    return subject.dep_ == "nsubj" and subject.head.lemma_.lower() in lexicon.reporting_verbs()


def seen_at(key: str, off: int, tok: Token, span: Span, parsed, pb, sent_no: int, quoted: bool) -> Seen:  # noqa: ANN001
    root = mention_root(tok, span, parsed, pb)
    role = role_of(root)
    if quoted:
        return Seen(key, off, False, sent_no, role, quoted=True)
    source = according_source(root)
    if viewpoint(root) or source is not None and source.i == root.i:
        # "For Jo Roe, a teacher, the plan was a mistake.", "According to analyst Jo Roe, …": Roe's view, Roe in
        # focus as a speaker
        return Seen(key, off, True, sent_no, "subject", verb=verb_at(pb, root), speaker=True)
    return Seen(key, off, role == "subject", sent_no, role, verb=verb_at(pb, root),
                 speaker=role == "subject" and reports(root),
                 reported=reported_clause(root) is not None or source is not None,
                 place=root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE)


_LOCATIVE = {"in", "at", "across", "throughout", "within", "around", "inside", "outside"}
