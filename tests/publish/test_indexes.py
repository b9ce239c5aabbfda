"""The indexes /actors, /events, /statements, /articles and their JSON twins: totals as the store counts them,
paging, sorting, filters, and 400 for bad parameters."""

from __future__ import annotations

import json
import re

import pytest

from kg.store import Store, term_text
from tests.conftest import BASE
from tests.publish.conftest import SCRIPT_ID, SEED_ID
from tests.publish.helpers import BROWSER_ACCEPT, get

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

NKG = "https://w3id.org/newskg/ns#"
KINDS = ("actors", "events", "statements", "articles")


def twin(site, kind: str, query: str = "") -> dict:  # noqa: ANN001
    r = get(f"{site.url}/{kind}.json?{query}", "application/json")
    assert r.status == 200, r.text
    return json.loads(r.body)


def count(store: Store, pattern: str) -> int:
    return int(term_text(store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}").rows()[0]["n"]))


@pytest.mark.parametrize("kind", KINDS)
def test_html_and_json_show_the_same_page(site, kind):
    page = get(f"{site.url}/{kind}?per=5", BROWSER_ACCEPT)
    assert page.status == 200 and 'id="listing"' in page.text
    body = twin(site, kind, "per=5")
    assert body["kind"] == kind and len(body["items"]) == min(5, body["total"])
    table = page.text.split('id="listing"', 1)[1].split("</table>", 1)[0]
    for item in body["items"]:
        assert {"iri", "label"} <= set(item)
        assert f'href="/doc/{item["iri"][len(BASE) + 3:]}"' in table, item["iri"]


def test_totals_are_what_the_store_holds(site, store):
    assert twin(site, "statements")["total"] == count(store, f"?x a <{NKG}Statement>")
    assert twin(site, "articles")["total"] == count(store, f"?x a <{NKG}Article>")
    assert twin(site, "events")["total"] == count(store, f"?x <{NKG}eventType> ?t")
    actors = " ".join(f"<{NKG}{t}>" for t in ("Person", "Organization", "GovernmentOrganization", "Country", "Group"))
    assert twin(site, "actors")["total"] == count(store, f"VALUES ?t {{ {actors} }} ?x a ?t . ?a "
                                                        f"<http://schema.org/mentions> ?x")


def test_paging_walks_through_everything_once(site):
    first = twin(site, "statements", "per=4")
    seen, page, body = [], 1, first
    while True:
        seen += [i["iri"] for i in body["items"]]
        if not body["next"]:
            break
        page += 1
        r = get(site.url + body["next"], "application/json")
        assert "rel=\"prev\"" in r.header("Link")
        body = json.loads(r.body)
        assert body["page"] == page
    assert len(seen) == len(set(seen)) == first["total"] and page == first["pages"]
    html = get(f"{site.url}/statements?per=4&page=2", BROWSER_ACCEPT)
    assert 'rel="next"' in html.header("Link") and 'rel="prev"' in html.text


def test_sorting(site):
    labels = [i["label"].lower() for i in twin(site, "actors", "sort=label&order=asc&per=200")["items"]]
    assert labels == sorted(labels) and len(labels) > 5
    said = [i["said"] for i in twin(site, "actors", "sort=said&order=desc&per=200")["items"]]
    assert said == sorted(said, reverse=True) and said[0] > 0
    dates = [i["date"] for i in twin(site, "events", "sort=date&order=asc&per=200")["items"] if i.get("date")]
    assert dates == sorted(dates) and dates


def test_filters(site, store):
    by_wang = twin(site, "statements", "speaker=person/wang-yi&per=200")
    expected = count(store, f"?x <{NKG}speaker> <{BASE}id/person/wang-yi>")
    assert by_wang["total"] == expected > 0 and {i["speaker_iri"] for i in by_wang["items"]} == {
        f"{BASE}id/person/wang-yi"}
    assert twin(site, "statements", "speaker=Wang%20Yi")["total"] == expected  # by name, too
    direct = twin(site, "statements", "type=Direct&per=200")
    assert direct["total"] == count(store, f"?x <{NKG}quoteType> <{NKG}Direct>") and \
        {i["type"] for i in direct["items"]} == {"direct"}
    assert twin(site, "statements", f"article={SCRIPT_ID}")["total"] == count(
        store, f"?x a <{NKG}Statement> ; <{NKG}extractedFrom> <{BASE}id/article/{SCRIPT_ID}>")
    people = twin(site, "actors", "type=Person&per=200")["items"]
    assert people and {i["type"] for i in people} == {"Person"}
    week = twin(site, "events", "from=2022-01-31&to=2022-02-06&per=200")["items"]
    assert week and all("2022-01-31" <= i["date"][:10] <= "2022-02-06" or i["date"].startswith("2022-W05")
                        for i in week)
    assert twin(site, "articles", "from=2023")["total"] == 0
    assert twin(site, "articles", "speaker=person/wang-yi")["items"][0]["iri"] == f"{BASE}id/article/{SEED_ID}"


@pytest.mark.parametrize("query", ["page=0", "per=1000", "sort=nothing", "order=up", "from=2022-13-01",
                                   "to=20x", "type=Planet", "speaker=%22%3E%3C", "speaker=Nobody%20At%20All"])
def test_bad_parameters_are_400(site, query):
    r = get(f"{site.url}/statements.json?{query}", "application/json")
    assert r.status == 400 and json.loads(r.body)["error"], query
    assert get(f"{site.url}/statements?{query}", BROWSER_ACCEPT).status == 400


def test_landing_page_links_the_indexes(site):
    html = get(f"{site.url}/", BROWSER_ACCEPT).text
    for path in ("/actors", "/statements", "/events", "/timeline", "/search"):
        assert re.search(rf'href="{path}["?]', html), path
