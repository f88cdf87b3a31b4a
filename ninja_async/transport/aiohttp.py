"""``AiohttpTransport``: the default transport, on one pooled ``aiohttp.ClientSession``."""

from __future__ import annotations

import math
import ssl as _ssl
from collections.abc import Iterable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import aiohttp
from yarl import URL

from ..errors import APIConnectionError
from ..http import Headers, Request, Response
from . import aiohttp_protocol
from .base import AsyncTransport, _LoopBound, connection_error, time_left, timeout_error

if TYPE_CHECKING:
    from aiohttp.connector import Connection
    from aiohttp.tracing import Trace

__all__ = ["AiohttpTransport"]

# What aiohttp raises for transport failures; anything else (a ValueError for a bad header...) is a bug in
# the caller and propagates untouched. ``TimeoutError`` (which aiohttp's timeouts subclass) is an ``OSError``.
_FAILURES = (aiohttp.ClientError, OSError)
_BAD_URL = (aiohttp.InvalidURL, aiohttp.NonHttpUrlClientError)

# Whether the request in flight in this task has got its connection. aiohttp raises the same bare timeout
# for a deadline hit while waiting for a pool slot or connecting as for one hit after sending began.
_connected: ContextVar[bool] = ContextVar("ninja_async_aiohttp_connected", default=True)


class AiohttpTransport(AsyncTransport):
    """Sends requests with aiohttp (the contract is ``AsyncTransport``'s).

    The session is made on the first ``send``, inside the running loop, so a transport can be built
    anywhere; if that loop is later closed and another runs, a new session replaces the dead one (the
    dead one's pooled sockets are left to the garbage collector). A ``session`` you pass is used as is, with
    its own settings, and never closed by this transport. After ``aclose()``, ``send`` raises
    ``ClientClosedError``.

    Requests are stateless: the session this transport makes ignores cookies the server sets (the API
    authenticates by token; a stored login session cookie would silently change who a call acts as).

    ``ssl``: True verifies certificates (default), an ``ssl.SSLContext`` customises that, False turns
    verification off. ``trace_configs`` reach the session as is, for instrumentation such as
    OpenTelemetry's aiohttp client instrumentation. ``trust_env`` reads proxy settings from the environment.
    """

    __slots__ = ("_options", "_owns_session", "_session", "_timeout", "_timeout_key")

    def __init__(
        self,
        *,
        session: aiohttp.ClientSession | None = None,
        limit: int = 100,
        limit_per_host: int = 0,
        keepalive_timeout: float = 15.0,
        ssl: _ssl.SSLContext | bool = True,
        trace_configs: Iterable[aiohttp.TraceConfig] = (),
        trust_env: bool = False,
    ) -> None:
        self._options = (limit, limit_per_host, keepalive_timeout, ssl, list(trace_configs), trust_env)
        self._session = _LoopBound(type(self).__name__, session, self._new_session, _abandon)
        self._owns_session = session is None
        # One ClientTimeout per (connect, read) pair seen last: almost every request repeats it.
        self._timeout_key: tuple[float | None, float | None] | None = None
        self._timeout = aiohttp.ClientTimeout()

    def _new_session(self) -> aiohttp.ClientSession:
        limit, limit_per_host, keepalive_timeout, ssl, trace_configs, trust_env = self._options
        connector = _Connector(
            limit=limit, limit_per_host=limit_per_host, keepalive_timeout=keepalive_timeout, ssl=ssl
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            trace_configs=trace_configs,
            trust_env=trust_env,
            auto_decompress=True,
        )
        # aiohttp silently re-sends an idempotent request once when its connection drops (aio-libs/aiohttp
        # #10790; no public switch, its own TestClient turns it off like this). Retrying is the retry
        # middleware's job, which reports, budgets and bounds every attempt: one send, one attempt.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        return session

    def _client_timeout(self, request: Request, left: float | None) -> aiohttp.ClientTimeout:
        connect, read = request.timeout.connect, request.timeout.read
        if left is not None:
            # No rounding up to whole seconds (aiohttp's default above 5 s): the deadline is exact.
            return aiohttp.ClientTimeout(
                total=left, connect=connect, sock_connect=connect, sock_read=read, ceil_threshold=math.inf
            )
        if self._timeout_key != (connect, read):
            self._timeout = aiohttp.ClientTimeout(connect=connect, sock_connect=connect, sock_read=read)
            self._timeout_key = (connect, read)
        return self._timeout

    async def send(self, request: Request) -> Response:
        left = time_left(request)
        timeout = self._client_timeout(request, left)
        session = self._session.get()
        if left is not None:
            _connected.set(False)
        try:
            response = await session.request(
                request.method,
                URL(request.url, encoded=True),
                headers=request.headers.plain(),
                data=request.content,
                allow_redirects=False,
                raise_for_status=False,  # even if a user's session says otherwise: a status is an answer
                timeout=timeout,
            )
        except _FAILURES as exc:
            # Only our own connector reports connecting; with a user's session, assume the worst.
            connecting = left is not None and self._owns_session and not _connected.get()
            raise _translate(exc, request, connecting=connecting) from exc
        headers = Headers(response.headers)
        if request.stream:
            return Response(
                response.status, headers=headers, stream=_Stream(response, request), request=request
            )
        try:
            body = await response.read()
        except _FAILURES as exc:  # read() has already closed the connection
            raise _translate(exc, request) from exc
        return Response(response.status, headers=headers, content=body, request=request)

    async def aclose(self) -> None:
        session = self._session.detach()
        if session is not None:
            await session.close()


