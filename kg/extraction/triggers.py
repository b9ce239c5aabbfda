"""When a word of the trigger lexicon (``kg/data/lexicon/event_triggers.tsv``) names an event: the context conditions
of ambiguous triggers. "opened fire" and "the fire brigade" are no fire; "the season" is a sports season only with a
name or a year; a call is an event only as a conversation; "sent" only with troops or observers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction import trigger_senses as senses
from kg.model import Span
from kg.pipeline.nlp import ParsedBlock

@dataclass
class Mention:
    """A trigger found in the text: its block, head token, tokens, event type and span (a name, for named events)."""
    pb: ParsedBlock
    head: Token
    tokens: list[Token]
    type: str
    span: Span
    named: str | None = None


# Verbs whose object "fire" is shooting, not a blaze: "opened fire", "returned fire", "held fire".
_FIRING = {"open", "return", "hold", "cease", "exchange", "draw", "trade"}
# Kinds of season that are no sports season.
_WEATHER_SEASONS = {"hurricane", "storm", "typhoon", "monsoon", "rainy", "dry", "wet", "flu", "holiday", "festive",
                    "tourist", "breeding", "growing", "fire", "bushfire", "wildfire", "election", "campaign"}


def _with_named_party(finder, head: Token, pb: ParsedBlock) -> bool:  # noqa: ANN001
    """Whether a verb of conversation has "with" and a named party ("spoke with the Foreign Minister of X")."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.dep_ == "pobj" and (finder.coref.index.mention_of_token(pb, g) is not None or
                              any(x.dep_ == "appos" or x.pos_ == "PROPN" for x in g.subtree))
        for g in c.children) for c in head.children)


def _calls_a_person(finder, head: Token, pb: ParsedBlock) -> bool:  # noqa: ANN001
    """ "called Prime Minister Y this morning", "called her counterpart": a person as the object of "call", with no
    predicate after it ("called him a hero", "called it a mistake") and no particle ("called off", "called up")."""
    if any(c.dep_ in ("oprd", "ccomp", "prt", "attr") for c in head.children):
        return False
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in ("oprd", "acomp") for c in obj.children):
        return False
    found = finder.coref.index.mention_of_token(pb, obj)
    actor = finder.coref.index.actors.get(found[0]) if found is not None else None
    return actor is not None and actor.kind == "person" or obj.lemma_.lower() in _COUNTERPARTS


# Nouns of the other party of a call: "called his counterpart".
_COUNTERPARTS = {"counterpart", "president", "minister", "chancellor", "leader", "king", "premier"}


def _two_speakers(head: Token) -> bool:
    """ "The Secretary and Foreign Minister X spoke today": two parties as the subject of "speak" (after a readout's
    "Call with …", a call); not "spoke of" or "spoke about" a topic alone said by one."""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subj is not None and (any(c.dep_ == "conj" for c in subj.children) or
                                 any(c.dep_ == "conj" for c in subj.head.children if subj.head.i != head.i) or
                                 any(c.dep_ == "nmod" and any(x.dep_ == "conj" for x in c.children)
                                     for c in subj.children))


