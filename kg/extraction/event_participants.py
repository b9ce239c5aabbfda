"""Who takes part in an event, and in which role: the subject and object of a verb trigger, the owner or the
nationality of a noun ("Russia's invasion", "Russian aggression"), "by" and "of" phrases, the subject of a verb that
carries out the event its object names ("announced a withdrawal"), "with"/"between" for the parties of a symmetric
event and "against"/"on" for a target. A part of :class:`kg.extraction.events.EventFinder` (which holds ``coref``,
``parsed`` and the events).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction.headline_events import misparsed_parties
from kg.model import Event, Participation, Span
from kg.pipeline.nlp import ParsedBlock

SYMMETRIC = {"phone-call", "virtual-meeting", "meeting", "talks", "negotiation", "consultation", "summit",
             "conference", "dispute", "tensions", "trade-war", "clash", "agreement", "handshake", "war", "conflict"}
# What storms do to places ("Tamsin lashes the Faroes", "Gideon nears the shore").
STORM_MOVES = {"storm-hit", "storm-approach"}
# Gatherings one attends: who speaks or appears at one attends it.
_GATHERINGS = {"opening", "summit", "conference", "convening", "ceremony"}
# Events a speaker makes by speaking in them.
_SPEECH = {"make-statement", "press-conference", "interview"}
# Events whose noun's owner is the one they happen to when a person ("her son's murder", "the envoy's death").
# Harm no one is said to have inflicted: who suffers it undergoes it.
_UNINFLICTED = {"death", "accidental-injury"}
_VICTIM_OWNED = {"killing", "death", "assassination", "abduction", "injury", "accidental-injury"}
# Types of which each person has their own: a sentencing, a verdict, a trial.
_PER_PERSON = {"sentencing", "verdict", "trial"}
# Contests whose parties sports pages name by their towns ("Ashgrove edged Millbrook").
CONTESTS = {"sports-event"}
# Verbs whose object names an event their subject carries out ("launched an offensive", "held talks", "announced a
# withdrawal"), unlike verbs that speak of it ("condemned the attack", "denied the killing").
_SUPPORT_VERBS = {"hold", "conduct", "launch", "stage", "carry", "mount", "announce", "begin", "start", "order",
                  "issue", "lead", "host", "attend", "join", "complete", "continue", "resume", "undertake", "perform",
                  "commit", "organise", "organize", "declare", "impose", "pay", "make", "give", "sign",
                  "file", "bring", "undergo", "express", "convey", "extend"}


# Verbs whose "by" phrase on an event noun gives who carried it out ("the attack, carried out by X").
_CARRIED = {"carry", "conduct", "launch", "stage", "mount", "perpetrate", "commit", "claim", "organise", "organize",
            "lead", "order", "plan", "execute"}


def _done_to(etype: str) -> bool:
    """Types whose noun takes the one it is done to with "of" ("the killing of X", "the trial of X")."""
    from kg.vocab import cameo

    return (cameo(etype) or "")[:2] in ("17", "18", "19") or etype in ("death", "accidental-injury")


# Verbs of making a text public or sending it: "in a statement released on Monday, the ministry said …".
_PUBLISHING = {"publish", "release", "issue", "post", "send", "present", "submit", "file", "sign"}


def _author(verb: Token) -> Token | None:
    """ "In a paper published on Wednesday, biologists at X reported …", "In a letter sent to the council, the
    mayor asked …": who speaks through the text made the text public. The subject of the verb whose "in" phrase names
    a text by a participle of publishing (no "by" phrase of its own)."""
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.lemma_.lower() not in _PUBLISHING or \
            any(c.dep_ == "agent" for c in verb.children):
        return None
    text, prep = verb.head, verb.head.head
    if text.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ != "VERB" or text.lemma_.lower() == "interview":
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubj"), None)


class EventParticipants:
    """The participant-finding steps of :class:`kg.extraction.events.EventFinder`."""

    def _add(self, event: Event, tok: Token | None, pb: ParsedBlock, role: str) -> None:
        if tok is None:
            return
        hit = corefs.resolve(self.coref, pb, tok, create=True)
        if hit is None and tok.dep_ == "amod" and tok.text[:1].isupper():
            hit = self._demonym(pb, tok)  # "Russian aggression": the country acts
        if hit is None and event.type in CONTESTS and tok.text[:1].isupper():
            hit = self._team(pb, tok)  # "Harwick outplayed Lanford Rovers": a town that plays is its team
        if hit is None or hit[0] not in self.coref.index.actors:
            return
        if any(p.actor == hit[0] for p in event.participants):
            return
        event.participants.append(Participation(hit[0], role, hit[1]))
        for c in tok.children:  # "X and Y"
            if c.dep_ == "conj":
                self._add(event, c, pb, role)

    def _other_patient(self, event: Event, m) -> bool:  # noqa: ANN001 - a mention
        """Whether a verb's mention of a sentencing, verdict or trial is done to another named person than the event's
        ("X was sentenced to four years" … "In another case, Y was sentenced to nine"): a second case, not the first."""
        if m.type not in _PER_PERSON:
            return False
        mine = self._patient(m)
        theirs = {p for x in self.mentions[event.key] if (p := self._patient(x)) is not None}
        return mine is not None and bool(theirs) and mine not in theirs

    def _other_sides(self, event: Event, m) -> bool:  # noqa: ANN001 - a mention
        """Whether a verb's mention of a match is played by other sides than the event's ("Sweden beat Korea 1-0;
        Belgium beat Panama 3-0": two matches): the actors of its subject, object and "to"/"with"/"against" phrase
        and those of the event's verb mentions have none in common; or the event is a named competition."""
        if m.type not in CONTESTS:
            return False
        if m.head.pos_ == "VERB" and any(x.named for x in self.mentions[event.key]):
            return True  # a named competition ("the World Cup") is not one of its matches ("Sweden beat Korea")
        mine = self._sides(m)
        theirs = {a for x in self.mentions[event.key] for a in self._sides(x)}
        return bool(mine) and bool(theirs) and not mine & theirs

    def _sides(self, m) -> set[str]:  # noqa: ANN001 - a mention
        if m.head.pos_ != "VERB":
            return set()
        toks = [c for c in m.head.children if c.dep_ in ("nsubj", "dobj")]
        toks += [g for c in m.head.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "against")
                 for g in c.children if g.dep_ == "pobj"]
        out = set()
        for tok in toks:
            hit = corefs.resolve(self.coref, m.pb, tok, create=False)
            if hit is not None and hit[0] in self.coref.index.actors:
                out.add(hit[0])
        return out

    def _patient(self, m) -> str | None:  # noqa: ANN001 - a mention
        """The named person a verb is done to: its passive subject ("X was sentenced") or object ("sentenced X")."""
        if m.head.pos_ != "VERB":
            return None
        tok = next((c for c in m.head.children if c.dep_ in ("nsubjpass", "dobj")), None)
        hit = corefs.resolve(self.coref, m.pb, tok, create=False) if tok is not None else None
        if hit is None or hit[0] not in self.coref.index.actors or self.coref.index.actors[hit[0]].kind != "person":
            return None
        return hit[0]

    def _is_person(self, pb: ParsedBlock, tok: Token) -> bool:
        hit = corefs.resolve(self.coref, pb, tok, create=False)
        if hit is None:  # "his son's": an unnamed relative is a person too
            lemma = tok.lemma_.lower()
            return lemma in lexicon.person_nouns() or lemma in lexicon.role_nouns() or tok.pos_ == "PRON"
        return hit[0] in self.coref.index.actors and self.coref.index.actors[hit[0]].kind == "person"

    def _storm_place(self, event: Event, m) -> None:  # noqa: ANN001 - a mention of kg.extraction.events
        index = self.coref.index
        objs = [c for c in m.head.children if c.dep_ == "dobj"]
        objs += [g for c in m.head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for o in objs:
            span = self.parsed.span_of(m.pb, o)
            key = index.owner_at(span.begin, span.end)
            if key is not None and event.place is None and (key in index.places or (
                    key in index.actors and index.actors[key].kind == "country")):
                event.place = key

    def _team(self, pb: ParsedBlock, tok: Token) -> tuple[str, Span] | None:
        """A place that is a party of a contest is the team named after it: the place becomes an organisation of the
        article, with every mention of its name (sports pages name clubs by their towns)."""
        index = self.coref.index
        span = self.parsed.span_of(pb, tok)
        key = index.owner_at(span.begin, span.end)
        if key is None or key not in index.places:
            return None
        place = index.places.pop(key)
        team = "team/" + key.split("/", 1)[-1]
        for m in place.mentions:
            del index.mention_owner[(m.span.begin, m.span.end)]  # the name is the team's now, not the place's
            index.add_actor(team, place.label, "organization", m.span)
        for e in self.events:
            if e.place == key:
                e.place = None  # "at Harwick" of another event: the town, but the article speaks of the club
        own = index.mention_of_token(pb, tok)
        return own if own is not None else (team, span)

    def _demonym(self, pb: ParsedBlock, tok: Token) -> tuple[str, Span] | None:
        """The country a nationality adjective names, as a mention of it ("Russian" in "Russian aggression")."""
        from kg import gazetteer
        from kg.extraction.actors import country_key
        from kg.extraction.phrase_words import demonym_token

        c = gazetteer.country(tok.text) if demonym_token(pb, tok) else None
        if c is None:
            return None
        index = self.coref.index
        span = self.parsed.span_of(pb, tok)
        key = country_key(c.name)
        index.add_actor(key, index.actors[key].label if key in index.actors else c.name, "country", span, "demonym")
        return key, span

    def _contest_parties(self, event: Event, m) -> None:  # noqa: ANN001 - a mention of kg.extraction.events
        """ "X beat Y in round 4 of the 2020 league season": the teams of a match the text places in a competition
        play in it."""
        x = m.head
        while x.dep_ == "pobj" and x.head.lower_ in ("of", "in") and x.head.head.i != x.head.i:
            x = x.head.head
            if x.pos_ == "VERB":
                for e in self.events:
                    if e is not event and e.type in CONTESTS and any(y.pb is m.pb and y.head.i == x.i
                                                                     for y in self.mentions[e.key]):
                        for p in e.participants:
                            if not any(q.actor == p.actor for q in event.participants):
                                event.participants.append(Participation(p.actor, "participant", p.span))
                return

    def _participants(self, event: Event, m) -> None:  # noqa: ANN001 - a mention of kg.extraction.events
        head, pb = m.head, m.pb
        if event.type in STORM_MOVES:  # a storm is no agent, and what it hits or heads for is a place
            self._storm_place(event, m)
            return
        if event.type == "competition":
            self._contest_parties(event, m)
        sym = event.type in SYMMETRIC
        parties = misparsed_parties(head) if pb.block.kind == "headline" else None
        if parties is not None:  # "Mayor Ames outflanks deputy Pell", the verb tagged as a noun
            self._add(event, parties[0], pb, "participant" if sym else "agent")
            self._add(event, parties[1], pb, "participant" if sym else "target")
        if head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            if subj is None and agent is not None:  # "were killed by Israeli aircraft"
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
            if subj is None and head.dep_ in ("xcomp", "conj", "advcl") and not passive:
                up = head.head
                while up.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ == "nsubj" for c in up.children):
                    up = up.head
                subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            role = "participant" if sym else {"visit": "visitor", "attendance": "attendee"}.get(event.type, "agent")
            if pb.block.kind in ("headline", "standfirst") and head.tag_ in ("VBD", "VBN") and _done_to(event.type) \
                    and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children):
                role = "target"  # a headline's bare participle is a passive: "Mayor stabbed", "Journalist killed"
            if head.lemma_.lower() in ("die", "succumb", "perish", "drown"):  # who dies undergoes it ("the singer
                role = "theme" if event.type == "death" else "target"  # died"; "five died in the attack"): no agent
            if subj is None:
                subj = _author(head)
            self._add(event, subj, pb, role)
            obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            self._add(event, obj, pb, "participant" if sym else "theme" if event.type in _UNINFLICTED else "target")
        elif head.pos_ == "ADJ":  # "the girls were dead", "a family found dead": the subject died
            verb = head.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                if verb.i != head.i else None
            self._add(event, subj, pb, "theme")
        else:
            for c in head.children:
                if c.dep_ == "poss" and (event.type in _VICTIM_OWNED or head.lemma_.lower() == "murder") and \
                        self._is_person(pb, c):
                    self._add(event, c, pb, "target")  # "his son's murder": the son was killed
                elif c.dep_ in ("poss",) or (c.dep_ == "compound" and c.pos_ == "PROPN"):
                    self._add(event, c, pb, "participant" if sym else "agent")
                if c.dep_ == "amod" and c.pos_ == "ADJ":
                    self._add(event, c, pb, "participant" if sym else "agent")
                if c.dep_ == "prep" and c.lower_ in ("by", "of"):  # "the rape of X by Y", "a withdrawal of X"
                    role = "participant" if sym else "agent" if c.lower_ == "by" or not _done_to(event.type) \
                        else "target"
                    for pobj in c.children:
                        if pobj.dep_ == "pobj":
                            self._add(event, pobj, pb, role)
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _CARRIED:
                    # "the attack, carried out by X", "an offensive launched by X": X did it
                    for pobj in (g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
                        self._add(event, pobj, pb, "participant" if sym else "agent")
            if head.dep_ == "pobj" and head.head.dep_ == "agent" and not sym and _done_to(event.type):
                # "the plants were hit by drone strikes": what was hit is the strikes' target
                subj = next((c for c in head.head.head.children if c.dep_ == "nsubjpass"), None)
                owners = [] if subj is None else [subj] + [g for c in subj.children if c.dep_ == "poss" or c.dep_ ==
                                                           "prep" and c.lower_ == "of" for g in [c, *c.children]
                                                           if g.dep_ in ("poss", "pobj")]
                n = len(event.participants)  # "the plants of the firm X were hit": X, when the plants are no actor
                for tok in owners:
                    if len(event.participants) == n:
                        self._add(event, tok, pb, "target")
            if head.dep_ == "dobj" and head.head.lemma_.lower() in _SUPPORT_VERBS:
                # "the alliance announced a partial drawdown", "X held talks": the verb's subject acts
                subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                self._add(event, subj, pb, "participant" if sym else "attendee" if head.head.lemma_ == "attend"
                          else "agent")
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        self._add(event, pobj, pb, "participant")
            if c.dep_ == "prep" and c.lower_ in ("over", "against", "to", "vs", "v", "versus") and \
                    event.type in CONTESTS and head.pos_ == "NOUN":  # "a 2-1 win over X", "a loss to X"
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        self._add(event, pobj, pb, "participant")
                continue
            if c.dep_ == "prep" and c.lower_ in ("against", "on") and not sym:
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        self._add(event, pobj, pb, "target")
        # "Mark Ellis, in a phone call with Lin Wei, warns": the speaker takes part in the call
        # "Okafor said in a broadcast address", "she told reporters at a press conference": the speaker makes it
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "during", "at") and (
                sym or event.type in _SPEECH or event.type in _GATHERINGS and head.head.lower_ == "at"):
            verb = head.head.head  # ("was speaking at the launch of …": who speaks at a gathering attends it)
            subj = verb if verb.dep_ in ("nsubj",) else next((c for c in verb.children if c.dep_ == "nsubj"), None)
            self._add(event, subj, pb, "participant" if sym else "attendee" if event.type in _GATHERINGS else "agent")
