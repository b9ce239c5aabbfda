"""Quotations that no reporting cue of the parse claimed: attributed by what stands around them, or continuing the
previous speaker.

The parser often misreads a sentence that holds a quotation (the quotation becomes an apposition of the speaker, the
cue an adjective of the name after it), so a cue found in the parse may not reach its quotation. What is left is
read from the surface of the sentence:

- before the quotation: "X said, “…”", "X told the paper after the verdict “…”", "X addressed the crowd: “…”" — a
  reporting verb (or a verb that reports only next to a quotation: react, continue, speak, address, defend …, in
  ``quote_verbs.txt``) in the clause that runs up to the opening mark, its subject or the clause's first noun
  phrase the speaker;
- after it: "“…,” X said", "“…” tweeted the mayor, X" — a reporting verb right after the closing mark, with the
  name before it or after it;
- in the paragraph before, when the quotation opens its paragraph and that one ends with a colon: "X said:",
  "X issued this statement:", "… the statement X made:".

A quotation that stays unclaimed and stands as a sentence of its own right after an attributed one continues that
speaker (:func:`continuations`); one in the first person right after a sentence whose active subject is a person
goes to that person (:func:`narrated`). Passive cues ("was told") and negated ones are never read this way.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction.cue_frames import described_name
from kg.extraction.cues import _addressee, _subject
from kg.extraction.layouts import headline_role
from kg.extraction.narration import (LEADING, announced, another_subject, colon_speaker, colon_subject,
                                     dash_signed, first_np, named_inside, np_before, returning_speaker,
                                     sentence_before,
                                     statement_author, statement_verbs)
from kg.extraction.quote_places import merge_spans, previous_statement, short_sentence_after, starts_sentence
from kg.extraction.quotes import Quote
from kg.extraction.steps import Step, Work
from kg.model import Statement
from kg.pipeline.nlp import ParsedBlock

_SENTENCE_END = (".", "!", "?")


def _reporting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ",":
        # "…,” further remarking, “…”: a participle the tagger took for a noun
        lemma = next((w for w in (tok.lower_[:-3], tok.lower_[:-3] + "e") if w in lexicon.reporting_verbs()), lemma)
        return lemma in lexicon.reporting_verbs()
    # (a verb the tagger took for a noun still has its subject: "“…,” a statement read")
    return (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or any(c.dep_ == "nsubj" for c in tok.children)) \
        and (lemma in lexicon.reporting_verbs() or lemma in lexicon.quote_verbs()) and \
        not any(c.dep_ == "neg" for c in tok.children) and \
        not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def attribute(finder) -> list[Statement]:  # noqa: ANN001 - a StatementFinder
    """Statements for the quotations no cue claimed, read from the clause before or after them."""
    out: list[Statement] = []
    for q in finder.quotes:
        if id(q) in finder.used or q.mark == "open" or \
                q.mark == "single" and not (finder.single_marks or finder.in_headline(q)):
            continue
        if len(q.inner.text.split()) < 3 or not finder.is_clause(q):
            continue  # scare quotes, titles, names, quoted phrases
        found = _before(finder, q) or _after(finder, q) or _introduced(finder, q) or dash_signed(finder, q)
        if found is None:
            continue
        pb, verb, speaker = found
        addressee = None
        if (a := _addressee(verb)) is not None and not finder.in_quote(pb.offset + a.idx):
            addressee = corefs.resolve(finder.coref, pb, a, create=False)
        cue = finder.parsed.article.span(pb.offset + verb.idx, pb.offset + verb.idx + len(verb.text))
        finder.used.add(id(q))
        out.append(Statement(
            "", list(q.spans), "direct", speaker=speaker[0], speaker_mention=speaker[1],
            addressee=addressee[0] if addressee and addressee[0] != speaker[0] else None,
            addressee_mention=addressee[1] if addressee and addressee[0] != speaker[0] else None,
            cue=cue, cue_lemma=verb.lemma_.lower(), sentence=finder.parsed.span_of(pb, verb.sent),
            evidence="cue"))
    return out


# Verbs of a quotation's lead that the tagger may take for nouns right before the colon.
_MISREAD_VERBS = {"read", "reads", "said", "says", "states", "stated", "wrote", "writes", "added", "continued"}


def _tokens(finder, begin: int, end: int) -> list[tuple[ParsedBlock, Token]]:  # noqa: ANN001
    return [(pb, t) for pb, t in finder.parsed.tokens_starting_in(begin, end)
            if not finder.in_quote(pb.offset + t.idx)]


def _before(finder, q: Quote):  # noqa: ANN001, ANN202
    """ "X said, “…”": the clause from the sentence's start (or the previous quotation) up to the opening mark."""
    pb = finder.parsed.block_at(q.outer.begin)
    if pb is None:
        return None
    start = pb.block.span.begin
    previous = None  # the quotation the clause follows: "“…,” further saying, “…”"
    for other in finder.quotes:
        if start <= other.outer.end <= q.outer.begin and len(other.inner.text.split()) >= 3:
            start, previous = other.outer.end, other  # (not a scare quote: "promising a “full update”")
    lead = finder.text[start : q.outer.begin]
    cut = max(lead.rfind(e + " ") for e in _SENTENCE_END)
    if cut >= 0:
        start += cut + 2
        lead = finder.text[start : q.outer.begin]
    if not lead.strip() or lead.rstrip().endswith(_SENTENCE_END) or len(lead.split()) > 40:
        return None
    toks = _tokens(finder, start, q.outer.begin)
    verbs = [(p, t) for p, t in toks if _reporting(t)]
    words = [(p, t) for p, t in toks if not t.is_punct]
    if not verbs and lead.rstrip().endswith(":") and words and words[-1][1].lower_ in _MISREAD_VERBS:
        verbs = [words[-1]]  # "The club's notice on the transfer read: “…”", with "read" tagged as a noun
    if not verbs and lead.rstrip().endswith(":"):  # "X sent the weekly this statement: “…”"
        verbs = [(toks[0][0], v) for v in reversed(statement_verbs([t for _, t in toks]))] if toks else []
        if verbs and (author := statement_author(finder, *verbs[-1])) is not None:
            return verbs[-1][0], verbs[-1][1], author  # "The office released this statement from the governor:"
    if not verbs:
        return colon_speaker(finder, toks) if lead.rstrip().endswith(":") else None
    vpb, verb = verbs[-1]
    if any(t.pos_ == "VERB" and t.i > verb.i and t.dep_ in ("ROOT", "conj") for _, t in toks):
        return None  # "X said A and then left": the quotation follows another verb
    # "which prompted Justice Reid to comment: “…”": the object of a verb of prompting speaks, not its subject
    controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None) \
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" else None
    subj = controller if controller is not None else _subject(verb)
    if subj is not None and start <= vpb.offset + subj.idx < vpb.offset + verb.idx:
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)  # "X's summary concluded:" is X's
        hit = finder.document_speaker(vpb, subj) or finder.document_before(vpb, subj) or \
            corefs.resolve(finder.coref, vpb, subj) or owner and corefs.resolve(finder.coref, vpb, owner)
        if hit is not None:
            return vpb, verb, hit
    near = np_before(toks, verb) if subj is None else None
    if near is None and (subj is None or subj.i > verb.i) and toks and verb.i == toks[0][1].i and \
            len(toks) > 2 and toks[-1][1].text == ",":
        near = toks[-2][1]  # "Remarked forest scientist Jo Roe, “…”": the cue first, its speaker after it
    if near is not None:
        # "Speaking to AFP, the head of the league, Jo Roe, said, “…”": the parse hung the speaker on the
        # fronted clause; the name right before the verb is who said it
        hit = corefs.resolve(finder.coref, vpb, near, create=False)
        if hit is not None:
            return vpb, verb, hit
    head = first_np(toks, verb) if not verb.lower_.endswith("ing") or previous is None else None
    if head is None and previous is not None and verb.lower_.endswith("ing") and cut < 0:
        # "“…,” further saying, “…”": the participle goes on with the speaker of the quotation before it
        st = next((st for st in finder.statements if st.speaker and
                   any(c.begin < previous.outer.end and previous.outer.begin < c.end for c in st.content)), None)
        if st is not None:
            return vpb, verb, (st.speaker, st.speaker_mention)
    if head is None:
        return None
    hit = _source(finder, vpb, head)
    return (vpb, verb, hit) if hit is not None else None


