"""Reporting cues: the verb (or phrase) that attributes content to a source, with its source, addressee and content.

A cue is found from the dependency parse: a reporting verb from the lexicon outside any quote, with a subject
(its own, or inherited from the verb it is coordinated with), and something said — a clause, an appeal's
infinitive, "of"/"for" phrase, or a quotation next to it. "X quoted Y as saying", "according to X" and "X made clear"
are recognised as phrases.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from kg import lexicon
from kg.extraction.complements import (ADDRESSEE_VERBS, complements_of, for_clause, naming, personal,
                                       reports_speech, source_object)
from kg.extraction.cue import Cue
from kg.extraction.source_phrases import _in_the_words_of, _per, _relayed, according_to, relaying_subject
from kg.extraction.trailing import trailing_appositive
from kg.extraction.cue_frames import (  # noqa: F401 - SUBJECT_DEPS, opens_quote, _addressee are read from here too
    QUOTE_MARKS,
    SUBJECT_DEPS,
    _addressee,
    aside_subject,
    ABILITY as _ABILITY, is_parenthetical as _parenthetical,
    inverted_source,
    is_postposed,
    is_preposed as _preposed,
    passive_report,
    verb_lemma,
    message_author,
    fronted_speaker,
    misread_aux,
    recalled_saying,
    noun_rooted,
    opens_quote,
    reported_by_participle,
    says_clause,
    small_clause,
)
from kg.pipeline.nlp import ParsedBlock


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:  # "The Varga cabinet has, however, made plain": the subject hangs on the auxiliary
        subjects = [g for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children
                    if g.dep_ in SUBJECT_DEPS]
    if subjects:
        # with two subjects (a misparsed fronted clause: "Address …’, China tells U.S."), the nearer one speaks
        subject = min(subjects, key=lambda c: abs(verb.i - c.i))
        if verb.tag_ == "VBG" and subject.pos_ == "NOUN" and not personal(subject) and \
                opens_quote(verb) and verb.dep_ != "ROOT":
            head = verb.head  # "for the death toll saying, “…”": a gerund's noun names no one; the clause speaks
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            return _subject(head) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None
        return subject
    # "On Monday Brightwater Foods announced", misparsed with the name inside the date's phrase: the name speaks
    dated = next((c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.lower_ in ("on", "in")), None)
    name = next((c for c in dated.children if c.dep_ == "pobj"), None) if dated is not None else None
    if name is not None and name.pos_ == "PROPN" and name.ent_type_ not in ("DATE", "TIME", "") and \
            name.i == verb.i - 1 and name.left_edge.ent_type_ == "DATE":
        return name
    # "X underscored A as it defends B and emphasized C", misparsed with "emphasized" coordinated inside the
    # subordinate clause: a reporting verb in the main verb's tense, not the subordinate's, goes with the main verb
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "advcl" and head.tag_ != verb.tag_ and \
            head.head.lemma_.lower() in lexicon.reporting_verbs() and head.head.tag_ == verb.tag_ and \
            head.lemma_.lower() not in lexicon.reporting_verbs():
        return _subject(head.head)
    # "X said that the bridge would reopen and added that …", misparsed with "added" coordinated inside what was
    # said: a reporting verb in the tense of the verb that reports, not of the clause, speaks for that verb's subject
    outer = head.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.tag_ != verb.tag_ and outer.tag_ == verb.tag_ and \
            outer.lemma_.lower() in lexicon.reporting_verbs():
        return _subject(outer)
    # "Mr. Lin said … and added that …": a coordinated verb shares the subject
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        aside, who = aside_subject(verb)
        if aside:
            return _subject(who) if who is not None and who.pos_ in ("VERB", "AUX") else who
        return _subject(verb.head)
    # "She had vowed …, and, according to X, once told fans that …": a finite verb after "and" that the
    # parse hung on the first verb as an adverbial clause is still coordinated with it and shares its subject
    if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ in ("VERB", "AUX") and \
            head.i < verb.i and not any(c.dep_ == "mark" for c in verb.children) and \
            any(c.dep_ == "cc" and head.i < c.i < verb.left_edge.i for c in head.children):
        return _subject(head)
    # "a Tuesday tweet by Governor Ada Rusk saying that …", "the ministry's letter saying …": the message's author
    if verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl") and (author := message_author(verb)) is not None:
        return author
    # "…, saying that …" / "…, adding that …": the participle's subject is the main verb's — the reporting verb's
    # when the participle hangs on its content ("X added [officials were trained], saying …")
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        head = verb.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in lexicon.reporting_verbs():
            head = head.head
        return _subject(head)
    # "… except for urging calm": a gerund under a preposition speaks for the clause's subject
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in lexicon.reporting_verbs():
            head = head.head  # "X acknowledged that A by saying …": X says it, not A's subject
        head = head.head if small_clause(head) else head  # "tried to have A freed by saying …": not A
        return _subject(head) if head.pos_ in ("VERB", "AUX") else None
    # "criticized Israel for the death toll saying, “…”": a participle that opens a quotation, hung on a noun that
    # names no one, speaks for the clause's subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and (verb.head.pos_ == "NOUN" and not personal(verb.head) or
                                                      _on_message(verb)):
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return _subject(head) if head.pos_ in ("VERB", "AUX") else None
    # "spoke with X to congratulate him on …": an infinitive of purpose speaks for the clause's subject
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") and \
            any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children):
        return _subject(verb.head)
    # "The league office continues to insist that …": an infinitive complement speaks for its governor's subject
    if verb.dep_ == "xcomp" and (verb.head.pos_ in ("VERB", "AUX") or verb.head.dep_ == "acomp" and
                                 verb.head.lower_ not in _ABILITY):
        return _subject(verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head)  # "was quick to add"
    # "despite the newspaper claiming that …": a source's participle with a clause reports for the source
    if reported_by_participle(verb):
        return verb.head
    # "who said": the relative clause's noun
    if verb.dep_ == "relcl":
        return verb.head
    # "Writer X, from Y, asked of the war: “…”", the past tense hung on the name as a clause: the name's own verb
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ == "PROPN" and verb.head.i < verb.i:
        return verb.head
    return None


# Nouns of a message whose participle says what it says ("posted a note on Facebook blaming the council for …").
_MESSAGES = {"message", "statement", "tweet", "post", "letter", "note", "video", "release"}


def _on_message(verb: Token) -> bool:
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":  # (misparsed onto "a message on Twitter")
        noun = noun.head.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _MESSAGES


# Stance adjectives whose prepositional phrase says what the attitude is about (not "aware of", "sure of").
_STANCE_PREPS = {w: ("about", "over") for w in ("concerned", "worried", "optimistic", "pessimistic")} | \
    {w: ("about", "of") for w in ("skeptical", "sceptical", "doubtful", "hopeful")} | {"afraid": ("of",),
                                                                                    "fearful": ("of",)}
_PHRASE_VERBS = {"make", "express", "voice", "speak", "talk"}  # "made clear", "expressed confidence that …"


def find_cues(pb: ParsedBlock, sent: SpacySpan, in_quote, toks: list[Token] | None = None) -> list[Cue]:  # noqa: ANN001
    """The reporting cues of one sentence (``toks``: its tokens, if already made); ``in_quote`` tells whether an
    article offset lies inside a quotation."""
    verbs = lexicon.reporting_verbs()
    stances = lexicon.stance_adjectives()
    feelings = lexicon.feeling_adjectives()
    cues: list[Cue] = []
    for tok in toks if toks is not None else sent:
        lemma = verb_lemma(tok, verbs)
        low = tok.lower_
        if lemma not in verbs and lemma not in _PHRASE_VERBS and low not in ("according", "words", "per") and \
                low not in stances and low not in feelings:
            continue  # no cue can start here (the cheapest test first: most words are none of these)
        off = pb.offset + tok.idx
        if in_quote(off) or _obliged(tok):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(pb.doc) and pb.doc[tok.i + 1].lower_ == "to":
            if (according := according_to(pb, tok, sent)) is not None:
                cues.append(according)
            continue
        if (per := _per(pb, tok, sent)) is not None:
            cues.append(per)
            continue
        if (words := _in_the_words_of(pb, tok, sent)) is not None:
            cues.append(words)
            continue
        feeling = low in feelings
        stance = (low in stances or feeling) and (tok.pos_ == "ADJ" or tok.tag_ == "VBN")
        if stance and tok.dep_ in ("acomp", "ROOT"):  # "are skeptical that", "were concerned that"
            lemma = tok.lower_
            # a feeling holds a content only in a finite clause ("pleased that …", not "happy to help")
            kinds = ("ccomp",) if feeling else ("ccomp", "xcomp")
            comps = [c for c in tok.children if c.dep_ in kinds] or \
                [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i and tok.dep_ == "acomp"]
            # "were concerned about the calculation", "is optimistic about the talks": the attitude's topic
            topics = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS.get(lemma, ())
                      for g in c.children if g.dep_ in ("pobj", "pcomp")]
            comps += topics
            subj = _subject(tok.head) if tok.dep_ == "acomp" else _subject(tok)
            if comps and subj is not None and lemma != "clear":
                cues.append(Cue(pb, sent, tok, [tok], lemma, "belief", subj, None, None, comps,
                                topics={t.i for t in topics}))
            continue
        if tok.dep_ == "aux" and (subj := misread_aux(tok, lemma, verbs)) is not None:  # "Iran admits downing jet"
            cues.append(Cue(pb, sent, tok, [tok], lemma, verbs[lemma].kind, subj, complements=[tok.head]))
            continue
        if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and lemma == "say"):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "she did not say which rules would go": nothing is attributed
        if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children) and \
                any(c.dep_ == "xcomp" and c.i > tok.i and verb_lemma(c, verbs) in verbs for c in tok.children):
            continue  # "X is expected to say", "is reported to have told": the infinitive reports, with X its speaker
        nxt = pb.doc[tok.i + 1] if tok.i + 1 < len(pb.doc) else None
        if lemma == "make" and nxt is not None and nxt.lower_ == "it" and tok.i + 2 < len(pb.doc):
            nxt = pb.doc[tok.i + 2]  # "made it clear (that) …"
        if lemma in ("speak", "talk"):
            # "spoke of a coming offensive", "talked of touring abroad": what was said; but "spoke (with X) about the
            # case" only names the topic of a conversation, which attributes no claim (tests/gold/README.md)
            about = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            topic = next((c for c in about.children if c.dep_ in ("pobj", "pcomp")), None) if about else None
            if topic is not None:
                cues.append(Cue(pb, sent, tok, [tok, about], f"{lemma} {about.lower_}", "assertion", _subject(tok),
                                _addressee(tok), None, [topic]))
            continue
        if lemma == "make" and nxt is not None and nxt.lower_ == "clear":  # "made clear (that) …"
            comps = [c for c in list(tok.children) + list(nxt.children) if c.dep_ in ("ccomp",)]
            if comps:
                cues.append(Cue(pb, sent, tok, [tok, nxt], "make clear", "assertion", _subject(tok), None, None,
                                comps))
            continue
        if lemma in ("express", "voice") and (noun := next((c for c in tok.children if c.dep_ == "dobj"), None)):
            # "expressed hope (that) the ceasefire would hold": the clause on the noun is the content
            comps = [c for c in noun.children if c.dep_ in ("ccomp", "acl", "relcl") and c.pos_ in ("VERB", "AUX")
                     and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)]
            comps += [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                cues.append(Cue(pb, sent, tok, [tok, noun], f"express {noun.lemma_}", "belief", _subject(tok), None,
                                None, comps))
            continue
        if lemma not in verbs:
            continue
        quoting = tok.tag_ == "VBG" and tok.dep_ == "acl" and (opens_quote(tok) or _on_message(tok) or
                                                               reported_by_participle(tok))
        if (told := _misread_telling(tok)) is not None:
            # "with finance minister X telling parliament: “…”", parsed with "telling" as the hearer's adjective
            cues.append(Cue(pb, sent, tok, [tok], lemma, verbs[lemma].kind, told[0], told[1]))
            continue
        if tok.tag_ == "VBG" and not (tok.dep_ in ("advcl", "xcomp", "ROOT", "pcomp") or quoting or
                                      (tok.dep_ == "conj" and (tok.head.tag_ != "VBG" or
                                                               tok.head.lemma_ in verbs))):
            continue  # "… a document setting out … and highlighting concerns": a participle, not a report
        kind = verbs[lemma].kind
        cue = Cue(pb, sent, tok, [tok], lemma, kind)
        as_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None) \
            if lemma in ("quote", "report", "cite") else None
        # "X was quoted as saying", "X has been reported as saying", "… as having urged clinics to …", "X cited
        # the Air Force as stating …"
        saying = next((c for c in as_.children if c.lemma_ == "say" or lemma in ("report", "cite") and
                       c.pos_ == "VERB" and verb_lemma(c, verbs) in verbs), None) if as_ is not None else None
        # (without "as saying", "reported" and "cited" report on their own: "reported that …", "reported as missing")
        if saying is not None or lemma == "quote":
            if saying is not None:
                cue.tokens = [tok, as_, saying]
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                subj = _subject(tok)
                if obj is not None:  # "the Ministry quoted him as saying"
                    cue.speaker, cue.reporter = obj, subj
                else:  # "he was quoted as saying"
                    cue.speaker = subj
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    cue.reporter = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                cue.complements = complements_of(saying, verbs[verb_lemma(saying, verbs)].kind) or \
                    [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i]  # "A, X was reported as saying"
                if saying.lemma_ != "say":
                    cue.addressee = _addressee(saying)  # "… as having urged clinics to …": the clinics were told
                cues.append(cue)
            continue
        particle = next((c for c in tok.children if c.dep_ == "prt"), None)
        if lemma == "point" and (particle is None or particle.lower_ != "out"):
            continue
        if particle is not None and particle.i == tok.i + 1:
            cue.tokens.append(particle)
        ruled_out = lemma == "rule" and particle is not None and particle.lower_ == "out"
        if ruled_out:  # "ruled out arson": a denial of what it names, not a ruling
            cue.kind = kind = "denial"
        if lemma == "call" and not naming(tok):
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "for") and c.i > tok.i),
                        None)  # (not "On Sunday, X called for …")
            if prep is not None:
                cue.tokens.append(prep)
            elif (clause := for_clause(tok)) is not None:
                cue.tokens += [g for g in clause.children if g.dep_ == "mark" and g.i == tok.i + 1]
        trailing = trailing_appositive(tok)
        cue.speaker = _made_to_say(tok) or _subject(tok) or source_object(tok) or noun_rooted(pb, tok) or \
            trailing or fronted_speaker(tok)
        cue.addressee = _addressee(tok)
        if lemma in _PERFORMED and cue.speaker is not None and (
                cue.speaker.ent_type_ == "PERSON" or cue.speaker.lower_ in _PERSONAL):
            continue  # a person shows by doing, not by saying
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or passive_report(tok, kind):
            # a passive: "he was told by the minister of …", "who was described as … by the police" — the agent
            # speaks; the subject is the one told (or described), never the speaker; no agent, nobody to cite
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if cue.speaker is not None and lemma in ADDRESSEE_VERBS and cue.addressee is None:
                cue.addressee = cue.speaker
            cue.speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        # a clause before the verb across a semicolon is a sentence of its own, not what the verb reports ("The war
        # has gone on for years; the rebels want …")
        cue.complements = [c for c in complements_of(tok, kind) if not (
            c.i < tok.i and any(t.text == ";" for t in pb.doc[c.right_edge.i + 1 : tok.i])) and not (
            _parenthetical(c) and c.lemma_.lower() in verbs)]  # "Brandt, they said, wanted": not what Brandt wanted
        if not cue.complements and cue.speaker is not None and cue.speaker.head.dep_ == "agent":
            cue.complements = passive_report(tok, kind)  # "the plan was condemned by X", "reported by X to …"
        if not cue.complements and tok.dep_ == "xcomp" and (gov := _governor(tok)) is not None:
            # "“…,” he was due to say", "“…,” she is expected to tell the rally": the quotation before hangs on
            # the verb that governs the infinitive; its words are given, so they are said even where "due to say"
            # alone would only announce a speech
            cue.complements = [c for c in gov.children if c.dep_ == "ccomp" and c.i < tok.i]
            if cue.complements and cue.speaker is None:
                cue.speaker = _subject(gov)
        if not cue.complements and trailing is not None:
            cue.complements = [sent.root]  # "X has won the prize, the judges announced on Tuesday"
        if (source := inverted_source(tok, pb.block.kind == "headline")) is not None:
            cue.speaker = cue.speaker or source  # "Prices to rise says Acme": the name after the report speaks
            if not cue.complements and tok.dep_ in ("ccomp", "parataxis") and tok.head.i < tok.i:
                cue.complements = [tok.head]  # "Farm incomes improve says Acme", parsed with the report inside
        if not cue.complements and (_parenthetical(tok) or _preposed(tok) or is_postposed(tok)):
            cue.complements = [tok.head]  # "Brandt, they said, wanted no funeral": the clause around it is said
        if not cue.complements and tok.dep_ == "relcl" and kind in ("denial", "criticism"):
            cue.complements = [tok.head]  # "a charge that Mendes quickly denied": what is denied is the noun
        if not reports_speech(tok, lemma, cue.complements):
            continue
        if verbs[lemma].clause_only and not ruled_out:
            if not says_clause(tok, kind, cue.complements):
                continue  # "ruled the country", "found the body", "protested the decision": no speech
            # what such a verb reports is its clause, never its object ("contested it … that …")
            cue.complements = [c for c in cue.complements if c.dep_ != "dobj"] or cue.complements
        if (inner := recalled_saying(tok)) is not None:
            # "X recalls the landlord warning “…”", "X remembered her coach telling her …": the one recalled
            # spoke; X relays the words
            cue.tokens.append(inner)
            cue.reporter, cue.speaker = cue.speaker, next(c for c in inner.children if c.dep_ == "nsubj")
            cue.complements = [c for c in cue.complements if c.i != inner.i] + \
                [c for c in complements_of(inner, kind) if c not in cue.complements]
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1:  # the farther subject is a fronted, misparsed content clause …
            far = max(subjects, key=lambda c: abs(tok.i - c.i))
            near = min(subjects, key=lambda c: abs(tok.i - c.i))
            between = pb.doc[min(far.right_edge.i, near.left_edge.i) : max(far.left_edge.i, near.right_edge.i)]
            if any(t.text in (",", ";", "—", "–") or t.text in QUOTE_MARKS for t in between):
                cue.complements.append(far)  # … unless it is the speaker's own title ("Togo's trade minister X said")
        relaying_subject(cue)  # "According to agency X, the prosecutor, Y, said", misparsed: Y speaks, X relays
        cues.append(cue)
    return _relayed(cues)


def _misread_telling(verb: Token) -> tuple[Token, Token] | None:
    """(speaker, hearer) of a participle of saying the parse hung on its hearer as an adjective, right after a name
    and right before a colon ("X telling parliament: …"); None otherwise."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ != "amod" or verb.i == 0 or doc[verb.i - 1].pos_ != "PROPN" or \
            verb.head.i <= verb.i or verb.head.right_edge.i + 1 >= len(doc) or doc[verb.head.right_edge.i + 1].text != ":":
        return None
    return doc[verb.i - 1], verb.head


