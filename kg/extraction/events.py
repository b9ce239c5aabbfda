"""Events: typed triggers, coreference, participants with roles, place, time, modality, sub-events and causes.

Triggers come from the lexicon (``event_triggers.tsv``; longest match first) and from named events ("the World
Cup"). A definite mention ("the call") corefers with the latest event of its type; an indefinite one
("a phone call") starts a new event unless one of that type is already open in the article's first mentions.
Participants, place and time come from the syntax around each mention; modality from its verb group and from
whether it only exists inside someone's statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction.actors import EVENT_NAME
from kg.extraction.event_times import EventTimes
from kg.extraction.time import bounds
from kg.pipeline.ingest import slugify
from kg.model import Event, Participation, Span, Statement, TimeExpression
from kg.pipeline.nlp import ParsedBlock
from kg.vocab import event_class

SYMMETRIC = {"phone-call", "virtual-meeting", "meeting", "talks", "negotiation", "consultation", "summit",
             "conference", "dispute", "tensions", "trade-war", "clash", "agreement", "handshake", "war", "conflict"}
_FUTURE = {"will", "shall", "scheduled", "schedule", "set", "plan", "due", "expect", "intend", "go"}
_HYPOTHETICAL = {"if", "could", "would", "may", "might", "further", "possible", "potential", "risk", "threat"}
_NEGATION = {"not", "never", "no", "n't", "without"}
_ABSTRACT = {"aid", "offer", "cooperation", "appeal", "praise", "demand", "policy-review", "diplomatic-cooperation",
             "settlement", "approval", "threat", "opposition"}
# Types that name one thing in different words ("the executive order" … "the travel ban" … "the ban").
_FAMILIES = [{"ban", "travel-ban", "executive-order"}, {"talks", "negotiation"}, {"war", "fighting", "invasion"}]
# Situations named in different words are one ("the dispute" … "the feud" … "the conflict").
_SITUATIONS = {"dispute", "conflict", "crisis", "tensions"}
# Modifiers that make a second mention a different event of the same type ("another attack", "previous elections").
_DISTINCT = {"another", "new", "second", "third", "previous", "earlier", "past", "next", "future", "last", "further",
             "separate", "different", "first", "other", "former", "later", "subsequent", "upcoming", "recent"}
_MASS = {"aggression", "violence", "fighting", "cooperation", "aid", "occupation"}
_PAST = {"previous", "earlier", "first", "original", "former", "prior", "old"}
_NEW = {"new", "revised", "latest", "updated", "second"}
# Types an article rarely speaks of twice without saying so ("a transparent vote … the elections … the polls").
_ONE_PER_ARTICLE = {"election", "summit", "conference", "trade-war", "sports-event", "opening", "agreement",
                    "accession", "withdrawal", "settlement", "observation", "trial"}
_CAUSE_PREPS = {("because", "of"), ("due", "to"), ("over",), ("for",), ("after",)}


@dataclass
class _Mention:
    pb: ParsedBlock
    head: Token
    tokens: list[Token]
    type: str
    span: Span
    named: str | None = None


@dataclass
class EventFinder(EventTimes):
    coref: corefs.Coref
    times: list[TimeExpression]
    statements: list[Statement]
    events: list[Event] = field(default_factory=list)
    mentions: dict[str, list[_Mention]] = field(default_factory=dict)
    seen_types: set[str] = field(default_factory=set)
    epochs: dict[str, str | None] = field(default_factory=dict)  # event key → "past", "new" or None
    time_candidates: dict[str, list[TimeExpression]] = field(default_factory=dict)  # event key → times attached

    @property
    def parsed(self):  # noqa: ANN201
        return self.coref.index.parsed

    # --- triggers -------------------------------------------------------------------------------------------------
    def _triggers(self) -> list[_Mention]:
        found: list[_Mention] = []
        taken: set[tuple[int, int]] = set()
        named: dict[int, list] = {}  # block offset → its named events (Doc.ents is rebuilt on every access)
        for (pb, sent), words in zip(self.parsed.sentences, self.parsed.sentence_tokens):
            doc = pb.doc
            if pb.offset not in named:
                named[pb.offset] = [e for e in doc.ents if e.label_ == "EVENT" or (
                    e.label_ in ("ORG", "FAC", "WORK_OF_ART") and EVENT_NAME.search(e.text))]
            for ent in named[pb.offset]:  # named events first: "the World Cup", "the Geneva Conference"
                if not (sent.start <= ent.start < sent.end):
                    continue
                toks = [t for t in ent if t.lower_ != "the"]
                etype = self._type_of_words([t.lemma_.lower() for t in toks]) or "event"
                m = _Mention(pb, ent.root, toks, etype, self.parsed.span_of(pb, doc[toks[0].i : toks[-1].i + 1]),
                             named=" ".join(t.text for t in toks))
                found.append(m)
                taken.update((pb.offset, t.i) for t in toks)
            for tok in words:
                if (pb.offset, tok.i) in taken:
                    continue
                m = self._match(pb, tok, taken) or self._stay(pb, tok)
                if m is not None and self._excluded(m):
                    continue
                if m is not None:
                    found.append(m)
                    self.seen_types.add(m.type)
                    taken.update((pb.offset, t.i) for t in m.tokens)
        found.sort(key=lambda m: m.span.begin)
        return found

    def _excluded(self, m: _Mention) -> bool:
        """Not an event: a word of a name ("Ban Ki-moon"), the cue of a statement ("threatened … with travel bans"
        is what the U.S. said), or an abstract type inside a direct quotation ("helping the other …")."""
        b, e = m.span.begin, m.span.end
        index = self.coref.index
        if any(mb <= b and e <= me for (mb, me), key in index.mention_owner.items() if key in index.actors):
            return True
        if any(s.cue is not None and s.cue.overlaps(m.span) for s in self.statements):
            return True
        if m.type in _ABSTRACT and any(s.quote_type == "direct" and any(c.contains(m.span) for c in s.content)
                                       for s in self.statements):
            return True
        return False

    def _stay(self, pb: ParsedBlock, tok: Token) -> _Mention | None:
        """ "Kovalenko is scheduled to be in Madrid next week to meet …": a person to be in a city is a visit."""
        if tok.lemma_ != "be" or tok.dep_ not in ("xcomp", "ROOT", "ccomp", "conj", "relcl"):
            return None
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None:
            return None
        index = self.coref.index
        place = index.owner_at(pb.offset + pobj.idx, pb.offset + pobj.idx + len(pobj.text))
        if place is None or (place not in index.places and index.actors[place].kind != "country"):
            return None
        purpose = any(c.dep_ in ("xcomp", "advcl") and c.tag_ in ("VB", "VBG") for c in tok.children)
        scheduled = tok.dep_ == "xcomp" and tok.head.lemma_ in ("schedule", "due", "set", "expect", "plan")
        if not (purpose or scheduled):
            return None
        toks = list(pb.doc[tok.i : pobj.i + 1])
        return _Mention(pb, tok, toks, "visit", self.parsed.span_of(pb, pb.doc[tok.i : pobj.i + 1]))

    def _type_of_words(self, lemmas: list[str]) -> str | None:
        for trig in lexicon.event_triggers():
            n = len(trig.words)
            for i in range(len(lemmas) - n + 1):
                if tuple(lemmas[i : i + n]) == trig.words:
                    return trig.type
        return None

    def _match(self, pb: ParsedBlock, tok: Token, taken: set[tuple[int, int]]) -> _Mention | None:
        doc = pb.doc
        index = lexicon.triggers_by_first_word()
        candidates = index.get(tok.lemma_.lower(), ()) + (index.get(tok.lower_, ()) if tok.lower_ != tok.lemma_.lower()
                                                           else ())
        for trig in candidates:
            words = trig.words
            toks = self._span_match(doc, tok.i, words)
            if toks is None:
                continue
            verbs = [t for t in toks if t.pos_ == "VERB"]
            if "V" in trig.pos and len(toks) > 1 and verbs:
                head = verbs[0]  # "blown up", "took control", "claimed responsibility": the verb heads the phrase
            else:
                head = max(toks, key=lambda t: (t.dep_ != "compound", t.i))
            if any((pb.offset, t.i) in taken for t in toks):
                continue
            pos_ok = ("N" in trig.pos and head.pos_ in ("NOUN", "PROPN")) or ("V" in trig.pos and head.pos_ == "VERB")
            if not pos_ok or not self._condition(trig.type, words, head, pb):
                continue
            return _Mention(pb, head, toks, trig.type, self.parsed.span_of(pb, doc[toks[0].i : toks[-1].i + 1]))
        return None

    @staticmethod
    def _span_match(doc, i: int, words: tuple[str, ...]) -> list[Token] | None:  # noqa: ANN001
        """Tokens from ``i`` whose lemmas spell ``words``; a hyphenated form ("build-up") matches too."""
        toks: list[Token] = []
        j = i
        for w in words:
            if j < len(doc) and doc[j].text == "-" and toks:
                toks.append(doc[j])
                j += 1
            if j >= len(doc):
                return None
            if doc[j].lemma_.lower() != w and doc[j].lower_ != w:
                return None
            toks.append(doc[j])
            j += 1
        return toks

    def _condition(self, etype: str, words: tuple[str, ...], head: Token, pb: ParsedBlock) -> bool:
        """Context conditions of ambiguous triggers."""
        low = head.lower_
        if head.pos_ == "VERB" and head.dep_ == "amod":
            return False  # a participle used as an adjective ("opposing accusations")
        if words == ("agree",) and any(c.dep_ == "xcomp" for c in head.children):
            return False  # "agreed to end the conflict": the event is what they agreed to do
        objects = lexicon.trigger_objects().get(words)
        if objects is not None and head.pos_ == "VERB":
            objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            if head.dep_ == "acl" and head.tag_ == "VBN":  # "hostages held by the rebels", "a report released"
                objs.append(head.head)
            if head.dep_ == "xcomp":  # "an organisation was to be launched": the subject hangs on "was"
                objs += [c for c in head.head.children if c.dep_ == "nsubjpass"]
            objs += [g for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]  # "the first of its observers"
            objs += [g for c in head.children if c.dep_ == "prt" for g in c.children if g.dep_ == "dobj"]
            return any(o.lemma_.lower() in objects or o.lower_ in objects for o in objs)
        if words == ("call",):  # a call is an event only as a conversation
            if any(c.lower_ in ("phone", "telephone") for c in head.children):
                return True
            if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in head.children):
                return True
            return any(d.lower_ in ("the", "this", "that") for d in head.children if d.dep_ == "det") and \
                "phone-call" in self.seen_types
        if words == ("speak",):  # "spoke by phone", "spoke with the Foreign Minister of X" (a named party)
            return any(c.dep_ == "prep" and c.lower_ in ("by", "on", "over") and
                       any(g.lemma_ in ("phone", "telephone") for g in c.children) for c in head.children) or \
                any(c.dep_ == "prep" and c.lower_ == "with" and any(
                    g.dep_ == "pobj" and (self.coref.index.mention_of_token(pb, g) is not None or
                                          any(x.dep_ == "appos" or x.pos_ == "PROPN" for x in g.subtree))
                    for g in c.children) for c in head.children)
        if words == ("talk",):
            return low == "talks"
        if words == ("send",) or words == ("dispatch",):
            return any(c.dep_ == "dobj" and c.lemma_ in ("troop", "observer", "force", "soldier", "monitor")
                       for c in head.children)
        if words == ("shake",):
            return any(c.lemma_ == "hand" for c in head.children)
        if words == ("games",):
            return head.text == "Games"
        if words in (("death",), ("kill",), ("target",), ("bar",), ("ban",), ("host",), ("travel",), ("sign",)):
            return not corefs.np_bounds(head) == (head.i, head.i + 1) or head.pos_ == "VERB"
        if words in (("opening",),):
            return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) or head.dep_ in ("dobj", "pobj")
        if words in (("statement",), ("post",), ("report",)):
            return False
        return True

    # --- coreference ----------------------------------------------------------------------------------------------
    def run(self) -> list[Event]:
        for m in self._triggers():
            event = self._corefer(m)
            if event is None:
                key = f"e{len(self.events) + 1}"
                label = m.named or self._label(m)
                event = Event(key=key, label=label, type=m.type, modality="actual")
                mods = {c.lower_ for c in m.head.children if c.dep_ in ("amod", "det", "compound")}
                self.epochs[key] = "past" if mods & _PAST else "new" if mods & _NEW else None
                self.events.append(event)
                self.mentions[key] = []
            event.mentions.append(m.span)
            self.mentions[event.key].append(m)
            self.mentions.setdefault(m.type, [])  # marks the type as seen (for "the call")
        for event in self.events:
            for m in self.mentions[event.key]:
                self._participants(event, m)
                self._place_and_time(event, m)
        self._choose_times()
        self._nearby_times()
        self._sentence_times()
        for event in self.events:
            event.modality = self._modality(event)  # type: ignore[assignment]
        self._lead_time()
        self._sub_events()
        self._causes()
        self._before()
        return self.events

    def _label(self, m: _Mention) -> str:
        words = [t.text for t in m.tokens]
        return " ".join(words).replace(" - ", "-")

    def _corefer(self, m: _Mention) -> Event | None:
        family = next((f for f in _FAMILIES if m.type in f), {m.type})
        candidates = [e for e in self.events if e.type in family]
        det0 = next((c.lower_ for c in m.head.children if c.dep_ in ("det", "poss")), None)
        if m.head.pos_ in ("VERB", "AUX") and m.type == "consultation":
            # "They discussed …" right after a call or a meeting: what the parties did in it
            talk = [e for e in self.events if event_class(e.type) == "Communication"
                    and 0 <= m.span.begin - self.mentions[e.key][-1].span.end < 600]
            if talk:  # the conversation the passage is about, not one it mentions in passing ("following up from
                return talk[0]  # the meeting between …")
        if not candidates and m.type in _SITUATIONS and det0 in ("the", "this", "that"):
            candidates = [e for e in self.events if e.type in _SITUATIONS]
        if not candidates:
            return None
        det = next((c.lower_ for c in m.head.children if c.dep_ in ("det", "poss")), None)
        if m.named:
            same = [e for e in candidates if e.label.lower().endswith(m.named.lower().split()[-1])]
            return same[-1] if same else None
        if m.head.pos_ in ("VERB", "AUX"):
            # a verb tells a new event, unless the article has one of its kind ("agreed to end the feud" … "ended"),
            # or the lead tells again what the headline reported ("Building collapses" … "collapsed on Monday")
            same = [e for e in candidates if any(x.head.lemma_ == m.head.lemma_ for x in self.mentions[e.key])]
            told = [e for e in same or candidates if self._retold(e, m)]
            if told:
                return told[-1]
            return candidates[-1] if m.type in _ONE_PER_ARTICLE else None
        mods = {c.lower_ for c in m.head.children if c.dep_ in ("amod", "det", "nummod", "compound")}
        epoch = "past" if mods & _PAST else "new" if mods & _NEW else None
        if epoch == "past":  # "the previous ban" … "the earlier executive order" … "the original travel ban"
            same = [e for e in candidates if self.epochs.get(e.key) == "past"]
            return same[-1] if same else None
        if epoch == "new":  # "the new executive order": the article's main one
            same = [e for e in candidates if self.epochs.get(e.key) in ("new", None)]
            return same[0] if same else None
        if mods & _DISTINCT or any(c.dep_ == "nummod" or c.like_num for c in m.head.children):
            return None  # "another attack", "two attacks"
        main = [e for e in candidates if self.epochs.get(e.key) in ("new", None)]
        if main and det in ("the", "this", "that", "its", "their", "his", "her") and len(main) < len(candidates):
            return main[0]
        if det is None and m.head.tag_ == "NN" and (event_class(m.type) == "Situation" or m.type in _MASS):
            return candidates[-1]  # a mass noun said again: "Russian aggression" … "further Russian aggression"
        if det in ("the", "this", "that", "its", "their", "his", "her") or det is None and m.head.tag_ == "NNS":
            return candidates[-1]
        if det in ("a", "an") and len(self.mentions[candidates[-1].key]) and \
                self.mentions[candidates[-1].key][0].pb.block.kind in ("headline", "standfirst"):
            return candidates[-1]  # the lede repeats the headline's or standfirst's "a phone call"
        if det is None and m.head.tag_ in ("NNS", "NNPS") or m.type in _ONE_PER_ARTICLE:
            return candidates[-1]
        return None

    def _retold(self, event: Event, m: _Mention) -> bool:
        """Whether a mention in the first paragraphs retells the event a headline or standfirst reported."""
        first = self.mentions[event.key][0]
        if first.pb.block.kind not in ("headline", "standfirst") or m.pb.block.kind != "paragraph":
            return False
        paragraphs = [pb for pb in self.parsed.blocks if pb.block.kind == "paragraph"]
        return any(pb is m.pb for pb in paragraphs[:2])

    # --- arguments ------------------------------------------------------------------------------------------------
    def _add(self, event: Event, tok: Token | None, pb: ParsedBlock, role: str) -> None:
        if tok is None:
            return
        hit = corefs.resolve(self.coref, pb, tok, create=True)
        if hit is None and tok.dep_ == "amod" and tok.text[:1].isupper():
            hit = self._demonym(pb, tok)  # "Russian aggression": the country acts
        if hit is None or hit[0] not in self.coref.index.actors:
            return
        if any(p.actor == hit[0] for p in event.participants):
            return
        event.participants.append(Participation(hit[0], role, hit[1]))
        for c in tok.children:  # "X and Y"
            if c.dep_ == "conj":
                self._add(event, c, pb, role)

    def _demonym(self, pb: ParsedBlock, tok: Token) -> tuple[str, Span] | None:
        """The country a nationality adjective names, as a mention of it ("Russian" in "Russian aggression")."""
        from kg import gazetteer
        from kg.extraction.actors import country_key
        from kg.extraction.coref import demonym_token

        c = gazetteer.country(tok.text) if demonym_token(pb, tok) else None
        if c is None:
            return None
        index = self.coref.index
        span = self.parsed.span_of(pb, tok)
        key = country_key(c.name)
        index.add_actor(key, index.actors[key].label if key in index.actors else c.name, "country", span, "demonym")
        return key, span

    def _participants(self, event: Event, m: _Mention) -> None:
        head, pb = m.head, m.pb
        sym = event.type in SYMMETRIC
        if head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            if subj is None and agent is not None:  # "were killed by Israeli aircraft"
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is None and head.dep_ in ("xcomp", "conj", "advcl"):
                up = head.head
                while up.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ == "nsubj" for c in up.children):
                    up = up.head
                subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            role = "participant" if sym else {"visit": "visitor", "attendance": "attendee"}.get(event.type, "agent")
            self._add(event, subj, pb, role)
            obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            self._add(event, obj, pb, "participant" if sym else "target")
        else:
            for c in head.children:
                if c.dep_ in ("poss",) or (c.dep_ == "compound" and c.pos_ == "PROPN"):
                    self._add(event, c, pb, "participant" if sym else "agent")
                if c.dep_ == "amod" and c.pos_ == "ADJ":
                    self._add(event, c, pb, "participant" if sym else "agent")
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        self._add(event, pobj, pb, "participant")
            if c.dep_ == "prep" and c.lower_ in ("against", "on") and not sym:
                for pobj in c.children:
                    if pobj.dep_ == "pobj":
                        self._add(event, pobj, pb, "target")
        # "Mark Ellis, in a phone call with Lin Wei, warns": the speaker takes part in the call
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "during", "at") and sym:
            verb = head.head.head
            subj = verb if verb.dep_ in ("nsubj",) else next((c for c in verb.children if c.dep_ == "nsubj"), None)
            self._add(event, subj, pb, "participant")

    # --- modality -------------------------------------------------------------------------------------------------
    def _modality(self, event: Event) -> str:
        ms = self.mentions[event.key]
        words: set[str] = set()
        for m in ms:
            head = m.head
            group = [head] + list(head.children) + ([head.head] + list(head.head.children) if head.dep_ in (
                "xcomp", "dobj", "nsubj", "nsubjpass", "pobj") else [])
            up = head.head if head.dep_ in ("dobj", "pobj") else head
            group += [up] + list(up.children)
            while up.dep_ in ("xcomp", "conj", "advcl") and up.head.i != up.i and up.head.pos_ in ("VERB", "AUX"):
                up = up.head  # "is scheduled to be in Madrid … to meet … and attend": the chain's markers count
                group += [up] + [c for c in up.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark")]
            words.update(t.lemma_.lower() for t in group)
            words.update(t.lower_ for t in group)
        if words & _NEGATION and any(w in words for w in ("not", "never", "n't")):
            return "negated"
        if words & {"further", "if", "could", "might", "would"}:
            return "hypothetical"
        t = next((x for x in self.times if x.key == event.time), None)
        anchor = self.parsed.article.meta.date
        future_time = t is not None and t.value and anchor and (b := bounds(t.value)) and b[0] > anchor
        if words & {"schedule", "scheduled"} or (future_time and words & _FUTURE):
            return "scheduled"
        if words & _FUTURE or future_time:
            return "planned"
        if event_class(event.type) == "Situation":
            return "ongoing"
        resolved_past = t is not None and t.value and anchor and (b2 := bounds(t.value)) and b2[1] < anchor
        if not resolved_past and all(any(c.overlaps(m.span) for s in self.statements for c in s.content) for m in ms):
            return "alleged"  # it exists only inside what someone said
        return "actual"

    # --- relations ------------------------------------------------------------------------------------------------
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

    def _causes(self) -> None:
        """ "will boycott … because of human rights violations": the stated cause, and who states it."""
        by_head = {(m.pb.offset, m.head.i): e for e in self.events for m in self.mentions[e.key]}
        for event in self.events:
            for m in self.mentions[event.key]:
                if any(c.dep_ == "mark" and c.lower_ in ("although", "though", "while", "whereas", "even")
                       for c in m.head.children):
                    continue  # "— although its athletes are participating —": a concession, not a caused event
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


def find_events(coref: corefs.Coref, times: list[TimeExpression], statements: list[Statement]) -> list[Event]:
    return EventFinder(coref, times, statements).run()


_IN_EVENT = re.compile(r"\b(in|during|at|on)\s+(the|a|an|their|his|her|its|this)?\s*$", re.IGNORECASE)


def link_statements(events: list[Event], statements: list[Statement], finder_mentions: dict | None = None) -> None:
    """A statement is made during an event when its sentence puts it there ("in the call") or when it continues the
    talk of a communication event its speaker takes part in; the other party of a two-party call is its addressee."""
    comm = [e for e in events if event_class(e.type) == "Communication" and e.modality == "actual"]
    for st in statements:
        if st.sentence is None:
            continue
        text = st.sentence.text
        here = [e for e in comm if any(st.sentence.contains(m) and not any(c.contains(m) for c in st.content)
                                       and _IN_EVENT.search(text[: m.begin - st.sentence.begin])
                                       for m in e.mentions)]
        named_here = [e for e in comm if any(st.sentence.contains(m) for m in e.mentions)]
        if here:
            st.event = here[0].key
        elif named_here:
            pass  # "The phone call on Thursday came as Mr. Ellis said …": related to the call, not said in it
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
