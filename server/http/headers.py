"""The safety headers of every answer.

Every answer says ``X-Content-Type-Options: nosniff`` (a browser must not read a JSON or text answer as HTML). Every
HTML answer — pages, SPARQL result tables, the service description, error pages, the generic 404 and 406 — also
carries a Content-Security-Policy (pages load only what this server serves: no CDN, no third-party script, no
inline script, no plugins; inline styles are allowed because the query editor sets them from its script), may be
framed only by this site, sends only its origin to other sites, and opens no window into other origins.
"""

from __future__ import annotations

from flask import Flask, Response

CSP = ("default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; "
       "form-action 'self'")
ALWAYS = {"X-Content-Type-Options": "nosniff"}
HTML = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "SAMEORIGIN",  # frame-ancestors for browsers that predate it
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def secure(resp: Response) -> Response:
    """Add the headers to an answer (those it sets itself are kept)."""
    for name, value in ALWAYS.items():
        resp.headers.setdefault(name, value)
    if resp.mimetype in ("text/html", "application/xhtml+xml"):
        for name, value in HTML.items():
            resp.headers.setdefault(name, value)
    return resp


def init_app(app: Flask) -> None:
    app.after_request(secure)  # app-wide: also after error handlers and for paths no blueprint owns
