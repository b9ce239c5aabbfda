"""Senses of event words that are common outside news events: who is picked for a post ("tapped to run the
department", "named X as envoy", "will replace Y"), who votes (a body, not a voter), whom one emails (a named
party), what leaks (a memo, not gas), which companies merge, what is killed (a person, not a bill or a deal), what
takes effect (a law, not a drug) and which plea is one to a charge (used by
:func:`kg.extraction.triggers.condition`)."""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon

# Verbs that pick a person for a post, and what the pick is to do there ("tapped to run", "chosen to succeed").
_PICK = {("tap",), ("pick",), ("choose",), ("select",), ("name",)}
_POST_DUTIES = {"be", "become", "replace", "succeed", "head", "run", "lead", "serve", "fill", "take", "chair"}
# Verbs whose object is the person somebody takes over from ("Hadley will replace Rice").
_TAKE_OVER = {("replace",), ("succeed",)}
# What is killed without a death: a plan, a bill, a deal ("lawmakers killed the bill").
_PLANS_KILLED = {"deal", "bill", "plan", "proposal", "measure", "project", "idea", "legislation", "amendment",
                 "program", "programme", "scheme", "contract", "provision", "motion", "lease", "story", "rumour",
                 "rumor", "talk", "negotiation", "merger", "bid", "initiative", "reform", "law", "effort", "hope",
                 "chance", "momentum", "engine", "light", "power", "process", "application", "feature", "product"}
# Who votes as a body on a measure ("the senate voted 60-40", "lawmakers voted to expel").
_BODIES = {"parliament", "senate", "house", "congress", "assembly", "legislature", "committee", "council", "board",
           "court", "panel", "lawmaker", "legislator", "mp", "senator", "representative", "delegate", "shareholder",
           "commission", "cabinet", "jury", "member", "deputy", "chamber", "parliamentarian", "councillor",
           "councilor", "union", "directors"}
_NOT_BODIES = {"voter", "state", "county", "district", "ward", "precinct", "city", "town"}
# What merges as a company does ("retail giants merge", "the bank merged with its rival").
_COMPANIES = {"company", "firm", "bank", "retailer", "giant", "rival", "group", "carrier", "airline", "insurer",
              "lender", "maker", "chain", "operator", "publisher", "studio", "brewer", "producer", "supplier"}
# What leaks without anyone leaking it.
_FLUIDS = {"gas", "oil", "water", "fuel", "chemical", "radiation", "air", "sewage", "methane", "ammonia", "coolant",
           "acid", "blood", "pipe", "pipeline", "tank", "reactor", "roof", "valve"}
# What takes effect without being a rule: a medicine, a spell ("the sedative took effect").
_NOT_RULES = {"drug", "medicine", "medication", "anaesthetic", "anesthetic", "painkiller", "sedative", "poison",
              "alcohol", "pill", "dose", "injection", "treatment", "spell", "magic", "charm"}


