"""Quote coverage without gold: how much of what an article puts between quotation marks extraction turns into
direct quotations, and which speakers look doubtful.

    .venv/bin/python -m bench.quote_coverage DIR [--index DIR/index.tsv] [--list] [--textacy] [--json OUT]

For every text of DIR (the files an index lists, else every ``*.txt``), the article is ingested (with the date the
index gives in its ``published`` or ``date`` column) and extracted, and three things are counted:

(a) **quotation-mark spans no direct or mixed statement covers.** The spans are found here, independently of
    extraction's own quote finder, by a deliberately plain rule (:func:`quotation_spans`):

    - a span runs from an opening mark to its closing mark in the same paragraph: “…”, "…", «…», and single marks
      ‘…’ and '…' — a single opening mark must follow a space, the paragraph's start or an opening bracket or dash
      and precede a letter, a closing one must follow a non-space and not precede a letter, so the apostrophes of
      "don't", "Russia's" and "'90s" never open or close a span; a straight mark may close a curly one and the
      other way round (scraped text mixes them);
    - a paragraph that opens a double quote and never closes it is a span to the paragraph's end (the convention of
      quotations running over several paragraphs);
    - a span counts when it has at least **4 words** and is not a **title**: more than half of its words beyond
      the first capitalised ("Rivers, Their Banks and Their People") — shorter spans are scare quotes, names and
      quoted phrases, which the gold does not count as direct quotations either;
    - spans inside another counted span (a quotation inside a quotation) and spans in the headline are not counted
      (a headline's quotation is a summary; see (c)).

    A span is **covered** when the contents of the article's direct and mixed statements overlap at least half of
    it. covered / counted estimates direct-quote recall; the estimate is high where a statement claims a quotation
    with the wrong speaker (see (b)) and low where an article quotes a film title, a slogan or a sign of four words.

(b) **doubtful speakers**: statements whose speaker is missing, or is an actor labelled by a pronoun, by a role noun
    alone ("coach", "the officer"), a country or place, or reached through a document, while a person is named in
    the same or the previous paragraph. These are suspects, not errors: "the ministry said in a statement" is right
    where the ministry is the speaker.

(c) **headline statements**: statements whose content lies in the headline.

``--textacy`` (``pip install -e ".[bench]"``) adds a recall oracle: textacy's ``direct_quotations`` over the same
text (bench.quotes), with the quotations it finds that newskg's direct and mixed statements miss, and the other way
round. Its speakers are not compared (it names tokens, not actors).

Limits: no gold is read, so nothing here says that a covered quotation has the right speaker or the right extent;
the span rule knows nothing of the article's house style (a British article's apostrophe-heavy text can still yield
a span between two apostrophes), and quotations without marks (Q&A answers, transcripts) are invisible to it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MIN_WORDS = 4
_OPENERS = " \n\t([{—–-/:"
_PAIRS = {"“": "”", "«": "»", '"': '"', "‘": "’", "'": "'"}
_CLOSERS = {"”": ('"', "”"), "»": ("»",), '"': ('"', "”"), "’": ("’", "'"), "'": ("'", "’")}
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "its", "their"}
_WORD = re.compile(r"[\w’'-]+")


@dataclass
class Mark:
    begin: int  # the inner text, without the marks
    end: int
    text: str
    kind: str  # double, single or open (a paragraph that never closes its quotation)


@dataclass
class FileReport:
    file: str
    spans: int = 0
    covered: int = 0
    statements: int = 0
    direct: int = 0
    uncovered: list[str] = field(default_factory=list)
    suspects: list[str] = field(default_factory=list)
    headline: list[str] = field(default_factory=list)
    textacy_only: list[str] = field(default_factory=list)
    newskg_only: list[str] = field(default_factory=list)
    textacy: int = 0


def _opens(text: str, i: int, single: bool) -> bool:
    before_ok = i == 0 or text[i - 1] in _OPENERS or text[i - 1] in "\"“‘'"
    if not single:
        return before_ok and i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and i + 1 < len(text) and text[i + 1].isalpha()


def _closes(text: str, k: int, single: bool) -> bool:
    after = text[k + 1] if k + 1 < len(text) else " "
    if single:
        return not text[k - 1].isspace() and not after.isalnum()
    return not after.isalnum()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_title(text: str) -> bool:
    """More than half of the words after the first start with a capital letter ("The Fabric of Dreams")."""
    words = _words(text)[1:]
    return bool(words) and sum(1 for w in words if w[:1].isupper()) * 2 > len(words)


def quotation_spans(text: str, begin: int, end: int) -> list[Mark]:
    """Quotation-mark spans of one paragraph ``text[begin:end]`` (outermost only), by the rule of the module doc."""
    out: list[Mark] = []
    i = begin
    while i < end:
        c = text[i]
        single = c in "‘'"
        if c not in _PAIRS or not _opens(text, i, single):
            i += 1
            continue
        closers = {_PAIRS[c]} | set(_CLOSERS.get(_PAIRS[c], ()))
        k = i + 1
        while k < end and not (text[k] in closers and k > i + 1 and _closes(text, k, single)):
            k += 1
        if k >= end:
            if not single and text[i + 1 : end].strip():
                out.append(Mark(i + 1, end, text[i + 1 : end], "open"))
                break
            i += 1
            continue
        out.append(Mark(i + 1, k, text[i + 1 : k], "single" if single else "double"))
        i = k + 1
    return out


def counted(mark: Mark) -> bool:
    return len(_words(mark.text)) >= MIN_WORDS and not is_title(mark.text)


def article_spans(article) -> list[Mark]:  # noqa: ANN001 - kg.model.Article
    """Counted spans of the article's paragraphs (not its headline, standfirst or footer)."""
    out = []
    for b in article.blocks:
        if b.kind not in ("paragraph", "heading"):
            continue
        out += [m for m in quotation_spans(article.text, b.span.begin, b.span.end) if counted(m)]
    return out


