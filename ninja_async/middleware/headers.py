"""Authentication and protocol headers, added to every request (and never shown anywhere)."""

from __future__ import annotations

import platform
from collections.abc import Awaitable

from .._version import __version__
from ..http import Headers, Request, Response
from .base import Handler, Layer

__all__ = ["HeadersMiddleware", "SecretStr", "default_user_agent"]


class SecretStr(str):
    """A str that hides its value in ``repr``, so a token inside any dict or object repr stays hidden."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'<redacted>'"


def default_user_agent() -> str:
    return f"ninja-async/{__version__} (Python {platform.python_version()})"


class HeadersMiddleware(Layer):
    """Sends ``X-Ninja-Token`` (and ``X-Ninja-Secret`` if given; to the API root only) and the headers that
    make v4 answer in JSON.

    Without ``X-Requested-With: XMLHttpRequest`` and a JSON ``Accept``, a v4 validation failure is a 302
    redirect to the web UI instead of a 422 with the field errors (spec §4). Headers the caller set on a
    request win over these defaults.
    """

    __slots__ = ("_api_prefix", "_authenticated", "_public")

    def __init__(
        self,
        token: str | None,
        *,
        api_url: str,
        api_secret: str | None = None,
        user_agent: str | None = None,
        extra: Headers | None = None,
    ) -> None:
        public = Headers(
            {
                "Accept": "application/json",
                "X-Requested-With": "XMLHttpRequest",
                "User-Agent": user_agent or default_user_agent(),
            }
        )
        if extra is not None:
            for key, value in extra.items():
                public[key] = value
        authenticated = public.copy()
        if token is not None:
            authenticated["X-Ninja-Token"] = SecretStr(token)
        if api_secret is not None:  # login-type routes (spec §2)
            authenticated["X-Ninja-Secret"] = SecretStr(api_secret)
        self._public = public
        self._authenticated = authenticated
        self._api_prefix = api_url + "/"

    def handle(self, call_next: Handler, request: Request) -> Awaitable[Response]:
        # The token goes to the API and nowhere else (a document's direct file URL, say).
        own_api = request.url.startswith(self._api_prefix)
        request.headers.update_missing(self._authenticated if own_api else self._public)
        return call_next(request)

    def __repr__(self) -> str:
        return "HeadersMiddleware()"
