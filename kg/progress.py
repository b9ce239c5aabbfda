"""A one-line progress bar on standard error: count, rate and time left, redrawn at most ten times a second.

Shown only where a person watches (a terminal) or when asked for (``--progress``); logs and pipes get none.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``[#########.........]  120/500 articles  3.1/s  2:03 left``."""

    def __init__(self, total: int, *, enabled: bool, unit: str = "articles", stream: TextIO | None = None) -> None:
        self.total, self.enabled, self.unit = total, enabled, unit
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self._drawn = 0.0
        if enabled:
            self._draw()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done >= self.total):
            self._draw()

    def _draw(self) -> None:
        self._drawn = time.monotonic()
        elapsed = max(self._drawn - self.started, 1e-9)
        rate = self.done / elapsed
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = f"{int(left) // 60}:{int(left) % 60:02d} left" if left is not None else "--:-- left"
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done:>{len(str(self.total))}}/{self.total} " \
               f"{self.unit}  {rate:.1f}/s  {eta} "
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line (the summary goes on a line of its own)."""
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started
