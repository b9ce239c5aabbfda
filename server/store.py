"""The app's single read-only :class:`kg.store.Store`, opened lazily once per process (a gunicorn worker)."""

from __future__ import annotations

from flask import Flask, current_app

from kg.store import Store


def get_store() -> Store:
    ext = current_app.extensions.setdefault("newskg", {})
    if "store" not in ext:
        ext["store"] = Store(current_app.config["STORE_PATH"], read_only=True)
    return ext["store"]


def dataset_version() -> str:
    ext = current_app.extensions.setdefault("newskg", {})
    if "version" not in ext:
        ext["version"] = get_store().version()
    return ext["version"]


def init_app(app: Flask) -> None:
    app.extensions.setdefault("newskg", {})
