"""Child processes that end with the process they work for.

A process killed with SIGKILL cannot stop its children, and a child of a fork server is not even its child: its
parent is the fork server. So a worker is told which process it works for and ends itself when that one is gone, in
two ways:

* ``PR_SET_PDEATHSIG``: the kernel sends SIGKILL when the worker's parent (the fork server) exits — at once, even
  while the worker is deep in C code holding the GIL;
* a watcher thread waiting on a pidfd of the owner (Linux ≥ 5.3; a once-a-second ``os.kill(owner, 0)`` elsewhere),
  for an owner that is not the parent, or a parent that outlives it.
"""

from __future__ import annotations

import ctypes
import os
import select
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1


def end_with(owner: int) -> None:
    """End this process (SIGKILL) when process ``owner`` or this process's parent exits."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent or not _alive(owner):
        _die()  # gone before the signal was armed
    threading.Thread(target=_watch, args=(owner, parent), daemon=True, name="end-with-owner").start()


def _watch(owner: int, parent: int) -> None:
    fd = None
    try:
        fd = os.pidfd_open(owner)
    except (AttributeError, OSError):
        pass
    while True:
        if fd is not None:
            select.select([fd], [], [], 1.0)  # readable when the owner has exited
        else:
            time.sleep(1.0)
        if not _alive(owner) or os.getppid() != parent:
            _die()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (exited, not yet reaped) still answers signal 0
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)
