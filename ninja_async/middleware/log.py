"""Debug logging of every attempt through the ``ninja_async`` logger; free when DEBUG is off.

Only method, URL, status and timing are logged: never headers or bodies, so the token cannot appear.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable

from ..errors import APIError
from ..http import Request, Response
from .base import Handler, Layer

__all__ = ["LoggingMiddleware", "logger"]

logger = logging.getLogger("ninja_async")


class LoggingMiddleware(Layer):
    __slots__ = ()

    def handle(self, call_next: Handler, request: Request) -> Awaitable[Response]:
        if not logger.isEnabledFor(logging.DEBUG):
            return call_next(request)
        return self._logged(request, call_next)

    async def _logged(self, request: Request, call_next: Handler) -> Response:
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except APIError as error:
            elapsed = (time.perf_counter() - started) * 1000
            logger.debug("%s %s failed after %.1f ms: %s", request.method, request.url, elapsed, error)
            raise
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug("%s %s -> %d in %.1f ms", request.method, request.url, response.status, elapsed)
        return response
