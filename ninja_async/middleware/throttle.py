"""A client-side mirror of the hosted v4 throttle, so a bulk job waits instead of being rejected.

The hosted server (spec §2) keeps a leaky bucket per account: each request costs ``period / limit`` seconds
(3.6 s for 1000/hour), the level drains at one second per second, and a request that would lift the level
above ``period`` is rejected with 403 "Please wait N second(s)". `LeakyBucket` runs the same arithmetic on the
client, reserving a send time for every request before it goes out, so that the server's bucket never
overflows. The server counts time in whole seconds and starts with a free request; the bucket keeps a margin
of one request's cost to absorb both.
"""

from __future__ import annotations

from ..clock import Clock
from ..errors import APITimeoutError, RateLimitError
from ..http import Request, Response
from .base import Handler, Layer

__all__ = ["LeakyBucket", "ThrottleMiddleware"]


class LeakyBucket:
    """``limit`` requests per ``period`` seconds, leaky-bucket style; ``margin`` in seconds of level."""

    __slots__ = ("capacity", "cost", "level", "margin", "updated")

    def __init__(self, limit: int = 1000, period: float = 3600.0, *, margin: float | None = None) -> None:
        if limit < 1 or period <= 0:
            raise ValueError("LeakyBucket needs limit >= 1 and period > 0")
        self.capacity = float(period)
        self.cost = period / limit
        self.margin = self.cost if margin is None else margin
        self.level = 0.0
        self.updated: float | None = None

    def reserve(self, now: float) -> float:
        """Book one request and return how many seconds to wait before sending it."""
        level = self._level_at(now)
        delay = level + self.cost - (self.capacity - self.margin)
        delay = delay if delay > 1e-9 else 0.0  # float noise from summing costs is not a wait
        self.level = level - delay + self.cost
        self.updated = now + delay
        return delay

    def penalize(self, now: float, retry_after: float) -> None:
        """The server rejected us anyway (another client shares the account): fill up so we back off."""
        self.level = max(self._level_at(now), self.capacity - self.margin + retry_after)
        self.updated = now

    def _level_at(self, now: float) -> float:
        # When ``now`` is before the last booking, the booked level is in the future: it is higher now.
        if self.updated is None:
            return 0.0
        return max(self.level - (now - self.updated), 0.0)


class ThrottleMiddleware(Layer):
    __slots__ = ("_clock", "bucket")

    def __init__(self, bucket: LeakyBucket, clock: Clock) -> None:
        self.bucket = bucket
        self._clock = clock

    async def handle(self, call_next: Handler, request: Request) -> Response:
        now = self._clock.monotonic()
        delay = self.bucket.reserve(now)
        if delay > 0:
            if request.call_deadline is not None and now + delay >= request.call_deadline:
                raise APITimeoutError(
                    f"{request.method} {request.url}: the client-side throttle would hold this request "
                    f"{delay:.1f} s, past the call's deadline",
                    request=request,
                    request_sent=False,
                )
            await self._clock.sleep(delay)
        try:
            return await call_next(request)
        except RateLimitError as error:
            if error.retry_after is not None:
                self.bucket.penalize(self._clock.monotonic(), error.retry_after)
            raise
