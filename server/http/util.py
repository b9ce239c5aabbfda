"""HTTP details shared by the SPARQL, Graph Store and health endpoints: CORS, the update token, conditional GET.

CORS: reads are open to every origin (``Access-Control-Allow-Origin: *``, never with credentials: nothing here
depends on cookies). A POST with a SPARQL body is not a "simple" request, so browsers send a preflight ``OPTIONS``
first; it is answered for the methods each path has. ``Authorization`` is allowed in the preflight only when
updates are enabled: a bearer token is never sent by the browser on its own, so a page can only write if whoever
runs it was given the token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from flask import Response, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized
from werkzeug.http import http_date, is_resource_modified, quote_etag

PATHS = ("/sparql", "/store", "/healthz")
EXPOSED = "ETag, Last-Modified, Location, X-Newskg-Truncated, X-Newskg-Row-Limit, X-Newskg-Cache"
TRUNCATED = "X-Newskg-Truncated"
ROW_LIMIT = "X-Newskg-Row-Limit"


def ours(path: str) -> bool:
    """True for the paths this module's rules apply to."""
    return any(path == p or path.startswith(p + "/") for p in PATHS)


def add_cors(response: Response) -> Response:
    """CORS headers on every response of our paths, errors included (a browser hides a response without them)."""
    if not ours(request.path):
        return response
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED
    if request.method == "OPTIONS":
        methods = response.headers.get("Allow") or "GET, HEAD, POST, OPTIONS"
        response.headers["Access-Control-Allow-Methods"] = methods
        headers = "Accept, Content-Type, If-None-Match, If-Modified-Since"
        if current_app.config.get("UPDATE_TOKEN"):
            headers += ", Authorization"
        response.headers["Access-Control-Allow-Headers"] = headers
        response.headers["Access-Control-Max-Age"] = "86400"
        response.vary.add("Origin")
    return response


def require_update_token() -> None:
    """Allow a write only with ``Authorization: Bearer TOKEN`` matching the configured token.

    :raises Forbidden: updates are not enabled on this server.
    :raises Unauthorized: no token, or a wrong one (with a ``WWW-Authenticate`` challenge).
    """
    token = current_app.config.get("UPDATE_TOKEN")
    if not token:
        raise Forbidden("updates are disabled on this server (start it with --update-token to enable them)")
    scheme, _, given = (request.headers.get("Authorization") or "").partition(" ")
    # compare digests of equal length in constant time: the time taken says nothing about the token
    expected = hashlib.sha256(str(token).encode()).digest()
    actual = hashlib.sha256(given.strip().encode()).digest()
    if scheme.lower() != "bearer" or not hmac.compare_digest(expected, actual):
        params = {"realm": "newskg", **({"error": "invalid_token"} if given else {})}
        raise Unauthorized("this write needs 'Authorization: Bearer TOKEN' with the server's update token",
                           www_authenticate=WWWAuthenticate("bearer", params))


def etag(*parts: object) -> str:
    """A strong ETag from the dataset version and whatever selects the representation (query, media type…)."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:24]


def not_modified(tag: str, modified: dt.datetime) -> bool:
    """True if a conditional GET can be answered 304 (If-None-Match first, then If-Modified-Since, RFC 9110)."""
    if request.method not in ("GET", "HEAD"):
        return False
    return not is_resource_modified(request.environ, etag=tag, last_modified=modified)


def validators(response: Response, tag: str, modified: dt.datetime) -> Response:
    """Set ETag and Last-Modified; ``no-cache`` makes caches revalidate (the data can change under an update)."""
    for name, value in validator_headers(tag, modified):
        response.headers[name] = value
    return response


def validator_headers(tag: str, modified: dt.datetime) -> list[tuple[str, str]]:
    """The headers :func:`validators` sets."""
    return [("ETag", quote_etag(tag)), ("Last-Modified", http_date(modified)), ("Cache-Control", "public, no-cache")]
