"""Time as the SDK sees it: one injectable clock for backoff, throttle waits and deadlines.

Retries and throttling are all about waiting. Routing every wait through a `Clock` lets tests (ours and our
users') run a 60-second throttle wait in microseconds with `FakeClock`, and assert exactly how long the SDK
chose to wait.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

__all__ = ["Clock", "FakeClock", "SystemClock"]


class Clock(Protocol):
    """What the SDK needs of time: a monotonic reading and an async sleep."""

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: `time.monotonic` and `asyncio.sleep`."""

    __slots__ = ()

    monotonic = staticmethod(time.monotonic)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class FakeClock:
    """A clock whose sleeps return at once and advance its time; it records every sleep.

    ``sleep`` still yields to the event loop once, so concurrent tasks interleave as they would for real.
    """

    __slots__ = ("now", "sleeps")

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)
