"""Queries that really stop: one query process per gunicorn worker, running its tasks on threads.

pyoxigraph has no cancellation in Python, and a thread cannot be stopped, so the worker never evaluates a query
itself. It hands every read to its query process (:mod:`server.engine.process`), which runs up to ``threads`` tasks at
once on threads sharing one store handle (one set of RocksDB block caches per worker, instead of one per process),
and waits at most the timeout for each. Tasks carry ids; a reader thread here hands each reply to the request
waiting for it.

If an answer has not come by its deadline, the worker kills the process (SIGKILL: the work stops at once, whatever
the engine is doing), answers 503, and the next task starts a fresh process. The other reads that were running in
the killed process are sent again, once, to the fresh one with the time they have left (reads change nothing, so
running one twice is safe); a read caught a second time is answered 503. A process that grew past its memory
allowance (:mod:`server.engine.process`) gets no new tasks, and is stopped once its last task has answered.

Writes each run in a short-lived process of their own, so that a write stopped at the timeout disturbs no read.
Processes are forked from a fork server that has already imported the engine, so a replacement is ready in a
fraction of a second (in memory mode, after it has copied the store).
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from werkzeug.exceptions import ServiceUnavailable

from kg.errors import StoreError

log = logging.getLogger("newskg.query")

_CONTEXT = multiprocessing.get_context("forkserver")
# what every query process needs, imported once in the fork server (no web framework: the engine modules import none)
_CONTEXT.set_forkserver_preload(["server.engine.process"])
STARTUP_TIMEOUT = 60.0  # opening a store can take a while on a cold disk; it does not count against the query


class QueryTimeout(ServiceUnavailable):
    """503: the task ran past the timeout and its process was killed."""


class _Task:
    """One task in flight: what was sent, and what came back (set by the reader thread)."""

    __slots__ = ("task", "done", "reply", "lost", "committed")

    def __init__(self, task: dict[str, Any]) -> None:
        self.task = task
        self.done = threading.Event()  # set on every change below
        self.reply: dict[str, Any] | None = None
        self.lost: str | None = None  # "timeout" (its process was killed for another task), "crash", "closed"
        self.committed = False  # a write's transaction is durable


class _Engine:
    """One query process, the pipe to it, and the tasks in flight on it."""

    def __init__(self, proc: BaseProcess, conn: Connection) -> None:
        self.proc, self.conn = proc, conn
        self.lock = threading.Lock()  # guards pending, stopped, retiring
        self.send_lock = threading.Lock()
        self.pending: dict[int, _Task] = {}
        self.stopped: str | None = None  # why it was stopped on purpose ("timeout", "closed"); None: running
        self.retiring = False  # no new tasks: stopped when the last one answers
        self.death = ""  # why it died, when it died by itself
        self.reader = threading.Thread(target=self._read, daemon=True, name="newskg-replies")
        self.reader.start()

    def submit(self, ident: int, task: _Task) -> bool:
        """Send ``task``; False when the process is already gone."""
        with self.lock:
            if self.stopped is not None or self.death:
                return False
            self.pending[ident] = task
        try:
            with self.send_lock:
                self.conn.send((ident, task.task))
        except (OSError, ValueError):
            pass  # the process died: the reader sees the pipe close and reports it to every pending task
        return True

    def _read(self) -> None:
        while True:
            try:
                ident, reply = self.conn.recv()
            except (EOFError, OSError, ValueError, TypeError):
                break
            with self.lock:
                task = self.pending.get(ident)
                if task is None:
                    continue
                if reply.get("committed"):
                    task.committed = True
                else:
                    task.reply = reply
                    del self.pending[ident]
            task.done.set()
        try:
            self.proc.join(timeout=10)
        except AssertionError:
            pass
        with self.lock:
            cause = self.stopped
            if cause is None:
                self.death = _death(self.proc)
            lost, self.pending = list(self.pending.values()), {}
        for task in lost:
            task.lost = cause or "crash"
            task.done.set()
        self.conn.close()

    def stop(self, why: str, *, unless: _Task | None = None) -> bool:
        """Kill the process now (the engine cannot be interrupted any other way); the other tasks in flight are
        told why. False (and nothing done) when ``unless`` was answered meanwhile."""
        with self.lock:
            if unless is not None and (unless.reply is not None or unless.lost is not None):
                return False
            if self.stopped is None and not self.death:
                self.stopped = why
            others = [t for t in self.pending.values() if t is not unless]
            self.pending = {}
        for task in others:
            task.lost = why
            task.done.set()
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass
        return True

    def idle(self) -> bool:
        with self.lock:
            return not self.pending


def _death(proc: BaseProcess) -> str:
    """Why a (reaped) query process ended, in words."""
    code = proc.exitcode
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
    """The query process of one worker process. Thread-safe; one per process (``server.engine.access.get_runner``)."""

    def __init__(self, store_path: Callable[[], str], *, size: int = 4, remote: dict[str, Any] | None = None,
                 in_memory: bool = False) -> None:
        self.store_path = store_path  # a function: with updates enabled the current snapshot changes
        self.remote, self.in_memory = remote, in_memory
        self.size = max(1, size)  # tasks run at once (threads of the query process)
        self.pid = os.getpid()
        self._lock = threading.Lock()
        self._engine: _Engine | None = None
        self._engines: set[_Engine] = set()  # every live one: the current, those retiring, the writes'
        self._registry = threading.Lock()  # guards _engines (taken inside _lock, never around it)
        self._ids = itertools.count(1)
        self.retired = 0  # query processes replaced because they had grown (reported by /healthz)
        self.closed = False
        self.known: dict[str, dict[str, Any]] = {}  # the stats of the snapshot this worker's last write published

    def run(self, task: dict[str, Any], timeout: float, *, what: str = "query") -> dict[str, Any]:
        """Run ``task`` in the query process (a write: in one of its own); the reply, or :class:`QueryTimeout`
        after ``timeout`` seconds.

        :raises QueryTimeout: the task ran too long; its process was killed.
        :raises ServiceUnavailable: no process could be started, or one died.
        """
        if task.get("op") == "write":
            return self._write(task, timeout, what)
        retried = False
        while True:
            engine = self._current()
            pending = _Task(task)
            if not engine.submit(next(self._ids), pending):
                self._forget(engine)
                continue  # it died just now: a fresh one is started
            began = time.monotonic()
            reply = self._wait(engine, pending, timeout, what)
            if reply is not None:
                self._after(engine, reply)
                return reply
            if pending.lost == "timeout" and not retried and timeout - (time.monotonic() - began) > 0:
                # killed for another task that ran past the timeout: this read is sent again, once, with its time left
                retried = True
                timeout -= time.monotonic() - began
                log.info("a %s is sent again: its query process was stopped for another one", what)
                continue
            self._forget(engine)
            if pending.lost == "timeout":
                raise ServiceUnavailable(f"the {what} was stopped, with the other queries of its process, because "
                                         "another query ran past the timeout; try again")
            if pending.lost == "closed":
                raise ServiceUnavailable("the server is stopping; try again")
            log.error("a query process died while running a %s (%s): %.300r", what, engine.death,
                      task.get("text", ""))
            raise ServiceUnavailable(f"the process running the {what} stopped unexpectedly ({engine.death}); the "
                                     "server log has the details; try again")

    def _write(self, task: dict[str, Any], timeout: float, what: str) -> dict[str, Any]:
        engine = self._spawn(threads=1)
        try:
            pending = _Task(task)
            engine.submit(0, pending)
            reply = self._wait(engine, pending, timeout, what)
            if reply is None:
                log.error("a query process died while running a %s (%s): %.300r", what, engine.death,
                          task.get("text", ""))
                raise ServiceUnavailable(f"the process running the {what} stopped unexpectedly ({engine.death}); "
                                         "the server log has the details; try again")
            if "snapshot" in reply:  # the size and version of the snapshot the write published
                with self._lock:
                    self.known = {reply.pop("snapshot"): reply.pop("stats")}
            return reply
        finally:
            self._close(engine)

    def _wait(self, engine: _Engine, pending: _Task, timeout: float, what: str) -> dict[str, Any] | None:
        """The reply; None when the process was lost under the task (``pending.lost`` says why).

        :raises QueryTimeout: at the deadline (the process is killed).
        """
        deadline = time.monotonic() + timeout
        extended = False
        while True:
            if not pending.done.wait(max(0.0, deadline - time.monotonic())):
                if not engine.stop("timeout", unless=pending):
                    continue  # answered at the last moment
                self._forget(engine)
                if pending.committed:
                    raise ServiceUnavailable(f"the {what} was applied, but making it visible to the readers took "
                                             "too long; it will show after the next write or a restart")
                changed = " and was stopped; nothing was changed" if "write" in what or what == "update" else \
                    " and was stopped"
                raise QueryTimeout(f"the {what} ran longer than {timeout:g} s{changed}. Make it more selective "
                                   f"(a LIMIT, fewer unbound patterns) or ask the operator for a longer --timeout")
            pending.done.clear()
            if pending.reply is not None:
                return pending.reply
            if pending.lost is not None:
                return None
            if pending.committed and not extended:
                # a write is durable from here: wait for it to finish publishing instead of calling it stopped
                deadline = time.monotonic() + max(timeout, STARTUP_TIMEOUT)
                extended = True

    def _after(self, engine: _Engine, reply: dict[str, Any]) -> None:
        """A process that grew too big (server.engine.process) gets no new task, and stops once idle."""
        if reply.pop("retire", False):
            with self._lock:
                if not engine.retiring:
                    engine.retiring = True
                    self.retired += 1
                    log.info("a query process is replaced: it had grown by more than its memory allowance")
                if self._engine is engine:
                    self._engine = None
        if engine.retiring and engine.idle():
            self._close(engine)

    def _current(self) -> _Engine:
        """The process new reads go to, started when there is none (other requests wait for the same one)."""
        with self._lock:
            engine = self._engine
            if engine is not None and engine.stopped is None and not engine.death and not engine.retiring:
                return engine
            if self.closed:
                raise ServiceUnavailable("the server is stopping; try again")
            self._engine = self._spawn(threads=self.size)
            return self._engine

    def _forget(self, engine: _Engine) -> None:
        with self._lock:
            if self._engine is engine:
                self._engine = None
        with self._registry:
            self._engines.discard(engine)

    def _spawn(self, *, threads: int) -> _Engine:
        from server.engine import process

        parent, child = _CONTEXT.Pipe()
        # the owner's pid: the process ends with this worker; then the number of task threads
        args = (child, self.store_path(), self.remote, self.in_memory, os.getpid(), threads)
        proc = _CONTEXT.Process(target=process.main, args=args, daemon=True, name="newskg-query")
        proc.start()
        child.close()

        def fail(error: Exception) -> Exception:
            proc.kill()
            proc.join(timeout=10)
            parent.close()
            return error

        try:
            ready = parent.poll(STARTUP_TIMEOUT)
            hello = parent.recv() if ready else None
        except (EOFError, OSError):
            raise fail(ServiceUnavailable("a query process stopped while starting; try again")) from None
        if hello is None:
            raise fail(ServiceUnavailable("a query process did not start in time; try again"))
        if not hello.get("ready"):
            raise fail(StoreError(f"a query process could not open the store: {hello.get('error')}"))
        engine = _Engine(proc, parent)
        with self._registry:
            self._engines.add(engine)
        return engine

    def _close(self, engine: _Engine) -> None:
        engine.stop("closed")
        self._forget(engine)

    def warm(self) -> None:
        """Start the query process now (at worker start), so that no request waits for it, nor for the in-memory
        copy of the store."""
        try:
            self._current()
        except Exception as e:  # noqa: BLE001 - a request will try again and report it
            log.warning("could not start the query process: %s", e)

    def close(self) -> None:
        """Stop every query process (at worker exit)."""
        with self._lock:
            self.closed = True
            self._engine = None
        with self._registry:
            engines = list(self._engines)
            self._engines.clear()
        for engine in engines:
            engine.stop("closed")
