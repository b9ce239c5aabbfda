"""The app's access to the store: the query processes (each with the read-only store open: the embedded store or a
remote SPARQL engine), the result cache, and the dataset version that ETags are made of. The web worker itself
never opens the store: every read, a query or a fact (:func:`fact`), goes to a query process and is stopped at
the time limit.

Normal operation: every worker reads the newest snapshot that the store's writers published (``kg build``,
``kg remove`` and ``kg load`` publish one when they commit: :mod:`kg.store.snapshots`), or the store directory itself
when none was published yet. With an update token, the server reads its own snapshots (:mod:`server.engine.snapshots`).
Either way :func:`store_path` is read at each request, and the query processes reopen (in
memory mode: copy again) when it names another snapshot, so a committed build is served from the next request on;
values computed from the data (statistics, the result cache, ETags) are keyed by it.

A remote store cannot say when its data changes, so its dataset version is recomputed at most every
``REMOTE_VERSION_TTL`` seconds; a change shows in ETags, statistics and cached results within that time.

All state is per process and rebuilt after a fork (gunicorn forks its workers from the process that built the app):
a pipe to a query process must never be shared between processes.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, current_app
from werkzeug.exceptions import HTTPException

from kg.errors import StoreError
from kg.store import is_remote
from kg.store.snapshots import published
from server.engine import snapshots
from server.engine.cache import ResultCache
from server.engine.tasks import FactTask, StatsTask
from server.engine.runner import Runner

T = TypeVar("T")


class ReadError(HTTPException):
    """A read of the web worker (a page's query, a fact, a dump) failed in the query process: 500 for a bug, or 503
    (the store refused) with the engine's message. A read stopped at the time limit is the runner's 503."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.code = status
_LOCK = threading.RLock()  # re-entered: a remote version check starts the query processes


class _State:
    """What one process holds: its query runner, and values cached per dataset state."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.path: str | None = None
        self.runner: Runner | None = None
        self.cache: dict[tuple[str, str], Any] = {}
        self.results: ResultCache | None = None
        self.remote_version: str = ""  # a remote store's version, and when it was computed and last changed
        self.remote_checked = 0.0
        self.remote_changed = 0.0


def _state(app: Flask | None = None) -> _State:
    ext = (app or current_app).extensions.setdefault("newskg", {})
    state = ext.get("state")
    if state is None or state.pid != os.getpid():
        with _LOCK:
            state = ext.get("state")
            if state is None or state.pid != os.getpid():
                state = ext["state"] = _State()
    return state


def updates_enabled() -> bool:
    """True when the server was started with an update token (SPARQL Update and Graph Store writes)."""
    return bool(current_app.config.get("UPDATE_TOKEN"))


def store_path(app: Flask | None = None) -> str:
    """The directory readers open now: the server's current snapshot when updates are enabled, else the newest
    snapshot the store's writers published, else the store itself (or a remote store's URL)."""
    config = (app or current_app).config
    root = config.get("SNAPSHOT_DIR")
    if root and config.get("UPDATE_TOKEN"):
        return str(snapshots.current(Path(root)))
    path = str(config["STORE_PATH"])
    if is_remote(path):
        return path
    return str(published(path) or path)


def freshness(app: Flask | None = None) -> str:
    """How this server learns that the data changed, in words (for /healthz and the README)."""
    config = (app or current_app).config
    if is_remote(str(config["STORE_PATH"])):
        return (f"a remote engine cannot tell when its data changes: the server asks for its version every "
                f"{float(config['REMOTE_VERSION_TTL']):g} s, so a change shows within that time")
    if config.get("UPDATE_TOKEN"):
        return "updates through this server are served from the next request on"
    return "a committed kg build, remove or load is served from the next request on"


def remote() -> bool:
    """True when the store is a remote SPARQL engine."""
    return is_remote(str(current_app.config["STORE_PATH"]))


def fact(name: str, **args: Any) -> Any:
    """A fact about the store (:mod:`server.engine.facts`: its counts, graphs, base IRI …), read by a query process
    under the query time limit: the web worker never opens the store itself.

    :raises HTTPException: 503 when the time ran out or the store could not be read, 500 for a bug.
    """
    config = current_app.config
    task: FactTask = {"op": "facts", "name": name, "args": args, "store": store_path(),
                      "timeout": float(config["QUERY_TIMEOUT"])}
    reply = get_runner().run(task, float(config["QUERY_TIMEOUT"]), what=f"reading of the store's {name}")
    if reply["status"] != 200:
        raise ReadError(500 if reply["status"] < 500 else reply["status"], reply.get("error", "read failed"))
    return reply["value"]


def _current(state: _State) -> None:
    """Forget the values computed from an earlier dataset state: another snapshot, or (remote store) a new
    version."""
    path = store_path()
    if state.path != path:
        with _LOCK:
            if state.path != path:
                state.path = path
                state.cache.clear()
    if remote():
        _check_remote(state)


def _check_remote(state: _State) -> None:
    """Recompute a remote store's version when it is older than ``REMOTE_VERSION_TTL``; a new one drops every
    value computed from the old data."""
    now = time.monotonic()
    if now - state.remote_checked < float(current_app.config["REMOTE_VERSION_TTL"]):
        return
    with _LOCK:
        if now - state.remote_checked < float(current_app.config["REMOTE_VERSION_TTL"]):
            return
        version = fact("version")
        if version != state.remote_version:
            state.cache.clear()
            state.remote_version = version
            state.remote_changed = time.time()
        state.remote_checked = now


def cached(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, computed once per process and dataset state (statistics for the description etc.); what it
    reads, it reads through the query processes (:func:`fact`, :mod:`server.pages.engine`)."""
    state = _state()
    _current(state)
    key = (name, f"{state.path or ''} {state.remote_version}")
    if key not in state.cache:
        state.cache[key] = compute()
    return state.cache[key]  # type: ignore[no-any-return]


