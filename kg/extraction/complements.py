"""What a reporting cue reports: its complements (a clause, an appeal's infinitive, an "of"/"for" phrase, an object
that can be said, an object with its predicate for verbs that characterise), and whether the verb, as used, reports
speech at all. Read by :mod:`kg.extraction.cues`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon

# Verbs whose direct object is the person spoken to ("told him", "urged the council to …"): the lexicon's column.
ADDRESSEE_VERBS = frozenset(v.lemma for v in lexicon.reporting_verbs().values() if v.addressee)
ADDRESSEE_PREPS = {"to"}
_CONTENT_PREPS = {"warning": {"of", "about", "against", "that", "over"}, "appeal": {"for"}, "criticism": {"for", "of", "over"},
                  "assertion": {"about"}, "denial": set(), "agreement": set(), "belief": set(),
                  "question": {"about", "whether"}, "promise": {"to"}, "demand": {"for"}, "report": set()}
# "praised him", "thanked them": a person is who the words were about or for, never what was said
_PERSONAL_OBJECTS = {"him", "her", "them", "me", "us", "you", "himself", "herself", "themselves"}
_DOBJ_CONTENT = {"denial", "agreement", "criticism", "promise", "demand", "belief", "appeal"}
_DOBJ_LEMMAS = {"reiterate", "stress", "underscore", "emphasize", "emphasise", "highlight",
                "convey", "announce", "confirm", "acknowledge", "predict", "demand", "call", "mention",
                # what is reported, cited, noted, suggested or questioned can be a noun phrase ("reported a new
                # mechanism", "cited improvements", "questioned the President's power")
                "report", "cite", "note", "suggest", "reaffirm", "affirm", "reveal", "propose",
                "estimate", "question", "lament", "describe"}
# Verbs of criticism whose object is criticised: a person or a body is addressed ("criticized the minister for …"),
# a thing is what the criticism is about ("criticized the decision").
_CRITICISE = {"criticize", "criticise"}
# Verbs whose object is either who is addressed ("promised voters") or what is promised ("promised protests").
_PROMISING = {"promise", "pledge", "vow", "guarantee", "offer"}
# Prepositions that carry what a verb of praise says: "thanked the minister for …", "congratulated him on …".
_LEMMA_PREPS = {"insist": {"on"}, "thank": {"for"}, "congratulate": {"on", "for"}, "commend": {"for", "on"},
                "praise": {"for"},
                "credit": {"with"}}
# ("appealed the ruling" is a legal appeal: an appeal reports only "for" something or "to" somebody.)
# Objects that are no content: a pronoun ("said it"), an indefinite ("said nothing").
_EMPTY_OBJECTS = {"nothing", "something", "anything", "everything", "much", "little", "more", "less", "so", "lot"}


def for_clause(verb: Token) -> Token | None:
    """ "called for the arsonists to face a jury", parsed as a clause marked by "for": the appeal."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and
                 any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)), None)


def personal(noun: Token) -> bool:
    """A noun that can name a speaker: a proper name, a pronoun, or a noun for a person or a body."""
    low = noun.lemma_.lower()
    if noun.i >= 2 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 1].idx == noun.idx - 1:
        low = noun.doc[noun.i - 2].lower_ + low if noun.doc[noun.i - 2].lower_ + low in lexicon.role_nouns() \
            else low  # "the Sale full-back"
    return noun.pos_ in ("PROPN", "PRON") or low in lexicon.role_nouns() or low in lexicon.post_heads() or \
        low in lexicon.group_nouns() or low in lexicon.org_heads() or low in lexicon.person_nouns()


def _content_object(obj: Token) -> bool:
    """Whether an object can be what was said: not a pronoun, an indefinite, a person or a group ("questioned the
    suspect" is an interrogation, "reported the plan" a report)."""
    low = obj.lemma_.lower()
    if obj.pos_ == "PRON" or low in _EMPTY_OBJECTS or obj.ent_type_ in ("PERSON", "NORP"):
        return False
    return not (low in lexicon.person_nouns() or low in lexicon.role_nouns() or obj.lower_ in lexicon.group_nouns())


