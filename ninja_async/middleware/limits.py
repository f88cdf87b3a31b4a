"""The per-client concurrency bound, and the hand-over of the remaining deadline to the transport.

One semaphore per client, shared by every task using it. It sits innermost so that waiting for a slot is
never counted against a request's timeouts, and backoff sleeps between retries never hold a slot. A streamed
response keeps its slot until the stream is closed, so the bound is a bound on open connections.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

from ..clock import Clock
from ..errors import APITimeoutError
from ..http import Request, Response
from .base import Handler, Layer

__all__ = ["ConcurrencyLimit"]


class ConcurrencyLimit(Layer):
    """``in_use`` and ``peak_in_use`` count held slots, for monitoring and for tests of the bound.

    A counter and a queue of waiters rather than an ``asyncio.Semaphore``: taking a free slot is a
    comparison, with no coroutine of its own, and a released slot goes straight to the oldest waiter (first
    come, first served), so a newcomer never overtakes a queued call.
    """

    __slots__ = ("_clock", "_waiters", "in_use", "max_concurrency", "peak_in_use")

    def __init__(self, max_concurrency: int, clock: Clock) -> None:
        if max_concurrency < 1:
            raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency!r}")
        self.max_concurrency = max_concurrency
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._clock = clock
        self.in_use = 0
        self.peak_in_use = 0

    def _release(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot passes to it as it is: in_use stays
                return
        self.in_use -= 1

    async def _queue(self, request: Request) -> None:
        """Wait for a slot handed over by `_release`; the wait does not count against the call's deadline."""
        queued_at = self._clock.monotonic()
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.cancelled():
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            else:  # handed a slot just as it was cancelled: pass it on
                self._release()
            raise
        if request.call_deadline is not None:
            request.call_deadline += self._clock.monotonic() - queued_at

    async def handle(self, call_next: Handler, request: Request) -> Response:
        if self.in_use < self.max_concurrency:  # never with anyone queued: slots are handed over
            self.in_use += 1
            if self.in_use > self.peak_in_use:
                self.peak_in_use = self.in_use
        else:
            await self._queue(request)
        try:
            self._hand_over_deadline(request)
            response = await call_next(request)
        except BaseException:
            self._release()
            raise
        response.call_on_close(self._release)
        return response

    def _hand_over_deadline(self, request: Request) -> None:
        """Translate the call's deadline (client clock) into the transport's absolute monotonic time."""
        if request.call_deadline is None:
            return
        remaining = request.call_deadline - self._clock.monotonic()
        if remaining <= 0:
            raise APITimeoutError(
                f"{request.method} {request.url}: the call's deadline passed before this attempt could start",
                request=request,
                request_sent=False,
            )
        request.deadline = time.monotonic() + remaining
