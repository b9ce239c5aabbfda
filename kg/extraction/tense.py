"""Tense and aspect of the clause around an offset: does it speak of the future?

A weekday is read backwards ("the talks ended on Friday", "had been arrested Friday") or forwards ("will resume on
Friday", "is expected to rule Friday", "plays its next game on Friday", "is holding a rally on Friday") by the verb
group it hangs on:

- future: a modal of the future (will, shall, 'll, would), "going to", "is to", a governor of planning (scheduled,
  planned, expected, due, set, intend, aim, hope), a present progressive, or a present simple in the body (news
  writes timetabled events in the present: "the court hears the case on Monday");
- past: a past tense or a perfect (has/had + participle), and the present of a headline (headline present is the
  recent past: "Minister resigns Friday").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.pipeline.nlp import Parsed

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "would", "wo"}
_FUTURE_GOVERNORS = {"schedule", "plan", "expect", "due", "set", "intend", "aim", "hope", "go", "prepare", "vow",
                     "promise", "threaten", "want", "seek", "pledge"}
_PRESENT = {"VBZ", "VBP"}


def _verb_of(tok: Token) -> Token:
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def future_at(parsed: Parsed, offset: int) -> bool:
    """Whether the clause around ``offset`` speaks of the future (see the module's rules)."""
    hit = parsed.token_at(offset)
    if hit is None:
        return False
    pb, tok = hit
    headline = pb.block.kind in ("headline", "standfirst", "heading")
    verb = _verb_of(tok)
    # "Friday's attack is the worst": a time inside the subject is not timed by the copula's present
    in_subject = any(a.dep_ in ("nsubj", "nsubjpass") for a in [tok, *tok.ancestors] if a.i != verb.i
                     and verb in a.ancestors)
    for _ in range(4):
        aux = _aux(verb)
        if any(a.lower_ in _FUTURE_AUX for a in aux):
            return True
        if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in aux) or \
                (verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG"):
            return True  # "is going to rule"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS | {"be"}:
            return True  # "is expected to rule", "is to visit"
        if verb.lemma_ in _FUTURE_GOVERNORS and verb.dep_ != "ROOT" and verb.tag_ == "VBN":
            return True  # "a visit scheduled for Friday"
        if verb.tag_ in ("VBD",) or any(a.lemma_ == "have" for a in aux):
            return False  # past or perfect
        if verb.tag_ == "VBN" and not any(a.tag_ in _PRESENT | {"MD"} for a in aux):
            if not aux:
                return False
        if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in _PRESENT for a in aux):
            return not headline  # "is holding a rally on Friday"
        if verb.tag_ in _PRESENT or any(a.tag_ in _PRESENT for a in aux):
            return not headline and verb.lemma_ != "say" and not (in_subject and verb.lemma_ == "be")
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False
