"""A query process: the child side of :mod:`server.engine.runner`.

The process opens the store read-only, takes tasks from a pipe and runs each on a thread of its own
(:class:`server.engine.executor.Executor` does the work), and sends each reply back tagged with its task's id. The
worker kills the process when a task runs past its time limit.
"""

from __future__ import annotations

import faulthandler
import os
import queue
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from kg import heap
from kg.lifetime import end_with
from kg.sparql import netguard
from kg.sparql.text import ENGINE_STACK
from kg.store import is_remote
from server.engine.executor import Executor, Reply

# A query process that grew by more than this many MB of its own since it started gets no more tasks, and is
# replaced (docs/scaling.md).
RETIRE_ENV = "NEWSKG_QUERY_PROCESS_MB"
# One process per worker: what 4 processes of 256 MB each had; it holds the store caches too.
RETIRE_DEFAULT_MB = 1024.0
_CHECK_AFTER = 0.05  # seconds: only a task that took longer than this can have grown much


def main(conn: Connection, store_path: str, remote: dict[str, Any] | None = None, in_memory: bool = False,
         owner: int | None = None, threads: int = 1) -> None:
    """Run an executor: open the store, say whether that worked, then answer tasks until the pipe closes.

    A task comes as ``(id, task)`` and its reply goes back as ``(id, reply)``; ``threads`` tasks run at once, each
    on a thread of its own, all on one store handle (whose block caches they share: one process of N threads reads
    a join in two thirds of the CPU time N processes take). Every such thread has a large stack (the engine
    recurses; see :func:`kg.sparql.text.check_limits`) and is started by the guarded thread, so that the seccomp
    filter of :mod:`kg.sparql.netguard` applies to each (a filter is inherited by the threads a thread starts). A
    crash is not silent: faulthandler writes the thread's stack to the server log, and the worker reports the signal.
    """
    end_with(owner or os.getppid())
    faulthandler.enable()
    if is_remote(store_path):
        _serve(conn, Executor(remote, in_memory), store_path, threads)  # the remote engine runs SERVICE itself
        return

    def work(guard: netguard.Guard | None, reason: str) -> None:
        netguard.alternate_signal_stack()  # so that faulthandler can still report a stack overflow here
        _serve(conn, Executor(remote, in_memory, guard, reason), store_path, threads)

    thread, _, _ = netguard.guarded_thread(work, stack_size=ENGINE_STACK, name="engine")
    thread.join()


class _TaskReplies:
    """What a task sees as its connection: the pipe to the worker, shared by the task threads (one message at a
    time, under ``lock``), each message tagged with the task's id (a write's ``committed`` notice, the reply)."""

    def __init__(self, conn: Connection, lock: threading.Lock, ident: int) -> None:
        self.conn, self.lock, self.ident = conn, lock, ident

    def send(self, message: Reply) -> None:
        with self.lock:
            self.conn.send((self.ident, message))


def _serve(conn: Connection, executor: Executor, store_path: str, threads: int = 1) -> None:
    try:
        executor.use(store_path)
    except Exception as e:  # noqa: BLE001 - reported to the worker, which answers 503
        conn.send({"ready": False, "error": str(e)})
        return
    conn.send({"ready": True})
    lock = threading.Lock()
    tasks: queue.SimpleQueue[tuple[int, dict[str, Any]] | None] = queue.SimpleQueue()
    limit = float(os.environ.get(RETIRE_ENV) or RETIRE_DEFAULT_MB)
    start = anonymous_mb()

    def serve_tasks() -> None:
        netguard.alternate_signal_stack()
        me = threading.get_native_id()
        while (item := tasks.get()) is not None:
            ident, task = item
            began = time.monotonic()
            replies = _TaskReplies(conn, lock, ident)
            reply = executor.handle(task, replies, thread=me)  # type: ignore[arg-type]
            long = time.monotonic() - began > _CHECK_AFTER
            if long and anonymous_mb() - start > limit:  # what the task made it grow to
                reply["retire"] = True  # the worker sends no more tasks here, and replaces it when idle
            try:
                replies.send(reply)
            except (OSError, ValueError):
                return
            del reply, task, item
            if long:  # what the task freed, once its answer is on its way (2M quads: 340 → 180 MB for 2 processes)
                heap.give_back()

    old = threading.stack_size()
    threading.stack_size(ENGINE_STACK)
    try:
        pool = [threading.Thread(target=serve_tasks, name=f"engine-{i}", daemon=True) for i in range(max(1, threads))]
        for t in pool:
            t.start()
    finally:
        threading.stack_size(old)
    while True:
        try:
            tasks.put(conn.recv())
        except (EOFError, OSError):
            break
    for _ in pool:
        tasks.put(None)


def anonymous_mb() -> float:
    """This process's resident anonymous memory in MB (``/proc/self/statm``: resident − file-backed, O(1) to read).
    It already counts the pages inherited from the fork server (the store copy) when the process starts, so its
    growth from then on is what the process allocated itself."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            fields = f.read().split()
        return (int(fields[1]) - int(fields[2])) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0  # not Linux: never retire