def sense(words: tuple[str, ...], head: Token) -> bool | None:
    """Whether ``head`` (the trigger ``words``) is the event, or None when these senses say nothing of it."""
    if words in _PICK:
        return head.pos_ == "VERB" and _picked_for_a_post(head)
    if words in _TAKE_OVER:  # (not "chose X to replace Y": the choice is the event)
        return head.pos_ == "VERB" and any(c.dep_ == "dobj" and _person(c) for c in head.children) and not (
            head.dep_ in ("xcomp", "advcl", "ccomp") and (head.head.lemma_.lower(),) in _PICK or
            head.head.dep_ in ("dobj", "nsubjpass") and (head.head.head.lemma_.lower(),) in _PICK)
    if words == ("vote",):  # "the senate voted 60-40", not a voter's ballot ("she voted at the school")
        subj = _subject(head)
        return head.pos_ == "VERB" and subj is not None and (
            subj.lemma_.lower() in _BODIES or subj.ent_type_ == "ORG" and subj.lemma_.lower() not in _NOT_BODIES)
    if words == ("leak",) and head.pos_ != "VERB":  # "the leak of the memo", not "a gas leak", "a leak from a pipe"
        near = [c for c in head.children if c.dep_ in ("compound", "amod")]
        near += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children]
        return not any(x.lemma_.lower() in _FLUIDS for x in near)
    if words == ("merge",):  # "Retailers X and Y to merge", "merged with its rival"; not lanes, files or styles
        parties = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        parties += [g for p in list(parties) for g in p.children if g.dep_ == "conj"]
        parties += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
        if any(c.dep_ == "dobj" and c.ent_type_ != "ORG" and c.lemma_.lower() not in _COMPANIES
               for c in head.children):
            return False  # "merged their styles", "merged the two files"
        return head.pos_ == "VERB" and any(p.ent_type_ == "ORG" or p.lemma_.lower() in _COMPANIES or p.pos_ == "PROPN"
                                           and p.ent_type_ not in ("PERSON", "GPE", "LOC", "NORP") for p in parties)
    if words in (("email",), ("e-mail",)):  # "emailed the agency on Monday": a written contact with a named party
        return head.pos_ == "VERB" and any(c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.ent_type_ in (
            "ORG", "PERSON")) for c in head.children)
    if words == ("kill",) and head.pos_ == "VERB":
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        objs += [g for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]  # "killed a part of the deal"
        return False if any(o.lemma_.lower() in _PLANS_KILLED for o in objs) else None
    if words[:1] in (("take",), ("go",), ("come",), ("enter",)) and words[-1] in ("effect", "force"):
        subj = _subject(head)  # "the policy, which took effect on Monday"
        if subj is not None and head.dep_ == "relcl" and subj.i == head.head.i:
            if subj.dep_ == "pobj" and subj.head.lower_ == "of":
                subj = subj.head.head  # "the suspension of parliament, which went into effect": the parser's pick
        # what takes effect is a rule, not a medicine; an event's own taking effect ("the suspension, which went
        # into effect on Tuesday", "the ban took effect") is that event, told on its day
        return subj is None or subj.lemma_.lower() not in _NOT_RULES and not _event_noun(subj)
    if words == ("plea",):  # "a guilty plea", "a plea of not guilty", "entered a plea", "a change of plea"; not
        return head.dep_ != "compound" and (  # "a plea for help" nor "a plea deal"
            any(c.lower_ in ("guilty", "innocent") or c.dep_ == "prep" and c.lower_ == "of" and
                any(g.lower_ in ("guilty", "innocence", "innocent") for g in c.subtree) for c in head.children) or
            head.dep_ == "dobj" and head.head.lemma_.lower() in ("enter", "change", "withdraw") or
            head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() == "change")
    return None


def _subject(head: Token) -> Token | None:
    """The verb's subject; of a relative clause opened by "which" or "who", the noun the clause hangs on."""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
        return head.head
    return subj


def _event_noun(tok: Token) -> bool:
    """A noun the trigger lexicon lists ("suspension", "ban")."""
    return tok.pos_ == "NOUN" and any(t.words == (tok.lemma_.lower(),) and "N" in t.pos
                                      for t in lexicon.triggers_by_first_word().get(tok.lemma_.lower(), ()))


def _person(tok: Token) -> bool:
    """A person named, or a title with a person's name ("Secretary of State Colin X")."""
    return tok.ent_type_ == "PERSON" or any(c.dep_ in ("compound", "appos") and c.ent_type_ == "PERSON"
                                             for c in tok.children)


def _picked_for_a_post(head: Token) -> bool:
    """ "has chosen X to replace Y", "was tapped to run the department", "named X as ambassador", "named X its chief
    executive": the verb names who will hold a post, with what the post is."""
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in _POST_DUTIES for c in head.children):
        return True
    objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _POST_DUTIES for o in objs for c in o.children):
        return True  # the parser may hang "to replace …" on the person picked
    posts = lexicon.post_heads()
    for c in list(head.children) + [c for o in objs for c in o.children]:
        if c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" and g.lemma_.lower() in posts
                                                          for g in c.children):
            return True  # "named her as envoy"
        if c.dep_ in ("oprd", "attr") and c.lemma_.lower() in posts:
            return True  # "named him its chief executive"
    return False
