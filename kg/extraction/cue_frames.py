"""The frames in which a reporting verb reports, as the parse shows them: a quotation next to the verb, a clause a
clause-only verb needs, a participle on a noun for a source, a sentence misparsed around a noun, and the party
addressed (an object, "to X", an interviewer). Read by :mod:`kg.extraction.cues`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.complements import ADDRESSEE_PREPS, ADDRESSEE_VERBS, personal
from kg.pipeline.nlp import ParsedBlock

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Adjectives of ability or likelihood, whose infinitive ("were able to determine …") is no manner of saying, unlike
# "was quick to point out", "was keen to stress".
ABILITY = {"able", "unable", "likely", "unlikely", "due", "ready", "willing", "unwilling", "set", "about"}

QUOTE_MARKS = ("“", "”", '"', "‘", "’", "'", "«", "»")


def opens_quote(tok: Token) -> bool:
    """Whether a quotation mark follows the verb right away or after a comma or colon ("saying, “…”")."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].text in (",", ":"):
        j += 1
    return j < len(doc) and doc[j].text in ("“", '"', "‘", "'", "«") and j > tok.i


_CLOSING = ("”", '"', "’", "'", "»")


def says_clause(verb: Token, kind: str, complements: list[Token]) -> bool:
    """Whether a verb that reports speech only with a clause has one: a finite clause ("the court ruled that the
    ban was lawful", "she hinted he would run"), an appeal's or a demand's infinitive ("instructed staff to
    leave"), or a quotation right before or after it ("“…,” she joked")."""
    if opens_quote(verb):
        return True
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    j = (subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i) - 1
    while j >= 0 and doc[j].text in (",", "—", "–"):
        j -= 1
    if j >= 0 and j < verb.i - 1 and doc[j].text in _CLOSING:
        return True
    for c in complements:
        marks = [g for g in c.children if g.dep_ == "mark"]
        # a that-clause or a bare finite one; not "determine if …", "contested it in that …"
        if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX") and \
                all(m.lower_ == "that" and doc[m.i - 1].dep_ != "prep" for m in marks) and \
                (marks or any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)):
            return True
        if c.dep_ in ("xcomp", "advcl") and kind in ("appeal", "demand", "promise") and c.tag_ == "VB":
            return True
    return False