def _overlap(b: int, e: int, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e, y) - max(b, x)) for x, y in spans)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _role_only(label: str) -> bool:
    words = _words(label)
    return bool(words) and not any(w[:1].isupper() for w in words[1:]) and \
        (not words[0][:1].isupper() or words[0].lower() in {"the", "a", "an"} or len(words) == 1
         and label[:1].islower())


def suspects(article, x) -> list[str]:  # noqa: ANN001 - Article, Extraction
    """Statements whose speaker is missing, a pronoun, a bare role, a country or a document, a person named near."""
    actors = {a.key: a for a in x.actors}
    paragraphs = [b.span for b in article.blocks if b.kind != "footer"]

    def named_person_near(at: int) -> str | None:
        here = next((n for n, p in enumerate(paragraphs) if p.begin <= at < p.end), None)
        if here is None:
            return None
        lo, hi = paragraphs[max(0, here - 1)].begin, paragraphs[here].end
        for a in x.actors:
            if a.kind == "person" and not _role_only(a.label) and a.label.lower() not in _PRONOUNS and \
                    any(lo <= m.span.begin < hi and m.kind == "name" for m in a.mentions):
                return a.label
        return None

    out = []
    for s in x.statements:
        speaker = actors.get(s.speaker or "")
        why = None
        if speaker is None:
            why = "no speaker"
        elif speaker.label.lower() in _PRONOUNS:
            why = f"pronoun speaker {speaker.label!r}"
        elif speaker.kind == "person" and _role_only(speaker.label):
            why = f"role speaker {speaker.label!r}"
        elif speaker.kind == "country":
            why = f"country speaker {speaker.label!r}"
        elif s.evidence == "document":
            why = f"document speaker {speaker.label!r}"
        if why is None:
            continue
        near = named_person_near(s.begin)
        if speaker is None or near is not None:
            out.append(f"{why}{f' ({near} named near)' if near else ''}: [{s.quote_type}] {_short(s.quote)}")
    return out


