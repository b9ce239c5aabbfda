"""Paragraphs quoted without marks: a paragraph that ends "X said:" (or "X issued this statement:"),
followed by a paragraph of prose that opens with no quotation mark, gives that paragraph to X as a direct quotation,
with the prose paragraphs after it up to the last one in the first person (the words go on over paragraphs).

Press releases, regulators' notices and government news set a spokesperson's words as a block after the colon,
often without marks (or with marks only from the second paragraph on, which then continue the first). The
paragraph must end a sentence, and the colon paragraph must name its speaker through a reporting verb or a
statement noun (:func:`kg.extraction.unclaimed.introducer`); a list or a heading after a colon is left alone.
"""

from __future__ import annotations

from kg.extraction.list_points import list_points
from kg.extraction.steps import Step, Work
from kg.extraction.unclaimed import introducer
from kg.model import Statement

_MARKS = "\"“”‘’'«»„"


_FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"}


def _prose(block) -> bool:  # noqa: ANN001 - a Block
    text = block.span.text.strip()
    return block.kind == "paragraph" and text[:1] not in _MARKS and text[:1] not in "-•*–—" and \
        text.endswith((".", "!", "?")) and len(text.split()) >= 6


def _further(finder, at: int) -> list:  # noqa: ANN001 - a StatementFinder; spans
    """The paragraphs after block ``at`` that go on with the block quotation (government and company releases
    set a minister's or a chief executive's words over several paragraphs without marks): the prose that follows,
    up to the last paragraph in the first person before anything else (a heading, a list, a quotation, a
    paragraph a quotation of another statement claims) — third-person narration after the words is not
    theirs."""
    blocks = finder.parsed.blocks
    run, last = [], 0
    for pb in blocks[at + 1 : at + 9]:
        block = pb.block
        if not _prose(block) or any(c.overlaps(block.span) for st in finder.statements if st.quote_type != "indirect"
                                    for c in st.content):
            break
        run.append(block.span)
        if any(t.lower_ in _FIRST_PERSON for t in pb.doc):
            last = len(run)
    return run[:last]


def block_quotes(finder) -> list[Statement]:  # noqa: ANN001 - a StatementFinder
    out: list[Statement] = []
    blocks = finder.parsed.blocks
    for at in range(1, len(blocks)):
        block = blocks[at].block
        text = block.span.text.strip()
        if block.kind != "paragraph" or text[:1] in _MARKS or text[:1] in "-•*–—" or \
                not text.endswith((".", "!", "?")) or len(text.split()) < 6:
            continue
        if any(c.overlaps(block.span) for st in finder.statements for c in st.content):
            continue
        found = introducer(finder, at)
        if found is None:
            continue
        pb, verb, (speaker, mention) = found
        cue = finder.parsed.article.span(pb.offset + verb.idx, pb.offset + verb.idx + len(verb.text))
        st = Statement("", [block.span, *_further(finder, at)], "direct", speaker=speaker, speaker_mention=mention,
                       cue=cue, cue_lemma=verb.lemma_.lower(), sentence=finder.parsed.span_of(pb, verb.sent),
                       evidence="cue")
        finder.statements.append(st)
        out.append(st)
    return out


def _block_quotes(work: Work) -> None:
    finder = work.statement_finder
    points = list_points(finder)  # before the block quotes: a list after the colon is no block quotation
    work.put(block_statements=points + block_quotes(finder))


BLOCK_QUOTES = Step("block quotes", ("statement_finder", "layout_statements"), ("block_statements",), _block_quotes,
                    "a paragraph without quotation marks after a paragraph ending \"X said:\", as X's direct "
                    "quotation; the short lines of a list after it, each a statement of X")
