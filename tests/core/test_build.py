"""kg build / dump / query through the CLI: determinism, replacement, and bad input that changes nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import BASE, KG, SEED


def kg(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    import os

    run = subprocess.run(KG + list(args), capture_output=True, text=True, timeout=600,
                         env={**os.environ, **(env or {})})
    if check:
        assert run.returncode == 0, run.stderr
    return run


def sorted_nquads(store: Path) -> list[str]:
    out = kg("dump", "--store", str(store), "--format", "nq").stdout
    return sorted(line for line in out.splitlines() if line.strip())


def test_two_builds_give_identical_sorted_nquads(tmp_path: Path):
    env = {"SOURCE_DATE_EPOCH": "1643241600"}  # fixes the build time recorded in the provenance graph
    for name in ("a", "b"):
        kg("build", str(SEED), "--store", str(tmp_path / name), "--base-iri", BASE, env=env)
    a, b = sorted_nquads(tmp_path / "a"), sorted_nquads(tmp_path / "b")
    assert a == b and len(a) > 1000


def test_rebuild_replaces_the_article_graph(tmp_path: Path):
    store = tmp_path / "s"
    kg("build", str(SEED), "--store", str(store), "--base-iri", BASE)
    first = sorted_nquads(store)
    kg("build", str(SEED), "--store", str(store), "--base-iri", BASE, env={"SOURCE_DATE_EPOCH": "1"})
    second = sorted_nquads(store)
    article_graph = f"<{BASE}graph/article/wang-yi-blinken-call>"
    assert [q for q in first if article_graph in q] == [q for q in second if article_graph in q]
    assert len(first) == len(second)  # replaced, not added


@pytest.mark.parametrize("content, fragment", [
    (b"", "empty article"),
    (b"\x00\x01binary", "binary"),
    (b"\xff\xfe\xfa not utf-8", "not UTF-8"),
])
def test_bad_input_leaves_store_unchanged(tmp_path: Path, content: bytes, fragment: str):
    """A bad file alone is refused with nothing written (exit 2); beside good ones it is reported in one line, the
    good ones are built, and the exit code is 1."""
    store = tmp_path / "s"
    epoch = {"SOURCE_DATE_EPOCH": "1"}
    kg("build", str(SEED), "--store", str(store), "--base-iri", BASE, env=epoch)
    before = sorted_nquads(store)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    run = kg("build", str(bad), "--store", str(store), check=False)
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert run.returncode == 2 and len(lines) == 1 and fragment in lines[0] and "bad.txt" in lines[0]
    assert sorted_nquads(store) == before
    run = kg("build", str(SEED), str(bad), "--store", str(store), env=epoch, check=False)
    assert run.returncode == 1, run.stderr
    errors = [ln for ln in run.stderr.splitlines() if ln.startswith("kg: error:")]
    assert len(errors) == 1 and fragment in errors[0] and "bad.txt" in errors[0]
    assert "built 1 article" in run.stderr and "1 failed" in run.stderr
    assert sorted_nquads(store) == before  # the seed built again, the same


def test_missing_file_and_unknown_format(tmp_path: Path):
    run = kg("build", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"), check=False)
    assert run.returncode == 2 and "no such file" in run.stderr
    run = kg("dump", "--store", str(tmp_path / "s2"), "--format", "xyz", check=False)
    assert run.returncode == 2 and "xyz" in run.stderr


def test_query_and_dump_need_an_existing_store(tmp_path: Path):
    run = kg("query", "ASK {}", "--store", str(tmp_path / "none"), check=False)
    assert run.returncode == 2 and "no store" in run.stderr


def test_query_errors_are_one_line(seed_store: Path):
    run = kg("query", "SELECT WHERE {", "--store", str(seed_store), check=False)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "malformed query" in run.stderr
    run = kg("query", "queries/nope.rq", "--store", str(seed_store), check=False)
    assert run.returncode == 2 and "no such query file" in run.stderr


def test_dump_formats(seed_store: Path, tmp_path: Path):
    from rdflib import Dataset, Graph

    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("rdf", "xml")):
        out = tmp_path / f"d.{fmt}"
        kg("dump", "--store", str(seed_store), "--format", fmt, "-o", str(out))
        g = Graph()
        g.parse(out, format=parser)
        assert len(g) > 1000
    for fmt, parser in (("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")):
        out = tmp_path / f"d.{fmt}"
        kg("dump", "--store", str(seed_store), "--format", fmt, "-o", str(out))
        ds = Dataset()
        ds.parse(out, format=parser)
        graphs = {str(c.identifier) for c in ds.contexts()}
        assert f"{BASE}graph/article/wang-yi-blinken-call" in graphs
        assert f"{BASE}graph/provenance/wang-yi-blinken-call" in graphs


def test_validate_command(seed_store: Path):
    import shutil

    args = ["validate", "--store", str(seed_store)] + ([] if shutil.which("java") else ["--no-owl"])
    run = kg(*args)
    assert "SHACL: conforms" in run.stdout
