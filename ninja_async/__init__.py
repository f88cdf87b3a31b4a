"""ninja-async: the async Python SDK for the Invoice Ninja v4 REST API.

    async with NinjaClient("https://invoices.example.com", token) as ninja:
        async for invoice in ninja.invoices.list(updated_at=since):
            ...

The package is laid out by layer: `client` (the session) → `resources` built from the `endpoints` table →
`pagination` and `models` → `middleware` → `transport` → `errors` and `http`. `ninja_async.testing` is a
faithful emulator of the v4 server for tests and demos.
"""

from ._version import __version__
from .client import ClientStats, NinjaClient
from .clock import Clock, FakeClock, SystemClock
from .decoding import Page, PageMeta
from .endpoints import ENDPOINTS, Endpoint, Op
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    MethodNotAllowedError,
    NinjaError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    UnsupportedServerError,
    ValidationError,
)
from .http import Headers, Request, Response, Timeout
from .middleware import EventHooks, LeakyBucket, Middleware, RetryEvent, RetryPolicy
from .models import *  # noqa: F403 - every model is public
from .models import __all__ as _models_all
from .pagination import Paginator
from .sync import Sync, SyncResult
from .transport import AiohttpTransport, AsyncTransport, HttpxTransport, MockTransport
from .webhooks import HookEvent, parse_webhook

__all__ = [
    *_models_all,
    "ENDPOINTS",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AiohttpTransport",
    "AsyncTransport",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientStats",
    "Clock",
    "Endpoint",
    "EventHooks",
    "FakeClock",
    "Headers",
    "HookEvent",
    "HttpxTransport",
    "LeakyBucket",
    "MethodNotAllowedError",
    "Middleware",
    "MockTransport",
    "NinjaClient",
    "NinjaError",
    "NotFoundError",
    "Op",
    "Page",
    "PageMeta",
    "Paginator",
    "PermissionDeniedError",
    "RateLimitError",
    "Request",
    "Response",
    "ResponseDecodeError",
    "RetryEvent",
    "RetryPolicy",
    "ServerError",
    "Sync",
    "SyncResult",
    "SystemClock",
    "Timeout",
    "UnsupportedServerError",
    "ValidationError",
    "__version__",
    "parse_webhook",
]
