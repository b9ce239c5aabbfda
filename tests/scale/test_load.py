"""kg load: every RDF format (and gzipped), graphs, and errors that name the file and line and change nothing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import Store
from tests.scale.conftest import kg

EX = "http://ex.org/"
TRIPLES = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"value {i}")) for i in range(5)]
QUADS = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(f"{EX}g{i % 2}")) for i, t in enumerate(TRIPLES)]


def write(path: Path, fmt: ox.RdfFormat, items: list, *, gz: bool = False) -> Path:
    data = ox.serialize(items, format=fmt) or b""
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def nquads(store: Path) -> list[str]:
    return sorted(line for line in kg("dump", "--store", str(store), "--format", "nq").stdout.splitlines() if line)


@pytest.mark.parametrize("ext, fmt", [("nt", ox.RdfFormat.N_TRIPLES), ("ttl", ox.RdfFormat.TURTLE),
                                      ("rdf", ox.RdfFormat.RDF_XML), ("jsonld", ox.RdfFormat.JSON_LD)])
@pytest.mark.parametrize("gz", [False, True])
def test_triple_formats_into_a_graph(tmp_path: Path, ext: str, fmt: ox.RdfFormat, gz: bool):
    f = write(tmp_path / f"data.{ext}{'.gz' if gz else ''}", fmt, TRIPLES, gz=gz)
    run = kg("load", str(f), "--store", str(tmp_path / "db"), "--graph", f"{EX}loaded")
    assert "loaded 5 quads from 1 file" in run.stdout
    with Store(tmp_path / "db", read_only=True) as s:
        assert s.graphs() == [f"{EX}loaded"]
        assert set(s.triples(f"{EX}loaded")) == set(TRIPLES)


@pytest.mark.parametrize("ext, fmt", [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_quad_formats_keep_their_graphs(tmp_path: Path, ext: str, fmt: ox.RdfFormat):
    f = write(tmp_path / f"data.{ext}.gz", fmt, QUADS, gz=True)
    kg("load", str(f), "--store", str(tmp_path / "db"))
    with Store(tmp_path / "db", read_only=True) as s:
        assert s.graphs() == [f"{EX}g0", f"{EX}g1"]
        assert s.count() == 5


def test_format_option_and_several_files_in_one_load(tmp_path: Path):
    a = write(tmp_path / "a.data", ox.RdfFormat.TURTLE, TRIPLES[:2])
    b = write(tmp_path / "b.data", ox.RdfFormat.TURTLE, TRIPLES[2:])
    kg("load", str(a), str(b), "--format", "ttl", "--graph", f"{EX}g", "--store", str(tmp_path / "db"))
    with Store(tmp_path / "db", read_only=True) as s:
        assert s.count(f"{EX}g") == 5


def test_a_syntax_error_names_file_and_line_and_loads_nothing(tmp_path: Path):
    store = tmp_path / "db"
    kg("load", str(write(tmp_path / "first.nt", ox.RdfFormat.N_TRIPLES, TRIPLES)), "--graph", f"{EX}g",
       "--store", str(store))
    before = nquads(store)
    good = write(tmp_path / "good.nt", ox.RdfFormat.N_TRIPLES, TRIPLES[:1])
    bad = tmp_path / "bad.ttl"
    bad.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n<{EX}a> <{EX}p> .\n", encoding="utf-8")
    run = kg("load", str(good), str(bad), "--graph", f"{EX}other", "--store", str(store), check=False)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.ttl" in lines[0] and "line 2" in lines[0], run.stderr
    assert nquads(store) == before  # the good file that came first was not loaded either


def test_broken_gzip_and_unknown_extension(tmp_path: Path):
    broken = tmp_path / "x.nt.gz"
    broken.write_bytes(gzip.compress(b"<http://ex.org/a> <http://ex.org/p> 1 .\n")[:-12])
    run = kg("load", str(broken), "--store", str(tmp_path / "db"), check=False)
    assert run.returncode == 2 and "x.nt.gz" in run.stderr
    odd = tmp_path / "x.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    run = kg("load", str(odd), "--store", str(tmp_path / "db"), check=False)
    assert run.returncode == 2 and "--format" in run.stderr
    run = kg("load", str(tmp_path / "missing.nt"), "--store", str(tmp_path / "db"), check=False)
    assert run.returncode == 2 and "no such file" in run.stderr


def test_blank_nodes_of_two_files_stay_apart(tmp_path: Path):
    text = f"_:x <{EX}p> \"1\" .\n"
    (tmp_path / "a.nt").write_text(text, encoding="utf-8")
    (tmp_path / "b.nt").write_text(text, encoding="utf-8")
    kg("load", str(tmp_path / "a.nt"), str(tmp_path / "b.nt"), "--graph", f"{EX}g", "--store", str(tmp_path / "db"))
    with Store(tmp_path / "db", read_only=True) as s:
        assert len({t.subject for t in s.triples(f"{EX}g")}) == 2


def test_bulk_load(tmp_path: Path):
    many = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i))) for i in range(20000)]
    f = write(tmp_path / "many.nt.gz", ox.RdfFormat.N_TRIPLES, many, gz=True)
    kg("load", str(f), "--bulk", "--graph", f"{EX}g", "--store", str(tmp_path / "db"))
    with Store(tmp_path / "db", read_only=True) as s:
        assert s.count(f"{EX}g") == 20000
