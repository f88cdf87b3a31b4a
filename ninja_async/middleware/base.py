"""The middleware contract and the function that folds a list of middlewares into one handler.

A middleware is any callable ``(request, call_next)`` returning an awaitable ``Response`` (an ``async def``
is one): it may change the request, call the next handler (any number of times, as retry does), inspect or
replace the response, or raise. The chain is built once per client, so a call costs one plain function call
per middleware (the SDK's own layers, `Layer`s, not even that). A layer that only prepares the request can
be a plain ``def`` returning ``call_next(request)`` as is: that spares every call a coroutine of its own
(each costs a page of 100 invoices about 0.5%).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Protocol

from ..http import Request, Response

__all__ = ["Handler", "Layer", "Middleware", "build_chain"]

Handler = Callable[[Request], Awaitable[Response]]


class Middleware(Protocol):
    """``(request, call_next) -> Awaitable[Response]``, usually an ``async def``; add yours with
    ``NinjaClient(middleware=[...])``."""

    def __call__(self, request: Request, call_next: Handler) -> Awaitable[Response]: ...


class Layer:
    """Base of the SDK's own layers, which implement ``handle(call_next, request)``.

    With ``call_next`` first, the chain binds a layer with a C-level ``functools.partial`` instead of a
    Python closure that every call would pass through; calling the layer as a `Middleware` still works.
    """

    __slots__ = ()

    def handle(self, call_next: Handler, request: Request) -> Awaitable[Response]:
        raise NotImplementedError

    def __call__(self, request: Request, call_next: Handler) -> Awaitable[Response]:
        return self.handle(call_next, request)


def build_chain(middlewares: Sequence[Middleware], send: Handler) -> Handler:
    """Nest ``middlewares`` around ``send``; the first middleware is the outermost."""
    handler = send
    for middleware in reversed(middlewares):
        handler = _bind(middleware, handler)
    return handler


def _bind(middleware: Middleware, call_next: Handler) -> Handler:
    if isinstance(middleware, Layer):
        return partial(middleware.handle, call_next)

    # A closure passing call_next positionally: a partial() with a keyword copies its keyword dict on every
    # call, once per layer per request.
    def handler(request: Request) -> Awaitable[Response]:
        return middleware(request, call_next)

    return handler
