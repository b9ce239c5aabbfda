"""Temporal expressions, normalised against the article date (TIMEX3-style values).

For an article of 2022-01-27: "Thursday" → 2022-01-27 (the latest Thursday on or before the date, or the next one
when the sentence speaks of the future), "next week" → 2022-W05, "February 4" → 2022-02-04 (the year the clause's
tense points to), "November 15, 2021" → 2021-11-15. Without an article date, relative expressions keep ``value=None``.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extraction.steps import Step, Work
# (bounds is part of this module's interface)
from kg.extraction.time_extents import iso_week, bounds, relative_weekday, season_year, weekend  # noqa: F401
from kg.extraction.time_extents import anaphoric_day as _anaphoric, narrative_day as _narrative_day
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

# A time of day ("around 4:30 p.m. local time", "6am", "1700 UTC", "14:00"): its value is the day it falls on.
_CLOCK = re.compile(r"\b(?:(?:around|about|approximately|shortly after|shortly before|just after|just before) )?"
                    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)? ?(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?!\w)"
                    r"|(?:[01]\d|2[0-3]):[0-5]\d\b|(?:[01]\d|2[0-3])[0-5]\d(?= (?:UTC|GMT)\b))"
                    r"(?: (?:local time|UTC|GMT|BST|CET|CEST|EST|EDT|PST|PDT)\b)?")

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("clock", _CLOCK),
    ("ago", re.compile(r"\b(?:(?:about|around|some|nearly|almost|roughly|more than|over) )?(?P<n>\d{1,3}|a|an|one|two|"
                       r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty) "
                       r"(?P<unit>day|week|month|year|decade)s? ago\b", re.IGNORECASE)),
    ("decade", re.compile(r"\b(?:the )?(?:early |mid-|late )?(?P<c>1[89]\d|20\d)0s\b")),
    # "in the seventies" (the twenties to forties are as often ages or temperatures)
    ("decade", re.compile(r"\bthe (?:early |mid-|late )?(?P<w>fifties|sixties|seventies|eighties|nineties)\b")),
    # a range of days within a month is that month ("May 23–31", "19 or 20 September"); the second day of "from
    # March 15 to 17" or "March 4 and 5" is a day of its own
    ("range", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY}) ?(?:[–—-]| or ) ?{_DAY}\b(?!,? (?!{_YEAR}\b)\d)"
                         rf"(?:,? (?P<y>{_YEAR}))?")),
    ("range", re.compile(rf"\b(?P<d>{_DAY}) ?(?:[–—-]| or ) ?{_DAY} (?P<m>{_MONTH})\b(?:,? (?P<y>{_YEAR}))?")),
    ("tail", re.compile(rf"\b(?P<m>{_MONTH}) {_DAY} (?:to|and|until|through) (?P<x>(?P<d>{_DAY}))\b"
                        rf"(?! {_MONTH}|,? \d)")),
    # a date in figures, month first ("1/25/2011", a readout's title), day first when the first number is no month
    ("numeric", re.compile(rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR})\b(?!/)")),
    ("mofy", re.compile(rf"\b(?P<m>{_MONTH}) of (?P<y>{_YEAR})\b")),  # "March of 2008"
    ("season", re.compile(r"\b(?P<rel>[Tt]his past|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming) "
                          r"(?P<s>spring|summer|autumn|fall|winter)\b")),
    # a weekday before a full date is part of it ("Tuesday, March 12, 2019"), not a day of its own
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},? )?(?P<m>{_MONTH}) (?P<d>{_DAY}),? (?P<y>{_YEAR})\b")),
    ("dofm", re.compile(rf"\b(?P<d>{_DAY}) of (?P<m>{_MONTH})\b(?:,? (?P<y>{_YEAR}))?")),
    ("holiday", re.compile(r"\b(?P<h>Christmas Day|Christmas Eve|New Year[’']s Day|New Year[’']s Eve)\b")),
    ("holiday", re.compile(r"\b(?:after|before|at|over|by|until|since|on) (?P<x>(?P<h>Christmas))\b(?! Day| Eve)")),
    # "January last year", "March next year": the month of that year
    ("monthyear", re.compile(rf"\b(?P<m>{_MONTH}) (?P<rel>last|next|this) year\b")),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},? (?:the )?)?(?P<d>{_DAY}) (?P<m>{_MONTH}),? (?P<y>{_YEAR})\b")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>{_DAY})\b(?!,? \d)")),
    ("dm", re.compile(rf"\b(?P<d>{_DAY}) (?P<m>{_MONTH})\b(?!,? \d)")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH}),? (?P<y>{_YEAR})\b")),
    ("relday", re.compile(rf"\b(?:[Tt]his (?=past ))?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast) "
                          rf"(?P<w>{_WEEKDAY})\b")),  # ("this past Friday": the one before)
    ("weekday", re.compile(rf"\b(?P<w>{_WEEKDAY})\b")),
    ("duration", re.compile(rf"\b(?:the |over the |in the |for the |during the )?(?:past|last|next|coming|first)\s+"
                            rf"{_NUM}\s+(?:days?|weeks?|months?|years?|hours?|decades?)\b", re.IGNORECASE)),
    ("duration", re.compile(rf"\b{_NUM}(?:[- ]to[- ]{_NUM})?[- ](?:days?|weeks?|months?|years?|hours?|decades?)"
                            rf"(?:[- ]long|[- ]old| ago)?\b", re.IGNORECASE)),
    ("duration", re.compile(r"\b(?:the )?(?:past|last|next|coming) (?:week|month|year)(?= of| or)\b", re.IGNORECASE)),
    ("duration", re.compile(r"\b(?:over|during|in|for) (?P<x>the past (?:week|month|year|decade))\b", re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<rel>next|last|this|coming|previous)\s+(?P<unit>week|month|year)\b",
                            re.IGNORECASE)),
    # "over the weekend", "at the weekend", "this weekend", "last weekend": TIMEX3 2023-W41-WE
    ("weekend", re.compile(r"\b(?:(?P<rel>last|this|next|coming|past|previous) weekend|(?P<lic>over|at|on|during) "
                           r"(?P<x>the weekend))\b", re.IGNORECASE)),
    # "last night" (the evening before the article's day) and "yesterday morning" are days as well
    ("deictic", re.compile(r"\b(?P<deixis>(?:yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?|today|"
                           r"tonight|last (?:night|evening)|this (?:morning|afternoon|evening))\b", re.IGNORECASE)),
    # "battered the coast overnight": the night before the article's day, told in the past (a night ahead in a future
    # clause); an adverb only, before punctuation or a function word: not "an overnight stay", nor "overnight
    # Saturday", whose weekday dates it
    ("overnight", re.compile(r"\b(?P<x>overnight)(?=[,.;:!?)]|$| (?:on|in|into|at|to|from|and|as|after|before|when|"
                             r"while|with|near|across|along|off|outside|inside|amid|despite|but)\b)", re.IGNORECASE)),
    # "earlier in the day" (a readout's second event): the day the narrative last named, like "that day"
    ("anaphoric", re.compile(r"\b(?P<x>(?:earlier|later) in the day|(?:that|the same) (?:day|morning|afternoon|"
                             r"evening|night)|the (?P<step>next|following|previous|preceding) (?:day|morning|"
                             r"afternoon|evening|night)|"
                             r"the day (?P<before>before))\b", re.IGNORECASE)),
    ("vague", re.compile(r"\b(?:right now|currently|(?:the )?(?:immediate|near|distant) future|bi-weekly|biweekly|"
                         r"generations)\b", re.IGNORECASE)),
    ("vague", re.compile(r"\b(?:in|for|over|within) (?P<x>the past|decades|years|weeks|months)\b", re.IGNORECASE)),
    # (a sentence's "In February"; "March" and "May" only after a preposition or a determiner: no "Theresa May")
    ("month", re.compile(r"\b(?P<lic>(?i:in|by|until|since|from|early|late|mid|last|next|this|past|of)|and|or)[ -]"
                         r"(?P<x>(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
                         r"December))\b(?! \d)")),
    # (not a group of a phone number: "call 1800 200 311", "(02) 1300 555 212")
    ("year", re.compile(rf"(?<![\d,.$£€])(?!(?<=\d ){_YEAR} \d{{3}}\b)\b(?P<y>{_YEAR})\b"
                        rf"(?![\d%]|,\d| \d{{3}} \d{{3}})")),
]


_DECADES = ("fifties", "sixties", "seventies", "eighties", "nineties")

# What a block must contain for a kind of pattern to match at all (checked once per block).
_NEEDLES = {
    "month": re.compile(_MONTH),
    "weekday": re.compile(_WEEKDAY),
    "unit": re.compile(r"(?:day|week|month|year|hour|decade)", re.IGNORECASE),
    "deixis": re.compile(r"(?:today|yesterday|tomorrow|tonight|last (?:night|evening)|this (?:morning|afternoon|"
                         r"evening))", re.IGNORECASE),
    "holiday": re.compile(r"(?:Christmas|New Year)"),
    "digit": re.compile(r"\d"),
}
_NEEDED = {"clock": "digit", "ago": "unit", "mdy": "month", "numeric": "digit", "dofm": "month", "dmy": "month", "md": "month", "dm": "month", "my": "month",
           "range": "month", "tail": "month", "mofy": "month", "monthyear": "month",
           "month": "month", "holiday": "holiday", "relday": "weekday", "weekday": "weekday", "duration": "unit",
           "relative": "unit", "weekend": "unit", "deictic": "deixis", "year": "digit", "anaphoric": "unit"}


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def nearest_year(month: int, day: int | None, anchor: dt.date) -> int:
    """The year that puts month/day nearest to the anchor (news speaks of the near past and future); a 29 February
    only falls in a leap year."""
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


def _same_day(d: dt.date, year: int) -> dt.date:
    """The same day of the month in another year (28 February for 29 February)."""
    try:
        return d.replace(year=year)
    except ValueError:
        return d.replace(year=year, day=28)


def normalise(kind: str, m: re.Match[str], anchor: dt.date | None, future: bool,
              past: bool = False) -> tuple[str | None, str]:
    """(value, granularity) for one match; value None when it needs an anchor and has none; ``future``/``past``:
    the tense of its clause."""
    g = m.groupdict()
    try:
        if kind in ("duration", "vague"):
            return None, "duration"  # a length of time or a vague reference: kept, never given a calendar value
        if kind == "clock":
            return None, "clock"  # the day it falls on is read from its sentence afterwards (_clock_days)
        if kind in ("mdy", "dmy") or (kind == "dofm" and g.get("y")):
            return dt.date(int(g["y"]), _month(g["m"]), _day(g["d"])).isoformat(), "day"
        if kind == "numeric":
            a, b = int(g["a"]), int(g["b"])
            month, day = (a, b) if a <= 12 else (b, a)
            return dt.date(int(g["y"]), month, day).isoformat(), "day"
        if kind in ("my", "mofy") or (kind == "range" and g.get("y")):
            return f"{int(g['y']):04d}-{_month(g['m']):02d}", "month"
        if kind == "year":
            return g["y"], "year"
        if kind == "decade":  # "the 1970s", "the seventies": TIMEX3 197
            return g.get("c") or "19" + str(_DECADES.index(g["w"]) + 5), "decade"
        if anchor is None:
            return None, "day" if kind in ("md", "dm", "weekday", "relday", "deictic", "overnight") else \
                g.get("unit") or "day"
        if kind == "monthyear":
            return f"{anchor.year + {'last': -1, 'next': 1}.get(g['rel'], 0):04d}-{_month(g['m']):02d}", "month"
        if kind == "season":
            return season_year(g["rel"], g["s"], anchor), "year"
        if kind == "range":  # the month of its days, in the year its first day falls in
            return normalise("md", m, anchor, future, past)[0][:7], "month"
        if kind in ("md", "dm", "dofm", "tail"):
            month, day = _month(g["m"]), _day(g["d"])
            d = dt.date(nearest_year(month, day, anchor), month, day)
            # the nearest year unless the tense says otherwise: "was killed on November 5" in an article of August
            # is last November's; "will be held on November 5" in an article of March is this November's. A week's
            # slack keeps dates of the news cycle as they are (time zones, the day before an evening edition).
            if past and (d - anchor).days > 7:
                d = _same_day(d, d.year - 1)
            elif future and (anchor - d).days > 7:
                d = _same_day(d, d.year + 1)
            return d.isoformat(), "day"
        if kind == "ago":  # "a year ago", "two decades ago", "about two months ago": counted back from the anchor
            n, unit = int(g["n"]) if g["n"].isdigit() else _COUNTS[g["n"].lower()], g["unit"].lower()
            if unit == "day":
                return (anchor - dt.timedelta(days=n)).isoformat(), "day"
            if unit == "week":
                return iso_week(anchor - dt.timedelta(weeks=n)), "week"
            if unit == "month":
                y, mth = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
                return f"{y:04d}-{mth + 1:02d}", "month"
            return str(anchor.year - n * (10 if unit == "decade" else 1)), "year"
        if kind == "holiday":
            month, day = HOLIDAYS[g["h"].lower()]
            return dt.date(nearest_year(month, day, anchor), month, day).isoformat(), "day"
        if kind == "month":
            month = _month(g["m"])
            year = nearest_year(month, None, anchor)
            if (g.get("lic") or "").lower() in ("last", "past"):  # "last October", "this past August": the latest one
                year = anchor.year if month < anchor.month else anchor.year - 1
            elif (g.get("lic") or "").lower() == "next":  # "next March": the first March after this month
                year = anchor.year if month > anchor.month else anchor.year + 1
            elif past and (year, month) > (anchor.year, anchor.month):
                year -= 1  # "began in December", told in a past clause: the last December, not the coming one
            elif future and (year, month) < (anchor.year, anchor.month):
                year += 1  # "will be lifted in December", told in a future clause: the coming December
            return f"{year:04d}-{month:02d}", "month"
        if kind == "relday":
            return relative_weekday(g["rel"].lower(), WEEKDAYS[g["w"].lower()], anchor, future, past), "day"
        if kind == "weekday":
            target = WEEKDAYS[g["w"].lower()]
            delta = (anchor.weekday() - target) % 7
            d = anchor - dt.timedelta(days=delta)
            if future and d < anchor:
                d += dt.timedelta(days=7)
            return d.isoformat(), "day"
        if kind == "overnight":
            return ((anchor - dt.timedelta(days=1)).isoformat(), "day") if past else \
                (anchor.isoformat(), "day") if future else (None, "day")
        if kind == "deictic":
            word = g["deixis"].lower().split()[0]  # "yesterday morning", "last night": the day before
            shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(word, 0)  # today, tonight, this morning
            return (anchor + dt.timedelta(days=shift)).isoformat(), "day"
        if kind == "weekend":
            return weekend((g.get("rel") or "").lower(), anchor, future), "week"
        if kind == "relative":
            rel, unit = g["rel"].lower(), g["unit"].lower()
            step = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1, "this": 0}[rel]
            if unit == "week":
                return iso_week(anchor + dt.timedelta(weeks=step)), "week"
            if unit == "month":
                y, mth = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
                return f"{y:04d}-{mth + 1:02d}", "month"
            return str(anchor.year + step), "year"
    except (ValueError, KeyError):
        return None, "day"
    return None, "day"


def find_times(article: Article, blocks: list[tuple[int, int]], future_at, in_quote=None,  # noqa: ANN001
               past_at=None, anchor: dt.date | None = None) -> list[TimeExpression]:  # noqa: ANN001
    """Temporal expressions in the given blocks (article offsets). ``future_at(offset)`` tells whether the clause
    at an offset speaks of the future (to read "Monday" forwards or backwards); ``in_quote(offset)`` whether it
    lies in a quotation — "today" in a quotation is the day last named in the narrative, not the article's date;
    ``past_at(offset)`` whether it is told in the past (a month named in the past is the last one)."""
    anchor = anchor or article.meta.date
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
                if kind in ("md", "range", "tail") and m.group("m").lower().rstrip(".") == "may" and \
                        not m.group("m")[0].isupper():
                    continue
                if kind == "month" and m.group("m") in ("March", "May") and m.group("lic") in ("and", "or", "Of", "of"):
                    continue  # "Ann and May", "the Ides of March" stay apart from "in March"
                here = anchor
                if kind == "deictic" and in_quote is not None and in_quote(b) and anchor is not None:
                    # the day the narration named, not another deixis of the quotations ("last night, … and
                    # yesterday morning …" said on Thursday: both count back from Thursday)
                    here = _narrative_day([t for t in out if not in_quote(t.span.begin)], anchor) or anchor
                if kind == "anaphoric":  # "that day", "the next day": the day the narrative last named
                    value, gran = _anaphoric(m, out, b), "day"
                else:
                    value, gran = normalise(kind, m, here, _future(kind, future_at, b),
                                            past=kind in _DATED + ("relday", "overnight") and past_at is not None and
                                            past_at(b))
                if m.groupdict().get("x"):  # the expression proper, without the word that licensed it
                    b, e = begin + m.start("x"), begin + m.end("x")
                taken.append((b, e))
                relative = kind in ("md", "dm", "range", "tail", "season", "monthyear", "weekday", "relday",
                                    "relative", "weekend", "deictic", "anaphoric", "ago", "overnight")
                out.append(TimeExpression(key="", span=article.span(b, e), value=value,
                                          anchor=anchor if relative and value else None, granularity=gran))
    out.sort(key=lambda t: t.span.begin)
    _listed_year(article, out)
    _clock_days(article, out, anchor)
    for i, t in enumerate(out, 1):
        t.key = f"t{i}"
    return out


# Kinds whose year is chosen by the tense of their clause: a month or a day of a month without a year.
_DATED = ("month", "md", "dm", "dofm", "range", "tail")


def _future(kind: str, future_at, at: int) -> bool:  # noqa: ANN001
    """Whether the clause of a match speaks of the future: a weekday reads forwards on a timetable's present ("the
    court hears the case on Monday"); a month or a date moves into the next year only on a modal or a plan."""
    if kind in ("weekday", "relday", "weekend"):
        return future_at(at)
    if kind in _DATED or kind == "overnight":
        return future_at(at, strict=True)
    return False


