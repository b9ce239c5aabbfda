"""Cool URIs: every resource IRI dereferences (303 to a description chosen by Accept), descriptions in HTML and
four RDF formats, helpful 404s, and pages that show labels, evidence and links — over real HTTP."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.store import Store, term_text
from tests.conftest import BASE, start_server, stop_server
from tests.publish.conftest import SCRIPT_ID, SEED_ID, build
from tests.publish.helpers import BROWSER_ACCEPT, get, parse, triples

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

NKG = "https://w3id.org/newskg/ns#"
SKOS_EXACT = "http://www.w3.org/2004/02/skos/core#exactMatch"
WANG = "person/wang-yi"
RDF_TYPES = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
             "application/rdf+xml": "rdf"}


def local_resources(store: Store) -> list[str]:
    """One resource path of each shape (person/…, article/…/statement/N, …/span/B-E, …), read from the store."""
    rows = store.query(f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }}').rows()
    shapes: dict[str, str] = {}
    for r in sorted(term_text(r["s"]) for r in rows):
        path = r[len(BASE) + 3:]
        parts = path.split("/")
        shape = parts[0] if parts[0] != "article" else "/".join(
            "N" if re.search(r"\d", p) else p for p in ["article", "A", *parts[2:]])
        shapes.setdefault(shape, path)
    return sorted(shapes.values())


# --- 303 and content negotiation ------------------------------------------------------------------------------


def test_id_answers_303_to_the_html_page_for_a_browser(site):
    r = get(f"{site.url}/id/{WANG}", BROWSER_ACCEPT)
    assert r.status == 303
    assert r.header("Location").endswith(f"/doc/{WANG}")
    assert "accept" in r.header("Vary").lower()


@pytest.mark.parametrize("accept", [None, "*/*", "text/turtle"])
def test_id_answers_303_to_turtle_for_a_machine(site, accept):
    r = get(f"{site.url}/id/{WANG}", accept)
    assert r.status == 303 and r.header("Location").endswith(f"/doc/{WANG}.ttl")
    doc = get(site.url + r.header("Location"))
    assert doc.status == 200 and doc.header("Content-Type").startswith("text/turtle")
    g = parse(doc.body, "ttl")
    assert (URIRef(BASE + "id/" + WANG), RDFS.label, Literal("Wang Yi")) in g


@pytest.mark.parametrize("media,ext", sorted(RDF_TYPES.items()))
def test_every_rdf_format_by_accept_and_by_extension_says_the_same(site, media, ext):
    r = get(f"{site.url}/id/{WANG}", media)
    assert r.status == 303 and r.header("Location").endswith(f"/doc/{WANG}.{ext}")
    by_accept = get(f"{site.url}/doc/{WANG}", media)
    assert by_accept.status == 200 and by_accept.header("Content-Type").startswith(media)
    assert by_accept.header("Content-Location").endswith(f"/doc/{WANG}.{ext}")
    assert "accept" in by_accept.header("Vary").lower()
    by_ext = get(f"{site.url}/doc/{WANG}.{ext}")
    assert by_ext.header("Content-Type").startswith(media)
    reference = triples(parse(get(f"{site.url}/doc/{WANG}.ttl").body, "ttl"))
    assert triples(parse(by_ext.body, ext)) == reference == triples(parse(by_accept.body, ext))


def test_q_values_decide(site):
    r = get(f"{site.url}/id/{WANG}", "text/turtle;q=0.4, application/rdf+xml;q=0.9, text/html;q=0.1")
    assert r.header("Location").endswith(f"/doc/{WANG}.rdf")


def test_nothing_acceptable_is_406(site):
    assert get(f"{site.url}/id/{WANG}", "image/png").status == 406
    assert get(f"{site.url}/doc/{WANG}", "image/png").status == 406


def test_the_description_holds_outgoing_and_incoming_links_and_says_what_it_is_about(site, store):
    g = parse(get(f"{site.url}/doc/{WANG}.ttl").body, "ttl")
    wang = URIRef(BASE + "id/" + WANG)
    speakers = {term_text(r["s"]) for r in store.query(f"SELECT ?s WHERE {{ ?s <{NKG}speaker> <{wang}> }}").rows()}
    assert speakers and speakers <= {str(s) for s in g.subjects(URIRef(NKG + "speaker"), wang)}
    assert (None, URIRef("http://xmlns.com/foaf/0.1/primaryTopic"), wang) in g
    for s in speakers:  # neighbours come with their labels, so a client can show them
        assert (URIRef(s), RDFS.label, None) in g


def test_descriptions_are_cached_by_etag(site):
    first = get(f"{site.url}/doc/{WANG}.ttl")
    etag = first.header("ETag")
    assert etag
    again = get(f"{site.url}/doc/{WANG}.ttl", headers={"If-None-Match": etag})
    assert again.status == 304 and again.body == b""
    assert get(f"{site.url}/doc/{WANG}.nt").header("ETag") != etag


def test_every_kind_of_resource_dereferences(site, store):
    """Global resources and article-local ones (statements, events, spans, holdings, participations, times…)."""
    paths = local_resources(store)
    kinds = {p.split("/")[0] for p in paths} | {p.split("/")[2] for p in paths if p.startswith("article/") and
                                                 p.count("/") >= 3}
    assert {"person", "country", "article", "statement", "event", "span", "holding", "time"} <= kinds, kinds
    for path in paths:
        iri = URIRef(BASE + "id/" + path)
        r = get(f"{site.url}/id/{path}", BROWSER_ACCEPT)
        assert r.status == 303, path
        page = get(site.url + r.header("Location"), BROWSER_ACCEPT)
        assert page.status == 200 and str(iri) in page.text, path
        g = parse(get(f"{site.url}/doc/{path}.ttl").body, "ttl")
        assert (iri, None, None) in g, path


# --- 404 ---------------------------------------------------------------------------------------------------------


def test_unknown_resource_is_a_404_that_helps(site):
    page = get(f"{site.url}/id/person/wang", BROWSER_ACCEPT)
    assert page.status == 404 and "text/html" in page.header("Content-Type")
    assert f'href="/doc/{WANG}"' in page.text and "Wang Yi" in page.text  # "did you mean"
    machine = get(f"{site.url}/id/person/nobody-at-all", "application/json")
    assert machine.status == 404
    assert b'"ok":false' in machine.body.replace(b" ", b"")
    assert get(f"{site.url}/doc/person/nobody-at-all.ttl").status == 404


def test_iris_that_would_break_a_query_are_404_not_500(site):
    for path in ["person/a%3E%20%3Cx", "person/%22%7D", "person/a%5Cb"]:
        assert get(f"{site.url}/id/{path}").status == 404, path


# --- graphs ------------------------------------------------------------------------------------------------------


def test_graph_iris_dereference(site, store):
    r = get(f"{site.url}/graph/article/{SEED_ID}")
    assert r.status == 303 and r.header("Location").endswith(f"/download/article/{SEED_ID}.ttl")
    dump = get(site.url + r.header("Location"))
    # the article's dump: every triple of its graph, with the shared descriptions of what it mentions
    graph = {(str(q.subject.value), str(q.predicate.value), q.object.value) for q in store.quads(
        f"{BASE}graph/article/{SEED_ID}")}
    got = {(str(s), str(p), str(o)) for s, p, o in triples(parse(dump.body, "ttl"))}
    assert graph and graph <= got
    assert get(f"{site.url}/graph/article/no-such-article").status == 404


# --- the HTML pages ------------------------------------------------------------------------------------------------


def test_pages_link_locally_whatever_the_base(site):
    """The store says http://localhost:8000/…; the server runs elsewhere and its pages must link to itself."""
    for path in [WANG, f"article/{SEED_ID}", f"article/{SEED_ID}/statement/3"]:
        page = get(f"{site.url}/doc/{path}", BROWSER_ACCEPT).text
        assert not re.search(r'href="http://localhost:8000/', page), path
        assert 'href="/doc/' in page


