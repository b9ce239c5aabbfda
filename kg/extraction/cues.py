"""Reporting cues: the verb (or phrase) that attributes content to a source, with its source, addressee and content.

A cue is found from the dependency parse: a reporting verb from the lexicon outside any quote, with a subject
(its own, or inherited from the verb it is coordinated with), and something said — a clause, an appeal's
infinitive, "of"/"for" phrase, or a quotation next to it. "X quoted Y as saying", "according to X" and "X made clear"
are recognised as phrases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan, Token

from kg import lexicon
from kg.pipeline.nlp import ParsedBlock

_ADDRESSEE_VERBS = {"tell", "inform", "brief", "assure", "warn", "urge", "ask", "remind", "notify", "caution",
                    "advise", "call", "accuse", "criticize", "criticise", "thank", "promise", "persuade", "invite",
                    "encourage", "implore", "beg", "congratulate"}
_ADDRESSEE_PREPS = {"to"}
_CONTENT_PREPS = {"warning": {"of", "about", "against", "that", "over"}, "appeal": {"for"}, "criticism": {"for", "of", "over"},
                  "assertion": {"about"}, "denial": set(), "agreement": set(), "belief": set(),
                  "question": {"about", "whether"}, "promise": {"to"}, "demand": {"for"}, "report": set()}
_DOBJ_CONTENT = {"denial", "agreement", "criticism", "promise", "demand", "belief", "appeal"}
_DOBJ_LEMMAS = {"reiterate", "stress", "underscore", "emphasize", "emphasise", "highlight",
                "convey", "announce", "confirm", "acknowledge", "predict", "demand", "call", "mention",
                # what is reported, cited, noted, suggested or questioned can be a noun phrase ("reported a new
                # mechanism", "cited improvements", "questioned the President's power")
                "report", "cite", "note", "suggest", "reaffirm", "affirm", "reveal", "propose",
                "estimate", "question", "lament", "describe"}
# Prepositions that carry what a verb of praise says: "thanked the minister for …", "congratulated him on …".
_LEMMA_PREPS = {"thank": {"for"}, "congratulate": {"on", "for"}, "commend": {"for", "on"}, "praise": {"for"}}
# ("appealed the ruling" is a legal appeal: an appeal reports only "for" something or "to" somebody.)
# Objects that are no content: a pronoun ("said it"), an indefinite ("said nothing").
_EMPTY_OBJECTS = {"nothing", "something", "anything", "everything", "much", "little", "more", "less", "so", "lot"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Cue:
    """One reporting cue in a sentence, before its speaker and content are resolved to actors and spans."""

    pb: ParsedBlock
    sent: SpacySpan
    verb: Token
    tokens: list[Token]  # the cue phrase ("quoted", "him"?, no: "quoted … as saying" = [quoted, as, saying])
    lemma: str
    kind: str
    speaker: Token | None = None
    addressee: Token | None = None
    reporter: Token | None = None  # "the State Department quoted him as saying": the State Department
    complements: list[Token] = field(default_factory=list)  # heads of what was said
    according: Token | None = None  # the "according" token, for "according to X"

    @property
    def first(self) -> int:
        return min(t.i for t in self.tokens)

    @property
    def last(self) -> int:
        return max(t.i for t in self.tokens)


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:  # "The Hale administration has, however, made clear": the subject hangs on the auxiliary
        subjects = [g for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children
                    if g.dep_ in SUBJECT_DEPS]
    if subjects:
        # with two subjects (a misparsed fronted clause: "Address …’, China tells U.S."), the nearer one speaks
        subject = min(subjects, key=lambda c: abs(verb.i - c.i))
        if verb.tag_ == "VBG" and subject.pos_ == "NOUN" and not _personal(subject) and \
                opens_quote(verb) and verb.dep_ != "ROOT":
            head = verb.head  # "for the death toll saying, “…”": a gerund's noun names no one; the clause speaks
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            return _subject(head) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None
        return subject
    # "Mr. Lin said … and added that …": a coordinated verb shares the subject
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    # "…, saying that …" / "…, adding that …": the participle's subject is the main verb's — the reporting verb's
    # when the participle hangs on its content ("X added [officials were trained], saying …")
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        head = verb.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in lexicon.reporting_verbs():
            head = head.head
        return _subject(head)
    # "… except for calling for diplomacy": a gerund under a preposition speaks for the clause's subject
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in lexicon.reporting_verbs():
            head = head.head  # "X acknowledged that A by saying …": X says it, not A's subject
        return _subject(head) if head.pos_ in ("VERB", "AUX") else None
    # "criticized Israel for the death toll saying, “…”": a participle that opens a quotation, hung on a noun that
    # names no one, speaks for the clause's subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN" and not _personal(verb.head):
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return _subject(head) if head.pos_ in ("VERB", "AUX") else None
    # "The White House continues to affirm that …": an infinitive complement speaks for its governor's subject
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    # "who said": the relative clause's noun
    if verb.dep_ == "relcl":
        return verb.head
    return None


_QUOTE_MARKS = ("“", "”", '"', "‘", "’", "'", "«", "»")


def opens_quote(tok: Token) -> bool:
    """Whether a quotation mark follows the verb right away or after a comma or colon ("saying, “…”")."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].text in (",", ":"):
        j += 1
    return j < len(doc) and doc[j].text in ("“", '"', "‘", "'", "«") and j > tok.i