def condition(finder, words: tuple[str, ...], head: Token, pb: ParsedBlock,  # noqa: ANN001, C901
              kind: str | None = None) -> bool:
    """Context conditions of ambiguous triggers (``finder``: the :class:`~kg.extraction.events.EventFinder`, for the
    coreference and the types met so far; ``kind``: the event type the lexicon gives the trigger)."""
    low = head.lower_
    if head.pos_ == "VERB" and head.dep_ == "amod":
        return False  # a participle used as an adjective ("opposing accusations")
    if (settled := senses.sense(words, head)) is not None:
        return settled
    if words == ("agree",) and any(c.dep_ == "xcomp" for c in head.children):
        return False  # "agreed to end the feud": the event is what they agreed to do
    if words == ("call",) and head.pos_ == "VERB" and kind == "phone-call":
        return _calls_a_person(finder, head, pb)  # "President X called Prime Minister Y this morning to …"
    if words == ("declare",) and head.pos_ == "VERB":  # "declared a major disaster exists", "declares X a pandemic"
        said = [c for c in head.children if c.dep_ in ("dobj", "oprd")]
        said += [g for c in head.children if c.dep_ in ("ccomp", "dobj") for g in c.children
                 if g.dep_ in ("nsubj", "oprd", "attr")]
        return any(x.lemma_.lower() in _DECLARED for x in said)
    objects = lexicon.trigger_objects().get(words)
    if objects is not None and head.pos_ == "VERB":
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if head.dep_ == "acl" and head.tag_ == "VBN" or head.dep_ == "relcl" and any(
                c.dep_ == "auxpass" for c in head.children):  # "sailors held by …", "a plan to be unveiled"
            objs.append(head.head)
        if head.dep_ == "xcomp":  # "a fund was to be set up": the subject hangs on "was"
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
            "phone-call" in finder.seen_types
    if words == ("speak",) and kind == "make-statement":  # "X was speaking at the launch of …", "while speaking to
        return head.tag_ == "VBG" and any(c.dep_ == "prep" and c.lower_ in ("at", "to", "before") for c in  # the press"
                                          head.children) and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD" or c.dep_ == "mark" and c.lower_ == "while"
            for c in head.children)
    if words == ("withdraw",) and head.pos_ == "VERB":  # "withdrew the nomination", "withdrew from using her as
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]  # candidate": no pullout of forces
        objs += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
        return not any(o.lemma_.lower() in _NOT_FORCES or o.dep_ == "pcomp" and o.tag_ == "VBG" for o in objs)
    if words == ("charge",) and head.pos_ == "VERB":  # "was charged with murder", "charged him with fraud"
        near = [head] + [c for c in head.children if c.dep_ == "dobj"]  # (the parser may hang "with" on the object)
        return any(c.dep_ == "prep" and c.lower_ in ("with", "over") for x in near for c in x.children)
    if words == ("rule",) and head.pos_ == "VERB":  # "a federal judge ruled …", "the court ruled on Friday"
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subj is not None and any(t.lemma_.lower() in _BENCH for t in subj.subtree)
    if words == ("bomb",) and head.pos_ == "NOUN":  # "a bomb kills five", "the bomb went off"; no "nuclear bomb"
        return head.dep_ in ("nsubj", "nsubjpass") and not any(c.lemma_.lower() in _NOT_ATTACKS for c in head.children)
    if words == ("hearing",):  # a court's hearing, not a sense nor a legislature's hearing
        return not any(c.lemma_.lower() in _NOT_COURT for c in head.children) and head.dep_ != "compound"
    if words == ("speech",):  # "delivered a speech", "the speech"; no "hate speech", "freedom of speech"
        return not any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _NO_SPEECH for c in head.children) and \
            not (head.dep_ == "pobj" and head.head.lower_ == "of")
    if words == ("speak",):  # "spoke by phone", "spoke with the Foreign Minister of X" (a named party)
        return any(c.dep_ == "prep" and c.lower_ in ("by", "on", "over") and
                   any(g.lemma_ in ("phone", "telephone") for g in c.children) for c in head.children) or \
            _with_named_party(finder, head, pb) or "phone-call" in finder.seen_types and _two_speakers(head)
    if words == ("talk",):  # "the talks"; "talked on Sunday with Foreign Minister X" (a named party)
        return low == "talks" if head.pos_ != "VERB" else _with_named_party(finder, head, pb)
    if words == ("send",) or words == ("dispatch",):
        return any(c.dep_ == "dobj" and c.lemma_ in ("troop", "observer", "force", "soldier", "monitor")
                   for c in head.children)
    if words == ("shake",):
        return any(c.lemma_ == "hand" for c in head.children)
    if words == ("suspension",):  # "the suspension of parliament", then "the suspension"; no player's suspension
        sitting = lexicon.trigger_objects().get(("suspend",), frozenset())
        return "suspension" in finder.seen_types or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in sitting for g in c.children)
            for c in head.children)
    if words == ("approval",):  # "today's approval by the senate of the treaty"; no "approval ratings"
        return any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in head.children)
    if words == ("games",):
        return head.text == "Games"
    if words in (("death",), ("kill",), ("target",), ("bar",), ("ban",), ("host",), ("travel",), ("sign",)):
        return not corefs.np_bounds(head) == (head.i, head.i + 1) or head.pos_ == "VERB"
    if words in (("opening",),):
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) or head.dep_ in ("dobj", "pobj")
    if words in (("statement",), ("post",), ("report",)):
        return False
    if words == ("abuse",):  # "market abuse", "drug abuse": an offence or a habit, no abuse of people's rights
        return not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _NOT_RIGHTS for c in head.children)
    if words == ("threat",):  # "threats of flooding": a risk, not somebody's threat
        return not any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and _natural(g) for g in c.children) for c in head.children)
    if words in (("opinion",), ("judgment",), ("judgement",)):  # "the court issued an opinion": a ruling
        return head.dep_ == "dobj" and head.head.lemma_.lower() in _DELIVER
    if words in _RESULTS:  # "a 1-0 loss", "their 3-1 victory": a result is a match only with its score
        if head.pos_ == "VERB":  # "lost 1-2 to England", "drew 0-0 with Town"
            return _SCORE.match(head.doc[head.i + 1 : head.i + 4].text) is not None
        return head.pos_ == "NOUN" and _SCORE.search(head.doc[head.left_edge.i : head.i].text) is not None
    if words == ("strike",) and head.pos_ == "VERB" and _labour(head):
        return True  # "bus drivers will strike on Friday": a stoppage of work, whoever else strikes
    if words in _STORM_MOVES and head.pos_ == "VERB":
        return _storm_subject(head, finder.parsed.article.text)
    if len(words) == 1 and head.tag_ == "NN" and head.dep_ == "compound" and head.head.pos_ == "NOUN" and \
            not any("N" in t.pos for t in lexicon.triggers_by_first_word().get(head.head.lemma_.lower(), ())) and \
            head.head.lemma_.lower() not in _ITS_TRACES:  # (a verb-only trigger is no event as a noun: "a charge")
        return False  # "protest songs", "war films", "election posters": a noun that modifies a thing names no event
    return _more(words, head)