def _promised(obj: Token) -> bool:
    """What a promise's object is when it is not who is promised ("promised protests", "pledged emergency funds"; not
    "promised voters", "promised the union"): no name, no body, no person."""
    return _content_object(obj) and not obj.ent_type_ and \
        not (obj.tag_ == "NN" and obj.lemma_.lower() in lexicon.org_heads())


def _situation(obj: Token) -> bool:
    """ "reported some landlords offering free rent": people with what they are doing is a situation reported."""
    return obj.pos_ != "PRON" and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in obj.children)


def source_object(verb: Token) -> Token | None:
    """ "Harbour Gazette reported its source said …", misparsed with "its source" as the object of "reported": the
    source that speaks in a clause without a subject is the object right before it of the reporting verb above."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in lexicon.reporting_verbs():
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1), None)
    return obj if obj is not None and personal(obj) and obj.pos_ != "PRON" else None


# What a court orders a convict to do: a sentence handed down, not words reported ("ordered him to serve five years
# of supervised release", "to pay a $500 fine").
_SENTENCE_TERMS = {"serve", "pay", "forfeit", "spend", "complete", "perform", "register", "undergo", "repay",
                   "reimburse", "surrender"}


# What a declaration puts into force rather than reports ("declared a major disaster exists in the State").
_DECLARED_STATES = {"disaster", "emergency", "war", "holiday", "mourning"}


# What a price is charged in ("charges a £10 fee", "charging 50% income tax"): money asked for, nothing said.
_PRICES = {"fee", "tax", "price", "rate", "rent", "interest", "fare", "premium", "commission", "toll", "levy",
           "duty", "subscription", "vat", "cost", "money", "sum", "amount", "penny", "pence", "cent", "dollar",
           "pound", "euro"}
# Works a person writes ("has co-written the novel"): an authorship, not words reported.
_WORKS = {"book", "novel", "series", "song", "script", "screenplay", "play", "episode", "album", "music", "lyric",
          "biography", "memoir", "poem", "opera", "musical", "sitcom", "show", "film", "score", "code", "software",
          "program", "programme", "story", "stories", "column", "chapter"}


def _not_reported(verb: Token) -> bool:
    """A verb of saying used in another sense: "charge" with a price, "write" with a work as its object, "call in"
    people."""
    lemma = verb.lemma_.lower().removeprefix("co-")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if lemma == "charge":
        return any(c.lemma_.lower() in _PRICES or any(g.ent_type_ in ("MONEY", "PERCENT") for g in c.subtree)
                   for c in objects)
    if lemma == "call":  # "called in accountants to …", "called in police": summoned, not asked in words
        doc, j = verb.doc, verb.i + 1
        return j + 1 < len(doc) and doc[j].lower_ == "in" and doc[j + 1].tag_ in ("NNS", "NNP", "NNPS") and \
            not any(c.dep_ == "prep" and (c.lower_ == "for" or c.lower_ == "on" and not any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children)) for c in verb.children)  # (not "on Friday")
    return lemma == "write" and any(c.dep_ == "dobj" and c.lemma_.lower() in _WORKS for c in objects)


def complements_of(verb: Token, kind: str) -> list[Token]:
    if _not_reported(verb):
        return []
    if verb.lemma_ == "order" and any(c.dep_ == "xcomp" and c.lemma_.lower() in _SENTENCE_TERMS or
                                      c.dep_ == "dobj" and not personal(c) for c in verb.children):
        return []  # (nor "ordered Federal aid to supplement …": resources sent, nobody told)
    if verb.lemma_ == "declare" and any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lemma_.lower() in
                                                                  _DECLARED_STATES for g in c.children)
                                        for c in verb.children):
        return []
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "ccomp" and child.lemma_.lower() in lexicon.reporting_verbs() and \
                (src := source_object(child)) is not None and src.head.i == verb.i:
            out.append(src)  # "reported [its source] said …": what was reported includes who said it
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ", "PRON"):
            out.append(child)
        elif child.dep_ == "xcomp" and (kind in ("appeal", "demand", "promise", "warning") or
                                        child.tag_ == "VBG" and child.lemma_.lower() not in _MEANS or
                                        verb.lemma_ in _DIRECTING and child.tag_ == "VB" and
                                        any(c.dep_ == "dobj" for c in verb.children)):
            out.append(child)  # "urged them to leave", "told them to leave"; a gerund for any report: "announced
            # investigating itself"
        elif child.dep_ == "xcomp" and child.tag_ == "VB" and verb.lemma_ not in _RAISING and \
                any(c.dep_ in ("ccomp", "dobj") and c.pos_ in ("NOUN", "PROPN") and c.i < child.i and
                    c.right_edge.i + 1 == child.left_edge.i for c in verb.children):
            out.append(child)  # headlinese "says farm aid to double": the noun and its infinitive are one claim
        elif child.dep_ == "xcomp" and verb.lemma_ in _RAISING and child.tag_ == "VB" and \
                (obj := next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)) is not None:
            out.extend(t for t in (obj, child) if t not in out)  # "predicting profits to rise 50%": both
        elif child.dep_ == "advcl" and kind in ("appeal", "demand") and child.i == getattr(for_clause(verb), "i", -1):
            out.append(child)
        elif child.dep_ == "advcl" and kind in ("appeal", "demand", "warning") and child.i > verb.i and \
                child.tag_ == "VB" and any(a.tag_ == "TO" and a.i == child.i - 1 for a in child.children) and \
                any(c.dep_ == "dobj" and c.i < child.i for c in verb.children):
            out.append(child)  # "urged tenants of the block to pack a bag", the infinitive parsed as a clause
        elif child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS.get(kind, set()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ == "prep" and child.lower_ == "on" and kind == "appeal":  # "calls on both unions to …"
            for pobj in child.children:
                out.extend(c for c in pobj.children if c.dep_ in ("xcomp", "acl") and c.tag_ in ("VB", "TO"))
        elif child.dep_ == "prep" and child.lower_ in _LEMMA_PREPS.get(verb.lemma_, ()):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ == "dobj" and (kind in _DOBJ_CONTENT or verb.lemma_ in _DOBJ_LEMMAS) and \
                (verb.lemma_ not in ADDRESSEE_VERBS or verb.lemma_ in _CRITICISE and not personal(child) and
                 _content_object(child) or verb.lemma_ in _PROMISING and _promised(child)) and \
                verb.lemma_ not in ("appeal", "agree") and \
                child.lower_ not in ("that", "which", "what") and child.lower_ not in _PERSONAL_OBJECTS and \
                (verb.lemma_ not in _DOBJ_LEMMAS or _content_object(child) or _situation(child)):
            out.append(child)  # (never "agreed a deal": it concluded one, said nothing)
        elif child.dep_ == "prep" and child.lower_ == "with" and verb.lemma_ == "threaten":
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_ == "refer":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if kind == "warning" and not out:  # "warned Halvorsen on Tuesday of stiff penalties": "of" further down
        for t in verb.subtree:
            if t.i > verb.i and t.dep_ == "prep" and t.lower_ in ("of", "about", "against") and t.head.i != verb.i:
                out.extend(c for c in t.children if c.dep_ in ("pobj", "pcomp"))
                break
    if not out and verb.lemma_ == "accuse":  # "accused the council of lying", the "of" phrase parsed on the object
        out.extend(g for c in verb.children if c.dep_ == "dobj" for d in (c, *c.conjuncts) for p in d.children
                   if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ in ("pobj", "pcomp"))
        # (or on the last of two accused: "accused the minister and his deputy of lying")
    if not out:
        out.extend(_clause_on_medium(verb) or _unmarked_clause(verb, kind) or _object_clause(verb, kind) or
                   as_clause(verb))
    named = naming(verb)
    if named:
        return named
    if verb.lemma_ in _NAMING and not (verb.lemma_ == "call" and (any(c.dep_ == "prep" and c.lower_ in ("on", "for")
                                                                       for c in verb.children) or for_clause(verb))):
        return [] if verb.lemma_ != "describe" else out  # "call" reports only as "call on/for" or "called X Y"
    return out


def _unmarked_clause(verb: Token, kind: str) -> list[Token]:
    """ "she said as a schoolgirl she was made to …": a finite clause with its own subject and no subordinator right after
    the verb, which the parse took for an adverbial clause, is what was said."""
    if kind not in ("assertion", "report", "belief", "warning", "denial", "promise"):
        return []
    return [c for c in verb.children if c.dep_ == "advcl" and c.left_edge.i == verb.i + 1 and
            c.pos_ in ("VERB", "AUX") and not any(g.dep_ == "mark" for g in c.children) and
            any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)][:1]


# Gerunds of the means a report went by, not what it said ("tweeted using his account: …")
_MEANS = {"use", "employ"}
# verbs whose object and infinitive are together what is said ("predicts profits to rise", "expects prices to fall")
_RAISING = {"predict", "expect", "forecast", "project", "estimate", "believe"}
_SAYING = {"say", "report", "claim", "state", "add", "announce", "confirm", "estimate", "believe", "think"}


def _object_clause(verb: Token, kind: str) -> list[Token]:
    """ "said several acres burned": the reported clause misparsed as an object with a participle after it — a
    noun right after the verb, with a past verb after the noun that ends the clause, is what was said."""
    if verb.lemma_.lower() not in _SAYING:
        return []  # ("observed eleven proteins found only in …", "repeating his remarks made on …": objects)
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")):
        acl = [c for c in obj.children if c.dep_ == "acl" and c.i > obj.i and c.tag_ in ("VBD", "VBN")]
        if acl and obj.left_edge.i == verb.i + 1 and acl[0].i == obj.i + 1 and \
                not any(c.dep_ in ("aux", "auxpass", "agent") for c in acl[0].children):
            return [obj]
    return []


def as_clause(verb: Token) -> list[Token]:
    """ "As X told a newspaper, <clause>": a reporting verb in an "as" clause opening the sentence vouches for the
    main clause (not "…, as X remarked on …, …" inside a sentence, where "as" is "while")."""
    if verb.dep_ == "advcl" and verb.i < verb.head.i and verb.head.pos_ in ("VERB", "AUX") and \
            any(c.dep_ == "mark" and c.lower_ == "as" and c.i == c.sent.start for c in verb.children):
        return [verb.head]
    return []


def _clause_on_medium(verb: Token) -> list[Token]:
    """ "wrote in a letter that …", "said on Monday after a meeting with officials that …": the "that" clause
    misparsed as a relative clause of a noun in a phrase after the verb — a clause marked by "that" with a subject
    of its own is what was said; so too after the one told ("told a radio programme that X had …", the clause
    misparsed as the programme's)."""
    told = verb.lemma_ in ADDRESSEE_VERBS
    for prep in verb.children:
        if prep.i < verb.i or not (prep.dep_ == "prep" or told and prep.dep_ in ("dobj", "dative")):
            continue
        for clause in prep.subtree:
            if clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN") and \
                    any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and \
                    any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which")
                        for c in clause.children):
                return [clause]
    return []


