"""When events happen: the time expression the text attaches to each event.

- Syntax first: a time phrase on the trigger, on the verb it is the object or subject of, or on the party of a
  meeting ("meeting with President Zhou on May 5") — the phrase's object itself ("on Saturday", "in 2020"), not a
  date buried in it ("in week 9 of the 2017 league" is not in 2017). Of the times attached to an event's mentions
  the most precise wins (a day before a month before a year).
- Then the surface: a time right after a mention in its sentence; a dated expression of the mention's own clause
  (coordinated and chained verbs share it); the one dated expression of a sentence whose main event it is.

The breaking-news rule (an event the lead reports without a time takes the lead's day) is in
:mod:`kg.extraction.lead_time`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.event_words import trace
from kg.extraction.relative_events import RELATIVE, clause_verb as _clause_verb, same_phrase
from kg.extraction.steps import Step, Work
from kg.extraction.tense import just_happened_perfect, said_right_before, tense_at
from kg.extraction.time import bounds
from kg.model import Event, TimeExpression
from kg.pipeline.nlp import ParsedBlock
from kg.vocab import event_class

# What may stand before a time that opens a sentence ("Today, …", "On Sunday, …", "Late on Friday, …"), after a
# sentence adverb that links it to the one before ("Also, today, …", "Meanwhile, on Sunday, …").
_OPENING = re.compile(r"(?:(?:also|meanwhile|separately|elsewhere|however|then|and|but|again)(?:,? |,?$))?"
                      r"(?:(?:late|early|earlier|later) )?(?:on|in|at|during)?", re.IGNORECASE)
# Nouns that carry a date in an "of" phrase: "on the morning of May 4", "on the day of the vote".
_TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "weekend", "eve", "dawn", "end", "beginning", "start",
               "middle", "turn", "close"}


# What joins a day to another offered in its stead ("May 7 or May 9", "Friday, or Saturday").
_OR = re.compile(r",? or ")


class EventTimes:
    """The time-finding steps of :class:`kg.extraction.events.EventFinder` (which holds ``coref``, ``times``,
    ``events``, ``mentions`` and ``time_candidates``)."""

    def _place_and_time(self, event: Event, m) -> None:
        head, pb = m.head, m.pb
        if head.pos_ in ("NOUN", "PROPN"):  # "the 2020 season", "the April 6 earthquake", "yesterday's attack": a
            a = head.left_edge.i  # date of the mention's own phrase dates it
            own = [t for t in self.times if pb.offset + pb.doc[a].idx <= t.span.begin and t.span.end <= m.span.begin
                   and t.value and t.granularity in ("year", "month", "day")]
            if own:
                self.time_candidates.setdefault(event.key, []).append(own[-1])
        # (the verb of which the event's noun is the subject, object or passive subject: "the deal was signed in 2019")
        scope = [head] + ([head.head] if head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and
                          head.head.pos_ == "VERB" and not _announced_death(event, head) else [])
        if head.dep_ == "dobj" and _purpose(head.head):  # "called X this morning to express his condolences"
            scope.append(head.head.head)
        if head.pos_ in ("NOUN", "PROPN"):  # "the summit they will attend on Thursday", "the vote, which took place
            scope += [c for c in head.children if c.dep_ == "relcl" and c.lemma_ in _OCCURRING]  # on Monday"
        for c in head.children:  # "meeting with President Zhou on May 5": the date hangs on "Zhou"
            if c.dep_ == "prep" and c.lower_ in ("with", "of", "between"):
                scope += [x for x in c.children if x.dep_ == "pobj"]
        if head.pos_ == "VERB" or event.type in ("visit",):
            scope += [c for c in head.children if c.dep_ in ("xcomp",)]
        cleft = _cleft(head)
        if cleft is not None:  # "It was on Monday that the minister resigned": the day the cleft puts first
            t = next((t for c in cleft.children if c.dep_ in ("prep", "npadvmod", "tmod", "attr", "nsubj")
                      for t in [self._time_in(pb, c, cleft=True)] if t is not None and t.value), None)
            if t is not None:
                self.time_candidates.setdefault(event.key, []).append(t)
        for s in scope:
            for c in s.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at") and event.place is None:
                    pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        key = self.coref.index.owner_at(*self._tok_range(pb, pobj))
                        if key in self.coref.index.places:
                            event.place = key
                if self._dates_what_is_spoken_of(pb, s, c, head) or _dates_the_saying(c, s):
                    continue
                t = self._time_in(pb, c)
                if t is not None:
                    self.time_candidates.setdefault(event.key, []).append(t)

    def _dates_what_is_spoken_of(self, pb: ParsedBlock, verb: Token, tok: Token, head: Token) -> bool:
        """ "restated its condemnation of the shelling of the depot yesterday": a day the parser hangs on a verb
        of speaking that stands right after the phrase of another event the words are about dates that event (the
        nearby-time rule gives it), not the speaking nor its object."""
        if tok.dep_ not in ("npadvmod", "tmod") or verb.pos_ != "VERB" or \
                verb.lemma_.lower() not in lexicon.reporting_verbs() and verb.lemma_.lower() not in _SPEAKING:
            return False
        before = tok.left_edge.i - 1
        heads = self._event_heads()
        return any(x.i != head.i and (id(pb), x.i) in heads and x.right_edge.i == before and x.pos_ == "NOUN"
                   for x in pb.doc[verb.sent.start : tok.i])

    def _nearby_times(self) -> None:
        """A time expression the syntax did not attach ("… virtual meeting with President Zhou on May 5, 2021"
        where the parser hangs the date on another verb) goes to the event mentioned just before it in the same
        sentence, a few words away."""
        used = {e.time for e in self.events if e.time}
        for t in self.times:
            if t.key in used or _age(t) or self._gap(t):
                continue
            best: tuple[int, Event] | None = None
            for e in self.events:
                if e.time or t.value is None and event_class(e.type) != "Situation":
                    continue  # (a length of time is no time of a deed: "the deadliest day … in several years")
                for m in self.mentions[e.key]:
                    gap = t.span.begin - m.span.end
                    if not 0 <= gap <= 40 or (best is not None and gap >= best[0]):
                        continue
                    between = self.parsed.article.text[m.span.end : t.span.begin]
                    if m.pb.offset + m.head.sent.end_char >= t.span.end and " of " not in between and \
                            not self._perfect_before_report(m, t):
                        best = (gap, e)
            if best is not None:
                best[1].time = t.key
                used.add(t.key)

    def _gap(self, t: TimeExpression) -> bool:
        """ "murdered a few weeks after posting", "two days later": a length of time before "after", "before",
        "later" measures the gap to another event; it is no time of the event. Nor is a day offered as one choice
        of several ("to decide whether to hold the poll May 7 or May 9"): the choice is not made."""
        if self._alternative(t):
            return True
        after = self.parsed.token_at(t.span.end + 1)
        return t.value is None and after is not None and after[1].lower_ in RELATIVE | {"later", "earlier"}

    def _alternative(self, t: TimeExpression) -> bool:
        """Whether a time is joined to another by "or" ("May 7 or May 9", "Friday or Saturday")."""
        text = self.parsed.article.text
        return any(_OR.fullmatch(text[a.span.end : b.span.begin]) for u in self.times if u is not t
                   for a, b in ((u, t), (t, u)) if a.span.end <= b.span.begin)

    def _sentence_times(self) -> None:
        """An event still without a time takes a dated expression of its own clause ("… overcame Dunmore in their
        tie at the oval on Sunday", where the parser hangs the day on the oval), or the one dated expression
        of its sentence when it is the sentence's main event. Quoted words and headlines are not read this way."""
        used = {e.time for e in self.events if e.time}
        heads = self._event_heads()
        for event in self.events:
            if event.time is not None:
                continue
            for m in self.mentions[event.key]:
                if m.pb.block.kind not in ("paragraph", "standfirst") or self.coref.in_quote(m.span.begin) or \
                        _announced_death(event, m.head) or trace(m.head):
                    continue  # ("reached victims of the quake on Tuesday": the clause's day is not the quake's)
                sent = m.head.sent
                b, e = m.pb.offset + sent.start_char, m.pb.offset + sent.end_char
                # a time that opens the sentence ("Today, as the storm hit, the service issued alerts"), or stands in
                # the phrase that opens it ("On a visit to the port on Thursday, the president signed …"), dates every
                # event of it; others only one
                dated = [t for t in self.times if b <= t.span.begin < e and t.value and not
                         self.coref.in_quote(t.span.begin) and not self._alternative(t) and (t.key not in used or
                                                                _OPENING.fullmatch(self.parsed.article.text[b : t.span.begin]
                                                                                   .strip(" ,")) or
                                                                self._in_opening_phrase(t, m.head))]
                if not dated:
                    continue
                # "met on Tuesday, a day after the attack", "arrested two days after the crash on Sunday": a time
                # inside an after/before phrase dates the event named there, a time outside it not that event
                dated = [t for t in dated if (hit := self.parsed.token_at(t.span.begin)) is not None and
                         hit[0] is m.pb and same_phrase(m.head, hit[1])]
                mine = _clause_verb(m.head)
                dated = [t for t in dated if (hit := self.parsed.token_at(t.span.begin)) is not None and
                         not _dates_the_saying(hit[1], mine)]  # ("said on Tuesday it would recall …")
                same = [t for t in dated if (hit := self.parsed.token_at(t.span.begin)) and
                        _clause_verb(hit[1]).i == mine.i]
                if not same and len(dated) == 1 and (mine.dep_ == "ROOT" or self._dependent_clause(m, dated[0])) \
                        and not self._perfect_before_report(m, dated[0]) and not _describes_a_party(m, heads):
                    same = dated
                opening = [t for t in dated if _OPENING.fullmatch(self.parsed.article.text[b : t.span.begin]
                                                                  .strip(" ,"))]
                if not same and opening and m.head.pos_ == "VERB" and not _describes_a_party(m, heads) and \
                        not _in_relative_clause(mine) and not self._perfect_before_report(m, opening[0]) and \
                        not (_past_perfect(m.head) and mine.dep_ == "ccomp"):  # (what was said had happened before)
                    same = opening  # "Also, today, aircraft targeted a base, killing two": every deed it tells (not
                    # a noun of what is spoken of: "In August, the family forgave him for the killing")
                if same:
                    event.time = same[0].key
                    break

    def _in_opening_phrase(self, t: TimeExpression, head: Token) -> bool:
        """Whether a time stands in a phrase that opens its sentence before the subject, set off by a comma, and
        hangs on the sentence's main verb ("On a visit to the port on Thursday, the president signed …", "Speaking
        on Wednesday, the minister …"): the setting of the sentence's verbs and of what the phrase names, not of an
        event a noun of the main clause names ("… the following day, the ministry denounced the summit's
        conclusions") nor of a source's claim ("According to a poll published last week, …")."""
        hit = self.parsed.token_at(t.span.begin)
        if hit is None or head.doc is not hit[1].doc:
            return False
        x = hit[1]
        while x.head.i != x.i and x.head.dep_ != "ROOT":
            x = x.head
        root = x.head
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        after = x.doc[x.right_edge.i + 1] if x.right_edge.i + 1 < len(x.doc) else None
        if x.i == root.i or x.dep_ not in ("prep", "advcl", "npadvmod") or x.left_edge.i != root.sent.start or \
                subj is None or x.right_edge.i >= subj.left_edge.i or after is None or after.text != "," or \
                x.lower_ == "according":
            return False
        return x.left_edge.i <= head.i <= x.right_edge.i or head.pos_ == "VERB" and _clause_verb(head).i == root.i

    def _perfect_before_report(self, m, t: TimeExpression) -> bool:  # noqa: ANN001 - a mention
        """ "The plant has been closed since 2001, a ranger said on Friday": the day dates the report; an event told
        in the present, or in a perfect that reaches back, happened before it (one told in the past, or in the
        perfect of news, "three hikers have been found", is news of that day)."""
        hit = self.parsed.token_at(t.span.begin)
        if hit is None or _clause_verb(hit[1]).lemma_ not in lexicon.reporting_verbs():
            return False
        return tense_at(self.parsed, m.span.begin) != "past" and not (t.granularity == "day" and
                                                                   just_happened_perfect(self.parsed, m.span.begin))

    def _dependent_clause(self, m, t: TimeExpression) -> bool:  # noqa: ANN001 - a mention of kg.extraction.events
        """Whether an event of an adverbial, coordinated or complement clause shares its sentence's one date ("Rovers
        slipped to fourth … after they lost 1-4 … on Wednesday"): the clause hangs on the sentence's main verb
        without a report between them, and the two are told in the same tense."""
        x = _clause_verb(m.head)
        while x.dep_ in _DEPENDENT and x.head.i != x.i:
            x = _clause_verb(x.head)
        if x.dep_ != "ROOT" or _clause_verb(m.head).dep_ in ("relcl", "ccomp"):
            return False  # a relative clause describes a participant; a complement is what somebody said
        return _compatible(tense_at(self.parsed, m.span.begin), tense_at(self.parsed, t.span.begin))

    def _event_heads(self) -> set[tuple[int, int]]:
        return {(id(m.pb), m.head.i) for ms in self.mentions.values() for m in ms}

    def _no_past_for_upcoming(self) -> None:
        """ "talked on Monday about a forthcoming summit": an event its mention calls upcoming or forthcoming lies
        after the words that speak of it, so a day before the article's date that the sentence or a neighbouring verb
        gave it is not its day (a date inside its own phrase, "the upcoming summit on March 22", is)."""
        anchor = self.parsed.article.meta.date
        times = {t.key: t for t in self.times}
        for e in self.events:
            t = times.get(e.time or "")
            if t is None or anchor is None or not t.value or (b := bounds(t.value)) is None or b[1] >= anchor:
                continue
            ahead = [m for m in self.mentions[e.key] if any(c.dep_ == "amod" and c.lower_ in _AHEAD
                                                             for c in m.head.children)]
            if ahead and not any(m.pb.offset + m.head.left_edge.idx <= t.span.begin and t.span.end <= m.pb.offset
                                 + m.head.right_edge.idx + len(m.head.right_edge.text) for m in ahead):
                e.time = None

    def _tok_range(self, pb: ParsedBlock, tok: Token) -> tuple[int, int]:
        return pb.offset + tok.idx, pb.offset + tok.idx + len(tok.text)

    def _time_in(self, pb: ParsedBlock, tok: Token, cleft: bool = False) -> TimeExpression | None:
        """A time expression headed at ``tok`` or inside a time prepositional phrase ("on Thursday"); in a cleft,
        also the complement or the subject of its "be" ("It was yesterday when …", "Friday was when …")."""
        if tok.dep_ not in ("prep", "npadvmod", "tmod", "pobj", "advmod") + (("attr", "nsubj") if cleft else ()) or \
                (tok.dep_ == "prep" and tok.lower_ not in ("on", "in", "at", "by", "during", "since", "before", "after")):
            return None
        b, e = pb.offset + tok.left_edge.idx, pb.offset + tok.right_edge.idx + len(tok.right_edge.text)
        # the time is the phrase's object itself ("on Saturday", "in 2020", "on the morning of May 4"), not a date
        # buried in it ("in week 9 of the 2017 league" is not in 2017)
        core = next((c for c in tok.children if c.dep_ == "pobj"), tok) if tok.dep_ == "prep" else tok
        timed = core.lemma_.lower() in _TIME_NOUNS
        # "broke out at a chemical plant on Monday night": the parser hangs the day on the place, not on the verb
        hung = tok.dep_ == "prep" and tok.lower_ in ("at", "in", "near") and core.pos_ in ("NOUN", "PROPN") and \
            (id(pb), core.i) not in self._event_heads()
        for t in self.times:
            if not (b <= t.span.begin and t.span.end <= e):
                continue
            hit = self.parsed.token_at(t.span.begin)
            if hit is None:
                continue
            x = hit[1]
            if self._gap(t):
                continue
            while x.i != core.i and x.head.i != x.i and (x.dep_ != "prep" or timed and x.lower_ == "of" or
                                                          hung and x.head.i == core.i and x.lower_ in ("on", "at")):
                x = x.head
            if x.i == core.i:
                return t
        return None

    def _choose_times(self) -> None:
        """Of the times attached to an event's mentions, the most precise (a day before a month before a year),
        then the first."""
        rank = {"day": 0, "week": 1, "month": 2, "year": 3}
        for event in self.events:
            found = [t for t in self.time_candidates.get(event.key, []) if not _age(t) and not self._alternative(t)]
            if found and event.time is None:
                best = min(found, key=lambda t: (t.value is None, rank.get(t.granularity or "", 4)))
                event.time = best.key


def _dates_the_saying(tok: Token, verb: Token) -> bool:
    """ "Motorco said on Tuesday it would recall 500,000 cars": a day right after a verb of saying dates the saying,
    even where the parser hangs it on the reported verb."""
    core = next((c for c in tok.children if c.dep_ == "pobj"), tok) if tok.dep_ == "prep" else tok
    said = said_right_before(core)
    return said is not None and said.i != verb.i


def _cleft(head: Token) -> Token | None:
    """The "be" of a cleft sentence that puts the time of a mention's clause first: "It was on Monday that the
    minister resigned", "It was yesterday when she died", "Friday was when the crowd stormed the gates". None when
    the "be" says something else of its subject ("It was clear on Monday that …")."""
    verb = _clause_verb(head)
    be = verb.head
    if verb.dep_ not in ("ccomp", "advcl") or be.i == verb.i or be.lemma_ != "be" or be.dep_ != "ROOT":
        return None
    if any(c.dep_ in ("acomp", "oprd") for c in be.children) or any(c.dep_ == "neg" for c in be.children):
        return None
    subj = next((c for c in be.children if c.dep_ in ("nsubj", "expl")), None)
    if subj is None or subj.i > verb.i:
        return None
    if subj.lower_ == "it":  # "It was … that/when …"
        return be if any(c.dep_ == "mark" and c.lower_ == "that" or c.lower_ == "when" for c in verb.children) \
            else None
    return be if subj.ent_type_ in ("DATE", "TIME") and any(c.lower_ == "when" for c in verb.children) else None


def _purpose(verb: Token) -> bool:
    """Whether a verb is an infinitive of purpose of another verb ("called X to express …"): what it does is done
    then."""
    return verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VB" and verb.head.pos_ == "VERB" and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.lemma_ not in _INTENT


# Verbs of speaking of an event besides the reporting verbs: "raised concerns about the strikes".
_SPEAKING = {"raise", "discuss", "voice", "express", "convey", "reiterate", "renew", "repeat"}
# Verbs of a relative clause that say when the event it describes takes place.
_OCCURRING = {"take", "happen", "occur", "attend", "hold", "begin", "start", "end", "open", "close", "schedule", "set"}
# Verbs whose infinitive is a plan, not a purpose carried out: "plans to visit", "wants to meet".
_INTENT = {"plan", "want", "hope", "intend", "expect", "aim", "seek", "try", "promise", "agree", "decide", "refuse",
           "threaten", "vow", "pledge", "offer", "ask", "urge", "need", "have", "be", "go", "continue"}
_DEPENDENT = ("advcl", "conj", "xcomp", "acl", "pcomp", "advmod")
# Modifiers that put an event after the words that speak of it.
_AHEAD = {"upcoming", "forthcoming", "impending"}


# Verbs that make a death known: their day is the day it was told, not the day of the death.
_ANNOUNCING = {"announce", "confirm", "report", "reveal", "acknowledge", "mourn", "deny", "investigate"}


def _announced_death(event: Event, head: Token) -> bool:
    """ "On Tuesday the party confirmed the death of its founder": the day dates the confirmation (the death came
    before it, on a day the sentence does not give)."""
    return event.type == "death" and head.dep_ == "dobj" and head.head.lemma_.lower() in _ANNOUNCING


def _past_perfect(head) -> bool:  # noqa: ANN001 - a token
    """Whether a mention's verb (or the verb of which it is the subject or object) is a past perfect: "had shot
    down", "had been arrested"."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d", "’d")
                                      for c in verb.children)


def _describes_a_party(m, event_heads: set[tuple[int, int]]) -> bool:  # noqa: ANN001 - a mention
    """Whether a mention stands in a clause that describes a noun other than an event ("a man who died in custody",
    "people protesting the death of …"): background of a participant, not the news the lead reports on its day
    ("the fire, which also injured a man" still tells the fire)."""
    if m.pb.block.kind != "paragraph":
        return False  # a headline's participle is its predicate: "Minister killed in strike"
    x, steps = m.head, 0
    while x.head.i != x.i and steps < 8:
        if x.dep_ in ("relcl", "acl"):
            return (id(m.pb), x.head.i) not in event_heads
        if x.pos_ in ("VERB", "AUX") and x.dep_ in ("advcl", "ccomp", "parataxis"):
            return False  # the mention's own clause ends here ("… hoping to draw level as they lost 2-1")
        x, steps = x.head, steps + 1
    return False
_TENSES = ({"past", "perfect"}, {"future", "timetabled"})


def _in_relative_clause(verb: Token) -> bool:
    """Whether a clause stands inside a relative clause ("On Monday, police went to the flat where, they said, the
    man had left the group"): it describes a thing of the sentence, not what happened on its opening day."""
    return any(x.dep_ == "relcl" for x in (verb, *verb.ancestors))


def _compatible(a: str | None, b: str | None) -> bool:
    """Two clauses told in the same tense (a perfect goes with a past; a plan with a timetable)."""
    return any(a in group and b in group for group in _TENSES)


def _age(t: TimeExpression) -> bool:
    """ "the 36-year-old's killing": an age says how old a person is, never when an event happened."""
    return t.value is None and t.span.text.endswith("old")


def _event_times(work: Work) -> None:
    finder = work.event_finder
    finder._choose_times()
    finder._nearby_times()
    finder._sentence_times()
    finder._no_past_for_upcoming()
    work.put(event_times=True)


EVENT_TIMES = Step("event times", ("event_finder", "events", "times"), ("event_times",), _event_times,
                   "an event's time: the one its mentions name, else a time nearby or in its sentence")
