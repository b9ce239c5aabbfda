"""The dataset described at ``/.well-known/void`` (RFC 8615 well-known name, VoID section 7.2): VoID (statistics,
licence, dumps, SPARQL endpoint, URI space, vocabularies, one subset per article graph with its source and licence,
one linkset per dataset we link to) and DCAT (the dataset, one distribution per dump, the SPARQL endpoint as a data
service) — for machines in RDF, for a browser as a page. Also the JSON-LD context, at ``/ns/context.jsonld``.

Locators (endpoint, dumps) are URLs of the server that answers; the resources' URI space is the base IRI.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from kg.store import jsonld
from kg.store import term_text
from kg.store.serialize import grouped
from kg.vocab import SD, VOID
from server.blueprints.downloads import FORMAT_NAMES, article_graphs, dumps
from server.http.negotiate import choose
from server.blueprints.site import LINK_TARGETS, NKG, SCHEMA, base_iri, secure_html
from server.pages import engine
from server.engine.access import cached, dataset_version, fact, last_modified

bp = Blueprint("void", __name__)

IANA = "https://www.iana.org/assignments/media-types/"
W3C_FORMATS = {"ttl": "Turtle", "nt": "N-Triples", "nq": "N-Quads", "trig": "TriG", "jsonld": "JSON-LD",
               "rdf": "RDF_XML"}
OFFERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
          "application/n-triples": "nt", "text/html": "html"}


def stats() -> dict[str, Any]:
    """The counts VoID publishes, computed once per dataset version."""
    return cached("void_stats", _stats)


def _stats() -> dict[str, Any]:
    def one(q: str) -> int:
        rows = engine.select(q)
        return int(rows[0]["n"] or 0) if rows else 0

    ours = base_iri() + "id/"
    out: dict[str, Any] = {
        "triples": cached("union_size", lambda: fact("union_size")),
        "subjects": one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        "objects": one("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        "properties": one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        "classes": one("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"),
        "entities": one(f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{ours}")) }}'),
        "graphs": cached("graph_sizes", lambda: fact("graph_sizes")),
        "links": {},
        "vocabularies": set(),
    }
    for key, (_, prefixes) in LINK_TARGETS.items():
        test = " || ".join(f'STRSTARTS(STR(?o), "{p}")' for p in prefixes)
        out["links"][key] = one("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { "
                                 f"?s <{SKOS.exactMatch}> ?o FILTER({test}) }} }}")
    for iri in vocabulary_terms():
        m = re.match(r"^(.*[#/])[^#/]*$", iri)
        if m and not iri.startswith(base_iri()):
            out["vocabularies"].add(m.group(1))
    return out


VOCABULARY_PAGE = 1000  # properties and classes read per query


def vocabulary_terms() -> list[str]:
    """Every property and class the data uses, read a page at a time (each page a bounded query under the time
    limit), so that a dataset with more of them than the row limit is described whole rather than cut."""
    per = max(1, min(VOCABULARY_PAGE, int(current_app.config["MAX_ROWS"]) - 1))
    found: list[str] = []
    while True:
        rows = engine.select("SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } } ORDER BY ?t "
                             f"LIMIT {per} OFFSET {len(found)}")
        found += [row["t"] for row in rows]
        if len(rows) < per:
            return found


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
    g.add((ds, DCTERMS.license, URIRef(current_app.config["DATA_LICENSE"])))
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
    origins = article_origins()
    for name in sorted(graphs):
        sub = URIRef(f"{doc}#article-{name}")
        subsets[name] = sub
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, RDF.type, DCAT.Dataset))
        g.add((sub, DCTERMS.title, Literal(f"Article graph {name}", lang="en")))
        g.add((sub, SD.name, URIRef(graphs[name])))
        g.add((sub, DCTERMS.source, URIRef(f"{base_iri()}id/article/{name}")))
        source, licence = origins.get(name, ("", ""))
        if source:
            g.add((sub, DCTERMS.source, URIRef(source)))
        if licence:
            g.add((sub, DCTERMS.license, URIRef(licence) if licence.startswith(("http://", "https://"))
                   else Literal(licence)))
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


def article_origins() -> dict[str, tuple[str, str]]:
    """Article id → (where it was published, its licence) as its metadata gave them (README, index.tsv)."""
    def compute() -> dict[str, tuple[str, str]]:
        prefix = base_iri() + "id/article/"
        q = (f"SELECT ?a ?src ?lic WHERE {{ ?a a <{NKG}Article> OPTIONAL {{ ?a <{SCHEMA}isBasedOn> ?src }} "
             f"OPTIONAL {{ ?a <{SCHEMA}license> ?lic }} }}")
        return {term_text(r["a"])[len(prefix):]: (term_text(r["src"]), term_text(r["lic"]))
                for r in engine.rows(q) if term_text(r["a"]).startswith(prefix)}

    return cached("article_origins", compute)


@bp.route("/ns/context.jsonld")
def context() -> Response:
    """The JSON-LD context of every JSON-LD answer (kg.store.jsonld): the prefixes, at a URL that stays."""
    resp = Response(json.dumps(jsonld.context(), indent=1) + "\n", content_type="application/ld+json; charset=utf-8")
    resp.headers["Cache-Control"] = "public, max-age=86400"
    resp.set_etag(hashlib.sha256(resp.get_data()).hexdigest()[:16])
    return resp.make_conditional(request)


@bp.route("/.well-known/void")
def void() -> Response:
    """VoID and DCAT by content negotiation (Turtle unless asked otherwise; a page for a browser)."""
    media = choose(request.headers.get("Accept"), list(OFFERS))
    if media is None:
        abort(406, "no acceptable format; offered: " + ", ".join(OFFERS))
    if media == "text/html":
        resp = Response(render_template("void.html", **void_view()), mimetype="text/html")
        resp.vary.add("Accept")
        return secure_html(resp)
    graph = void_graph()
    if media == "application/ld+json":
        triples = [ox.Triple(*(_ox(t) for t in triple)) for triple in graph]
        body = jsonld.write(grouped(triples), context_url=url_for("void.context", _external=True)) or b""
    else:
        body = graph.serialize(format=OFFERS[media])
    resp = Response(body, content_type=f"{media}; charset=utf-8")
    resp.vary.add("Accept")
    resp.set_etag(f"{dataset_version()}-{OFFERS[media]}-{request.host}")
    return resp.make_conditional(request)


def _ox(term: Any) -> Any:
    """An rdflib term as a pyoxigraph one (for the JSON-LD writer)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else \
            ox.Literal(str(term))
    return ox.BlankNode(str(term))