def check(article, x, with_textacy: bool = False) -> FileReport:  # noqa: ANN001 - Article, Extraction
    rep = FileReport(article.id)
    quoted = [s for s in x.statements if s.quote_type in ("direct", "mixed")]
    spans = [(c.begin, c.end) for s in quoted for c in s.content]
    marks = article_spans(article)
    rep.statements, rep.direct, rep.spans = len(x.statements), len(quoted), len(marks)
    for m in marks:
        if _overlap(m.begin, m.end, spans) * 2 >= m.end - m.begin:
            rep.covered += 1
        else:
            rep.uncovered.append(f"[{m.kind}] {_short(m.text)}")
    rep.suspects = suspects(article, x)
    head = article.headline
    if head is not None:
        rep.headline = [f"[{s.quote_type}] {_short(s.quote)}" for s in x.statements
                        if any(head.begin <= c.begin < head.end for c in s.content)]
    if with_textacy:
        from bench.quotes import _strip_marks, textacy_quotes

        theirs = [_strip_marks(article.text, q["content"][0]) for q in textacy_quotes(article)]
        rep.textacy = len(theirs)
        for b, e in theirs:
            if _overlap(b, e, spans) * 2 < max(1, e - b):
                rep.textacy_only.append(_short(article.text[b:e]))
        for s in quoted:
            if not any(_overlap(c.begin, c.end, [tuple(t) for t in theirs]) * 2 >= len(c) for c in s.content):
                rep.newskg_only.append(f"[{s.quote_type}] {_short(s.quote)}")
    return rep


def _index(path: Path | None) -> dict[str, dt.date | None]:
    if path is None or not path.is_file():
        return {}
    out: dict[str, dt.date | None] = {}
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        day = row.get("published") or row.get("date") or ""
        try:
            out[row["file"]] = dt.date.fromisoformat(day) if day else None
        except ValueError:
            out[row["file"]] = None
    return out


def run(folder: Path, index: Path | None = None, with_textacy: bool = False) -> list[FileReport]:
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest

    dates = _index(index if index is not None else folder / "index.tsv")
    files = [folder / f for f in dates] if dates else sorted(folder.glob("*.txt"))
    reports = []
    for f in files:
        article = ingest(f, date=dates.get(f.name))
        reports.append(check(article, extract(article), with_textacy))
    return reports


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def table(reports: list[FileReport], with_textacy: bool = False, listing: bool = False) -> str:
    head = "| file | spans | covered | coverage | statements | direct+mixed | suspects | headline |"
    lines = [head + (" textacy | textacy only | newskg only |" if with_textacy else ""),
             "|---" * (head.count("|") - 1 + (3 if with_textacy else 0)) + "|"]
    for r in reports:
        row = f"| {r.file} | {r.spans} | {r.covered} | {_pct(r.covered, r.spans)} | {r.statements} | {r.direct} | " \
              f"{len(r.suspects)} | {len(r.headline)} |"
        if with_textacy:
            row += f" {r.textacy} | {len(r.textacy_only)} | {len(r.newskg_only)} |"
        lines.append(row)
    tot = {k: sum(getattr(r, k) for r in reports) for k in ("spans", "covered", "statements", "direct", "textacy")}
    row = f"| **total** | {tot['spans']} | {tot['covered']} | {_pct(tot['covered'], tot['spans'])} | " \
          f"{tot['statements']} | {tot['direct']} | {sum(len(r.suspects) for r in reports)} | " \
          f"{sum(len(r.headline) for r in reports)} |"
    if with_textacy:
        row += f" {tot['textacy']} | {sum(len(r.textacy_only) for r in reports)} | " \
               f"{sum(len(r.newskg_only) for r in reports)} |"
    lines.append(row)
    if listing:
        for r in reports:
            items = [("uncovered", r.uncovered), ("suspect", r.suspects), ("headline", r.headline),
                     ("textacy only", r.textacy_only), ("newskg only", r.newskg_only)]
            if any(v for _, v in items):
                lines.append(f"\n{r.file}")
                lines += [f"  {k}: {v}" for k, vs in items for v in vs]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--index", type=Path, help="tab-separated index (file, published or date); default DIR/index.tsv")
    ap.add_argument("--list", action="store_true", help="list the uncovered spans, suspects and headline statements")
    ap.add_argument("--textacy", action="store_true", help="compare with textacy's direct_quotations")
    ap.add_argument("--json", type=Path, help="write the per-file reports as JSON")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"quote_coverage: error: {args.folder} is not a folder", file=sys.stderr)
        return 2
    reports = run(args.folder, args.index, args.textacy)
    print(table(reports, args.textacy, args.list))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in reports], indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