def dataset_version() -> str:
    """A short fingerprint of the dataset state, for ETags. With updates enabled, every write changes it (even one
    that swaps a triple for another, which :meth:`kg.store.Store.version` alone would not see)."""
    if remote():
        _current(_state())
        return _state().remote_version
    path = store_path()
    version = (current_app.config.get("DATASET_VERSIONS") or {}).get(path) or str(stats()["version"])
    if current_app.config.get("SNAPSHOT_DIR") and updates_enabled():
        return hashlib.sha256(f"{version} {Path(path).name}".encode()).hexdigest()[:16]
    return version


def stats() -> dict[str, Any]:
    """The embedded store's size and version now: ``triples``, ``graphs``, ``version``, computed once per dataset
    state by a query process (which has the store open anyway: a web worker that opened it too would hold a
    RocksDB handle of tens of MB for these few numbers).

    :raises StoreError: when the store cannot be read.
    """
    path = store_path()
    state = _state()
    known = state.cache.get(("stats", path))
    if known is None:
        runner = get_runner()
        reply = runner.known.get(path)  # published by a write of this worker: counted by its writer
        if reply is None:
            task: StatsTask = {"op": "stats", "store": path}
            reply = runner.run(task, float(current_app.config["QUERY_TIMEOUT"]),
                               what="count of the store")
            if reply.get("status") != 200:
                raise StoreError(str(reply.get("error") or "the store could not be read"))
        for key in [k for k in state.cache if k[0] == "stats"]:  # an earlier snapshot's
            del state.cache[key]
        known = state.cache[("stats", path)] = {k: reply[k] for k in ("triples", "graphs", "version")}
    return known


def counts() -> tuple[int, int]:
    """(quads, named graphs) of the dataset now, read by a query process once per dataset state."""
    if remote():
        return cached("triples", lambda: int(fact("count"))), cached("graphs", lambda: len(fact("graphs")))
    known = stats()
    return int(known["triples"]), int(known["graphs"])


