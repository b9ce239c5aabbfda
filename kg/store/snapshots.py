"""Read snapshots of a store: how a running server sees what a writer committed, without reading a directory that
another process writes (undefined for the embedded engine).

A snapshot is a RocksDB checkpoint of the store (files hard-linked where the file system allows, so it is cheap)
in a folder of snapshots; a ``current`` file names the newest. A writer publishes one after its transaction is
durable; readers read ``current`` at each request and reopen when it names another snapshot. Old snapshots are
removed once no request can still be using them.

Every write through :class:`kg.store.Store` (``kg build``, ``kg remove``, ``kg load``) publishes into the store's own
folder ``{store}/snapshots`` when the store is closed, so a ``kg serve`` over that store serves the new data from
its next request on. (A server that accepts updates keeps a snapshot folder of its own: ``server.engine.snapshots``.)
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from kg.errors import StoreError

POINTER = "current"
PUBLISHED = "snapshots"  # the folder, inside the store's directory, of the snapshots its writers publish
KEEP_SECONDS = 600.0  # a superseded snapshot is kept this long for the requests that may still be reading it


def published_root(store_path: str | Path) -> Path:
    """Where the writers of the store at ``store_path`` publish its snapshots."""
    return Path(store_path) / PUBLISHED


def published(store_path: str | Path) -> Path | None:
    """The newest snapshot published for the store at ``store_path``, or None (a store no writer published yet).

    A server asks at every request; the pointer file is read again only when it is another file (a writer replaces
    it whole, :func:`publish`) or was changed, so a request costs one ``stat``."""
    pointer = os.path.join(store_path, PUBLISHED, POINTER)
    try:
        st = os.stat(pointer)
    except OSError:
        return None
    key = (pointer, st.st_ino, st.st_mtime_ns, st.st_size)
    known = _READ.get(pointer)
    if known is not None and known[0] == key:
        return known[1]
    root = published_root(store_path)
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = root / name
    found = path if name and path.is_dir() else None
    if found is not None:
        _READ[pointer] = (key, found)
    return found


_READ: dict[str, tuple[tuple[str, int, int, int], Path]] = {}  # pointer file → (what it was, the snapshot it named)


def publish(store: Any, root: Path, *, keep_seconds: float = 300.0) -> Path:
    """Snapshot ``store`` (open read-write) into ``root`` and make it the current one; remove stale snapshots."""
    root.mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns():020d}"
    target = root / name
    store.snapshot(target)
    tmp = root / f"{POINTER}.{os.getpid()}.tmp"
    tmp.write_text(name, encoding="utf-8")
    os.replace(tmp, root / POINTER)  # atomic: a reader sees the old name or the new one, never half of one
    _collect(root, keep=name, older_than=time.time() - keep_seconds)
    return target


def current(root: Path) -> Path:
    """The directory of the current snapshot.

    :raises StoreError: if there is none (the server was not started with updates enabled).
    """
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        raise StoreError(f"{root}: no store snapshot; the server's snapshot folder is missing") from None
    return root / name


def _collect(root: Path, *, keep: str, older_than: float) -> None:
    """Remove snapshots that were superseded before ``older_than`` (a reader may still use a recent one)."""
    names = sorted(e.name for e in root.iterdir() if e.is_dir() and e.name.isdigit())
    for name, successor in zip(names, names[1:], strict=False):
        retired_at = int(successor) / 1e9  # a snapshot is retired when the next one is published
        if name != keep and retired_at < older_than:
            shutil.rmtree(root / name, ignore_errors=True)