# What is declared as an act of its own ("declared a disaster", "declares the outbreak a pandemic"); a state of
# emergency or a war is an event of its own noun.
_DECLARED = {"disaster", "pandemic", "independence", "bankruptcy", "mourning", "epidemic", "outbreak", "area"}
# What makes a bomb no attack: a weapon held, not set off.
_NOT_ATTACKS = {"nuclear", "atomic", "hydrogen", "cluster", "unexploded", "dirty", "smoke", "bath"}
# What an event leaves, which names it ("the crash site", "attack victims").
_ITS_TRACES = {"site", "scene", "victim", "survivor", "aftermath", "death", "toll"}
_NOT_COURT = {"loss", "aid", "public", "congressional", "senate", "house", "committee", "confirmation", "parliamentary",
              "impaired", "oversight", "impeachment"}
_BENCH = {"judge", "court", "justice", "tribunal", "magistrate", "jury", "panel", "arbitrator", "ombudsman"}
_NO_SPEECH = {"hate", "free", "freedom", "political", "protected"}
_DELIVER = {"issue", "deliver", "hand", "give", "publish", "release", "pass"}
_NOT_RIGHTS = {"market", "drug", "substance", "alcohol", "opioid", "steroid", "solvent"}
_RESULTS = {("loss",), ("victory",), ("draw",), ("lose",)}
_SCORE = re.compile(r"\b\d{1,3} ?[-–] ?\d{1,3}\b")
# What a storm does to a place: it hits it, or heads towards it ("Tamsin lashes the Faroes", "Gideon nears the
# shore"). Only with a storm as subject: a storm noun, or a name the article gives a storm ("Typhoon Tamsin").
_STORM_MOVES = {("hit",), ("strike",), ("batter",), ("lash",), ("pound",), ("slam",), ("ravage",), ("approach",),
                ("head towards",), ("head toward",), ("head for",), ("bear down",), ("move towards",),
                ("move toward",)}
