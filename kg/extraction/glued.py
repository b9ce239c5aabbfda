"""The subject of a reported clause, also where "that" is left out and the parse hangs that subject on the verb of
telling as its object ("Ali Sorel told Radio Nord Omar Haddad had run the drive until he left"): the one
told is the outlet, the person named after it is the clause's subject and what "he" of the clause refers to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import lexicon
from kg.model import Span

if TYPE_CHECKING:
    from kg.extraction.coref import Coref
    from kg.pipeline.nlp import ParsedBlock

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def glued_subject(verb: Token) -> tuple[Token, Token] | None:
    """(object, clause) of "told <name> <clause without a subject>": the clause starts right after the object of a
    verb of telling and has no subject of its own, so the object is that subject; None otherwise."""
    if verb.lemma_.lower() != "tell":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "PROPN":
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == obj.i + 1), None)
    if clause is None or any(c.dep_ in _SUBJECTS for c in clause.children) or \
            any(g.dep_ in _SUBJECTS for c in clause.children if c.dep_ in ("aux", "auxpass") for g in c.children):
        return None
    return obj, clause


def reported_clause(tok: Token) -> Token | None:
    """The head of the clause a reporting verb reports that ``tok`` stands in ("… told reporters that Tanabe
    had …"), or None."""
    verbs = lexicon.reporting_verbs()
    node = tok
    while node.head.i != node.i and not (node.dep_ == "ccomp" and node.head.lemma_.lower() in verbs):
        node = node.head
    return None if node.head.i == node.i else node


def clause_subject(tok: Token) -> tuple[Token, Token] | None:
    """(subject, verb) of the reported clause ``tok`` stands in after its subject: "X said Y left because he …",
    "X told Radio Nord Y had left since he …" (see :func:`glued_subject`); None where there is none."""
    node = reported_clause(tok)
    if node is None:
        return None
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    if subject is None:
        glued = glued_subject(node.head)
        subject = glued[0] if glued is not None and glued[1].i == node.i else None
    if subject is None or subject.i == tok.i or subject.pos_ != "PROPN":
        return None
    return subject, node


def regrouped(coref: Coref, pb: ParsedBlock, verb: Token, addressee: Token | None,
              contents: list[Span]) -> tuple[tuple[str, Span], list[Span]] | None:
    """For "told Radio Nord Omar Haddad had …" whose names were split (the outlet and the person): the outlet as the
    addressee, and the content starting at the person's name (the parse makes the glued phrase the verb's object, or
    the reported clause's subject); None where the sentence is not of that form."""
    glued = glued_subject(verb)
    if glued is not None and addressee is not None and addressee.i == glued[0].i:
        phrase = glued[0]
    elif verb.lemma_.lower() == "tell" and addressee is None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        phrase = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause else None
        if phrase is None or phrase.left_edge.i != verb.i + 1:
            return None
    else:
        return None
    index = coref.index
    person = index.mention_of_token(pb, phrase)
    if person is None or index.actors[person[0]].kind != "person":
        return None
    start = index.parsed.token_at(person[1].begin)
    if start is None or start[1].i <= phrase.left_edge.i:
        return None
    outlet = index.mention_of_token(pb, pb.doc[start[1].i - 1])
    if outlet is None or index.actors[outlet[0]].kind == "person":
        return None
    text, begin = index.parsed.article.text, person[1].begin
    out = [index.parsed.article.span(begin, c.end)
           if c.begin < begin < c.end or person[1].end <= c.begin and not text[person[1].end:c.begin].strip()
           else c for c in contents]
    if out == contents:
        return None
    return outlet, out


def titled_person(coref: Coref, pb: ParsedBlock, subject: Token) -> tuple[str, Span] | None:
    """ "…, said Acme University, Boston's dean, Jo Roe": after an inverted cue, a body whose apposition is a title
    and whose title's apposition names a person: that person speaks, not the body; None otherwise."""
    index = coref.index
    node, titled = subject, False
    for _ in range(4):
        nxt = next((c for c in node.children if c.dep_ == "appos" and c.i > node.i), None)
        if nxt is None:
            return None
        if nxt.pos_ == "NOUN":
            titled = True
        elif nxt.pos_ == "PROPN" and (titled or any(t.pos_ == "NOUN" and t.dep_ == "appos"
                                                    for t in pb.doc[subject.i + 1 : nxt.left_edge.i])):
            hit = index.mention_of_token(pb, nxt)
            return hit if hit is not None and index.actors[hit[0]].kind == "person" else None
        node = nxt
    return None


def opening_phrase(tok: Token, preps: tuple[str, ...]) -> bool:
    """Whether ``tok`` is the object of a phrase of one of ``preps`` that opens its sentence (only a conjunction
    before it: "For X, …", "But for X, …"), hangs on the sentence's root and closes with a comma: whose view or
    words the sentence gives."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in preps or prep.head.i != prep.sent.root.i:
        return False
    if not all(t.lower_ in ("but", "and", "yet", "still", "so") for t in tok.doc[prep.sent.start : prep.i]):
        return False
    after = prep.right_edge.i + 1
    return after < len(tok.doc) and tok.doc[after].text == ","


def according_source(tok: Token) -> Token | None:
    """The source of an "According to X, …" that opens ``tok``'s sentence (``tok`` itself or what X says), if any."""
    sent = tok.sent
    words = [t for t in sent if not t.is_punct][:3]
    if len(words) < 3 or words[0].lower_ != "according" or words[1].lower_ != "to":
        return None
    to = words[1]
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def viewpoint(root: Token) -> bool:
    """The person of a phrase "For X," (or "To X,", "But for X,") opening its sentence: whose view the sentence
    gives."""
    return opening_phrase(root, ("for", "to")) and root.ent_type_ in ("PERSON", "") and \
        (root.pos_ == "PROPN" or root.ent_type_ == "PERSON")  # (a name the recogniser missed, an actor's mention)