# What follows a day of a list whose year closes the list: ", August 7, and August 21, in 2023".
_LIST_YEAR = re.compile(rf"(?:,? (?:and )?{_MONTH} {_DAY})*,? (?:and )?(?:in |of )?(?P<y>{_YEAR})\b")


def _listed_year(article: Article, found: list[TimeExpression]) -> None:
    """ "paid on March 3, April 9, and May 21, in 2022": the year that closes a list of days is each
    day's (a day without a year otherwise takes the year nearest the article's date)."""
    for t in found:
        if t.granularity != "day" or not t.value or len(t.value) != 10 or re.search(r"\d{4}", t.span.text):
            continue
        m = _LIST_YEAR.match(article.text, t.span.end)
        if m is not None and m.group("y") != t.value[:4]:
            t.value = m.group("y") + t.value[4:]


def _clock_days(article: Article, found: list[TimeExpression], anchor: dt.date | None) -> None:
    """A time of day falls on the day its sentence names ("at 9 a.m. local time tomorrow"), else on the day of the
    story (the first day of the article's week it names: "On Friday, … around 2:00 p.m."), else on the article's
    date."""
    days = [t for t in found if t.value and len(t.value) == 10 and t.granularity == "day"]
    for t in found:
        if t.granularity != "clock":
            continue
        t.granularity = "day"
        near = [d for d in days if not _SENTENCE_BREAK.search(article.text[min(d.span.end, t.span.end):
                                                                        max(d.span.begin, t.span.begin)])]
        if near:
            t.value = min(near, key=lambda d: abs(d.span.begin - t.span.begin)).value
        elif anchor is not None:
            lead = next((d for d in days if 0 <= (anchor - dt.date.fromisoformat(d.value)).days <= 7), None)
            t.value = lead.value if lead is not None else anchor.isoformat()
        t.anchor = anchor if t.value else None


_SENTENCE_BREAK = re.compile(r"[.!?][”’\"']?\s+[A-Z“‘\"]|\n")


def _times(work: Work) -> None:
    parsed = work.parsed
    work.put(times=find_times(parsed.article, [(pb.block.span.begin, pb.block.span.end) for pb in parsed.blocks],
                              work.future_at, work.coref.in_quote, work.past_at, work.article_date))


def _not_before(work: Work) -> None:
    found = work.extraction
    if work.parsed.article.meta.date is None:
        # an undated article was written no earlier than the latest full date it names
        days = [t.value for t in work.times if t.value and len(t.value) == 10 and t.anchor is None]
        found.not_before = dt.date.fromisoformat(max(days)) if days else None
    work.put(not_before=found.not_before)


TIMES = Step("times", ("parsed", "coref", "future_at", "past_at", "article_date"), ("times",), _times,
             "time expressions with their calendar values, relative ones resolved against the article's date")
NOT_BEFORE = Step("not before", ("extraction", "times"), ("not_before",), _not_before,
                  "an undated article was written no earlier than the latest full date it names")
