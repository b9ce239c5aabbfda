"""The in-memory copy of the store, made once in a worker's query process and read by all its task threads.

In memory mode (``kg serve --in-memory``) the query process copies the store into memory when it starts, and its
threads share that one copy. A replacement process (after a timeout, or retired for its size) makes its copy again.
"""

from __future__ import annotations

from kg.store import Store

_COPIES: dict[str, Store] = {}


def memory_copy(path: str) -> Store:
    """The in-memory copy of the store at ``path`` (made once per process). A copy of another snapshot is dropped:
    a query process moves to a newer one and never back."""
    store = _COPIES.get(path)
    if store is None:
        _COPIES.clear()
        store = _COPIES[path] = Store.memory_copy(path)
    return store