def _introduced(finder, q: Quote):  # noqa: ANN001, ANN202
    """ "X said:", "X issued this statement:", "… the statement X made on Saturday:" closing the
    paragraph before a quotation that opens its own paragraph (press releases, official readouts, local papers)."""
    pb = finder.parsed.block_at(q.outer.begin)
    if pb is None or finder.text[pb.block.span.begin : q.outer.begin].strip():
        return None
    return introducer(finder, next((i for i, b in enumerate(finder.parsed.blocks) if b is pb), 0))


def introducer(finder, at: int):  # noqa: ANN001, ANN201
    """(the paragraph, its cue verb, (speaker, mention)) when the paragraph before block ``at`` ends "X said:" (or
    "X issued this statement:" …) and X is somebody; else None."""
    blocks = finder.parsed.blocks
    if at == 0:
        return None
    prev = blocks[at - 1]
    sentence = list(prev.doc.sents)[-1]
    if (news := announced(finder, prev, sentence)) is not None:
        return prev, news[0], news[1]  # "The following is a statement from X regarding …."
    if not prev.block.span.text.rstrip().endswith(":"):
        return None
    toks = [t for t in sentence if not finder.in_quote(prev.offset + t.idx)]
    # the reporting verb nearest the colon, then a statement its subject issued or made
    verbs = [t for t in reversed(toks) if _reporting(t)] + statement_verbs(toks)
    for verb in verbs:
        subj = _subject(verb)
        if subj is None or subj.lower_ in ("i", "we", "you"):
            continue
        hit = corefs.resolve(finder.coref, prev, subj)
        if hit is not None:
            return prev, verb, hit
    return None


