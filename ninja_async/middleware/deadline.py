"""Starts the clock on a call's overall deadline, which covers every attempt and every backoff sleep."""

from __future__ import annotations

from collections.abc import Awaitable

from ..clock import Clock
from ..http import Request, Response
from .base import Handler

__all__ = ["DeadlineMiddleware"]


class DeadlineMiddleware:
    __slots__ = ("_clock",)

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def __call__(self, request: Request, call_next: Handler) -> Awaitable[Response]:
        seconds = request.timeout.deadline
        if seconds is not None and request.call_deadline is None:
            request.call_deadline = self._clock.monotonic() + seconds
        return call_next(request)