def _personal(noun: Token) -> bool:
    """A noun that can name a speaker: a proper name, a pronoun, or a noun for a person or a body."""
    low = noun.lemma_.lower()
    return noun.pos_ in ("PROPN", "PRON") or low in lexicon.role_nouns() or low in lexicon.post_heads() or \
        low in lexicon.group_nouns() or low in lexicon.org_heads() or low in lexicon.person_nouns()


def _content_object(obj: Token) -> bool:
    """Whether an object can be what was said: not a pronoun, an indefinite, a person or a group ("questioned the
    suspect" is an interrogation, "reported the plan" a report)."""
    low = obj.lemma_.lower()
    if obj.pos_ == "PRON" or low in _EMPTY_OBJECTS or obj.ent_type_ in ("PERSON", "NORP"):
        return False
    return not (low in lexicon.person_nouns() or low in lexicon.role_nouns() or obj.lower_ in lexicon.group_nouns())


def _parenthetical(verb: Token) -> bool:
    """A reporting clause set off by commas inside the clause it reports ("X, they said, Y"; "In between, she
    testified, she was …")."""
    if verb.dep_ != "parataxis" or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i < verb.i:
        return False
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:
        return False
    first = subject.left_edge.i
    return first > 0 and doc[first - 1].text == "," and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


