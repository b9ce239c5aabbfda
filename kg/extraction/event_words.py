"""Word-level tests on an event trigger: a measure that counts nothing ("a 6.8 earthquake"), "due to" that gives a
cause, the adverbs of frequency that make a clause a habit rather than an occurrence, an event named only by what it
left ("the quake's victims"), and a named entity that names no event ("the City Stadium") (used by
:mod:`kg.extraction.events`)."""

from __future__ import annotations

from spacy.tokens import Span, Token


def measure(num: Token) -> bool:
    """A number with a decimal point on a singular noun ("a magnitude 6.8 earthquake") measures the event; it neither
    counts events nor names one by its year."""
    return "." in num.text and num.head.tag_ in ("NN", "NNP")


def because_of(tok: Token) -> bool:
    """ "due to the bombing": "due" that gives a cause, not a schedule ("is due to visit")."""
    doc = tok.doc
    return tok.lower_ == "due" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to" and \
        doc[tok.i + 2].tag_ != "VB"


# Adverbs of frequency: a clause that has them tells a habit, not an occurrence ("meets every year", "usually
# helps"); "annual" on a noun ("the annual summit") names one occurrence and is not among them.
_HABITUAL = {"annually", "regularly", "routinely", "usually", "often", "always", "frequently", "typically",
             "traditionally", "normally", "generally", "habitually", "customarily", "yearly", "weekly", "daily"}
_EVERY = {"every", "each"}


def habitual(head: Token) -> bool:
    """Whether the trigger's clause (the trigger, and the verbs it hangs on up to its clause's head) carries an
    adverb of frequency or "every"/"each" with a unit of time."""
    x, steps = head, 0
    while steps < 4:
        for c in x.children:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _HABITUAL:
                return True
            if c.dep_ in ("npadvmod", "tmod") and any(d.lower_ in _EVERY for d in c.children) and \
                    c.lemma_ in ("day", "week", "month", "year", "season", "summer", "winter", "spring", "autumn"):
                return True
        if x.dep_ not in ("xcomp", "dobj", "conj", "pobj", "prep", "advcl") or x.head.i == x.i:
            return False
        x, steps = x.head, steps + 1
    return False


# What an event leaves, which a story of the aftermath speaks of: "the quake's victims", "the flood toll", "in the
# wake of the storm".
_TRACES = {"toll", "victim", "survivor", "aftermath", "wake", "relief", "recovery", "cleanup", "clean-up",
           "reconstruction", "anniversary", "damage", "havoc"}


def trace(head: Token) -> bool:
    """Whether an event noun is told only through what it left ("flood relief", "victims of the earthquake", "the
    toll from the storm") or as the cause a participle names ("the mudslide set off by the rains"): a story of
    its aftermath, which is not the event's day."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    up = head.head
    if head.dep_ in ("compound", "poss", "nmod") and up.lemma_.lower() in _TRACES:
        return True
    if head.dep_ == "pobj" and up.lower_ in ("of", "from", "in") and up.head.lemma_.lower() in _TRACES:
        return True
    return head.dep_ == "pobj" and up.lower_ == "by" and up.head.tag_ == "VBN" and up.head.dep_ == "acl"


# Last words of a place's name the tagger may take for an event's ("the City Stadium"), and holidays, which are
# days ("New Year's", "Thanksgiving").
_SITES = {"stadium", "arena", "park", "hall", "centre", "center", "square", "field", "ground", "palace", "street",
          "road", "bridge", "airport", "station", "village", "dome", "theatre", "theater", "museum", "code", "act"}
_HOLIDAYS = {"new year", "new year's", "christmas", "easter", "thanksgiving", "hanukkah", "diwali", "ramadan", "eid",
             "halloween", "passover", "yom kippur", "boxing day", "labor day", "labour day", "memorial day"}


def a_name(ent: Span) -> bool:
    """Whether a named entity the tagger calls an event names one: not a place ("City Stadium"), a law's title
    ("Civil Code"), a holiday ("New Year's", a day) nor a headline in title case with its verb ("Grocer Wins
    Battle In Price War")."""
    words = [t for t in ent if t.lower_ != "the"]
    return bool(words) and words[-1].lower_ not in _SITES and \
        " ".join(t.lower_ for t in words).replace(" 's", "'s") not in _HOLIDAYS and \
        not any(t.tag_ in ("VBZ", "VBD") and t.pos_ == "VERB" for t in words)
