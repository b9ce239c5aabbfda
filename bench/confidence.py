"""How far a statement's confidence can be trusted: precision and speaker accuracy of the statements of each
confidence value, against the gold.

    .venv/bin/python -m bench.confidence [--gold tests/gold/corpus] [--split dev]

For every gold article, the article is extracted and linked as ``kg eval`` does; each system statement counts under
its ``confidence`` (README, "Confidence"): as right when it matches a gold statement (contents overlapping by at least
half of the smaller one, one-to-one: :func:`kg.eval.evaluate.match_statements`), and, of those whose gold statement
names a speaker, as having the right speaker when the actor alignment of ``kg eval`` maps its speaker to the gold's.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import defaultdict
from pathlib import Path

from bench.quotes import gold_files
from kg.eval.evaluate import align_actors, match_statements

ROOT = Path(__file__).resolve().parent.parent


def bands(gold_dir: Path, split: str | None) -> dict[float, list[int]]:
    """confidence → [statements, matched, matched with a gold speaker, of those with the right speaker]."""
    from kg.eval.scoring import to_gold_schema
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest
    from kg.pipeline.link.linking import link

    out: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for gold, text in gold_files(gold_dir, split):
        article = ingest(text, date=dt.date.fromisoformat(gold["date"]) if gold.get("date") else None)
        x = link(extract(article), text=article.text)
        system = to_gold_schema(article, x)
        confidence = {s.key: s.confidence for s in x.statements}
        amap = align_actors(gold, system)
        matched = {j: i for i, j in match_statements(gold, system).items()}
        for j, s in enumerate(system["statements"]):
            row = out[round(confidence[s["id"]], 2)]
            row[0] += 1
            if j not in matched:
                continue
            row[1] += 1
            speaker = gold["statements"][matched[j]].get("speaker")
            if speaker:
                row[2] += 1
                row[3] += amap.get(str(s.get("speaker"))) == str(speaker)
    return out


def table(rows: dict[float, list[int]]) -> str:
    lines = ["| confidence | statements | precision | speaker |", "|---:|---:|---:|---:|"]
    for c in sorted(rows, reverse=True):
        n, ok, judged, right = rows[c]
        lines.append(f"| {c:.2f} | {n} | {100 * ok / n:.1f} | {f'{100 * right / judged:.1f}' if judged else '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "corpus")
    ap.add_argument("--split", default="dev", help="dev (default), test, or all")
    args = ap.parse_args(argv)
    print(table(bands(args.gold, None if args.split == "all" else args.split)))


if __name__ == "__main__":
    main()