# Verbs that report what a study or a document found ("the survey showed that …") but name what a person does
# ("she showed she can win on clay", "to show the machine could be used for sport")
_PERFORMED = {"show", "prove", "demonstrate"}
_PERSONAL = {"i", "we", "you", "he", "she"}


def _governor(verb: Token) -> Token | None:
    """The verb an infinitive of saying completes ("is expected to say", "was due to say", "went on to say"),
    unless it refuses or fails to say."""
    if verb.tag_ != "VB" or not any(c.tag_ == "TO" for c in verb.children):
        return None  # an infinitive only ("said referring to …" is the saying verb's own)
    head = verb.head
    if head.dep_ == "acomp":
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in ("refuse", "decline", "fail", "want", "try") or \
            head.lemma_.lower() in lexicon.reporting_verbs():
        return None
    return head


# Verbs that make somebody do something: the one made to say it speaks ("prompted the minister to say …").
_CAUSING = {"prompt", "lead", "force", "cause", "compel", "push", "spur", "persuade", "oblige", "drive", "move",
            "provoke", "get"}


def _made_to_say(verb: Token) -> Token | None:
    """The object of "prompted X to say …", "led the firm to warn …": X speaks, not the cause."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.lemma_.lower() not in _CAUSING:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _obliged(verb: Token) -> bool:
    """ "must explain", "should say", "will have to explain", "needs to say", "has yet to say": what somebody is
    obliged or expected to say is not something said."""
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "have") and \
        any(c.tag_ == "TO" for c in verb.children)
