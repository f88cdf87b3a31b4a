"""The per-client concurrency bound, and the hand-over of the remaining deadline to the transport.

One semaphore per client, shared by every task using it. It sits innermost so that waiting for a slot is
never counted against a request's timeouts, and backoff sleeps between retries never hold a slot. A streamed
response keeps its slot until the stream is closed, so the bound is a bound on open connections.
"""

from __future__ import annotations

import asyncio
import time

from ..clock import Clock
from ..errors import APITimeoutError
from ..http import Request, Response
from .base import Handler

__all__ = ["ConcurrencyLimit"]


class ConcurrencyLimit:
    """``in_use`` and ``peak_in_use`` count held slots, for monitoring and for tests of the bound."""

    __slots__ = ("_clock", "_semaphore", "in_use", "max_concurrency", "peak_in_use")

    def __init__(self, max_concurrency: int, clock: Clock) -> None:
        if max_concurrency < 1:
            raise ValueError(f"max_concurrency must be at least 1, got {max_concurrency!r}")
        self.max_concurrency = max_concurrency
        self._semaphore = asyncio.Semaphore(max_concurrency)
        self._clock = clock
        self.in_use = 0
        self.peak_in_use = 0

    def _release(self) -> None:
        self.in_use -= 1
        self._semaphore.release()

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        semaphore = self._semaphore
        if semaphore.locked() and request.call_deadline is not None:
            queued_at = self._clock.monotonic()
            await semaphore.acquire()
            request.call_deadline += self._clock.monotonic() - queued_at
        else:
            await semaphore.acquire()
        self.in_use += 1
        self.peak_in_use = max(self.peak_in_use, self.in_use)
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
