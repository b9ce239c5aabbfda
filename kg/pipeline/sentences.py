"""Sentences of an article's text: the evidence a page shows for a fact is the whole sentences around it.

One splitter for the graph and the pages: the mapper widens a statement's evidence sentence to whole sentences of
this splitter (kg.pipeline.rdf.mapping), and the server shows the sentences around an actor's or an event's mention
with it (server.pages.evidence), so the same fact reads the same on every page.

A sentence never crosses a block of the article (headline, standfirst, heading, paragraph: kg.pipeline.ingest). Inside a
block, a sentence ends at ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets after it) followed by
white space and a capital, a digit or an opening quote — unless the full stop belongs to an abbreviation
(``kg/data/lexicon/abbreviations.tsv``): a title before a name ("Gen.", "Mr."), a word before a number ("No. 10"),
an initial ("John F. Kennedy") or an initialism ("U.S."). After an initial, an initialism or an abbreviation that may
end a sentence ("Inc."), the sentence ends only when the next word is one that starts sentences ("… in the U.S. The
talks"; ``sentence_starters.txt``).

>>> text = "The U.S. Secretary of State spoke to Mr. Wang. No. 10 said nothing."
>>> [text[b:e] for b, e in sentences(text)]
['The U.S. Secretary of State spoke to Mr. Wang.', 'No. 10 said nothing.']
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg import lexicon

_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([^\s\"'”’)\]]+)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of ``text`` as (begin, end) offsets, in order, white space trimmed."""
    from kg.pipeline.ingest import split_blocks

    out: list[tuple[int, int]] = []
    for block in split_blocks(text):
        out.extend(_in_block(text, block.span.begin, block.span.end))
    return out


def _in_block(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    out = []
    start = begin
    for m in _END.finditer(text, begin, end):
        if _ends_here(text, m.start(), m.end()):
            out.append((start, m.end()))
            start = m.end()
            while start < end and text[start].isspace():
                start += 1
    if start < end:
        out.append((start, end))
    return out


def ends_here(text: str, punct: int, after: int) -> bool:
    """Whether the sentence-final punctuation at ``punct`` (with any closing marks, ending at ``after``) ends a
    sentence: not the full stop of "U.S." before "Securities", of "Mr." or of an initial."""
    return _ends_here(text, punct, after)


def _ends_here(text: str, punct: int, after: int) -> bool:
    if text[punct] != "." or text[punct:after].startswith(".."):
        return True
    m = _WORD_BEFORE.search(text, max(0, punct - 40), punct + 1)
    if m is None or (m.start() > 0 and text[m.start() - 1].isalnum()):
        return True
    word = m.group(1)
    nxt = _NEXT_WORD.match(text, after)
    following = nxt.group(1) if nxt else ""
    starts = following in lexicon.sentence_starters()
    kind = lexicon.abbreviations().get(word)
    if kind == "title":
        return False
    if kind == "number":
        return not following[:1].isdigit()
    if kind == "other":
        return starts
    initial = len(word) == 1 and word.isupper()
    initialism = "." in word and all(len(part) <= 2 for part in word.split("."))  # U.S, a.m, D.C
    if initial or initialism:
        return starts
    return True


def around(text: str, begin: int, end: int, bounds: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The whole sentences that [begin, end) touches (the span itself where it lies outside every sentence)."""
    bounds = bounds if bounds is not None else sentences(text)
    starts = [b for b, _ in bounds]
    first = max(0, bisect_right(starts, begin) - 1)
    b, e = begin, end
    for sb, se in bounds[first:]:
        if sb >= max(end, begin + 1):
            break
        if se > begin:
            b, e = min(b, sb), max(e, se)
    return b, e
