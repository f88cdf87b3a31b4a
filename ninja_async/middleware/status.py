"""Turns every non-2xx response into its typed exception, so the layers above deal in exceptions only."""

from __future__ import annotations

from ..errors import APIConnectionError, error_from_response
from ..http import Request, Response
from .base import Handler, Layer

__all__ = ["StatusMiddleware"]

# An error body is a few hundred bytes of JSON or an HTML page; never buffer more than this of one.
MAX_ERROR_BODY = 1 << 20


class StatusMiddleware(Layer):
    __slots__ = ()

    async def handle(self, call_next: Handler, request: Request) -> Response:
        response = await call_next(request)
        if 200 <= response.status < 300:
            return response
        if not response.is_read:
            try:
                await response.aread(limit=MAX_ERROR_BODY)
            except ValueError as exc:
                raise APIConnectionError(
                    f"{request.method} {request.url}: HTTP {response.status} with an error body over "
                    f"{MAX_ERROR_BODY} bytes",
                    request=request,
                ) from exc
        raise error_from_response(response)
