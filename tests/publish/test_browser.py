"""Headless Chromium (Debian's, driven by playwright; playwright never downloads a browser here): the query page
runs a named query offline, a resource page shows its label, evidence and links out, and article text with a
script in it runs nothing. Screenshots are kept in tests/artifacts/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kg.store import Store, term_text
from tests.conftest import BASE, ROOT
from tests.publish.conftest import SCRIPT_ID

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
WIKIDATA = "http://www.wikidata.org/entity/"
EXACT = "http://www.w3.org/2004/02/skos/core#exactMatch"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): `apt-get install chromium`, "
                    "or `make system-deps`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):  # noqa: ANN001
    """A fresh page that records every request it makes and every dialog a script opens."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests, pg.dialogs, pg.errors = [], [], []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shot(pg, name: str) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def only_this_server(pg, site) -> None:  # noqa: ANN001
    ours = urlsplit(site.url).netloc
    elsewhere = [u for u in pg.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != ours]
    assert elsewhere == [], f"requests left the server: {elsewhere}"


def test_query_page_runs_a_named_query(page, site):
    # under the server's Content-Security-Policy: every violation is recorded
    page.add_init_script("window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.cspViolations.push(e.violatedDirective + ' ' + e.sample))")
    page.goto(f"{site.url}/query")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click("#examples button[data-query='statements']")
    page.wait_for_function("() => window.newskgYasgui.getTab().getName() === 'statements'")
    assert "nkg:Statement" in page.evaluate("() => window.newskgYasgui.getTab().getYasqe().getValue()")
    page.click(".tabPanel.active .yasqe_queryButton")
    page.wait_for_selector(".tabPanel.active .yasr table.dataTable tbody tr td", timeout=30_000)
    table = page.inner_text(".tabPanel.active .yasr table.dataTable")
    assert "speakerLabel" in table and "Wang Yi" in table
    shot(page, "query-page")
    assert page.errors == []
    # nothing the page needs was blocked; what was blocked is the markup of the test article, which the results
    # table renders as HTML: its inline handlers (alert(…)) are stopped by the policy
    violations = page.evaluate("() => window.cspViolations")
    assert all(v.startswith("script-src-attr alert(") for v in violations), violations
    only_this_server(page, site)
    assert any(urlsplit(u).path == "/sparql" for u in page.requests)


def test_resource_page_shows_label_evidence_and_links_out(page, site, store: Store):
    page.goto(f"{site.url}/id/person/wang-yi")  # a 303 to the HTML page
    assert page.url.endswith("/doc/person/wang-yi")
    assert page.inner_text("h1#label") == "Wang Yi"
    marks = page.locator("#evidence mark")
    assert marks.count() >= 5 and "Wang Yi" in marks.all_inner_texts()
    assert page.evaluate("() => getComputedStyle(document.querySelector('#evidence mark')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"  # the highlight is visible
    for row in store.query(f"SELECT ?o WHERE {{ <{BASE}id/person/wang-yi> <{EXACT}> ?o }}").rows():
        assert page.locator(f"#external a[href='{term_text(row['o'])}']").count() == 1
    shot(page, "resource-wang-yi")

    linked = store.query(f'SELECT ?s ?o WHERE {{ ?s <{EXACT}> ?o FILTER(STRSTARTS(STR(?o), "{WIKIDATA}")) '
                         f'FILTER(STRSTARTS(STR(?s), "{BASE}id/person/")) }} ORDER BY ?s LIMIT 1').rows()
    if not linked:
        pytest.skip("no person in the seed has a Wikidata link")
    person, target = term_text(linked[0]["s"]), term_text(linked[0]["o"])
    page.goto(f"{site.url}/id/{person[len(BASE) + 3:]}")
    link = page.locator(f"#external a[href='{target}']")
    assert link.count() == 1 and "Wikidata" in link.inner_text()
    shot(page, "resource-wikidata-link")
    only_this_server(page, site)


def test_a_script_in_the_article_text_runs_nothing(page, site):
    for path in (f"article/{SCRIPT_ID}", f"article/{SCRIPT_ID}/statement/2", "person/jane-doe"):
        page.goto(f"{site.url}/doc/{path}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.dialogs == [], path
        # only this server's script files run (the reading room's, on the article's page), never one from the text
        assert page.evaluate("() => [...document.scripts].filter(s => !s.src.startsWith(location.origin + "
                             "'/static/')).length") == 0, path
        assert page.locator("main img").count() == 0, path
        assert "<script>alert(1)</script>" in page.inner_text("main"), path  # shown as text
    shot(page, "script-article")
    assert page.errors == []
