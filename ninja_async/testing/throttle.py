"""The hosted leaky-bucket rate limit of `ApiCheck` (spec §2), on a scalable hour.

The bucket holds seconds of "debt": each request adds ``hour / limit`` and debt drains at one
second per second. The first request of a key is free. A request that would push the debt over
one hour is rejected without changing the bucket. The v4 server reads integer `time()`; the
emulator uses the float emulator clock so a test can shrink the hour to a few seconds.
"""

from __future__ import annotations

import math

from .clock import Clock
from .constants import HOUR, THROTTLE_LIMIT


class Throttle:
    """Per-key buckets (the account id, or the client IP on login routes) plus counters."""

    def __init__(self, clock: Clock, hour_seconds: float = HOUR, limit: int = THROTTLE_LIMIT) -> None:
        self.clock = clock
        self.hour_seconds = hour_seconds
        self.limit = limit
        self.accepted = 0
        self.throttled = 0
        self._buckets: dict[str, tuple[float, float]] = {}

    @property
    def scale(self) -> float:
        """How much shorter than a real hour this hour is (1.0 = real time)."""
        return self.hour_seconds / HOUR

    @property
    def cost(self) -> float:
        return self.hour_seconds / self.limit

    def check(self, key: str) -> int | None:
        """None if the request may pass (and is counted), else the N of "Please wait N second(s)"."""
        now = self.clock.now()
        previous = self._buckets.get(key)
        if previous is None:
            value = 0.0
        else:
            old, last = previous
            value = max(old - (now - last), 0.0) + self.cost
            if value > self.hour_seconds:
                self.throttled += 1
                return math.ceil(value - self.hour_seconds)
        self._buckets[key] = (value, now)
        self.accepted += 1
        return None

    def level(self, key: str) -> float:
        """The stored debt of a key, in (scaled) seconds."""
        return self._buckets.get(key, (0.0, 0.0))[0]
