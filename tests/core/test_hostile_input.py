"""Input that would be lost or mis-stored is refused with one line before anything is written: two files that
would be one article, articles that are empty once normalised, and sidecar URLs that are not http(s)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.pipeline.ingest import read_meta, read_text
from kg.store import Store
from tests.conftest import KG, SEED


def kg_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(KG + ["build", *args], capture_output=True, text=True, timeout=600)


def one_error_line(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 2, run.stderr[-800:]
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), run.stderr[-800:]
    return lines[0]


def test_two_files_with_one_article_id_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "x_y.txt").write_text(text, encoding="utf-8")
    (tmp_path / "x-y.txt").write_text(text.replace("Wang Yi", "Lin Wei"), encoding="utf-8")
    store = tmp_path / "db"
    with Store(store) as s:  # a store that already holds something
        s.replace_graphs({"http://ex.org/g": '<http://ex.org/a> <http://ex.org/p> "kept" .'})
    before = sorted(str(q) for q in Store(store, read_only=True).quads())
    line = one_error_line(kg_build(str(tmp_path), "--store", str(store)))
    assert "x_y.txt" in line and "x-y.txt" in line and "'x-y'" in line
    assert sorted(str(q) for q in Store(store, read_only=True).quads()) == before


@pytest.mark.parametrize("content", [
    "\u200b\u200b\u200b", "\ufeff", "\ufeff\ufeff\n\ufeff", "\u200b \u200c\n\u200d\t\u2060", "\u00ad\u180e\u200e",
    "  \n\n\u3000\u2028\u2029", "\u3164\u115f", "...\n— ·", "\u0301\u0302",
])
def test_an_article_empty_after_normalisation_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="empty article"):
        read_text(path)


def test_kg_build_refuses_zero_width_spaces(tmp_path: Path) -> None:
    path = tmp_path / "zw.txt"
    path.write_text("\u200b" * 50, encoding="utf-8")
    line = one_error_line(kg_build(str(path), "--store", str(tmp_path / "db")))
    assert "zw.txt" in line and "empty article" in line and "zero-width" in line


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>",
                                 "ftp://example.org/a", "//example.org/a", "https://", "http://exa mple.org/",
                                 "vbscript:x", " javascript:alert(1)"])
def test_a_sidecar_url_must_be_http(tmp_path: Path, url: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nText.", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text(f"source_url = {url!r}\n".replace("'", '"'), encoding="utf-8")
    with pytest.raises(InputError, match="source_url"):
        read_meta(path)


def test_kg_build_refuses_a_javascript_source_url(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text('source_url = "javascript:alert(document.cookie)"\n', encoding="utf-8")
    line = one_error_line(kg_build(str(path), "--store", str(tmp_path / "db")))
    assert "a.meta.toml" in line and "source_url" in line and "http(s)" in line


def test_http_source_urls_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nText.", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text('source_url = "https://example.org/news/1?x=2"\n', encoding="utf-8")
    assert read_meta(path).source_url == "https://example.org/news/1?x=2"
