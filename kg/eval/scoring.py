"""``kg eval GOLD_DIR``: run extraction on each gold article and score it (see tests/gold/README.md, kg.eval.evaluate).

The extraction is turned into the gold files' JSON schema so that :mod:`kg.eval.evaluate` compares like with like.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, InputError
from kg.model import Article, Extraction, Span


def _span(s: Span) -> list[int]:
    return [s.begin, s.end]


# The gold schema's code for an event that is no interaction CAMEO codes (an election, a storm, a match): its
# fallback (tests/gold/README.md, "CAMEO"); the ontology leaves such types without a notation.
FALLBACK_CAMEO = "010"


def to_gold_schema(article: Article, x: Extraction) -> dict[str, Any]:
    """The extraction in the gold files' schema (ids are the extraction's keys; an event type without a CAMEO code
    takes the schema's fallback code)."""
    from kg.vocab import cameo

    return {
        "article": article.id,
        "actors": [{"id": a.key, "label": a.label, "type": a.kind,
                    "wikidata": a.links.get("wikidata", "").rsplit("/", 1)[-1] or None,
                    "mentions": [_span(m.span) for m in a.mentions]} for a in x.actors],
        "places": [{"id": p.key, "label": p.label, "wikidata": p.links.get("wikidata", "").rsplit("/", 1)[-1] or None,
                    "mentions": [_span(m.span) for m in p.mentions]} for p in x.places],
        "statements": [{"id": s.key, "content": [_span(c) for c in s.content], "quote_type": s.quote_type,
                        "speaker": s.speaker, "addressee": s.addressee, "reported_by": s.reported_by,
                        "cue": _span(s.cue) if s.cue else None, "event": s.event} for s in x.statements],
        "events": [{"id": e.key, "label": e.label, "cameo": cameo(e.type) or FALLBACK_CAMEO, "mentions": [_span(m) for m in e.mentions],
                    "participants": [{"actor": p.actor, "role": p.role} for p in e.participants],
                    "time": e.time, "place": e.place, "modality": e.modality, "parent": e.parent}
                   for e in x.events],
        "times": [{"id": t.key, "span": _span(t.span), "value": t.value} for t in x.times],
    }


def load_gold(path: Path) -> tuple[dict[str, Any], Path]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text_path = (path.parent / gold["path"]).resolve()
    return gold, text_path


def system_output(text_path: Path, date: str | None) -> dict[str, Any]:
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest
    from kg.pipeline.link.linking import link

    article = ingest(text_path, date=dt.date.fromisoformat(date) if date else None)
    return to_gold_schema(article, link(extract(article), text=article.text))


GROUPS = ("article", "desk", "split")


def evaluate_dir(gold_dir: Path, *, split: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """Scores over every gold file whose article text is present; the names of the skipped ones. ``split``
    ("dev", "test") keeps only the gold files of that part of the evaluation corpus."""
    from kg.eval.evaluate import score_corpus

    pairs, skipped = [], []
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise ConfigError(f"{gold_dir}: no gold files (*.json)")
    for f in files:
        if split is not None and _split_of(f) != split:
            continue  # the other part is not even read (the test part is scored only to report)
        gold, text_path = load_gold(f)
        if not text_path.exists():
            skipped.append(f"{f.name} (article text {gold['path']} absent)")
            continue
        try:
            pairs.append((gold, system_output(text_path, gold.get("date"))))
        except InputError as e:
            skipped.append(f"{f.name} ({e})")
    if split is not None and not pairs and not skipped:
        raise ConfigError(f"{gold_dir}: no gold files of the {split!r} split")
    return score_corpus(pairs, desks(gold_dir)), skipped


def desks(gold_dir: Path) -> dict[str, str]:
    """Article → desk, from a corpus index beside the gold (``index.tsv`` in the gold folder, or in a ``corpus``
    folder next to it) with a ``desk`` column and an ``article`` (or ``id``) column; a gold file's own ``desk``
    field is read by the scorer."""
    import csv

    out: dict[str, str] = {}
    for index in (gold_dir / "index.tsv", gold_dir.parent / "corpus" / "index.tsv"):
        if not index.is_file():
            continue
        lines = [ln for ln in index.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            name = row.get("article") or row.get("id") or Path(row.get("path") or row.get("file") or "").stem
            if name and row.get("desk"):
                out.setdefault(name, row["desk"])
    return out


def _split_of(path: Path) -> str | None:
    """The split a gold file declares, read without parsing the rest of it."""
    import re

    head = path.read_text(encoding="utf-8")[:2000]
    m = re.search(r'"split"\s*:\s*"([^"]+)"', head)
    return m.group(1) if m else None


def grouped(result: dict[str, Any], gold_dir: Path, by: str) -> dict[str, Any]:
    """Rows by desk or by split instead of by article (counts summed within each group)."""
    from kg.eval.evaluate import group_results

    if by == "article":
        return result
    key_of = {}
    for f in gold_dir.glob("*.json"):
        gold = json.loads(f.read_text(encoding="utf-8"))
        key_of[str(gold.get("article"))] = str(gold.get(by) or "-")
    out = group_results(result, key_of)
    out["row_name"] = by
    return out


def run(gold_dir: Path, *, markdown: bool = False, split: str | None = None, by: str = "article") -> str:
    from kg.eval.tables import format_linking, format_markdown, format_table

    if by not in GROUPS:
        raise ConfigError(f"--by {by!r}: one of {', '.join(GROUPS)}")
    result, skipped = evaluate_dir(gold_dir, split=split)
    result = grouped(result, gold_dir, by)
    out = format_markdown(result) if markdown else format_table(result)
    out += "\n\nLinking" + (" per desk" if result.get("desks") else "") + ":\n" + format_linking(result, markdown=markdown)
    if skipped:
        out += "\nskipped: " + "; ".join(skipped)
    return out
