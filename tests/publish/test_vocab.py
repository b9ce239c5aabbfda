"""The vocabulary at its namespace path: /ns as a page and as Turtle, a page per term, event types, and resource
pages whose vocabulary links stay on the site."""

from __future__ import annotations

import re

import pytest
from rdflib import RDFS, Graph, URIRef

from kg.vocab import path as ontology_file
from tests.publish.conftest import SEED_ID
from tests.publish.helpers import BROWSER_ACCEPT, get

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

NKG = "https://w3id.org/newskg/ns#"


def test_namespace_page_lists_the_terms(site):
    r = get(f"{site.url}/ns", BROWSER_ACCEPT)
    assert r.status == 200 and "accept" in r.header("Vary").lower()
    for term in ("Statement", "speaker", "quoteType", "Direct", "Communication"):
        assert f'id="{term}"' in r.text and f'href="/ns/{term}"' in r.text, term
    assert 'href="/event-type/phone-call"' in r.text


@pytest.mark.parametrize("how", ["accept", "extension"])
def test_namespace_as_turtle_is_the_ontology(site, how):
    r = get(f"{site.url}/ns", "text/turtle") if how == "accept" else get(f"{site.url}/ns.ttl")
    assert r.status == 200 and r.header("Content-Type").startswith("text/turtle")
    assert r.body == ontology_file("newskg.ttl").read_bytes()


def test_term_page_and_its_turtle(site, store):
    html = get(f"{site.url}/ns/Statement", BROWSER_ACCEPT).text
    assert '<h1 id="label">Statement</h1>' in html and f"{NKG}Statement" in html
    n = len(store.query(f"SELECT ?s WHERE {{ ?s a <{NKG}Statement> }}").rows())
    assert re.search(rf'id="usage">{n} resources', html)
    assert 'href="/statements"' in html
    ttl = get(f"{site.url}/ns/Statement", "text/turtle")
    g = Graph().parse(data=ttl.body, format="turtle")
    assert (URIRef(f"{NKG}Statement"), RDFS.label, None) in g
    assert get(f"{site.url}/event-type/phone-call", BROWSER_ACCEPT).status == 200
    assert get(f"{site.url}/ns/NoSuchTerm", BROWSER_ACCEPT).status == 404
    assert get(f"{site.url}/ns/Statement", "image/png").status == 406


def test_resource_pages_link_the_vocabulary_here(site):
    html = get(f"{site.url}/doc/article/{SEED_ID}/statement/3", BROWSER_ACCEPT).text
    assert 'href="/ns/Statement"' in html
    assert 'href="https://w3id.org/newskg/ns#' not in html
