"""Starts the clock on a call's overall deadline, which covers every attempt and every backoff sleep."""

from __future__ import annotations

from collections.abc import Awaitable

from ..clock import Clock
from ..http import Request, Response
from .base import Handler, Layer

__all__ = ["DeadlineMiddleware"]


class DeadlineMiddleware(Layer):
    __slots__ = ("_clock",)

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def handle(self, call_next: Handler, request: Request) -> Awaitable[Response]:
        seconds = request.timeout.deadline
        if seconds is not None and request.call_deadline is None:
            request.call_deadline = self._clock.monotonic() + seconds
        return call_next(request)
