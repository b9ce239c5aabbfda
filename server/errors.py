"""One error shape: JSON ``{"ok": false, "error": …, "status": …}`` for machines, an HTML page for browsers."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from kg.errors import NewsKGError, QueryError, StoreError


def wants_html() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and request.accept_mimetypes["text/html"] > request.accept_mimetypes["application/json"]


def error_response(status: int, message: str):  # noqa: ANN201
    if wants_html():
        return render_template("error.html", status=status, message=message), status
    resp = jsonify({"ok": False, "error": message, "status": status})
    resp.status_code = status
    return resp


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):  # noqa: ANN202
        resp = error_response(e.code or 500, e.description or e.name)
        if e.code == 405 and hasattr(e, "valid_methods") and e.valid_methods:
            r = app.make_response(resp)
            r.headers["Allow"] = ", ".join(e.valid_methods)
            return r
        return resp

    @app.errorhandler(QueryError)
    def query_error(e: QueryError):  # noqa: ANN202
        return error_response(400, str(e))

    @app.errorhandler(StoreError)
    def store_error(e: StoreError):  # noqa: ANN202
        return error_response(503, str(e))

    @app.errorhandler(NewsKGError)
    def domain_error(e: NewsKGError):  # noqa: ANN202
        return error_response(400, str(e))
