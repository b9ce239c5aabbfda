"""In-memory copies of the store, made in the fork server of the query processes and shared by all of them.

The fork server imports this module once when it starts (``server.query_runner`` names it as a preload). When the
server runs in memory mode, ``NEWSKG_MEMORY_STORE`` names the store directory, and the copy is made right here:
every query process is then forked with the copy already in its memory, so a query process replaced after a
timeout is ready at once. The pages are shared copy-on-write only until a process scans them: the engine writes
into the pages it reads, so a process that scans the data makes those pages its own (docs/scaling.md;
kg.serving.memory_mode counts a copy per process).
"""

from __future__ import annotations

import logging
import os

from kg.store import Store

ENV = "NEWSKG_MEMORY_STORE"
_COPIES: dict[str, Store] = {}


def memory_copy(path: str) -> Store:
    """The in-memory copy of the store at ``path`` (made once per process tree). A copy of another snapshot is
    dropped: a query process moves to a newer one and never back."""
    store = _COPIES.get(path)
    if store is None:
        _COPIES.clear()
        store = _COPIES[path] = Store.memory_copy(path)
    return store


def _preload() -> None:
    path = os.environ.get(ENV)
    if not path:
        return
    try:
        memory_copy(path)
    except Exception as e:  # noqa: BLE001 - a failure here would stop the fork server; a query process retries
        logging.getLogger("newskg.query").warning("no in-memory copy of %s in the fork server: %s", path, e)


_preload()
