"""Tense and aspect of the clause around an offset: does it speak of the future?

A weekday is read backwards ("the talks ended on Friday", "had been arrested Friday") or forwards ("will resume on
Friday", "is expected to rule Friday", "plays its next game on Friday", "is holding a rally on Friday") by the verb
group it hangs on:

- future: a modal of the future (will, shall, 'll, would), "going to", "is to", a governor of planning (scheduled,
  planned, expected, due, set, intend, aim, hope), a present progressive, or a present simple in the body (news
  writes timetabled events in the present: "the court hears the case on Monday");
- future too: a date inside a phrase called upcoming or forthcoming ("discussed the upcoming summit on March 22");
- past: a past tense or a perfect (has/had + participle), and the present of a headline (headline present is the
  recent past: "Minister resigns Friday").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.steps import Step, Work
from kg.pipeline.nlp import Parsed

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "would", "wo"}
_FUTURE_GOVERNORS = {"schedule", "plan", "expect", "due", "set", "intend", "aim", "hope", "go", "prepare", "vow",
                     "promise", "threaten", "want", "seek", "pledge", "agree", "decide"}
_PRESENT = {"VBZ", "VBP"}
# Modals of possibility and obligation look forwards too ("may resign on Friday", "must be filed by Monday"),
# unless a perfect follows them ("may have left on Friday").
_MODALS = {"must", "should", "may", "might", "could", "can", "ought"}
# Adjectives that put what they qualify ahead of the words that speak of it ("the upcoming summit").
_AHEAD = {"upcoming", "forthcoming", "impending"}
# Verbs that move an event to a later day: the day after "until" or "to" is ahead of them ("the hearing was
# adjourned until Friday", "the vote was postponed to Thursday").
_POSTPONING = {"adjourn", "postpone", "delay", "defer", "reschedule", "extend", "push", "suspend", "move"}


# Kinds of events nobody timetables: a day given to one is a day it has already happened on, whatever the tense of
# the clause that speaks of it ("Friday's brawl will go down in history", "within 60 days of his death on Thursday").
_UNSCHEDULED = {"death", "killing", "attack", "bombing", "shooting", "assault", "air-strike", "terrorist-attack",
                "disaster", "accident", "injury", "accidental-injury", "assassination", "arson", "robbery", "abduction",
                "riot", "clash"}


# What is feared, planned or prevented has not happened ("a planned attack on Friday", "warned of an attack on Friday").
_NOT_YET = {"plan", "planned", "possible", "potential", "feared", "threatened", "expected", "fear", "warn", "threaten",
            "prevent", "avert", "foil", "thwart", "expect", "predict", "forecast", "risk"}


def _unscheduled_day(x: Token) -> bool:
    """Whether ``x`` is a day that dates a noun of an unscheduled event: its possessor ("Friday's brawl") or the
    object of an "on" phrase right after it ("his death on Thursday", wherever the parser hangs the phrase)."""
    if x.dep_ == "poss" and x.tag_ != "PRP$":
        noun = x.head
    elif x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.lower_ == "on" and x.head.i > 0:
        noun = x.doc[x.head.i - 1]
    else:
        return False
    if noun.pos_ != "NOUN" or any(c.dep_ == "amod" and c.lemma_.lower() in _AHEAD | _NOT_YET for c in noun.children):
        return False
    if noun.dep_ in ("dobj", "pobj", "nsubjpass") and _verb_of(noun).lemma_.lower() in _NOT_YET:
        return False  # "police foiled an attack on Friday", "fears of an attack on Friday": one that may not come
    kinds = {t.type for t in lexicon.triggers_by_first_word().get(noun.lemma_.lower(), ()) if len(t.words) == 1}
    return bool(kinds) and kinds <= _UNSCHEDULED


def _verb_of(tok: Token) -> Token:
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def said_right_before(tok: Token) -> Token | None:
    """The reporting verb in the past right before a day ("said on Tuesday it would …", "announced Friday that …"),
    which the parser often hangs on the reported clause: the day is the saying's. None otherwise."""
    first = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "on" else tok
    while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.doc[first.i - 1].head.i == first.i:
        first = first.doc[first.i - 1]
    if first.i == 0 or tok.ent_type_ not in ("DATE", "TIME"):
        return None
    prev = first.doc[first.i - 1]
    return prev if prev.tag_ == "VBD" and prev.lemma_.lower() in lexicon.reporting_verbs() else None


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def tense_at(parsed: Parsed, offset: int) -> str | None:
    """The tense of the clause around ``offset``: "future", "timetabled" (the present simple of the body: "the court
    hears the case on Monday"), "past" (a past tense, a past perfect, a bare participle), "perfect" (has/have done)
    or "present" (see the module's rules); None when no verb group tells."""
    hit = parsed.token_at(offset)
    if hit is None:
        return None
    pb, tok = hit
    headline = pb.block.kind in ("headline", "standfirst", "heading")
    if said_right_before(tok) is not None:
        return "past"  # "Motorco said on Tuesday it would recall …": the day of the saying
    verb = _verb_of(tok)
    x = tok
    while x.i != verb.i and x.head.i != x.i:  # "discussed the upcoming summit on March 22": the summit's date is ahead
        if any(c.dep_ == "amod" and c.lower_ in _AHEAD for c in x.children):
            return "future"
        if _unscheduled_day(x):
            return "past"  # "within 60 days of his death on Thursday", "Friday's brawl will go down in history"
        if x.dep_ == "prep" and x.lower_ == "of" and x.head.lower_ == "ahead":
            return "future"  # "campaigning ended ahead of Sunday's vote": the vote is still to come
        x = x.head
    if headline and verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return "future"  # a headline's infinitive: "Leaders to meet Friday"
    # "Friday's attack is the worst": a time inside the subject is not timed by the copula's present
    in_subject = any(a.dep_ in ("nsubj", "nsubjpass") for a in [tok, *tok.ancestors] if a.i != verb.i
                     and verb in a.ancestors)
    prep = next((a for a in [tok, *tok.ancestors] if a.dep_ == "prep"), None)
    if prep is not None and prep.lower_ in ("until", "till", "to", "for") and prep.head.lemma_ in _POSTPONING:
        return "future"
    for _ in range(4):
        aux = _aux(verb)
        if any(a.lower_ in _FUTURE_AUX for a in aux):
            return "future"
        if any(a.lower_ in _MODALS for a in aux):
            return "past" if any(a.lemma_ == "have" for a in aux) else "future"
        if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in aux) or \
                (verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG"):
            return "future"  # "is going to rule"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS | {"be"}:
            return "future"  # "is expected to rule", "is to visit"
        if verb.lemma_ in _FUTURE_GOVERNORS and verb.dep_ != "ROOT" and verb.tag_ == "VBN":
            return "future"  # "a visit scheduled for Friday"
        if verb.tag_ in ("VBD",) or any(a.lemma_ == "have" for a in aux):
            # past, or a perfect: "has agreed to meet in February" reaches into the present
            return "perfect" if any(a.lemma_ == "have" and a.tag_ in _PRESENT for a in aux) else "past"
        if verb.tag_ == "VBN" and verb.dep_ not in ("acomp", "amod", "oprd") and \
                not any(a.tag_ in _PRESENT | {"MD"} for a in aux):  # "am committed to": an adjective, no past
            if not aux or any(a.tag_ == "VBD" for a in aux):
                return "past"  # "killed in …", "was killed in …"
        if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in _PRESENT for a in aux):
            return "present" if headline else "future"  # "is holding a rally on Friday"
        if verb.tag_ in _PRESENT or any(a.tag_ in _PRESENT for a in aux):
            timetabled = not headline and verb.lemma_ != "say" and not (in_subject and verb.lemma_ == "be")
            return "timetabled" if timetabled else "present"
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


