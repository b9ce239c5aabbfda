"""Property: whatever a client sends — random or mutated queries, parameters, headers, Accept values and bodies —
the real server answers in time with a 2xx/304 or a documented 4xx/503 that carries a message: never a 500, never
a hung worker. Runs against the server with the small limits (1 s timeout), so expensive mutations end quickly."""

from __future__ import annotations

import string
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Server
from tests.server.fetch import fetch

pytestmark = pytest.mark.slow

DOCUMENTED = {200, 201, 204, 304, 400, 401, 403, 404, 405, 406, 413, 415, 503}
VALID = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2",
    "DESCRIBE <http://localhost:8000/id/person/wang-yi>",
    'SELECT ?x WHERE { BIND("a\\"b}{" AS ?x) } # } {',
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n)",
    "PREFIX schema: <http://schema.org/> SELECT ?h WHERE { ?a schema:headline ?h } OFFSET 1",
    "SELECT * FROM <http://localhost:8000/graph/article/wang-yi-blinken-call> WHERE { ?s ?p ?o } LIMIT 1",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
    "SELECT (STRLEN(STR(?o)) AS ?l) WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), '^W', 'i')) } LIMIT 4",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
]
PIECES = ["{", "}", "(", ")", "<", ">", '"', "'", "?x", "$y", "<http://a/>", "SELECT", "FROM", "NAMED", "SERVICE",
          "GRAPH", "FILTER", "OPTIONAL", "UNION", "LIMIT -1", "OFFSET 99999999999999999999", "#", "\n", ".", ";",
          "\\u0041", "\x00", "é", "𝄞", "*", "a", "BIND(1/0 AS ?z)", "VALUES ?v { 1 }", "<<", ">>", "[]", "_:b"]
HEADER_TEXT = st.text(alphabet=string.printable.replace("\r", "").replace("\n", "").replace("\x0b", "")
                      .replace("\x0c", ""), max_size=60)
ACCEPTS = ["*/*", "text/html", "application/sparql-results+json", "text/csv;q=0.1, image/png", "application/ld+json",
           "text/*;q=0", "application/*", "*/json", "", "text/turtle;q=abc", "application/rdf+xml;q=0.5, */*;q=0.1"]
CONTENT_TYPES = ["application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                 "application/sparql-query; charset=utf-16", "text/turtle", "multipart/form-data; boundary=x",
                 "text/plain", "application/json"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid query with a few random edits: pieces inserted, spans deleted, duplicated or replaced."""
    text = draw(st.sampled_from(VALID))
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 12)))
        edit = draw(st.sampled_from(["insert", "delete", "duplicate", "replace"]))
        if edit == "insert":
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i:]
        elif edit == "delete":
            text = text[:i] + text[j:]
        elif edit == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + draw(st.text(max_size=8)) + text[j:]
    return text


TEXTS = st.one_of(mutated(), st.sampled_from(VALID), st.text(max_size=80))
PARAM_NAMES = st.sampled_from(["query", "update", "default-graph-uri", "named-graph-uri", "using-graph-uri",
                               "format", "output", "results", "graph", "default", "x"])
PARAM_VALUES = st.one_of(TEXTS, st.sampled_from(["json", "xml", "csv", "turtle", "pdf", "http://a/g", "urn:x",
                                                 "not an iri", "", "text/html"]))


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, str, dict[str, str], bytes | None]:
    method = draw(st.sampled_from(["GET"] * 4 + ["POST"] * 4 + ["HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]))
    path = draw(st.sampled_from(["/sparql"] * 4 + ["/sparql/", "/store", "/store/x", "/healthz"]))
    params = draw(st.lists(st.tuples(PARAM_NAMES, PARAM_VALUES), max_size=4))
    if params:
        path += "?" + urllib.parse.urlencode(params)
    headers = {}
    if draw(st.booleans()):
        headers["Accept"] = draw(st.one_of(st.sampled_from(ACCEPTS), HEADER_TEXT))
    for name in ("If-None-Match", "Authorization", "Origin"):
        if draw(st.integers(0, 5)) == 0:
            headers[name] = draw(HEADER_TEXT)
    body = None
    if method in ("POST", "PUT") or draw(st.integers(0, 5)) == 0:
        headers["Content-Type"] = draw(st.one_of(st.sampled_from(CONTENT_TYPES), HEADER_TEXT))
        kind = draw(st.sampled_from(["text", "form", "bytes", "utf16"]))
        text = draw(TEXTS)
        if kind == "form":
            body = urllib.parse.urlencode(draw(st.lists(st.tuples(PARAM_NAMES, PARAM_VALUES), max_size=3))).encode()
        elif kind == "bytes":
            body = draw(st.binary(max_size=200))
        else:
            body = text.encode("utf-16" if kind == "utf16" else "utf-8", errors="replace")
    return method, path, headers, body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(req=requests())
def test_any_request_gets_a_documented_answer(limits_server: Server, req: tuple) -> None:
    method, path, headers, body = req
    reply = fetch(limits_server.url, method, path, headers=headers, body=body, timeout=30)
    assert reply.status in DOCUMENTED, (reply.status, reply.body[:500])
    if reply.status >= 400 and method != "HEAD":
        assert reply.media in ("application/json", "text/html", "text/plain"), reply.headers
        if reply.media == "text/plain":  # a syntax error, in the SPARQL Protocol's plain text
            assert reply.status == 400 and b"malformed" in reply.body and b"line" in reply.body
        if reply.media == "application/json":
            doc = reply.json()
            assert doc["ok"] is False and doc["status"] == reply.status and doc["error"]


def test_the_server_is_still_healthy_afterwards(limits_server: Server) -> None:
    for _ in range(4):
        reply = fetch(limits_server.url, "GET", "/healthz", timeout=10)
        assert reply.status == 200 and reply.json()["ok"] is True
