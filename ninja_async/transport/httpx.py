"""``HttpxTransport``: the transport contract on ``httpx.AsyncClient`` (the ``ninja-async[httpx]`` extra)."""

from __future__ import annotations

import asyncio
import http.cookiejar
import ssl
import time
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

from ..errors import APIConnectionError
from ..http import Headers, Request, Response
from .base import AsyncTransport, _LoopBound, connection_error, time_left, timeout_error

try:
    import httpx
except ImportError:  # the optional extra is not installed: only constructing HttpxTransport complains
    _HAVE_HTTPX = False
    _FAILURES: tuple[type[Exception], ...] = ()
else:
    _HAVE_HTTPX = True
    # What httpx raises for transport failures (and a stray OSError); anything else propagates untouched.
    _FAILURES = (httpx.HTTPError, httpx.InvalidURL, OSError)

__all__ = ["HttpxTransport"]


class HttpxTransport(AsyncTransport):
    """Sends requests with httpx (the contract is ``AsyncTransport``'s).

    Performance: httpx's ``AsyncClient`` degrades sharply above about 8 concurrent requests (measured for
    this SDK: 0.01-0.03x the throughput of raw aiohttp at concurrency 32-64; see encode/httpx#3215). Keep
    the client's ``max_concurrency`` low with this transport, or use the default ``AiohttpTransport``.

    The client is made on the first ``send``, inside the running loop, and replaced if that loop is later
    closed and another runs. A ``client`` you pass is used as is, with its own settings except redirects and
    timeouts, which every request sets as the contract says, and is never closed by this transport. After
    ``aclose()``, ``send`` raises ``ClientClosedError``.

    The client made here ignores cookies (see ``AiohttpTransport``). ``verify``: True checks certificates
    (default), an ``ssl.SSLContext`` customises that, False turns the check off. ``limit`` caps open
    connections; ``trust_env`` reads proxy settings from the environment.
    """

    __slots__ = ("_client", "_options", "_timeout", "_timeout_key")

    def __init__(
        self,
        *,
        client: httpx.AsyncClient | None = None,
        limit: int = 100,
        keepalive_timeout: float = 15.0,
        verify: ssl.SSLContext | bool = True,
        trust_env: bool = False,
    ) -> None:
        if not _HAVE_HTTPX:
            raise ImportError("HttpxTransport needs httpx: pip install 'ninja-async[httpx]'")
        self._options = (limit, keepalive_timeout, verify, trust_env)
        self._client = _LoopBound(type(self).__name__, client, self._new_client, _abandon)
        self._timeout_key: tuple[float | None, float | None] | None = None
        self._timeout = httpx.Timeout(None)

    def _new_client(self) -> httpx.AsyncClient:
        limit, keepalive_timeout, verify, trust_env = self._options
        no_cookies = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        return httpx.AsyncClient(
            limits=httpx.Limits(
                max_connections=limit, max_keepalive_connections=limit, keepalive_expiry=keepalive_timeout
            ),
            verify=verify,
            trust_env=trust_env,
            cookies=no_cookies,
            follow_redirects=False,
        )

    def _request_timeout(self, request: Request) -> httpx.Timeout:
        connect, read = request.timeout.connect, request.timeout.read
        if self._timeout_key != (connect, read):
            self._timeout = httpx.Timeout(connect=connect, read=read, write=read, pool=connect)
            self._timeout_key = (connect, read)
        return self._timeout

    async def send(self, request: Request) -> Response:
        left = time_left(request)
        client = self._client.get()
        # With a deadline, httpcore's trace events tell whether a deadline hit came before or after sending.
        progress = _Progress() if left is not None else None
        try:
            outgoing = client.build_request(
                request.method,
                request.url,
                headers=request.headers,
                content=request.content,
                timeout=self._request_timeout(request),
                extensions={"trace": progress} if progress is not None else None,
            )
            async with asyncio.timeout(left):
                response = await client.send(outgoing, stream=request.stream, follow_redirects=False)
        except TimeoutError as exc:  # the deadline: httpx's own timeouts are not TimeoutError
            raise timeout_error(request, request_sent=progress is None or progress.sent) from exc
        except _FAILURES as exc:
            raise _translate(exc, request) from exc
        headers = Headers(response.headers.multi_items())
        if request.stream:
            return Response(
                response.status_code, headers=headers, stream=_Stream(response, request), request=request
            )
        return Response(response.status_code, headers=headers, content=response.content, request=request)

    async def aclose(self) -> None:
        client = self._client.detach()
        if client is not None:
            await client.aclose()


class _Progress:
    """An httpcore trace hook that notes when the request starts going out."""

    __slots__ = ("sent",)

    def __init__(self) -> None:
        self.sent = False

    async def __call__(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith("send_request_headers.started"):
            self.sent = True


class _Stream:
    """A response body read as it arrives, still bounded by the request's deadline."""

    __slots__ = ("_chunks", "_request", "_response")

    def __init__(self, response: httpx.Response, request: Request) -> None:
        self._response = response
        self._request = request
        self._chunks: AsyncIterator[bytes] = response.aiter_bytes()

    def __aiter__(self) -> _Stream:
        return self

    async def __anext__(self) -> bytes:
        deadline = self._request.deadline
        try:
            async with asyncio.timeout(None if deadline is None else deadline - time.monotonic()):
                return await self._chunks.__anext__()
        except StopAsyncIteration:
            await self.aclose()
            raise
        except TimeoutError as exc:
            await self.aclose()
            raise timeout_error(self._request, request_sent=True) from exc
        except _FAILURES as exc:
            await self.aclose()
            raise _translate(exc, self._request) from exc

    async def aclose(self) -> None:
        if isinstance(self._chunks, AsyncGenerator):
            await self._chunks.aclose()
        await self._response.aclose()


def _abandon(client: httpx.AsyncClient) -> None:
    """Nothing to do for a client whose loop is gone: it can no longer be closed, only forgotten."""


def _translate(exc: Exception, request: Request) -> APIConnectionError:
    """The SDK error for an httpx failure: unsent only for the kinds that precede writing the request."""
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return timeout_error(request, request_sent=False)
    if isinstance(exc, httpx.TimeoutException):  # read or write timeout
        return timeout_error(request, request_sent=True)
    if isinstance(exc, httpx.ConnectError | httpx.ProxyError):  # DNS, refused, unreachable, TLS
        return connection_error(request, f"could not connect to the server: {exc}", request_sent=False)
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return connection_error(request, "invalid URL for an HTTP request", request_sent=False)
    if isinstance(exc, httpx.RemoteProtocolError):  # disconnects, truncated bodies, malformed responses
        return connection_error(
            request, f"invalid or incomplete response from the server: {exc}", request_sent=True
        )
    if isinstance(exc, httpx.DecodingError):
        return connection_error(request, "the response body could not be decoded", request_sent=True)
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or "unknown error"
    return connection_error(request, f"connection failed: {reason}", request_sent=True)
