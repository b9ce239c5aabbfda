"""A weekday in what a report says counts from the report's day, not from the article's.

"Police said on Friday that the attack happened on Wednesday", in an article of the Wednesday after: the attack was
on the Wednesday before that Friday, not on the article's own day. The time step reads a bare weekday from the
article's date by the tense of its clause; when that clause is the complement of a reporting verb that a day of its
own dates, and is told in the past, the weekday is the latest such day up to the report's day.
"""

from __future__ import annotations

import datetime as dt

from kg import lexicon
from kg.extraction.relative_events import clause_verb
from kg.extraction.steps import Step, Work
from kg.extraction.time import WEEKDAYS
from kg.model import TimeExpression
from kg.pipeline.nlp import Parsed

_PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}


def _day(t: TimeExpression) -> dt.date | None:
    if t.granularity != "day" or not t.value or len(t.value) != 10:
        return None
    try:
        return dt.date.fromisoformat(t.value)
    except ValueError:
        return None


def _adverbial(tok) -> bool:  # noqa: ANN001 - a token
    """A weekday that says when ("on Wednesday", "Wednesday", "on Tuesday evening"), not one that names a thing ("the
    Wednesday special")."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in _PARTS_OF_DAY:
        tok = tok.head
    return tok.dep_ in ("npadvmod", "tmod") or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "by", "since")


def reported_weekdays(parsed: Parsed, times: list[TimeExpression], past_at) -> None:  # noqa: ANN001 - a predicate
    """Move back by weeks a weekday told in the past in what a dated report says, until it is not after the report's
    day (only the weekdays of the article's days are read: a few times, no walk over the document)."""
    days = [(t, d) for t in times if (d := _day(t)) is not None]
    if len(days) < 2:
        return
    verbs = lexicon.reporting_verbs()
    report: dict[tuple[int, int], tuple[TimeExpression, dt.date]] = {}  # reporting verb → the day that dates it
    clauses: list[tuple[TimeExpression, dt.date, int, object]] = []
    for t, d in days:
        hit = parsed.token_at(t.span.begin)
        if hit is None:
            continue
        verb = clause_verb(hit[1])
        if verb.lemma_ in verbs:
            report.setdefault((id(hit[0]), verb.i), (t, d))
        elif verb.dep_ == "ccomp" and t.span.text.istitle() and t.span.text.lower() in WEEKDAYS and hit[0].block.kind != "headline" and \
                _adverbial(hit[1]):
            clauses.append((t, d, id(hit[0]), clause_verb(verb.head)))
    for t, d, block, reporting in clauses:
        said = report.get((block, reporting.i))  # type: ignore[attr-defined]
        if said is None or d <= said[1] or not past_at(t.span.begin):
            continue
        while d > said[1]:
            d -= dt.timedelta(days=7)
        t.value = d.isoformat()


def _report_days(work: Work) -> None:
    reported_weekdays(work.parsed, work.times, work.past_at)
    work.put(report_days=True)


REPORT_DAYS = Step("report days", ("parsed", "times", "past_at"), ("report_days",), _report_days,
                   "a weekday told in the past in what a dated report says counts back from the report's day")
