"""The article's date from its own text, when the metadata gives none.

News prints its date in two places that the metadata may not carry:

- a date line near the top ("Monday, 12 March 2019", "Published: March 12, 2019 10:31 GMT", "Updated 2019-03-12"),
  a short block of its own among the first few;
- the dateline of the first paragraph ("LONDON, Oct 31 (Agency) –"), whose month and day are the day of filing; its
  year is the one that puts that day nearest the latest full date the article names (news is filed close to what
  it reports), and without any full date in the text it stays unknown: a year is never guessed.

A date found this way is marked inferred, with a note saying where it came from; a dateline without a date
("WASHINGTON (AP) —") gives nothing. A date the metadata gives always wins.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span as SpacySpan

from kg import lexicon
from kg.extraction.steps import Step, Work
from kg.extraction.time import MONTHS, nearest_year
from kg.model import Article

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"  # a weekday, whole or cut short
_FULL_DATE = (rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?P<m1>{_MONTH}),? (?P<y1>(?:19|20)\d\d)"
              rf"|(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>(?:19|20)\d\d)"
              rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))")
# A date in figures: "18/11/2004" (day first, as its 18 shows), "12/29/2004" (month first); "02/12/2004" could be
# either and gives nothing.
_NUMERIC = r"(?P<a4>\d{1,2})/(?P<b4>\d{1,2})/(?P<y4>(?:19|20)\d\d)"
# A block that is only a date, perhaps with a label, a weekday, a time of day and the print page ("Thursday, March
# 12, 2019; Page A01", "(Filed: 12/03/2019)", "12/03/2019 - 17:36:52").
_DATE_LINE = re.compile(
    rf"^\(?(?:(?:Published|Updated|Posted|Last updated|First published|Filed|Date)(?: on)?:?\s+)?(?:{WEEKDAY},? )?"
    rf"(?:{_FULL_DATE}|{_NUMERIC})(?:(?:,| at| -| –| \|)? ?\d{{1,2}}[:.]\d\d(?::\d\d)?(?: ?[AaPp]\.?[Mm]\.?)?"
    rf"(?: [A-Z]{{2,4}})?)?(?:[;,] ?Page [A-Z]?\d{{1,3}})?\.?\)?$")
_PLACE = r"[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+)*"
# "LONDON, Oct 31 (Agency) –", "Paris, March 3, 2019 (Agency) -", "KYIV, Ukraine, Oct. 31 —"
_DATELINE_DAY = re.compile(rf"^{_PLACE}(?:, {_PLACE})*,? (?P<m>{_MONTH}) (?P<d>\d{{1,2}})(?:,? (?P<y>(?:19|20)\d\d))?"
                           rf"(?: \([^()\n]{{1,40}}\))?\s*(?:—|–|--|-)\s")
_ANY_FULL_DATE = re.compile(_FULL_DATE)
_TOP_BLOCKS = 4


def _month(s: str) -> int:
    return int(s) if s.isdigit() else MONTHS[s.lower().rstrip(".")]


def _full_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g.get("y4"):  # figures: the number past 12 is the day; where both could be a month, no date
        a, b = int(g["a4"]), int(g["b4"])
        if (a > 12) == (b > 12):
            return None
        try:
            return dt.date(int(g["y4"]), b if a > 12 else a, a if a > 12 else b)
        except ValueError:
            return None
    for i in "123":
        if g.get(f"y{i}"):
            try:
                return dt.date(int(g[f"y{i}"]), _month(g[f"m{i}"]), int(g[f"d{i}"]))
            except (ValueError, KeyError):
                return None
    return None


def dateline_date(article: Article) -> tuple[dt.date, str] | None:
    """(date, where it was read) from a date line near the top or the first paragraph's dateline; None if neither
    gives a full date."""
    top = [b for b in article.blocks if b.kind != "footer"][:_TOP_BLOCKS]
    for block in top:
        text = block.span.text.strip()
        if len(text) <= 60 and (m := _DATE_LINE.match(text)) and (d := _full_date(m)):
            return d, "from the date line at the top of the article"
    first = next((b for b in article.blocks if b.kind == "paragraph"), None)
    m = _DATELINE_DAY.match(first.span.text) if first is not None else None
    if m is None:
        return None
    try:
        month, day = _month(m["m"]), int(m["d"])
        if m["y"]:
            return dt.date(int(m["y"]), month, day), "from the dateline"
        named = [d for x in _ANY_FULL_DATE.finditer(article.text) if (d := _full_date(x))]
        if not named:
            return None
        filed = dt.date(nearest_year(month, day, max(named)), month, day)
        return filed, "from the dateline, in the year of the latest date the article names"
    except (ValueError, KeyError):
        return None


def filing_day(article: Article) -> dt.date | None:
    """The day a dated article was filed, when its dateline says so: "LONDON, March 12 (Agency) –" in an article
    the metadata dates March 13 (published, or collected, a day or three later). Its "yesterday" and "on Tuesday"
    count from the dateline's day; None when the dateline gives no day or one that is not that close before."""
    date = article.meta.date
    first = next((b for b in article.blocks if b.kind == "paragraph"), None)
    m = _DATELINE_DAY.match(first.span.text) if first is not None and date is not None else None
    if m is None or date is None:
        return None
    try:
        month, day = _month(m["m"]), int(m["d"])
        filed = dt.date(int(m["y"]) if m["y"] else nearest_year(month, day, date), month, day)
    except (ValueError, KeyError):
        return None
    return filed if 1 <= (date - filed).days <= 3 else None


def _article_date(work: Work) -> None:
    meta = work.parsed.article.meta
    if meta.date is None and (found := dateline_date(work.parsed.article)) is not None:
        meta.date, meta.date_inferred, meta.date_note = found[0], True, found[1]
    # the day relative times count from: the metadata's date, or the dateline's day of filing just before it
    work.put(article_date=filing_day(work.parsed.article) or meta.date)


ARTICLE_DATE = Step("article date", ("parsed",), ("article_date",), _article_date,
                    "an undated article's date from a date line at its top or its first paragraph's dateline; the "
                    "day relative times count from")


def after_dash(pb, ent: SpacySpan) -> SpacySpan | None:  # noqa: ANN001 - a ParsedBlock
    """The part of a recognised name after a dash set apart ("BERLIN - Chemists", "PARIS — Acme Corp": a
    dateline run into what follows it); None where that part names nothing ("Chemists")."""
    dashes = [t.i for t in ent if set_apart(t)]
    end = ent.end
    while dashes and dashes[-1] == end - 1:  # "Jo Roe - a painter": the dash after the name opens an aside
        end = dashes.pop()
    dash = dashes[-1] if dashes else None
    after = pb.doc[ent.start if dash is None else dash + 1 : end]
    return after if dash is None or any(t.pos_ == "PROPN" and t.lower_ not in lexicon.group_nouns() for t in after) \
        else None


def set_apart(tok) -> bool:  # noqa: ANN001 - a Token
    """A dash that separates phrases: an em dash, or a hyphen or an en dash with spaces on both sides (the hyphen
    of "well-known" and the en dash of "Export–Import" join words)."""
    return tok.text in ("—", "--") or tok.text in ("-", "–") and bool(tok.whitespace_) and tok.i > 0 and \
        bool(tok.doc[tok.i - 1].whitespace_)
