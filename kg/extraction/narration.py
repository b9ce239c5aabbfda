"""The narration around a quotation that has no cue: the sentence right before it, and the one person that sentence
names who has already spoken (kg.extraction.unclaimed reads both)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction import coref as corefs
from kg.extraction.phrase_words import phrase_label, authors_group
from kg.extraction.quotes import Quote
from kg.model import Span
from kg.pipeline.ingest import slugify
from kg.pipeline.nlp import ParsedBlock


def returning_speaker(finder, q: Quote):  # noqa: ANN001, ANN202
    """The one person named in the sentence right before ``q`` who has already spoken in the article ("…, which left
    Porter furious. “The first decision was harsh.”" after Porter was quoted): reports that alternate between
    the people they quote come back to them through a narrated sentence."""
    sentence = sentence_before(finder, q)
    if sentence is None:
        return None
    pb, sent = sentence
    index = finder.coref.index
    named: dict[str, Span] = {}
    for tok in sent:
        if finder.in_quote(pb.offset + tok.idx):
            continue
        hit = index.mention_of_token(pb, tok)
        if hit is not None and hit[0] in index.actors and index.actors[hit[0]].kind == "person":
            named.setdefault(hit[0], hit[1])
    if len(named) != 1:
        return None  # nobody, or several people: the sentence does not say who goes on
    key, mention = next(iter(named.items()))
    if not any(st.speaker == key and st.begin < q.outer.begin for st in finder.statements):
        return None  # not somebody who has spoken
    return (key, mention), finder.parsed.span_of(pb, sent)


def sentence_before(finder, q: Quote, *, over_headings: bool = False):  # noqa: ANN001, ANN202
    """The sentence that ends right before ``q`` (in its paragraph or ending the one before), if nothing else
    stands between them; with ``over_headings``, sub-headings between them are passed over (a club's or a
    broadcaster's page that runs a manager's answers under short headings: "Reds recover well")."""
    before = [(pb, s) for pb, s in finder.parsed.sentences
              if pb.offset + s.end_char <= q.outer.begin and not finder.in_quote(pb.offset + s.start_char)]
    passed = 0
    while over_headings and before and passed < 8 and sub_heading(before[-1][0]) and \
            (len(before) < 2 or before[-2][0] is not before[-1][0]):
        pb = before.pop()[0]
        passed += 1
    if not before or before[-1][0].block.kind != "paragraph":
        return None  # a headline is no narration
    pb, sent = before[-1]
    gap = finder.text[pb.offset + sent.end_char : q.outer.begin]
    if passed:  # what stands between: the sub-headings and quotations (each a paragraph of its own)
        gap = "".join(c for c in gap if c == "\n") if _only_headings_and_quotes(finder, pb, q) else "x"
        if gap.strip():
            return None
        return pb, sent
    if gap.count("\n") > 2 or gap.strip(" \n\t\"“”"):
        return None
    return pb, sent


def sub_heading(pb) -> bool:  # noqa: ANN001 - a ParsedBlock
    """A short paragraph that ends no sentence and quotes nothing: a sub-heading ("A born team player")."""
    if pb.block.kind == "heading":
        return True
    text = pb.block.span.text.strip()
    return pb.block.kind == "paragraph" and 0 < len(text.split()) <= 12 and text[:1].isupper() and \
        not text.endswith((".", "!", "?", ":", ";", ",", "…", "”", '"')) and not any(c in text for c in "“\"«")


def _only_headings_and_quotes(finder, after, q: Quote) -> bool:  # noqa: ANN001
    """Whether every paragraph between the paragraph ``after`` and ``q``'s is a sub-heading or a quotation."""
    blocks = finder.parsed.blocks
    i = next(k for k, b in enumerate(blocks) if b is after)
    for b in blocks[i + 1 :]:
        if b.block.span.begin >= q.outer.begin:
            return True
        text = b.block.span.text.strip()
        if not (sub_heading(b) or text[:1] in "“\"«″"):
            return False
    return True


def another_subject(finder, q: Quote, speaker: str | None) -> bool:  # noqa: ANN001
    """Whether the sentence right before ``q`` is narration whose subject is a named person other than ``speaker``
    (the writer has turned to somebody else; whose words follow is then theirs or unknown, not the last
    speaker's)."""
    sentence = sentence_before(finder, q)
    if sentence is None or sub_heading(sentence[0]):
        return False  # (a caption or a link line set between the paragraphs of a quotation is no narration)
    pb, sent = sentence
    index = finder.coref.index
    # "He told the radio that Clark had …. “…”": a subject inside what the speaker was reporting is talked about
    said = [c for st in finder.statements if st.speaker == speaker and speaker is not None for c in st.content
            if c.begin < pb.offset + sent.end_char and pb.offset + sent.start_char < c.end]
    for tok in sent:
        off = pb.offset + tok.idx
        if tok.dep_ in ("nsubj", "nsubjpass") and not finder.in_quote(off) and \
                not any(c.begin <= off < c.end for c in said):
            hit = index.mention_of_token(pb, tok)
            if hit is not None and hit[0] != speaker and index.actors[hit[0]].kind == "person":
                return True
    return False


def named_inside(finder, q: Quote, key: str | None) -> bool:  # noqa: ANN001
    """Whether the quotation ``q`` names the actor ``key`` (by name, not by a pronoun): "… and Mark is very
    supportive", "it was something he (Kerr) looked at" — people quoted name others, rarely themselves."""
    actors = finder.coref.index.actors
    actor = actors.get(key) if key is not None else None
    if actor is None or actor.kind != "person":
        return False
    # (a name another person of the article bears too is no sure sign: "I believe David will …" of a new David)
    others = {w for k, a in actors.items() if k != key and a.kind == "person" for w in a.label.split()}
    return any(m.kind != "pronoun" and q.inner.begin <= m.span.begin and m.span.end <= q.inner.end and
               not set(m.span.text.split()) & others for m in actor.mentions)


def colon_subject(finder, q: Quote, speaker: str | None) -> bool:  # noqa: ANN001
    """Whether ``q`` follows a colon that closes a clause of its own paragraph whose subject is not ``speaker``
    ("An official account made the following announcement: “…”"): the clause introduces somebody else's words."""
    pb = finder.parsed.block_at(q.outer.begin)
    if pb is None or not finder.text[pb.block.span.begin : q.outer.begin].rstrip().endswith(":"):
        return False
    toks = [t for _, t in finder.parsed.tokens_starting_in(pb.block.span.begin, q.outer.begin)]
    colon = next((t for t in reversed(toks) if t.text == ":"), None)
    if colon is None:
        return False
    coref = finder.coref
    for tok in colon.sent:
        off = pb.offset + tok.idx
        if tok.i >= colon.i or tok.dep_ not in ("nsubj", "nsubjpass") or finder.in_quote(off):
            continue
        if tok.pos_ == "PRON" and off not in coref.pronouns:
            continue
        # the subject, a pronoun for it, its possessor ("the court's summary") or a document's issuer
        owners = [t for t in [tok] + [c for c in tok.children if c.dep_ == "poss"]]
        keys = {h[0] for t in owners if (h := coref.index.mention_of_token(pb, t)) is not None}
        keys.add(coref.pronouns.get(off))
        document = finder.documents.at(pb, tok)
        if document is not None:
            keys.add(document.publisher)
        if speaker not in keys:
            return True
    return False


# Nouns of what someone says, whose owner speaks the quotation they introduce ("Her message was simple: “…”").
_UTTERANCES = {"message", "answer", "reply", "response", "advice", "verdict", "view", "words", "plea", "warning",
               "instruction", "instructions", "explanation", "reaction", "comment", "assessment"}


def colon_speaker(finder, toks):  # noqa: ANN001, ANN201 - [(ParsedBlock, Token)] of the clause before the colon
    """ "Anna Berg was blunt: “…”", "The mayor put it simply: “…”": a clause about a person that opens with her as
    the subject and ends in a colon introduces what she says; (block, the clause's verb, (actor, mention)) or None."""
    from kg.extraction import coref as corefs

    if not toks:
        return None
    pb, first = toks[0]
    verbs = [t for _, t in toks if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")]
    if not verbs or any(c.dep_ == "neg" for v in verbs for c in v.children):
        return None
    verb = verbs[0]
    # (the parse may make the quotation the main clause and the name its subject: the phrase opening the clause)
    subj = first
    while subj.dep_ in ("compound", "det", "amod", "poss", "flat") and verb.i > subj.head.i > subj.i:
        subj = subj.head
    if subj.i >= verb.i or subj.pos_ not in ("PROPN", "NOUN") or subj.left_edge.i < first.i:
        return None
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if subj.lemma_.lower() in _UTTERANCES and owner is not None:
        subj = owner  # "Her message was simple: “…”": whose message it is
    hit = corefs.resolve(finder.coref, pb, subj, create=False)
    actor = finder.coref.index.actors.get(hit[0]) if hit is not None else None
    if actor is None and subj.tag_ == "NN" and subj.lemma_.lower() in _WRITINGS:
        # "The study itself outlined the link: “…”": the document's words, its unnamed authors'
        hit = finder.document_speaker(pb, subj) or _writing_authors(finder, pb, subj)
        return (pb, verb, hit) if hit is not None else None
    return (pb, verb, hit) if actor is not None and actor.kind == "person" else None


# Documents whose words a colon clause about them introduces.
_WRITINGS = {"study", "report", "paper", "survey", "analysis", "statement", "letter", "ruling", "judgment",
             "judgement", "decision", "indictment", "complaint", "filing"}


def _writing_authors(finder, pb, subj):  # noqa: ANN001, ANN202
    start = corefs.np_bounds(subj)[0]
    label = phrase_label(pb, start, subj.i + 1)
    span = finder.parsed.span_of(pb, pb.doc[start : subj.i + 1])
    return authors_group(finder.coref.index, slugify(label), label, span), span


_DASHES = ("–", "—", "-", "--")


def dash_signed(finder, q: Quote):  # noqa: ANN001, ANN201 - (block, token, (actor, mention)) or None
    """ "“We had no warning.” – Anna Berg, fire chief": a quotation signed after a dash with a person's name that
    ends the paragraph (or is followed only by her role)."""
    pb = finder.parsed.block_at(q.outer.begin)
    if pb is None:
        return None
    tail = finder.text[q.outer.end : pb.block.span.end]
    stripped = tail.lstrip(" \u00a0")
    dash = next((d for d in sorted(_DASHES, key=len, reverse=True) if stripped.startswith(d)), None)
    if dash is None:
        return None
    at = q.outer.end + (len(tail) - len(stripped)) + len(dash)
    hit = finder.parsed.token_at(at + (len(finder.text[at:]) - len(finder.text[at:].lstrip())))
    if hit is None:
        return None
    tpb, tok = hit
    found = finder.coref.index.mention_of_token(tpb, tok)
    if found is None or finder.coref.index.actors[found[0]].kind != "person":
        return None
    rest = finder.text[found[1].end : pb.block.span.end].strip()
    if rest and not (rest.startswith(",") and len(rest.split()) <= 6):
        return None
    return tpb, tok, found


# Words that may open a clause before its subject ("And X said", "Meanwhile the ministry said").
LEADING = {"and", "but", "so", "also", "then", "later", "meanwhile", "however", "still", "yet", "earlier"}


def np_before(toks: list[tuple[ParsedBlock, Token]], verb: Token) -> Token | None:
    """The head of the name or noun phrase that ends right before the verb, set off by a comma (", Jo Roe, said"),
    when the sentence opens with a clause of its own (a participle or a preposition), not with that phrase."""
    words = [t for _, t in toks if t.i < verb.i]
    if len(words) < 4 or words[-1].text != "," or words[0].pos_ not in ("VERB", "ADP") or \
            words[0].tag_ not in ("VBG", "VBN", "IN"):
        return None
    last = words[-2]
    while last.dep_ in ("compound", "flat") and last.head.i > last.i and last.head.i < verb.i:
        last = last.head
    return last if last.pos_ in ("PROPN", "NOUN") and last.dep_ in ("appos", "conj", "pobj", "npadvmod") else None


def first_np(toks: list[tuple[ParsedBlock, Token]], verb: Token) -> Token | None:
    """The head of the noun phrase that opens the clause, when it comes before the verb."""
    words = [t for _, t in toks if not t.is_punct and t.lower_ not in LEADING]
    if not words or words[0].i >= verb.i:
        return None
    head = words[0]
    while head.dep_ in ("compound", "det", "amod", "poss", "nummod", "flat") and verb.i > head.head.i > head.i:
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN", "PRON") else None


_STATEMENT_NOUNS = {"statement", "message", "remarks", "post", "tweet", "letter", "comment", "comments", "note",
                    "announcement"}


def statement_author(finder, pb: ParsedBlock, verb: Token):  # noqa: ANN001, ANN201 - (key, span) or None
    """The person a statement the verb issued is "from" or "by" ("released this statement from the governor"):
    the one whose words it gives, not the body that issued it."""
    for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            hit = corefs.resolve(finder.coref, pb, pobj) if pobj is not None else None
            if hit is not None and finder.coref.index.actors[hit[0]].kind == "person":
                return hit
    return None


def statement_verbs(toks: list[Token]) -> list[Token]:
    """Verbs whose subject made the statement a clause names: "X issued this statement", "the statement
    X made" (last first)."""
    verbs = []
    for noun in (t for t in reversed(toks) if t.pos_ == "NOUN" and t.lemma_.lower() in _STATEMENT_NOUNS):
        verbs += [c for c in noun.children if c.dep_ == "relcl"]
        if noun.dep_ == "dobj":
            verbs.append(noun.head)
    return verbs


def announced(finder, pb: ParsedBlock, sentence) -> tuple[Token, tuple] | None:  # noqa: ANN001
    """ "The following is a statement from X regarding …." (or "Below is the full statement by X."): the sentence
    announces X's words in the paragraphs after it, with or without a colon. The announcing word and X, or None."""
    toks = list(sentence)
    marker = next((t for t in toks if t.lower_ in ("following", "below") or
                   t.lower_ == "here" and t.i == sentence.start), None)
    if marker is None:
        return None
    for noun in (t for t in toks if t.pos_ == "NOUN" and t.lemma_.lower() in _STATEMENT_NOUNS and t.i != marker.i):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            hit = corefs.resolve(finder.coref, pb, pobj, create=False) if pobj is not None else None
            if hit is not None:
                return marker, hit
    return None
