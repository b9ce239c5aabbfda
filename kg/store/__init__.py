"""The store: the only way into or out of the graph.

:func:`open_store` opens the back-end a location names — a store directory (the embedded pyoxigraph store,
:class:`Store`) or the ``http(s)://`` URL of a SPARQL 1.1 engine (:class:`kg.store.remote.RemoteStore`) — both
implementing :class:`GraphStore`. Back-ends are registered by name and imported on first use, as rdflib registers
its plugins: opening an embedded store never imports the HTTP client, and a new back-end is one :func:`register`.

The default graph of queries is the union of all named graphs (as the service description says).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import StoreError
from kg.store.base import GraphStore, Result, is_remote, term_text

if TYPE_CHECKING:
    from kg.store.embedded import Store
    from kg.store.remote.config import RemoteConfig

__all__ = ["GraphStore", "Result", "Store", "backend", "is_remote", "open_store", "register", "term_text"]

_BACKENDS: dict[str, tuple[str, str]] = {}


def register(name: str, module: str, cls: str) -> None:
    """Make the back-end ``name`` the class ``cls`` of ``module``, imported when first opened."""
    _BACKENDS[name] = (module, cls)


def backend(name: str) -> type[Any]:
    """The class of the back-end ``name``.

    :raises StoreError: for a name no back-end is registered under.
    """
    try:
        module, cls = _BACKENDS[name]
    except KeyError:
        raise StoreError(f"no store back-end {name!r}; registered: {', '.join(sorted(_BACKENDS))}") from None
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]


register("embedded", "kg.store.embedded", "Store")
register("remote", "kg.store.remote.store", "RemoteStore")


def open_store(location: str | Path | None, *, read_only: bool = False,
               remote: RemoteConfig | dict[str, Any] | None = None) -> GraphStore:
    """The store at ``location``: a remote SPARQL engine for an ``http(s)://`` URL (configured by ``remote``, a
    :class:`kg.store.remote.config.RemoteConfig`; by default the ``NEWSKG_STORE_*`` settings, kg.config), else
    the embedded store in that directory. Everything that reads or writes the graph opens it here.

    :raises StoreError: when the directory holds no store (read-only) or cannot be opened.
    """
    if is_remote(str(location) if location is not None else None):
        from kg.store.remote.config import RemoteConfig

        if isinstance(remote, RemoteConfig):
            config = remote
        else:
            config = RemoteConfig.from_env(str(location), **(remote or {}))
        if config.query_url != str(location):
            config = config.at(str(location))
        return backend("remote")(config, read_only=read_only)  # type: ignore[no-any-return]
    return backend("embedded")(location, read_only=read_only)  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    """``kg.store.Store``, the embedded back-end, imported when first asked for."""
    if name == "Store":
        return backend("embedded")
    raise AttributeError(f"module 'kg.store' has no attribute {name!r}")
