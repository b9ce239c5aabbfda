"""SPARQL syntax errors say where (line, column) and what was expected, in words, with a 400 in the format the client
asked for: an HTML page for a browser, the SPARQL Protocol's plain text otherwise, the JSON error shape when asked
for; an update sent as a query (and the other way round) says where to send it."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import KG, Server
from tests.server.conftest import TOKEN
from tests.server.fetch import fetch, query

pytestmark = pytest.mark.slow
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
MISSING_OBJECT = "SELECT * WHERE {\n  ?s ?p\n}"


def test_plain_text_for_a_protocol_client(seed_server: Server) -> None:
    for accept in (None, "application/sparql-results+json", "*/*"):
        reply = query(seed_server.url, MISSING_OBJECT, accept)
        assert reply.status == 400 and reply.media == "text/plain", accept
        text = reply.body.decode()
        assert "line 2, column 8" in text and 'the triple pattern "?s ?p" has no object' in text
        assert text.endswith("  ?s ?p\n       ^\n")  # the line, and a caret under the column


def test_an_html_page_for_a_browser(seed_server: Server) -> None:
    reply = query(seed_server.url, MISSING_OBJECT, BROWSER)
    assert reply.status == 400 and reply.media == "text/html"
    html = reply.body.decode()
    assert "line 2, column 8" in html and 'class="error-line"' in html and "has no object" in html
    assert "?s ?p" in html and "<pre" in html


def test_json_when_asked_for(seed_server: Server) -> None:
    reply = query(seed_server.url, "SELECT * WHERE { ?s skos:prefLabel ?o }", "application/json")
    doc = reply.json()
    assert reply.status == 400 and doc["ok"] is False and (doc["line"], doc["column"]) == (1, 21)
    assert "skos:" in doc["error"] and "http://www.w3.org/2004/02/skos/core#" in doc["error"]


@pytest.mark.parametrize(("text", "where", "words"), [
    ("SELECT * WHERE { ?s foo:bar ?o }", "line 1, column 21", "the prefix 'foo:' is not declared"),
    ("SELEC * WHERE { ?s ?p ?o }", "line 1, column 1", "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"),
    ('SELECT * WHERE { ?s ?p "open }', "line 1, column 24", "this string is not closed"),
    ("SELECT * WHERE { ?s ?p ?o ", "line 1, column 16", "this '{' is never closed"),
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT x", "line 1, column 36", "expected"),
    ("SELECT (COUNT(?s) AS ?n) ?s WHERE { ?s ?p ?o }", "line 1", "not in GROUP BY"),
])
def test_common_mistakes_in_words(seed_server: Server, text: str, where: str, words: str) -> None:
    reply = query(seed_server.url, text)
    body = reply.body.decode()
    assert reply.status == 400 and where in body and words in body, body
    assert "Prefix not found" not in body and "\\u{" not in body  # none of the parser's raw report


def test_an_update_sent_as_a_query_says_where_to_send_it(seed_server: Server) -> None:
    reply = query(seed_server.url, "PREFIX ex: <http://ex.org/>\nINSERT DATA { ex:a ex:b ex:c }")
    body = reply.body.decode()
    assert reply.status == 400 and "line 2, column 1" in body and "this is an update (INSERT)" in body
    assert f"{seed_server.url}/sparql" in body and "application/sparql-update" in body
    assert "expected CONSTRUCT" not in body


def test_a_query_sent_as_an_update_and_a_bad_update(write_server: Server) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
    reply = fetch(write_server.url, "POST", "/sparql", headers=auth, body="SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 400 and reply.media == "text/plain"
    assert "this is a query (SELECT)" in reply.body.decode() and "query=" in reply.body.decode()
    reply = fetch(write_server.url, "POST", "/sparql", headers={**auth, "Accept": BROWSER},
                  body="INSERT DATA {\n  <urn:a> <urn:b>\n}")
    assert reply.status == 400 and reply.media == "text/html" and "line 2, column 18" in reply.body.decode()


def test_kg_query_says_it_in_one_line(seed_store) -> None:  # noqa: ANN001
    run = subprocess.run(KG + ["query", "SELECT * WHERE { ?s ?p }", "--store", str(seed_store)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert re.search(r"kg: error: malformed query at line 1, column 23: .* has no object", run.stderr)