def _source_object(verb: Token) -> Token | None:
    """ "Znak.com reported its source said …", misparsed with "its source" as the object of "reported": the
    source that speaks in a clause without a subject is the object right before it of the reporting verb above."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in lexicon.reporting_verbs():
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1), None)
    return obj if obj is not None and _personal(obj) and obj.pos_ != "PRON" else None


def _complements(verb: Token, kind: str) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "ccomp" and child.lemma_.lower() in lexicon.reporting_verbs() and \
                (src := _source_object(child)) is not None and src.head.i == verb.i:
            out.append(src)  # "reported [its source] said …": what was reported includes who said it
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "PRON"):
            out.append(child)
        elif child.dep_ == "xcomp" and kind in ("appeal", "demand", "promise", "warning"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS.get(kind, set()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ == "prep" and child.lower_ == "on" and kind == "appeal":  # "calls on all parties to …"
            for pobj in child.children:
                out.extend(c for c in pobj.children if c.dep_ in ("xcomp", "acl") and c.tag_ in ("VB", "TO"))
        elif child.dep_ == "prep" and child.lower_ in _LEMMA_PREPS.get(verb.lemma_, ()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ == "dobj" and (kind in _DOBJ_CONTENT or verb.lemma_ in _DOBJ_LEMMAS) and \
                verb.lemma_ not in _ADDRESSEE_VERBS and verb.lemma_ != "appeal" and \
                child.lower_ not in ("that", "which", "what") and \
                (verb.lemma_ not in _DOBJ_LEMMAS or _content_object(child)):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "with" and verb.lemma_ == "threaten":
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_ == "refer":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if kind == "warning" and not out:  # "warned Medvedev on Sunday of serious consequences": "of" further down
        for t in verb.subtree:
            if t.i > verb.i and t.dep_ == "prep" and t.lower_ in ("of", "about", "against") and t.head.i != verb.i:
                out.extend(c for c in t.children if c.dep_ in ("pobj", "pcomp"))
                break
    naming = _naming(verb)
    if naming:
        return naming
    if verb.lemma_ in _NAMING and not (verb.lemma_ == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "for")
                                                                      for c in verb.children)):
        return [] if verb.lemma_ != "describe" else out  # "call" reports only as "call on/for" or "called X Y"
    return out


# Verbs that name or characterise: "called the report a disgrace", "described the plan as a fantasy". What is said
# is the object with its predicate, kept together.
_NAMING = {"call", "describe", "label", "brand", "dub", "term"}


def _naming(verb: Token) -> list[Token]:
    if verb.lemma_ not in _NAMING:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    pred = next((c for c in verb.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")), None)
    if obj is None or pred is None or pred.i < obj.i:
        return []
    return [obj, pred]


def _addressee(verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "dative" or (child.dep_ == "dobj" and lemma in _ADDRESSEE_VERBS):
            return child
        if child.dep_ == "prep" and child.lower_ in _ADDRESSEE_PREPS and lemma not in ("add", "refer"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
        if child.dep_ == "prep" and child.lower_ == "on" and lemma == "call":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# Verbs that report speech only with a clause ("ordered that the files be released", "ordered them to leave"):
# with a bare object they are actions ("ordered the closure", "commanded the troops").
_CLAUSE_ONLY = {"order", "command", "direct", "instruct"}
# Criticism verbs that also name a physical act: they report speech only with what the criticism is for or about.
_PHYSICAL = {"attack", "slam"}


def _speech(verb: Token, lemma: str, complements: list[Token]) -> bool:
    """Whether a reporting verb, as used here, reports speech: "were denied entry" and "denied him a visa" refuse
    something to someone; "ordered the closure" is an action."""
    if lemma in ("deny", "refuse"):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.tag_ == "VBN" and \
                verb.dep_ in ("acl", "amod"):
            return False  # "were denied entry", "journalists denied access"
        if any(c.dep_ == "dative" for c in verb.children) or \
                sum(1 for c in verb.children if c.dep_ == "dobj") > 1:
            return False  # "denied him a visa"
    if lemma in _PHYSICAL and not any(c.dep_ in ("pobj", "pcomp") for c in complements):
        return False  # "began attacking people": an assault; "attacked the plan as reckless" reports a view
    if lemma in _CLAUSE_ONLY:
        return any(c.dep_ in ("ccomp", "xcomp") or c.tag_ in ("VB", "TO") for c in complements) or \
            any(c.dep_ in ("ccomp",) for c in verb.children)
    return True


_PHRASE_VERBS = {"make", "express", "voice"}  # "made clear", "expressed confidence that …"


def find_cues(pb: ParsedBlock, sent: SpacySpan, in_quote, toks: list[Token] | None = None) -> list[Cue]:  # noqa: ANN001
    """The reporting cues of one sentence (``toks``: its tokens, if already made); ``in_quote`` tells whether an
    article offset lies inside a quotation."""
    verbs = lexicon.reporting_verbs()
    stances = lexicon.stance_adjectives()
    cues: list[Cue] = []
    for tok in toks if toks is not None else sent:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if lemma not in verbs and lemma not in _PHRASE_VERBS and low != "according" and low not in stances:
            continue  # no cue can start here (the cheapest test first: most words are none of these)
        off = pb.offset + tok.idx
        if in_quote(off):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(pb.doc) and pb.doc[tok.i + 1].lower_ == "to":
            to = pb.doc[tok.i + 1]
            src = next((c for c in to.children if c.dep_ == "pobj"), None)
            head = tok.head
            opening = all(t.is_punct or t.lower_ in ("but", "and", "yet", "so") for t in pb.doc[sent.start : tok.i])
            if opening and src is not None and sent.root.pos_ in ("VERB", "AUX") and sent.root.i > src.i:
                head = sent.root  # "According to X, <the sentence>": what X says is the main clause
            if src is not None and head.i != tok.i and head.pos_ in ("VERB", "AUX"):
                cues.append(Cue(pb, sent, tok, [tok, to], "according to", "report", speaker=src, according=tok,
                                complements=[head]))
            continue
        stance = tok.lower_ in lexicon.stance_adjectives() and (tok.pos_ == "ADJ" or tok.tag_ == "VBN")
        if stance and tok.dep_ in ("acomp", "ROOT"):  # "are skeptical that", "were concerned that"
            lemma = tok.lower_
            comps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            subj = _subject(tok.head) if tok.dep_ == "acomp" else _subject(tok)
            if comps and subj is not None and lemma != "clear":
                cues.append(Cue(pb, sent, tok, [tok], lemma, "belief", subj, None, None, comps))
            continue
        if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and lemma == "say"):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "he did not say what exactly changed": nothing is attributed
        nxt = pb.doc[tok.i + 1] if tok.i + 1 < len(pb.doc) else None
        if lemma == "make" and nxt is not None and nxt.lower_ == "clear":  # "made clear (that) …"
            comps = [c for c in list(tok.children) + list(nxt.children) if c.dep_ in ("ccomp",)]
            if comps:
                cues.append(Cue(pb, sent, tok, [tok, nxt], "make clear", "assertion", _subject(tok), None, None,
                                comps))
            continue
        if lemma in ("express", "voice") and (noun := next((c for c in tok.children if c.dep_ == "dobj"), None)):
            # "expressed confidence (that) the election would be credible": the clause on the noun is the content
            comps = [c for c in noun.children if c.dep_ in ("ccomp", "acl", "relcl") and c.pos_ in ("VERB", "AUX")
                     and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)]
            comps += [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                cues.append(Cue(pb, sent, tok, [tok, noun], f"express {noun.lemma_}", "belief", _subject(tok), None,
                                None, comps))
            continue
        if lemma not in verbs:
            continue
        quoting = tok.tag_ == "VBG" and tok.dep_ == "acl" and opens_quote(tok)
        if tok.tag_ == "VBG" and not (tok.dep_ in ("advcl", "xcomp", "ROOT", "pcomp") or quoting or
                                      (tok.dep_ == "conj" and (tok.head.tag_ != "VBG" or
                                                               tok.head.lemma_ in verbs))):
            continue  # "… a document setting out … and highlighting concerns": a participle, not a report
        kind = verbs[lemma].kind
        cue = Cue(pb, sent, tok, [tok], lemma, kind)
        if lemma == "quote":
            as_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            saying = next((c for c in as_.children if c.lemma_ in ("say",)), None) if as_ is not None else None
            if saying is not None:
                cue.tokens = [tok, as_, saying]
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                subj = _subject(tok)
                if obj is not None:  # "the Department quoted him as saying"
                    cue.speaker, cue.reporter = obj, subj
                else:  # "he was quoted as saying"
                    cue.speaker = subj
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    cue.reporter = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                cue.complements = _complements(saying, "assertion")
                cues.append(cue)
            continue
        particle = next((c for c in tok.children if c.dep_ == "prt"), None)
        if lemma == "point" and (particle is None or particle.lower_ != "out"):
            continue
        if particle is not None and particle.i == tok.i + 1:
            cue.tokens.append(particle)
        if lemma == "call" and not _naming(tok):
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "for")), None)
            if prep is not None:
                cue.tokens.append(prep)
        cue.speaker = _subject(tok) or _source_object(tok)
        cue.addressee = _addressee(tok)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            # a passive: "he was told by the minister of …", "who was described as … by the police" — the agent
            # speaks; the subject is the one told (or described), never the speaker; no agent, nobody to cite
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if cue.speaker is not None and lemma in _ADDRESSEE_VERBS and cue.addressee is None:
                cue.addressee = cue.speaker
            cue.speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        cue.complements = _complements(tok, kind)
        if not cue.complements and _parenthetical(tok):
            cue.complements = [tok.head]  # "Day, they said, desired no memorials": the clause around it is said
        if not cue.complements and tok.dep_ == "relcl" and kind in ("denial", "criticism"):
            cue.complements = [tok.head]  # "a charge that Mendes quickly denied": what is denied is the noun
        if not _speech(tok, lemma, cue.complements):
            continue
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1:  # the farther subject is a fronted, misparsed content clause …
            far = max(subjects, key=lambda c: abs(tok.i - c.i))
            near = min(subjects, key=lambda c: abs(tok.i - c.i))
            between = pb.doc[min(far.right_edge.i, near.left_edge.i) : max(far.left_edge.i, near.right_edge.i)]
            if any(t.text in (",", ";", "—", "–") or t.text in _QUOTE_MARKS for t in between):
                cue.complements.append(far)  # … unless it is the speaker's own title ("Niger's president X said")
        cues.append(cue)
    return cues