def test_actor_page_shows_label_types_properties_mentions_and_links_out(site, store):
    page = get(f"{site.url}/doc/{WANG}", BROWSER_ACCEPT)
    assert page.status == 200
    html = page.text
    assert '<h1 id="label">Wang Yi</h1>' in html
    assert ">Person</a>" in html  # the type, labelled from the ontology graph
    assert ">denoted by</a>" in html and ">country</a>" in html  # property labels from the ontology graph
    assert "participant in" in html and "mentioned in" in html  # incoming links in words
    marks = re.findall(r'<mark class="mention">([^<]*)</mark>', html)
    assert "Wang Yi" in marks and len(marks) >= 5  # the evidence, highlighted
    for r in store.query(f"SELECT ?o WHERE {{ <{BASE}id/{WANG}> <{SKOS_EXACT}> ?o }}").rows():
        assert f'href="{term_text(r["o"])}"' in html
    assert 'id="said"' in html and 'id="posts"' in html and "Foreign Minister" in html


def test_article_page(site, store):
    html = get(f"{site.url}/doc/article/{SEED_ID}", BROWSER_ACCEPT).text
    assert "Address Russia’s ‘legitimate concerns’, China tells U.S." in html
    assert "2022-01-27" in html and ">inferred<" in html
    n = len(store.query(f"SELECT ?s WHERE {{ ?s <{NKG}extractedFrom> <{BASE}id/article/{SEED_ID}> ; "
                        f"a <{NKG}Statement> }}").rows())
    text = html.split('id="article-text"', 1)[1].split("</div>", 1)[0]
    linked = set(re.findall(rf'<a href="/doc/article/{SEED_ID}/statement/(\d+)" data-kind="quote"', text))
    assert n > 5 and len(linked) == n  # every statement's content marked in the text, linking to its page
    table = html.split('id="statements"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == n + 1
    assert 'id="actors"' in html and 'id="events"' in html


def test_statement_page_shows_who_said_it_and_the_sentence(site):
    html = get(f"{site.url}/doc/article/{SEED_ID}/statement/3", BROWSER_ACCEPT).text
    assert 'id="quote"' in html and "Said by" in html
    evidence = html.split('id="evidence"', 1)[1]
    assert '<mark class="content">' in evidence and '<mark class="speaker">' in evidence


# --- article text is data, never markup ------------------------------------------------------------------------


@pytest.mark.parametrize("path", [f"article/{SCRIPT_ID}", f"article/{SCRIPT_ID}/statement/2", "person/jane-doe"])
def test_markup_in_article_text_is_escaped(site, path):
    r = get(f"{site.url}/doc/{path}", BROWSER_ACCEPT)
    assert r.status == 200
    assert "<script>alert(1)</script>" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text or "&lt;img src=x" in r.text
    # no inline script: the only scripts are this server's files (the reading room's, on an article's page)
    assert re.findall(r"<script\b(?![^>]*\bsrc=\"/static/)", r.text) == []
    assert [a for a in attribute_names(r.text) if a.startswith("on")] == []  # no inline event handler
    assert "script-src 'self'" in r.header("Content-Security-Policy")


def attribute_names(html: str) -> set[str]:
    names: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN202
            names.update(a for a, _ in attrs)

    Collect().feed(html)
    return names


# --- another base IRI ------------------------------------------------------------------------------------------


def test_the_base_is_read_from_the_store(tmp_path: Path, script_article: Path):
    """A store built under another base (with a path) is served the same way, with no configuration."""
    base = "http://news.example/kg/"
    store = tmp_path / "db"
    build(store, script_article, base=base)
    server = start_server(store)
    try:
        r = get(f"{server.url}/id/person/jane-doe")
        assert r.status == 303
        g = parse(get(server.url + r.header("Location")).body, "ttl")
        assert (URIRef(base + "id/person/jane-doe"), RDFS.label, Literal("Jane Doe")) in g
        assert get(f"{server.url}/id/person/jane-doe", BROWSER_ACCEPT, follow=True).text.count(base) >= 1
    finally:
        stop_server(server)
