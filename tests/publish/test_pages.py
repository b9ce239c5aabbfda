"""The landing page and the query page over HTTP: what they link to, that the query editor is served by this
server (no CDN), its settings, the named queries it offers, and the vendored files' notice."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from kg.store import Store
from tests.conftest import ROOT
from tests.publish.conftest import SEED_ID
from tests.publish.helpers import BROWSER_ACCEPT, get

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

STATIC = ROOT / "server" / "static"
TEMPLATES = ROOT / "server" / "templates"


def test_landing_page_lists_articles_with_counts_and_links_everywhere(site, store: Store):
    html = get(f"{site.url}/", BROWSER_ACCEPT).text
    for href in ("/query", "/sparql", "/download/", "/.well-known/void", f"/doc/article/{SEED_ID}"):
        assert f'href="{href}"' in html, href
    n = len(store.query(f"SELECT ?s WHERE {{ ?s <https://w3id.org/newskg/ns#extractedFrom> "
                        f"<http://localhost:8000/id/article/{SEED_ID}> ; a <https://w3id.org/newskg/ns#Statement> }}"
                        ).rows())
    row = html.split(f'href="/doc/article/{SEED_ID}"', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'<td class="num">(\d+)</td>', row)[0] == str(n)
    assert 'id="top-actors"' in html and 'href="/doc/person/wang-yi"' in html


def test_query_page_loads_the_vendored_editor_and_offers_the_named_queries(site):
    html = get(f"{site.url}/query", BROWSER_ACCEPT).text
    assert '<script src="/static/yasgui/yasgui.min.js"' in html
    assert 'href="/static/yasgui/yasgui.min.css"' in html
    config = json.loads(html.split('id="query-config">', 1)[1].split("</script>", 1)[0])
    assert config["endpoint"] == f"{site.url}/sparql"
    names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert [q["name"] for q in config["queries"]] == names and names
    for q in config["queries"]:
        assert q["query"] == (ROOT / "queries" / f"{q['name']}.rq").read_text(encoding="utf-8")
        assert f'data-query="{q["name"]}"' in html
    for path in ("yasgui/yasgui.min.js", "yasgui/yasgui.min.css", "query.js", "site.css"):
        r = get(f"{site.url}/static/{path}")
        assert r.status == 200 and len(r.body) > 100, path


def test_no_page_loads_anything_from_another_host(site):
    for path in ("/", "/query", "/download/", f"/doc/article/{SEED_ID}", "/doc/person/wang-yi"):
        html = get(site.url + path, BROWSER_ACCEPT).text
        assert not re.search(r'<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?//', html), path
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8").lower()
        for cdn in ("cdn", "unpkg", "jsdelivr", "googleapis", "cloudflare"):
            assert cdn not in text, (template.name, cdn)


def test_query_editor_settings_keep_it_on_this_endpoint(site):
    js = get(f"{site.url}/static/query.js").text
    assert 'autocompleters = ["variables"]' in js  # no online term or prefix completion
    assert "prefixCcApi = null" in js
    assert "endpointCatalogueOptions" in js and "dbpedia" not in js.lower()


def test_vendored_files_match_their_notice():
    notice = (STATIC / "yasgui" / "NOTICE.md").read_text(encoding="utf-8")
    assert "`@zazuko/yasgui`, version 4.6.2" in notice and "MIT" in notice
    for name in ("yasgui.min.js", "yasgui.min.css"):
        digest = hashlib.sha256((STATIC / "yasgui" / name).read_bytes()).hexdigest()
        assert f"`{name}` | `{digest}`" in notice, name
    assert sorted(p.name for p in (STATIC / "yasgui").iterdir()) == ["NOTICE.md", "yasgui.min.css", "yasgui.min.js"]


def test_html_pages_carry_a_content_security_policy(site):
    for path in ("/", "/query", "/download/", "/doc/person/wang-yi"):
        csp = get(site.url + path, BROWSER_ACCEPT).header("Content-Security-Policy")
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, path
