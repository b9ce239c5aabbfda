"""Find quotations in text by their marks, before any parsing.

Handles curly and straight double quotes (and the two mixed in one quotation, as scraped text has them), guillemets,
the marks a smart-quote conversion puts for an opening one (″, ‟, „), doubled marks standing for a double one (``…'' and
''…'' of typewritten wire copy, ‘‘…’’), single quotes (‘…’ as headline quotes or
nested quotes) told apart from apostrophes (Russia’s, parties’), quotes nested in quotes, and quotes that run over several paragraphs
(each paragraph re-opens the quote, only the last one closes it). Unbalanced marks never raise: an unclosed quote is
dropped, so every span returned re-reads its own text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg import lexicon
from kg.extraction.steps import Step, Work
from kg.model import Span

DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", "″": "″", "‟": "”"}
SINGLE_OPEN = {"‘": "’", "‹": "›"}
# a straight quote closed by a curly one, or the other way round; a double prime or a reversed mark that a smart-quote
# conversion put for an opening mark, closed by the ordinary curly one
_MIXED = {'"': "”", "”": '"', "″": "”"}
_SUBSTITUTES = "„″‟"  # opening marks only where a quotation can open (a 12″ screen is inches)
# doubled marks for a double quote: ``…'' and ''…'' of typewritten wire copy, ‘‘…’’ of some Asian papers
_TYPED = {"``": "''", "''": "''", "‘‘": "’’"}
# every mark a quotation can open with (_scan): the characters between two of them are skipped in one search
_MAY_OPEN = re.compile("[" + re.escape("".join(sorted({*DOUBLE_OPEN, *SINGLE_OPEN, *"".join(_TYPED), '"', "'"}))) + "]")


@dataclass
class Quote:
    """Text between quote marks: ``inner`` excludes the marks, ``outer`` includes them."""

    inner: Span
    outer: Span
    mark: str  # "double" or "single"
    nested: list[Quote] = field(default_factory=list)
    parts: list[Span] = field(default_factory=list)  # a quote over several paragraphs: one inner span each

    @property
    def spans(self) -> list[Span]:
        return self.parts or [self.inner]


def _is_letter(c: str) -> bool:
    return c.isalnum()


def _opening_context(text: str, i: int) -> bool:
    """A mark at ``i`` can open a quote: start of text, after space or an opening bracket/dash/other quote."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/\"“‘'«:"


def _closing_context(text: str, i: int) -> bool:
    """A mark at ``i`` can close a quote: not followed by a letter (Russia’s is an apostrophe, not a close)."""
    return i + 1 >= len(text) or not _is_letter(text[i + 1])


def _glued(text: str, i: int) -> bool:
    """A straight mark between a sentence's end and a capital with no space (“… observatories."We did not …”, “… this
    week."The team …”): a page whose paragraph breaks were lost; the mark closes a quotation that is open
    and opens one otherwise."""
    return 0 < i < len(text) - 1 and text[i - 1] in ".!?" and text[i + 1].isupper()


