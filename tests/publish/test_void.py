"""VoID and DCAT at /.well-known/void: formats by Accept, and every number and link checked against the store and
against the server itself."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, SKOS

from kg.store import Store
from tests.conftest import BASE
from tests.publish.conftest import SCRIPT_ID, SEED_ID
from tests.publish.helpers import get, parse

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
TARGETS = {"wikidata": ("http://www.wikidata.org/entity/",), "dbpedia": ("http://dbpedia.org/resource/",),
           "geonames": ("https://sws.geonames.org/", "http://sws.geonames.org/")}


@pytest.fixture(scope="module")
def void(site) -> Graph:  # noqa: ANN001
    r = get(f"{site.url}/.well-known/void", "text/turtle")
    assert r.status == 200 and r.header("Content-Type").startswith("text/turtle")
    return parse(r.body, "ttl")


def dataset(site) -> URIRef:  # noqa: ANN001
    return URIRef(f"{site.url}/.well-known/void#dataset")


@pytest.mark.parametrize("media,ext", [("application/ld+json", "jsonld"), ("application/rdf+xml", "rdf"),
                                       ("application/n-triples", "nt")])
def test_every_format_says_the_same(site, void, media, ext):
    r = get(f"{site.url}/.well-known/void", media)
    assert r.status == 200 and r.header("Content-Type").startswith(media)
    assert "accept" in r.header("Vary").lower()
    g = Graph().parse(data=r.body, format={"jsonld": "json-ld", "rdf": "xml", "nt": "nt"}[ext])
    assert set(g) == set(void)


def test_406_when_nothing_is_acceptable(site):
    assert get(f"{site.url}/.well-known/void", "image/png").status == 406


def test_dataset_statistics_match_the_store(site, void, store: Store):
    ds = dataset(site)
    assert (ds, RDF.type, VOID.Dataset) in void and (ds, RDF.type, DCAT.Dataset) in void
    assert void.value(ds, VOID.triples).toPython() == store.union_size()
    subjects = {q.subject for q in store.quads()}
    assert void.value(ds, VOID.distinctSubjects).toPython() == len(subjects)
    assert void.value(ds, VOID.sparqlEndpoint) == URIRef(f"{site.url}/sparql")
    assert void.value(ds, VOID.uriSpace) == Literal(BASE + "id/")
    vocabularies = set(void.objects(ds, VOID.vocabulary))
    assert {URIRef("https://w3id.org/newskg/ns#"), URIRef("http://schema.org/"),
            URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")} <= vocabularies


def test_one_subset_per_article_graph(site, void, store: Store):
    ds = dataset(site)
    subsets = {void.value(s, SD.name): s for s in void.objects(ds, VOID.subset) if void.value(s, SD.name)}
    articles = {g for g in store.graphs() if "/graph/article/" in g}
    assert {str(n) for n in subsets} == articles
    for name, sub in subsets.items():
        assert void.value(sub, VOID.triples).toPython() == store.count(str(name))
        article_id = str(name).rsplit("/", 1)[1]
        assert URIRef(f"{site.url}/download/article/{article_id}.ttl") in set(void.objects(sub, VOID.dataDump))


def test_one_linkset_per_target_with_its_count(site, void, store: Store):
    links = {(q.subject.value, q.object.value) for q in store.quads() if q.predicate.value == str(SKOS.exactMatch)}
    linksets = {s for s in void.subjects(RDF.type, VOID.Linkset)}
    assert len(linksets) == len(TARGETS)
    seen = set()
    for ls in linksets:
        target = void.value(ls, VOID.objectsTarget)
        key = str(target).rsplit("#", 1)[1]
        seen.add(key)
        expected = sum(1 for _, o in links if o.startswith(TARGETS[key]))
        assert void.value(ls, VOID.triples).toPython() == expected, key
        assert void.value(ls, VOID.linkPredicate) == SKOS.exactMatch
        assert void.value(ls, VOID.subjectsTarget) == dataset(site)
        assert str(void.value(target, VOID.uriSpace)) == TARGETS[key][0]
    assert seen == set(TARGETS)
    assert sum(void.value(ls, VOID.triples).toPython() for ls in linksets) > 0  # the seed is linked


def test_every_dump_is_listed_as_dump_and_distribution_and_answers(site, void):
    page = get(f"{site.url}/download/").text
    offered = {site.url + p for p in re.findall(r'href="(/download/[^"]+)"', page)}
    dumps = {str(o) for o in void.objects(None, VOID.dataDump)}
    assert dumps == offered and len(dumps) == 6 * 2 * 3  # six formats, plain and gz, all + two articles
    distributions = {str(void.value(d, DCAT.downloadURL)): d for d in void.subjects(RDF.type, DCAT.Distribution)}
    assert set(distributions) == dumps
    for url, dist in distributions.items():
        media = str(void.value(dist, DCAT.mediaType))
        assert media.startswith("https://www.iana.org/assignments/media-types/")
        head = get(url, method="HEAD")
        assert head.status == 200, url
        if url.endswith(".gz"):
            assert head.header("Content-Type") == "application/gzip"
            assert (dist, DCAT.compressFormat, None) in void
        else:
            assert head.header("Content-Type").split(";")[0] == media.rsplit("media-types/", 1)[1]


def test_the_sparql_endpoint_is_a_data_service(site, void):
    services = list(void.subjects(RDF.type, DCAT.DataService))
    assert len(services) == 1
    assert void.value(services[0], DCAT.endpointURL) == URIRef(f"{site.url}/sparql")
    assert (services[0], DCAT.servesDataset, dataset(site)) in void
    assert get(f"{site.url}/sparql?query=ASK%7B%7D", "application/sparql-results+json").status == 200


def test_subsets_name_their_articles(site, void):
    for article in (SEED_ID, SCRIPT_ID):
        sub = URIRef(f"{site.url}/.well-known/void#article-{article}")
        assert (dataset(site), VOID.subset, sub) in void
        assert get(f"{site.url}/id/article/{article}").status == 303