_STORMS = {"storm", "hurricane", "typhoon", "cyclone", "tornado", "depression", "blizzard", "remnant"}


def _storm_subject(head: Token, text: str) -> bool:
    """Whether a verb's subject is a storm: a storm noun ("the storm", "the hurricane"), or a name the article
    (``text``) gives a storm ("Tamsin", met as "Typhoon Tamsin")."""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lemma_.lower() in _STORMS or any(c.lemma_.lower() in _STORMS for c in subj.children
                                              if c.dep_ in ("compound", "amod")):
        return True
    if subj.pos_ != "PROPN":
        return False
    return re.search(rf"\b(?:Hurricane|Storm|Typhoon|Cyclone|Tropical Storm|Tropical Depression) "
                     rf"{re.escape(subj.text)}\b", text) is not None


# What makes a trial one of medicines on patients.
_CLINICAL = {"clinical", "drug", "vaccine", "medical", "randomised", "randomized", "treatment", "therapy", "medicine",
             "medication", "placebo", "phase"}
# What makes an inquiry one into a crime or into wrongdoing in office (CAMEO 091).
_CRIMINAL = {"criminal", "corruption", "fraud", "bribery", "impeachment", "murder", "homicide", "police", "fbi",
             "antitrust", "embezzlement", "misconduct"}


def refined_type(etype: str, head: Token) -> str:
    """The type of a trigger's event as its context settles it: a blaze, a storm or a crash that kills ("the fire
    killed five") causes a death, which is no violence anyone inflicted; dying in an attack is a killing."""
    if etype in ("killing", "injury") and head.pos_ == "VERB":
        verb = head
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is None and head.dep_ in ("advcl", "conj") and (head.tag_ == "VBG" or head.dep_ == "conj"):
            verb = head.head  # "a quake struck, killing 12", "the outbreak that infected 4,000 and killed 60"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
            subject = verb.head  # "a collision which killed a motorcyclist"
        causes = [subject] if subject is not None and subject.pos_ == "NOUN" else []
        causes += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "during") for g in c.children
                   if g.dep_ == "pobj" and g.pos_ == "NOUN"]  # "was killed in a collision"
        if any(t.words == (c.lemma_.lower(),) and t.type in ("disaster", "accident", "outbreak")
               for c in causes for t in lexicon.triggers_by_first_word().get(c.lemma_.lower(), ())):
            # "the fire killed five", "killed in a collision", "the outbreak killed 60"; "the fire, which also
            return "death" if etype == "killing" else "accidental-injury"  # injured a man"
        if etype == "injury" and head.dep_ == "conj" and head.head.lemma_.lower() in _DYING:
            return "accidental-injury"  # "three died and two were injured when …": harm told with deaths
    if etype in ("attack", "storm-hit") and head.lemma_.lower() == "strike" and _labour(head):
        return "strike-action"  # "workers went on strike", "a general strike", "the nurses' strike"
    if etype == "trial" and (any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _CLINICAL
                                 for c in head.children) or
                             any(c.dep_ == "prep" and c.lower_ in ("of", "for") and any(
                                 g.dep_ == "pobj" and g.lemma_.lower() in _CLINICAL for g in c.children)
                                 for c in head.children)):
        return "clinical-trial"  # "a clinical trial", "a trial of four Ebola drugs": patients, no court
    if etype == "investigation" and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _CRIMINAL
                                        for c in head.children):
        return "criminal-investigation"  # "a criminal investigation", "the impeachment inquiry"
    if etype == "death" and any(c.dep_ == "prep" and c.lower_ in ("in", "from", "during") and
                                any(_violent(g) for g in c.children if g.dep_ == "pobj") for c in head.children):
        return "killing"  # "several died in the raid": deaths that violence caused
    return etype


# What is withdrawn without a pullout of forces (CAMEO 087 is a military withdrawal).
_NOT_FORCES = {"nomination", "candidacy", "candidate", "bid", "application", "offer", "support", "complaint",
               "lawsuit", "suit", "bill", "proposal", "endorsement", "request", "statement", "remark", "name",
               "product", "recognition", "accreditation", "licence", "license", "permit", "funding", "money"}
