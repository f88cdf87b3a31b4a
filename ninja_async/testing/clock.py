"""The emulator's clock: wall time that tests can freeze and move forward without sleeping.

Everything time-dependent (``updated_at`` stamps, ``today``, the hosted throttle, churn) reads
this one clock, so a test that calls :meth:`Clock.advance` sees the whole server move together.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from functools import lru_cache


class Clock:
    """Seconds since the epoch as a float: real time by default, optionally frozen.

    The v4 server stamps rows with integer ``time()``; the emulator keeps a float so the throttle
    can be scaled down to fractions of a second, and rows store ``int(now())``.
    """

    def __init__(self, start: float | None = None, *, frozen: bool = False) -> None:
        self._base = time.time() if start is None else float(start)
        self._mono0 = time.monotonic()
        self._offset = 0.0
        self._frozen = frozen

    def now(self) -> float:
        running = 0.0 if self._frozen else time.monotonic() - self._mono0
        return self._base + running + self._offset

    def timestamp(self) -> int:
        """The integer Unix time a row is stamped with."""
        return int(self.now())

    def today(self) -> str:
        return datetime.fromtimestamp(self.now(), UTC).strftime("%Y-%m-%d")

    def advance(self, seconds: float) -> None:
        """Move time forward (or back, with a negative value) without sleeping."""
        self._offset += seconds


def date_of(timestamp: float) -> str:
    """`Y-m-d` of a Unix time, in UTC (the server's default `APP_TIMEZONE`)."""
    return _day(int(timestamp // 86400))


@lru_cache(maxsize=4096)
def _day(day: int) -> str:
    return datetime.fromtimestamp(day * 86400, UTC).strftime("%Y-%m-%d")


def add_days(date: str, days: int) -> str:
    base = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC)
    return date_of(base.timestamp() + days * 86400)
