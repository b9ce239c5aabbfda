"""The dataset described for machines at ``/.well-known/void`` (RFC 8615 well-known name, VoID section 7.2):
VoID (statistics, dumps, SPARQL endpoint, URI space, vocabularies, one subset per article graph, one linkset per
dataset we link to) and DCAT (the dataset, one distribution per dump, the SPARQL endpoint as a data service).

Locators (endpoint, dumps) are URLs of the server that answers; the resources' URI space is the base IRI.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, abort, request, url_for
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from kg.store import Store, term_text
from server.downloads import FORMAT_NAMES, article_graphs, dumps
from server.negotiate import choose
from server.site import LINK_TARGETS, base_iri
from server.store import cached, dataset_version, last_modified

bp = Blueprint("void", __name__)

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
IANA = "https://www.iana.org/assignments/media-types/"
W3C_FORMATS = {"ttl": "Turtle", "nt": "N-Triples", "nq": "N-Quads", "trig": "TriG", "jsonld": "JSON-LD",
               "rdf": "RDF_XML"}
OFFERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
          "application/n-triples": "nt", "text/html": "turtle"}


def stats() -> dict[str, Any]:
    """The counts VoID publishes, computed once per dataset version."""
    return cached("void_stats", _stats)


def _stats(store: Store) -> dict[str, Any]:
    def one(q: str) -> int:
        rows = store.query(q).rows()
        return int(term_text(rows[0]["n"])) if rows else 0

    ours = base_iri() + "id/"
    out: dict[str, Any] = {
        "triples": store.union_size(),
        "subjects": one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        "objects": one("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        "properties": one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        "classes": one("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"),
        "entities": one(f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{ours}")) }}'),
        "graphs": store.graph_sizes(),
        "links": {},
        "vocabularies": set(),
    }
    for key, (_, prefixes) in LINK_TARGETS.items():
        test = " || ".join(f'STRSTARTS(STR(?o), "{p}")' for p in prefixes)
        out["links"][key] = one("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { "
                                 f"?s <{SKOS.exactMatch}> ?o FILTER({test}) }} }}")
    terms = store.query("SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }").rows()
    for row in terms:
        iri = term_text(row["t"])
        m = re.match(r"^(.*[#/])[^#/]*$", iri)
        if m and not iri.startswith(base_iri()):
            out["vocabularies"].add(m.group(1))
    return out


def void_graph() -> Graph:
    """The VoID + DCAT description of this server's dataset."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("sd", SD),
                       ("skos", SKOS)):
        g.bind(prefix, ns)
    doc = url_for("void.void", _external=True)
    ds = URIRef(doc + "#dataset")
    endpoint = URIRef(url_for("sparql.endpoint", _external=True))
    s = stats()
    g.add((URIRef(doc), RDF.type, VOID.DatasetDescription))
    g.add((URIRef(doc), FOAF.primaryTopic, ds))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("newskg knowledge graph", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "Who said what to whom, reported by whom, in which event, when: statements, actors, events and their "
        "evidence spans, extracted from news articles. One named graph per article.", lang="en")))
    g.add((ds, DCTERMS.identifier, Literal(dataset_version())))
    modified = last_modified()
    if modified:
        g.add((ds, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.dateTime)))
    g.add((ds, FOAF.homepage, URIRef(url_for("ui.index", _external=True))))
    g.add((ds, DCAT.landingPage, URIRef(url_for("ui.index", _external=True))))
    g.add((ds, VOID.sparqlEndpoint, endpoint))
    g.add((ds, VOID.uriSpace, Literal(base_iri() + "id/")))
    g.add((ds, VOID.uriRegexPattern, Literal("^" + re.escape(base_iri()) + "(id|graph)/")))
    for vocab in sorted(s["vocabularies"]):
        g.add((ds, VOID.vocabulary, URIRef(vocab)))
    for name, value in (("triples", "triples"), ("distinctSubjects", "subjects"), ("distinctObjects", "objects"),
                        ("properties", "properties"), ("classes", "classes"), ("entities", "entities")):
        g.add((ds, VOID[name], Literal(s[value], datatype=XSD.integer)))
    for fmt in sorted({d["ext"] for d in dumps()}):
        g.add((ds, VOID.feature, URIRef(f"http://www.w3.org/ns/formats/{W3C_FORMATS[fmt]}")))

    subsets: dict[str, URIRef] = {"all": ds}
    graphs = article_graphs()
    for name in sorted(graphs):
        sub = URIRef(f"{doc}#article-{name}")
        subsets[name] = sub
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, RDF.type, DCAT.Dataset))
        g.add((sub, DCTERMS.title, Literal(f"Article graph {name}", lang="en")))
        g.add((sub, SD.name, URIRef(graphs[name])))
        g.add((sub, DCTERMS.source, URIRef(f"{base_iri()}id/article/{name}")))
        g.add((sub, VOID.triples, Literal(s["graphs"][graphs[name]], datatype=XSD.integer)))
        g.add((sub, VOID.sparqlEndpoint, endpoint))
    for d in dumps():
        dist = URIRef(f"{doc}#dump-{d['dataset']}-{d['ext']}{'-gz' if d['gz'] else ''}")
        owner = subsets[d["dataset"]]
        g.add((owner, VOID.dataDump, URIRef(d["url"])))
        g.add((owner, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, URIRef(d["url"])))
        g.add((dist, DCAT.accessURL, URIRef(d["url"])))
        g.add((dist, DCAT.mediaType, URIRef(IANA + d["media"])))
        g.add((dist, DCTERMS.format, URIRef(f"http://www.w3.org/ns/formats/{W3C_FORMATS[d['ext']]}")))
        g.add((dist, DCTERMS.title, Literal(f"{d['dataset']} as {FORMAT_NAMES[d['ext']]}"
                                            f"{', gzipped' if d['gz'] else ''}", lang="en")))
        if d["gz"]:
            g.add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))

    for key, (name, prefixes) in LINK_TARGETS.items():
        target = URIRef(f"{doc}#{key}")
        links = URIRef(f"{doc}#links-{key}")
        g.add((target, RDF.type, VOID.Dataset))
        g.add((target, DCTERMS.title, Literal(name)))
        g.add((target, VOID.uriSpace, Literal(prefixes[0])))
        g.add((ds, VOID.subset, links))
        g.add((links, RDF.type, VOID.Linkset))
        g.add((links, VOID.linkPredicate, SKOS.exactMatch))
        g.add((links, VOID.subjectsTarget, ds))
        g.add((links, VOID.objectsTarget, target))
        g.add((links, VOID.triples, Literal(s["links"][key], datatype=XSD.integer)))

    service = URIRef(doc + "#sparql-service")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("newskg SPARQL endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.endpointDescription, endpoint))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((service, DCAT.servesDataset, ds))
    for sub in subsets.values():
        g.add((service, DCAT.servesDataset, sub))
    return g


@bp.route("/.well-known/void")
def void() -> Response:
    """VoID and DCAT by content negotiation (Turtle unless asked otherwise)."""
    media = choose(request.headers.get("Accept"), list(OFFERS))
    if media is None:
        abort(406, "no acceptable format; offered: " + ", ".join(m for m in OFFERS if m != "text/html"))
    if media == "text/html":
        media = "text/turtle"  # a browser gets the Turtle, readable as text
    body = void_graph().serialize(format=OFFERS[media])
    resp = Response(body, content_type=f"{media}; charset=utf-8")
    resp.vary.add("Accept")
    resp.set_etag(f"{dataset_version()}-{OFFERS[media]}-{request.host}")
    return resp.make_conditional(request)
