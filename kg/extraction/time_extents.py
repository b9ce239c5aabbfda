"""Time expressions that stretch beyond one day, and the days a value covers: a range of days within a month
("May 23–31", "September 19 or 20" are that month, TIMEX3 ``2009-05``), a season ("last summer", "this spring":
its year), and :func:`bounds`, the first and last day of a TIMEX3 value."""

from __future__ import annotations

import datetime as dt
import re

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
