"""Noun cues: a noun of reporting that carries what its source said ("her claim that …", "protesters' demands for
…", "a warning from the agency that …", "the request of the minister to …", "the company issued a warning that …").

A noun from the lexicon (``noun_cues.tsv``) makes a cue when it has both a content its row allows (a that-clause, an
infinitive, a phrase of a preposition) and a source: its possessor, a "by"/"from"/"of"/"among" phrase naming a
person or body, a noun or name before it ("worker concerns", "Kremlin claims"), or the subject of a light verb
that issues it ("X issued a warning that", "X made a pledge to", "X voiced concern about"). Unsourced nouns
("There are fears that …", "Claims of fraud were rejected") attribute nothing (tests/gold/README.md, Statements).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from kg import lexicon
from kg.extraction.complements import complements_of, personal
from kg.extraction.cue_frames import QUOTE_MARKS
from kg.extraction.cues import Cue, _subject
from kg.pipeline.nlp import ParsedBlock

# Verbs whose subject issues the noun they take as object: "issued a warning", "made the claim", "voiced concern".
LIGHT_VERBS = {"issue", "make", "give", "express", "voice", "raise", "repeat", "reiterate", "renew", "file", "lodge",
               "send", "post", "publish", "deliver", "level", "air", "sound", "put", "offer", "extend", "register",
               "convey", "declare", "state", "announce", "signal", "confirm", "underline", "reaffirm"}
# The light verbs whose "it" is a body that issues words ("It issued a statement that …"), unlike "it makes the
# point that", "it sends a signal that", "it raises concerns that", where "it" is a fact.
ISSUING = {"issue", "release", "publish", "post", "file", "lodge", "deliver", "declare", "state", "announce",
           "express", "voice", "reiterate", "repeat", "renew", "register", "convey"}
# The light verbs that speak: nouns of attitude ("support", "condolences") report only with one of these.
SPEAKING = {"express", "voice", "reiterate", "repeat", "renew", "register", "convey", "extend", "declare"}
_SOURCE_PREPS = ("by", "from", "of", "among")
# Nouns that, in the singular with "for", name no speech: "demand for oil" is the market's.
_PLURAL_ONLY_FOR = {"demand"}


def find_noun_cues(pb: ParsedBlock, sent: SpacySpan, in_quote, toks: list[Token] | None = None) -> list[Cue]:  # noqa: ANN001
    nouns = lexicon.noun_cues()
    out: list[Cue] = []
    for tok in toks if toks is not None else sent:
        row = nouns.get(tok.lemma_.lower())
        if row is None or tok.pos_ != "NOUN" or in_quote(pb.offset + tok.idx):
            continue
        source, light = _source(tok)
        if light is not None and (verb := lexicon.reporting_verbs().get(light.lemma_.lower())) is not None and \
                any(c.i == tok.i for c in complements_of(light, verb.kind)):
            continue  # "announced her intention to run": the verb's own cue reports the noun with its clause
        if source is None or "light" in row.content and (light is None or light.lemma_.lower() not in SPEAKING):
            continue
        # a name or noun before the noun ("U.S. concerns about …") is the writer's summary of a view; it reports
        # only a proposition ("worker concerns that …"), not a topic
        allowed = row.content & {"that"} if source.dep_ == "compound" and source.head.i == tok.i else row.content
        if row.kind == "belief" and light is None and tok.tag_ != "NNS":
            # "his fear of flying", "her hope for a son": a singular attitude noun with a topic is a disposition;
            # views reported are "their fears of …", "concerns about …", or voiced ("expressed concern about …")
            allowed = allowed & {"that"}
        content = _content(tok, allowed, source, light)
        if content is None or in_quote(pb.offset + content.idx) and not _opens_quotation(tok, content):
            continue
        cue_tokens = [light, tok] if light is not None else [tok]
        # "the court's ruling that the law was void surprised lawyers": a noun that is its clause's subject
        # reports nothing from its own verb on
        top = tok.head if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > content.i else None
        out.append(Cue(pb, sent, tok, cue_tokens, tok.lemma_.lower(), row.kind, speaker=source,
                       complements=[content], limit=top.i if top is not None else None,
                       topics={content.i} if content.pos_ in ("NOUN", "PROPN") else set()))
    return out


def _source(noun: Token) -> tuple[Token | None, Token | None]:
    """Who the noun's words are: (the source's token, the light verb that gave it, if that is how)."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    light = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS and \
        noun.head.pos_ == "VERB" else None
    if poss is not None and (light is None or poss.pos_ != "PRON"):
        return poss, None  # "her claim that …"; "X repeated Y's claim that …": Y's
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _SOURCE_PREPS and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and personal(pobj) and pobj.pos_ != "PRON":
                return pobj, None
    # "worker concerns", "Kremlin claims": a noun for people or a name right before the noun
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == noun.i and \
            (before.pos_ == "PROPN" and before.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or
             before.pos_ == "NOUN" and personal(before)):
        return before, None
    if light is not None:  # "the minister voiced (her) opposition to …": the subject speaks
        subject = _subject(light)
        if subject is not None and subject.lower_ not in ("that", "which", "this", "there") and \
                (subject.lower_ != "it" or light.lemma_.lower() in ISSUING):
            return subject, light
    return poss, None


