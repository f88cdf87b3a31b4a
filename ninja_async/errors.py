"""The error tree, and the pure functions that turn a v4 response into one of its classes.

Every v4 error shape of spec §4 lands in exactly one class here, with the server's own message as
``str(exc)``. Nothing in this module performs I/O, so the mapping is testable on plain ``Response`` objects.

    NinjaError
    ├── APIError
    │   ├── APIConnectionError          nothing usable came back (``request_sent`` says whether it left us)
    │   │   └── APITimeoutError
    │   ├── APIStatusError              the server answered with an error status
    │   │   ├── BadRequestError             400 (unsupported action, mobile-style validation, bad mime type)
    │   │   ├── AuthenticationError         403 "Invalid token" / bad API secret, 401 bad credentials
    │   │   ├── PermissionDeniedError       403 pro plan, unauthorized, disabled module
    │   │   ├── NotFoundError               404, in all four of its v4 shapes
    │   │   ├── MethodNotAllowedError       405
    │   │   ├── ValidationError             422, and the 302 v4 sends a write that fails validation
    │   │   ├── RateLimitError              403 "Please wait N second(s)", 429
    │   │   └── ServerError                 5xx
    │   └── ResponseDecodeError         a 2xx body that is not what the API promises
    ├── UnsupportedServerError          the server is not v4, so an action would be misread
    └── ClientClosedError               the client was used after ``aclose()``
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from .http import Headers, Request, Response

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "MethodNotAllowedError",
    "NinjaError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ServerError",
    "UnsupportedServerError",
    "ValidationError",
    "error_from_response",
    "retry_after_seconds",
    "throttle_wait",
]

_THROTTLE = re.compile(rb'^\s*"Please wait (\d+) second(?:\(s\)|s)?"\s*$')
_MAX_BODY_IN_MESSAGE = 300


class NinjaError(Exception):
    """Base of every exception raised by ninja-async."""


class APIError(NinjaError):
    """A call to the API did not produce the promised result."""

    def __init__(self, message: str, *, request: Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The transport failed: no response, or a response cut short.

    ``request_sent`` is False only when the request provably never reached the server (connect failure);
    then re-sending is always safe. ``outcome_unknown`` is True when a non-idempotent request (POST) was sent
    and the answer was lost: the server may have acted on it, so the SDK does not re-send it and the caller
    should check before trying again.
    """

    def __init__(self, message: str, *, request: Request | None = None, request_sent: bool = True) -> None:
        super().__init__(message, request=request)
        self.request_sent = request_sent

    @property
    def outcome_unknown(self) -> bool:
        return self.request_sent and self.request is not None and not self.request.idempotent

    def __str__(self) -> str:
        if self.outcome_unknown:
            return f"{self.message} (outcome unknown: the server may have processed this request)"
        return self.message


class APITimeoutError(APIConnectionError):
    """A connect, read or overall deadline ran out."""


class APIStatusError(APIError):
    """The server answered with a status the operation does not accept."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        headers: Headers | None = None,
        body: Any = None,
        request: Request | None = None,
    ) -> None:
        super().__init__(message, request=request)
        self.status = status
        self.headers = headers if headers is not None else Headers()
        self.body = body

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """400: an unsupported action, a mobile-style validation failure, an invalid document type."""


class AuthenticationError(APIStatusError):
    """The token (or API secret, or login credentials) was refused. Never retried."""


class PermissionDeniedError(APIStatusError):
    """Authenticated, but not allowed: hosted plan without API access, missing permission, disabled module."""


class NotFoundError(APIStatusError):
    """404, in any of v4's four shapes (no such record, id 0, no such route, unknown client)."""


class MethodNotAllowedError(APIStatusError):
    """405: the path exists but not for this method (e.g. ``POST /quotes``)."""


