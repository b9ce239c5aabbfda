"""One error shape: JSON ``{"ok": false, "error": …, "status": …}`` for machines, an HTML page for browsers.

Client mistakes are 4xx with a message that says what to do; a limit is a 413 or a 503 with the limit in it; a bug
in the server stays a 500 (its traceback goes to the log, not to the client).

This module is the one place where an exception becomes an HTTP status: :data:`STATUS` maps the domain's errors
(kg.errors) to statuses, the handlers registered by :func:`init_app` answer with them, and route code raises
rather than answering errors itself. (The query process still labels its replies with a status of its own; that
moves here when the engine's replies are typed.)
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from kg.errors import ConfigError, InputError, NewsKGError, QueryError, StoreError, ValidationFailed

# the most specific class of an exception's ancestry decides; a domain error not listed is the client's (400)
STATUS: dict[type[Exception], int] = {
    QueryError: 400,  # a query the engine cannot run as written (syntax, limits, a refused SERVICE)
    InputError: 400,  # a document or parameter that is not what it must be
    ValidationFailed: 400,  # well-formed data that breaks the shapes
    ConfigError: 400,
    StoreError: 503,  # the store cannot be read now: the client may retry
    NewsKGError: 400,
}


def status_of(error: BaseException) -> int:
    """The HTTP status of an exception: its own code for an HTTP exception, else :data:`STATUS`, else 500."""
    if isinstance(error, HTTPException):
        return error.code or 500
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")  # what an exception's own headers must keep saying


def wants_html() -> bool:
    """True when the client prefers HTML to JSON (a browser)."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and request.accept_mimetypes["text/html"] > request.accept_mimetypes["application/json"]


def error_response(status: int, message: str) -> Response:
    """The error shape, as JSON or (for browsers) the error page."""
    if wants_html():
        resp = current_app.make_response((render_template("error.html", status=status, message=message), status))
    else:
        resp = jsonify({"ok": False, "error": message, "status": status})
        resp.status_code = status
    resp.vary.add("Accept")
    return resp


def syntax_error_response(error: str, syntax: dict, text: str, hint: str = "") -> Response:
    """A SPARQL syntax error (400) in the format the client asked for: an HTML page with the text and the place
    marked for a browser, the error shape with the position for a client that asks for JSON, and the SPARQL
    Protocol's plain text otherwise."""
    message = error + (f" — {hint}" if hint else "")
    lines = text.splitlines() or [""]
    line = min(int(syntax["line"]), len(lines))
    column = int(syntax["column"])
    if wants_html():
        resp = current_app.make_response((render_template(
            "syntax_error.html", message=message, syntax=syntax, lines=lines, line=line, column=column), 400))
    elif request.accept_mimetypes.best_match(["text/plain", "application/json"]) == "application/json" and \
            request.accept_mimetypes["application/json"] > request.accept_mimetypes["text/plain"]:
        resp = jsonify({"ok": False, "error": message, "status": 400, **{k: syntax[k] for k in (
            "line", "column", "expected", "kind")}})
        resp.status_code = 400
    else:
        pointer = f"{lines[line - 1]}\n{' ' * (column - 1)}^"
        resp = current_app.make_response((f"400 Bad Request: {message}\n\n{pointer}\n", 400))
        resp.mimetype = "text/plain"
    resp.vary.add("Accept")
    return resp


def init_app(app: Flask) -> None:
    @app.errorhandler(RequestEntityTooLarge)
    def too_large(e: RequestEntityTooLarge) -> Response:
        limit = app.config.get("MAX_CONTENT_LENGTH")
        return error_response(413, f"the request body is larger than the server accepts ({limit} bytes); "
                                   "send a smaller query or document")

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException) -> Response:
        if isinstance(e, InternalServerError):
            return server_error(e)
        message = e.description or e.name
        if e.code == 405 and getattr(e, "valid_methods", None):
            allowed = ", ".join(e.valid_methods)  # type: ignore[attr-defined]
            message = f"{request.method} is not allowed on {request.path}; use {allowed}"
        elif e.code == 404 and message.startswith("The requested URL was not found"):
            message = f"nothing at {request.path}"
        resp = error_response(e.code or 500, message)
        for name, value in e.get_headers():
            if name in KEPT_HEADERS:
                resp.headers[name] = value
        if e.code == 405 and getattr(e, "valid_methods", None):
            resp.headers["Allow"] = ", ".join(e.valid_methods)  # type: ignore[attr-defined]
        return resp

    @app.errorhandler(NewsKGError)
    def domain_error(e: NewsKGError) -> Response:
        return error_response(status_of(e), str(e))

    def server_error(e: InternalServerError) -> Response:
        # Flask has already logged the traceback of the original exception
        return error_response(500, "internal server error; the details are in the server log")