def _after(finder, q: Quote):  # noqa: ANN001, ANN202
    """ "“…,” X said", "“…” tweeted the mayor, X": a reporting verb right after the closing mark."""
    pb = finder.parsed.block_at(q.outer.begin)
    if pb is None:
        return None
    end = pb.block.span.end
    for other in finder.quotes:
        if q.outer.end <= other.outer.begin < end:
            end = other.outer.begin
    found = _cue_after(finder, q, end)
    if found is None:
        return None
    words, verb_at = found
    vpb, verb = words[verb_at]
    before = [t for _, t in words[:verb_at] if t.lower_ not in LEADING]
    if before:  # "“…,” the minister said", "“…,” the statement read": the noun phrase before the verb, its head last
        hit = _source(finder, vpb, before[-1])
        return (vpb, verb, hit) if hit is not None else None
    index = finder.coref.index
    after = [t for _, t in words[verb_at + 1 :]]
    people = [h for t in after if (h := index.mention_of_token(vpb, t)) is not None]
    persons = [h for h in people if index.actors[h[0]].kind == "person"]
    if persons or people:  # "“…” tweeted Mayor of London Jane Doe": the person named after the verb
        return vpb, verb, (persons or people)[0]
    noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is not None:
        while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            noun = noun.head
        return (vpb, verb, hit) if (hit := _source(finder, vpb, noun)) is not None else None
    return None


def _source(finder, pb: ParsedBlock, noun: Token):  # noqa: ANN001, ANN202
    """Who a noun phrase that speaks stands for: a document its issuer ("“…”, read the warning" issued by the
    weather service), else the actor it refers to."""
    noun = described_name(noun) or noun  # "said University of X, Y's chancellor, Jo Roe": Jo Roe
    return finder.document_speaker(pb, noun) or corefs.resolve(finder.coref, pb, noun)


def _cue_after(finder, q: Quote, end: int | None = None):  # noqa: ANN001, ANN202
    """The words after a quotation up to the end of its sentence and the index of a reporting verb among the first
    of them ("“…,” the minister said", "“…” tweeted …"), or None."""
    closed = q.inner.text.rstrip().endswith(".") or q.inner.text.rstrip().endswith(("?", "!")) and \
        finder.text[q.outer.end : q.outer.end + 2].strip()[:1].isupper()
    if end is None:
        pb = finder.parsed.block_at(q.outer.begin)
        end = pb.block.span.end if pb is not None else q.outer.end
    tail = finder.text[q.outer.end : end]
    stop = min([i for e in _SENTENCE_END if (i := tail.find(e)) >= 0], default=len(tail))
    if tail[:1] not in (",", " ", "\u00a0") or stop == 0:
        return None
    if closed and (len(tail[:stop].split()) > 5 or not tail[stop : stop + 1] == "." or " that " in tail[:stop]):
        # the quotation closed its sentence: what follows is a new one ("“….” Haldane then urged …") — unless
        # it is only a short attribution ending there ("“….” Paul Dane said.", a common slip)
        return None
    toks = _tokens(finder, q.outer.end, q.outer.end + stop)
    words = [(p, t) for p, t in toks if not t.is_punct]
    verb_at = next((k for k, (_, t) in enumerate(words[:6]) if _reporting(t)), None)
    return None if verb_at is None else (words, verb_at)


