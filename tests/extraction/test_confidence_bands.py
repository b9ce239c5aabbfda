"""bench.confidence: statements counted under their confidence against a gold file, right and wrong ones apart."""

from __future__ import annotations

import json
from pathlib import Path

from bench.confidence import bands, table

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "tests" / "gold" / "wang-yi-blinken-call.json"


def _gold_dir(tmp_path: Path, *, drop_statements: int = 0) -> Path:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    gold["path"] = str((SEED_GOLD.parent / gold["path"]).resolve())
    if drop_statements:
        gold["statements"] = gold["statements"][drop_statements:]
    (tmp_path / SEED_GOLD.name).write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_every_statement_of_the_seed_is_counted_and_right(tmp_path):
    rows = bands(_gold_dir(tmp_path), None)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert sum(r[0] for r in rows.values()) >= len(gold["statements"])
    assert sum(r[1] for r in rows.values()) == len(gold["statements"])  # the seed's 14 are all found
    assert all(r[3] == r[2] for r in rows.values())  # with their speakers
    assert table(rows).splitlines()[0] == "| confidence | statements | precision | speaker |"


def test_a_statement_the_gold_lacks_counts_as_wrong(tmp_path):
    (tmp_path / "all").mkdir()
    (tmp_path / "fewer").mkdir()
    full = bands(_gold_dir(tmp_path / "all"), None)
    fewer = bands(_gold_dir(tmp_path / "fewer", drop_statements=3), None)
    assert sum(r[0] for r in fewer.values()) == sum(r[0] for r in full.values())
    assert sum(r[1] for r in fewer.values()) == sum(r[1] for r in full.values()) - 3
