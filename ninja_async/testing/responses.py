"""Building v4 responses: the API headers, each error body of spec §4, and "expects JSON".

Two families of headers exist in v4. Responses the app builds itself (`response()`,
`errorResponse()`, `ApiCheck`, the app's exception handler) carry `Utils::getApiHeaders()`;
responses Laravel builds for its own exceptions (422, 405, 500 "Server Error") are compact
`JsonResponse`s with only `Content-Type: application/json`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from aiohttp import web

from .constants import NINJA_VERSION
from .errors import HttpError, ServerError, ValidationFailed

API_HEADERS: Mapping[str, str] = {
    "Content-Type": "application/json",
    "X-Ninja-Version": NINJA_VERSION,
    "X-Total-Count": "0",
}
HTML = "text/html; charset=UTF-8"


def api_response(body: bytes, status: int = 200) -> web.Response:
    """A body with the API headers (`Utils::getApiHeaders()`)."""
    return web.Response(body=body, status=status, headers=API_HEADERS)


def api_json(value: Any, status: int = 200) -> web.Response:
    return api_response(orjson.dumps(value), status)


def plain_json(value: Any, status: int) -> web.Response:
    """Laravel's own `JsonResponse`: no X-Ninja-Version, no X-Total-Count."""
    return web.Response(body=orjson.dumps(value), status=status, headers={"Content-Type": "application/json"})


def html(text: str, status: int) -> web.Response:
    return web.Response(body=text.encode(), status=status, headers={"Content-Type": HTML})


def record_not_found() -> HttpError:
    """`firstOrFail()` in a FormRequest."""
    return HttpError(api_json({"message": "record does not exist"}, 404))


def record_null() -> HttpError:
    """`itemResponse(null)`, e.g. for id 0."""
    return HttpError(api_json({"error": "Record not found"}, 404))


def route_not_found() -> HttpError:
    """`abort(404)` or an unknown route, answered by the app's handler to a token-bearing request."""
    return HttpError(api_json({"error": {"message": "Route does not exist"}}, 404))


def error_message(message: str, status: int) -> HttpError:
    """`errorResponse(['error' => ['message' => …]])`."""
    return HttpError(api_json({"error": {"message": message}}, status))


def action_not_supported(action: str) -> HttpError:
    return HttpError(api_json({"error": f"Action [{action}] is not supported"}, 400))


def _accept_types(accept: str | None) -> list[str]:
    """Accept media types, best quality first (Symfony's `AcceptHeader` order)."""
    if not accept:
        return []
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranked.append((-quality, index, media))
    return [media for _, _, media in sorted(ranked)]


def expects_json(request: web.BaseRequest) -> bool:
    """L6 `expectsJson()`: an AJAX request accepting anything, or a first Accept type that is JSON."""
    types = _accept_types(request.headers.get("Accept"))
    first = types[0] if types else None
    ajax = request.headers.get("X-Requested-With") == "XMLHttpRequest"
    pjax = "X-PJAX" in request.headers
    if ajax and not pjax and first in (None, "*/*", "*"):
        return True
    return first is not None and ("/json" in first or "+json" in first)


def redirect_back(request: web.BaseRequest) -> web.Response:
    """Laravel's validation redirect: to the Referer, else the app root."""
    target = request.headers.get("Referer") or f"{request.scheme}://{request.host}"
    body = (
        f'<!DOCTYPE html>\n<html><head><meta charset="UTF-8" /><title>Redirecting to {target}</title></head>'
    )
    body += f'<body>Redirecting to <a href="{target}">{target}</a>.</body></html>'
    response = html(body, 302)
    response.headers["Location"] = target
    return response


def validation_response(
    request: web.BaseRequest, has_api_secret_input: bool, exc: ValidationFailed
) -> web.Response:
    """§4: 400 for the mobile apps (`api_secret` input), 422 when JSON is expected, else a 302."""
    if has_api_secret_input:
        return api_json({"error": {"message": str(exc)}}, 400)
    if expects_json(request):
        return plain_json({"message": "The given data was invalid.", "errors": exc.errors}, 422)
    return redirect_back(request)


def server_error(request: web.BaseRequest) -> web.Response:
    """An uncaught exception with `APP_DEBUG=false`."""
    if expects_json(request):
        return plain_json({"message": "Server Error"}, 500)
    return html(
        "<!DOCTYPE html><html><head><title>Server Error</title></head><body>Server Error</body></html>", 500
    )


def method_not_allowed(request: web.BaseRequest, allowed: list[str]) -> web.Response:
    methods = ", ".join(allowed)
    message = f"The {request.method} method is not supported for this route. Supported methods: {methods}."
    if expects_json(request):
        return plain_json({"message": message}, 405)
    return html(f"<!DOCTYPE html><html><body>{message}</body></html>", 405)


def not_found(request: web.BaseRequest) -> web.Response:
    """An unknown route: the API shape with a token header, else Laravel's own 404."""
    if request.headers.get("X-Ninja-Token", "") != "":
        return route_not_found().response
    if expects_json(request):
        return plain_json({"message": ""}, 404)
    return html(
        "<!DOCTYPE html><html><head><title>Not Found</title></head><body>Not Found</body></html>", 404
    )


def render_exception(
    request: web.BaseRequest, has_api_secret_input: bool, exc: Exception
) -> web.StreamResponse:
    """The response v4 gives for each way a handler can fail."""
    if isinstance(exc, HttpError):
        return exc.response
    if isinstance(exc, ValidationFailed):
        return validation_response(request, has_api_secret_input, exc)
    if isinstance(exc, ServerError):
        return server_error(request)
    raise exc