class ValidationError(APIStatusError):
    """The server rejected the input. ``errors`` maps each field to its messages (may be empty)."""

    def __init__(
        self, message: str, *, errors: Mapping[str, Sequence[str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)
        self.errors: dict[str, list[str]] = {k: list(v) for k, v in (errors or {}).items()}


class RateLimitError(APIStatusError):
    """The server throttled the request; it was not processed. ``retry_after`` is in seconds, if known."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: retried (see `RetryPolicy`) before it reaches you."""


class ResponseDecodeError(APIError):
    """A successful response whose body does not fit the documented shape.

    ``path`` locates the offending value (e.g. ``"data[3].invoice_items[0].cost"``); ``body`` keeps a prefix
    of the raw body so nothing the server said is lost.
    """

    def __init__(
        self, message: str, *, path: str = "", body: bytes | None = None, request: Request | None = None
    ) -> None:
        super().__init__(message, request=request)
        self.path = path
        self.body = body


class UnsupportedServerError(NinjaError):
    """The server is not Invoice Ninja v4; the operation would mean something else there."""


class ClientClosedError(NinjaError, RuntimeError):
    """The client was used after ``aclose()``."""


def throttle_wait(status: int, content: bytes) -> int | None:
    """Seconds the v4 hosted throttle asks for (403 ``"Please wait N second(s)"``), or None."""
    if status != 403 or len(content) > 64:
        return None
    match = _THROTTLE.match(content)
    return int(match.group(1)) if match else None


def _decode(content: bytes) -> Any:
    try:
        return orjson.loads(content) if content else None
    except orjson.JSONDecodeError:
        return content.decode("utf-8", "replace")


def _server_message(body: Any) -> str | None:
    """Dig the human message out of whichever v4 error shape this is."""
    if isinstance(body, str):
        text = body.strip()
        if text.startswith("<"):
            return None  # an HTML error page says nothing useful in one line
        return text or None
    if not isinstance(body, Mapping):
        return None
    error = body.get("error")
    if isinstance(error, str):
        return error
    if isinstance(error, Mapping):
        for key in ("message", "error"):
            if isinstance(error.get(key), str):
                return str(error[key])
    message = body.get("message")
    return message if isinstance(message, str) else None


def _field_errors(body: Any) -> dict[str, list[str]]:
    errors = body.get("errors") if isinstance(body, Mapping) else None
    if not isinstance(errors, Mapping):
        return {}
    return {
        str(field): [str(m) for m in messages] if isinstance(messages, list) else [str(messages)]
        for field, messages in errors.items()
    }


def error_from_response(response: Response) -> APIStatusError:
    """The exception for a non-2xx response whose body has been read."""
    status = response.status
    content = response.content
    body = _decode(content)
    message = _server_message(body)
    where = f"{response.request.method} {response.request.url}" if response.request else "request"
    summary = message or f"HTTP {status} from {where}"
    kwargs: dict[str, Any] = {
        "status": status,
        "headers": response.headers,
        "body": body,
        "request": response.request,
    }

    wait = throttle_wait(status, content)
    if wait is not None:
        return RateLimitError(summary, retry_after=float(wait), **kwargs)
    if status == 429:
        return RateLimitError(summary, retry_after=retry_after_seconds(response.headers), **kwargs)
    if status == 401 or (status == 403 and message is not None and _is_auth_message(message)):
        return AuthenticationError(summary, **kwargs)
    if status == 403:
        return PermissionDeniedError(summary, **kwargs)
    if status == 404:
        return NotFoundError(summary, **kwargs)
    if status == 405:
        return MethodNotAllowedError(summary, **kwargs)
    if status == 422:
        return ValidationError(summary, errors=_field_errors(body), **kwargs)
    writing = response.request is not None and response.request.method not in ("GET", "HEAD")
    if status in (302, 303) and writing:
        location = response.headers.get("Location", "?")
        return ValidationError(
            f"the server redirected to {location} instead of answering; v4 does this for a validation "
            "failure when the request does not ask for JSON",
            **kwargs,
        )
    if status == 400:
        return BadRequestError(summary, **kwargs)
    if status >= 500:
        return ServerError(summary, **kwargs)
    if 300 <= status < 400:
        location = response.headers.get("Location", "?")
        return APIStatusError(
            f"{where} redirected to {location}; not followed, so the API token stays with the API", **kwargs
        )
    text = message or (content[:_MAX_BODY_IN_MESSAGE].decode("utf-8", "replace") if content else "")
    return APIStatusError(f"unexpected HTTP {status} from {where}: {text}".rstrip(": "), **kwargs)


def _is_auth_message(message: str) -> bool:
    return message in ("Invalid token", "Invalid value for API_SECRET", "Invalid credentials")


def retry_after_seconds(headers: Headers) -> float | None:
    """A ``Retry-After`` header in seconds (None when absent or unreadable)."""
    value = headers.get("Retry-After")
    try:
        seconds = float(value) if value is not None else math.nan
    except ValueError:
        return None
    # float() also reads "nan", which is no wait at all (asyncio.sleep(nan) never returns).
    return None if math.isnan(seconds) else max(seconds, 0.0)
