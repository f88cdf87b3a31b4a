"""The middleware contract and the function that folds a list of middlewares into one handler.

A middleware is any async callable ``(request, call_next) -> Response``: it may change the request, call the
next handler (any number of times, as retry does), inspect or replace the response, or raise. The chain is
built once per client, so a call costs one plain function call per middleware.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from ..http import Request, Response

__all__ = ["Handler", "Middleware", "build_chain"]

Handler = Callable[[Request], Awaitable[Response]]


class Middleware(Protocol):
    """An async ``(request, call_next) -> Response``; add yours with ``NinjaClient(middleware=[...])``."""

    async def __call__(self, request: Request, call_next: Handler) -> Response: ...


def build_chain(middlewares: Sequence[Middleware], send: Handler) -> Handler:
    """Nest ``middlewares`` around ``send``; the first middleware is the outermost."""
    handler = send
    for middleware in reversed(middlewares):
        handler = _bind(middleware, handler)
    return handler


def _bind(middleware: Middleware, call_next: Handler) -> Handler:
    # A closure passing call_next positionally: a partial() with a keyword copies its keyword dict on every
    # call, once per layer per request.
    def handler(request: Request) -> Awaitable[Response]:
        return middleware(request, call_next)

    return handler
