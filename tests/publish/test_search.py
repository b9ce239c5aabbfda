"""Search over HTTP and its index: results and facets, the JSON answer's shape, bad syntax as a 400, and an index
that `kg build`, `kg remove`, `kg index` and `kg serve` keep in step with the store."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kg import search
from kg.store import Store
from tests.conftest import BASE, KG, SEED, start_server, stop_server
from tests.publish.conftest import SCRIPT_ID, SEED_ID, build
from tests.publish.helpers import BROWSER_ACCEPT, get

pytestmark = pytest.mark.slow  # builds stores and starts `kg serve`


def found(site, q: str, **params: str) -> dict:  # noqa: ANN001
    from urllib.parse import urlencode

    r = get(f"{site.url}/search.json?{urlencode({'q': q, **params})}", "application/json")
    assert r.status == 200, r.text
    return json.loads(r.body)


def test_json_answers_results_in_the_promised_shape(site):
    body = found(site, "Wang")
    assert body["results"] and body["total"] >= len(body["results"])
    for r in body["results"]:
        assert {"iri", "label", "kind", "article", "snippet"} <= set(r)
        assert r["kind"] in ("article", "statement", "actor", "event")
    iris = {r["iri"]: r for r in body["results"]}
    assert iris[f"{BASE}id/person/wang-yi"]["kind"] == "actor"
    assert any(r["kind"] == "statement" and r["article"] == f"{BASE}id/article/{SEED_ID}" for r in body["results"])


def test_headlines_quotes_and_aliases_are_found(site):
    headline = found(site, '"legitimate concerns"', kind="article")["results"]
    assert [r["iri"] for r in headline] == [f"{BASE}id/article/{SEED_ID}"]
    quote = found(site, "de-escalation", kind="statement")["results"]
    assert quote and "de-escalation" in quote[0]["snippet"].lower()
    alias = found(site, "PRC")["results"]  # China's other name, from the knowledge base
    assert f"{BASE}id/country/china" in {r["iri"] for r in alias}


def test_facets_count_and_filters_narrow(site):
    body = found(site, "China", facets="1")
    kinds = {f["value"]: f["count"] for f in body["facets"]["kind"]}
    assert sum(kinds.values()) == body["total"] and kinds.get("statement")
    only = found(site, "China", kind="statement")
    assert only["total"] == kinds["statement"] and {r["kind"] for r in only["results"]} == {"statement"}
    by = found(site, "China", kind="statement", speaker="person/wang-yi")
    assert 0 < by["total"] < only["total"] and {r["speaker"] for r in by["results"]} == {f"{BASE}id/person/wang-yi"}
    assert found(site, "China", **{"from": "2023"})["total"] == 0
    assert found(site, "China", article=SEED_ID)["total"] == found(site, "China")["total"] - found(
        site, "China", article=SCRIPT_ID)["total"]


@pytest.mark.parametrize("q", ['"unclosed', "AND", "NEAR(", "a OR"])
def test_bad_search_syntax_is_a_400_with_a_message(site, q):
    from urllib.parse import quote

    r = get(f"{site.url}/search.json?q={quote(q)}", "application/json")
    assert r.status == 400 and json.loads(r.body)["error"]
    page = get(f"{site.url}/search?q={quote(q)}", BROWSER_ACCEPT)
    assert page.status == 400 and 'id="search-error"' in page.text and 'name="q"' in page.text


def test_bad_filters_are_400(site):
    for params in ("q=x&kind=planet", "q=x&from=2022-13", "q=x&page=0", "q=x&speaker=%3Cbad%3E/x"):
        assert get(f"{site.url}/search.json?{params}", "application/json").status == 400, params
    assert get(f"{site.url}/search.json", "application/json").status == 400


def test_results_page_has_snippets_and_facets(site):
    html = get(f"{site.url}/search?q=Blinken", BROWSER_ACCEPT).text
    assert 'id="results"' in html and "<mark>Blinken</mark>" in html
    for facet in ("kind", "article", "speaker", "date"):
        assert f'data-facet="{facet}"' in html
    assert 'href="/doc/person/antony-blinken"' in html


def hits(path: Path, q: str) -> set[str]:
    conn = search.reader(path)
    try:
        return {h.iri for h in search.search(conn, q, limit=100).hits}
    finally:
        conn.close()


def test_build_remove_and_index_keep_the_index_in_step(tmp_path: Path, script_article: Path):
    db = tmp_path / "db"
    index = search.index_path(db)
    build(db, script_article)
    assert f"{BASE}id/person/jane-doe" in hits(index, "Jane")
    assert not hits(index, "Wang")
    build(db, SEED)
    assert f"{BASE}id/person/wang-yi" in hits(index, "Wang")
    before = hits(index, "China OR Jane OR concerns")
    run = subprocess.run(KG + ["remove", SEED_ID, "--store", str(db)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not hits(index, "Wang") and f"{BASE}id/person/jane-doe" in hits(index, "Jane")
    build(db, SEED)
    index.unlink()
    run = subprocess.run(KG + ["index", "--store", str(db)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "indexed" in run.stdout, run.stderr
    assert hits(index, "China OR Jane OR concerns") == before
    with Store(db, read_only=True) as s:
        assert search.stored_version(index) == s.version()


def test_serve_builds_a_missing_index(tmp_path: Path, publish_store: Path):
    index = tmp_path / "elsewhere.sqlite"
    server = start_server(publish_store, env={"NEWSKG_SEARCH_INDEX": str(index)})
    try:
        assert index.exists()
        r = get(f"{server.url}/search.json?q=Wang", "application/json")
        assert r.status == 200 and json.loads(r.body)["results"]
    finally:
        stop_server(server)