def _scan(text: str, base: int, begin: int, end: int, singles: bool) -> tuple[list[Quote], int | None]:
    """Quotes inside text[begin:end]; returns them and the position of an unclosed opening double mark, if any."""
    quotes: list[Quote] = []
    i = begin
    while i < end:
        found = _MAY_OPEN.search(text, i, end)
        if found is None:
            break
        i = found.start()
        c = text[i]
        close: str | None = None
        kind = ""
        width = 1
        if (typed := _TYPED.get(text[i : i + 2])) and (c == "`" or _opening_context(text, i)) \
                and i + 2 < end and not text[i + 2].isspace():
            close, kind, width = typed, "double", 2
        elif c in DOUBLE_OPEN and (c not in _SUBSTITUTES or _opening_context(text, i)):
            close, kind = DOUBLE_OPEN[c], "double"
        elif c == '"' and (_opening_context(text, i) or _glued(text, i)) and i + 1 < end and not text[i + 1].isspace():
            close, kind = '"', "double"
        elif singles and c in SINGLE_OPEN and _opening_context(text, i):
            close, kind = SINGLE_OPEN[c], "single"
        elif singles and c == "'" and _opening_context(text, i) and i + 1 < end and _is_letter(text[i + 1]):
            close, kind = "'", "single"
        if close is None:
            i += 1
            continue
        j = _find_close(text, i + width, end, close, kind)
        if j is None and kind == "double" and close in _MIXED:
            # scraped and pasted text mixes its marks ("…,” the chief said): the other double mark closes a quote
            # that its own mark never closes
            j = _find_close(text, i + 1, end, _MIXED[close], kind)
        if j is None and kind == "double" and close in '"”':
            close = "''"  # a typed opening mark closed by two apostrophes ("…,'' she said)
            j = _find_close(text, i + 1, end, close, kind)
        if j is None and width == 2 and text.find("``", i + 2, end) >= 0:
            i += 2  # another quotation opens before this one closes: a lost close, as a stray mark
            continue
        if j is None:
            if kind == "double":
                return quotes, i
            i += 1  # an unmatched single mark is an apostrophe or a stray mark: skip it
            continue
        shut = len(close) if text.startswith(close, j) else 1
        inner = Span(base + i + width, base + j, text[i + width : j])
        outer = Span(base + i, base + j + shut, text[i : j + shut])
        nested, _ = _scan(text, base, i + width, j, singles=True) if kind == "double" else ([], None)
        quotes.append(Quote(inner, outer, kind, nested))
        i = j + shut
    return quotes, None


def _find_close(text: str, start: int, end: int, close: str, kind: str) -> int | None:
    if kind == "double" and close == '"':
        # "There is no room for "quick fixes" in this budget": straight marks nested in straight marks pair up
        # inside; where they do not (a mark left unclosed), the first close wins as before
        nested = _straight_close(text, start, end, nesting=True)
        return nested if nested is not None else _straight_close(text, start, end, nesting=False)
    depth_single = 0
    possessive: int | None = None  # "the players' effort": a plural possessive, the close only if none follows
    k = start
    while k < end:
        c = text[k]
        if kind == "double":
            if c == close[0] and text.startswith(close, k):
                return k + 1 if len(close) == 2 and text.startswith(close[0] * 3, k) else k  # a nested single first
            if close == "''" and text.startswith("``", k):
                return None  # the next typed quotation opens first
        else:
            if c in DOUBLE_OPEN:  # a double quote nested in a single one (British style): skip over it
                inner = _find_close(text, k + 1, end, DOUBLE_OPEN[c], "double")
                if inner is None:
                    return None  # a single quote does not run across an unclosed double quote
                k = inner + 1
                continue
            if c == '"':
                return possessive
            if c == "\n":
                return possessive
            if c == close and k > start and not text[k - 1].isspace() and _closing_context(text, k):
                if text[k - 1] == "s" and text[k + 1 : k + 2] == " " and text[k + 2 : k + 3].islower():
                    possessive = k if possessive is None else possessive
                elif depth_single == 0:
                    return k
                else:
                    depth_single -= 1
        k += 1
    return possessive


def _straight_close(text: str, start: int, end: int, *, nesting: bool) -> int | None:
    """The straight double mark closing a quotation opened before ``start``; with ``nesting``, a mark that opens
    (after a space or a bracket, before a letter) opens a quotation inside that the next close ends."""
    depth = 0
    k = text.find('"', start, end)
    while k >= 0:
        if nesting and _opening_context(text, k) and k + 1 < end and _is_letter(text[k + 1]):
            depth += 1
        elif _closing_context(text, k) or k + 1 == end or _glued(text, k):
            if depth == 0:
                return k
            depth -= 1
        k = text.find('"', k + 1, end)
    return None


