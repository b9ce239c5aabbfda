"""Marked text: the spans the graph knows in an article, cut into pieces that render as valid HTML.

Spans overlap and nest freely (a speaker's "him" inside the cue "quoted him as saying", a time or a country inside a
quote), but links cannot nest in HTML. So the text is cut at every span boundary, and each piece covered by spans
becomes one link (a :class:`Piece`) that belongs to its innermost span — the shortest, or by :data:`PRIORITY` among
spans of one length — and carries the classes of every span covering it, so that the outer spans still show (a
quote's colour behind the country named in it). A span cut into several pieces keeps one resource and one card in
each. Nothing but text goes into a piece: the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("speaker", "cue", "quote", "actor", "event", "time")
# among spans of one length, the one a piece belongs to: the most specific first
PRIORITY = {"speaker": 0, "time": 1, "actor": 2, "event": 3, "cue": 4, "quote": 5}


@dataclass(frozen=True)
class Span:
    begin: int
    end: int
    kind: str  # one of KINDS
    iri: str  # the resource the span links to
    href: str
    cards: tuple[str, ...] = ()  # ids of the cards that describe it (the resource's, then its statement's)
    classes: tuple[str, ...] = ()  # e.g. the speaker's colour "sp-2", the actor's type "t-person", "addressee"
    date: str = ""  # a time expression's resolved value, shown after it


@dataclass
class Piece:
    text: str
    span: Span | None = None  # None: plain text
    classes: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    date: str = ""  # set on the last piece of a time span only

    @property
    def kind(self) -> str:
        return self.span.kind if self.span else ""


def _rank(s: Span) -> tuple[int, int, int]:
    return (s.end - s.begin, PRIORITY.get(s.kind, 9), s.begin)


def pieces(text: str, begin: int, end: int, spans: list[Span]) -> list[Piece]:
    """``text[begin:end]`` as pieces: plain runs, and one piece per run of text covered by the same spans."""
    spans = [s for s in spans if s.end > begin and s.begin < end and s.end > s.begin and s.kind in PRIORITY]
    cuts = sorted({begin, end, *(max(begin, s.begin) for s in spans), *(min(end, s.end) for s in spans)})
    # spans by where they start, so each run looks only at the spans that can cover it
    ordered = sorted(spans, key=lambda s: s.begin)
    out: list[Piece] = []
    active: list[Span] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(ordered) and ordered[i].begin <= a:
            active.append(ordered[i])
            i += 1
        active = [s for s in active if s.end > a]
        covering = [s for s in active if s.begin <= a and s.end >= b]
        if not covering:
            out.append(Piece(text[a:b]))
            continue
        inner = min(covering, key=_rank)
        classes = {f"k-{s.kind}" for s in covering} | set(inner.classes)
        # the colour of the innermost quote, cue or speaker around the piece (a quote inside a quote keeps its own)
        voiced = sorted((s for s in covering if s.kind in ("quote", "cue", "speaker")), key=_rank)
        if voiced:
            classes |= {c for c in voiced[0].classes if c.startswith("sp-")}
        cards = list(dict.fromkeys(c for s in sorted(covering, key=_rank) for c in s.cards))
        piece = Piece(text[a:b], inner, sorted(classes), cards[:3])
        if inner.kind == "time" and b == inner.end:
            piece.date = inner.date
        out.append(piece)
    return _merge([p for p in out if p.text])


def _merge(out: list[Piece]) -> list[Piece]:
    """Join neighbouring plain runs (cut at a boundary of a span that did not cover them)."""
    merged: list[Piece] = []
    for p in out:
        if merged and p.span is None and merged[-1].span is None:
            merged[-1].text += p.text
        else:
            merged.append(p)
    return merged
