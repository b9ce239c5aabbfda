"""Events the lexicon does not list but the layout tells: the headline's own verb ("Minister ousts adviser",
"Agency declares emergency"), which the lead retells with the same verb ("declared on Wednesday"), and a person's
stay in a city for a purpose ("is due to be in Lisbon next month to meet …", a visit).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.triggers import Mention
from kg.pipeline.nlp import ParsedBlock

# Verbs of a headline that tell no deed of their own: copulas, auxiliaries and verbs of wanting or trying (the deed is
# their complement), and verbs of seeing or facing.
_NO_DEED = {"be", "have", "do", "get", "want", "need", "seek", "try", "plan", "hope", "expect", "face", "remain",
            "see", "look", "continue", "keep", "begin", "start", "stop", "go", "come", "let", "make", "take", "give",
            "mark", "set"}
_TENSES = ("VBZ", "VBD", "VBN")
# Verbs whose object is what they say or whom they speak of ("says nothing", "urges calm", "praises the team").
_SPEECH = {"say", "tell", "claim", "report", "announce", "state", "add", "note", "ask", "urge", "call", "warn",
           "accuse", "criticize", "criticise", "praise", "condemn", "welcome", "insist", "suggest", "reveal",
           "confirm", "deny", "admit", "slam", "blame", "thank", "congratulate", "hail", "promise", "vow", "threaten",
           "question", "dismiss", "demand", "defend", "express", "voice", "describe", "cite", "predict"}


def headline_verb(finder, pb: ParsedBlock, tok: Token) -> Mention | None:  # noqa: ANN001 - an EventFinder
    """The headline's main verb as an event of no listed type ("Nevada becomes …", "Minister ousts adviser"), and
    the same verb in the first two paragraphs, which retells it ("ousted him on Monday night")."""
    kind = pb.block.kind
    if kind == "headline":
        if not _headline_deed(tok):
            return None
    elif kind != "paragraph" or tok.pos_ != "VERB" or tok.tag_ not in _TENSES:
        return None
    else:
        lemmas, lead = _lead(finder)
        if tok.lemma_.lower() not in lemmas or not any(p is pb for p in lead) or \
                finder.coref.in_quote(pb.offset + tok.idx):
            return None
    return Mention(pb, tok, [tok], "event", finder.parsed.span_of(pb, pb.doc[tok.i : tok.i + 1]))


def _headline_deed(tok: Token) -> bool:
    """A headline's main verb (or one coordinated with it) in headlinese ("ousts", "named"), with its subject, that
    reports nothing and tells a deed of its own."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or tok.tag_ not in _TENSES or lemma in _NO_DEED or lemma in _SPEECH:
        return False
    if lemma in lexicon.reporting_verbs() and not any(c.dep_ in ("dobj", "acomp") for c in tok.children):
        return False  # "X rejects resignation", "X pleads guilty" are deeds; "X warns of …" speaks
    if tok.dep_ in ("amod", "relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"):
        return False  # (the main verb, whatever the parser made of headlinese: "X ousts adviser Y" as a compound)
    if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False  # "X plans to …", "X says …": the deed, if any, is the complement's
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or \
        tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)


def _lead(finder):  # noqa: ANN001, ANN202 - (the headline's deed lemmas, the first two paragraphs)
    """Read once per article (every past verb of the paragraphs asks)."""
    found = finder.__dict__.get("_headline_lead")
    if found is None:
        parsed = finder.parsed
        lemmas = {t.lemma_.lower() for pb in parsed.blocks if pb.block.kind == "headline" for t in pb.doc
                  if _headline_deed(t)}
        paragraphs = [b for b in parsed.blocks if b.block.kind == "paragraph"]
        found = finder.__dict__["_headline_lead"] = (lemmas, paragraphs[:2])
    return found


def stay(finder, pb: ParsedBlock, tok: Token) -> Mention | None:  # noqa: ANN001 - an EventFinder
    """ "Petrakis is due to be in Lisbon next month to meet …": a person to be in a city is a visit."""
    if tok.lemma_ != "be" or tok.dep_ not in ("xcomp", "ROOT", "ccomp", "conj", "relcl"):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    index = finder.coref.index
    place = index.owner_at(pb.offset + pobj.idx, pb.offset + pobj.idx + len(pobj.text))
    if place is None or (place not in index.places and index.actors[place].kind != "country"):
        return None
    purpose = any(c.dep_ in ("xcomp", "advcl") and c.tag_ in ("VB", "VBG") for c in tok.children)
    scheduled = tok.dep_ == "xcomp" and tok.head.lemma_ in ("schedule", "due", "set", "expect", "plan")
    if not (purpose or scheduled):
        return None
    toks = list(pb.doc[tok.i : pobj.i + 1])
    return Mention(pb, tok, toks, "visit", finder.parsed.span_of(pb, pb.doc[tok.i : pobj.i + 1]))