def british_style(body: str) -> bool:
    """Whether the body quotes with single marks (‘…’ or '…', doubles only nested inside them): more single quote
    openings than double ones, and at least one."""
    # only the positions of marks are looked at (a scan of every character cost as much as finding the quotes)
    singles = sum(1 for m in _CURLY_SINGLE.finditer(body) if _opening_context(body, m.start()) and
                  body[m.start() - 1 : m.start()] != "‘"
                  and m.end() < len(body) and _is_letter(body[m.end()]))
    singles += sum(1 for m in _STRAIGHT_SINGLE.finditer(body) if (m.start() == 0 or body[m.start() - 1] in " \n")
                   and m.end() < len(body) and _is_letter(body[m.end()]))
    doubles = sum(1 for m in _DOUBLES.finditer(body) if m.group() != '"' or _opening_context(body, m.start()))
    return singles > 0 and singles > doubles


_CURLY_SINGLE, _STRAIGHT_SINGLE, _DOUBLES = re.compile("‘"), re.compile("'"), re.compile('[“«"]|‘‘|``')


def find_quotes(text: str, begin: int, end: int, *, singles_top: bool) -> list[Quote]:
    """Quotes in ``text[begin:end]`` (one block). ``singles_top``: single marks quote at top level (headlines)."""
    quotes, unclosed = _scan(text, 0, begin, end, singles=singles_top)
    if unclosed is not None:
        # An unclosed double quote at the end of a paragraph may continue in the next one: the caller decides.
        quotes.append(Quote(Span(unclosed + 1, end, text[unclosed + 1 : end]),
                            Span(unclosed, end, text[unclosed:end]), "open"))
    return quotes


def quotes_in_blocks(text: str, blocks: list[tuple[int, int, bool]],
                     cue_before: Callable[[int], bool] | None = None) -> list[Quote]:
    """Quotes over a sequence of blocks ``(begin, end, singles_top)``, joining quotes that run across paragraphs.

    A paragraph that opens a quote without closing it, followed by a paragraph that opens with a quote mark, is one
    quotation in several parts (the newspaper convention). Followed by a paragraph that closes the quote without
    re-opening it (a quotation a scraper or a wire service broke into paragraphs: “… the minister. / They talked
    for hours …,” the spokesman said), it is one quotation of both. Followed by anything else, it ends at its paragraph's end
    when that paragraph ends a sentence (a closing mark left out, or typed the wrong way round) and the quotation
    opened its paragraph, followed a colon, a reporting verb and a comma ("Lee said, “…" — ``cue_before`` tells
    whether a comma at an offset follows one) or ran over paragraphs before; otherwise it is dropped.
    """
    out: list[Quote] = []
    pending: Quote | None = None
    for begin, end, singles_top in blocks:
        found = find_quotes(text, begin, end, singles_top=singles_top)
        if pending is not None:
            first = found[0] if found else None
            if first is not None and first.outer.begin == begin:
                parts = (pending.parts or [pending.inner]) + [first.inner]
                if first.mark == "open":
                    pending = Quote(first.inner, Span(pending.outer.begin, first.outer.end,
                                                      text[pending.outer.begin : first.outer.end]), "open",
                                    pending.nested + first.nested, parts)
                    found = found[1:]
                    out.extend(q for q in found if q.mark != "open")
                    continue
                joined = Quote(first.inner, Span(pending.outer.begin, first.outer.end,
                                                 text[pending.outer.begin : first.outer.end]), "double",
                               pending.nested + first.nested, parts)
                out.append(joined)
                found = found[1:]
            elif (close := _closed_without_opening(text, begin, end, found)) is not None:
                inner = Span(begin, close, text[begin:close])
                out.append(Quote(inner, Span(pending.outer.begin, close + 1, text[pending.outer.begin : close + 1]),
                                 "double", pending.nested, (pending.parts or [pending.inner]) + [inner]))
                found = [q for q in found if q.outer.begin > close]
            elif (ended := _ended_at_paragraph_end(text, pending, cue_before)) is not None:
                out.append(ended)
            pending = None
        for q in found:
            if q.mark == "open":
                pending = q
            else:
                out.append(q)
    if pending is not None and (ended := _ended_at_paragraph_end(text, pending, cue_before)) is not None:
        out.append(ended)
    return out


