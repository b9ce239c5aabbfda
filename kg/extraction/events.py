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
from kg.extraction.datelines import WEEKDAY
from kg.extraction.event_coref import EventCoref
from kg.extraction.event_words import a_name, because_of as _because_of, habitual as _habitual, measure as _measure
from kg.extraction.event_participants import EventParticipants
from kg.extraction.event_relations import EventRelations
from kg.extraction.event_times import EventTimes
from kg.extraction.lead_time import LeadTime
from kg.extraction.steps import Step, Work
from kg.extraction.headline_events import headline_verb, stay
from kg.extraction.triggers import Mention as _Mention, condition, refined_type
from kg.extraction.time import bounds
from kg.model import Event, Span, Statement, TimeExpression
from kg.pipeline.nlp import ParsedBlock
from kg.vocab import event_class

_FUTURE = {"will", "shall", "scheduled", "schedule", "set", "plan", "due", "expect", "intend", "go", "upcoming",
           "forthcoming"}
_HYPOTHETICAL = {"if", "could", "would", "may", "might", "further", "possible", "potential", "risk", "threat"}
_NEGATION = {"not", "never", "no", "n't", "without"}
# A page's publication stamp ("Published November 19, 2023", "Updated: 12 March 2019"), left in a text after its byline.
_STAMPS = {"Published", "Updated", "Posted"}  # capitalised (after a byline): "was published on 12 March" is an event
# (a weekday may lead, and the date may be in figures: "Published Friday, March 8, 2024", "Posted 3/8/2024 1:57 PM")
_STAMP_DATE = re.compile(rf"(?: on)?:? +(?:{WEEKDAY},? +)?"
                         r"(?:\d{1,2}[ /.-]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d|\d{4}-\d)")
_ABSTRACT = {"aid", "offer", "cooperation", "appeal", "praise", "demand", "policy-review", "diplomatic-cooperation",
             "settlement", "approval", "threat", "opposition"}
# Types that name one thing in different words ("the executive order" … "the travel ban" … "the ban").
_FAMILIES = [{"ban", "travel-ban", "executive-order"}, {"talks", "negotiation"}, {"war", "fighting", "invasion"},
             {"investigation", "criminal-investigation"},
             {"attack", "assault", "bombing", "air-strike", "terrorist-attack"},
             {"trial", "clinical-trial"}, {"agreement", "acquisition"}]
# A mention that says more than the event's first one makes the event that type ("investigating" … "the criminal
# investigation").
_REFINED = {"investigation": "criminal-investigation", "trial": "clinical-trial", "agreement": "acquisition"}
# "the strike" … "the Israeli airstrike": one, an air strike
_ATTACK_KINDS = ("assault", "bombing", "air-strike", "terrorist-attack")
# Situations named in different words are one ("the dispute" … "the feud" … "the conflict").
_SITUATIONS = {"dispute", "conflict", "crisis", "tensions"}
# Modifiers that make a second mention a different event of the same type ("another attack", "previous elections").
_DISTINCT = {"another", "new", "second", "third", "previous", "earlier", "past", "next", "future", "last", "further",
             "separate", "different", "first", "other", "former", "later", "subsequent", "upcoming", "recent"}
_MASS = {"aggression", "violence", "fighting", "cooperation", "aid", "occupation"}
_PAST = {"previous", "earlier", "first", "original", "former", "prior", "old"}
_NEW = {"new", "revised", "latest", "updated", "second"}
# Acts done in words, events even where the words report: condolences offered, a disaster or a pandemic declared, a
# man charged with arson, a court's ruling ("the judge ruled on Friday that …": the ruling happened that day).
_DONE_IN_WORDS = {"condolences", "declaration", "charge", "ruling"}


def _named_head(ent) -> Token | None:  # noqa: ANN001 - a spaCy Span
    """The event noun right after a name the tagger calls an event, which the name qualifies ("the Six Nations
    tournament", "the Harbour Cup final"): a noun the trigger lexicon lists."""
    doc = ent.doc
    if ent.end >= len(doc):
        return None
    noun = doc[ent.end]
    if noun.pos_ != "NOUN" or not any(t.head.i == noun.i for t in ent):
        return None
    lemma = noun.lemma_.lower()
    return noun if any(len(t.words) == 1 and "N" in t.pos for t in lexicon.triggers_by_first_word().get(lemma, ())) \
        else None


