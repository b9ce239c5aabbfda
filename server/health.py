"""``GET /healthz``: is the server up and can it read its store? For load balancers and monitoring."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from kg.errors import StoreError
from server.errors import error_response, status_of
from server.store import cached, dataset_version, freshness, get_runner, get_store, remote, stats

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz() -> Response:
    """``{"ok": true, "triples": N, "graphs": N, "version": "…"}``, or the error shape with 503."""
    try:
        if remote():
            get_store()
            triples = cached("triples", lambda store: store.count())
            graphs = cached("graphs", lambda store: len(store.graphs()))
        else:  # counted by a query process: this worker never opens the store for it
            known = stats()
            triples, graphs = known["triples"], known["graphs"]
        version = dataset_version()
    except StoreError as e:
        return error_response(status_of(e), str(e))
    resp = current_app.json.response({"ok": True, "triples": triples, "graphs": graphs, "version": version,
                                      "mode": current_app.config.get("MEMORY_MODE", "disk"),
                                      "freshness": freshness(),
                                      # this worker's query processes replaced for their memory (server.executor)
                                      "query_processes_replaced": get_runner().retired})
    resp.headers["Cache-Control"] = "no-store"
    return resp
