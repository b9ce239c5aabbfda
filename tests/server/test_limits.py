"""Limits that tell the truth, on a real server started with small ones (1 s, 5 rows, 4 kB): the timeout stops the
work and others are served meanwhile, truncation is announced, big bodies get 413; and federation reaches only the
endpoints on the allow-list (a second, real SPARQL server on loopback)."""

from __future__ import annotations

import http.client
import os
import signal
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.conftest import Server
from tests.server.fetch import Reply, assert_error_shape, fetch, query

pytestmark = pytest.mark.slow

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~1600³ combinations
CHEAP = "ASK { ?s ?p ?o }"


def group_cpu_seconds(pgid: int) -> float:
    """CPU time used so far by every live process of a process group (the server and all its children)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the command: state, ppid, pgrp, …, utime (11), stime (12)
            total += int(fields[11]) + int(fields[12])
    return total / tick


def cpu_rate(pgid: int, seconds: float) -> float:
    start = group_cpu_seconds(pgid)
    time.sleep(seconds)
    return (group_cpu_seconds(pgid) - start) / seconds


def warm_up(url: str) -> None:
    """Start the query processes of both workers (concurrent requests make each worker start several)."""
    for _ in range(3):
        threads = [threading.Thread(target=query, args=(url, CHEAP)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


def test_timeout_stops_the_work_and_others_are_served(limits_server: Server) -> None:
    url, pgid = limits_server.url, limits_server.proc.pid
    warm_up(url)
    done: dict[str, tuple[float, Reply]] = {}

    def run(name: str, text: str, delay: float) -> None:
        time.sleep(delay)
        reply = query(url, text)
        done[name] = (time.monotonic(), reply)

    start = time.monotonic()
    expensive = threading.Thread(target=run, args=("expensive", EXPENSIVE, 0.0))
    cheap = threading.Thread(target=run, args=("cheap", CHEAP, 0.4))
    expensive.start()
    cheap.start()
    rates = []
    while expensive.is_alive() and time.monotonic() - start < 30:
        rates.append(cpu_rate(pgid, 0.2))
    expensive.join()
    cheap.join()
    (finished_at, reply), (cheap_at, cheap_reply) = done["expensive"], done["cheap"]
    assert cheap_reply.status == 200 and cheap_at < finished_at  # served while the expensive query was running
    doc = assert_error_shape(reply, 503)
    assert "longer than 1 s" in doc["error"] and "stopped" in doc["error"]
    assert finished_at - start < 5
    # The machine may be shared: the query gets what share of a core it can. The check is relative to that share:
    # while the query ran the server burned CPU, and after the timeout it burns a small part of that, if any.
    peak = max(rates)
    assert peak > 0.1, "the expensive query used no CPU while it ran (the check below would prove nothing)"
    time.sleep(0.2)
    assert cpu_rate(pgid, 1.0) < min(0.2, peak / 3), "something is still computing after the timeout"
    assert query(url, CHEAP).status == 200  # a fresh query process took the killed one's place


def query_processes(pgid: int) -> list[int]:
    """The query processes of a server: the children of its fork servers."""
    forkservers, parents = set(), {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmd = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            parents[int(entry.name)] = int(fields[1])
            if b"forkserver" in cmd:
                forkservers.add(int(entry.name))
    return [pid for pid, ppid in parents.items() if ppid in forkservers]


def test_a_query_process_killed_from_outside_is_replaced(limits_server: Server) -> None:
    for _ in range(4):
        assert query(limits_server.url, CHEAP).status == 200
    victims = query_processes(limits_server.proc.pid)
    assert victims
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    assert all(query(limits_server.url, CHEAP).status == 200 for _ in range(6))
    assert not set(victims) & set(query_processes(limits_server.proc.pid))


def test_truncation_is_announced(limits_server: Server) -> None:
    url = limits_server.url
    for media, fmt in (("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                       ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                       ("text/tab-separated-values", ox.QueryResultsFormat.TSV)):
        reply = query(url, "SELECT * WHERE { ?s ?p ?o }", media)
        assert reply.status == 200
        assert (reply.headers["x-newskg-truncated"], reply.headers["x-newskg-row-limit"]) == ("true", "5")
        assert len(list(ox.parse_query_results(reply.body, format=fmt))) == 5
    csv = query(url, "SELECT * WHERE { ?s ?p ?o }", "text/csv")
    assert csv.headers["x-newskg-truncated"] == "true" and csv.body.count(b"\r\n") == 6
    exact = query(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    assert exact.headers["x-newskg-truncated"] == "false" and len(exact.json()["results"]["bindings"]) == 5
    graph = query(url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert graph.headers["x-newskg-truncated"] == "true"
    assert len(list(ox.parse(graph.body, format=ox.RdfFormat.N_TRIPLES))) == 5
    html = query(url, "SELECT * WHERE { ?s ?p ?o }", "text/html")
    assert html.headers["x-newskg-truncated"] == "true" and b"Only the first 5 rows" in html.body


def test_request_bodies_over_the_limit_get_413(limits_server: Server) -> None:
    big = "ASK { ?s ?p ?o } " + "#" * 5000
    reply = fetch(limits_server.url, "POST", "/sparql", body=big, headers={"Content-Type": "application/sparql-query"})
    assert "4000 bytes" in assert_error_shape(reply, 413)["error"]
    form = fetch(limits_server.url, "POST", "/sparql", body=urllib.parse.urlencode({"query": big}),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_error_shape(form, 413)
    small = fetch(limits_server.url, "POST", "/sparql", body=big[:3000],
                  headers={"Content-Type": "application/sparql-query"})
    assert small.status == 200


# --- federation ------------------------------------------------------------------------------------------------------
def test_service_on_the_allow_list_returns_the_remote_data(limits_server: Server, remote_endpoint: str) -> None:
    text = f"SELECT ?o WHERE {{ SERVICE <{remote_endpoint}> {{ ?s <http://remote.example/says> ?o }} }}"
    reply = query(limits_server.url, text)
    assert reply.status == 200, reply.body
    assert [b["o"]["value"] for b in reply.json()["results"]["bindings"]] == ["hello from the remote endpoint"]
    # a prefixed name that resolves to the same IRI is the same endpoint
    base, _, local = remote_endpoint.rpartition("/")
    prefixed = (f"PREFIX r: <{base}/> SELECT ?o WHERE {{ SERVICE r:{local} {{ ?s ?p ?o }} }}")
    assert query(limits_server.url, prefixed).status == 200


@pytest.mark.parametrize("text", [
    "SELECT * WHERE {{ SERVICE <{other}> {{ ?s ?p ?o }} }}",
    "PREFIX x: <{other_base}> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE SILENT <{other}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <{allowed}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p \"SERVICE <{allowed}>\" . SERVICE <{other}> {{ ?s ?p ?o }} }} # SERVICE <{allowed}>",
    "BASE <http://127.0.0.1:1/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
])
def test_service_off_the_list_is_refused_before_it_runs(limits_server: Server, remote_endpoint: str,
                                                        text: str) -> None:
    # port 1 refuses connections: had the query run, the answer would be 502 (or 200 for SILENT), not 400
    other = "http://127.0.0.1:1/sparql"
    reply = query(limits_server.url, text.format(other=other, other_base="http://127.0.0.1:1/",
                                                 allowed=remote_endpoint))
    assert "SERVICE" in assert_error_shape(reply, 400)["error"]


def test_default_allow_list_is_wikidata_and_dbpedia(seed_server: Server, remote_endpoint: str) -> None:
    doc = assert_error_shape(query(seed_server.url, f"ASK {{ SERVICE <{remote_endpoint}> {{ ?s ?p ?o }} }}"), 400)
    assert "https://query.wikidata.org/sparql" in doc["error"] and "https://dbpedia.org/sparql" in doc["error"]


def test_after_a_timeout_the_next_query_on_the_same_worker_is_answered_right(limits_server: Server) -> None:
    # one keep-alive connection is one gunicorn worker: the query cut at the time limit kills that worker's query
    # process, and the next query on the same connection must be answered by a fresh one, with the right answer
    # (computed now, not from the result cache: its text differs from the first count's)
    parts = urllib.parse.urlsplit(limits_server.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)

    def ask(text: str) -> Reply:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": text}),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())

    try:
        before = ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert before.status == 200
        expected = before.json()["results"]["bindings"][0]["n"]["value"]
        assert int(expected) > 0
        sock = conn.sock
        cut = ask(EXPENSIVE)
        assert "longer than 1 s" in assert_error_shape(cut, 503)["error"]
        assert cut.headers.get("connection", "").lower() != "close"
        after = ask("SELECT  (COUNT(*) AS ?n)  WHERE { ?s ?p ?o . }")
        assert conn.sock is sock, "the connection was reopened: the answer may come from another worker"
        assert after.status == 200 and after.headers["x-newskg-cache"] in ("miss", "off")
        assert after.json()["results"]["bindings"][0]["n"]["value"] == expected
    finally:
        conn.close()
