"""``MockTransport``: answers requests with a function instead of the network, for tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson

from ..http import Headers, Request, Response
from .base import AsyncTransport, time_left, timeout_error

__all__ = ["Handler", "MockTransport", "json_response"]

Handler = Callable[[Request], Response | Awaitable[Response]]


class MockTransport(AsyncTransport):
    """Answers each request with ``handler(request)``, a plain function or a coroutine function.

    The handler may raise SDK errors (``APIConnectionError``...) to simulate failures. Every request that
    reaches it is recorded in ``requests``; ``response.request`` is filled in if the handler left it unset.
    Deadlines behave as on the network: one already passed raises ``APITimeoutError`` (unsent) without
    calling the handler, and an async handler still running at the deadline is cancelled (sent). For a
    streaming request, a read response comes back as a stream of ``chunk_size`` pieces, so streaming code
    paths run too.
    """

    __slots__ = ("_chunk_size", "_handler", "requests")

    def __init__(self, handler: Handler, *, chunk_size: int = 4096) -> None:
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be positive, got {chunk_size!r}")
        self._handler = handler
        self._chunk_size = chunk_size
        self.requests: list[Request] = []

    async def send(self, request: Request) -> Response:
        left = time_left(request)
        self.requests.append(request)
        result = self._handler(request)
        if isinstance(result, Response):
            response = result
        elif left is None:
            response = await result
        else:
            try:
                async with asyncio.timeout(left):
                    response = await result
            except TimeoutError as exc:
                raise timeout_error(request, request_sent=True) from exc
        if response.request is None:
            response.request = request
        if request.stream and response.is_read:
            chunks = _Chunks(response.content, self._chunk_size)
            return Response(
                response.status, headers=response.headers, stream=chunks, request=response.request
            )
        return response


def json_response(data: Any, status: int = 200, *, headers: Mapping[str, str] | None = None) -> Response:
    """A read response carrying ``data`` as JSON, the way the v4 API answers."""
    response_headers = Headers({"Content-Type": "application/json"})
    if headers:
        response_headers.update(headers)
    return Response(status, headers=response_headers, content=orjson.dumps(data))


class _Chunks:
    """An in-memory body handed out in fixed-size pieces."""

    __slots__ = ("_data", "_offset", "_size")

    def __init__(self, data: bytes, size: int) -> None:
        self._data = data
        self._size = size
        self._offset = 0

    def __aiter__(self) -> _Chunks:
        return self

    async def __anext__(self) -> bytes:
        start = self._offset
        if start >= len(self._data):
            raise StopAsyncIteration
        self._offset = start + self._size
        return self._data[start : self._offset]

    async def aclose(self) -> None:
        self._offset = len(self._data)
