"""One door to the store: every page reads through the query processes, under the same time limit as a query.

The store here holds the seed article and a hub: one person mentioned by 2,000 articles who said 2,000 things. The
landing page's "most quoted actors" join then has 4 million rows for that person alone, far past a 1 s limit: the
page is stopped like a slow query (503 with the limit in the message), and meanwhile other clients get the hub's
own page, which is paged (``?page=N``) and so stays small, and the SPARQL endpoint. A dump past its own limit
(``DUMP_TIMEOUT``) is stopped the same way and leaves no partial file behind.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BASE, KG, SEED, Server, start_server, stop_server
from tests.server.fetch import assert_error_shape, fetch

pytestmark = pytest.mark.slow

NKG = "https://w3id.org/newskg/ns#"
HUB = f"{BASE}id/person/hub-speaker"
FANS = 2000  # articles that mention the hub, and statements it made


def hub_triples() -> str:
    lines = [f"<{HUB}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{NKG}Person> .",
             f'<{HUB}> <http://www.w3.org/2000/01/rdf-schema#label> "Hub Speaker" .']
    for i in range(FANS):
        lines.append(f"<{BASE}id/article/hub-{i}> <http://schema.org/mentions> <{HUB}> .")
        lines.append(f"<{BASE}id/statement/hub-{i}> <{NKG}speaker> <{HUB}> .")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    folder = tmp_path_factory.mktemp("hub")
    store = folder / "db"
    build = subprocess.run(KG + ["build", str(SEED), "--store", str(store), "--base-iri", BASE, "-q"],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    (folder / "hub.nt").write_text(hub_triples(), encoding="utf-8")
    load = subprocess.run(KG + ["load", str(folder / "hub.nt"), "--store", str(store),
                                "--graph", f"{BASE}graph/hub-test"], capture_output=True, text=True, timeout=600)
    assert load.returncode == 0, load.stderr
    dumps = folder / "dumps"
    server = start_server(store, "--timeout", "1",
                          env={"NEWSKG_DUMP_TIMEOUT": "0.001", "NEWSKG_DUMP_DIR": str(dumps)})
    yield server, dumps
    stop_server(server)


def test_a_slow_page_is_stopped_like_a_slow_query_while_others_are_served(hub_server) -> None:  # noqa: ANN001
    server, _ = hub_server
    slow: dict = {}

    def landing() -> None:
        slow["reply"] = fetch(server.url, "GET", "/", headers={"Accept": "application/json"}, timeout=120)

    thread = threading.Thread(target=landing)
    thread.start()
    try:
        first = fetch(server.url, "GET", "/doc/person/hub-speaker", headers={"Accept": "text/html"})
        assert first.status == 200, first.body[:300]
        page = first.body.decode()
        assert "Hub Speaker" in page and 'rel="next"' in page
        assert '?page=2>; rel="next"' in first.headers.get("link", "")
        second = fetch(server.url, "GET", "/doc/person/hub-speaker?page=2", headers={"Accept": "text/html"})
        assert second.status == 200 and 'rel="prev"' in second.body.decode()
        # the RDF description is paged the same way
        turtle = fetch(server.url, "GET", "/doc/person/hub-speaker.nt")
        assert turtle.status == 200 and 'rel="next"' in turtle.headers.get("link", "")
        links = [line for line in turtle.body.decode().splitlines()
                 if line.endswith(f"<{HUB}> .") and ("/mentions>" in line or "#speaker>" in line)]
        assert len(links) == 500  # one page of the 4,000 links to it
        ask = fetch(server.url, "GET", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
                    headers={"Accept": "application/sparql-results+json"})
        assert ask.status == 200 and b"true" in ask.body
    finally:
        thread.join(timeout=120)
    error = assert_error_shape(slow["reply"], 503)["error"]
    assert "ran longer than 1 s" in error, error
    # the page's query process was replaced: the server still answers pages
    assert fetch(server.url, "GET", "/doc/person/hub-speaker?page=4").status == 200


def test_past_the_last_page_is_404_and_a_bad_page_number_400(hub_server) -> None:  # noqa: ANN001
    server, _ = hub_server
    assert fetch(server.url, "GET", "/doc/person/hub-speaker?page=9", headers={"Accept": "text/html"}).status == 404
    assert_error_shape(fetch(server.url, "GET", "/doc/person/hub-speaker?page=zero"), 400)


def test_a_dump_past_its_time_limit_is_stopped_and_leaves_no_file(hub_server) -> None:  # noqa: ANN001
    server, dumps = hub_server
    error = assert_error_shape(fetch(server.url, "GET", "/download/all.nq"), 503)["error"]
    assert "dump ran longer than 0.001 s" in error, error
    assert not [p for p in dumps.rglob("*") if p.is_file()]
