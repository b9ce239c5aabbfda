"""Small invented articles and what extraction makes of them."""

from __future__ import annotations

import datetime as dt

from kg.extraction import extract
from kg.pipeline.ingest import from_text
from kg.model import Extraction


def run(text: str, date: dt.date | None = None) -> Extraction:
    return extract(from_text(text, article_id="invented", date=date))


def said(text: str, date: dt.date | None = None) -> list[tuple[str, str | None, str]]:
    """(quote type, speaker label or None, what was said) for every statement."""
    x = run(text, date)
    labels = {a.key: a.label for a in x.actors}
    return [(s.quote_type, labels.get(s.speaker or ""), s.quote) for s in x.statements]


def dated_events(text: str, date: dt.date) -> dict[str, tuple[str, str | None]]:
    """Each event's first mention → (type, date value)."""
    x = run(text, date)
    times = {t.key: t.value for t in x.times}
    return {e.mentions[0].text: (e.type, times.get(e.time) if e.time else None) for e in x.events}


def speaker_of(text: str, fragment: str) -> str | None:
    """The speaker label of the statement whose content holds ``fragment`` (AssertionError if none does)."""
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    for s in x.statements:
        if any(fragment in c.text for c in s.content):
            return labels.get(s.speaker or "")
    raise AssertionError(f"no statement holds {fragment!r}: {[s.quote for s in x.statements]}")


def speaker_of_or_none(text: str, fragment: str) -> str | None:
    """As :func:`speaker_of`, but None where no statement holds ``fragment``."""
    try:
        return speaker_of(text, fragment)
    except AssertionError:
        return None


def has_statement(text: str, fragment: str) -> bool:
    return any(fragment in c.text for s in run(text).statements for c in s.content)
