"""A peer, side by side: direct quotations found by newskg and by textacy's ``direct_quotations``, on the same gold.

    .venv/bin/python -m bench.quotes [--gold tests/gold/corpus] [--split dev] [--by desk]

textacy (``pip install -e ".[bench]"``) runs ``textacy.extract.triples.direct_quotations`` over the article's text
(the blocks extraction reads, as one spaCy ``Doc`` of the same model; where textacy refuses a text for an odd
number of quote marks, each block on its own), in the same run as newskg's extraction.
For both systems, over the gold's direct quotations:

- recall: gold direct quotes matched one-to-one by a system quotation (contents overlapping by at least half of
  the smaller one: :func:`kg.eval.evaluate.match_statements`); newskg's quotations are its direct and mixed statements
  (those that carry quoted words; whether the type is right is ``kg eval``'s quote-type figure), textacy's are all
  its triples;
- speaker accuracy: of the matched ones, those whose speaker is the gold speaker — newskg's speaker through the
  actor alignment of ``kg eval``; textacy's speaker tokens through the gold actor whose mention they overlap most
  (a pronoun counts when the gold annotates it as a mention of the speaker);
- precision: system quotations that match a gold statement of any type.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from kg.eval.evaluate import align_actors, match_statements

ROOT = Path(__file__).resolve().parent.parent


def gold_files(gold_dir: Path, split: str | None) -> list[tuple[dict[str, Any], Path]]:
    """(gold, text path) of each gold file of ``split`` (None: all) whose text is present."""
    from kg.eval.scoring import _split_of, load_gold

    out = []
    for f in sorted(gold_dir.glob("*.json")):
        if split is not None and _split_of(f) != split:
            continue  # the other part is not read
        gold, text = load_gold(f)
        if text.exists():
            out.append((gold, text))
    return out


def textacy_quotes(article) -> list[dict[str, Any]]:  # noqa: ANN001 - kg.model.Article
    """textacy's direct quotations over the text extraction reads (headline to the last content block)."""
    import textacy.extract.triples as triples

    from kg.pipeline.nlp import load

    blocks = article.content_blocks
    end = blocks[-1].span.end if blocks else 0
    try:
        return _triples(triples, load()(article.text[:end]), 0)
    except ValueError:  # textacy bails out on an odd number of marks: give it each block on its own instead
        out = []
        for b in blocks:
            try:
                out += _triples(triples, load()(b.span.text), b.span.begin)
            except ValueError:
                continue
        return out


def _triples(triples, doc, offset: int) -> list[dict[str, Any]]:  # noqa: ANN001
    out = []
    for q in triples.direct_quotations(doc):
        content = q.content
        speaker = [[offset + t.idx, offset + t.idx + len(t.text)] for t in q.speaker]
        out.append({"content": [[offset + content.start_char, offset + content.end_char]],
                    "speaker_spans": speaker})
    return out


def _strip_marks(text: str, span: list[int]) -> list[int]:
    """textacy's content includes the quote marks; the gold's excludes them."""
    b, e = span
    while b < e and text[b] in "\"“”‘’'«» ":
        b += 1
    while e > b and text[e - 1] in "\"“”‘’'«» ,.":
        e -= 1
    return [b, e]


def _actor_by_spans(gold: dict[str, Any], spans: list[list[int]]) -> str | None:
    best, best_n = None, 0
    for a in gold.get("actors", []):
        n = sum(max(0, min(e, m[1]) - max(b, m[0])) for b, e in spans for m in a.get("mentions", []))
        if n > best_n:
            best, best_n = str(a["id"]), n
    return best


def score(gold: dict[str, Any], quotes: list[dict[str, Any]], speakers: list[str | None]) -> dict[str, int]:
    """Counts for one article: gold direct quotes, found, right speaker; system direct quotes, matching any gold."""
    direct = [s for s in gold.get("statements", []) if s.get("quote_type") == "direct"]
    sys_direct = {"statements": [{"content": q["content"]} for q in quotes]}
    m = match_statements({"statements": direct}, sys_direct)
    any_m = match_statements(gold, sys_direct)
    ok = sum(1 for i, j in m.items() if speakers[j] is not None and speakers[j] == direct[i].get("speaker"))
    return {"gold": len(direct), "found": len(m), "speaker_ok": ok, "sys": len(quotes), "sys_ok": len(any_m)}


def run(gold_dir: Path, split: str | None, by: str | None) -> dict[str, dict[str, dict[str, int]]]:
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest
    from kg.pipeline.link.linking import link
    from kg.eval.scoring import to_gold_schema

    totals: dict[str, dict[str, dict[str, int]]] = {}
    for gold, path in gold_files(gold_dir, split):
        date = dt.date.fromisoformat(gold["date"]) if gold.get("date") else None
        article = ingest(path, date=date)
        group = str(gold.get(by) or "-") if by else "all"
        # newskg
        ours = to_gold_schema(article, link(extract(article), text=article.text))
        amap = align_actors(gold, ours)
        mine = [s for s in ours["statements"] if s["quote_type"] in ("direct", "mixed")]
        counts = {"newskg": score(gold, [{"content": s["content"]} for s in mine],
                                  [amap.get(str(s["speaker"])) if s["speaker"] else None for s in mine])}
        # textacy
        theirs = textacy_quotes(article)
        for q in theirs:
            q["content"] = [_strip_marks(article.text, q["content"][0])]
        counts["textacy"] = score(gold, theirs, [_actor_by_spans(gold, q["speaker_spans"]) for q in theirs])
        for system, c in counts.items():
            for g in (group, "overall") if by else ("overall",):
                row = totals.setdefault(g, {}).setdefault(system, dict.fromkeys(c, 0))
                for k, v in c.items():
                    row[k] += v
    return totals


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def table(totals: dict[str, dict[str, dict[str, int]]]) -> str:
    lines = ["| group | system | direct quotes | recall | speaker | precision |", "|---|---|---:|---:|---:|---:|"]
    for group in sorted(totals, key=lambda g: (g == "overall", g)):
        for system, c in sorted(totals[group].items()):
            lines.append(f"| {group} | {system} | {c['gold']} | {_pct(c['found'], c['gold'])} | "
                         f"{_pct(c['speaker_ok'], c['found'])} | {_pct(c['sys_ok'], c['sys'])} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "corpus")
    ap.add_argument("--split", choices=["dev", "test"], default=None)
    ap.add_argument("--by", choices=["desk", "split"], default=None)
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args()
    totals = run(args.gold, args.split, args.by)
    print(json.dumps(totals, indent=2) if args.json else table(totals))


if __name__ == "__main__":
    main()
