"""A query process: the child side of :mod:`server.engine.runner`.

The process opens the store read-only and serves one channel (a pipe from the worker) per thread: each thread takes a
task from its channel, runs it (:class:`server.engine.executor.Executor` does the work) and sends the reply back on
the same channel. The worker kills the process when a task runs past its time limit.
"""

from __future__ import annotations

import faulthandler
import os
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from kg import heap
from kg.lifetime import end_with
from kg.sparql import netguard
from kg.sparql.text import ENGINE_STACK
from kg.store import is_remote
from server.engine.executor import Executor

# A query process that grew by more than this many MB of its own since it started gets no more tasks, and is
# replaced (docs/scaling.md).
RETIRE_ENV = "NEWSKG_QUERY_PROCESS_MB"
# One process per worker: what 4 processes of 256 MB each had; it holds the store caches too.
RETIRE_DEFAULT_MB = 1024.0
_CHECK_AFTER = 0.05  # seconds: only a task that took longer than this can have grown much


def main(channels: list[Connection], store_path: str, remote: dict[str, Any] | None = None, in_memory: bool = False,
         owner: int | None = None) -> None:
    """Run an executor: open the store, say whether that worked (on the first channel), then answer tasks until the
    channels close.

    Each channel is a pipe of its own from the worker, served by a thread of its own: a task comes as the task
    itself and its reply goes back on the same channel, so there are as many tasks at once as channels, all on one
    store handle (whose block caches they share: one process of N threads reads a join in two thirds of the CPU time
    N processes take), and no thread stands between the pipe and the thread that runs the task. Every such thread
    has a large stack (the engine recurses; see :func:`kg.sparql.text.check_limits`) and is started by the guarded
    thread, so that the seccomp filter of :mod:`kg.sparql.netguard` applies to each (a filter is inherited by the
    threads a thread starts). A crash is not silent: faulthandler writes the thread's stack to the server log, and
    the worker reports the signal.
    """
    end_with(owner or os.getppid())
    faulthandler.enable()
    if is_remote(store_path):
        _serve(channels, Executor(remote, in_memory), store_path)  # the remote engine runs SERVICE itself
        return

    def work(guard: netguard.Guard | None, reason: str) -> None:
        netguard.alternate_signal_stack()  # so that faulthandler can still report a stack overflow here
        _serve(channels, Executor(remote, in_memory, guard, reason), store_path)

    thread, _, _ = netguard.guarded_thread(work, stack_size=ENGINE_STACK, name="engine")
    thread.join()


def _serve(channels: list[Connection], executor: Executor, store_path: str) -> None:
    try:
        executor.use(store_path)
    except Exception as e:  # noqa: BLE001 - reported to the worker, which answers 503
        channels[0].send({"ready": False, "error": str(e)})
        return
    channels[0].send({"ready": True})
    limit = float(os.environ.get(RETIRE_ENV) or RETIRE_DEFAULT_MB)
    start = anonymous_mb()

    def serve_tasks(channel: Connection) -> None:
        netguard.alternate_signal_stack()
        me = threading.get_native_id()
        while True:
            try:
                task = channel.recv()
            except (EOFError, OSError):
                return
            began = time.monotonic()
            reply = executor.handle(task, channel, thread=me)
            long = time.monotonic() - began > _CHECK_AFTER
            if long and anonymous_mb() - start > limit:  # what the task made it grow to
                reply["retire"] = True  # the worker sends no more tasks here, and replaces it when idle
            try:
                channel.send(reply)
            except (OSError, ValueError):
                return
            del reply, task
            if long:  # what the task freed, once its answer is on its way (2M quads: 340 → 180 MB for 2 processes)
                heap.give_back()

    old = threading.stack_size()
    threading.stack_size(ENGINE_STACK)
    try:
        pool = [threading.Thread(target=serve_tasks, args=(channel,), name=f"engine-{i}", daemon=True)
                for i, channel in enumerate(channels)]
        for t in pool:
            t.start()
    finally:
        threading.stack_size(old)
    for t in pool:
        t.join()


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
