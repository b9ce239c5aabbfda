"""The W3C conformance suites, run against a real `kg serve`: SPARQL 1.1 Protocol (34 tests), Graph Store Protocol
(direct and indirect identification, graph creation by POST) and the service description checks.

The manifests live in ../shared/w3c (development material); without it these tests skip with the reason.
"""

from __future__ import annotations

import urllib.request

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import Namespace

from tests.conftest import SHARED, Server
from tests.server import w3c
from tests.server.conftest import TOKEN

W3C = SHARED / "w3c"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def _cases(manifest: str) -> list:
    path = W3C / manifest
    if not path.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"../shared/w3c/{manifest} is absent: the W3C "
                                                                   "test suites are not on this machine"))]
    return [pytest.param(case, id=case.name) for case in w3c.load(path)]


PROTOCOL = _cases("protocol/manifest.ttl")
GRAPH_STORE = _cases("graph-store-protocol/manifest.ttl")


def test_the_protocol_manifest_has_its_34_tests() -> None:
    if not (W3C / "protocol/manifest.ttl").exists():
        pytest.skip("../shared/w3c is absent")
    assert len(PROTOCOL) == 34
    assert len(GRAPH_STORE) >= 13


@pytest.mark.slow
@pytest.mark.parametrize("case", PROTOCOL)
def test_protocol(case: w3c.Case, write_server: Server) -> None:
    failures = w3c.run(case, w3c.Client(write_server.url, TOKEN), reset=False)
    assert not failures, f"{case.name} ({case.label}):\n" + "\n".join(failures)


@pytest.mark.slow
@pytest.mark.parametrize("case", GRAPH_STORE)
def test_graph_store_protocol(case: w3c.Case, write_server: Server) -> None:
    failures = w3c.run(case, w3c.Client(write_server.url, TOKEN), reset=True)
    assert not failures, f"{case.name} ({case.label}):\n" + "\n".join(failures)


@pytest.mark.slow
def test_graph_store_writes_need_the_token(write_server: Server) -> None:
    """The same suite without the token: every write is refused with 401, so nothing it expects can happen."""
    client = w3c.Client(write_server.url, None)
    status, headers, _ = client.send("PUT", "/gsp?graph=http%3A%2F%2Fexample.org%2Fg",
                                     [("Content-Type", "text/turtle")], b"<http://a> <http://b> <http://c> .")
    assert status == 401 and headers["www-authenticate"].lower().startswith("bearer")


# --- service description -------------------------------------------------------------------------------------------
SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<#Service> a sh:NodeShape ; sh:targetClass sd:Service ;
  sh:property [ sh:path sd:endpoint ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:supportedLanguage ; sh:minCount 1 ;
                sh:in ( sd:SPARQL10Query sd:SPARQL11Query sd:SPARQL11Update ) ] ;
  sh:property [ sh:path sd:feature ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:resultFormat ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:defaultDataset ; sh:maxCount 1 ; sh:class sd:Dataset ] .
<#Dataset> a sh:NodeShape ; sh:targetClass sd:Dataset ;
  sh:property [ sh:path sd:defaultGraph ; sh:maxCount 1 ; sh:class sd:Graph ] ;
  sh:property [ sh:path sd:namedGraph ; sh:class sd:NamedGraph ] .
<#NamedGraph> a sh:NodeShape ; sh:targetClass sd:NamedGraph ;
  sh:property [ sh:path sd:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path sd:graph ; sh:maxCount 1 ; sh:class sd:Graph ] .
<#Graph> a sh:NodeShape ; sh:targetClass sd:Graph ;
  sh:property [ sh:path void:triples ; sh:maxCount 1 ; sh:datatype xsd:integer ] .
"""
SD_CHECKS = ("has-endpoint-triple", "returns-rdf", "conforms-to-schema")


def _sd_entries() -> list[str]:
    path = W3C / "service-description/manifest.ttl"
    if not path.exists():
        return []
    g = Graph().parse(path, format="turtle")
    mf = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
    return sorted(str(s).rsplit("#", 1)[-1] for s in g.subjects(None, mf.ServiceDescriptionTest))


def _description(server: Server, accept: str) -> tuple[str, Graph]:
    req = urllib.request.Request(f"{server.url}/sparql", headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=30) as resp:
        media = resp.headers.get_content_type()
        body = resp.read()
    return media, Graph().parse(data=body, format={"text/turtle": "turtle", "application/rdf+xml": "xml",
                                                   "application/ld+json": "json-ld"}[media])


@pytest.mark.slow
@pytest.mark.parametrize("which", ["seed", "write"])
def test_service_description_manifest(which: str, seed_server: Server, write_server: Server) -> None:
    entries = _sd_entries()
    if not entries:
        pytest.skip("../shared/w3c/service-description is absent")
    assert set(entries) == set(SD_CHECKS), "a manifest entry this runner has no check for"
    server = seed_server if which == "seed" else write_server
    for accept in ("text/turtle", "application/rdf+xml", "application/ld+json"):
        media, g = _description(server, accept)
        assert media == accept  # returns-rdf, in each format
        assert (None, SD.endpoint, URIRef(f"{server.url}/sparql")) in g  # has-endpoint-triple
        conforms, _, report = validate(g, shacl_graph=Graph().parse(data=SHAPES, format="turtle"))
        assert conforms, report  # conforms-to-schema
        assert (None, SD.feature, SD.UnionDefaultGraph) in g
    update = (None, SD.supportedLanguage, SD.SPARQL11Update) in g
    assert update == (which == "write")
