"""Safety headers on every answer: every route the app registers, with every method it accepts, asked for HTML as
a browser asks — pages, SPARQL result tables, the service description, error pages of every kind, the generic 404,
the HTML 406 of /store — carries the Content-Security-Policy and the other HTML headers when it is HTML, and
``X-Content-Type-Options: nosniff`` whatever it is. gunicorn's own error answers are plain text with nosniff."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from pathlib import Path

import pytest

from server import create_app
from tests.publish.helpers import BROWSER_ACCEPT

# what a careful server sends with HTML (the policy's own directives are checked in assert_safe)
HTML = {"x-frame-options": "SAMEORIGIN", "referrer-policy": "strict-origin-when-cross-origin",
        "cross-origin-opener-policy": "same-origin"}
CSP_DIRECTIVES = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'self'",
                  "base-uri 'self'"]

pytestmark = pytest.mark.slow

# good values for the path arguments of the routes we know; any other route gets "x" (and every route "nope/x")
SAMPLES = {
    ("static", "filename"): ["site.css", "query.js"],
    ("resources.document", "path"): ["person/wang-yi", "article/wang-yi-blinken-call"],
    ("resources.identifier", "path"): ["person/wang-yi"],
    ("resources.graph", "path"): ["article/wang-yi-blinken-call"],
    ("graphstore.direct", "rest"): ["graph/article/wang-yi-blinken-call"],
}
QUERIES = ["", "?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%203", "?query=SELECT%20nonsense",
           "?query=CONSTRUCT%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%202", "?query=ASK%7B%7D",
           "?default-graph-uri=x", "?graph=http%3A%2F%2Fnowhere.example%2F", "?default"]


def request(url: str, method: str, path: str, accept: str = BROWSER_ACCEPT) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        headers = {"Accept": accept}
        body = None
        if method in ("POST", "PUT"):
            body, headers["Content-Type"] = b"x", "text/plain"
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def concrete(rule) -> list[str]:  # noqa: ANN001
    """Paths for a URL rule: with sample values for its arguments, and with values that match nothing."""
    out = []
    for values in ([SAMPLES.get((rule.endpoint, a), ["x"])[0] for a in sorted(rule.arguments)],
                   ["nope/x" for _ in rule.arguments]):
        path = rule.rule
        for arg, value in zip(sorted(rule.arguments), values):
            path = re.sub(rf"<(?:[^:<>]+:)?{arg}>", value, path)
        out.append(path)
    return sorted(set(out))


def assert_safe(status: int, headers: dict[str, str], what: str) -> None:
    assert headers.get("x-content-type-options") == "nosniff", what
    if headers.get("content-type", "").startswith("text/html"):
        for name, value in HTML.items():
            assert headers.get(name) == value, f"{what}: {name}"
        csp = headers.get("content-security-policy", "")
        assert all(d in csp for d in CSP_DIRECTIVES) and "'unsafe-inline'" not in csp.split("style-src")[0], what
        assert "camera=()" in headers.get("permissions-policy", ""), what


def test_every_answer_of_every_route_is_safe(site, publish_store: Path) -> None:  # noqa: ANN001
    app = create_app({"STORE_PATH": str(publish_store)})
    seen_html = set()
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"OPTIONS"}):
            for path in concrete(rule):
                for suffix in QUERIES if rule.endpoint == "sparql.endpoint" else ["", "?x=1"]:
                    status, headers, _ = request(site.url, method, path + suffix)
                    what = f"{method} {path}{suffix} -> {status} {headers.get('content-type')}"
                    assert status < 500, what
                    assert_safe(status, headers, what)
                    if headers.get("content-type", "").startswith("text/html"):
                        seen_html.add((rule.endpoint, status // 100))
    # the answers the probe found without headers were among them
    for expected in [("sparql.endpoint", 2), ("sparql.endpoint", 4), ("graphstore.indirect", 4), ("ui.index", 2),
                     ("resources.document", 2), ("resources.document", 4)]:
        assert expected in seen_html, expected


@pytest.mark.parametrize("path", ["/nope", "/sparql/x/y", "/%ff", "/doc/", "/static/nope.js"])
def test_the_generic_404_is_safe(site, path: str) -> None:  # noqa: ANN001
    status, headers, body = request(site.url, "GET", path)
    assert status == 404 and headers["content-type"].startswith("text/html"), (status, headers)
    assert_safe(status, headers, path)


def test_the_html_406_of_the_store_is_safe(site) -> None:  # noqa: ANN001
    status, headers, _ = request(site.url, "GET", "/store?default", accept="text/html")
    assert status == 406 and headers["content-type"].startswith("text/html"), (status, headers)
    assert_safe(status, headers, "406")


def test_gunicorns_own_errors_are_plain_text_with_nosniff(site) -> None:  # noqa: ANN001
    status, headers, body = request(site.url, "GET", "/sparql?query=" + "x" * 9000)
    assert status == 414
    assert headers["content-type"].startswith("text/plain") and headers["x-content-type-options"] == "nosniff"
    assert b"<" not in body
