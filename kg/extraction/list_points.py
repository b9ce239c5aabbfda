"""Points set as a list after an attribution that ends with a colon: "The minister said the plan would:" followed by
short lines ("- double the buses on rural routes", "• cut fares for pupils") gives each line to the minister as
a statement of its own — indirect, or direct when the line is quoted.

Reports and speeches are summed up this way in news copy. The list is bounded strictly so that fact boxes and
page furniture never speak: the colon paragraph must name its speaker through a reporting verb
(:func:`kg.extraction.unclaimed.introducer`), and the run of points stops at the first line that reads as
narration (a capitalised sentence without a bullet), holds more than one sentence, ends with another colon, is
longer than ``_MAX_WORDS``, or holds words another statement already claims; a single line is no list. A fragment
the colon cuts ("the plan would") is no statement.
"""

from __future__ import annotations

from kg.extraction.unclaimed import introducer
from kg.model import Statement

_BULLETS = "-•*–—·▪●"
_OPEN, _CLOSE = "\"“‘'", "\"”’'"
_MAX_WORDS = 60
_MAX_POINTS = 12
_SPEECH = {"say", "tell", "add", "write", "state", "announce", "explain", "declare", "warn", "promise", "pledge",
           "propose", "recommend", "urge", "argue", "insist", "list", "outline", "vow", "tweet", "post"}


def _point(text: str) -> tuple[int, int, bool] | None:
    """(start, end, quoted) of a list point's words within ``text``, or None when the line is no point."""
    raw = text.rstrip()
    if not raw or "\n" in raw.strip() or raw.endswith(":") or len(raw.split()) > _MAX_WORDS:
        return None
    b = 0
    bullet = raw[0] in _BULLETS
    if bullet:
        b = 1
        while b < len(raw) and raw[b] in _BULLETS + " \t":
            b += 1
    e = len(raw)
    while e > b and raw[e - 1] in ";,.":  # the list's own punctuation is not what was said
        e -= 1
    words = raw[b:e]
    if len(words.split()) < 2:
        return None
    quoted = words[:1] in _OPEN and words.rstrip(".")[-1:] in _CLOSE
    # a line without a bullet is a point only when it does not read as a sentence of narration
    if not bullet and not quoted and (words[:1].isupper() and raw.endswith((".", "!", "?"))):
        return None
    if quoted:
        b, e = b + 1, b + len(words.rstrip(".").rstrip()) - 1
    return b, e, quoted


def list_points(finder) -> list[Statement]:  # noqa: ANN001 - a StatementFinder
    out: list[Statement] = []
    blocks = finder.parsed.blocks
    for at in range(1, len(blocks)):
        if not blocks[at - 1].block.span.text.rstrip().endswith(":"):
            continue
        points = []
        for pb in blocks[at : at + _MAX_POINTS]:
            block = pb.block
            if block.kind not in ("paragraph", "heading"):
                break
            found = _point(block.span.text)
            if found is None or len(list(pb.doc.sents)) > 1 or \
                    any(c.overlaps(block.span) for st in finder.statements for c in st.content):
                break
            points.append((block, found))
        if len(points) < 2:  # one line after a colon is a quotation or a block quotation, read elsewhere
            continue
        intro = introducer(finder, at)
        if intro is None:
            continue
        pb, verb, (speaker, mention) = intro
        art = finder.parsed.article
        cue_at = pb.offset + verb.idx
        # a verb that reports only in some senses ("maintained its monopoly by:") must already report here
        if verb.lemma_.lower() not in _SPEECH and not any(st.cue is not None and st.cue.begin == cue_at
                                                           for st in finder.statements):
            continue
        colon = pb.block.span.end
        # the words the colon cut off are no statement of their own: "said the plan would:"
        finder.statements[:] = [st for st in finder.statements if not (
            st.cue is not None and st.cue.begin == cue_at and st.quote_type == "indirect"
            and all(c.end >= colon - 2 and c.begin > cue_at for c in st.content))]
        for block, (b, e, quoted) in points:
            start = block.span.begin
            for q in finder.quotes:  # its quotation is claimed: no later step gives it to anyone else
                if q.outer.overlaps(block.span):
                    finder.used.add(id(q))
            st = Statement("", [art.span(start + b, start + e)], "direct" if quoted else "indirect",
                           speaker=speaker, speaker_mention=mention, cue=art.span(cue_at, cue_at + len(verb.text)),
                           cue_lemma=verb.lemma_.lower(), sentence=finder.parsed.span_of(pb, verb.sent),
                           evidence="cue")
            finder.statements.append(st)
            out.append(st)
    return out
