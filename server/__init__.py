"""The newskg publisher: a Flask application over the store (SPARQL endpoint, Linked Data, downloads, UI).

``create_app(config)`` sets defaults, reads ``NEWSKG_*`` environment variables, then applies ``config``, and
registers one blueprint per concern. The app reads the graph only through its query processes (one door:
:mod:`server.pages.engine` for queries, :mod:`server.engine.facts` for facts and dumps); the web worker never opens
the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # flask is imported where it is used: the query processes (server.engine.executor) never load it
    from flask import Config, Flask

from kg.config import app_environment

DEFAULTS: dict[str, Any] = {
    "STORE_PATH": "var/store",  # the store directory, opened read-only
    "BASE_IRI": None,  # base IRI of the resources; None: the one the articles were built with
    "QUERY_TIMEOUT": 10.0,  # seconds before a query is stopped (503)
    "MAX_ROWS": 10000,  # result rows returned before truncation is signalled
    "MAX_CONTENT_LENGTH": 1_000_000,  # request body limit in bytes (413 above it)
    "UPDATE_TOKEN": None,  # SPARQL Update is enabled only with this bearer token
    "FEDERATION_ALLOW": None,  # SERVICE endpoints queries may call; None: Wikidata and DBpedia; "" switches it off
    "QUERY_PROCESSES": None,  # queries one worker's query process runs at once (its threads); None: SERVER_THREADS
    "SERVER_THREADS": 4,  # request threads per gunicorn worker
    "HEADER_TIMEOUT": 10.0,  # seconds for a request's line and headers, from its first byte (408 after)
    "BODY_TIMEOUT": 30.0,  # seconds for a request's body, after its headers (408 after)
    "SNAPSHOT_DIR": None,  # with an update token: where read snapshots go; None: a new folder beside the store
    "DUMP_DIR": None,  # where dumps are written once per dataset version; None: a folder in the temp directory
    "DUMP_TIMEOUT": 300.0,  # seconds a query process may take to write one dump file (503 after)
    "QUERIES_DIR": None,  # the named queries offered on /query; None: the project's queries/ folder
    "STORE_REMOTE": None,  # a remote store's settings (kg.store.remote.RemoteConfig fields) besides NEWSKG_STORE_* variables
    "REMOTE_VERSION_TTL": 2.0,  # seconds a remote store's dataset version is trusted before it is asked again
    "RESULT_CACHE_MB": 128,  # result cache per worker (server.engine.cache); 0 switches it off
    "MEMORY_MODE": "disk",  # "memory": queries read an in-memory copy of the store (kg serve chooses, see server.serve)
    "SEARCH_INDEX": None,  # the search index file (kg.search); None: beside the store (see kg.search.index_path)
    # the licence of the published data (VoID, the downloads page): CC BY 2.5, the licence of the Wikinews articles
    # whose text the graph carries (README, "Licence of the data"); a deployment of other sources sets its own
    "DATA_LICENSE": "https://creativecommons.org/licenses/by/2.5/",
    "DATA_LICENSE_NAME": "Creative Commons Attribution 2.5 (CC BY 2.5)",
}


def settings(config: dict[str, Any] | None = None) -> Config:
    """The app's configuration: the defaults, then ``NEWSKG_*`` environment variables, then ``config``."""
    from flask import Config

    out = Config(__path__[0])
    out.from_mapping(DEFAULTS)
    out.update(app_environment())  # without the secrets, which stay in kg.config
    if config:
        out.update(config)
    return out


def create_app(config: dict[str, Any] | None = None) -> Flask:
    from flask import Flask

    app = Flask(__name__)
    app.config.update(settings(config))

    from server.engine import access as store
    from server.blueprints import (browse, downloads, explore, graphstore, health, resources, search, sparql, ui,
                                   vocab, void)
    from server.http import errors, headers

    store.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(graphstore.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(ui.bp)
    app.register_blueprint(resources.bp)
    app.register_blueprint(void.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(explore.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(vocab.bp)
    from server.blueprints.query_lane import QueryLane

    app.wsgi_app = QueryLane(app)  # type: ignore[method-assign]  # plain queries without the request machinery
    return app
