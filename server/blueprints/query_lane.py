"""The query lane: the plainest SPARQL queries answered without Flask's request machinery.

A query sent with nothing but the query — ``GET /sparql?query=…`` without conditional headers, or ``POST /sparql``
with a form of one ``query`` field or an ``application/sparql-query`` body and no parameters in the URL — is the
common request of SPARQL clients, and for a lookup Flask's request context, form parser, routing and response object
cost more CPU than the engine's answer (docs/scaling.md, "Where a small request's time goes"). This WSGI layer in
front of the app reads such a request itself, runs it as the endpoint does (:func:`server.blueprints.sparql.answer`:
the same negotiation, result cache, task and query process; :func:`server.blueprints.sparql.validated` for a GET's
ETag), and writes a successful result with the endpoint's headers (:func:`server.blueprints.sparql.result_headers`,
the validators, CORS and ``nosniff``). Every other request goes to the app as it came, and so does every other
answer (an error, an HTML table, an exception): the lane hands its answer to the endpoint under
:data:`server.blueprints.sparql.ANSWERED`, and the app renders it as it renders its own.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from flask import Flask

from server.blueprints.sparql import ANSWERED, GRAPH_OFFERS, SELECT_OFFERS, answer, result_headers, validated
from server.engine.cache import HEADER as CACHE_HEADER
from server.http import headers as safety
from server.http.negotiate import choose
from server.http.protocol import FORM, Operation
from server.http.util import EXPOSED, validator_headers

_PATH = "/sparql"
_DIRECT = "application/sparql-query"
_BASES_KEPT = 64  # endpoint URLs remembered, by the request's scheme and host


# the headers of a conditional request: the app answers those (304 or the answer)
_CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE",
                "HTTP_IF_RANGE")


def _only_query(fields: str) -> str | None:
    """The query of URL-encoded fields that are one non-empty ``query`` and nothing else, as the app reads them."""
    parsed = parse_qsl(fields, keep_blank_values=True, errors="werkzeug.url_quote")
    if len(parsed) != 1 or parsed[0][0] != "query" or not parsed[0][1].strip():
        return None
    return parsed[0][1]


class QueryLane:
    """WSGI middleware around the app's own ``wsgi_app`` (``app.wsgi_app = QueryLane(app)``)."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.inner = app.wsgi_app
        self.bases: dict[tuple[Any, ...], str] = {}
        self.common = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", EXPOSED),
                       *safety.ALWAYS.items()]

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        text = self._plain_query(environ)
        if text is None:
            return self.inner(environ, start_response)
        accept = environ.get("HTTP_ACCEPT")
        select_media, graph_media = choose(accept, SELECT_OFFERS), choose(accept, GRAPH_OFFERS)
        base = self._base(environ)
        if (select_media is None and graph_media is None) or base is None:
            return self.inner(environ, start_response)
        config = self.app.config
        op = Operation("query", text)
        with self.app.app_context():
            try:
                known = validated(op, select_media, graph_media, base) if environ["REQUEST_METHOD"] == "GET" else None
                reply, state = answer(op, select_media, graph_media, base)
            except Exception as e:  # noqa: BLE001 - a timeout, a lost process, a store error: the app answers it
                environ[ANSWERED] = e
                return self.inner(environ, start_response)
        if reply["status"] != 200 or "body" not in reply or reply["media"] == "text/html":
            environ[ANSWERED] = (reply, state)
            return self.inner(environ, start_response)
        body = reply["body"]
        start_response("200 OK", [*result_headers(reply, int(config["MAX_ROWS"])),
                                  ("Content-Length", str(len(body))), (CACHE_HEADER, state),
                                  *(validator_headers(*known) if known else ()), *self.common])
        return [body]

    def _plain_query(self, environ: dict[str, Any]) -> str | None:
        """The query of a plain query request, else None (then the app reads the request: its body is put back)."""
        method = environ.get("REQUEST_METHOD")
        if environ.get("PATH_INFO") != _PATH:
            return None
        if method == "GET":
            if any(name in environ for name in _CONDITIONAL):
                return None  # the app answers conditional requests (304)
            try:
                return _only_query(environ.get("QUERY_STRING", "").encode("latin-1").decode("utf-8"))
            except UnicodeError:
                return None
        if method != "POST" or environ.get("QUERY_STRING"):
            return None
        kind = environ.get("CONTENT_TYPE")
        length = environ.get("CONTENT_LENGTH") or ""
        limit = self.app.config.get("MAX_CONTENT_LENGTH")
        if kind not in (FORM, _DIRECT) or not length.isdigit() or "HTTP_TRANSFER_ENCODING" in environ \
                or (limit is not None and int(length) > int(limit)):
            return None
        data = environ["wsgi.input"].read(int(length))
        environ["wsgi.input"] = io.BytesIO(data)  # for the app, if it reads the request after all
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if len(data) != int(length):
            return None
        if kind == _DIRECT:
            return decoded if decoded.strip() else None
        return _only_query(decoded)

    def _base(self, environ: dict[str, Any]) -> str | None:
        """The endpoint's own URL, as ``url_for("sparql.endpoint", _external=True)`` makes it for this request
        (None where the app's host checks or server name apply: the app answers those requests itself)."""
        config = self.app.config
        if config.get("TRUSTED_HOSTS") is not None or config.get("SERVER_NAME") is not None \
                or self.app.url_map.host_matching or self.app.subdomain_matching:
            return None
        key = (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
               environ.get("SERVER_PORT"), environ.get("SCRIPT_NAME"))
        base = self.bases.get(key)
        if base is None:
            try:
                adapter = self.app.url_map.bind_to_environ(environ, server_name=None,
                                                           subdomain=self.app.url_map.default_subdomain or "")
                base = adapter.build("sparql.endpoint", force_external=True)
            except Exception:  # noqa: BLE001 - a host the app's routing refuses: the app answers it
                return None
            if len(self.bases) >= _BASES_KEPT:
                self.bases.clear()
            self.bases[key] = base
        return base
