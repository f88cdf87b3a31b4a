"""Starts the clock on a call's overall deadline, which covers every attempt and every backoff sleep."""

from __future__ import annotations

from ..clock import Clock
from ..http import Request, Response
from .base import Handler

__all__ = ["DeadlineMiddleware"]


class DeadlineMiddleware:
    __slots__ = ("_clock",)

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        seconds = request.timeout.deadline
        if seconds is not None and request.call_deadline is None:
            request.call_deadline = self._clock.monotonic() + seconds
        return await call_next(request)
