"""The transport boundary: the one place where the SDK meets an HTTP library.

Everything above ``AsyncTransport.send`` speaks only ``ninja_async.http`` types and ``ninja_async.errors``;
everything below it is the HTTP library's business. Implement ``send`` to plug in another library or a
test double.
"""

from __future__ import annotations

import abc
import asyncio
import time
from collections.abc import Callable
from types import TracebackType
from typing import Generic, Self, TypeVar

from ..errors import APIConnectionError, APITimeoutError, ClientClosedError
from ..http import Request, Response

__all__ = ["AsyncTransport", "connection_error", "time_left", "timeout_error"]

C = TypeVar("C")


class AsyncTransport(abc.ABC):
    """Sends one ``Request`` and returns its ``Response``; the contract every transport keeps.

    * Send ``request.method`` to ``request.url`` (absolute, query already percent-encoded: send it as is,
      never re-encode it) with ``request.headers`` and ``request.content`` (the whole body, or None).
      Never follow redirects: a 3xx is an ordinary ``Response``.
    * Timeouts: ``request.timeout.connect`` bounds getting a connection (including a wait for a free slot in
      a full pool); ``request.timeout.read`` bounds each wait for data. If ``request.deadline`` (an absolute
      ``time.monotonic()`` value) is set, the whole attempt, reading a streamed body included, ends by then;
      if it has already passed, raise without sending (``time_left`` does both checks).
    * ``request.stream`` False: read the whole body, release the connection, return
      ``Response(status, headers=..., content=body, request=request)``. True: return
      ``Response(status, headers=..., stream=..., request=request)`` whose stream yields the body in chunks
      and whose ``aclose()`` (idempotent) releases the connection.
    * Failures raise ``APIConnectionError``, or ``APITimeoutError`` for any timeout, never a library's own
      exception (chain it with ``raise ... from exc``). ``request_sent`` is False only when the request
      cannot have reached the server (DNS, refused, connect timeout, no pool slot): the SDK re-sends those
      freely. Once sending began (read timeout, reset, disconnect, truncated body, protocol error, also while
      streaming) it is True, and a POST is not re-sent. ``connection_error`` and ``timeout_error`` build
      these with a message naming the method and URL, never the headers (they carry the API token).
    * ``send`` is a hot path (a bulk sync makes thousands of calls): keep per-request work small.
    """

    __slots__ = ()

    @abc.abstractmethod
    async def send(self, request: Request) -> Response:
        """Send the request and return its response, or raise ``APIConnectionError``."""

    async def aclose(self) -> None:  # noqa: B027 - a default, not something every transport must write
        """Release pooled connections. Idempotent; the default has nothing to release."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def connection_error(request: Request, problem: str, *, request_sent: bool) -> APIConnectionError:
    """An ``APIConnectionError`` whose message says what went wrong for which call."""
    return APIConnectionError(
        f"{problem} ({request.method} {request.url})", request=request, request_sent=request_sent
    )


def timeout_error(request: Request, *, request_sent: bool) -> APITimeoutError:
    """An ``APITimeoutError``, worded by whether the overall deadline or a per-step timeout ran out."""
    step = "waiting for the server" if request_sent else "connecting to the server"
    if request.deadline is not None and time.monotonic() >= request.deadline:
        problem = f"deadline exceeded while {step}"
    else:
        problem = f"timed out {step}"
    return APITimeoutError(
        f"{problem} ({request.method} {request.url})", request=request, request_sent=request_sent
    )


def time_left(request: Request) -> float | None:
    """Seconds until ``request.deadline`` (None without one); raises, unsent, once it has passed."""
    if request.deadline is None:
        return None
    left = request.deadline - time.monotonic()
    if left <= 0:
        raise APITimeoutError(
            f"deadline exceeded before sending ({request.method} {request.url})",
            request=request,
            request_sent=False,
        )
    return left


class _LoopBound(Generic[C]):
    """Holds a transport's HTTP client and the event loop it belongs to.

    Sessions and pools of asyncio libraries are tied to the loop they were made in. A client we made is
    made lazily inside the running loop (so transports can be built at import time); if that loop has been
    closed since and another one runs (pytest gives every test a new loop), the dead client is abandoned and
    a new one made. A client the user gave us is used as is: its loop and lifetime are the user's.
    """

    __slots__ = ("_abandon", "_closed", "_loop", "_make", "_name", "_owned", "_value")

    def __init__(
        self, name: str, value: C | None, make: Callable[[], C], abandon: Callable[[C], None]
    ) -> None:
        self._name = name
        self._value = value
        self._owned = value is None
        self._make = make
        self._abandon = abandon
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    def get(self) -> C:
        """The client for the running loop."""
        value = self._value
        if value is not None and (not self._owned or self._loop is asyncio.get_running_loop()):
            return value
        if self._closed:
            raise ClientClosedError(f"{self._name} was closed; create a new transport")
        loop = asyncio.get_running_loop()
        if value is not None:
            assert self._loop is not None
            if not self._loop.is_closed():
                raise RuntimeError(
                    f"{self._name} is in use by another event loop that is still running; "
                    "create one transport per event loop"
                )
            self._abandon(value)
        self._value = self._make()
        self._loop = loop
        return self._value

    def detach(self) -> C | None:
        """Mark closed and hand back the client if it is ours to close now, abandoning it if its loop died."""
        value, self._value = self._value, None
        self._closed = True
        if value is None or not self._owned:
            return None
        if self._loop is None or self._loop.is_closed():
            self._abandon(value)
            return None
        return value
