"""The SPARQL service description (``GET /sparql`` without a query), by content negotiation.

It says what a client needs before its first query: the endpoint, the languages (SPARQL 1.1 Query, and Update when
a token is configured), that the default graph is the union of all named graphs (``sd:UnionDefaultGraph``), the
result formats, whether federation is possible, the limits, and every named graph with its size (``void:triples``).
"""

from __future__ import annotations

from flask import Response, abort, current_app, render_template_string, url_for
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.sparql.federation import parse_allow
from kg.vocab import FORMATS, SD, VOID
from server.http import util as httputil
from server.http.negotiate import GRAPH_TYPES, choose
from server.http.protocol import requested_accept
from server.engine.access import cached, dataset_version, fact, last_modified, updates_enabled

OFFERS = ["text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples", "application/trig",
          "application/n-quads", "text/html"]
RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml", "nt": "nt", "trig": "trig", "nq": "nquads"}
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML")
PAGE = """{% extends "base.html" %}{% block title %}SPARQL service · newskg{% endblock %}{% block main %}
<h1>SPARQL endpoint</h1><p>Send a query to <code>{{ endpoint }}</code> (SPARQL 1.1 Protocol){% if page %}, or
write one on the <a href="{{ page }}">query page</a>{% endif %}. This is its service description; ask for
<code>text/turtle</code> or <code>application/ld+json</code> to get it as data.</p>
<pre>{{ turtle }}</pre>{% endblock %}"""


def description_graph(endpoint: str) -> Graph:
    """The service description of the endpoint at ``endpoint`` (cached per dataset state)."""
    config = current_app.config
    update, allow = updates_enabled(), parse_allow(config.get("FEDERATION_ALLOW"))
    key = f"sd {endpoint} {update} {allow} {config['QUERY_TIMEOUT']} {config['MAX_ROWS']}"
    return cached(key, lambda: _build(endpoint, update=update, allow=allow))


def _build(endpoint: str, *, update: bool, allow: tuple[str, ...]) -> Graph:
    config = current_app.config
    g = Graph()
    for prefix, ns in (("sd", SD), ("void", VOID), ("formats", FORMATS), ("dcterms", DCTERMS)):
        g.bind(prefix, ns)
    svc, ep = URIRef(endpoint + "#service"), URIRef(endpoint)
    g.add((svc, RDF.type, SD.Service))
    g.add((svc, SD.endpoint, ep))
    g.add((svc, DCTERMS.title, Literal("newskg SPARQL endpoint")))
    g.add((svc, SD.supportedLanguage, SD.SPARQL11Query))
    if update:
        g.add((svc, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((svc, SD.feature, SD.UnionDefaultGraph))
    if allow:
        g.add((svc, SD.feature, SD.BasicFederatedQuery))
    for fmt in RESULT_FORMATS:
        g.add((svc, SD.resultFormat, FORMATS[fmt]))
    limits = (f"Queries are stopped after {float(config['QUERY_TIMEOUT']):g} s (503). Results are cut at "
              f"{int(config['MAX_ROWS'])} rows or triples; a cut result has the response header "
              f"X-Newskg-Truncated: true. SERVICE may call only: {', '.join(allow) or 'no endpoint'}.")
    g.add((svc, RDFS.comment, Literal(limits)))
    ds, dg = URIRef(endpoint + "#dataset"), URIRef(endpoint + "#default-graph")
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    g.add((dg, RDFS.comment, Literal("The default graph is the union of all named graphs.")))
    g.add((dg, VOID.triples, Literal(cached("union_size", lambda: fact("union_size")))))
    for i, (name, size) in enumerate(sorted(cached("graph_sizes", lambda: fact("graph_sizes")).items()), start=1):
        ng, graph = URIRef(f"{endpoint}#named-graph-{i}"), URIRef(f"{endpoint}#graph-{i}")
        g.add((ds, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, URIRef(name)))
        g.add((ng, SD.graph, graph))
        g.add((graph, RDF.type, SD.Graph))
        g.add((graph, VOID.triples, Literal(size)))
    return g


def service_description() -> Response:
    """The description in the negotiated format (an HTML page showing the Turtle for browsers)."""
    media = choose(requested_accept(), OFFERS)
    if media is None:
        abort(406, "no acceptable format for the service description; offered: " + ", ".join(OFFERS))
    endpoint = url_for("sparql.endpoint", _external=True)
    tag, modified = httputil.etag(dataset_version(), "sd", endpoint, media, updates_enabled()), last_modified()
    if httputil.not_modified(tag, modified):
        resp = Response(status=304)
    else:
        graph = description_graph(endpoint)
        if media == "text/html":
            query_page = url_for("ui.query") if "ui.query" in current_app.view_functions else None
            page = render_template_string(PAGE, endpoint=endpoint, page=query_page,
                                          turtle=graph.serialize(format="turtle"))
            resp = Response(page, content_type="text/html; charset=utf-8")
        else:
            body = graph.serialize(format=RDFLIB_FORMATS[GRAPH_TYPES[media]], encoding="utf-8")
            resp = Response(body, content_type=f"{media}; charset=utf-8")
    resp.vary.add("Accept")
    return httputil.validators(resp, tag, modified)
