"""Lists that grow with the data are paged, not cut at the row limit: the landing page's articles (``?page=N``,
newest first, with the total and next/previous links) and the vocabularies VoID names (read a page at a time, so
that a dataset using more properties and classes than the row limit is still described whole).

The store holds invented articles only (headlines and dates), written as N-Triples and loaded with ``kg load``;
the app is built in process by its factory, with real query processes, and a small row limit."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BASE, KG

pytestmark = pytest.mark.slow

NKG = "https://w3id.org/newskg/ns#"
ARTICLES = 230  # more than two pages of 100
ROW_LIMIT = 150  # the app's MAX_ROWS: a page of articles fits, every article at once does not
VOCABULARIES = 180  # invented vocabularies of one property each: more than the row limit


def corpus() -> str:
    lines = []
    for i in range(ARTICLES):
        article = f"<{BASE}id/article/invented-{i:03d}>"
        day = f"20{10 + i // 12:02d}-{1 + i % 12:02d}-15"
        lines += [f"{article} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{NKG}Article> .",
                  f'{article} <http://schema.org/headline> "Invented headline number {i:03d}" .',
                  f'{article} <http://schema.org/datePublished> "{day}"^^<http://www.w3.org/2001/XMLSchema#date> .']
    for v in range(VOCABULARIES):
        lines.append(f'<{BASE}id/thing/x> <http://vocab{v:03d}.example.org/ns#p> "{v}" .')
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from server import create_app

    folder = tmp_path_factory.mktemp("paged")
    (folder / "corpus.nt").write_text(corpus(), encoding="utf-8")
    store = folder / "db"
    load = subprocess.run(KG + ["load", str(folder / "corpus.nt"), "--store", str(store),
                                "--graph", f"{BASE}graph/invented"], capture_output=True, text=True, timeout=600)
    assert load.returncode == 0, load.stderr
    app = create_app({"STORE_PATH": str(store), "TESTING": True, "MAX_ROWS": ROW_LIMIT, "BASE_IRI": BASE})
    yield app
    from server.engine.access import close

    close(app)


def headlines(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"Invented headline number (\d{3})", html)]


def test_the_landing_page_lists_every_article_a_page_at_a_time(app) -> None:  # noqa: ANN001
    client = app.test_client()
    seen: list[int] = []
    first = client.get("/")
    assert first.status_code == 200
    html = first.get_data(as_text=True)
    assert f"{ARTICLES} articles" in html and "page 1 of 3" in html
    assert 'rel="next"' in first.headers["Link"] and "page=2" in first.headers["Link"]
    seen += headlines(html)
    for number in (2, 3):
        reply = client.get(f"/?page={number}")
        assert reply.status_code == 200
        page = reply.get_data(as_text=True)
        assert 'rel="prev"' in reply.headers["Link"]
        seen += headlines(page)
    assert "next" not in reply.headers["Link"]  # the last page
    assert len(seen) == ARTICLES and sorted(seen) == list(range(ARTICLES))  # each once, none cut
    assert seen == sorted(seen, reverse=True)  # newest first, across pages
    assert client.get("/?page=4").status_code == 404
    assert client.get("/?page=two").status_code == 400


def test_void_names_every_vocabulary_past_the_row_limit(app) -> None:  # noqa: ANN001
    reply = app.test_client().get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert reply.status_code == 200
    named = set(re.findall(r"<http://rdfs\.org/ns/void#vocabulary> <(http://vocab\d{3}\.example\.org/ns#)>",
                           reply.get_data(as_text=True)))
    assert len(named) == VOCABULARIES
