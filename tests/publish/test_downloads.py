"""Dumps under /download/: every format, plain and gzipped, whole and per article; the right triples; streamed
from a file written once per dataset version; ETag, Last-Modified, 304 and byte ranges."""

from __future__ import annotations

import gzip
import re

import pytest

from tests.conftest import BASE
from tests.publish.conftest import SCRIPT_ID, SEED_ID
from tests.publish.helpers import get, parse, triples

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

FORMATS = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
           "trig": "application/trig", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
WITH_GRAPHS = {"nq", "trig", "jsonld"}


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_whole_dataset_in_every_format(site, store, ext):
    r = get(f"{site.url}/download/all.{ext}")
    assert r.status == 200 and r.header("Content-Type").startswith(FORMATS[ext])
    g = parse(r.body, ext)
    assert len(triples(g)) == store.union_size()
    if ext in WITH_GRAPHS:  # the named graphs are kept
        names = {str(c.identifier) for c in g.contexts()}
        assert f"{BASE}graph/article/{SEED_ID}" in names and f"{BASE}graph/provenance/{SEED_ID}" in names


@pytest.mark.parametrize("ext", ["ttl", "nq"])
def test_gzipped_dump_is_the_plain_one_compressed(site, ext):
    plain = get(f"{site.url}/download/all.{ext}").body
    gz = get(f"{site.url}/download/all.{ext}.gz")
    assert gz.status == 200 and gz.header("Content-Type") == "application/gzip"
    assert gzip.decompress(gz.body) == plain
    art = get(f"{site.url}/download/article/{SEED_ID}.{ext}.gz")
    assert gzip.decompress(art.body) == get(f"{site.url}/download/article/{SEED_ID}.{ext}").body


@pytest.mark.parametrize("article", [SEED_ID, SCRIPT_ID])
@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_one_dump_per_article_graph(site, store, article, ext):
    """An article's dump: its graph and the shared descriptions of what it mentions — every actor with its label."""
    r = get(f"{site.url}/download/article/{article}.{ext}")
    assert r.status == 200
    described = store.query(f"""SELECT DISTINCT ?s ?p ?o WHERE {{
        GRAPH <{BASE}graph/provenance/{article}> {{ ?c <https://w3id.org/newskg/ns#contributesTo> ?s }}
        GRAPH <{BASE}graph/shared> {{ ?s ?p ?o }} }}""").rows()
    assert described
    got = triples(parse(r.body, ext))
    assert len(got) == store.count(f"{BASE}graph/article/{article}") + len(described)
    mentioned = {o for s, p, o in got if str(p) == "http://schema.org/mentions"}
    labelled = {s for s, p, o in got if str(p) == "http://www.w3.org/2000/01/rdf-schema#label"}
    assert mentioned and mentioned <= labelled


def test_the_download_page_lists_every_dump(site):
    html = get(f"{site.url}/download/").text
    links = set(re.findall(r'href="(/download/[^"]+)"', html))
    for name in ("all", f"article/{SEED_ID}", f"article/{SCRIPT_ID}"):
        for ext in FORMATS:
            assert f"/download/{name}.{ext}" in links and f"/download/{name}.{ext}.gz" in links
    for link in links:
        assert get(site.url + link, method="HEAD").status == 200, link


def test_conditional_get(site):
    first = get(f"{site.url}/download/all.ttl")
    etag, modified = first.header("ETag"), first.header("Last-Modified")
    assert etag and modified
    assert get(f"{site.url}/download/all.ttl", headers={"If-None-Match": etag}).status == 304
    assert get(f"{site.url}/download/all.ttl", headers={"If-Modified-Since": modified}).status == 304
    assert get(f"{site.url}/download/all.ttl", headers={"If-None-Match": '"something-else"'}).status == 200
    others = {get(f"{site.url}/download/{n}").header("ETag") for n in ("all.nt", "all.ttl.gz",
                                                                          f"article/{SEED_ID}.ttl")}
    assert etag not in others and len(others) == 3


def test_dumps_stream_from_a_file_written_once(site):
    """The body comes from a file in DUMP_DIR (so it is never built in memory), and byte ranges work."""
    full = get(f"{site.url}/download/all.nt").body
    files = [p for p in site.dumps.rglob("all.nt")]
    assert len(files) == 1 and files[0].read_bytes() == full
    part = get(f"{site.url}/download/all.nt", headers={"Range": "bytes=100-199"})
    assert part.status == 206 and part.body == full[100:200]
    mtime = files[0].stat().st_mtime_ns
    get(f"{site.url}/download/all.nt")
    assert files[0].stat().st_mtime_ns == mtime  # served again, not rewritten


def test_head_has_no_body(site):
    r = get(f"{site.url}/download/all.trig", method="HEAD")
    assert r.status == 200 and r.body == b"" and int(r.header("Content-Length")) > 1000


@pytest.mark.parametrize("path", ["all.txt", "nothing.ttl", "article/no-such-article.ttl", "article/.ttl",
                                  "other/x.ttl"])
def test_unknown_dumps_are_404(site, path):
    assert get(f"{site.url}/download/{path}").status == 404
