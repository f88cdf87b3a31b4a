"""`NinjaClient`: configuration, lifecycle, and the one request path every resource uses.

The client owns a transport and builds the middleware chain around it once. It knows nothing about
entities: resources get its `request` method and build on it.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, Self

import attrs
import orjson

from .clock import Clock, SystemClock
from .errors import ClientClosedError
from .http import Headers, Request, Response, Timeout
from .middleware.base import Middleware, build_chain
from .middleware.deadline import DeadlineMiddleware
from .middleware.headers import HeadersMiddleware
from .middleware.hooks import EventHooks, HooksMiddleware, call_hooks
from .middleware.limits import ConcurrencyLimit
from .middleware.log import LoggingMiddleware, logger
from .middleware.retry import RetryEvent, RetryMiddleware, RetryPolicy
from .middleware.status import StatusMiddleware
from .middleware.throttle import LeakyBucket, ThrottleMiddleware
from .middleware.version import VersionGuard
from .resources._generated import Resources
from .resources.specials import AccountResource, AuthResource, DevicesResource, HooksResource, SpecialRoutes
from .transport.aiohttp import AiohttpTransport
from .transport.base import AsyncTransport
from .urls import QueryValue, api_root, build_url, is_loopback

__all__ = ["ClientStats", "NinjaClient"]

DEFAULT_MAX_CONCURRENCY = 16


@attrs.define
class ClientStats:
    """Counters a job can report: retries made, by kind (``throttled``, ``status``, ``not_sent``...)."""

    retries: int = 0
    retries_by_kind: dict[str, int] = attrs.field(factory=dict)


class NinjaClient(Resources, SpecialRoutes):
    """An async session with one Invoice Ninja v4 server.

    ``base_url`` is the server root (``https://app.invoiceninja.com`` or a self-hosted URL), with or without
    ``/api/v1``. Use it as ``async with NinjaClient(url, token) as ninja:`` or call ``await ninja.aclose()``.

    - ``transport``: any `AsyncTransport`; default `AiohttpTransport` sized to ``max_concurrency``.
    - ``retry``: a `RetryPolicy`, or an int for ``max_retries`` (``0`` disables retries).
    - ``timeout``: a `Timeout` (connect, read, overall deadline) or a number of seconds for connect and read.
    - ``max_concurrency``: requests in flight at once across every task sharing this client.
    - ``hooks``: ``{"request": [...], "response": [...], "retry": [...]}``, plain or async callables.
    - ``middleware``: extra middlewares, run once per call outside retries (see `ninja_async.middleware`).
    - ``throttle``: ``True`` (hosted plan: 1000 requests/hour) or a `LeakyBucket` to stay under the
      server's throttle instead of hitting it.
    - ``allow_insecure``: permit ``http://`` to a non-loopback host (the token would travel in clear text).
    - ``api_secret``: the server's ``API_SECRET``, sent as ``X-Ninja-Secret``, for the login-type routes
      (``ninja.auth.login(...)`` hands out a token; no ``token`` is needed for them).
    - ``check_server_version``: refuse v4 actions to servers that do not say they are v4 (default on).
    - ``strict``: unknown fields in responses are errors instead of being kept (for contract tests).

    Resources hang off the client, named as their v4 paths: ``ninja.invoices.list()``,
    ``ninja.clients.get(1)``, ``ninja.quotes.convert(5)``...; plus ``ninja.account``, ``ninja.auth``,
    ``ninja.devices``, ``ninja.hooks`` and ``ping()``, ``static()``, ``user_accounts()``, ``dashboard()``.
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        api_secret: str | None = None,
        transport: AsyncTransport | None = None,
        retry: RetryPolicy | int | None = None,
        timeout: Timeout | float | None = None,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        hooks: EventHooks | None = None,
        middleware: Sequence[Middleware] = (),
        throttle: LeakyBucket | bool = False,
        headers: Mapping[str, str] | None = None,
        user_agent: str | None = None,
        allow_insecure: bool = False,
        check_server_version: bool = True,
        strict: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self._closed = True  # until construction succeeds: __del__ must not warn about a half-built client
        if token is None and api_secret is None:
            raise ValueError("give a token (an API token's X-Ninja-Token), or an api_secret to log in with")
        for name, secret in (("token", token), ("api_secret", api_secret)):
            if secret is not None and (not isinstance(secret, str) or not secret.strip()):
                raise ValueError(f"{name} must be a non-empty string")
        self.api_url = api_root(base_url)
        if self.api_url.startswith("http://") and not is_loopback(self.api_url) and not allow_insecure:
            raise ValueError(
                f"refusing to send the API token in clear text to {self.api_url}: use https, or pass "
                "allow_insecure=True if this network is trusted"
            )
        self.timeout = Timeout.coerce(timeout) if timeout is not None else Timeout()
        if isinstance(retry, RetryPolicy):
            self.retry_policy = retry
        else:
            self.retry_policy = RetryPolicy() if retry is None else RetryPolicy(max_retries=retry)
        self.clock: Clock = clock or SystemClock()
        self.stats = ClientStats()
        self._hooks: EventHooks = hooks or {}
        self._transport = transport or AiohttpTransport(limit=max_concurrency)
        self._limit = ConcurrencyLimit(max_concurrency, self.clock)
        self._version_guard = VersionGuard(self.api_url) if check_server_version else None
        bucket = LeakyBucket() if throttle is True else (throttle or None)
        self._send = build_chain(
            self._build_middlewares(token, api_secret, headers, user_agent, middleware, bucket),
            self._transport.send,
        )
        self._request = self.request
        self._strict = strict
        self._attach_resources(self.request, strict=strict)
        self.account = AccountResource(self.request, strict=strict)
        self.auth = AuthResource(self.request, strict=strict)
        self.devices = DevicesResource(self.request)
        self.hooks = HooksResource(self.request)
        self._closed = False

    def _build_middlewares(
        self,
        token: str | None,
        api_secret: str | None,
        headers: Mapping[str, str] | None,
        user_agent: str | None,
        user_middleware: Sequence[Middleware],
        bucket: LeakyBucket | None,
    ) -> list[Middleware]:
        chain: list[Middleware] = [
            HeadersMiddleware(
                token,
                api_url=self.api_url,
                api_secret=api_secret,
                user_agent=user_agent,
                extra=Headers(headers) if headers else None,
            ),
            *user_middleware,
        ]
        if self._version_guard is not None:
            chain.append(self._version_guard)
        chain += [
            DeadlineMiddleware(self.clock),
            RetryMiddleware(self.retry_policy, self.clock, on_retry=self._on_retry, rng=random.Random()),
        ]
        if bucket is not None:
            chain.append(ThrottleMiddleware(bucket, self.clock))
        chain.append(StatusMiddleware())
        if self._hooks.get("request") or self._hooks.get("response"):
            chain.append(HooksMiddleware(self._hooks))
        chain += [LoggingMiddleware(), self._limit]
        return chain

    @property
    def transport(self) -> AsyncTransport:
        return self._transport

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def max_concurrency(self) -> int:
        return self._limit.max_concurrency

    @property
    def connections_in_use(self) -> int:
        """Requests holding a concurrency slot right now (open streams included)."""
        return self._limit.in_use

    @property
    def peak_connections_in_use(self) -> int:
        return self._limit.peak_in_use

    @property
    def server_version(self) -> str | None:
        """The ``X-Ninja-Version`` the server last reported, if any response has been seen."""
        return self._version_guard.server_version if self._version_guard is not None else None

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        stream: bool = False,
        timeout: Timeout | float | None = None,
    ) -> Response:
        """Send one call through the middleware chain and return its 2xx response (or raise an `APIError`).

        ``path`` is relative to ``/api/v1`` (``"invoices/5"``); unsafe paths are refused before sending.
        ``json`` is encoded with orjson; ``content`` sends raw bytes (set a ``Content-Type`` header). With
        ``stream=True`` the body is not read: iterate ``response.aiter_bytes()`` or call ``aread()``, and
        close it (``aiter_bytes`` closes it when done); it holds a concurrency slot until then.
        """
        if self._closed:
            raise ClientClosedError("this NinjaClient is closed; create a new one")
        request_headers = Headers(headers) if headers else Headers()
        if json is not None:
            if content is not None:
                raise ValueError("pass either json or content, not both")
            content = orjson.dumps(json)
            if "Content-Type" not in request_headers:
                request_headers["Content-Type"] = "application/json"
        request = Request(
            method,
            build_url(self.api_url, path, params),
            headers=request_headers,
            content=content,
            stream=stream,
            timeout=Timeout.coerce(timeout) if timeout is not None else self.timeout,
        )
        return await self._send(request)

    async def _on_retry(self, event: RetryEvent) -> None:
        name = event.kind.value
        self.stats.retries += 1
        self.stats.retries_by_kind[name] = self.stats.retries_by_kind.get(name, 0) + 1
        logger.info(
            "retry %d of %s %s in %.2f s after %s: %s",
            event.retry_number,
            event.request.method,
            event.request.url,
            event.delay,
            type(event.error).__name__,
            event.error.message,
        )
        retry_hooks = self._hooks.get("retry")
        if retry_hooks:
            await call_hooks(retry_hooks, event)

    async def aclose(self) -> None:
        """Close the transport and its connections. Calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        await self._transport.aclose()

    async def __aenter__(self) -> Self:
        if self._closed:
            raise ClientClosedError("this NinjaClient is closed; create a new one")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # No I/O here: the loop may be gone. Just tell the developer, as asyncio does for its own resources.
        if not getattr(self, "_closed", True):
            warnings.warn(
                f"unclosed {self!r}: use 'async with NinjaClient(...)' or 'await client.aclose()'",
                ResourceWarning,
                source=self,
                stacklevel=1,
            )

    def __repr__(self) -> str:
        return f"<NinjaClient {self.api_url}>"
