"""The SPARQL service description (``GET /sparql`` without a query), by content negotiation."""

from __future__ import annotations

from flask import Response, abort, request, url_for
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from server.negotiate import GRAPH_TYPES, choose
from server.store import get_store

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
OFFERS = ["text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples", "application/trig",
          "application/n-quads"]


def description_graph() -> Graph:
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    endpoint = URIRef(url_for("sparql.endpoint", _external=True))
    svc = URIRef(str(endpoint) + "#service")
    g.add((svc, RDF.type, SD.Service))
    g.add((svc, SD.endpoint, endpoint))
    for lang in ("SPARQL11Query",):
        g.add((svc, SD.supportedLanguage, SD[lang]))
    g.add((svc, SD.feature, SD.UnionDefaultGraph))
    g.add((svc, SD.feature, SD.BasicFederatedQuery))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N-Quads", "TriG"):
        g.add((svc, SD.resultFormat, URIRef(f"http://www.w3.org/ns/formats/{fmt}")))
    ds = URIRef(str(endpoint) + "#dataset")
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    dg = URIRef(str(endpoint) + "#default-graph")
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    store = get_store()
    g.add((dg, VOID.triples, Literal(store.count())))
    for name in store.graphs():
        ng = URIRef(f"{endpoint}#graph-{len(list(g.objects(ds, SD.namedGraph)))}")
        g.add((ds, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, URIRef(name)))
    return g


def service_description() -> Response:
    media = choose(request.headers.get("Accept"), OFFERS + ["text/html"])
    if media is None:
        abort(406, "no acceptable format for the service description")
    if media == "text/html":
        media = "text/turtle"
    fmt = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml", "nt": "nt", "trig": "trig", "nq": "nquads"}[GRAPH_TYPES[media]]
    body = description_graph().serialize(format=fmt)
    resp = Response(body, content_type=f"{media}; charset=utf-8")
    resp.vary.add("Accept")
    return resp
