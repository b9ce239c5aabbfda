"""Event coreference across the article: one event told twice in words that made two.

A verb starts a new event in :mod:`kg.extraction.events` unless the lead retells the headline, so a story that
comes back to its event later ("servers have been seized …" … "On March 20, U.S. law enforcement seized the
market") or names it first with a noun and then with a verb ("the collision" … "the train collided head on") makes
two events, and the day may sit on the one the reader does not take for the event. Once each event has the time its
own words give (and the lead's day, :mod:`kg.extraction.lead_time`), a later event joins an earlier one when the two
can only be one:

- the same type and the same word: one lemma, or a verb and its nominalisation ("collided" … "the collision",
  "signs" … "the signing"); a type alone is not enough ("explosion" and "collapse" are both disasters); not a
  statement, a meeting or a call, which an article tells many of, nor an abstract act such as aid or an appeal;
- the same modality (a planned or a denied event is not the one that happened);
- participants that do not exclude each other (two agents, or two patients, with no actor in common are two
  events: "X was sentenced" … "Y was sentenced");
- one of the two dated, the other not (the merge carries the date to the words the reader takes for the event;
  two days are two events, and two undated accounts are left as they were told), and the undated one not told in
  a sentence that names another time it could take ("on December 18, a train derailed, killing three; on January
  31, a driver was killed": two deaths);
- no mention that sets itself apart ("another", "a previous", "a second" …) or counts other events;
- exactly one earlier event qualifies (two candidates are two stories of the same kind: nothing is merged);
- the news of the headline or the lead left undated does not take a day more than a year before the article's date
  (the background's earlier event of the same kind: "held at home" … "In May 2001, police arrested him").
"""

from __future__ import annotations

from kg import lexicon
from kg.extraction.headline_events import retold_in_other_words
from kg.extraction.lead_time import lead_paragraphs
from kg.extraction.relative_events import clause_verb, same_phrase
from kg.extraction.steps import Step, Work
from kg.extraction.time import bounds
from kg.model import Event
from kg.vocab import event_class

# Types an article tells many of, or that name an act only in words: never merged by type alone.
_OWN_KIND_ONLY = {"event", "make-statement", "aid", "offer", "cooperation", "appeal", "praise", "demand",
                  "policy-review", "diplomatic-cooperation", "approval", "threat", "opposition", "criticism",
                  "accusation", "condolences", "declaration"}
_AGENTS = {"agent"}
_PATIENTS = {"target", "theme", "recipient"}
# Modifiers that set a mention apart from an event already told ("another attack", "the previous ban").
_APART = {"another", "new", "second", "third", "previous", "earlier", "past", "next", "future", "last", "further",
          "separate", "different", "first", "other", "former", "later", "subsequent", "upcoming", "recent",
          "original", "prior", "both", "each", "all"}
# Modalities that can name one event: what happened is not what is planned or denied, and what exists only inside
# somebody's words stays apart ("the threat of the building collapsing").
_MODALITY_GROUPS = ({"actual", "ongoing"}, {"alleged"}, {"planned", "scheduled"}, {"hypothetical"}, {"negated"})


