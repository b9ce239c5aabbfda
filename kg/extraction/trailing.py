"""Reporting clauses the parse misreads at the end of a sentence ("…, the judges announced on Tuesday."): read as
an apposition to the name before them, with the reporting verb as its participle."""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon


def trailing_appositive(verb: Token) -> Token | None:
    """ "Ana Ruiz has won the prize, the judges announced on Tuesday.": the parse may read the reporting clause at
    the end of a sentence as an apposition to the name before it with the verb as its participle; the noun is the
    speaker of the clause before the comma."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "appos" or noun.i != verb.i - 1 or \
            noun.head.i >= noun.i or not _speaker_like(noun):
        return None
    first = noun.left_edge.i
    doc = verb.doc
    if first == 0 or doc[first - 1].text != "," or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    if any(t.text in (",", ";", ":") or t.is_quote for t in doc[verb.i + 1 : verb.sent.end]):
        return None  # only adjuncts after the verb ("on Tuesday", "in a statement") up to the sentence's end
    return noun


def _speaker_like(noun: Token) -> bool:
    """A noun that names who speaks: a named person, body or country, or people, bodies and groups by their noun
    ("the judges", "the ministry", "a spokesman") — not "the reform announced this year"."""
    if noun.pos_ == "PROPN":
        return noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    low, lemma = noun.lower_, noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (low in lexicon.group_nouns() or lemma in lexicon.person_nouns() or
                                    lemma in lexicon.org_heads() or lemma in lexicon.post_heads())