_CLOSING_DOUBLE = ("”", '"', "»")
_STRAY = " \t“”\"«»"


def _closed_without_opening(text: str, begin: int, end: int, found: list[Quote]) -> int | None:
    """The offset of a closing double mark in ``text[begin:end]`` that no opening mark before it in the paragraph
    pairs with (the end of a quotation opened in the paragraph before), or None."""
    for k in range(begin, end):
        c = text[k]
        if any(q.outer.begin <= k < q.outer.end for q in found):
            return None  # a quotation of its own comes first
        if (c in _CLOSING_DOUBLE or text.startswith("''", k)) and k > begin and not text[k - 1].isspace() \
                and _closing_context(text, k + (c == "'")):
            return k
    return None


def _after_split_cue(before: str) -> bool:
    """Whether ``before`` ends with the cue of a split quotation ("“…,” he continued. " or "“…,” she said, "): the
    second half of a quotation whose closing mark a scraper or a typist lost."""
    close = max(before.rfind(c, max(0, len(before) - 80)) for c in _CLOSING_DOUBLE)
    if close < 0 or not before.endswith((".", ",")):
        return False
    cue = before[close + 1 :]
    return "\n" not in cue and 1 < len(cue.split()) <= 6 and not any(c in cue for c in "“\"«")


def _ended_at_paragraph_end(text: str, pending: Quote,
                            cue_before: Callable[[int], bool] | None = None) -> Quote | None:
    """An open quotation taken to end at its paragraph's end: the paragraph ends a sentence (a stray mark after it
    aside), and the quotation ran over paragraphs, opened its paragraph, followed a colon, a reporting verb and a
    comma, or the cue of a split quotation."""
    inner = pending.inner
    stripped = inner.text.rstrip(_STRAY)
    if not stripped.endswith((".", "!", "?", "…")) or len(stripped.split()) < 3:
        return None
    if not pending.parts:
        before = text[: pending.outer.begin].rstrip(" \t")
        if before and not before.endswith(("\n", ":")) and not _after_split_cue(before) and \
                not (before.endswith(",") and cue_before is not None and cue_before(len(before) - 1)):
            return None
    last = Span(inner.begin, inner.begin + len(stripped), stripped)
    parts = pending.parts[:-1] + [last] if pending.parts else []
    return Quote(last, Span(pending.outer.begin, last.end, text[pending.outer.begin : last.end]), "double",
                 pending.nested, parts)


def _find(work: Work) -> None:
    parsed = work.parsed
    body = "\n".join(pb.block.span.text for pb in parsed.blocks if pb.block.kind == "paragraph")
    british = british_style(body)  # single quotes as the quotation marks
    quotes = quotes_in_blocks(parsed.article.text, [(pb.block.span.begin, pb.block.span.end,
                                                     british or pb.block.kind in ("headline", "standfirst"))
                                                    for pb in parsed.blocks], _reporting_verb_before(parsed))
    work.put(quotes=quotes, single_marks=british)


def _reporting_verb_before(parsed) -> Callable[[int], bool]:  # noqa: ANN001 - a Parsed
    """Whether the comma at an offset follows a reporting verb ("said, “…"): a quotation whose closing mark was lost
    after it still ends at its paragraph's end."""
    verbs, quote_verbs = lexicon.reporting_verbs(), lexicon.quote_verbs()

    def after_verb(comma: int) -> bool:
        pb = next((pb for pb in parsed.blocks if pb.block.span.begin <= comma < pb.block.span.end), None)
        tok = None if pb is None else next((t for t in pb.doc if pb.offset + t.idx == comma), None)
        if tok is None or tok.i == 0:
            return False
        verb = tok.nbor(-1)
        return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in verbs or verb.lemma_.lower() in quote_verbs)

    return after_verb


QUOTES = Step("quotes", ("parsed",), ("quotes", "single_marks"), _find,
              "quotations of each block; single marks quote in British-style articles (and in headlines)")
