"""A one-line progress display for the command-line jobs (no dependency, stderr only).

On a terminal the line redraws in place; in a log (not a TTY) it prints a line every tenth of the way, so CI
output stays short.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]

_BAR = 28


class Progress:
    def __init__(self, label: str, total: int | None = None, *, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self._stream = stream or sys.stderr
        self._tty = self._stream.isatty()
        self._started = time.perf_counter()
        self._next_report = 0.1
        self._last_draw = 0.0

    def set_total(self, total: int) -> None:
        self.total = total

    def advance(self, records: int) -> None:
        self.done += records
        if self._tty:
            now = time.perf_counter()
            if now - self._last_draw >= 0.1:  # redraw ten times a second, not once per record
                self._last_draw = now
                self._stream.write("\r" + self._line())
                self._stream.flush()
        elif self.total and self.done / self.total >= self._next_report:
            self._next_report += 0.1
            self._stream.write(self._line() + "\n")

    def close(self) -> None:
        if self._tty:
            self._stream.write("\r" + self._line() + "\n")
            self._stream.flush()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self._started

    def _line(self) -> str:
        rate = self.done / self.elapsed if self.elapsed > 0 else 0.0
        if self.total:
            filled = int(_BAR * min(self.done / self.total, 1.0))
            bar = "#" * filled + "." * (_BAR - filled)
            return f"{self.label} [{bar}] {self.done:,}/{self.total:,}  {rate:,.0f}/s"
        return f"{self.label} {self.done:,}  {rate:,.0f}/s"