def _deed_on_event(m: _Mention) -> bool:
    """A headline's verb done to an event ("President rejects minister's resignation"): a deed, even if it reports."""
    return m.type == "event" and m.pb.block.kind == "headline" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon.triggers_by_first_word() for c in m.head.children)


def _addressing(m: _Mention) -> bool:
    """ "The governor addressed the public: '…'": an address to an audience is an event as well as the cue of what
    it says."""
    return m.type == "make-statement" and m.head.lemma_.lower() == "address"


# Types an article rarely speaks of twice without saying so ("a transparent vote … the elections … the polls").
_ONE_PER_ARTICLE = {"election", "summit", "conference", "trade-war", "sports-event", "opening", "agreement",
                    "accession", "withdrawal", "settlement", "observation", "trial", "verdict", "sentencing"}


@dataclass
class EventFinder(EventTimes, EventCoref, LeadTime, EventRelations, EventParticipants):
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
                named[pb.offset] = [e for e in doc.ents if (e.label_ == "EVENT" or (
                    e.label_ in ("ORG", "FAC", "WORK_OF_ART") and EVENT_NAME.search(e.text))) and a_name(e)]
            for ent in named[pb.offset]:  # named events first: "the World Cup", "the Geneva Conference"
                if not (sent.start <= ent.start < sent.end):
                    continue
                toks = [t for t in ent if t.lower_ != "the"]
                head = _named_head(ent) or ent.root
                if head.i >= ent.end:  # "the Six Nations tournament": the noun the name qualifies heads the event
                    toks.append(head)
                etype = self._type_of_words([t.lemma_.lower() for t in toks]) or "event"
                m = _Mention(pb, head, toks, etype, self.parsed.span_of(pb, doc[toks[0].i : toks[-1].i + 1]),
                             named=" ".join(t.text for t in toks))
                found.append(m)
                taken.update((pb.offset, t.i) for t in toks)
            for tok in words:
                if (pb.offset, tok.i) in taken:
                    continue
                m = self._match(pb, tok, taken) or stay(self, pb, tok) or headline_verb(self, pb, tok)
                if m is not None and self._excluded(m):
                    continue
                if m is not None:
                    found.append(m)
                    self.seen_types.add(m.type)
                    taken.update((pb.offset, t.i) for t in m.tokens)
        found.sort(key=lambda m: m.span.begin)
        return found

    def _excluded(self, m: _Mention) -> bool:
        """Not an event: a word of a name ("Rose March"), the cue of a statement ("threatened … with travel bans"
        is what the U.S. said), or an abstract type inside a direct quotation ("helping the other …")."""
        b, e = m.span.begin, m.span.end
        index = self.coref.index
        if any(me >= e and index.mention_owner.get((mb, me)) in index.actors for mb, me in index._cover.get(b, ())):
            return True  # (the mentions over the trigger's first character, not every mention of the article)
        if m.type not in _DONE_IN_WORDS and not _deed_on_event(m) and not _addressing(m) and \
                any(s.cue is not None and s.cue.overlaps(m.span) for s in self.statements):
            return True
        if not m.named and _habitual(m.head):
            return True  # "It collects blankets each winter for shelters": what is done as a rule, not an event
        if m.head.text in _STAMPS and _STAMP_DATE.match(self.parsed.article.text, e):
            return True  # "Published November 19, 2023 | 09:15 AM", "Updated on 12 March": the page's stamp
        if m.type in _ABSTRACT and any(s.quote_type == "direct" and any(c.contains(m.span) for c in s.content)
                                       for s in self.statements):
            return True
        return False

    def _type_of_words(self, lemmas: list[str]) -> str | None:
        for trig in lexicon.event_triggers():
            n = len(trig.words)
            for i in range(len(lemmas) - n + 1):
                if tuple(lemmas[i : i + n]) == trig.words:
                    return trig.type
        return None

    def _match(self, pb: ParsedBlock, tok: Token, taken: set[tuple[int, int]]) -> _Mention | None:
        index = lexicon.triggers_by_first_word()
        lemma, low = tok.lemma_.lower(), tok.lower_
        candidates = index.get(lemma, ()) + (index.get(low, ()) if low != lemma else ())
        if not candidates:
            return None
        doc = pb.doc
        for trig in candidates:
            words = trig.words
            toks = self._span_match(doc, tok.i, words)
            if toks is None:
                continue
            verbs = [t for t in toks if t.pos_ == "VERB"]
            if "V" in trig.pos and len(toks) > 1 and verbs:
                head = verbs[0]  # "blown up", "took control", "claimed responsibility": the verb heads the phrase
            else:  # the phrase's own head: "state" of "state of emergency", "call" of "phone call"
                ids = {t.i for t in toks}
                heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
                head = heads[0] if len(heads) == 1 else max(toks, key=lambda t: (t.dep_ != "compound", t.i))
            if any((pb.offset, t.i) in taken for t in toks):
                continue
            pos_ok = ("N" in trig.pos and head.pos_ in ("NOUN", "PROPN")) or ("V" in trig.pos and head.pos_ == "VERB") \
                or ("A" in trig.pos and head.pos_ == "ADJ")
            if not pos_ok or not condition(self, words, head, pb, trig.type):
                continue
            return _Mention(pb, head, toks, refined_type(trig.type, head),
                            self.parsed.span_of(pb, doc[toks[0].i : toks[-1].i + 1]))
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

    # --- coreference ----------------------------------------------------------------------------------------------
    def find(self) -> list[Event]:
        """Events from their triggers, mentions of one event gathered, each with its participants, place and time
        as its mentions give them."""
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
            if event.type in _REFINED and any(m.type == _REFINED[event.type] for m in self.mentions[event.key]):
                event.type = _REFINED[event.type]
            if event.type == "attack":  # "the attack" … "the knife attack": the kind a later mention names
                event.type = next((m.type for m in self.mentions[event.key] if m.type in _ATTACK_KINDS), "attack")
            for m in self.mentions[event.key]:
                self._participants(event, m)
                self._place_and_time(event, m)
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
        if m.head.dep_ == "pobj" and m.head.head.lower_ in ("for", "on", "in") and m.head.head.head.i != m.head.head.i:
            # "arrived in Moscow on Tuesday for a three-day visit", "is in Kyiv on a visit", "beat Y in their round 4
            # match": the verb's purpose or occasion is the event of its kind the verb already tells
            verb = m.head.head.head
            same = [e for e in candidates if any(x.pb is m.pb and x.head.i == verb.i for x in self.mentions[e.key])]
            if same:
                return same[-1]
        if m.named:
            same = [e for e in candidates if e.label.lower().endswith(m.named.lower().split()[-1])]
            return same[-1] if same else None
        if m.head.pos_ in ("VERB", "AUX", "ADJ") and not any(c.dep_ == "det" for c in m.head.children):
            # a verb (or "found dead"; not "the two-day shut down", a noun the tagger missed) tells a new event, unless
            # the article has one of its kind ("agreed to end the feud" … "ended"), or the lead tells again what the
            # headline reported ("Building collapses" … "collapsed on Monday")
            # ("X was sentenced" … "in another case, Y was sentenced": two sentencings)
            candidates = [e for e in candidates if not self._other_patient(e, m) and not self._other_sides(e, m)]
            if any(c.dep_ == "prep" and c.lower_ == "in" and any(
                    g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in lexicon.role_nouns() and
                    any(d.dep_ in ("amod", "det") and d.lower_ in _DISTINCT for d in g.children) for g in c.children)
                   for c in m.head.children):
                return None  # "In other results, X beat Y", "in a separate case, …": another one
            same = [e for e in candidates if any(x.head.lemma_ == m.head.lemma_ for x in self.mentions[e.key])]
            told = [e for e in same or candidates if self._retold(e, m)]
            if told:
                return told[-1]
            return candidates[-1] if m.type in _ONE_PER_ARTICLE and candidates else None
        mods = {c.lower_ for c in m.head.children if c.dep_ in ("amod", "det", "nummod", "compound")}
        epoch = "past" if mods & _PAST else "new" if mods & _NEW else None
        if epoch == "past":  # "the previous ban" … "the earlier executive order" … "the original travel ban"
            same = [e for e in candidates if self.epochs.get(e.key) == "past"]
            return same[-1] if same else None
        if epoch == "new":  # "the new executive order": the article's main one
            same = [e for e in candidates if self.epochs.get(e.key) in ("new", None)]
            return same[0] if same else None
        if mods & _DISTINCT or any((c.dep_ == "nummod" or c.like_num) and not _measure(c) for c in m.head.children):
            return None  # "another attack", "two attacks", "the 2007 election" (not "a 6.8 earthquake": a measure)
        if m.head.tag_ in ("NN", "NNP") and self._retold(candidates[-1], m) and \
                all(x.pb.block.kind in ("headline", "standfirst") for x in self.mentions[candidates[-1].key]):
            return candidates[-1]  # the lede tells the headline's "evacuation" again as "the town's evacuation"
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

    # --- modality -------------------------------------------------------------------------------------------------
    def _modality(self, event: Event) -> str:
        ms = self.mentions[event.key]
        words: set[str] = set()
        first: set[str] | None = None  # the words around the mention that introduces the event in the text
        for m in ms:
            head = m.head
            group = [head] + list(head.children) + ([head.head] + list(head.head.children) if head.dep_ in (
                "xcomp", "dobj", "nsubj", "nsubjpass", "pobj") else [])
            up = head.head if head.dep_ in ("dobj", "pobj") else head
            group += [up] + list(up.children)
            while up.dep_ in ("xcomp", "conj", "advcl") and up.head.i != up.i and up.head.pos_ in ("VERB", "AUX"):
                up = up.head  # "is due to be in Lisbon … to meet … and open": the chain's markers count
                group += [up] + [c for c in up.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "mark")]
            if head.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lemma_ != "place" for c in head.head.children):
                # "This ruling does not alter the outcome …": the verb's own act is denied, not the event
                group = [t for t in group if t.lower_ not in _NEGATION]
            group = [t for t in group if not _because_of(t)]
            own = {t.lemma_.lower() for t in group} | {t.lower_ for t in group}
            if "go" in own and not any(t.lemma_ == "go" and t.tag_ == "VBG" for t in group):
                own.discard("go")  # "beat City 3-1 to go top": a result, not "going to" (a plan)
            words |= own
            if first is None and (m.pb.block.kind == "paragraph" or m is ms[-1]):
                first = own  # a headline's compressed grammar does not introduce it
        # negation and condition belong to the mention that introduces the event: "were beaten 3-0 … never looked
        # like beating the keeper" is a match that took place; "announced talks … did not say when they would be
        # held" talks that will
        lead = first or set()
        if lead & _NEGATION and any(w in lead for w in ("not", "never", "n't")):
            return "negated"
        if lead & {"further", "if", "could", "might", "would"}:
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

def _events(work: Work) -> None:
    finder = EventFinder(work.coref, work.times, work.statements)
    work.put(event_finder=finder, events=finder.find())


def _modality(work: Work) -> None:
    finder = work.event_finder
    for event in finder.events:
        event.modality = finder._modality(event)  # type: ignore[assignment]
    work.put(modality=True)


EVENTS = Step("events", ("coref", "times", "report_days", "statements"), ("event_finder", "events"), _events,
              "events from the trigger lexicon (and named events), mentions of one event gathered, participants "
              "with their roles, place and time as each mention gives them")
MODALITY = Step("modality", ("event_finder", "event_times"), ("modality",), _modality,
                "each event's modality: scheduled, planned, hypothetical, negated, alleged, ongoing or actual")
