"""Refuses to send a v4 ``action`` to a server that is not v4.

v4 archives, deletes, restores and marks invoices with ``PUT /X/{id}?action=...``. A v5 server ignores the
unknown parameter and treats the PUT as a plain update with an empty body, wiping fields. So before the first
action the guard makes sure it has seen an ``X-Ninja-Version: 4.x`` header (from any earlier response, or
from a ``GET /ping`` it sends for the purpose), and refuses with `UnsupportedServerError` otherwise, having
sent nothing.
"""

from __future__ import annotations

from ..errors import APIError, UnsupportedServerError
from ..http import Headers, Request, Response
from .base import Handler, Layer

__all__ = ["VersionGuard", "is_v4"]

VERSION_HEADER = "X-Ninja-Version"
V5_HEADERS = ("X-App-Version", "X-Api-Version")
_ACTION_METHODS = frozenset({"PUT", "PATCH"})


def is_v4(version: str | None) -> bool:
    return version is not None and version.strip().startswith("4.")


def _carries_action(request: Request) -> bool:
    """Whether a PUT or PATCH asks for a v4 action, in its query or in its JSON body."""
    if request.method not in _ACTION_METHODS:
        return False
    query = request.url.partition("?")[2]
    if any(part.startswith("action=") for part in query.split("&")):
        return True
    return request.content is not None and b'"action"' in request.content


class VersionGuard(Layer):
    """``server_version``: the last ``X-Ninja-Version`` seen, a v5 description, or None while unknown.

    Some v4 responses (the compact 422, ``POST /hooks``) carry no version header; they change nothing.
    """

    __slots__ = ("_ping_url", "server_version")

    def __init__(self, api_url: str) -> None:
        self._ping_url = f"{api_url}/ping"
        self.server_version: str | None = None

    async def handle(self, call_next: Handler, request: Request) -> Response:
        if _carries_action(request) and not is_v4(self.server_version):
            if self.server_version is None:
                await self._probe(request, call_next)
                self.server_version = self.server_version or ""
            if not is_v4(self.server_version):
                seen = self.server_version or "no X-Ninja-Version header"
                raise UnsupportedServerError(
                    f"refusing to send {request.method} with an action to a server that is not Invoice Ninja "
                    "v4 "
                    f"({seen}); on v5 it would be a plain update that wipes fields. Nothing was sent."
                )
        try:
            response = await call_next(request)
        except APIError as error:
            headers = getattr(error, "headers", None)
            if isinstance(headers, Headers) and len(headers):
                self._observe(headers)
            raise
        self._observe(response.headers)
        return response

    async def _probe(self, request: Request, call_next: Handler) -> None:
        headers = request.headers.copy()
        headers.pop("Content-Type", None)
        probe = Request("GET", self._ping_url, headers=headers, timeout=request.timeout)
        probe.call_deadline = request.call_deadline
        response = await call_next(probe)
        self._observe(response.headers)

    def _observe(self, headers: Headers) -> None:
        version = headers.get(VERSION_HEADER)
        if version is not None:
            self.server_version = version
            return
        for name in V5_HEADERS:
            if name in headers:
                self.server_version = f"v5 ({name}: {headers[name]})"
                return