# Verbs that name or characterise: "called the report a disgrace", "described the plan as a fantasy". What is said
# is the object with its predicate, kept together.
_NAMING = {"call", "describe", "label", "brand", "dub", "term", "characterise", "characterize"}
# Verbs of judgement that characterise with "as": "attacked the inquiry as a witch hunt", "dismissed the claims as
# baseless", "hailed the deal as historic" — the object with its "as" phrase is the view reported.
_AS_VERBS = {"attack", "criticize", "criticise", "condemn", "denounce", "dismiss", "reject", "praise", "slam", "welcome"}
# Verbs that name what a relative pronoun stands for ("what the coroner declared a … accident", "which the paper noted
# as …") and otherwise report as any other verb.
_RELATIVE_NAMING = {"declare", "note"}
# Verbs that claim a cause: "ascribed the fire to arson", "attributed the crash to pilot error".
_ASCRIBING = {"ascribe", "attribute"}


def naming(verb: Token) -> list[Token]:
    lemma = verb.lemma_
    if lemma in _ASCRIBING:  # "ascribed the outage to a cyberattack": the cause claimed, object and "to" phrase
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        return [obj, to] if obj is not None and to is not None and obj.i < to.i else []
    if lemma not in _NAMING and lemma not in _AS_VERBS and lemma not in _RELATIVE_NAMING:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    pred = next((c for c in verb.children if (c.dep_ == "oprd" and (lemma in _NAMING or lemma in _RELATIVE_NAMING)) or
                 (c.dep_ == "prep" and c.lower_ == "as")), None)
    if pred is None:
        return _small_clause(verb) if lemma in _NAMING else []
    if obj is not None and obj.lower_ in ("what", "which", "that") and obj.i < pred.i:
        # "in what police declared a “wholly avoidable” collision", "which the paper noted as unusual": the
        # relative stands for the thing named; what is said of it is the predicate
        return [pred]
    if lemma in _RELATIVE_NAMING:
        return []
    if obj is None and any(c.dep_ == "nsubjpass" for c in verb.children):
        return [pred]  # "who was described as 'knife-obsessed' by the police": the predicate alone is said
    if obj is None or pred.i < obj.i:
        return []
    return [obj, pred]


