"""Relations between events: sub-events ("to be in Madrid to meet … and attend the opening"), stated causes ("will
boycott … because of human rights violations", and who states them), time order, and the event a statement is made
in ("said in the call").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extraction import coref as corefs
from kg.extraction.lead_time import in_lead_week, lead_paragraphs, names_a_day
from kg.extraction.relative_events import clause_verb as _clause_verb
from kg.extraction.steps import Step, Work
from kg.extraction.time import bounds
from kg.model import Event, Participation, Statement
from kg.vocab import event_class

# Events a conversation is held for: offered in the call or meeting that a readout tells just before them.
_SAID_IN_TALKS = {"condolences"}
# Harm done to people, and the attacks that do it.
_HARM = {"killing", "death", "injury", "accidental-injury"}
_ATTACKS = {"attack", "bombing", "air-strike", "assault", "shooting", "terrorist-attack"}
_CAUSE_PREPS = {("because", "of"), ("due", "to"), ("over",), ("for",), ("after",)}


class EventRelations:
    """The relation-finding steps of :class:`kg.extraction.events.EventFinder` (which holds ``events``, ``mentions``,
    ``times`` and ``statements``)."""

    def _sub_events(self) -> None:
        """An event expressed in a purpose clause of a visit ("to be in Madrid to meet Zhou and attend …") is part of
        it; so is an opening of a named event ("the opening of the World Cup")."""
        by_head = {(m.pb.offset, m.head.i): e for e in self.events for m in self.mentions[e.key]}
        for event in self.events:
            for m in self.mentions[event.key]:
                t = m.head
                if event.type == "opening":
                    for c in t.children:
                        if c.dep_ == "prep" and c.lower_ == "of":
                            for pobj in c.children:
                                outer = by_head.get((m.pb.offset, pobj.i))
                                if outer is not None and outer is not event:
                                    event.parent = event.parent or outer.key
                up = t
                while up.dep_ in ("xcomp", "conj", "advcl") and up.head.i != up.i:
                    up = up.head
                    outer = by_head.get((m.pb.offset, up.i))
                    if outer is not None and outer is not event and outer.type == "visit":
                        event.parent = event.parent or outer.key
                        for p in outer.participants:
                            if not any(q.actor == p.actor for q in event.participants):
                                role = "attendee" if event.type == "attendance" else "participant"
                                event.participants.insert(0, Participation(p.actor, role, p.span))
                        break
        self._in_conversation()
        self._harm_of_attacks()
        for event in self.events:  # a part of a visit "next week" happens next week, unless it says otherwise
            parent = next((e for e in self.events if e.key == event.parent), None)
            if parent is not None and event.time is None and parent.type == "visit":
                event.time = parent.time
        for event in self.events:  # attending an opening: the attendee attends the opening too
            if event.type == "attendance":
                m = self.mentions[event.key][0]
                for c in m.head.children:
                    target = by_head.get((m.pb.offset, c.i)) if c.dep_ == "dobj" else None
                    if target is not None:
                        for p in event.participants:
                            if not any(q.actor == p.actor for q in target.participants):
                                target.participants.append(Participation(p.actor, "attendee", p.span))

    def _in_conversation(self) -> None:
        """A readout's condolences ("President X spoke with Y this afternoon. The President expressed condolences …",
        "called Y to express his condolences") are offered in the call or meeting told just before them: a part of
        it, on its day."""
        for event in self.events:
            if event.type not in _SAID_IN_TALKS or event.parent is not None:
                continue
            first = self.mentions[event.key][0]
            if first.pb.block.kind != "paragraph":
                continue
            talks = [e for e in self.events if event_class(e.type) == "Communication" and any(
                0 <= first.span.begin - m.span.end < 400 and m.pb.block.kind == "paragraph"
                for m in self.mentions[e.key])]
            if talks:
                event.parent = talks[-1].key
                event.time = talks[-1].time or event.time
                self._condoled(event, first, talks[-1])

    def _condoled(self, event: Event, m, talk: Event) -> None:  # noqa: ANN001 - a mention
        """Whom condolences go to: the "to" phrase of the verb that offers them ("expressed condolences to the
        families"), else the other party of the call they are offered in ("called Y to express his condolences")."""
        verb = m.head.head if m.head.dep_ == "dobj" else m.head
        index = self.coref.index
        for c in list(verb.children) + list(m.head.children):
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    hit = corefs.resolve(self.coref, m.pb, g, create=True) if g.dep_ == "pobj" else None
                    if hit is not None and hit[0] in index.actors:
                        event.participants.append(Participation(hit[0], "recipient", hit[1]))
                        return
        agents = {p.actor for p in event.participants if p.role == "agent"}
        others = [p for p in talk.participants if p.actor not in agents and index.actors.get(p.actor) is not None
                  and index.actors[p.actor].kind == "person"]
        if agents and len(others) == 1:
            event.participants.append(Participation(others[0].actor, "recipient", others[0].span))

    def _harm_of_attacks(self) -> None:
        """ "A bombing was reported to have killed X … five others died in last night's attack; twenty were injured":
        the deaths and injuries an attack causes, told in its sentence, are of its kind (a bombing's killings are
        bombing, CAMEO 183; an air strike's, 195)."""
        for event in self.events:
            if event.type not in _HARM:
                continue
            for m in self.mentions[event.key]:
                sent = m.head.sent
                attack = next((e for e in self.events if e.type in _ATTACKS and any(
                    x.pb is m.pb and sent.start <= x.head.i < sent.end for x in self.mentions[e.key])), None)
                if attack is not None:
                    event.type = attack.type
                    self._same_moment(event, m, attack)
                    break

    def _same_moment(self, harm: Event, m, attack: Event) -> None:  # noqa: ANN001 - a mention
        """ "the killing of X in an airstrike last week", "was killed in a bombing": the harm and the attack it
        names happen at once; the time one of them has is the other's (the harm's own before a guess of the lead's)."""
        named = {(x.pb.offset, x.head.i) for x in self.mentions[attack.key]}
        around = list(m.head.children) + (list(m.head.head.children) if m.head.dep_ in ("dobj", "nsubjpass") else [])
        inside = any(c.dep_ == "prep" and c.lower_ in ("in", "by") and any(  # (the parser may hang "in" on its verb)
            g.dep_ == "pobj" and (m.pb.offset, g.i) in named for g in c.children) for c in around)
        if not inside:
            return
        own = {e.key: {t.key for t in self.time_candidates.get(e.key, [])} for e in (harm, attack)}
        if not attack.participants:  # "the United States' killing of X in an airstrike": the strike's parties
            attack.participants = [Participation(p.actor, p.role, p.span) for p in harm.participants]
        if attack.time in own[attack.key] or harm.time is None:
            harm.time = attack.time or harm.time
        elif harm.time in own[harm.key] or attack.time is None:
            attack.time = harm.time

    def _causes(self) -> None:
        """ "will stay away … because of the press ban": the stated cause, and who states it."""
        by_head = {(m.pb.offset, m.head.i): e for e in self.events for m in self.mentions[e.key]}
        for event in self.events:
            for m in self.mentions[event.key]:
                if any(c.dep_ == "mark" and c.lower_ in ("although", "though", "while", "whereas", "even")
                       for c in m.head.children):
                    continue  # "— though its skaters will still compete —": a concession, not a caused event
                for prep in _preps_around(m.head):
                    words = (prep.lower_,) + tuple(c.lower_ for c in prep.children if c.dep_ == "pcomp")
                    if words[:2] not in _CAUSE_PREPS and words[:1] not in _CAUSE_PREPS:
                        continue
                    if words[0] in ("for", "after", "over") and event.type not in ("boycott", "sanctions", "ban", "protest"):
                        continue
                    for t in prep.subtree:
                        cause = by_head.get((m.pb.offset, t.i))
                        if cause is not None and cause is not event and cause.key not in event.causes:
                            event.causes.append(cause.key)
                            st = next((s for s in self.statements if any(c.overlaps(m.span) for c in s.content)), None)
                            if st is not None:
                                event.cause_claimed_by = st.speaker
                                event.cause_statement = st.key

    def _before(self) -> None:
        spans = {}
        for e in self.events:
            t = next((x for x in self.times if x.key == e.time), None)
            if t is not None and t.value and (b := bounds(t.value)):
                spans[e.key] = b
        for a in self.events:
            for b in self.events:
                if a.key in spans and b.key in spans and spans[a.key][1] < spans[b.key][0]:
                    a.before.append(b.key)


def _preps_around(head: Token) -> list[Token]:
    """Prepositions on the trigger, on its verb, or on a clause it governs ("— although … — because of")."""
    out = [c for c in head.children if c.dep_ in ("prep", "advcl", "pcomp") or c.lower_ == "because"]
    for c in list(head.children):
        if c.dep_ in ("advcl",):
            out += [g for g in c.children if g.dep_ == "prep" or g.lower_ == "because"]
    if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
        out += [c for c in head.head.children if c.dep_ == "prep"]
    return out


# "said in a televised address", "at a joint news conference": up to two modifiers between article and event
_IN_EVENT = re.compile(r"\b(in|during|at|on)\s+(the|a|an|their|his|her|its|this)?\s*(?:[a-z][\w-]*\s+){0,2}$",
                       re.IGNORECASE)


def link_statements(events: list[Event], statements: list[Statement], finder_mentions: dict | None = None) -> None:
    """A statement is made during an event when its sentence puts it there ("in the call") or when it continues the
    talk of a communication event its speaker takes part in; the other party of a two-party call is its addressee."""
    comm = [e for e in events if event_class(e.type) == "Communication" and e.modality == "actual"]
    # "said in a broadcast address", "said in a statement": the statement it was made in, when the sentence says so
    issued = comm + [e for e in events if e.type == "make-statement" and e.modality == "actual"]
    for st in statements:
        if st.sentence is None:
            continue
        text = st.sentence.text
        here = [e for e in issued if any(st.sentence.contains(m) and not any(c.contains(m) for c in st.content)
                                       and _IN_EVENT.search(text[: m.begin - st.sentence.begin])
                                       for m in e.mentions)]
        named_here = [e for e in comm if any(st.sentence.contains(m) for m in e.mentions)]
        if here:
            st.event = here[0].key
        elif named_here:
            pass  # "The video call on Monday came as Ms. Orton said …": related to the call, not said in it
        else:
            before = [e for e in comm if any(m.end <= st.begin for m in e.mentions)
                      and any(p.actor == st.speaker for p in e.participants)]
            if before:
                latest = max(before, key=lambda e: max(m.end for m in e.mentions if m.end <= st.begin))
                last = max(m.end for m in latest.mentions if m.end <= st.begin)
                if st.begin - last < 1500:
                    st.event = latest.key
        event = next((e for e in events if e.key == st.event), None)
        if event is not None and st.addressee is None and st.speaker:
            others = {p.actor for p in event.participants if p.actor != st.speaker}
            if len(others) == 1 and len({p.actor for p in event.participants}) == 2:
                st.addressee = others.pop()


def date_from_lead(events: list[Event], statements: list[Statement], times: list, parsed) -> None:  # noqa: ANN001
    """ "X said on Tuesday …" in the lead, then "X said in a televised address …": the occasion a statement was made
    in takes the day of the lead's statement by the same speaker, when the event has no time of its own, the lead's
    day is in the week before the article's date, and no other day is named between the two (an unbroken account of
    one occasion)."""
    anchor = parsed.article.meta.date
    paragraphs = lead_paragraphs(parsed)
    if anchor is None or not paragraphs:
        return
    lead_end = paragraphs[-1].block.span.end
    days = [t for t in times if names_a_day(t)]
    if not days:
        return
    lead_day: dict[str, tuple[int, object]] = {}  # speaker -> (end of the lead statement's sentence, its day)
    for st in statements:
        if st.begin >= lead_end or st.cue is None or st.sentence is None or not st.speaker or st.speaker in lead_day:
            continue
        cue = parsed.token_at(st.cue.begin)
        if cue is None:
            continue
        for t in days:
            hit = parsed.token_at(t.span.begin) if st.sentence.contains(t.span) and \
                not any(c.contains(t.span) for c in st.content) else None
            if hit is not None and hit[0] is cue[0] and _clause_verb(hit[1]).i == _clause_verb(cue[1]).i and \
                    in_lead_week(anchor, t.value):
                lead_day[st.speaker] = (st.sentence.end, t)
                break
    if not lead_day:
        return
    for event in events:
        if event.time is not None or event.modality != "actual":
            continue
        made = [st for st in statements if st.event == event.key and st.speaker in lead_day]
        if not made:
            continue
        end, day = lead_day[made[0].speaker]
        first = min(m.begin for m in event.mentions)
        if first >= end and not any(end <= t.span.begin < first and t.value != day.value for t in days):
            event.time = day.key


def _relations(work: Work) -> None:
    finder = work.event_finder
    finder._sub_events()
    finder._causes()
    finder._before()
    work.put(event_relations=True)


def _statement_events(work: Work) -> None:
    link_statements(work.events, work.statements)
    date_from_lead(work.events, work.statements, work.times, work.parsed)
    work.put(statement_events=True)


EVENT_RELATIONS = Step("event relations", ("event_finder", "lead_time", "event_coref"), ("event_relations",), _relations,
                       "sub-events (parent), causes and who claims them, and which event came before which")
STATEMENT_EVENTS = Step("statement events", ("events", "statements", "modality", "times"), ("statement_events",),
                        _statement_events,
                        "the communication event a statement was made in, and the other party of a two-party call "
                        "as its addressee")
