"""Giving freed heap back to the system.

glibc's allocator keeps memory that was freed (per thread's arena) for later allocations, so a process that once
built a big answer goes on holding it. ``malloc_trim(0)`` returns the free pages; it is cheap next to the work
that made them (well under a millisecond), so it is called after such work: start-up scans of the store, long
and long tasks of a query process.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


_TRIM = _malloc_trim()


def give_back() -> None:
    """Return the heap's free pages to the system, where the C library can (glibc); else nothing."""
    if _TRIM is not None:
        _TRIM(0)
