"""The named queries are a public interface: each parses, runs on the seed and returns its promised columns."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from tests.conftest import KG, ROOT

COLUMNS = {
    "statements": "statement article speaker speakerLabel quote quoteType cue addressee addresseeLabel reportedBy "
                  "reportedByLabel event begin end",
    "actors": "actor label type wikidata dbpedia mentions",
    "events": "event label type cameo date dateText modality participant participantLabel role begin end",
    "positions": "person personLabel post postLabel organization organizationLabel date surface",
}
QUERIES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))


def run_query(store: Path, name: str) -> list[dict[str, str]]:
    out = subprocess.run(KG + ["query", str(ROOT / "queries" / f"{name}.rq"), "--store", str(store),
                               "--format", "csv"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def test_every_query_file_has_a_comment_saying_what_it_answers():
    for name in QUERIES:
        first = (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8").lstrip()
        assert first.startswith("#"), name


@pytest.mark.parametrize("name", QUERIES)
def test_query_runs_on_the_seed(seed_store: Path, name: str):
    rows = run_query(seed_store, name)
    assert rows, f"{name} returned no rows on the seed"
    if name in COLUMNS:
        assert set(COLUMNS[name].split()) <= set(rows[0])


def test_statements_are_in_text_order_with_types(seed_store: Path):
    rows = run_query(seed_store, "statements")
    begins = [int(r["begin"]) for r in rows]
    assert begins == sorted(begins)
    assert {r["quoteType"] for r in rows} <= {"direct", "indirect", "mixed"}
    seed = (ROOT / "data" / "articles" / "wang-yi-blinken-call.txt").read_text(encoding="utf-8")
    for r in rows:
        assert int(r["begin"]) < int(r["end"]) <= len(seed)
        assert r["speakerLabel"]


def test_actor_mentions_are_counted(seed_store: Path):
    rows = {r["label"]: r for r in run_query(seed_store, "actors")}
    assert int(rows["Wang Yi"]["mentions"]) >= 5
    assert rows["Wang Yi"]["type"].endswith("#Person")
    assert rows["China"]["type"].endswith("#Country")
