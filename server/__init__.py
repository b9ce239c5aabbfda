"""The newskg publisher: a Flask application over the store (SPARQL endpoint, Linked Data, downloads, UI).

``create_app(config)`` sets defaults, reads ``NEWSKG_*`` environment variables, then applies ``config``, and
registers one blueprint per concern. The app reads the graph only through :class:`kg.store.Store`.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

DEFAULTS: dict[str, Any] = {
    "STORE_PATH": "var/store",  # the store directory, opened read-only
    "BASE_IRI": None,  # base IRI of the resources; None: the one the articles were built with
    "QUERY_TIMEOUT": 10.0,  # seconds before a query is stopped (503)
    "MAX_ROWS": 10000,  # result rows returned before truncation is signalled
    "MAX_CONTENT_LENGTH": 1_000_000,  # request body limit in bytes (413 above it)
    "UPDATE_TOKEN": None,  # SPARQL Update is enabled only with this bearer token
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("NEWSKG")
    if config:
        app.config.update(config)

    from server import downloads, errors, sparql, store, ui

    store.init_app(app)
    errors.init_app(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(ui.bp)
    return app
