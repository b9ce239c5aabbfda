"""Real SPARQL clients against a real server: SPARQLWrapper (GET and POST, every return format, an update with the
token) and rdflib's SPARQLStore / SPARQLUpdateStore. No mocks: what these libraries send is what users send."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.conftest import Server
from tests.server.conftest import TOKEN

pytestmark = pytest.mark.slow

SPEAKERS = """PREFIX nkg: <https://w3id.org/newskg/ns#>
SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 10"""
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10"


def wrapper(server: Server, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{server.url}/sparql")
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_select_json_and_xml(seed_server: Server, method: str) -> None:
    sparql = wrapper(seed_server, JSON, method)
    sparql.setQuery(SPEAKERS)
    rows = sparql.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert len(rows) == 10 and {"s", "p", "o"} <= set(rows[0])
    sparql = wrapper(seed_server, XML, method)
    sparql.setQuery(SPEAKERS)
    doc = sparql.queryAndConvert()
    assert len(doc.getElementsByTagName("result")) == 10  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", [CSV, TSV])
def test_sparqlwrapper_csv_tsv(seed_server: Server, fmt: str) -> None:
    sparql = wrapper(seed_server, fmt)
    sparql.setQuery(SPEAKERS)
    lines = sparql.queryAndConvert().decode().strip().splitlines()  # type: ignore[union-attr]
    assert len(lines) == 11 and lines[0].replace("?", "").replace("\t", ",") == "s,p,o"


def test_sparqlwrapper_ask(seed_server: Server) -> None:
    sparql = wrapper(seed_server, JSON)
    sparql.setQuery("ASK { ?s ?p ?o }")
    assert sparql.queryAndConvert()["boolean"] is True  # type: ignore[index]


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD, XML])
def test_sparqlwrapper_construct(seed_server: Server, fmt: str) -> None:
    sparql = wrapper(seed_server, fmt)
    sparql.setQuery(CONSTRUCT)
    result = sparql.queryAndConvert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
    assert len(graph) == 10


def test_sparqlwrapper_update_with_the_token(write_server: Server) -> None:
    sparql = SPARQLWrapper(f"{write_server.url}/sparql")
    sparql.setMethod(POST)
    sparql.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    sparql.setQuery("INSERT DATA { GRAPH <urn:t:wrapper> { <urn:a> <urn:b> 'from SPARQLWrapper' } }")
    sparql.query()
    check = wrapper(write_server, JSON)
    check.setQuery("SELECT ?o { GRAPH <urn:t:wrapper> { ?s ?p ?o } }")
    rows = check.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert rows[0]["o"]["value"] == "from SPARQLWrapper"


def test_rdflib_sparqlstore(seed_server: Server) -> None:
    graph = Graph(store=SPARQLStore(f"{seed_server.url}/sparql"))
    rows = list(graph.query(SPEAKERS))
    assert len(rows) == 10 and all(isinstance(r[0], URIRef) for r in rows)
    assert len(list(graph.triples((None, None, None)))) > 100
    asked = graph.query("ASK { ?s ?p ?o }")
    assert asked.askAnswer is True
    built = graph.query(CONSTRUCT)
    assert len(built.graph) == 10  # type: ignore[arg-type]


def test_rdflib_sparqlupdatestore_with_the_token(write_server: Server) -> None:
    url = f"{write_server.url}/sparql"
    store = SPARQLUpdateStore(url, url, headers={"Authorization": f"Bearer {TOKEN}"})
    graph = Graph(store=store, identifier=URIRef("urn:t:rdflib"))
    graph.add((URIRef("urn:t:s"), URIRef("urn:t:p"), Literal("from rdflib")))
    reader = Graph(store=SPARQLStore(url), identifier=URIRef("urn:t:rdflib"))
    assert [str(o) for o in reader.objects(URIRef("urn:t:s"), URIRef("urn:t:p"))] == ["from rdflib"]