def issues_words(verb: Token) -> bool:
    """Whether a verb issues a noun of reporting as its object ("issued a statement", "released a warning"): its
    "it" is a body that speaks, as in "it said"."""
    return verb.lemma_.lower() in ISSUING and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.noun_cues() for c in verb.children)


def _opens_quotation(noun: Token, content: Token) -> bool:
    """ "a statement that “…”": the quotation opens right after the noun (and its "that"), so what it quotes is the
    noun's content; a clause deeper inside a quotation is not."""
    between = noun.doc[_after(noun) : content.i]
    mark = next((t for t in between if t.text in QUOTE_MARKS), None)
    return mark is not None and all(t.lower_ in ("that", ",", ":") for t in between if t.i < mark.i)


def _after(noun: Token) -> int:
    """The index right after the noun and a source phrase that follows it ("the request of the minister")."""
    j = noun.i + 1
    for c in noun.children:
        if c.dep_ == "prep" and c.i == j and c.lower_ in _SOURCE_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and personal(pobj):
                j = c.right_edge.i + 1
    return j


def _content(noun: Token, allowed: frozenset[str], source: Token, light: Token | None) -> Token | None:
    """The head of what the noun reports, by the adjacency the parser may have missed: a "that" (mark) right after
    the noun (and its source phrase), an infinitive's "to", or a preposition of the row."""
    doc = noun.doc
    j = _after(noun)
    if j >= len(doc) or doc[j].sent.start != noun.sent.start:
        return None
    nxt = doc[j]
    if "that" in allowed and j + 2 < len(doc) and [t.lower_ for t in doc[j : j + 3]] == ["to", "the", "effect"]:
        k = j + 3 + (j + 3 < len(doc) and doc[j + 3].lower_ == "that")  # "a statement to the effect (that) …"
        head = doc[k] if k < len(doc) else None
        while head is not None and not (head.pos_ in ("VERB", "AUX") and head.left_edge.i >= j + 3) and \
                head.head.i != head.i:
            head = head.head
        return head if head is not None and head.pos_ in ("VERB", "AUX") and head.left_edge.i >= j + 3 else None
    if "that" in allowed and nxt.lower_ == "that" and nxt.dep_ == "mark" and nxt.head.i > j and \
            nxt.head.pos_ in ("VERB", "AUX"):
        return nxt.head
    if "that" in allowed and nxt.lower_ == "that" and nxt.dep_ == "dobj" and (verb := nxt.head).dep_ == "relcl" and \
            verb.head.i == noun.i and any(c.dep_ == "nsubj" and c.i > nxt.i for c in verb.children) and \
            any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        # "a warning that strikes would follow" parsed as a relative clause with "that" its object: a clause of
        # its own subject and a modal is what the noun says (a relative one would lack its object)
        return verb
    if {"about", "over"} & allowed and nxt.lower_ == "as" and j + 1 < len(doc) and doc[j + 1].lower_ == "to":
        # "expressed doubt as to whether the fixtures fit": what the doubt is about
        obj = next((g for g in doc[j + 1].children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is not None and obj.i > j + 1:
            return obj
    if "to" in allowed and nxt.tag_ == "TO" and nxt.head.tag_ == "VB" and nxt.head.i > j and \
            nxt.head.i != noun.i:
        return nxt.head
    # ("to" is an infinitive's, except after a noun of attitude: "voiced opposition to the plan"; "a request to the
    # Queen" names who is asked)
    preps = allowed - {"that", "to", "light"} | ({"to"} & allowed if "light" in allowed else set())
    if nxt.dep_ == "prep" and nxt.lower_ in preps and (nxt.head.i == noun.i or light is not None and
                                                        nxt.head.i == light.i):
        if nxt.lower_ == "for" and noun.lemma_.lower() in _PLURAL_ONLY_FOR and noun.tag_ != "NNS":
            return None
        obj = next((g for g in nxt.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is not None and obj.i != source.i and not (obj.pos_ == "PRON"):
            return obj
    return None