def last_modified() -> dt.datetime:
    """When the dataset last changed: the newest file of the store, or the time of the current snapshot."""
    if remote():
        def since() -> dt.datetime:  # when this process first saw the engine's data
            return dt.datetime.fromtimestamp(int(_state().remote_changed), tz=dt.timezone.utc)

        return cached("last-modified", since)
    # from the directory's files alone: the store is not opened for it (see dataset_version)
    path = store_path()
    state = _state()
    known = state.cache.get(("last-modified", path))
    if known is None:
        if current_app.config.get("SNAPSHOT_DIR") and updates_enabled():
            seconds = int(Path(path).name) / 1e9  # a snapshot is named by its time in nanoseconds
        else:
            seconds = max((e.stat().st_mtime for e in os.scandir(path) if e.is_file()), default=0.0)
        for key in [k for k in state.cache if k[0] == "last-modified"]:  # an earlier snapshot's
            del state.cache[key]
        known = state.cache[("last-modified", path)] = dt.datetime.fromtimestamp(int(seconds), tz=dt.timezone.utc)
    return known  # type: ignore[no-any-return]


def query_processes(config: Mapping[str, Any]) -> int:
    """Tasks a worker's query process runs at once (its threads): ``QUERY_PROCESSES``, or one per request
    thread."""
    return int(config.get("QUERY_PROCESSES") or config.get("SERVER_THREADS") or 4)


def get_runner() -> Runner:
    """This process's query process."""
    state = _state()
    if state.runner is None:
        with _LOCK:
            if state.runner is None:
                app = current_app._get_current_object()  # type: ignore[attr-defined]
                state.runner = Runner(lambda: store_path(app), size=query_processes(app.config),
                                      remote=app.config.get("STORE_REMOTE"),
                                      in_memory=app.config.get("MEMORY_MODE") == "memory")
                atexit.register(state.runner.close)
    return state.runner


def close(app: Flask) -> None:
    """Stop this process's query process (at worker exit)."""
    state = app.extensions.get("newskg", {}).get("state")
    if state is not None and state.pid == os.getpid() and state.runner is not None:
        state.runner.close()


def result_cache() -> ResultCache:
    """This process's result cache (disabled when ``RESULT_CACHE_MB`` is 0)."""
    state = _state()
    if state.results is None:
        with _LOCK:
            if state.results is None:
                mb = float(current_app.config.get("RESULT_CACHE_MB") or 0)
                state.results = ResultCache(int(mb * 1024 * 1024))
    return state.results


def init_app(app: Flask) -> None:
    """Prepare the store: with an update token, check that the store can be written and publish its first
    snapshot (the server then reads snapshots only); a snapshot folder made here is removed when this process
    exits."""
    _state(app)
    if not app.config.get("UPDATE_TOKEN"):
        return
    if is_remote(str(app.config["STORE_PATH"])):
        from kg.errors import ConfigError

        raise ConfigError("updates through kg serve need the embedded store; send updates to the remote engine "
                          "itself (its update endpoint), and kg serve shows them within REMOTE_VERSION_TTL seconds")
    given = app.config.get("SNAPSHOT_DIR")
    root = Path(given) if given else snapshots.create_root(app.config["STORE_PATH"])
    root.mkdir(parents=True, exist_ok=True)
    with snapshots.write_lock(root):
        store = snapshots.write_store(app.config["STORE_PATH"])
        try:
            snapshots.publish(store, root)
        finally:
            store.close()
    app.config["SNAPSHOT_DIR"] = str(root)
    if given:
        return  # a folder the operator chose is theirs to remove
    owner = os.getpid()
    # gunicorn workers are forks of this process and run atexit handlers too: only the creator removes the folder
    atexit.register(lambda: os.getpid() == owner and snapshots.remove(root))
