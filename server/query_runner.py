"""Queries that really stop: a small pool of query processes per gunicorn worker.

pyoxigraph has no cancellation in Python, and a thread cannot be stopped, so the worker never evaluates a query
itself. It hands each task to an idle query process (:mod:`server.executor`) and waits at most the timeout. If
the answer has not come by then, it kills the process (SIGKILL: the work stops at once, whatever the engine is
doing), answers 503, and starts a fresh process for the next task. Other requests are served meanwhile by the
worker's other threads and processes, and by the other workers.

Processes are started lazily, up to ``size`` per worker (one per request thread), from a fork server that has
already imported the engine, so a replacement is ready in a fraction of a second.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from werkzeug.exceptions import HTTPException, ServiceUnavailable

from kg.errors import StoreError

log = logging.getLogger("newskg.query")

_CONTEXT = multiprocessing.get_context("forkserver")
# server.preload makes the in-memory copy of the store in the fork server itself, once: every query process forked
# from it shares those pages (copy-on-write) instead of loading a copy of its own
_CONTEXT.set_forkserver_preload(["server.executor", "server.preload"])
STARTUP_TIMEOUT = 60.0  # opening a store can take a while on a cold disk; it does not count against the query


class QueryTimeout(ServiceUnavailable):
    """503: the task ran past the timeout and its process was killed."""


@dataclass
class _Process:
    proc: BaseProcess
    conn: Connection
    started: float = field(default_factory=time.monotonic)

    def kill(self) -> None:
        """Stop the process now (the engine cannot be interrupted any other way) and reap it."""
        try:
            self.proc.kill()
            self.proc.join(timeout=10)
        finally:
            self.conn.close()


def _death(proc: _Process) -> str:
    """Why a (reaped) query process ended, in words."""
    code = proc.proc.exitcode
    if code is None or code >= 0:
        return f"exit status {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    if name == "SIGKILL":
        return "killed with SIGKILL, by the system when out of memory or by an operator"
    if name in ("SIGSEGV", "SIGBUS", "SIGABRT"):
        return f"crashed with {name}, a bug in the query engine"
    return f"ended by {name}"


class Runner:
    """The query processes of one worker process. Thread-safe; one per process (``server.store.get_runner``)."""

    def __init__(self, store_path: Callable[[], str], *, size: int = 4, remote: dict[str, Any] | None = None,
                 in_memory: bool = False) -> None:
        self.store_path = store_path  # a function: with updates enabled the current snapshot changes
        self.remote, self.in_memory = remote, in_memory
        self.size = max(1, size)
        self.pid = os.getpid()
        self._idle: queue.LifoQueue[_Process] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._count = 0
        self.retired = 0  # query processes replaced because they had grown (reported by /healthz)

    def run(self, task: dict[str, Any], timeout: float, *, what: str = "query") -> dict[str, Any]:
        """Run ``task`` in a query process; the reply, or :class:`QueryTimeout` after ``timeout`` seconds.

        :raises QueryTimeout: the task ran too long; its process was killed.
        :raises ServiceUnavailable: no process could be started, or one died.
        """
        proc = self._acquire(timeout)
        try:
            proc.conn.send(task)
            reply = self._wait(proc, timeout, what)
        except HTTPException:
            self._discard(proc)
            raise
        except (EOFError, OSError, BrokenPipeError) as e:
            self._discard(proc)
            cause = _death(proc)
            log.error("a query process died while running a %s (%s): %.300r", what, cause, task.get("text", ""))
            raise ServiceUnavailable(f"the process running the {what} stopped unexpectedly ({cause}); the server "
                                     "log has the details; try again") from e
        if reply.pop("retire", False):  # it grew too big (server.executor): the next task gets a new one
            self._discard(proc)
            self.retired += 1
            log.info("a query process was replaced: it had grown by more than its memory allowance")
        else:
            self._idle.put(proc)
        return reply

    def _wait(self, proc: _Process, timeout: float, what: str) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        committed = False
        while True:
            if not proc.conn.poll(max(0.0, deadline - time.monotonic())):
                if committed:
                    raise ServiceUnavailable(f"the {what} was applied, but making it visible to the readers took too "
                                             "long; it will show after the next write or a restart")
                changed = " and was stopped; nothing was changed" if "write" in what or what == "update" else \
                    " and was stopped"
                raise QueryTimeout(f"the {what} ran longer than {timeout:g} s{changed}. Make it more selective "
                                   f"(a LIMIT, fewer unbound patterns) or ask the operator for a longer --timeout")
            reply: dict[str, Any] = proc.conn.recv()
            if not reply.get("committed"):
                return reply
            committed = True
            # a write is durable from here: wait for it to finish publishing instead of calling it stopped
            deadline = time.monotonic() + max(timeout, STARTUP_TIMEOUT)

    def _acquire(self, timeout: float) -> _Process:
        while True:  # an idle process may have died meanwhile (killed from outside): replace it
            try:
                proc = self._idle.get_nowait()
            except queue.Empty:
                break
            if proc.proc.is_alive():
                return proc
            self._discard(proc)
        with self._lock:
            spawn = self._count < self.size
            if spawn:
                self._count += 1
        if not spawn:
            try:
                return self._idle.get(timeout=timeout)
            except queue.Empty:
                raise ServiceUnavailable("all query processes are busy; try again shortly") from None
        try:
            return self._spawn()
        except BaseException:
            with self._lock:
                self._count -= 1
            raise

    def _spawn(self) -> _Process:
        from server import executor

        parent, child = _CONTEXT.Pipe()
        args = (child, self.store_path(), self.remote, self.in_memory, os.getpid())  # the last: end with this worker
        proc = _CONTEXT.Process(target=executor.main, args=args,
                                daemon=True, name="newskg-query")
        proc.start()
        child.close()
        p = _Process(proc, parent)
        if not parent.poll(STARTUP_TIMEOUT):
            p.kill()
            raise ServiceUnavailable("a query process did not start in time; try again")
        hello = parent.recv()
        if not hello.get("ready"):
            p.kill()
            raise StoreError(f"a query process could not open the store: {hello.get('error')}")
        return p

    def _discard(self, proc: _Process) -> None:
        proc.kill()
        with self._lock:
            self._count -= 1

    def warm(self) -> None:
        """Start every query process now (at worker start), so that no request waits for one, nor for the
        in-memory copy of the store."""
        started = []
        try:
            for _ in range(self.size):
                started.append(self._acquire(STARTUP_TIMEOUT))
        except Exception as e:  # noqa: BLE001 - a request will try again and report it
            log.warning("could not start the query processes: %s", e)
        for proc in started:
            self._idle.put(proc)

    def close(self) -> None:
        """Stop every idle process (at worker exit)."""
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
