"""The SPARQL endpoint over plain HTTP (http.client) against a real `kg serve` of the seed article: content
negotiation, the format parameters, the dataset parameters, errors, CORS, conditional GET, health, the service
description."""

from __future__ import annotations

import csv
import io
import urllib.parse

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Namespace

from tests.conftest import Server
from tests.server.fetch import assert_error_shape, fetch, query

pytestmark = pytest.mark.slow

ARTICLE_GRAPH = "http://localhost:8000/graph/article/wang-yi-blinken-call"
SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 7"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 7"
RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPHS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
          "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
          "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}


def count(server: Server, text: str, **kw: object) -> int:
    reply = query(server.url, text, "application/sparql-results+json", **kw)
    assert reply.status == 200, reply.body
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


# --- content negotiation ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("media", list(RESULTS))
def test_select_in_every_result_format_gives_the_same_rows(seed_server: Server, media: str) -> None:
    reply = query(seed_server.url, SELECT, media)
    assert reply.status == 200 and reply.media == media
    assert "Accept" in reply.headers["vary"]
    reference = list(ox.parse_query_results(query(seed_server.url, SELECT).body, format=ox.QueryResultsFormat.JSON))
    if media == "text/csv":  # CSV keeps only the text of each term (pyoxigraph will not parse it: lossy)
        rows = list(csv.DictReader(io.StringIO(reply.body.decode("utf-8"), newline="")))
        assert [r["s"] for r in rows] == [t["s"].value for t in reference]
        assert [r["o"] for r in rows] == [t["o"].value for t in reference]
        return
    rows = list(ox.parse_query_results(reply.body, format=RESULTS[media]))
    assert len(rows) == 7
    assert [tuple(r) for r in rows] == [tuple(r) for r in reference]


@pytest.mark.parametrize("media", list(GRAPHS))
def test_construct_in_every_rdf_format(seed_server: Server, media: str) -> None:
    reply = query(seed_server.url, CONSTRUCT, media)
    assert reply.status == 200 and reply.media == media
    assert len(set(ox.parse(reply.body, format=GRAPHS[media]))) == 7


def test_defaults_are_json_for_select_and_turtle_for_construct(seed_server: Server) -> None:
    assert query(seed_server.url, SELECT).media == "application/sparql-results+json"
    assert query(seed_server.url, CONSTRUCT).media == "text/turtle"
    assert query(seed_server.url, "DESCRIBE <http://localhost:8000/id/person/wang-yi>", "*/*").media == "text/turtle"


