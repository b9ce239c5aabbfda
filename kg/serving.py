"""``kg serve``: the Flask app under gunicorn, workers over a read-only store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import StoreError


def run(*, store: str, host: str, port: int, workers: int, timeout: float, base_iri: str | None,
        update_token: str | None) -> None:
    from gunicorn.app.base import BaseApplication

    from server import create_app

    if not (Path(store) / "CURRENT").exists():
        raise StoreError(f"{store}: no store here; build one first with `kg build ARTICLE --store {store}`")
    config: dict[str, Any] = {"STORE_PATH": store, "QUERY_TIMEOUT": timeout, "UPDATE_TOKEN": update_token}
    if base_iri:
        config["BASE_IRI"] = base_iri
    app = create_app(config)

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("timeout", int(timeout) + 30)  # a worker stuck past the query timeout is killed
            self.cfg.set("accesslog", "-")
            self.cfg.set("proc_name", "newskg")

        def load(self):  # noqa: ANN202
            return app

    Server().run()
