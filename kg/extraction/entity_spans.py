"""Checks on an entity recogniser's span before it becomes an actor: its bounds (a leading "the", a trailing
possessive, a name cut before its last word), and what it is despite its tag (part of a post's title, a person's
title and name tagged as one organisation, a capital acting for its government, a person's name tagged as a place).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from kg import gazetteer, lexicon
from kg.extraction.persons import ORG_LIKE
from kg.pipeline.nlp import ParsedBlock

# Dependencies under which a capital city acts (metonymy for its government) rather than locates.
_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "poss", "agent", "conj", "appos"}
_LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "across", "around", "outside", "inside", "through"}
_DANGLING = {"of", "and", "for", "in", "at", "to", "with", "from", "on", "by"}  # never the last word of a name


def strip_ent(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = pb.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("’s", "'s", "’", "'")
                           or doc[end - 1].lower_ in _DANGLING):
        end -= 1  # "Ana Ruiz of" (… Chile): the recogniser ran into the phrase after the name
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in doc[opened:end]) and opened > start:
        end = opened  # "the World Health Organisation (WHO": the acronym after it, without its closing bracket
    return doc[start:end]


def inside_post_title(pb: ParsedBlock, ent: SpacySpan) -> bool:
    """"State" in "Secretary of State", "Foreign Affairs" in "Minister of Foreign Affairs": part of a post."""
    doc = pb.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        head = doc[ent.start - 2].lower_
        heads = lexicon.post_heads()
        if head in heads or any(h.split()[-1] == head for h in heads):
            return len(ent) <= 2
    return False


def titled_person(ent: SpacySpan) -> bool:
    """A title that ends in a post's or a role's noun, then a given name and a surname or two ("Presidential
    Spokesperson Dana Roe", "Deputy Spokesman Ali Kaya"), tagged as one organisation."""
    heads = [i for i, t in enumerate(ent[:3]) if t.lower_ in lexicon.post_heads() or t.lower_ in lexicon.role_nouns()]
    if not heads:
        return False
    name = ent[heads[-1] + 1:]
    return 2 <= len(name) <= 3 and name[0].lower_ in lexicon.given_names() and \
        all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name) and not ORG_LIKE.search(name.text)


def is_metonymic(pb: ParsedBlock, ent: SpacySpan) -> bool:
    """A place name used as an actor: "gave Paris a document", "Washington said"."""
    root = ent.root
    if root.dep_ in _AGENT_DEPS and root.dep_ != "conj":
        return True
    if root.dep_ == "pobj" and root.head.lower_ not in _LOCATIVE_PREPS:
        return root.head.lower_ in ("with", "by", "between", "against", "on")
    return False


# Words that make a name a place's ("Fleet Street", "Government House"), never a person's.
_PLACE_WORDS = {"street", "road", "avenue", "square", "house", "palace", "hall", "building", "tower", "bridge",
                "station", "airport", "port", "park", "place", "lane", "castle", "centre", "center"}


def speaking_person(ent: SpacySpan) -> bool:
    """A name tagged as a place that is a person's: a common given name and a surname, the subject of a reporting
    verb ("…, Tomas Kral said"), and no place the gazetteer knows."""
    root, doc = ent.root, ent.doc
    # (or one right after the words it attributes: "The fire started at noon, Tomas Kral said")
    attributing = ent.start > 0 and doc[ent.start - 1].text == "," and root.head.i == ent.end and \
        not ORG_LIKE.search(ent.text) and not any(t.lower_ in lexicon.org_heads() for t in ent)
    according = root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0 and \
        doc[root.head.i - 1].lower_ == "according"  # "…, according to Tomas Kral"
    if according:
        attributing = not ORG_LIKE.search(ent.text) and not any(t.lower_ in lexicon.org_heads() or
                                                                 t.lower_ in _PLACE_WORDS for t in ent)
    return (root.dep_ == "nsubj" and root.head.lemma_.lower() in lexicon.reporting_verbs() or according) and \
        2 <= len(ent) <= 3 \
        and (ent[0].lower_ in lexicon.given_names() or attributing) and all(t.text[:1].isupper() for t in ent) and \
        not gazetteer.city(ent.text) and not gazetteer.country(ent.text)


def to_head(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """A person's name the recogniser cut before its last word ("Tomas" of "Tomas Kral of the city police"): the
    untagged proper noun the name's last word hangs on as a compound is the end of the name."""
    doc, end = pb.doc, ent.end
    while end < len(doc) and doc[end - 1].dep_ in ("compound", "flat") and doc[end - 1].head.i == end and \
            doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end].text[:1].isupper():
        end += 1
    return doc[ent.start:end]
