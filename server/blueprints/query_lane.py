"""The query lane: the plainest SPARQL queries answered without Flask's request machinery.

A query sent as ``POST /sparql`` with nothing but the query — a form of one ``query`` field, or an
``application/sparql-query`` body — and no parameters in the URL is the common request of SPARQL clients, and for a
lookup Flask's request context, form parser, routing and response object cost more CPU than the engine's answer
(docs/scaling.md, "Where a small request's time goes"). This WSGI layer in front of the app reads such a request
itself, runs it as the endpoint does (:func:`server.blueprints.sparql.answer`: the same negotiation, result cache,
task and query process), and writes a successful result with the endpoint's headers
(:func:`server.blueprints.sparql.result_headers`, CORS and ``nosniff``). Every other request goes to the app as it
came, and so does every other answer (an error, an HTML table, an exception): the lane hands its answer to the
endpoint under :data:`server.blueprints.sparql.ANSWERED`, and the app renders it as it renders its own.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from flask import Flask

from server.blueprints.sparql import ANSWERED, GRAPH_OFFERS, SELECT_OFFERS, answer, result_headers
from server.engine.cache import HEADER as CACHE_HEADER
from server.http import headers as safety
from server.http.negotiate import choose
from server.http.protocol import FORM, Operation
from server.http.util import EXPOSED

_PATH = "/sparql"
_DIRECT = "application/sparql-query"
_BASES_KEPT = 64  # endpoint URLs remembered, by the request's scheme and host


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
        with self.app.app_context():
            try:
                reply, state = answer(Operation("query", text), select_media, graph_media, base)
            except Exception as e:  # noqa: BLE001 - a timeout, a lost process, a store error: the app answers it
                environ[ANSWERED] = e
                return self.inner(environ, start_response)
        if reply["status"] != 200 or "body" not in reply or reply["media"] == "text/html":
            environ[ANSWERED] = (reply, state)
            return self.inner(environ, start_response)
        body = reply["body"]
        start_response("200 OK", [*result_headers(reply, int(config["MAX_ROWS"])),
                                  ("Content-Length", str(len(body))), (CACHE_HEADER, state), *self.common])
        return [body]

    def _plain_query(self, environ: dict[str, Any]) -> str | None:
        """The query of a plain query request, else None (then the app reads the request: its body is put back)."""
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != _PATH or environ.get("QUERY_STRING"):
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
            text = decoded
        else:
            fields = parse_qsl(decoded, keep_blank_values=True, errors="werkzeug.url_quote")
            if len(fields) != 1 or fields[0][0] != "query":
                return None
            text = fields[0][1]
        return text if text.strip() else None

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
