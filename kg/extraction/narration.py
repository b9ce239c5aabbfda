"""The narration around a quotation that has no cue: the sentence right before it, and the one person that sentence
names who has already spoken (kg.extraction.unclaimed reads both)."""

from __future__ import annotations

from kg.extraction.quotes import Quote
from kg.model import Span


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


def sentence_before(finder, q: Quote):  # noqa: ANN001, ANN202
    """The sentence that ends right before ``q`` (in its paragraph or ending the one before), if nothing else
    stands between them."""
    before = [(pb, s) for pb, s in finder.parsed.sentences
              if pb.offset + s.end_char <= q.outer.begin and not finder.in_quote(pb.offset + s.start_char)]
    if not before or before[-1][0].block.kind != "paragraph":
        return None  # a headline is no narration
    pb, sent = before[-1]
    gap = finder.text[pb.offset + sent.end_char : q.outer.begin]
    if gap.count("\n") > 2 or gap.strip(" \n\t\"“”"):
        return None
    return pb, sent


def another_subject(finder, q: Quote, speaker: str | None) -> bool:  # noqa: ANN001
    """Whether the sentence right before ``q`` is narration whose subject is a named person other than ``speaker``
    (the writer has turned to somebody else; whose words follow is then theirs or unknown, not the last
    speaker's)."""
    sentence = sentence_before(finder, q)
    if sentence is None:
        return False
    pb, sent = sentence
    index = finder.coref.index
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and not finder.in_quote(pb.offset + tok.idx):
            hit = index.mention_of_token(pb, tok)
            if hit is not None and hit[0] != speaker and index.actors[hit[0]].kind == "person":
                return True
    return False
