"""User event hooks, called for every attempt: ``request`` before it is sent, ``response`` when it returns.

Hooks may be plain functions or coroutines. A ``response`` hook sees error responses too (it runs below the
layer that turns statuses into exceptions) but not the body of a streamed response. Retries are reported
by the ``retry`` hook, which the retry middleware calls (see `RetryEvent`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, TypedDict

from ..http import Request, Response
from .base import Handler, Layer
from .retry import RetryEvent

__all__ = ["EventHooks", "HooksMiddleware", "call_hooks"]


class EventHooks(TypedDict, total=False):
    """``NinjaClient(hooks=...)``: callables (plain or async) per event, called in order."""

    request: Sequence[Callable[[Request], Any]]
    response: Sequence[Callable[[Response], Any]]
    retry: Sequence[Callable[[RetryEvent], Any]]


async def call_hooks(hooks: Sequence[Callable[[Any], Any]], argument: Any) -> None:
    for hook in hooks:
        result = hook(argument)
        if inspect.isawaitable(result):
            await result


class HooksMiddleware(Layer):
    __slots__ = ("_on_request", "_on_response")

    def __init__(self, hooks: EventHooks) -> None:
        self._on_request = tuple(hooks.get("request", ()))
        self._on_response = tuple(hooks.get("response", ()))

    async def handle(self, call_next: Handler, request: Request) -> Response:
        if self._on_request:
            await call_hooks(self._on_request, request)
        response = await call_next(request)
        if self._on_response:
            try:
                await call_hooks(self._on_response, response)
            except BaseException:
                # Nobody else will see this response: give a streamed body's slot and connection back.
                await response.aclose()
                raise
        return response