# Words by which a perfect says it began or happened before the day of its report: "has long been", "has twice
# won", "has been held since 2001", "has already paid", "has met him three times", "has served for years".
_EARLIER = {"long", "already", "ever", "never", "since", "previously", "repeatedly", "often", "before", "once",
            "twice", "thrice", "times", "years", "months", "decades", "weeks", "recently", "still", "yet"}


def just_happened_perfect(parsed: Parsed, offset: int) -> bool:
    """Whether the clause around ``offset`` is a present perfect of news ("has been named", "have died") rather
    than one that reaches back ("has long been", "has been … since 2001", "has twice …"): in a report dated by a
    day, that news is the day's."""
    if tense_at(parsed, offset) != "perfect":
        return False
    hit = parsed.token_at(offset)
    if hit is None:
        return False
    verb = _verb_of(hit[1])
    while not any(a.lemma_ == "have" for a in _aux(verb)) and verb.head.i != verb.i:
        verb = verb.head  # (the participle that carries the "has")
    reach = [t for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep", "neg")
             for t in c.subtree]
    return not any(t.lower_ in _EARLIER or t.dep_ == "prep" and t.lower_ == "for" for t in reach)


def future_at(parsed: Parsed, offset: int, strict: bool = False) -> bool:
    """Whether the clause around ``offset`` speaks of the future (see the module's rules); ``strict``: by a modal, a
    governor of planning or a progressive, not by the present simple of a timetable ("opens on Friday"), which
    reads a weekday forwards but is too weak to move a month or a date into the next year."""
    tense = tense_at(parsed, offset)
    return tense == "future" or (not strict and tense == "timetabled")


def past_at(parsed: Parsed, offset: int) -> bool:
    """Whether the clause around ``offset`` is told in the past (a past tense, a past perfect, a bare participle)."""
    return tense_at(parsed, offset) == "past"


def _tense(work: Work) -> None:
    parsed = work.parsed
    work.put(future_at=lambda offset, strict=False: future_at(parsed, offset, strict), past_at=lambda offset: past_at(parsed, offset))


TENSE = Step("tense", ("parsed",), ("future_at", "past_at"), _tense,
             "whether the clause around an offset speaks of the future (for weekdays read forwards or backwards)")
