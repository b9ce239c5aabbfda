"""Values of time expressions that stretch beyond one day or count from the article's week, and the days a value
covers: a season ("last summer", "this spring": its year), a weekend (``2024-W10-WE``), "last/next/this Tuesday",
and :func:`bounds`, the first and last day of a TIMEX3 value; and the day "that day" or a quotation's "today"
refers to (:func:`anaphoric_day`, :func:`narrative_day`)."""

from __future__ import annotations

import datetime as dt
import re

from kg.model import TimeExpression

def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# A season's first and last month (winter runs into the next year).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def season_year(rel: str, season: str, anchor: dt.date) -> str:
    """The year of "last summer", "this spring", "next winter" (the year the season begins in): "last" and "past"
    the latest one that has ended before the anchor's month, "next" and "coming" the first one that begins after
    it, "this" the one of the anchor's year (a January's or February's winter began the year before)."""
    first, last = _SEASONS[season.lower()]
    month = anchor.year * 12 + anchor.month
    rel = rel.lower().split()[-1]
    if rel in ("last", "past"):
        year = anchor.year
        while year * 12 + last >= month:
            year -= 1
        return str(year)
    if rel in ("next", "coming"):
        year = anchor.year
        while year * 12 + first <= month:
            year += 1
        return str(year)
    return str(anchor.year - 1 if first == 12 and anchor.month <= 2 else anchor.year)


def weekend(rel: str, anchor: dt.date, future: bool) -> str:
    """The ISO week of a weekend ("2023-W41-WE"): "last weekend" the one before the anchor's days (a Sunday's "last
    weekend" is the week before), "this weekend" the one of the anchor's week, "next weekend" the one after it; "over
    the weekend" the latest one on or before the anchor, or the next one when the clause speaks of the future."""
    saturday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=5)  # of the anchor's ISO week
    if rel in ("last", "past", "previous"):
        d = saturday - dt.timedelta(days=7)
    elif rel == "this":
        d = saturday
    elif rel in ("next", "coming"):
        d = saturday + dt.timedelta(days=7) if rel == "next" or anchor >= saturday else saturday
    else:
        d = saturday if future or anchor >= saturday else saturday - dt.timedelta(days=7)
    return iso_week(d) + "-WE"


def relative_weekday(rel: str, target: int, anchor: dt.date, future: bool, past: bool = False) -> str:
    """ "last Tuesday": the latest Tuesday before the anchor day; "next Tuesday": the Tuesday of the week after the
    anchor's; "this/coming Tuesday": the one of the anchor's week, or the next one when the clause is future and
    it has passed; "this Sunday" told in the past ("This Sunday, X crossed …"): the latest Sunday up to the anchor."""
    if rel in ("last", "past"):
        delta = (anchor.weekday() - target) % 7 or 7
        return (anchor - dt.timedelta(days=delta)).isoformat()
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if rel == "next":
        return (monday + dt.timedelta(days=7 + target)).isoformat()
    d = monday + dt.timedelta(days=target)
    if (rel == "coming" or future) and d < anchor:
        d += dt.timedelta(days=7)
    elif rel == "this" and past and not future and d > anchor:
        d -= dt.timedelta(days=7)
    return d.isoformat()


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX value covers: 2022-01-27, 2022-W05, 2022-02, 2022, 202 (the 2020s)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = dt.date.fromisoformat(value)
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return first, first + dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}", value):  # a decade: 197 is 1970–1979
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def anaphoric_day(m: re.Match[str], found: list[TimeExpression], at: int) -> str | None:
    """The day "that day" refers to: the last full day named before it in the text (a day after or before it for
    "the next day", "the day before"); None when none was."""
    days = [t for t in found if t.span.begin < at and t.value and t.granularity == "day" and len(t.value) == 10]
    if not days:
        return None
    day = max(days, key=lambda t: t.span.begin).value
    step = (m.group("step") or "").lower()
    shift = 1 if step in ("next", "following") else -1 if step in ("previous", "preceding") or m.group("before") else 0
    return (dt.date.fromisoformat(day) + dt.timedelta(days=shift)).isoformat()


def narrative_day(found: list[TimeExpression], anchor: dt.date) -> dt.date | None:
    """The last day of the article's week that the narrative named before this point ("on Tuesday … “we have heard
    today”"): the day the quotation was spoken. Older dates are background, not the narrative's now."""
    for t in reversed(found):
        if t.value and t.granularity == "day":
            d = dt.date.fromisoformat(t.value)
            if 0 <= (anchor - d).days <= 7:
                return d
    return None
