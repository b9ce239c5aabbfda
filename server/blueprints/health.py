"""``GET /healthz``: is the server up and can its query processes read the store? For load balancers and
monitoring."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from werkzeug.exceptions import HTTPException

from kg.errors import StoreError
from server.http.errors import error_response, status_of
from server.engine.access import counts, dataset_version, freshness, get_runner

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz() -> Response:
    """``{"ok": true, "triples": N, "graphs": N, "version": "…"}``, or the error shape with 503."""
    try:
        triples, graphs = counts()
        version = dataset_version()
    except StoreError as e:
        return error_response(status_of(e), str(e))
    except HTTPException as e:  # the store could not be read in time (or at all): not healthy
        return error_response(503, str(e.description))
    resp = current_app.json.response({"ok": True, "triples": triples, "graphs": graphs, "version": version,
                                      "mode": current_app.config.get("MEMORY_MODE", "disk"),
                                      "freshness": freshness(),
                                      # this worker's query processes replaced for their memory (server.engine.executor)
                                      "query_processes_replaced": get_runner().retired})
    resp.headers["Cache-Control"] = "no-store"
    return resp
