"""The result cache: finished query answers kept in each worker process, for read-only serving.

A query over data that has not changed has the same answer, so a worker keeps the finished reply of a query process
(the serialised body and its headers' facts) under the key (dataset version, query text, dataset parameters,
negotiated formats, row limit, base IRI) and answers a repeat from memory, without a query process. The dataset
version is part of the key and a new version empties the cache, so an answer never outlives the data it was
computed from: after a ``kg build`` (from the next request on: the server reads the snapshot the build published),
after an update through this server, or (remote store) when the engine's data changes, seen within
``REMOTE_VERSION_TTL`` seconds.

Bounded by size (``RESULT_CACHE_MB`` per worker, least recently used out first); an answer larger than a quarter
of it is not kept (it would push out most of the others). Only successful answers of queries whose result cannot
differ between two runs are kept (no ``NOW()``, ``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()`` or ``SERVICE``).
``X-Newskg-Cache`` says ``hit``, ``miss`` or ``off``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

HEADER = "X-Newskg-Cache"


class ResultCache:
    """A thread-safe LRU of query replies, bounded in bytes, for one dataset version at a time."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, tuple[dict[str, Any], int]] = OrderedDict()
        self._bytes = 0
        self._version: str | None = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def get(self, version: str, key: tuple) -> dict[str, Any] | None:
        with self._lock:
            if version != self._version:
                self._reset(version)
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[0]

    def put(self, version: str, key: tuple, reply: dict[str, Any]) -> None:
        size = _size(reply)
        if size > self.max_bytes // 4:
            return  # one huge answer would push out everything else
        with self._lock:
            if version != self._version:
                self._reset(version)
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (reply, size)
            self._bytes += size
            while self._bytes > self.max_bytes and self._items:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped

    def _reset(self, version: str) -> None:
        self._items.clear()
        self._bytes = 0
        self._version = version

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"entries": len(self._items), "bytes": self._bytes, "hits": self.hits, "misses": self.misses}


def _size(reply: dict[str, Any]) -> int:
    """Roughly what a reply holds in memory: its body, or the cells of an HTML table."""
    if "body" in reply:
        return len(reply["body"]) + 256
    table = reply.get("table") or {}
    return 256 + sum(len(c) + 50 for row in table.get("rows", []) for c in row)