def _small_clause(verb: Token) -> list[Token]:
    """What "branded the new rules unworkable", "called the plan a fiasco" say, where the parse gave the object and
    its predicate no "oprd": a second object ("branded the findings a surprise"), an object with an adjective after
    it that ends the phrase ("called the rules unworkable"), or a clause of the two ("branded [the new rules
    unworkable]")."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if len(objs) == 2 and objs[0].right_edge.i + 1 == objs[1].left_edge.i:
        return objs
    if len(objs) == 1 and objs[0].left_edge.i == verb.i + 1 and any(
            c.dep_ == "amod" and c.i > objs[0].i and c.i == objs[0].right_edge.i for c in objs[0].children):
        return objs
    return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN") and c.i > verb.i and
            any(g.dep_ == "nsubj" and g.left_edge.i == verb.i + 1 for g in c.children)][:1]


# Verbs that report speech only with a clause ("ordered that the files be released", "ordered them to leave"):
# with a bare object they are actions ("ordered the closure", "commanded the troops").
# Verbs of saying that direct their object to act when an infinitive follows it ("told foreign forces to leave").
_DIRECTING = {"tell", "remind", "advise", "instruct", "encourage", "invite"}
_CLAUSE_ONLY = {"order", "command", "direct", "instruct"}
# Criticism verbs that also name a physical act: they report speech only with what the criticism is for or about.
_PHYSICAL = {"attack", "slam"}
# What is attacked or slammed in words, never with a weapon.
_VIEWS = {"policy", "policies", "plan", "plans", "decision", "proposal", "idea", "remark", "remarks", "comment",
          "comments", "claim", "claims", "statement", "record", "handling", "approach", "law", "bill", "budget",
          "strategy", "move", "deal", "response", "ruling", "report", "reform", "reforms", "stance", "view"}


def reports_speech(verb: Token, lemma: str, complements: list[Token]) -> bool:
    """Whether a reporting verb, as used here, reports speech: "were denied entry" and "denied him a visa" refuse
    something to someone; "ordered the closure" is an action."""
    if lemma in ("deny", "refuse"):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.tag_ == "VBN" and \
                verb.dep_ in ("acl", "amod"):
            return False  # "were denied entry", "journalists denied access"
        if any(c.dep_ == "dative" for c in verb.children) or \
                sum(1 for c in verb.children if c.dep_ == "dobj") > 1:
            return False  # "denied him a visa"
    if lemma in ("ask", "request") and any(_anonymity(c) for c in complements):
        return False  # "a neighbour, who asked not to be named, said …": a condition of the interview, not a report
    if lemma in _PHYSICAL and not any(c.dep_ in ("pobj", "pcomp") or (c.dep_ == "prep" and c.lower_ == "as") or
                                      c.dep_ == "dobj" and (c.lemma_.lower() in _VIEWS or
                                                            any(g.lower_ == "what" for g in c.lefts) or
                                                            c.lower_ == "what") or
                                      c.dep_ == "ccomp" and c.left_edge.lower_ == "what"
                                      for c in complements):
        return False  # "began attacking people": an assault; "attacked the plan as reckless" reports a view, and
        # so does attacking a policy, a decision or "what he considered to be errors"
    if lemma in _CLAUSE_ONLY:
        return any(c.dep_ in ("ccomp", "xcomp") or c.tag_ in ("VB", "TO") for c in complements) or \
            any(c.dep_ in ("ccomp",) for c in verb.children)
    return True


_IDENTIFYING = {"name", "identify", "quote", "cite"}


def _anonymity(comp: Token) -> bool:
    """ "not to be named", "not to be identified": the newsroom's formula for an anonymous source."""
    return comp.lemma_.lower() in _IDENTIFYING and any(c.dep_ == "neg" for c in comp.children) and \
        any(c.dep_ == "auxpass" for c in comp.children)
