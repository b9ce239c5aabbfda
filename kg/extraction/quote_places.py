"""Where a quotation stands: whether it opens its sentence, the statement just before it, a short quoted sentence
after its speaker's quotation (for :mod:`kg.extraction.unclaimed`, which attributes quotations no cue claimed)."""

from __future__ import annotations

from kg.extraction.narration import sub_heading
from kg.extraction.quotes import Quote
from kg.model import Statement


def short_sentence_after(finder, q: Quote, prev: Statement | None) -> bool:  # noqa: ANN001
    """A quoted sentence of two or three words right after its speaker's quotation in the same paragraph ("“…,” she
    said. “The ferries stopped.”"): a sentence, not a scare quote."""
    inner = q.inner.text.strip()
    if prev is None or len(inner.split()) < 2 or not inner[:1].isupper() or not inner.endswith((".", "!", "?")):
        return False
    block = finder.parsed.block_at(q.outer.begin)
    return block is not None and block.block.span.begin <= prev.begin and prev.quote_type == "direct"


def starts_sentence(finder, q: Quote) -> bool:  # noqa: ANN001
    """Whether ``q`` opens its sentence, or follows only a short phrase of time or place ("At the premiere, “…”")."""
    before = finder.text[: q.outer.begin].rstrip(" ")
    if not before or before.endswith(("\n", ".", "!", "?", ":", ";", "”", '"')):
        return True
    start = max(before.rfind(e) for e in (". ", "\n", "? ", "! ")) + 1
    lead = [t for _, t in finder.parsed.tokens_starting_in(start, q.outer.begin)]
    said = [t for _, t in finder.parsed.tokens_starting_in(q.inner.begin, q.inner.end)]
    return before.endswith(",") and 2 <= len(lead) <= 6 and lead[0].pos_ in ("ADP", "ADV") and \
        not any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("PERSON", "ORG") for t in lead) and \
        any(t.pos_ in ("VERB", "AUX") for t in said)  # (not a title: "On its website, “The Final Countdown”")


def previous_statement(finder, q: Quote) -> Statement | None:  # noqa: ANN001
    """The last statement before ``q`` in the same or the previous paragraph, if it has a speaker."""
    blocks = [pb.block.span for pb in finder.parsed.blocks]
    here = next((i for i, b in enumerate(blocks) if b.begin <= q.outer.begin < b.end), None)
    if here is None:
        return None
    prev_block = max(0, here - 1)
    while prev_block > 0 and sub_heading(finder.parsed.blocks[prev_block]):
        prev_block -= 1  # answers run under sub-headings: the heading does not stop the speaker
    window_begin = blocks[prev_block].begin
    before = [s for s in finder.statements if window_begin <= s.end <= q.outer.begin and s.speaker]
    if not before:
        return None
    last = max(before, key=lambda s: s.end)
    # from the content's last character (to the end of its paragraph when only sub-headings follow)
    between = finder.text[max(0, last.end - 1) : q.outer.begin if prev_block == here - 1 else blocks[prev_block].end]
    if here > 0 and last.end < blocks[here].begin and not between.rstrip().endswith((":", "”", '"', ".")):
        return None
    return last


def merge_spans(spans):  # noqa: ANN001, ANN201
    from kg.extraction.statements import _merge

    return _merge(spans)


def without_repeats(parsed, statements: list[Statement]) -> list[Statement]:  # noqa: ANN001 - a Parsed
    """The statements (in text order) but one that a page repeats: the same speaker saying the same in a sentence of
    the same words in another block (a headline printed again over the text, a paragraph a scraped page holds
    twice). A headline that repeats a quotation of the text in other words keeps both, and so does a sentence said
    twice in one paragraph."""
    seen: dict[tuple, int] = {}  # what was said, in a sentence of which words → the offset of its first block
    out = []
    for st in statements:
        pb = parsed.block_at(st.begin)
        key = (st.speaker, st.quote_type, tuple(c.text for c in st.content),
               " ".join(st.sentence.text.split()) if st.sentence is not None else None)
        if pb is None or key[3] is None or seen.setdefault(key, pb.block.span.begin) == pb.block.span.begin:
            out.append(st)
    return out