def void_view() -> dict[str, Any]:
    """What the VoID page shows: the same description as the RDF, for a reader."""
    s = stats()
    origins = article_origins()
    graphs = article_graphs()
    config = current_app.config
    return {
        "licence": config["DATA_LICENSE"], "licence_name": config.get("DATA_LICENSE_NAME") or config["DATA_LICENSE"],
        "version": dataset_version(), "modified": last_modified().isoformat(),
        "endpoint": url_for("sparql.endpoint", _external=True), "uri_space": base_iri() + "id/",
        "stats": [(label, s[key]) for label, key in (("triples", "triples"), ("distinct subjects", "subjects"),
                                                     ("distinct objects", "objects"), ("properties", "properties"),
                                                     ("classes", "classes"), ("resources", "entities"))],
        "vocabularies": sorted(s["vocabularies"]),
        "articles": [{"name": n, "triples": s["graphs"][graphs[n]], "source": origins.get(n, ("", ""))[0],
                      "licence": origins.get(n, ("", ""))[1], "href": url_for("resources.document",
                                                                               path=f"article/{n}")}
                     for n in sorted(graphs)],
        "links": [(name, s["links"][key]) for key, (name, _) in LINK_TARGETS.items()],
        "machine": [(m, url_for("void.void", _external=True)) for m in OFFERS if m != "text/html"],
    }
