"""Serving fast: the result cache (hit, miss, off, emptied by a write) and the in-memory and on-disk modes."""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, start_server, stop_server
from tests.server.conftest import TOKEN

pytestmark = pytest.mark.slow
STATEMENTS = (ROOT / "queries" / "statements.rq").read_text(encoding="utf-8")


def ask(url: str, query: str, *, method: str = "GET") -> tuple[str, dict, bytes]:
    if method == "GET":
        req = urllib.request.Request(f"{url}/sparql?query={urllib.parse.quote(query)}")
    else:
        req = urllib.request.Request(f"{url}/sparql", data=query.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.headers.get("X-Newskg-Cache", ""), dict(r.headers), r.read()


def health(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/healthz", timeout=30) as r:
        return json.load(r)


def test_repeats_come_from_the_cache_until_the_data_changes(tmp_path: Path, seed_store: Path):
    import shutil

    store = tmp_path / "db"
    shutil.copytree(seed_store, store)
    server = start_server(store, "--workers", "1", "--update-token", TOKEN)
    try:
        first, _, body = ask(server.url, STATEMENTS)
        again, headers, cached = ask(server.url, STATEMENTS, method="POST")
        assert (first, again) == ("miss", "hit") and cached == body
        assert headers["X-Newskg-Truncated"] == "false"
        assert ask(server.url, "SELECT (RAND() AS ?r) WHERE {}")[0] == "off"  # never cached: differs every run
        req = urllib.request.Request(f"{server.url}/sparql", method="POST",
                                     data=b'INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> '
                                          b'<http://ex.org/p> "1" } }',
                                     headers={"Content-Type": "application/sparql-update",
                                              "Authorization": f"Bearer {TOKEN}"})
        urllib.request.urlopen(req, timeout=60).read()
        assert ask(server.url, STATEMENTS)[0] == "miss"  # a new dataset version: the cache was emptied
        assert ask(server.url, STATEMENTS)[0] == "hit"
    finally:
        stop_server(server)


def test_cache_off_and_the_two_modes_answer_alike(seed_store: Path):
    answers, modes = [], []
    for extra in (["--in-memory"], ["--on-disk", "--cache-mb", "0"], []):
        server = start_server(seed_store, *extra)
        try:
            state, _, body = ask(server.url, STATEMENTS)
            answers.append(body)
            modes.append(health(server.url)["mode"])
            if "--cache-mb" in extra:
                assert state == "off" and ask(server.url, STATEMENTS)[0] == "off"
        finally:
            stop_server(server)
    assert answers[0] == answers[1] == answers[2]
    assert modes == ["memory", "disk", "disk"]  # on disk unless asked: a copy costs memory per worker


def test_memory_mode_is_disk_unless_asked(seed_store: Path):
    """The default reads the store on disk (read-only), at any size; memory only when asked for."""
    from server.serve import memory_mode

    assert memory_mode(str(seed_store), None, updates=False) == "disk"
    assert memory_mode(str(seed_store), "memory", updates=False) == "memory"
    assert memory_mode(str(seed_store), None, updates=True) == "disk"


def test_memory_mode_refuses_updates(seed_store: Path):
    import subprocess

    from tests.conftest import KG

    run = subprocess.run(KG + ["serve", "--store", str(seed_store), "--in-memory", "--update-token", "x"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--in-memory cannot follow updates" in run.stderr


def test_cache_bounds_and_versions():
    """Least recently used out first, within the byte bound; nothing over a quarter of it; a new dataset version
    empties it."""
    from server.engine.cache import ResultCache

    cache = ResultCache(4000)
    reply = {"status": 200, "media": "application/json", "body": b"x" * 700, "truncated": False}
    for k in "abcd":
        cache.put("v1", (k,), reply)
    assert cache.get("v1", ("a",)) is not None  # a is now the most recently used
    cache.put("v1", ("e",), reply)  # 5 × ~956 bytes > 4000: the least recently used (b) goes
    assert cache.get("v1", ("b",)) is None and cache.get("v1", ("a",)) is not None
    cache.put("v1", ("big",), {**reply, "body": b"x" * 1200})
    assert cache.get("v1", ("big",)) is None  # over a quarter of the cache
    assert cache.get("v2", ("a",)) is None and cache.stats()["entries"] == 0  # another version: emptied


def test_a_query_process_that_grew_is_replaced_and_the_next_query_is_answered(seed_store: Path):
    # an allowance of 16 MB: counting the groups of a cross product (over half a million groups, ~140 MB of hash
    # table on the seed) grows the process past it; a lookup does not
    grouped = ("SELECT (COUNT(*) AS ?groups) WHERE { SELECT ?c ?e (COUNT(*) AS ?k) WHERE { ?a ?b ?c . "
               "?d <http://www.w3.org/2000/01/rdf-schema#label> ?e } GROUP BY ?c ?e }")
    server = start_server(seed_store, "--workers", "1", "--in-memory", "--cache-mb", "0",
                          env={"NEWSKG_QUERY_PROCESS_MB": "16"})
    try:
        ask(server.url, "ASK { ?s ?p ?o }")
        assert health(server.url)["query_processes_replaced"] == 0
        _, _, body = ask(server.url, grouped)
        assert json.loads(body)["results"]["bindings"]
        assert health(server.url)["query_processes_replaced"] == 1
        # the replacement answers, from the same in-memory copy
        _, _, again = ask(server.url, grouped)
        assert json.loads(again) == json.loads(body)
        assert health(server.url)["query_processes_replaced"] == 2
    finally:
        stop_server(server)
    server = start_server(seed_store, "--workers", "1", "--in-memory", "--cache-mb", "0")
    try:  # with the default allowance (1 GB), the same query keeps its process
        ask(server.url, grouped)
        assert health(server.url)["query_processes_replaced"] == 0
    finally:
        stop_server(server)


def _articles_served(url: str) -> tuple[str, set[str]]:
    cache, _, body = ask(url, "SELECT ?a WHERE { ?a a <https://w3id.org/newskg/ns#Article> }")
    return cache, {b["a"]["value"].rsplit("/", 1)[1] for b in json.loads(body)["results"]["bindings"]}


@pytest.mark.parametrize("mode", ["--in-memory", "--on-disk"])
def test_a_running_server_serves_a_committed_build_and_remove(tmp_path: Path, seed_store: Path, mode: str):
    """No restart: kg build and kg remove publish a snapshot (kg.store.snapshots); every worker and query process moves to
    it from its next request (in memory mode, with a new copy), and no cached answer outlives the old data."""
    import shutil
    import subprocess
    import time

    from tests.conftest import KG
    from tests.scale.conftest import write_articles

    store = tmp_path / "db"
    shutil.copytree(seed_store, store)
    article = write_articles(tmp_path / "in")[0]
    server = start_server(store, "--workers", "2", mode)
    try:
        before = health(server.url)
        assert "next request" in before["freshness"]
        for _ in range(4):  # the answer cached in both workers
            assert _articles_served(server.url)[1] == {"wang-yi-blinken-call"}
        run = subprocess.run(KG + ["build", str(article), "--store", str(store)], capture_output=True, text=True,
                             timeout=600)
        assert run.returncode == 0, run.stderr

        def wait_for(expected: set[str]) -> None:
            deadline = time.monotonic() + 60
            seen: list[set[str]] = []
            while time.monotonic() < deadline:
                seen = [_articles_served(server.url)[1] for _ in range(4)]  # fresh connections: both workers
                if all(s == expected for s in seen):
                    return
                time.sleep(0.2)
            raise AssertionError(f"still serving {seen}, not {expected}")

        wait_for({"wang-yi-blinken-call", article.stem})
        assert health(server.url)["version"] != before["version"]
        subprocess.run(KG + ["remove", article.stem, "--store", str(store)], check=True, capture_output=True,
                       timeout=600)
        wait_for({"wang-yi-blinken-call"})
    finally:
        stop_server(server)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return out


def _store_files(pid: int) -> int:
    """How many of the store's table files the process has open (a RocksDB handle keeps them open)."""
    n = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            n += os.readlink(fd).endswith(".sst")
        except OSError:
            continue
    return n


def test_one_query_process_per_worker_and_no_store_handle_in_the_workers(seed_store: Path):
    """The process model of docs/scaling.md: concurrent queries run on the threads of one query process per worker,
    and the web workers answer queries, ETags and /healthz without opening the store themselves."""
    from concurrent.futures import ThreadPoolExecutor

    server = start_server(seed_store, "--cache-mb", "0")
    try:
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: ask(server.url, STATEMENTS)[2], range(24)))
        assert len(set(answers)) == 1 and json.loads(answers[0])["results"]["bindings"]
        assert health(server.url)["triples"] > 0 and health(server.url)["mode"] == "disk"
        workers = [p for p in _children(server.proc.pid) if b"kg.cli" in Path(f"/proc/{p}/cmdline").read_bytes()]
        assert len(workers) == 2
        queries = []
        for worker in workers:
            assert _store_files(worker) == 0, "a web worker opened the store"
            forkservers = [p for p in _children(worker) if b"forkserver" in Path(f"/proc/{p}/cmdline").read_bytes()]
            queries += [q for f in forkservers for q in _children(f)]
        assert 1 <= len(queries) <= 2  # one per worker that got a query (both, almost always)
        # (a worker started last may still be warming its query process up, which is opening the store: it has it
        # open within its start-up)
        deadline = time.monotonic() + 10
        while not all(_store_files(q) > 0 for q in queries) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(_store_files(q) > 0 for q in queries)
    finally:
        stop_server(server)
