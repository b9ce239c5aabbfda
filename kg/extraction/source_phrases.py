"""Source phrases that attribute a clause without a reporting verb: "according to X", "per X", "in the words of X"
(:func:`kg.extraction.cues.find_cues` asks them), and the relaying of another cue's report by such a phrase."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from kg.extraction.complements import personal
from kg.extraction.cue import Cue
from kg.pipeline.nlp import ParsedBlock


def according_to(pb: ParsedBlock, tok: Token, sent: SpacySpan) -> Cue | None:
    """ "According to X, <clause>", "<clause>, according to X": X's words are the clause the phrase belongs to."""
    to = pb.doc[tok.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    # "according to curator Jo Roe", parsed as two objects, the title and the name: the name is the source
    src = objects[-1] if len(objects) > 1 and objects[-1].pos_ == "PROPN" else next(iter(objects), None)
    if src is not None and src.pos_ == "NOUN":  # "according to the research group Ardent": the name
        src = next((c for c in src.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == src.i + 1 and
                    c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")), src)  # (a name the recogniser sees)
    head = tok.head
    if _opens(sent, tok) and src is not None and sent.root.pos_ in ("VERB", "AUX") and sent.root.i > src.i:
        head = sent.root  # "According to X, <the sentence>": what X says is the main clause
    elif _opens(sent, tok) and src is not None and sent.root.pos_ == "NOUN" and sent.root.i > src.i and \
            any(t.pos_ in ("VERB", "AUX") and t.i > sent.root.i for t in sent):
        # "According to X, vaccination before the outbreak began covered …" parsed with the subject noun as the
        # root: still the sentence after the phrase (a finite verb follows)
        return Cue(pb, sent, tok, [tok, to], "according to", "report", speaker=src, according=tok,
                   complements=[sent.root])
    elif src is not None and sent.root.pos_ in ("VERB", "AUX") and sent.root.i < tok.i and \
            pb.doc[tok.i - 1].text == "," and all(t.is_punct for t in pb.doc[tok.right_edge.i + 1 : sent.end]):
        head = sent.root  # "<the sentence>, according to X." closing it, hung on a clause inside: the whole sentence
    elif src is not None and sent.root.pos_ in ("VERB", "AUX") and sent.root.i < tok.i and \
            pb.doc[tok.i - 1].text == "," and _relative_after(src):
        head = sent.root  # "<clause>, according to X, who …": the relative clause is about X; X says the clause
    if src is not None and head.pos_ in ("NOUN", "PROPN") and pb.doc[tok.i - 1].text == "," and \
            (clause := next((c for c in head.children if c.dep_ == "relcl" and c.i < tok.i and
                             c.right_edge.i == tok.i - 2), None)) is not None:
        # "Women, who make up 16% of the troops, according to X, have served …": X vouches for the relative clause
        return Cue(pb, sent, tok, [tok, to], "according to", "report", speaker=src, according=tok,
                   complements=[clause])
    if src is None or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    named = _apposed_name(pb.doc, to.right_edge.i + 1) if _opens(sent, tok) else None
    if named is not None:  # "According to its lawyer, Ana Ruiz of Acme, <clause>": the name is the source
        name, end = named  # (the noun when the recogniser did not see the name as one)
        return Cue(pb, sent, tok, [tok, to, *pb.doc[to.right_edge.i + 1 : end + 1]], "according to", "report",
                   speaker=name if name.ent_type_ in ("PERSON", "ORG") else src, according=tok, complements=[head])
    return Cue(pb, sent, tok, [tok, to], "according to", "report", speaker=src, according=tok, complements=[head])


def _relative_after(src: Token) -> bool:
    """A relative clause set off after the source (", who created the show"), which the parse may have made the
    phrase's head."""
    doc = src.doc
    j = src.i + 1
    return j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("who", "whose", "which", "whom")


def _apposed_name(doc, j: int):  # noqa: ANN001, ANN202 - (the name's head token, the closing comma's index) or None
    """", Ana Ruiz of Acme and Partners," right after a source phrase's noun: the name the parser left beside it."""
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].pos_ != "PROPN" or not doc[j + 1].text[:1].isupper():
        return None
    k = j + 1
    while k < len(doc) and k - j <= 8 and (doc[k].pos_ == "PROPN" or doc[k].lower_ in ("of", "and", "&", "the")):
        k += 1
    if k >= len(doc) or doc[k].text != ",":
        return None
    head = j + 1
    while head + 1 < k and doc[head + 1].pos_ == "PROPN":
        head += 1
    if doc[head].dep_ in ("nsubj", "nsubjpass") or doc[head].head.dep_ in ("nsubj", "nsubjpass"):
        return None  # "According to officials, Trump, now in hospital, is to …": the clause's own subject
    return doc[head], k


def _opens(sent: SpacySpan, tok: Token) -> bool:
    """Whether a source phrase starting at ``tok`` opens its sentence ("According to X, …", "But per X, …"): only
    punctuation or a conjunction before it."""
    return all(t.is_punct or t.lower_ in ("but", "and", "yet", "so") for t in tok.doc[sent.start : tok.i])


def _per(pb: ParsedBlock, tok: Token, sent: SpacySpan) -> Cue | None:
    """ "Per the ministry, the road will reopen", "…, per the agency's guidelines": "per" as "according to" — with a
    source or a document, never a unit ("per cent", "per day", "$5 per share")."""
    if tok.lower_ != "per" or tok.dep_ != "prep":
        return None
    src = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if src is None or not any(c.dep_ in ("det", "poss", "compound") or c.pos_ == "PROPN" for c in src.lefts) and \
            src.pos_ != "PROPN":
        return None
    if not (src.pos_ == "PROPN" or personal(src) or src.lemma_.lower() in _DOCUMENT_LIKE):
        return None
    head = sent.root if _opens(sent, tok) and sent.root.i > src.i else tok.head
    if head.pos_ not in ("VERB", "AUX") or head.i == tok.i:
        return None
    return Cue(pb, sent, tok, [tok], "per", "report", speaker=src, according=tok, complements=[head])


# Nouns of documents and requests a "per" phrase cites ("per the agency's guidelines", "per the court filing").
_DOCUMENT_LIKE = {"guideline", "guidelines", "statement", "report", "filing", "release", "document", "letter",
                  "ruling", "order", "request", "rules", "rule", "policy", "memo", "source", "sources", "data"}


def _in_the_words_of(pb: ParsedBlock, tok: Token, sent: SpacySpan) -> Cue | None:
    """ "In the words of X, <clause>" / "<clause>, in the words of X": like "according to X", X's words are the
    clause (which usually quotes them)."""
    doc = tok.doc
    if tok.lower_ != "words" or tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].lower_ != "the" or \
            doc[tok.i - 2].lower_ != "in" or doc[tok.i + 1].lower_ != "of":
        return None
    in_, of = doc[tok.i - 2], doc[tok.i + 1]
    src = next((c for c in of.children if c.dep_ == "pobj"), None)
    if src is None:
        return None
    head = sent.root if _opens(sent, in_) and sent.root.i > src.i else in_.head
    if head.pos_ not in ("VERB", "AUX") or head.i in (tok.i, in_.i):
        return None
    return Cue(pb, sent, tok, [in_, doc[tok.i - 1], tok, of], "in the words of", "report", speaker=src,
               according=in_, complements=[head])


def _relayed(cues: list[Cue]) -> list[Cue]:
    """ "X called it a breach, according to NBC": what "according to" covers is another cue's report, which the
    source relays — the reporter of that cue, not a statement of its own."""
    verbs = {c.verb.i: c for c in cues if c.according is None and c.speaker is not None}
    out = []
    for cue in cues:
        inner = verbs.get(cue.complements[0].i) if cue.according is not None and len(cue.complements) == 1 else None
        # (but "according to the filing, X disclosed this matter to …": a noun phrase disclosed is no report the
        # source relays; the source's sentence is what it says)
        if inner is not None and inner.reporter is None and cue.speaker is not None and \
                not all(c.dep_ == "dobj" for c in inner.complements):
            inner.reporter = cue.speaker
            for more in cues:  # "…, adding …": the participle that goes on with the speaker's words, relayed too
                if more.verb.tag_ == "VBG" and more.reporter is None and more.according is None and \
                        more.speaker is not None and more.speaker.i == inner.speaker.i and more.verb.i > inner.verb.i:
                    more.reporter = cue.speaker
            continue
        out.append(cue)
    return out


def relaying_subject(cue: Cue) -> None:
    """ "According to news agency X, the prosecutor of Y, Jo Roe, said …" parsed with the phrase's object as the
    verb's subject and the speaker as its apposition (the "to" left without an object): the one apposed speaks and
    the medium relays the words, as when the phrase is parsed whole."""
    subj = cue.speaker
    if subj is None or cue.reporter is not None or cue.according is not None:
        return
    doc = subj.doc
    to = doc[subj.left_edge.i - 1] if subj.left_edge.i >= 2 else None
    if to is None or to.lower_ != "to" or doc[to.i - 1].lower_ != "according" or \
            any(c.dep_ == "pobj" for c in to.children):
        return
    apposed = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i and c.pos_ in ("NOUN", "PROPN")
                    and doc[c.left_edge.i - 1].text == ","), None)
    if apposed is not None:
        cue.reporter, cue.speaker = subj, apposed