def reported_by_participle(verb: Token) -> bool:
    """ "the newspaper claiming that …", "officials saying the road was closed": a reporting participle on a noun
    for a source, with a clause of its own."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and personal(head) and \
        any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and
            any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children) for c in verb.children)


def noun_rooted(pb: ParsedBlock, verb: Token) -> Token | None:
    """ "The warning called for sandbags and patience.", misparsed as a noun with a reduced relative ("the warning
    [that was] called for …"): in a sentence of running text with no verb of its own, the noun is the subject.
    (Not in headlines, where "Minister told to resign" is a real reduced passive.)"""
    head = verb.head
    if pb.block.kind != "paragraph" or verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or \
            head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or verb.i != head.i + 1 or \
            any(c.dep_ in ("agent", "auxpass", "nsubjpass") for c in verb.children):
        return None
    return head


def _addressee(verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "dative" or (child.dep_ == "dobj" and lemma in ADDRESSEE_VERBS):
            if child.pos_ == "PRON" and (named := _purpose_party(verb)) is not None:
                return named  # "spoke with X to congratulate him": him is X
            return child
        if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPS and lemma not in ("add", "refer"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
        if child.dep_ == "prep" and child.lower_ == "on" and lemma == "call":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return _interviewer(verb)


def _purpose_party(verb: Token) -> Token | None:
    """The party named by the verb an infinitive of purpose hangs on: X of "spoke with X to …", "called X to …"."""
    if verb.dep_ != "advcl" or verb.tag_ != "VB":
        return None
    head = verb.head
    with_ = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                  if g.dep_ == "pobj"), None)
    return with_ or next((c for c in head.children if c.dep_ == "dobj"), None)


_TALK = {"speak", "talk"}


def _interviewer(verb: Token) -> Token | None:
    """Who a statement was made to in an interview: "said in an interview with Metro Weekly", "Speaking to the
    Daily Ledger, he said", "spoke on Radio Kestrel"."""
    talks = [verb] + [c for c in verb.children if c.dep_ == "advcl" and c.lemma_ in _TALK]
    for head in talks:
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ == "in" and pobj.lemma_ == "interview":
                    inner = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
                    found = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner is not None else None
                    if found is not None:
                        return found
                if head.lemma_ in _TALK and prep.lower_ in ("to", "with", "on") and pobj.pos_ == "PROPN":
                    return pobj
    return None


_SAYING = {"say", "add", "note", "explain", "stress", "insist", "continue", "tell", "argue", "claim", "emphasize",
           "emphasise"}


def aside_subject(verb: Token) -> tuple[bool, Token | None]:
    """The subject of a verb coordinated across a parenthetical "X said" in narration: "The first owner laughed
    at the plan, Ms. Varga said, and dismissed it" goes on with the owner; "The ferry sank, the mayor said, and
    added that …" with the mayor. None when no such aside stands before the verb (or the clause it interrupts is
    a quotation: "“…,” Lin said, and added" is Lin's): (whether an aside stands there, the subject or the verb
    whose subject it is)."""
    head = verb.head
    saying = verb.lemma_.lower() in _SAYING
    if head.dep_ == "parataxis" and head.i < verb.i and head.lemma_.lower() in lexicon.reporting_verbs() and \
            not saying and head.head.i < head.i and \
            not any(t.text in QUOTE_MARKS for t in verb.doc[head.head.left_edge.i : head.i]):
        narrated = head.head  # the clause the aside interrupts; a noun when the parser made the subject its root
        return True, narrated if narrated.pos_ in ("VERB", "AUX", "NOUN", "PROPN") else None
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i]
    if len(subjects) >= 2 and not saying and head.lemma_.lower() in lexicon.reporting_verbs() and \
            head.i < verb.i and not any(t.text in QUOTE_MARKS for t in verb.doc[subjects[0].i : head.i]):
        # "The first keeper, …, roared with laughter, Mr. Langley said, and dismissed …", parsed with both subjects
        # on "said": the verb after the aside goes with the narrated one
        return True, subjects[0]
    if saying:
        aside = next((c for c in head.children if c.dep_ == "parataxis" and head.i < c.i < verb.i
                      and c.lemma_.lower() in lexicon.reporting_verbs()), None)
        if aside is not None and not any(t.text in QUOTE_MARKS for t in verb.doc[head.left_edge.i : aside.i]):
            return True, aside
    return False, None


_AUTHORED = {"message", "statement", "tweet", "post", "letter", "note", "video", "release", "report", "memo",
             "email", "e-mail", "notice", "announcement", "broadcast", "interview", "op-ed", "column"}


def message_author(participle: Token) -> Token | None:
    """The author a message noun right before a participle names, "a tweet by X", "a letter from X", "X's
    statement" — who speaks through the participle ("… a tweet by X saying that …", also when the parser hung the
    participle on the main verb), not the subject of the clause that mentions the message."""
    doc = participle.doc
    if participle.i == 0 or doc[participle.i - 1].is_punct:
        return None  # "X declined, saying …": the participle goes with the clause
    noun = doc[participle.i - 1]
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("by", "from") and _message(noun.head.head) and \
            (noun.pos_ == "PROPN" or _somebody(noun)):
        return noun  # "a tweet by Governor Maria Lopez saying", not "a video from the rally saying"
    if _message(noun):
        return next((c for c in noun.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or _somebody(c))), None)
    return None


