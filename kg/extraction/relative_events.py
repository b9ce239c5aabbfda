"""Events told relative to another: "after the crash", "a day before the vote", "two days after the attack",
"sentenced for her murder". A time inside such a phrase dates the event named there, a time outside it not that
event, and an event told as days away from another (or as the deed a sentence answers) takes no lead day. Used by
:mod:`kg.extraction.event_times`."""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions that place an event relative to another ("after the crash", "a day before the vote").
RELATIVE = {"after", "before", "following", "since", "until", "till"}


def relative_pp(tok: Token) -> Token | None:
    """The after/before phrase of an event a token stands in below its clause's verb ("after the crash on Sunday";
    "ahead of" and "prior to" too), or None."""
    verb = clause_verb(tok)
    x = tok
    while x.i != verb.i and x.head.i != x.i:
        if x.dep_ == "prep" and (x.lower_ in RELATIVE or x.lower_ in ("of", "to") and
                                 x.head.lower_ in ("ahead", "prior") or _reason(x)) and \
                not any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in x.children):
            return x  # (not "since October", "before Friday": a time, no event, is what it is measured from)
        x = x.head
    return None


def same_phrase(event: Token, time: Token) -> bool:
    """Whether a time may date an event as far as after/before phrases go: a time inside the event's own such
    phrase ("after the crash on Sunday") or outside every one, and never from inside a phrase the event is not in."""
    mine, theirs = relative_pp(event), relative_pp(time)
    inside = mine is None or mine.left_edge.i <= time.i <= mine.right_edge.i
    return inside and (theirs is None or theirs.left_edge.i <= event.i <= theirs.right_edge.i)


# Verbs that answer an earlier deed named after "for" or "over" ("sentenced for her murder", "protests over the
# killing"): the deed is not of their day.
_ANSWERING = {"sentence", "convict", "charge", "arrest", "jail", "imprison", "fine", "try", "prosecute", "punish",
              "blame", "condemn", "criticise", "criticize", "apologise", "apologize", "accuse", "sue", "protest",
              "demonstrate", "rally", "mourn", "acquit", "indict", "detain", "hold", "compensate", "award", "honour",
              "honor", "praise", "thank"}


# Words of a charge, a plea or a verdict and the preposition that names the crime ("charged with murder", "convicted
# of fraud", "pleads guilty to three murders", "admitted his guilt in the thefts"): the crime was done before, not on their day.
_CHARGING = {"of": {"convict", "acquit", "accuse", "guilty", "innocent", "suspect", "clear"}, "with": {"charge"},
             "to": {"guilty", "plead", "confess", "admit"}, "in": {"guilt", "involvement", "complicity", "admit"}}


# What speaks or rules on a topic ("an opinion on the suspension", "talks on the ceasefire", "a report into the
# crash"): the topic is not of their day.
_SPEAKING = {"opinion", "ruling", "judgment", "judgement", "report", "inquiry", "investigation", "probe", "statement",
             "debate", "hearing", "decision", "comment", "remark", "rule", "testify", "speak", "briefing"}


def _reason(prep: Token) -> bool:
    """ "sentenced for her murder", "protested over the killing", "charged with murder", "pleads guilty to murder": the
    deed a verb answers; "an opinion on the suspension", "a report into the crash": the topic a ruling or a report
    speaks of."""
    head = prep.head
    if head.dep_ == "ROOT" and head.i == head.sent.start:
        return False  # a release's title, "Statement on Federal Disaster Assistance": its topic is the news
    return prep.lower_ in ("for", "over") and head.lemma_.lower() in _ANSWERING or \
        head.lemma_.lower() in _CHARGING.get(prep.lower_, ()) or \
        prep.lower_ in ("on", "about", "into") and head.lemma_.lower() in _SPEAKING


# Units that put an event on another day than the one it is measured from ("two days after", "a week before").
_UNITS = {"day", "week", "month", "year", "decade"}


def _measured(prep: Token) -> bool:
    """ "two days after", "a day before" (as "on Monday, a day before the vote"): a shift of days or more."""
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _UNITS for c in prep.children) or \
        prep.head.lemma_.lower() in _UNITS and prep.head.dep_ in ("npadvmod", "appos", "tmod")


def shifted(head: Token) -> bool:
    """Whether an event is told as days away from another: named in "a day after the attack", done "two days after
    the crash", or the deed a sentence or a protest answers ("sentenced for her murder"). None takes the day of the
    story's lead."""
    pp = relative_pp(head)
    if pp is not None and (_measured(pp) or _reason(pp)):
        return True
    verb = head if head.pos_ in ("VERB", "AUX") else None
    return verb is not None and any(c.dep_ == "prep" and c.lower_ in RELATIVE and _measured(c)
                                    for c in verb.children)


def clause_verb(tok: Token) -> Token:
    """The verb heading the clause a token stands in (the token itself for a verb)."""
    x = tok
    while x.head.i != x.i and not (x.pos_ in ("VERB", "AUX") and x.dep_ in ("ROOT", "ccomp", "advcl", "relcl",
                                                                           "parataxis") or
                                   x.pos_ == "VERB" and x.dep_ == "acl" and x.tag_ == "VBN"):
        x = x.head  # coordinated and chained verbs share the clause's time ("entered …, and began to stab"); a
    return x  # participle describing a noun is a clause of its own ("the area struck by storms during April")
