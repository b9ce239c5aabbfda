"""Writes on a real server started with an update token: SPARQL Update and Graph Store writes need the bearer token,
are applied one at a time, are visible to every worker from the next request, stop at the timeout without changing
anything, and end up in the store itself."""

from __future__ import annotations

import time
import urllib.parse
from pathlib import Path

import pytest

from kg.store import Store
from tests.conftest import Server, start_server, stop_server
from tests.server.conftest import TOKEN
from tests.server.fetch import Reply, assert_error_shape, fetch, query

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def update(server: Server, text: str, headers: dict[str, str] | None = None, path: str = "/sparql") -> Reply:
    return fetch(server.url, "POST", path, body=text,
                 headers={"Content-Type": "application/sparql-update", **(AUTH if headers is None else headers)})


def ask(server: Server, text: str) -> bool:
    reply = query(server.url, text, "application/sparql-results+json")
    assert reply.status == 200, reply.body
    return bool(reply.json()["boolean"])


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"}])
def test_updates_need_the_right_bearer_token(write_server: Server, headers: dict[str, str]) -> None:
    reply = update(write_server, "INSERT DATA { GRAPH <urn:t:auth> { <urn:a> <urn:b> <urn:c> } }", headers)
    assert_error_shape(reply, 401)
    assert reply.headers["www-authenticate"].lower().startswith("bearer")
    assert not ask(write_server, "ASK { GRAPH <urn:t:auth> { ?s ?p ?o } }")


def test_an_update_is_seen_by_every_worker_at_once(write_server: Server) -> None:
    before = query(write_server.url, "SELECT * { GRAPH <urn:t:seen> { ?s ?p ?o } }")
    form = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <urn:t:seen> { <urn:a> <urn:b> 1 } }"})
    reply = fetch(write_server.url, "POST", "/sparql", body=form,
                  headers={"Content-Type": "application/x-www-form-urlencoded", **AUTH})
    assert reply.status == 200 and reply.json()["ok"] is True
    # fresh connections are spread over both workers; each must answer from the new state
    assert all(ask(write_server, "ASK { GRAPH <urn:t:seen> { <urn:a> <urn:b> 1 } }") for _ in range(12))
    after = query(write_server.url, "SELECT * { GRAPH <urn:t:seen> { ?s ?p ?o } }",
                  headers={"If-None-Match": before.headers["etag"]})
    assert after.status == 200 and after.headers["etag"] != before.headers["etag"]


def test_load_and_service_off_the_list_are_refused_in_updates(write_server: Server) -> None:
    assert "LOAD" in assert_error_shape(update(write_server, "LOAD <http://127.0.0.1:1/data.ttl>"), 400)["error"]
    text = "INSERT { GRAPH <urn:t:x> { ?s ?p ?o } } WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    assert "SERVICE" in assert_error_shape(update(write_server, text), 400)["error"]
    bad = update(write_server, "INSERT DATA { <urn:a> <urn:b> }")  # a syntax error: the protocol's plain text
    assert bad.status == 400 and bad.media == "text/plain" and b"line 1, column 30" in bad.body
    assert b"has no object" in bad.body


def test_a_slow_update_is_stopped_and_changes_nothing(write_server: Server) -> None:
    rows = " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(300))
    assert update(write_server, f"INSERT DATA {{ GRAPH <urn:t:big> {{ {rows} }} }}").status == 200
    # 300⁴ combinations to count: minutes of work however fast the machine (300³ was once done inside the 3 s
    # limit), one row to insert (counting keeps no rows: no memory blow-up before the kill)
    slow = ("INSERT { GRAPH <urn:t:out> { <urn:x> <urn:count> ?n } } WHERE { SELECT (COUNT(*) AS ?n) WHERE { "
            "GRAPH <urn:t:big> { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } } }")
    start = time.monotonic()
    doc = assert_error_shape(update(write_server, slow), 503)
    assert "nothing was changed" in doc["error"] and time.monotonic() - start < 10
    assert not ask(write_server, "ASK { GRAPH <urn:t:out> { ?s ?p ?o } }")
    # the killed writer released the write lock: the next write goes through
    assert update(write_server, "DROP GRAPH <urn:t:big>").status == 200
    assert not ask(write_server, "ASK { GRAPH <urn:t:big> { ?s ?p ?o } }")


def test_graph_store_reads_are_open_and_writes_are_not(write_server: Server) -> None:
    graph = "/store?graph=" + urllib.parse.quote("urn:t:gsp", safe="")
    ttl = {"Content-Type": "text/turtle"}
    assert_error_shape(fetch(write_server.url, "PUT", graph, body="<urn:a> <urn:b> <urn:c> .", headers=ttl), 401)
    put = fetch(write_server.url, "PUT", graph, body="<urn:a> <urn:b> <urn:c> .", headers={**ttl, **AUTH})
    assert put.status == 201
    got = fetch(write_server.url, "GET", graph, headers={"Accept": "application/n-triples"})
    assert got.status == 200 and got.body.strip() == b"<urn:a> <urn:b> <urn:c> ."
    assert fetch(write_server.url, "GET", graph, headers={"If-None-Match": got.headers["etag"],
                                                          "Accept": "application/n-triples"}).status == 304
    assert fetch(write_server.url, "HEAD", graph).status == 200
    assert_error_shape(fetch(write_server.url, "DELETE", graph), 401)
    post = fetch(write_server.url, "POST", graph, body="<urn:a> <urn:b> <urn:d> .", headers={**ttl, **AUTH})
    assert post.status == 204
    assert ask(write_server, "ASK { GRAPH <urn:t:gsp> { <urn:a> <urn:b> <urn:c>, <urn:d> } }")
    assert_error_shape(fetch(write_server.url, "PUT", graph, body="<urn:a> <urn:b", headers={**ttl, **AUTH}), 400)
    assert_error_shape(fetch(write_server.url, "PUT", graph, body="x", headers={"Content-Type": "text/plain", **AUTH}),
                       415)
    assert fetch(write_server.url, "DELETE", graph, headers=AUTH).status == 204
    assert_error_shape(fetch(write_server.url, "GET", graph), 404)
    assert_error_shape(fetch(write_server.url, "DELETE", graph, headers=AUTH), 404)
    pre = fetch(write_server.url, "OPTIONS", "/sparql", headers={"Origin": "https://example.org",
                                                                 "Access-Control-Request-Method": "POST"})
    assert "authorization" in pre.headers["access-control-allow-headers"].lower()


def test_updates_land_in_the_store_and_snapshots_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "db"
    Store(path).close()
    server = start_server(path, env={"NEWSKG_UPDATE_TOKEN": TOKEN})  # the token from the environment
    try:
        assert update(server, "INSERT DATA { GRAPH <urn:t:kept> { <urn:a> <urn:b> <urn:c> } }").status == 200
        assert len(list(tmp_path.glob(".newskg-snapshots-*"))) == 1
    finally:
        stop_server(server)
    assert not list(tmp_path.glob(".newskg-snapshots-*"))
    with Store(path, read_only=True) as store:
        assert store.graphs() == ["urn:t:kept"]
    # and a server without a token refuses updates outright
    server = start_server(path)
    try:
        assert "disabled" in assert_error_shape(update(server, "CLEAR ALL"), 403)["error"]
    finally:
        stop_server(server)
