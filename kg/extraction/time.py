"""Temporal expressions, normalised against the article date (TIMEX3-style values).

For an article of 2022-01-27: "Thursday" → 2022-01-27 (the latest Thursday on or before the date, or the next one
when the sentence speaks of the future), "next week" → 2022-W05, "February 4" → 2022-02-04 (the year that puts the
date nearest the article), "November 15, 2021" → 2021-11-15. Without an article date, relative expressions keep
``value=None``: they are never guessed. Absolute dates need no anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.model import Article, TimeExpression

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|" \
       r"hundred|several|a few|a couple of|many|some)"
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "new year's day": (1, 1), "new year’s day": (1, 1), "new year's eve": (12, 31), "new year’s eve": (12, 31)}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY}),? (?P<y>{_YEAR})\b")),
    ("dofm", re.compile(rf"\b(?P<d>{_DAY}) of (?P<m>{_MONTH})\b(?:,? (?P<y>{_YEAR}))?")),
    ("holiday", re.compile(r"\b(?P<h>Christmas Day|Christmas Eve|New Year[’']s Day|New Year[’']s Eve)\b")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY}) (?P<m>{_MONTH}),? (?P<y>{_YEAR})\b")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY})\b(?!,? \d)")),
    ("dm", re.compile(rf"\b(?P<d>{_DAY}) (?P<m>{_MONTH})\b(?!,? \d)")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH}),? (?P<y>{_YEAR})\b")),
    ("relday", re.compile(rf"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast) (?P<w>{_WEEKDAY})\b")),
    ("weekday", re.compile(rf"\b(?P<w>{_WEEKDAY})\b")),
    ("duration", re.compile(rf"\b(?:the |over the |in the |for the |during the )?(?:past|last|next|coming|first)\s+"
                            rf"{_NUM}\s+(?:days?|weeks?|months?|years?|hours?|decades?)\b", re.IGNORECASE)),
    ("duration", re.compile(rf"\b{_NUM}(?:[- ]to[- ]{_NUM})?[- ](?:days?|weeks?|months?|years?|hours?|decades?)"
                            rf"(?:[- ]long|[- ]old| ago)?\b", re.IGNORECASE)),
    ("duration", re.compile(r"\b(?:the )?(?:past|last|next|coming) (?:week|month|year)(?= of| or)\b", re.IGNORECASE)),
    ("duration", re.compile(r"\b(?:over|during|in|for) (?P<x>the past (?:week|month|year|decade))\b", re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<rel>next|last|this|coming|previous)\s+(?P<unit>week|month|year)\b",
                            re.IGNORECASE)),
    ("deictic", re.compile(r"\b(?P<deixis>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)),
    ("anaphoric", re.compile(r"\b(?P<x>(?:that|the same) (?:day|morning|afternoon|evening|night)|the (?P<step>next|"
                             r"following|previous|preceding) day|the day (?P<before>before))\b", re.IGNORECASE)),
    ("vague", re.compile(r"\b(?:right now|currently|(?:the )?(?:immediate|near|distant) future|bi-weekly|biweekly|"
                         r"generations)\b", re.IGNORECASE)),
    ("vague", re.compile(r"\b(?:in|for|over|within) (?P<x>the past|decades|years|weeks|months)\b", re.IGNORECASE)),
    ("month", re.compile(r"\b(?P<lic>in|by|until|since|from|early|late|mid|last|next|this|of) (?P<x>(?P<m>January|February|"
                         r"April|June|July|August|September|October|November|December))\b(?! \d)")),
    ("year", re.compile(rf"(?<![\d,.$£€])\b(?P<y>{_YEAR})\b(?![\d%]|,\d)")),
]


# What a block must contain for a kind of pattern to match at all (checked once per block).
_NEEDLES = {
    "month": re.compile(_MONTH),
    "weekday": re.compile(_WEEKDAY),
    "unit": re.compile(r"(?:day|week|month|year|hour|decade)", re.IGNORECASE),
    "deixis": re.compile(r"(?:today|yesterday|tomorrow|tonight)", re.IGNORECASE),
    "holiday": re.compile(r"(?:Christmas|New Year)"),
    "digit": re.compile(r"\d"),
}
_NEEDED = {"mdy": "month", "dofm": "month", "dmy": "month", "md": "month", "dm": "month", "my": "month",
           "month": "month", "holiday": "holiday", "relday": "weekday", "weekday": "weekday", "duration": "unit",
           "relative": "unit", "deictic": "deixis", "year": "digit", "anaphoric": "unit"}


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _nearest_year(month: int, day: int | None, anchor: dt.date) -> int:
    """The year that puts month/day nearest to the anchor (news speaks of the near past and future)."""
    best = anchor.year
    best_gap = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = dt.date(y, month, day or 15)
        except ValueError:
            continue
        gap = abs((d - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def normalise(kind: str, m: re.Match[str], anchor: dt.date | None, future: bool) -> tuple[str | None, str]:
    """(value, granularity) for one match; value None when it needs an anchor and has none."""
    g = m.groupdict()
    try:
        if kind in ("duration", "vague"):
            return None, "duration"  # a length of time or a vague reference: kept, never given a calendar value
        if kind in ("mdy", "dmy") or (kind == "dofm" and g.get("y")):
            return dt.date(int(g["y"]), _month(g["m"]), _day(g["d"])).isoformat(), "day"
        if kind == "my":
            return f"{int(g['y']):04d}-{_month(g['m']):02d}", "month"
        if kind == "year":
            return g["y"], "year"
        if anchor is None:
            return None, "day" if kind in ("md", "dm", "weekday", "relday", "deictic") else g.get("unit") or "day"
        if kind in ("md", "dm", "dofm"):
            month, day = _month(g["m"]), _day(g["d"])
            return dt.date(_nearest_year(month, day, anchor), month, day).isoformat(), "day"
        if kind == "holiday":
            month, day = HOLIDAYS[g["h"].lower()]
            return dt.date(_nearest_year(month, day, anchor), month, day).isoformat(), "day"
        if kind == "month":
            month = _month(g["m"])
            year = _nearest_year(month, None, anchor)
            if g.get("lic") == "last":  # "last October": the latest October before this month
                year = anchor.year if month < anchor.month else anchor.year - 1
            elif g.get("lic") == "next":  # "next March": the first March after this month
                year = anchor.year if month > anchor.month else anchor.year + 1
            return f"{year:04d}-{month:02d}", "month"
        if kind == "relday":
            return _relative_weekday(g["rel"].lower(), WEEKDAYS[g["w"].lower()], anchor, future), "day"
        if kind == "weekday":
            target = WEEKDAYS[g["w"].lower()]
            delta = (anchor.weekday() - target) % 7
            d = anchor - dt.timedelta(days=delta)
            if future and d < anchor:
                d += dt.timedelta(days=7)
            return d.isoformat(), "day"
        if kind == "deictic":
            shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["deixis"].lower()]
            return (anchor + dt.timedelta(days=shift)).isoformat(), "day"
        if kind == "relative":
            rel, unit = g["rel"].lower(), g["unit"].lower()
            step = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1, "this": 0}[rel]
            if unit == "week":
                return _iso_week(anchor + dt.timedelta(weeks=step)), "week"
            if unit == "month":
                y, mth = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
                return f"{y:04d}-{mth + 1:02d}", "month"
            return str(anchor.year + step), "year"
    except (ValueError, KeyError):
        return None, "day"
    return None, "day"


def _relative_weekday(rel: str, target: int, anchor: dt.date, future: bool) -> str:
    """ "last Tuesday": the latest Tuesday before the anchor day; "next Tuesday": the Tuesday of the week after the
    anchor's; "this/coming Tuesday": the one of the anchor's week, or the next one when the clause is future and
    it has passed."""
    if rel in ("last", "past"):
        delta = (anchor.weekday() - target) % 7 or 7
        return (anchor - dt.timedelta(days=delta)).isoformat()
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if rel == "next":
        return (monday + dt.timedelta(days=7 + target)).isoformat()
    d = monday + dt.timedelta(days=target)
    if (rel == "coming" or future) and d < anchor:
        d += dt.timedelta(days=7)
    return d.isoformat()


def find_times(article: Article, blocks: list[tuple[int, int]], future_at, in_quote=None) -> list[TimeExpression]:  # noqa: ANN001
    """Temporal expressions in the given blocks (article offsets). ``future_at(offset)`` tells whether the clause
    at an offset speaks of the future (to read "Monday" forwards or backwards); ``in_quote(offset)`` whether it
    lies in a quotation — "today" in a quotation is the day last named in the narrative, not the article's date."""
    anchor = article.meta.date
    taken: list[tuple[int, int]] = []
    out: list[TimeExpression] = []
    for begin, end in blocks:
        chunk = article.text[begin:end]
        present = {name: bool(needle.search(chunk)) for name, needle in _NEEDLES.items()}
        for kind, pattern in PATTERNS:
            if not present.get(_NEEDED.get(kind, ""), True):
                continue  # a quick test first: most blocks name no month, no weekday, no length of time
            for m in pattern.finditer(chunk):
                b, e = begin + m.start(), begin + m.end()
                if any(b < te and tb < e for tb, te in taken):
                    continue
                if kind == "md" and m.group("m").lower().rstrip(".") == "may" and not m.group("m")[0].isupper():
                    continue
                here = anchor
                if kind == "deictic" and in_quote is not None and in_quote(b) and anchor is not None:
                    here = _narrative_day(out, anchor) or anchor
                if kind == "anaphoric":  # "that day", "the next day": the day the narrative last named
                    value, gran = _anaphoric(m, out, b), "day"
                else:
                    value, gran = normalise(kind, m, here, future_at(b) if kind in ("weekday", "relday") else False)
                if m.groupdict().get("x"):  # the expression proper, without the word that licensed it
                    b, e = begin + m.start("x"), begin + m.end("x")
                taken.append((b, e))
                relative = kind in ("md", "dm", "weekday", "relday", "relative", "deictic", "anaphoric")
                out.append(TimeExpression(key="", span=article.span(b, e), value=value,
                                          anchor=anchor if relative and value else None, granularity=gran))
    out.sort(key=lambda t: t.span.begin)
    for i, t in enumerate(out, 1):
        t.key = f"t{i}"
    return out


def _anaphoric(m: re.Match[str], found: list[TimeExpression], at: int) -> str | None:
    """The day "that day" refers to: the last full day named before it in the text (a day after or before it for
    "the next day", "the day before"); None when none was."""
    days = [t for t in found if t.span.begin < at and t.value and t.granularity == "day" and len(t.value) == 10]
    if not days:
        return None
    day = max(days, key=lambda t: t.span.begin).value
    step = (m.group("step") or "").lower()
    shift = 1 if step in ("next", "following") else -1 if step in ("previous", "preceding") or m.group("before") else 0
    return (dt.date.fromisoformat(day) + dt.timedelta(days=shift)).isoformat()


def _narrative_day(found: list[TimeExpression], anchor: dt.date) -> dt.date | None:
    """The last day of the article's week that the narrative named before this point ("on Tuesday … “we have heard
    today”"): the day the quotation was spoken. Older dates are background, not the narrative's now."""
    for t in reversed(found):
        if t.value and t.granularity == "day":
            d = dt.date.fromisoformat(t.value)
            if 0 <= (anchor - d).days <= 7:
                return d
    return None


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX value covers: 2022-01-27, 2022-W05, 2022-02, 2022."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = dt.date.fromisoformat(value)
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None
