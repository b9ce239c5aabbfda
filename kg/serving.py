"""``kg serve``: the Flask app under gunicorn.

Process model: a gunicorn master forks ``workers`` worker processes; each serves ``SERVER_THREADS`` requests at a
time (gthread) and runs every query in a query process of its own (``server.query_runner``), killed when the query
passes ``--timeout``. Workers open the store read-only. With ``--update-token`` the store is written by one update
at a time and readers switch to a fresh read-only snapshot after each write (``server.snapshots``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg.errors import StoreError


def run(*, store: str, host: str, port: int, workers: int, timeout: float, base_iri: str | None,
        update_token: str | None) -> None:
    """Build the app and serve it until interrupted.

    :raises StoreError: when there is no store at ``store``, or (with an update token) it cannot be written.
    """
    from gunicorn.app.base import BaseApplication

    from server import create_app

    if not (Path(store) / "CURRENT").exists():
        raise StoreError(f"{store}: no store here; build one first with `kg build ARTICLE --store {store}`")
    config: dict[str, Any] = {"STORE_PATH": store, "QUERY_TIMEOUT": timeout, "UPDATE_TOKEN": update_token}
    if base_iri:
        config["BASE_IRI"] = base_iri
    app = create_app(config)
    threads = max(1, int(app.config["SERVER_THREADS"]))

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", threads)
            # queries are stopped by the query runner; this only catches a worker that stopped answering at all
            self.cfg.set("timeout", int(timeout) + 60)
            self.cfg.set("graceful_timeout", 10)
            self.cfg.set("limit_request_line", 8190)  # the most gunicorn allows: long GET queries; POST has no limit
            self.cfg.set("accesslog", "-")
            self.cfg.set("proc_name", "newskg")
            if "control_socket_disable" in self.cfg.settings:
                # one fixed socket path per user: two servers on a host would take it from each other
                self.cfg.set("control_socket_disable", True)
            # behind a reverse proxy on this host, trust its X-Forwarded-Proto (FORWARDED_ALLOW_IPS widens that)
            self.cfg.set("forwarded_allow_ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"))

        def load(self):  # noqa: ANN202
            return app

    Server().run()