# Verbs of dying no one is said to have inflicted.
_DYING = {"die", "perish", "drown"}
# Who strikes in a labour dispute, and the kinds of labour strike.
_STRIKERS = {"worker", "employee", "staff", "union", "teacher", "nurse", "doctor", "driver", "pilot", "miner",
             "docker", "crew", "lecturer", "member", "workforce", "employees", "workers", "trucker", "farmer"}
_LABOUR = {"general", "hunger", "national", "nationwide", "labour", "labor", "wildcat", "indefinite", "rail",
           "transport", "postal", "sympathy", "warning", "walkout", "hour", "day", "week", "unofficial"}


def _labour(head: Token) -> bool:
    """Whether a "strike" is a stoppage of work: "went on strike", "are on strike", "a general strike", "a 24-hour
    strike", "the nurses' strike", "a strike by dockers", "bus drivers struck" (not a military strike)."""
    if head.pos_ == "VERB":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _STRIKERS for c in head.children)
    if head.dep_ == "pobj" and head.head.lower_ == "on" and not any(c.dep_ == "det" for c in head.children):
        return True  # "on strike" (no "an attack on strike …": a military strike takes a determiner)
    for c in head.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (c.lemma_.lower() in _STRIKERS | _LABOUR or any(
                g.lemma_.lower() in _LABOUR for g in c.subtree)):
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() in _STRIKERS for g in c.children):
            return True
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":  # "dock workers extended their strike", "the union called a strike"
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _STRIKERS for c in head.head.children)
    return False


def _violent(noun: Token) -> bool:
    """A noun that names violence: a trigger of an assault or a fight (CAMEO 18x, 19x)."""
    from kg.vocab import cameo

    return any(t.words == (noun.lemma_.lower(),) and (cameo(t.type) or "")[:2] in ("18", "19")
               for t in lexicon.triggers_by_first_word().get(noun.lemma_.lower(), ()))


