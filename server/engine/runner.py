"""Queries that really stop: one query process per gunicorn worker, running its tasks on threads.

pyoxigraph has no cancellation in Python, and a thread cannot be stopped, so the worker never evaluates a query
itself. It hands every read to its query process (:mod:`server.engine.process`), which runs up to ``threads`` tasks at
once on threads sharing one store handle (one set of RocksDB block caches per worker, instead of one per process),
and waits at most the timeout for each. Each of those threads has a channel of its own (a pipe): a request takes a
free channel, sends its task and waits on that channel for the reply, so no thread on either side hands tasks or
replies on (that hand-off was about half of a lookup's CPU time in the query process: docs/scaling.md).

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

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, NoReturn

from werkzeug.exceptions import ServiceUnavailable

from kg.errors import StoreError

log = logging.getLogger("newskg.query")

_CONTEXT = multiprocessing.get_context("forkserver")
# what every query process needs, imported once in the fork server (no web framework: the engine modules import none)
_CONTEXT.set_forkserver_preload(["server.engine.process"])
STARTUP_TIMEOUT = 60.0  # opening a store can take a while on a cold disk; it does not count against the query


class QueryTimeout(ServiceUnavailable):
    """503: the task ran past the timeout and its process was killed."""


class _Engine:
    """One query process, its channels (one per task it can run at once), and which of them are free."""

    def __init__(self, proc: BaseProcess, channels: list[Connection]) -> None:
        self.proc = proc
        self.lock = threading.Lock()  # guards free, busy, stopped, death, retiring
        self.freed = threading.Condition(self.lock)  # a channel was given back, or the process stopped
        self.free = list(channels)
        self.busy = 0
        self.stopped: str | None = None  # why it was stopped on purpose ("timeout", "closed"); None: running
        self.retiring = False  # no new tasks: stopped when the last one answers
        self.death = ""  # why it died, when it died by itself
        self.reaping = threading.Lock()  # one thread at a time reads the exit status

    def take(self, deadline: float) -> Connection | bool:
        """A free channel; False when the process is gone, True when none was freed before ``deadline``."""
        with self.lock:
            while not self.free and self.stopped is None and not self.death:
                left = deadline - time.monotonic()
                if left <= 0:
                    return True
                self.freed.wait(left)
            if self.stopped is not None or self.death:
                return False
            self.busy += 1
            return self.free.pop()

    def give_back(self, channel: Connection) -> None:
        with self.lock:
            self.busy -= 1
            if self.stopped is None and not self.death:
                self.free.append(channel)
                self.freed.notify()
                return
        channel.close()

    def lost(self) -> str:
        """Why the process went away under a task: the reason it was stopped for, else "crash" (``death`` says
        how it died)."""
        with self.lock:
            if self.stopped is not None:
                return self.stopped
        with self.reaping:
            try:
                self.proc.join(timeout=10)
            except AssertionError:
                pass
            with self.lock:
                if self.stopped is not None:
                    return self.stopped
                if not self.death:
                    self.death = _death(self.proc)
                free, self.free = self.free, []
                self.freed.notify_all()
        for channel in free:
            channel.close()
        return "crash"

    def stop(self, why: str) -> None:
        """Kill the process now (the engine cannot be interrupted any other way); the tasks in flight see their
        channels close, and are told why by :meth:`lost`."""
        with self.lock:
            if self.stopped is None and not self.death:
                self.stopped = why
            free, self.free = self.free, []
            self.freed.notify_all()
        for channel in free:
            channel.close()
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass

    def idle(self) -> bool:
        with self.lock:
            return not self.busy


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
            began = time.monotonic()
            reply, lost = self._ask(engine, task, timeout, what)
            if reply is not None:
                self._after(engine, reply)
                return reply
            if lost == "gone":
                self._forget(engine)
                continue  # it died just now, before the task reached it: a fresh one is started
            if lost == "timeout" and not retried and timeout - (time.monotonic() - began) > 0:
                # killed for another task that ran past the timeout: this read is sent again, once, with its time left
                retried = True
                timeout -= time.monotonic() - began
                log.info("a %s is sent again: its query process was stopped for another one", what)
                continue
            self._forget(engine)
            if lost == "timeout":
                raise ServiceUnavailable(f"the {what} was stopped, with the other queries of its process, because "
                                         "another query ran past the timeout; try again")
            if lost == "closed":
                raise ServiceUnavailable("the server is stopping; try again")
            log.error("a query process died while running a %s (%s): %.300r", what, engine.death,
                      task.get("text", ""))
            raise ServiceUnavailable(f"the process running the {what} stopped unexpectedly ({engine.death}); the "
                                     "server log has the details; try again")

    def _write(self, task: dict[str, Any], timeout: float, what: str) -> dict[str, Any]:
        engine = self._spawn(threads=1)
        try:
            reply, _ = self._ask(engine, task, timeout, what)
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

    def _ask(self, engine: _Engine, task: dict[str, Any], timeout: float,
             what: str) -> tuple[dict[str, Any] | None, str]:
        """Send ``task`` on a free channel of ``engine`` and wait there for its reply: (reply, ""), or (None, why
        the process was lost under it: "gone" when it was gone before the task reached it, "timeout" or "closed"
        when it was stopped, "crash").

        :raises QueryTimeout: at the deadline (the process is killed), also when no channel was freed by then.
        """
        deadline = time.monotonic() + timeout
        channel = engine.take(deadline)
        if channel is False:
            engine.lost()
            return None, "gone"
        if channel is True:  # every channel held past the deadline: stopped like a task that ran too long
            self._time_out(engine, timeout, what, committed=False)
        assert isinstance(channel, Connection)
        try:
            try:
                channel.send(task)
            except (OSError, ValueError):
                engine.lost()  # the process died: the pipe has no reader
                return None, "gone"
            extended = committed = False
            while True:
                try:
                    message = channel.recv() if channel.poll(max(0.0, deadline - time.monotonic())) else None
                except (EOFError, OSError):
                    return None, engine.lost()
                if message is None:
                    self._time_out(engine, timeout, what, committed=committed)
                if not message.get("committed"):
                    return message, ""
                committed = True
                if not extended:
                    # a write is durable from here: wait for it to finish publishing instead of calling it stopped
                    deadline = time.monotonic() + max(timeout, STARTUP_TIMEOUT)
                    extended = True
        finally:
            engine.give_back(channel)

    def _time_out(self, engine: _Engine, timeout: float, what: str, *, committed: bool) -> NoReturn:
        """Stop the process of a task that ran past its time.

        :raises QueryTimeout: always (:class:`ServiceUnavailable` for a write already committed).
        """
        engine.stop("timeout")
        self._forget(engine)
        if committed:
            raise ServiceUnavailable(f"the {what} was applied, but making it visible to the readers took "
                                     "too long; it will show after the next write or a restart")
        changed = " and was stopped; nothing was changed" if "write" in what or what == "update" else \
            " and was stopped"
        raise QueryTimeout(f"the {what} ran longer than {timeout:g} s{changed}. Make it more selective "
                           f"(a LIMIT, fewer unbound patterns) or ask the operator for a longer --timeout")

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

        pairs = [_CONTEXT.Pipe() for _ in range(max(1, threads))]  # a channel per task thread
        parents, children = [p for p, _ in pairs], [c for _, c in pairs]
        # the owner's pid: the process ends with this worker
        args = (children, self.store_path(), self.remote, self.in_memory, os.getpid())
        proc = _CONTEXT.Process(target=process.main, args=args, daemon=True, name="newskg-query")
        proc.start()
        for child in children:
            child.close()

        def fail(error: Exception) -> Exception:
            proc.kill()
            proc.join(timeout=10)
            for parent in parents:
                parent.close()
            return error

        try:
            ready = parents[0].poll(STARTUP_TIMEOUT)
            hello = parents[0].recv() if ready else None
        except (EOFError, OSError):
            raise fail(ServiceUnavailable("a query process stopped while starting; try again")) from None
        if hello is None:
            raise fail(ServiceUnavailable("a query process did not start in time; try again"))
        if not hello.get("ready"):
            raise fail(StoreError(f"a query process could not open the store: {hello.get('error')}"))
        engine = _Engine(proc, parents)
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
