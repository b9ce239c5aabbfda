"""Fixtures of the publishing tests: a store with the seed article and a small article whose quotes carry markup
(built through the CLI), served by a real `kg serve` on 127.0.0.1."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kg.store import Store
from tests.conftest import BASE, KG, SEED, start_server, stop_server

# An article made for these tests: HTML inside quotes must reach every page as text, never as markup.
SCRIPT_ARTICLE = """Minister warns about <b>markup</b> in quotes

Jane Doe, the foreign minister of France, spoke to reporters in Paris on Monday.

“<script>alert(1)</script> is dangerous,” she said.

“We will not accept <img src=x onerror=alert(2)> in our texts,” Jane Doe told Antony Blinken.
"""
SCRIPT_ID = "script-quote"
SEED_ID = SEED.stem


def build(store: Path, *articles: Path, base: str = BASE) -> None:
    run = subprocess.run(KG + ["build", *map(str, articles), "--store", str(store), "--base-iri", base],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr


@pytest.fixture(scope="session")
def script_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("articles") / f"{SCRIPT_ID}.txt"
    path.write_text(SCRIPT_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def publish_store(tmp_path_factory: pytest.TempPathFactory, script_article: Path) -> Path:
    """The seed article and the markup article, under the tests' base IRI."""
    path = tmp_path_factory.mktemp("publish") / "db"
    build(path, SEED, script_article)
    return path


@pytest.fixture(scope="session")
def site(publish_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """`kg serve` over the publishing store (dumps written to a folder of the test session)."""
    dumps = tmp_path_factory.mktemp("dumps")
    server = start_server(publish_store, env={"NEWSKG_DUMP_DIR": str(dumps)})
    server.dumps = dumps  # type: ignore[attr-defined]
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def store(publish_store: Path, site) -> Store:  # noqa: ANN001
    """The same store, opened read-only by the tests to compute what the server should say."""
    return Store(publish_store, read_only=True)