def _more(words: tuple[str, ...], head: Token) -> bool:
    if words == ("fire",):
        if head.dep_ in ("compound", "amod"):
            return False  # "fire safety checks", "the fire brigade"
        gov = head.head
        if head.dep_ == "dobj" and gov.lemma_.lower() in _FIRING:
            return False  # "opened fire"
        if head.dep_ == "pobj" and gov.lower_ in ("under", "with"):
            return False  # "came under fire"
        return True
    if words == ("season",):
        mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nummod", "nmod")]
        if any(c.lower_ in _WEATHER_SEASONS for c in mods):
            return False
        return any(c.pos_ == "PROPN" or c.like_num for c in mods) or any(
            c.dep_ == "poss" for c in head.children)  # "the 2020 season", "the Rugby Union season", "its season"
    if words == ("dead",):  # "found dead", "left 35 dead", a headline's "dozens dead" (after its noun, not before)
        return head.dep_ in ("acomp", "oprd", "ROOT", "conj") or head.pos_ == "NOUN" or \
            head.dep_ == "amod" and head.i > head.head.i and head.head.tag_ in ("NNS", "CD")
    if words == ("sentence",):
        return not any(c.lower_ in ("this", "that", "first", "last", "next") for c in head.children)
    if words in (("beat",), ("defeat",)):  # "profit that beat analysts' estimates": a figure, no match
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURES for c in head.children)
    if words == ("game",):  # a video game is a product: "the video game industry", "its games such as …"
        return not (head.dep_ == "compound" or
                    any(c.dep_ in ("amod", "compound") and c.lower_ in _GAME_MEDIA for c in head.children) or
                    any(c.dep_ == "prep" and (c.lower_ == "such" or c.lower_ == "as" and
                                              any(g.lower_ == "such" for g in c.children)) for c in head.children) or
                    head.dep_ == "dobj" and head.head.lemma_.lower() in _SELL)
    if words in _EXPIRIES:  # "the franchise expired", "the expiry of its licence": a term runs out, not a plan
        return _what_runs_out(head)
    if words == ("execution",):  # "the execution of a prisoner", "a public execution", not "the plan's execution"
        return head.dep_ != "compound" and not any(
            c.dep_ in ("prep", "poss") and (c.lemma_.lower() in _PLANS or any(
                g.dep_ == "pobj" and g.lemma_.lower() in _PLANS for g in c.children)) for c in head.children)
    if words in (("acquire",), ("buy",), ("purchase",), ("sale",)):  # "acquired the rival", "the sale of its unit",
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + [  # not "acquired a taste"
            g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return any(o.pos_ == "PROPN" or o.lemma_.lower() in _FIRMS for o in objs)
    if words == ("recall",):  # "a recall of 50,000 cars", "a product recall" (no "recall election")
        goods = lexicon.trigger_objects().get(("recall",), frozenset())
        return any(c.dep_ == "compound" and c.lemma_.lower() in goods or c.dep_ == "prep" and c.lower_ == "of" and
                   any(g.lemma_.lower() in goods for g in c.children) for c in head.children)
    if words == ("bankruptcy",):  # "filed for bankruptcy", "bankruptcy protection", not "bankruptcy law"
        return head.dep_ != "compound" or head.head.lemma_.lower() in ("protection", "filing", "proceeding")
    if words in (("surgery",), ("outbreak",), ("lawsuit",)):
        return head.dep_ != "compound"  # "the surgery department", "outbreak response teams": a modifier
    return True


# What a company acquires when it buys (a named company, or one of these).
_FIRMS = {"stake", "company", "firm", "business", "unit", "share", "maker", "rival", "startup", "bank", "group",
          "operator", "subsidiary", "chain", "brand", "division", "asset", "producer", "supplier", "manufacturer",
          "developer", "publisher", "network", "airline", "insurer", "retailer", "studio", "club", "team", "portfolio"}
# What runs out: a term, a permit, a truce (its expiry is an event), not a product or a food ("expired milk").
_EXPIRIES = {("expiry",), ("expiration",), ("expire",)}
_TERMS = {"licence", "license", "franchise", "mandate", "deadline", "contract", "term", "permit", "visa", "lease",
          "agreement", "treaty", "ceasefire", "truce", "moratorium", "ultimatum", "law", "patent", "waiver",
          "exemption", "deal", "accord", "pact", "concession", "authorization", "authorisation", "extension",
          "suspension", "ban", "sanction", "order", "programme", "program", "scheme", "tenure", "registration"}
_PLANS = {"plan", "order", "strategy", "contract", "warrant", "task", "project", "policy", "program", "programme",
          "duty", "trade", "transaction", "code", "command", "script", "search", "will"}


def _what_runs_out(head: Token) -> bool:
    """Whether what expires is a term or a permit: the subject of "expire", the "of" object, possessor or compound
    of "expiry"."""
    if head.pos_ == "VERB":
        cands = [c for c in head.children if c.dep_ == "nsubj"]
    else:
        cands = [c for c in head.children if c.dep_ in ("poss", "compound")]
        cands += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in _TERMS for c in cands)


# What business news beats or misses: figures, not opponents.
_FIGURES = {"estimate", "expectation", "forecast", "consensus", "projection", "guidance", "target", "outlook"}
_GAME_MEDIA = {"video", "computer", "mobile", "online", "console", "board", "card", "digital", "pc"}
_SELL = {"buy", "sell", "release", "publish", "download", "develop", "launch", "ship"}


def _natural(noun: Token) -> bool:
    """A noun that names weather or a natural hazard ("flooding", "rain", "storms"): a disaster trigger, or weather."""
    lemma = noun.lemma_.lower()
    return lemma in _WEATHER or any(t.words == (lemma,) and t.type == "disaster"
                                    for t in lexicon.triggers_by_first_word().get(lemma, ()))


_WEATHER = {"flooding", "rain", "snow", "wind", "frost", "ice", "hail", "thunderstorm", "severe weather", "drought",
            "storm", "heat", "lightning"}