def continuations(finder) -> list[Statement]:  # noqa: ANN001
    """Quotations no cue claimed: a quoted sentence right after an attributed one continues its speaker."""
    out: list[Statement] = []
    for q in finder.quotes:
        if id(q) in finder.used or q.mark == "single" and not (finder.single_marks or finder.in_headline(q)):
            continue
        prev = previous_statement(finder, q)
        if len(q.inner.text.split()) < 4 and not short_sentence_after(finder, q, prev):
            continue  # scare quotes, titles, names
        if prev is None or not starts_sentence(finder, q) or _cue_after(finder, q) is not None:
            continue  # "“…,” she said" with nobody to be "she" is not the previous speaker's
        back = returning_speaker(finder, q)
        if back is not None and back[0][0] != prev.speaker:
            continue  # "…, which left Porter furious. “…”": the sentence between hands over to another speaker
        if another_subject(finder, q, prev.speaker) or colon_subject(finder, q, prev.speaker):
            continue  # "Benson, the opposition leader, was scathing. “…”": not the previous speaker's
        if named_inside(finder, q, prev.speaker):
            continue  # "“… and Mark is very supportive.”" after Mark's words: somebody else's, about him
        finder.used.add(id(q))
        if prev.quote_type == "direct":  # the same speaker goes on: one statement, another part
            prev.content = merge_spans(sorted(set(prev.content + q.spans)))
            continue
        st = Statement(
            "", q.spans, "direct", speaker=prev.speaker, speaker_mention=None, addressee=prev.addressee,
            reported_by=prev.reported_by, reported_in=prev.reported_in, sentence=q.outer, evidence="continuation")
        finder.statements.append(st)
        out.append(st)
    return out


_FIRST_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours"}


def narrated(finder) -> list[Statement]:  # noqa: ANN001
    """Quotations no cue claimed that stand as a sentence of their own in the first person, right after a sentence
    whose subject is a person: "Still, Keane does not accept the verdict. “I think we were the better
    side.”" — the person the writer just narrated speaks (features, sports reports, profiles)."""
    out: list[Statement] = []
    for q in finder.quotes:
        if id(q) in finder.used or q.mark != "double" and not (q.mark == "single" and finder.single_marks):
            continue
        if len(q.inner.text.split()) < 4 or not starts_sentence(finder, q) or _cue_after(finder, q) is not None:
            continue
        words = {t.lower_ for _, t in finder.parsed.tokens_starting_in(q.inner.begin, q.inner.end)}
        first_person = not words.isdisjoint(_FIRST_PERSON)
        found = (first_person and _narrated_person(finder, q)) or returning_speaker(finder, q) or \
            (headline_role(finder, q) if first_person else None)
        if found is None or named_inside(finder, q, found[0][0]):
            continue
        finder.used.add(id(q))
        (key, mention), sentence = found
        st = Statement("", list(q.spans), "direct", speaker=key, speaker_mention=mention, sentence=sentence,
                       evidence="continuation")
        finder.statements.append(st)
        out.append(st)
    return out


def _narrated_person(finder, q: Quote):  # noqa: ANN001, ANN202
    """The person the sentence right before ``q`` (in its paragraph, or ending the paragraph before) is about."""
    sentence = sentence_before(finder, q, over_headings=True)
    if sentence is None:
        return None
    pb, sent = sentence
    root = sent.root
    # "The skipper spoke to local radio once play was over. “…”": a verb of speaking that says nothing itself (no
    # clause, no object) introduces the first-person quotation (or the run of paragraphs) that follows
    spoke = _reporting(root) and \
        not any(c.dep_ in ("ccomp", "xcomp", "dobj", "advcl") for c in root.children)
    if root.pos_ not in ("VERB", "AUX") or _reporting(root) and not spoke:
        return None
    subj = _subject(root)
    if subj is None or subj.dep_ != "nsubj":
        return None  # "X was taken to hospital": what happened to X does not make X the next speaker
    hit = corefs.resolve(finder.coref, pb, subj, create=False)
    if hit is None and q.parts and _source_role(subj):
        # nobody named: a quotation over paragraphs is better given to "the manager" than to nobody
        hit = corefs.resolve(finder.coref, pb, subj, create=True)
    index = finder.coref.index
    if hit is None or hit[0] not in index.actors or index.actors[hit[0]].kind != "person":
        return None
    return hit, finder.parsed.span_of(pb, sent)


def _source_role(tok: Token) -> bool:
    """A definite singular role noun of somebody who speaks for a side ("the manager", "the head coach")."""
    return tok.tag_ == "NN" and lexicon.role_nouns().get(tok.lemma_.lower()) == "source" and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _unclaimed(work: Work) -> None:
    finder = work.statement_finder
    found = attribute(finder)
    finder.statements += found
    found += continuations(finder)
    told = narrated(finder)
    if told:  # the narrated speaker goes on in the quotations after theirs (answers under sub-headings)
        told += continuations(finder)
    work.put(unclaimed_statements=found + told)


UNCLAIMED = Step("unclaimed", ("statement_finder", "layout_statements", "block_statements"), ("unclaimed_statements",),
                 _unclaimed,
                 "quotations no cue claimed: attributed by the clause before or after them (or a paragraph ending "
                 "\"X said:\"), continuing the previous speaker, or the person the sentence before narrates")