def relaying_participle(cue: Cue) -> Token | None:
    """ "According to agency X, quoting broadcaster Y, <clause>": the participle set off right after the source
    phrase, which the parse hangs on the clause; Y said the clause and X relays it."""
    if cue.according is None or len(cue.complements) != 1:
        return None
    doc = cue.according.doc
    after = max(t.i for t in cue.according.subtree) + 1
    for t in cue.complements[0].children:
        if t.lemma_ in ("cite", "quote") and t.tag_ == "VBG" and t.left_edge.i == after + 1 and \
                doc[after].text == "," and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in t.children):
            return t
    return None


def cited_source(cue: Cue) -> Token | None:
    """The source a participle "citing …" or "quoting …" names beside the cue ("X, citing officials, said"), if
    any."""
    if (relay := relaying_participle(cue)) is not None:  # "According to X, quoting Y, …"
        return next(c for c in relay.children if c.dep_ == "dobj")
    for t in [*cue.verb.children, *(cue.speaker.children if cue.speaker is not None else ())]:
        if t.lemma_ in ("cite", "quote") and t.tag_ == "VBG":
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and \
                    not any(c.lower_ == "as" for c in (*t.children, *obj.children)):
                return obj  # (not "citing the move as an abuse": what is named, not a source)
    return None
