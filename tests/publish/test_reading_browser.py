"""The reading room in headless Chromium: cards on hover and on keyboard focus, layers, the skip link, phone width,
the graph and the timeline drawn (and their lists without JavaScript), readable query results, and a screenshot of
every page kind in tests/artifacts/ (desktop and phone width)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.publish.conftest import SEED_ID
from tests.publish.helpers import get
from tests.publish.test_browser import ARGS, CHROMIUM, browser, only_this_server, page, shot  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = f"/doc/article/{SEED_ID}"
PAGES = {  # page kind → path
    "landing": "/", "article": ARTICLE, "statement": f"{ARTICLE}/statement/4", "actor": "/doc/person/wang-yi",
    "event": f"{ARTICLE}/event/1", "actors": "/actors", "statements": "/statements", "events": "/events",
    "articles": "/articles", "search": "/search?q=China", "graph-article": f"/network/article/{SEED_ID}",
    "graph-actor": "/network/person/wang-yi", "timeline": "/timeline", "timeline-article": f"/timeline/article/{SEED_ID}",
    "vocabulary": "/ns", "term": "/ns/Statement", "query": "/query", "not-found": "/id/person/nobody",
}


def background(pg, selector: str) -> str:  # noqa: ANN001
    return pg.evaluate(f"() => getComputedStyle(document.querySelector({json.dumps(selector)})).backgroundColor")


def test_cards_show_on_hover_and_on_focus(page, site):  # noqa: F811
    page.goto(site.url + ARTICLE)
    quote = page.locator("#article-text a[data-kind='quote']").first
    quote.hover()
    box = page.locator("#card-box")
    box.wait_for(state="visible")
    assert "Who" in box.inner_text() and "Said" in box.inner_text()
    shot(page, "reading-room-card")
    page.keyboard.press("Escape")
    box.wait_for(state="hidden")
    # by keyboard: from the last link of the legend, Tab goes into the text and the mark's card opens
    page.focus("#legend a >> nth=-1")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('#article-text')")
    box.wait_for(state="visible")
    kind = page.evaluate("() => document.activeElement.getAttribute('data-kind')")
    assert kind in ("speaker", "cue", "quote", "actor", "event", "time")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    shot(page, "reading-room-focus")
    assert page.errors == []
    only_this_server(page, site)


def test_layers_switch_on_and_off(page, site):  # noqa: F811
    page.goto(site.url + ARTICLE)
    plain_quote = "#article-text a[data-kind='quote']"
    shaded = background(page, plain_quote)
    assert shaded != "rgba(0, 0, 0, 0)"
    page.click("label:has(#layer-quote)")
    assert background(page, plain_quote) == "rgba(0, 0, 0, 0)"
    assert page.evaluate("() => getComputedStyle(document.querySelector(\"#article-text a[data-date]\"), "
                         "'::after').content") != "none"
    page.click("label:has(#layer-time)")
    assert page.evaluate("() => getComputedStyle(document.querySelector(\"#article-text a[data-date]\"), "
                         "'::after').content") == "none"
    shot(page, "reading-room-layers-off")
    page.reload()  # the choice is kept
    assert not page.is_checked("#layer-quote") and background(page, plain_quote) == "rgba(0, 0, 0, 0)"
    page.click("label:has(#layer-quote)")
    page.click("label:has(#layer-time)")
    assert background(page, plain_quote) == shaded


def test_skip_link_comes_first(page, site):  # noqa: F811
    page.goto(site.url + "/actors")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().left") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_graph_and_timeline_are_drawn(page, site):  # noqa: F811
    for path, name in ((f"/network/article/{SEED_ID}", "graph-drawn"), ("/network/person/wang-yi", "graph-actor")):
        data = json.loads(get(f"{site.url}{path}.json", "application/json").body)
        page.goto(site.url + path)
        page.wait_for_function("() => window.newskgGraph !== undefined", timeout=30_000)
        assert page.evaluate("() => window.newskgGraph.nodes().length") == len(data["nodes"])
        assert page.evaluate("() => window.newskgGraph.edges().length") == len(data["edges"])
        assert page.locator("#graph canvas").count() > 0
        shot(page, name)
    for path, name in ((f"/timeline/article/{SEED_ID}", "timeline-article-drawn"), ("/timeline", "timeline-drawn")):
        data = json.loads(get(f"{site.url}{path}.json", "application/json").body)
        page.goto(site.url + path)
        page.wait_for_function("() => window.newskgTimeline !== undefined", timeout=30_000)
        page.wait_for_selector(".vis-item")
        assert page.evaluate("() => window.newskgTimeline.itemsData.length") == len(data["items"])
        shot(page, name)
    assert page.errors == []
    only_this_server(page, site)


def test_without_javascript_the_lists_say_it_all(browser, site):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(f"{site.url}/network/article/{SEED_ID}")
        assert not pg.is_visible("#graph") and pg.locator("#graph-statements li").count() > 3
        shot(pg, "graph-no-js")
        pg.goto(f"{site.url}/timeline/article/{SEED_ID}")
        assert not pg.is_visible("#timeline") and pg.locator("#timeline-list tr").count() > 2
        pg.goto(site.url + ARTICLE)  # the layers work with CSS alone
        quote = "#article-text a[data-kind='quote']"
        before = background(pg, quote)
        pg.click("label:has(#layer-quote)")
        assert before != "rgba(0, 0, 0, 0)" and background(pg, quote) == "rgba(0, 0, 0, 0)"
        shot(pg, "reading-room-no-js")
    finally:
        context.close()


def test_query_results_read_as_names_without_datatypes(page, site):  # noqa: F811
    page.goto(f"{site.url}/query")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert "Who said what to whom during a phone call" in page.inner_text("#examples")
    page.click("#examples button[data-query='cq04-quote-types']")
    page.wait_for_function("() => window.newskgYasgui.getTab().getName() === 'cq04-quote-types'")
    page.click(".tabPanel.active .yasqe_queryButton")
    page.wait_for_selector(".tabPanel.active .yasr table.dataTable a.iri[data-labelled]", timeout=30_000)
    table = page.inner_text(".tabPanel.active .yasr table.dataTable")
    assert "^^" not in table and "XMLSchema" not in table
    link = page.locator(".tabPanel.active .yasr table.dataTable a.iri[data-labelled]").first
    assert link.get_attribute("href").startswith("/doc/") and link.get_attribute("title").startswith("http")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "query-results")
    only_this_server(page, site)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_every_page_kind_at_desktop_and_phone_width(browser, site, kind):  # noqa: F811
    for width, suffix in ((1280, ""), (375, "-phone")):
        context = browser.new_context(viewport={"width": width, "height": 800})
        pg = context.new_page()
        errors, requests = [], []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("request", lambda r: requests.append(r.url))
        try:
            resp = pg.goto(site.url + PAGES[kind])
            assert resp is not None and resp.status == (404 if kind == "not-found" else 200), kind
            pg.wait_for_load_state("networkidle")
            if width == 375 and kind != "query":  # the query editor's own toolbar is wider than a phone
                assert pg.evaluate("() => document.documentElement.scrollWidth") <= width + 1, kind
            pg.screenshot(path=str(_artifact(f"page-{kind}{suffix}.png")), full_page=True)
            assert errors == [], errors
            ours = urlsplit(site.url).netloc
            assert [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != ours] \
                == []
        finally:
            context.close()


def _artifact(name: str):  # noqa: ANN202
    from tests.publish.test_browser import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
