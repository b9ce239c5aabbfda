"""The graph views and the timelines over HTTP: their JSON twins hold what the store says, the pages hold the same
as lists (for readers without JavaScript), and a hub actor's neighbourhood is paged."""

from __future__ import annotations

import json

import pytest

from kg.store import term_text
from tests.conftest import BASE
from tests.publish.conftest import SEED_ID
from tests.publish.helpers import BROWSER_ACCEPT, get

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

NKG = "https://w3id.org/newskg/ns#"


def as_json(site, path: str) -> dict:  # noqa: ANN001
    r = get(site.url + path, "application/json")
    assert r.status == 200, r.text
    return json.loads(r.body)


def test_article_graph_joins_actors_statements_and_events(site, store):
    g = as_json(site, f"/network/article/{SEED_ID}.json")
    nodes = {n["id"]: n for n in g["nodes"]}
    statements = store.query(f"""SELECT ?s ?sp WHERE {{ ?s <{NKG}extractedFrom> <{BASE}id/article/{SEED_ID}> ;
        a <{NKG}Statement> ; <{NKG}speaker> ?sp }}""").rows()
    for r in statements:
        s, sp = term_text(r["s"]), term_text(r["sp"])
        assert nodes[s]["kind"] == "statement" and nodes[sp]["kind"] == "actor"
        assert {"source": sp, "target": s, "label": "said"} in g["edges"]
    assert {n["kind"] for n in g["nodes"]} == {"actor", "statement", "event"}
    assert nodes[f"{BASE}id/person/wang-yi"]["type"] == "Person"
    ids = set(nodes)
    assert all(e["source"] in ids and e["target"] in ids for e in g["edges"])
    html = get(f"{site.url}/network/article/{SEED_ID}", BROWSER_ACCEPT).text
    assert html.count('class="node statement"') == len(statements)  # the same, as lists
    assert 'data-src="/network/article/' in html and "cytoscape.min.js" in html


def test_actor_neighbourhood_is_paged(site, store):
    g = as_json(site, "/network/person/wang-yi.json")
    assert g["statements"] > 0 and g["pages"] >= 1
    focus = [n for n in g["nodes"] if n.get("focus")]
    assert [n["id"] for n in focus] == [f"{BASE}id/person/wang-yi"]
    said = {term_text(r["s"]) for r in store.query(
        f"SELECT ?s WHERE {{ ?s <{NKG}speaker> <{BASE}id/person/wang-yi> }}").rows()}
    assert said <= {n["id"] for n in g["nodes"]}
    beyond = as_json(site, f"/network/person/wang-yi.json?page={g['pages'] + 1}")
    assert [n for n in beyond["nodes"] if n["kind"] == "statement"] == []
    assert get(f"{site.url}/network/person/nobody-at-all", BROWSER_ACCEPT).status == 404
    assert get(f"{site.url}/network/article/{SEED_ID}/statement/1", BROWSER_ACCEPT).status == 404


def test_article_timeline_in_time_order_with_spans(site):
    t = as_json(site, f"/timeline/article/{SEED_ID}.json")
    items = t["items"]
    assert items and [(i["start"], i["end"]) for i in items] == sorted((i["start"], i["end"]) for i in items)
    values = {i["value"]: (i["start"], i["end"]) for i in items}
    assert values["2022-01-27"] == ("2022-01-27", "2022-01-27")  # "Thursday": the call
    assert values["2022-W05"] == ("2022-01-31", "2022-02-06")  # "next week"
    html = get(f"{site.url}/timeline/article/{SEED_ID}", BROWSER_ACCEPT).text
    assert html.count("<tr>") == len(items) + 1 and "vis-timeline-graph2d.min.js" in html


def test_corpus_timeline_pages_and_filters(site):
    all_ = as_json(site, "/timeline.json")
    assert all_["total"] >= len(all_["items"]) > 0
    starts = [i["start"] for i in all_["items"]]
    assert starts == sorted(starts)
    feb = as_json(site, "/timeline.json?from=2022-02&to=2022-02")
    assert feb["items"] and all(i["value"].startswith("2022-02") for i in feb["items"])
    assert get(f"{site.url}/timeline.json?from=yesterday", "application/json").status == 400
    assert get(f"{site.url}/timeline", BROWSER_ACCEPT).status == 200
