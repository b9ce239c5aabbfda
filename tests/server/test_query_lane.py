"""The query lane (server.blueprints.query_lane): a plain query (POST, or GET without conditions) is answered without
Flask's request machinery, with exactly the answer the endpoint gives the same query when the app reads the request
itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import request_started

LOOKUP = "SELECT ?p ?o WHERE { ?s a <https://w3id.org/newskg/ns#Statement> ; ?p ?o } ORDER BY ?p ?o LIMIT 5"
CASES = [
    (LOOKUP, "application/sparql-results+json"),
    (LOOKUP, "application/sparql-results+xml"),
    (LOOKUP, "text/csv"),
    (LOOKUP, "text/tab-separated-values"),
    (LOOKUP, "text/html"),  # a table: rendered by the app
    (LOOKUP, "image/png"),  # nothing acceptable: the app's 406
    ("ASK { ?s a <https://w3id.org/newskg/ns#Statement> }", None),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/newskg/ns#Statement> ; ?p ?o } LIMIT 4", "text/turtle"),
    ("SELECT ?s WHERE { ?s ?p ", "application/sparql-results+json"),  # a syntax error: the app's 400
]


@pytest.fixture(scope="module")
def app(seed_store):
    """The app with the result cache off: each of the compared requests is answered by the engine."""
    from server import create_app

    return create_app({"STORE_PATH": str(seed_store), "TESTING": True, "RESULT_CACHE_MB": 0})


@contextmanager
def requests_seen_by_flask(app: Any) -> Iterator[list[str]]:
    seen: list[str] = []

    def started(sender: Any, **extra: Any) -> None:  # noqa: ARG001 - blinker's signature
        seen.append("request")

    request_started.connect(started, app)
    try:
        yield seen
    finally:
        request_started.disconnect(started, app)


def _answer(reply: Any) -> tuple[int, bytes, dict[str, str]]:
    return reply.status_code, reply.data, {k.lower(): v for k, v in reply.headers.items()}


@pytest.mark.parametrize(("query", "accept"), CASES)
def test_a_plain_query_gets_the_endpoints_answer_without_the_request_machinery(app, query, accept):
    client = app.test_client()
    headers = {"Accept": accept} if accept else {}
    with requests_seen_by_flask(app) as seen:
        plain = client.post("/sparql", data={"query": query}, headers=headers)
        direct = client.post("/sparql", data=query.encode(), headers={**headers,
                                                                      "Content-Type": "application/sparql-query"})
    lane = plain.status_code == 200 and "html" not in plain.content_type
    assert len(seen) == (0 if lane else 2)
    with requests_seen_by_flask(app) as seen:  # a charset parameter: the app reads the request itself
        read = client.post("/sparql", data=f"query={_quote(query)}".encode(),
                           headers={**headers, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    assert seen == ["request"]
    assert _answer(plain) == _answer(read) == _answer(direct)


@pytest.mark.parametrize(("query", "accept"), CASES)
def test_a_plain_get_gets_the_endpoints_answer_and_validators_without_the_request_machinery(app, query, accept):
    client = app.test_client()
    headers = {"Accept": accept} if accept else {}
    with requests_seen_by_flask(app) as seen:
        plain = client.get("/sparql", query_string={"query": query}, headers=headers)
    assert len(seen) == (0 if plain.status_code == 200 and "html" not in plain.content_type else 1)
    with requests_seen_by_flask(app) as seen:  # a conditional request: the app reads it
        read = client.get("/sparql", query_string={"query": query},
                          headers={**headers, "If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"})
    assert seen == ["request"]
    assert _answer(plain) == _answer(read)
    if plain.status_code == 200:
        assert plain.headers["ETag"] and plain.headers["Last-Modified"]
        again = client.get("/sparql", query_string={"query": query},
                           headers={**headers, "If-None-Match": plain.headers["ETag"]})
        assert again.status_code == 304


def test_what_the_lane_leaves_to_the_app(app):
    client = app.test_client()
    with requests_seen_by_flask(app) as seen:
        client.post("/sparql?default-graph-uri=http://example.org/g", data={"query": LOOKUP})  # a URL parameter
        client.post("/sparql", data={"query": LOOKUP, "format": "json"})  # another field
        client.post("/sparql", data={"update": "CLEAR ALL"})  # an update
        client.post("/sparql", data=b"query=%FF", content_type="application/x-www-form-urlencoded")  # not UTF-8
        client.post("/sparql", data={"query": "  "})  # empty
        client.get("/sparql", query_string={"query": LOOKUP, "output": "json"})  # another parameter
        client.get("/sparql", query_string={"query": LOOKUP}, headers={"If-None-Match": '"x"'})  # conditional
        client.head("/sparql", query_string={"query": LOOKUP})
    assert len(seen) == 8


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