def _somebody(noun: Token) -> bool:
    """A common noun that can author a message: a body, a person, a post ("the ministry", "the mayor")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in lexicon.org_heads() or lemma in lexicon.person_nouns() or
                                    lemma in lexicon.post_heads() or lemma in lexicon.role_nouns() or
                                    lemma in lexicon.group_nouns())


def _message(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _AUTHORED


def small_clause(verb: Token) -> bool:
    """A bare participle complement ("have A freed", "got A released"): its subject undergoes it."""
    return verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd") and verb.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def is_parenthetical(verb: Token) -> bool:
    """A reporting clause set off by commas inside the clause it reports ("X, they said, Y"; "By then, he
    told the jury, he was …")."""
    if verb.dep_ != "parataxis" or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i < verb.i:
        return False
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:
        return False
    first = subject.left_edge.i
    return first > 0 and doc[first - 1].text == "," and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


def is_preposed(verb: Token) -> bool:
    """A report that opens its sentence and is set off by a comma from the clause it reports, which the parse made
    the main clause ("Radio Nord reported on Thursday, turnout had climbed to 61 percent")."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or head.pos_ not in ("VERB", "AUX") or head.i < verb.i or \
            any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return False
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    own = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i > verb.right_edge.i), None)
    edge = verb.right_edge.i
    return subject is not None and own is not None and \
        (doc[edge].text == "," or edge + 1 < len(doc) and doc[edge + 1].text == ",") and \
        all(t.is_punct or t.lower_ in ("but", "and") for t in doc[head.left_edge.i : subject.left_edge.i])


# Reports whose subject in the passive is what was reported ("the news was confirmed by …", "the deal was announced by
# …"), as their object is in the active.
_NOUN_REPORTS = {"announce", "confirm", "report", "reveal", "acknowledge", "reiterate", "cite", "predict"}
# Views that are spoken ("condemned by …", "welcomed by …"), unlike a stance that may be only held ("is opposed by …").
_SPOKEN_VIEWS = {"condemn", "criticize", "criticise", "denounce", "decry", "praise", "welcome", "hail", "applaud",
                 "commend", "slam", "blast", "lambast"}


def passive_report(verb: Token, kind: str) -> list[Token]:
    """What a passive report with its "by" agent says: its subject with an infinitive ("were reported by local media
    to have visited …"), an "as" phrase ("a ship, reported by regional media as owned by the navy"), or the
    subject of a spoken view ("the operation was condemned by …", "the plan was welcomed by …"). Nothing without an
    agent, and never a person who was criticised or welcomed (the one addressed, not what was said)."""
    if not any(c.dep_ == "agent" for c in verb.children) or \
            not (any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or
                 verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if kind in ("report", "assertion", "belief"):
        to = next((c for c in verb.children if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)), None)
        if to is not None:
            return [subject, to] if subject is not None else [to]
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is not None:
            return [c for c in as_.children if c.dep_ in ("pobj", "pcomp")]
    if (verb.lemma_ in _SPOKEN_VIEWS or verb.lemma_ in _NOUN_REPORTS) and subject is not None and \
            subject.pos_ in ("NOUN", "PROPN") and \
            not personal(subject) and subject.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE"):
        return [subject]
    return []


_RECALLED = {"say", "tell", "ask", "warn", "add", "insist", "shout", "yell", "complain"}


def recalled_saying(verb: Token) -> Token | None:
    """The "asking" of "remembers the ferryman asking": a speech participle in the verb's clause with a subject of its
    own (a gerund clause, not the verb's own "…, saying"); None when there is none."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG" and c.lemma_ in _RECALLED and \
                any(g.dep_ == "nsubj" and g.i < c.i for g in c.children):
            return c
    return None


def fronted_speaker(verb: Token) -> Token | None:
    """The name the parse hung on a fronted phrase when the verb got no subject ("On Twitter, Jo Roe, a columnist,
    said …", "Speaking to AFP, the head of the league, Jo Roe, said …"): the last person's name set off by commas
    in the phrase before the verb; None when there is none."""
    if verb.dep_ not in ("ROOT", "conj") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    fronted = [c for c in verb.children if c.i < verb.i and c.dep_ in ("prep", "advcl", "npadvmod")]
    # (or hung on the fronted participle itself: "Speaking for the defence, Jo Roe, SC, said")
    names = [t for c in fronted for t in c.subtree if t.dep_ in ("conj", "appos", "npadvmod") and t.pos_ == "PROPN"
             and t.ent_type_ == "PERSON" and t.i + 1 < verb.i and t.doc[t.i + 1].text == ","]
    if names:
        return max(names, key=lambda t: t.i)
    # "In results released in X, a joint group of researchers report …": a speaking noun's phrase that runs
    # up to the verb
    nouns = [t for c in fronted for t in c.subtree if t.dep_ in ("conj", "appos") and t.pos_ == "NOUN"
             and t.right_edge.i == verb.i - 1 and _speaking_noun(t)]
    return nouns[-1] if nouns else None


def _speaking_noun(t: Token) -> bool:
    low = t.lemma_.lower()
    return low in lexicon.org_heads() or low in lexicon.collective_nouns() or low in lexicon.person_nouns() or \
        t.lower_ in lexicon.group_nouns()


def described_name(tok: Token) -> Token | None:
    """The person's name at the end of a subject the parse coordinated without "and" ("University of X, Y's
    chancellor, Jo Roe": "chancellor" a conjunct of "University", "Jo Roe" its apposition), or None."""
    if any(c.dep_ == "cc" for c in tok.children):
        return None
    desc = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    return next((g for g in desc.children if g.dep_ == "appos" and g.pos_ == "PROPN" and g.ent_type_ in ("PERSON", "")), None) \
        if desc is not None else None


def misread_aux(tok: Token, lemma: str, verbs) -> Token | None:  # noqa: ANN001 - the reporting-verb lexicon
    """The subject of a reporting verb that headlinese makes the tagger read as an auxiliary ("Iran admits downing
    jet": "admits" helping "downing"), or None."""
    head = tok.head
    if lemma in verbs and lemma not in ("be", "have", "do") and head.tag_ == "VBG" and head.i == tok.i + 1:
        return next((c for c in (*tok.children, *head.children) if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i),
                    None)
    return None


def verb_lemma(tok: Token, verbs) -> str:  # noqa: ANN001 - the reporting-verb lexicon
    """A verb's lemma, mended where the lemmatiser cuts a reporting verb to another word ("hoped", "hopes" → "hop"):
    the surface form without its inflection, when that is a reporting verb and the lemma is none."""
    lemma = tok.lemma_.lower()
    if lemma in verbs or tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.tag_ == "VBZ"):
        return lemma  # (an auxiliary in headlinese keeps its inflection: "admits" of "Iran admits downing")
    low = tok.lower_
    for stem in (low[:-1] if low.endswith(("es", "ed")) else None, low[:-1] if low.endswith("s") else None,
                 low[:-3] + "e" if low.endswith("ing") else None):
        if stem and stem in verbs:
            return stem
    return lemma


def is_postposed(verb: Token) -> bool:
    """ "A, X said, and B; …": a report after the clause it reports, set off by a comma, that the parse hung on that
    clause as an aside (with the rest of the sentence on the report)."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or head.i > verb.i:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    first = subject.left_edge.i if subject is not None else verb.i
    return subject is not None and first > 0 and verb.doc[first - 1].text == "," and \
        any(c.dep_ in SUBJECT_DEPS for c in head.children)


_NAME_LINKS = {"of", "and", "&", "the", "for"}  # small words inside a body's name ("Bank of England")


def inverted_source(verb: Token, headline: bool) -> Token | None:
    """Headlinese without a comma, "Prices to rise says Acme", "Farm incomes improve says Acme": the name that closes
    the headline right after a present-tense report of the clause before it is the report's source."""
    doc = verb.doc
    if not headline or verb.tag_ not in ("VBZ", "VBP") or verb.i == 0 or doc[verb.i - 1].is_punct:
        return None
    rest = [t for t in doc[verb.i + 1:] if not t.is_punct]
    if not 1 <= len(rest) <= 4 or not all(t.text[:1].isupper() and t.pos_ == "PROPN" or t.lower_ in _NAME_LINKS
                                          for t in rest[1:-1]) or \
            not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in (rest[0], rest[-1])) or \
            not any(t.pos_ in ("VERB", "AUX") for t in doc[: verb.i]):
        return None
    return next((t for t in rest if not rest[0].i <= t.head.i <= rest[-1].i or t.head.i == t.i), rest[-1])
