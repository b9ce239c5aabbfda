"""``kg serve`` (and ``python -m server``): the Flask app under gunicorn. ``kg serve`` reaches :func:`run` through
the ``newskg.server`` entry point, so that kg/ never imports server/.

Process model: a gunicorn master forks ``workers`` worker processes; each reads every request whole in its event
loop (:mod:`server.http.request_buffer`: slow clients hold no thread, and are cut at deadlines), serves
``SERVER_THREADS`` complete requests at a time, and runs every query in its query process
(``server.engine.runner``: one per worker, its tasks on threads over one read-only store handle), killed when a query
passes ``--timeout``. The workers themselves never open the store (one door: docs/sparql-endpoint.md). With
``--update-token`` the store is written by one update at a time and readers switch to a fresh read-only snapshot
after each write (``server.engine.snapshots``).

The master opens the store before it forks the workers (to read its base IRI and version), so every worker inherits
RocksDB's state without its threads, and RocksDB's destructors crash at exit: a worker that stops ends without
running them at all (``os._exit``), after stopping its query processes.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, StoreError
from kg.store import is_remote


# The in-memory copy's size per quad (683 MB for 2M quads, measured), for the operator's sums (docs/scaling.md).
COPY_BYTES_PER_QUAD = 350


def memory_mode(store: str, choice: str | None, *, updates: bool, copies: int = 1) -> str:  # noqa: ARG001
    """Where queries read the data: "disk" (the read-only store itself: the default), "memory" (an in-memory copy,
    one per worker, made in its query process: joins several times faster, at ``COPY_BYTES_PER_QUAD`` bytes per
    quad and worker), or "remote". ``choice`` ("memory"/"disk") overrides the default. ``copies`` is kept for
    callers of the earlier automatic rule.

    :raises ConfigError: for memory mode with updates or a remote store.
    """
    if is_remote(store):
        if choice == "memory":
            raise ConfigError("--in-memory needs the embedded store; a remote engine keeps its own data")
        return "remote"
    if choice == "memory" and updates:
        raise ConfigError("--in-memory cannot follow updates; serve --on-disk with --update-token")
    return choice or "disk"


def readable(store: str) -> str:
    """What a reader of the embedded store at ``store`` opens: its newest published snapshot (kg.store.snapshots), or
    the directory itself when no writer published one yet."""
    from kg.store.snapshots import published

    return str(published(store) or store)


def _stored_facts(store: str, given: str | None, remote: dict[str, Any] | None, *,
                  version: bool) -> tuple[str | None, str | None]:
    """The base IRI to serve and, when ``version``, the dataset version of what the readers open now — both read
    over one read-only handle, here in the master, so that the store is scanned once at start and the web workers
    never open it for them (a handle costs tens of MB: docs/scaling.md). ``given`` (``--base-iri``) must agree
    with the store's own base IRI.

    :raises ConfigError: naming both when they differ.
    """
    from kg.store import open_store
    from kg.store.layout import stored_base

    with open_store(store if is_remote(store) else readable(store), read_only=True, remote=remote) as s:
        stored = stored_base(s)
        if given and stored and given != stored:
            raise ConfigError(f"{store} has base IRI {stored}, not {given}: leave out --base-iri to serve the store's")
        return stored or given, s.version() if version else None


def available_memory() -> int | None:
    """Bytes of memory available for new work (``MemAvailable`` of /proc/meminfo), or None where it is unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _one_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (a Python process of its own, ~13 MB, which every fork server starts
    when there is none) here, before the fork: the workers inherit it, and their fork servers share it."""
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception as e:  # noqa: BLE001 - each worker's fork server then starts its own, as it would anyway
        print(f"kg: warning: no shared resource tracker ({e})", file=sys.stderr)


def _search_index(store: str, remote: dict[str, Any] | None) -> None:
    """Build the search index (kg.search) when it is missing or made from another state of the store, so that
    search works from the first request; a failure is a warning (the rest of the site works without it)."""
    import sys

    from kg import search
    from kg.store import open_store

    path = search.index_path(store)
    try:
        with open_store(store, read_only=True, remote=remote) as s:
            if search.ensure(path, s):
                print(f"kg: built the search index {path}", file=sys.stderr)
    except Exception as e:  # noqa: BLE001 - derived data: serve without it and say why
        print(f"kg: warning: no search index ({e}); /search answers 503 until `kg index` makes one",
              file=sys.stderr)


def run(*, store: str, host: str, port: int, workers: int, timeout: float, base_iri: str | None,
        update_token: str | None, remote: dict[str, Any] | None = None, memory: str | None = None,
        cache_mb: float | None = None) -> None:
    """Build the app and serve it until interrupted.

    :raises StoreError: when there is no store at ``store``, or (with an update token) it cannot be written.
    """
    from gunicorn.app.base import BaseApplication

    from kg import heap
    from server import create_app
    from server.engine.access import close as close_store, get_runner
    from server.http import request_buffer

    if not is_remote(store) and not (Path(store) / "CURRENT").exists():
        raise StoreError(f"{store}: no store here; build one first with `kg build ARTICLE --store {store}`")
    _search_index(store, remote)

    mode = memory_mode(store, memory, updates=bool(update_token), copies=workers)  # a copy per worker's engine
    keep_version = mode != "remote" and not update_token
    base_iri, version = _stored_facts(store, base_iri, remote, version=keep_version)
    config: dict[str, Any] = {"STORE_PATH": store, "QUERY_TIMEOUT": timeout, "UPDATE_TOKEN": update_token,
                              "STORE_REMOTE": remote, "MEMORY_MODE": mode}
    if keep_version:
        # keyed by the directory: a snapshot published later (a kg build) gets its version from a query process
        config["DATASET_VERSIONS"] = {readable(store): version}
    if cache_mb is not None:
        config["RESULT_CACHE_MB"] = cache_mb
    if base_iri:
        config["BASE_IRI"] = base_iri
    app = create_app(config)
    heap.give_back()  # what the start-up scans left in the allocator: the workers would each inherit it
    _one_resource_tracker()
    threads = max(1, int(app.config["SERVER_THREADS"]))
    request_buffer.LIMITS = request_buffer.Limits(
        header_timeout=float(app.config["HEADER_TIMEOUT"]), body_timeout=float(app.config["BODY_TIMEOUT"]),
        body_bytes=int(app.config["MAX_CONTENT_LENGTH"] or 0) or request_buffer.Limits.body_bytes)

    def warm(worker: Any) -> None:  # noqa: ARG001 - gunicorn's hook signature
        """Start the worker's query processes before its first request (and, in memory mode, the copy)."""
        with app.app_context():
            get_runner().warm()

    def leave(arbiter: Any, worker: Any) -> None:  # noqa: ARG001 - gunicorn's hook signature
        """The worker's last act: stop its query processes, then exit at once with gunicorn's exit status — the
        interpreter's normal exit would run RocksDB's destructors, which crash in a forked process."""
        pending = sys.exc_info()[1]
        status = pending.code if isinstance(pending, SystemExit) else (1 if pending else 0)
        try:
            close_store(app)
        finally:
            for handler in logging.getLogger("gunicorn.error").handlers + logging.getLogger().handlers:
                handler.flush()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status if isinstance(status, int) else 1)

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "server.http.request_buffer.BufferedWorker")
            self.cfg.set("threads", threads)
            # queries are stopped by the query runner; this only catches a worker that stopped answering at all
            self.cfg.set("timeout", int(timeout) + 60)
            self.cfg.set("graceful_timeout", 10)
            self.cfg.set("limit_request_line", 8190)  # the most gunicorn allows: long GET queries; POST has no limit
            self.cfg.set("accesslog", "-")
            self.cfg.set("logger_class", "server.http.accesslog.AccessLogger")  # the same lines, built for less
            self.cfg.set("proc_name", "newskg")
            self.cfg.set("post_worker_init", warm)
            self.cfg.set("worker_exit", leave)
            if "control_socket_disable" in self.cfg.settings:
                # one fixed socket path per user: two servers on a host would take it from each other
                self.cfg.set("control_socket_disable", True)
            # behind a reverse proxy on this host, trust its X-Forwarded-Proto (FORWARDED_ALLOW_IPS widens that)
            self.cfg.set("forwarded_allow_ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"))

        def load(self):  # noqa: ANN202
            return app

    Server().run()