@pytest.mark.parametrize(("accept", "select", "construct"), [
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", 406),
    ("text/*", "text/csv", "text/turtle"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml", "text/turtle"),
    ("application/rdf+xml, application/xml;q=0.9", "application/xml", "application/rdf+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "text/html"),
    ("image/png", 406, 406),
    ("application/n-triples;q=0.2, text/turtle;q=0.1", 406, "application/n-triples"),
])
def test_q_values_and_wildcards(seed_server: Server, accept: str, select: object, construct: object) -> None:
    for text, expected in ((SELECT, select), (CONSTRUCT, construct)):
        reply = query(seed_server.url, text, accept)
        if expected == 406:
            assert_error_shape(reply, 406)
            assert "offered" in reply.json()["error"]
        else:
            assert (reply.status, reply.media) == (200, expected)


@pytest.mark.parametrize(("fmt", "select", "construct"), [
    ("json", "application/sparql-results+json", "application/ld+json"),
    ("xml", "application/sparql-results+xml", "application/rdf+xml"),
    ("csv", "text/csv", None), ("tsv", "text/tab-separated-values", None),
    ("turtle", None, "text/turtle"), ("json-ld", None, "application/ld+json"), ("n3", None, "text/turtle"),
    ("application/sparql-results+xml", "application/sparql-results+xml", None),
])
def test_format_parameters_override_accept(seed_server: Server, fmt: str, select: str | None,
                                           construct: str | None) -> None:
    for name in ("format", "output", "results"):
        for text, expected in ((SELECT, select), (CONSTRUCT, construct)):
            reply = query(seed_server.url, text, "text/html", extra=[(name, fmt)])
            assert reply.status == (200 if expected else 406), reply.body
            if expected:
                assert reply.media == expected


def test_unknown_format_parameter_is_a_400(seed_server: Server) -> None:
    doc = assert_error_shape(query(seed_server.url, SELECT, extra=[("format", "pdf")]), 400)
    assert "format='pdf'" in doc["error"]


def test_html_table_for_browsers(seed_server: Server) -> None:
    reply = query(seed_server.url, SELECT, "text/html")
    assert reply.media == "text/html" and b"<table" in reply.body and reply.body.count(b"<tr>") == 8
    ask = query(seed_server.url, "ASK { ?s ?p ?o }", "text/html")
    assert b"<strong>true</strong>" in ask.body


def test_ask_in_json_xml_csv_tsv(seed_server: Server) -> None:
    for media in RESULTS:
        reply = query(seed_server.url, "ASK { ?s a <http://no.such/Class> }", media)
        assert reply.status == 200 and reply.media == media
        if media in ("application/sparql-results+json", "application/sparql-results+xml"):
            assert bool(ox.parse_query_results(reply.body, format=RESULTS[media])) is False
        else:
            assert reply.body.split()[-1] == b"false"


# --- the protocol: three ways in, the dataset parameters -----------------------------------------------------------
def test_get_post_form_and_post_direct_agree(seed_server: Server) -> None:
    get = query(seed_server.url, SELECT).body
    form = fetch(seed_server.url, "POST", "/sparql", body=urllib.parse.urlencode({"query": SELECT}),
                 headers={"Content-Type": "application/x-www-form-urlencoded"}).body
    direct = fetch(seed_server.url, "POST", "/sparql", body=SELECT,
                   headers={"Content-Type": "application/sparql-query; charset=utf-8"}).body
    assert get == form == direct


def test_the_default_graph_is_the_union_and_from_selects_a_graph(seed_server: Server) -> None:
    union = count(seed_server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    article = count(seed_server, f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE_GRAPH}> {{ ?s ?p ?o }}")
    in_graph = count(seed_server, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}")
    assert 0 < article == in_graph < union
    # the protocol's default-graph-uri overrides FROM, as the SPARQL 1.1 Protocol requires
    assert count(seed_server, "SELECT (COUNT(*) AS ?n) FROM <http://no.such/graph> { ?s ?p ?o }",
                 extra=[("default-graph-uri", ARTICLE_GRAPH)]) == article
    # named-graph-uri alone: the default graph of that dataset is empty, GRAPH sees only the listed graph
    assert count(seed_server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", extra=[("named-graph-uri", ARTICLE_GRAPH)]) == 0
    assert count(seed_server, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                 extra=[("named-graph-uri", ARTICLE_GRAPH)]) == 1


@pytest.mark.parametrize(("method", "path", "headers", "body", "status"), [
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", {}, None, 400),
    ("GET", "/sparql?query=ASK%7B%7D&update=CLEAR%20ALL", {}, None, 400),
    ("GET", "/sparql?update=CLEAR%20ALL", {}, None, 400),
    ("GET", "/sparql?query=%20%20", {}, None, 400),
    ("GET", "/sparql?default-graph-uri=http%3A%2F%2Fa", {}, None, 400),
    ("GET", "/sparql?query=ASK%7B%7D&using-graph-uri=http%3A%2F%2Fa", {}, None, 400),
    ("GET", "/sparql?query=SELECT%20*%20%7B", {"Accept": "application/json"}, None, 400),  # plain text without
    ("GET", "/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri", {}, None, 400),
    ("POST", "/sparql", {"Content-Type": "text/plain"}, "ASK {}", 415),
    ("POST", "/sparql", {}, "query=ASK%20%7B%7D", 415),
    ("POST", "/sparql", {"Content-Type": "application/sparql-query; charset=latin-1"}, "ASK {}", 415),
    ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK {} \xff", 400),
    ("POST", "/sparql?query=ASK%7B%7D", {"Content-Type": "application/sparql-query"}, "ASK {}", 400),
    ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, "x=1", 400),
    ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, "CLEAR ALL", 403),
    ("PUT", "/sparql?query=ASK%7B%7D", {}, None, 405),
    ("GET", "/sparql/nothing-here", {}, None, 404),
])
def test_client_mistakes_get_a_4xx_in_the_error_shape(seed_server: Server, method: str, path: str,
                                                      headers: dict, body: object, status: int) -> None:
    reply = fetch(seed_server.url, method, path, headers=headers, body=body)  # type: ignore[arg-type]
    assert_error_shape(reply, status)
    assert reply.headers["access-control-allow-origin"] == "*"
    if status == 405:
        assert "POST" in reply.headers["allow"]


def test_browsers_get_an_html_error_page(seed_server: Server) -> None:
    reply = query(seed_server.url, "SELECT * {", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert reply.status == 400 and reply.media == "text/html" and b"400" in reply.body


# --- CORS, caching, health -----------------------------------------------------------------------------------------
def test_cors_for_reads_and_the_preflight(seed_server: Server) -> None:
    reply = query(seed_server.url, SELECT, headers={"Origin": "https://example.org"})
    assert reply.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in reply.headers
    assert "X-Newskg-Truncated" in reply.headers["access-control-expose-headers"]
    pre = fetch(seed_server.url, "OPTIONS", "/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert pre.status in (200, 204)
    assert "POST" in pre.headers["access-control-allow-methods"]
    assert "content-type" in pre.headers["access-control-allow-headers"].lower()
    assert "authorization" not in pre.headers["access-control-allow-headers"].lower()  # no updates here


def test_conditional_get_answers_304_until_the_representation_changes(seed_server: Server) -> None:
    first = query(seed_server.url, SELECT)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = query(seed_server.url, SELECT, headers={"If-None-Match": etag})
    assert again.status == 304 and again.body == b"" and again.headers["etag"] == etag
    assert query(seed_server.url, SELECT, headers={"If-Modified-Since": modified}).status == 304
    other = query(seed_server.url, SELECT, "text/csv", headers={"If-None-Match": etag})
    assert other.status == 200 and other.headers["etag"] != etag  # another representation, another tag
    assert "etag" not in query(seed_server.url, "SELECT (NOW() AS ?t) {}").headers  # results that vary per run
    post = fetch(seed_server.url, "POST", "/sparql", body=SELECT, headers={"Content-Type": "application/sparql-query",
                                                                          "If-None-Match": etag})
    assert post.status == 200


def test_healthz(seed_server: Server) -> None:
    reply = fetch(seed_server.url, "GET", "/healthz")
    doc = reply.json()
    assert reply.status == 200 and doc["ok"] is True and isinstance(doc["version"], str)
    quads = count(seed_server, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    graphs = count(seed_server, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { } }")
    assert (doc["triples"], doc["graphs"]) == (quads, graphs)
    assert reply.headers["access-control-allow-origin"] == "*"


def test_service_description_lists_the_graphs_with_their_sizes(seed_server: Server) -> None:
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = Namespace("http://rdfs.org/ns/void#")
    reply = fetch(seed_server.url, "GET", "/sparql", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=reply.body, format="turtle")
    sizes = {str(g.value(ng, sd.name)): int(g.value(g.value(ng, sd.graph), void.triples))
             for ng in g.subjects(None, sd.NamedGraph)}
    assert ARTICLE_GRAPH in sizes
    for name, size in sizes.items():
        assert size == count(seed_server, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    service = g.value(predicate=RDF.type, object=sd.Service)
    union = g.value(g.value(g.value(service, sd.defaultDataset), sd.defaultGraph), void.triples)
    assert int(union) == count(seed_server, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT * { ?s ?p ?o } }")
    assert (None, sd.feature, sd.UnionDefaultGraph) in g
    assert fetch(seed_server.url, "GET", "/sparql", headers={"Accept": "text/html"}).media == "text/html"
    assert fetch(seed_server.url, "GET", "/sparql", headers={"Accept": "image/png"}).status == 406
