"""Read snapshots for a server that accepts updates.

A pyoxigraph store on disk has one read-write opener, and reading a directory that another process writes is
undefined behaviour. So when updates are enabled, no reader ever opens the store directory itself:

* a write (SPARQL Update, Graph Store PUT/POST/DELETE) takes an exclusive file lock, opens the store read-write,
  applies the change in one transaction, writes a checkpoint of the store into a new snapshot directory (RocksDB
  hard-links the files, so this is cheap), points ``current`` at it, and closes the store;
* every reader (each gunicorn worker and each of its query processes) reads ``current`` at the start of each
  request and reopens read-only when it has changed.

An update is therefore visible to every worker from the next request after the update's response. Old snapshots
are removed once no request can still be using them (older than the query timeout plus a margin).
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import StoreError
from kg.store.snapshots import POINTER, _collect, current, publish  # noqa: F401 - the snapshot protocol lives in kg
from kg.store import Store

LOCK = "write.lock"


def create_root(store_path: str | Path) -> Path:
    """A new, empty snapshot folder beside the store (same file system: snapshots are hard links), or in the
    system temporary folder when the store's parent is not writable."""
    parent = Path(store_path).resolve().parent
    try:
        return Path(tempfile.mkdtemp(prefix=".newskg-snapshots-", dir=parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="newskg-snapshots-"))


@contextlib.contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """Hold the exclusive write lock: one writer at a time across all workers and processes. The kernel releases
    it if the holder dies, so a writer killed on timeout does not block the next one."""
    with open(root / LOCK, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_store(path: str | Path) -> Store:
    """Open the store read-write for one write."""
    try:
        return Store(path)
    except StoreError:
        raise StoreError(f"{path}: the store is locked by another process (a `kg build` or `kg load`?); "
                         "try again when it has finished") from None


def remove(root: Path) -> None:
    """Delete the snapshot folder (at server shutdown)."""
    shutil.rmtree(root, ignore_errors=True)