class _Connector(aiohttp.TCPConnector):
    """A TCP connector that notes when a request has its connection, so the request is going out, and
    keeps each connection's read timeout on one timer (`aiohttp_protocol`)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        aiohttp_protocol.install(self)

    async def connect(
        self, req: aiohttp.ClientRequest, traces: list[Trace], timeout: aiohttp.ClientTimeout
    ) -> Connection:
        connection = await super().connect(req, traces, timeout)
        if not _connected.get():  # set only under a deadline; a set() costs a new context mapping
            _connected.set(True)
        return connection


class _Stream:
    """A response body read as it arrives; releases the connection at the end or on ``aclose``."""

    __slots__ = ("_request", "_response")

    def __init__(self, response: aiohttp.ClientResponse, request: Request) -> None:
        self._response = response
        self._request = request

    def __aiter__(self) -> _Stream:
        return self

    async def __anext__(self) -> bytes:
        try:
            chunk = await self._response.content.readany()
        except _FAILURES as exc:
            self._response.close()
            raise _translate(exc, self._request) from exc
        if chunk:
            return chunk
        self._response.release()
        raise StopAsyncIteration

    async def aclose(self) -> None:
        # Returns a fully read connection to the pool; drops one with unread body left on it.
        self._response.release()


def _abandon(session: aiohttp.ClientSession) -> None:
    """Forget a session whose loop is gone: it can no longer be closed the asyncio way, so release its
    pooled sockets directly and mark its connector closed (otherwise each warns when collected)."""
    connector = session.connector
    if connector is not None:
        for connections in list(connector._conns.values()):  # aiohttp 3.x keeps the idle pool here
            for protocol, _ in connections:
                sock = protocol.transport.get_extra_info("socket") if protocol.transport else None
                if sock is not None:
                    sock.close()
        connector._close()  # only flags it closed: the loop is gone
    session.detach()


def _translate(exc: BaseException, request: Request, *, connecting: bool = False) -> APIConnectionError:
    """The SDK error for an aiohttp failure: unsent only for the kinds that precede writing the request.

    ``connecting``: the request is known not to have got its connection yet.
    """
    # A connect timeout, no free pool slot in time, or the deadline while connecting.
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return timeout_error(request, request_sent=False)
    # A sock_read timeout, or the deadline.
    if isinstance(exc, TimeoutError):
        return timeout_error(request, request_sent=not connecting)
    # DNS, refused, unreachable, TLS handshake or certificate.
    if isinstance(exc, aiohttp.ClientConnectorError):
        reason = exc.strerror or str(exc.os_error) or "no reason given"
        return connection_error(request, f"could not connect to the server: {reason}", request_sent=False)
    if isinstance(exc, aiohttp.ServerFingerprintMismatch):
        return connection_error(
            request, "the server's certificate fingerprint did not match", request_sent=False
        )
    if isinstance(exc, _BAD_URL):
        return connection_error(request, "invalid URL for an HTTP request", request_sent=False)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return connection_error(
            request, "the server closed the connection without a response", request_sent=True
        )
    if isinstance(exc, aiohttp.ClientPayloadError):
        return connection_error(request, "the response body was cut short or malformed", request_sent=True)
    if isinstance(exc, aiohttp.ClientResponseError):  # an unparsable status line or headers
        first_line = str(exc.message).partition("\n")[0].rstrip(": ")
        return connection_error(request, f"invalid HTTP response: {first_line}", request_sent=True)
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or "unknown error"
    return connection_error(request, f"connection failed: {reason}", request_sent=True)