class EventCoref:
    """The merge step of :class:`kg.extraction.events.EventFinder` (which holds ``events``, ``mentions``,
    ``times`` and ``_modality``)."""

    def _merge_fragments(self) -> None:
        times = {t.key: t for t in self.times}
        gone: set[str] = set()
        by_type: dict[str, list[Event]] = {}  # the earlier events that may take a later one, by type
        for later in self.events:
            if not self._mergeable(later):
                continue
            earlier = by_type.setdefault(later.type, [])
            fits = [e for e in earlier if e.key not in gone and self._one_event(e, later, times)]
            earlier.append(later)
            if len(fits) != 1:
                continue
            self._absorb(fits[0], later)
            gone.add(later.key)
        if gone:
            self.events[:] = [e for e in self.events if e.key not in gone]

    def _headline_retold(self) -> None:
        """The headline's verb of no listed type ("Troops battle rebels") that the lead tells again with the same
        verb, which the lexicon types ("On Tuesday, troops battled rebels": fighting), is that event: the headline's
        mention joins it, when their times do not differ."""
        lead = {id(pb) for pb in lead_paragraphs(self.parsed)}
        gone: set[str] = set()
        for e in self.events:
            first = self.mentions[e.key][0]
            if e.key in gone or first.pb.block.kind != "headline":
                continue
            lemma = first.head.lemma_.lower()
            told = [x for x in self.events if x.type != "event" and x.key not in gone and any(
                id(m.pb) in lead and m.head.lemma_.lower() == lemma for m in self.mentions[x.key])]
            if e.type == "event" and len(told) == 1 and (
                    e.time is None or told[0].time is None or e.time == told[0].time or
                    _same_value(self.times, e.time, told[0].time)):
                self._absorb(told[0], e)
                gone.add(e.key)
                continue
            # the lead telling it again in other words, with the same subject or object ("Orchard output slides" …
            # "Apple output fell in February", "Minister offers blueprint" … "launched the blueprint yesterday"):
            # one event, of the lead's day
            if first.head.pos_ != "VERB":
                continue
            other = [x for x in self.events if x.type == "event" and x.key not in gone and x is not e and
                     len(self.mentions[x.key]) == 1 and id(self.mentions[x.key][0].pb) in lead and
                     retold_in_other_words(first.head, self.mentions[x.key][0].head)]
            if len(other) == 1 and e.time is None:
                self._absorb(e, other[0])
                gone.add(other[0].key)
        if gone:
            self.events[:] = [e for e in self.events if e.key not in gone]

    def _mergeable(self, e: Event) -> bool:
        return e.type not in _OWN_KIND_ONLY and event_class(e.type) != "Communication" and \
            not any(_set_apart(m.head) for m in self.mentions[e.key])

    def _one_event(self, a: Event, b: Event, times: dict) -> bool:  # noqa: ANN001 - times by key
        if a.type != b.type or not any(a.modality in g and b.modality in g for g in _MODALITY_GROUPS) or \
                not _same_word(self.mentions[a.key], self.mentions[b.key][:1]):
            return False
        ta, tb = times.get(a.time or ""), times.get(b.time or "")
        va, vb = ta.value if ta is not None else None, tb.value if tb is not None else None
        if bool(va) == bool(vb):
            return False  # (both dated: each has its day already, and two days are two events)
        if self._dated_otherwise(b if va else a, va or vb):
            return False
        if self._old_news(b if va else a, va or vb):
            return False
        if _counts(self.mentions[a.key]) and _counts(self.mentions[b.key]) and \
                _counts(self.mentions[a.key]) != _counts(self.mentions[b.key]):
            return False  # "two attacks" … "three attacks"
        for roles in (_AGENTS, _PATIENTS):
            xa = {p.actor for p in a.participants if p.role in roles}
            xb = {p.actor for p in b.participants if p.role in roles}
            if xa and xb and not xa & xb:
                return False
        return True

    def _dated_otherwise(self, undated: Event, value: str) -> bool:
        """Whether the undated event is told in a sentence that names another time it could take ("on December 18,
        a train derailed …, killing three; on January 31, a driver was killed"): a story of its own day, even if the
        rules left it without one. A time inside an after/before phrase the event is not in ("flared up in 2008
        following a disputed election") and the day of a report ("servers have been seized, prosecutors said on
        Tuesday") are not such times."""
        verbs = lexicon.reporting_verbs()
        for m in self.mentions[undated.key]:
            b = m.pb.offset + m.head.sent.start_char
            e = m.pb.offset + m.head.sent.end_char
            for t in self.times:
                if not (b <= t.span.begin < e) or not t.value or t.value == value:
                    continue
                hit = self.parsed.token_at(t.span.begin)
                if hit is not None and hit[0] is m.pb and same_phrase(m.head, hit[1]) and \
                        clause_verb(hit[1]).lemma_ not in verbs:
                    return True
        return False

    def _old_news(self, undated: Event, value: str) -> bool:
        """Whether the undated event is the news of the headline or the lead and the other's day is more than a year
        before the article's date ("Ex-minister held at home" … "In May 2001, police arrested the ex-minister"): a
        past event of the same kind, which a story's background tells, not the news told again."""
        anchor = self.parsed.article.meta.date
        first = self.mentions[undated.key][0]
        lead = lead_paragraphs(self.parsed)
        if anchor is None or not (first.pb.block.kind in ("headline", "standfirst") or
                                  any(first.pb is pb for pb in lead)):
            return False
        span = bounds(value)
        return span is not None and (anchor - span[1]).days > 366

    def _absorb(self, keep: Event, other: Event) -> None:
        keep.mentions = sorted(keep.mentions + other.mentions, key=lambda s: s.begin)
        self.mentions[keep.key] = sorted(self.mentions[keep.key] + self.mentions[other.key],
                                         key=lambda m: m.span.begin)
        seen = {(p.actor, p.role) for p in keep.participants}
        keep.participants += [p for p in other.participants if (p.actor, p.role) not in seen]
        keep.time = keep.time or other.time
        keep.place = keep.place or other.place
        keep.modality = self._modality(keep)  # (the merged words: a dated past makes it actual)


def _same_value(times: list, a: str | None, b: str | None) -> bool:  # noqa: ANN001 - time expressions
    values = {t.key: t.value for t in times}
    return values.get(a or "") is not None and values.get(a or "") == values.get(b or "")


def _set_apart(head) -> bool:  # noqa: ANN001 - a token
    return any(c.dep_ in ("amod", "det", "predet") and c.lower_ in _APART for c in head.children)


def _same_word(a: list, b: list) -> bool:  # noqa: ANN001 - mentions of kg.extraction.events
    """Whether the words that introduce a later event (``b``: its first mention, not words it gathered since)
    name an earlier one (``a``) again or by a verb and its nominalisation ("seized" … "seized",
    "collided" … "the collision", "signs" … "the signing"): the same lemma, or lemmas that share their first five
    letters (four for a short verb: "seize", "seizure"), which a type alone does not give ("explosion" and
    "collapse" are both disasters)."""
    la = {m.head.lemma_.lower() for m in a}
    lb = {m.head.lemma_.lower() for m in b}
    if la & lb:
        return True
    return any(_stem_match(x, y) for x in la for y in lb)


def _stem_match(x: str, y: str) -> bool:
    n = 0
    while n < min(len(x), len(y)) and x[n] == y[n]:
        n += 1
    return n >= 5 or n >= 4 and min(len(x), len(y)) <= 6


def _counts(mentions: list) -> frozenset[str]:  # noqa: ANN001 - mentions of kg.extraction.events
    return frozenset(c.lower_ for m in mentions for c in m.head.children if c.dep_ == "nummod")


def _event_coref(work: Work) -> None:
    work.event_finder._headline_retold()
    work.event_finder._merge_fragments()
    work.put(event_coref=True)


EVENT_COREF = Step("event coreference", ("event_finder", "lead_time"), ("event_coref",), _event_coref,
                   "an event told again later in other words (a verb after a noun, a second account) joins the one "
                   "it repeats when type, modality, participants and time agree and one of them is dated")
