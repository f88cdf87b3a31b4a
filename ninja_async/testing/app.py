"""The aiohttp application: Laravel-style routing under `/api/v1`, `ApiCheck`, then the handler.

Routing is done here rather than by aiohttp's router so that unknown paths, wrong methods and
`OPTIONS` answer as Laravel does (404 shapes, 405 "Supported methods: …", automatic 200 with
`Allow`), before any authentication, and so trailing slashes are ignored. Every route of the
`api.php` table is registered in one list, resources with their seven `Route::resource` routes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from . import hooks, special
from .admin import PaymentTerms, Users
from .auth import Auth, api_check
from .billing import Credits, Payments
from .call import Call
from .catalog import Products, Projects, TaxRates
from .constants import API_PREFIX
from .documents import Documents
from .errors import HttpError, ServerError, ValidationFailed
from .expenses import ExpenseCategories, Expenses
from .inputs import read_input
from .invoices import Invoices, Quotes
from .people import Clients, Contacts, Vendors
from .resources import Resource
from .responses import html, method_not_allowed, not_found, render_exception, server_error
from .runtime import RUNTIME, Runtime
from .special import Public
from .tasks import Tasks

log = logging.getLogger("ninja_async.testing")

CallHandler = Callable[[Call], Awaitable[web.StreamResponse]]
PublicHandler = Callable[[Public], Awaitable[web.StreamResponse]]
GET = ("GET", "HEAD")


@dataclass(frozen=True)
class Route:
    methods: tuple[str, ...]
    pattern: re.Pattern[str]
    call: CallHandler | None = None
    public: PublicHandler | None = None
    auth: Auth = "token"


def _route(methods: tuple[str, ...], path: str, handler: CallHandler) -> Route:
    return Route(methods, re.compile(f"^{path}$"), call=handler)


def _public(path: str, handler: PublicHandler, auth: Auth) -> Route:
    return Route(("POST",) if auth == "login" else GET, re.compile(f"^{path}$"), public=handler, auth=auth)


async def _missing_method(call: Call) -> web.Response:
    """`create`/`edit` routes exist but no API controller defines them."""
    raise ServerError("BadMethodCallException")


def resource_routes(res: Resource) -> list[Route]:
    """The seven routes of `Route::resource`, in Laravel's registration order."""
    n, item = res.name, f"{res.name}/(?P<id>[^/]+)"
    return [
        _route(GET, n, res.index),
        _route(GET, f"{n}/create", _missing_method),
        _route(("POST",), n, res.store),
        _route(GET, item, res.show),
        _route(GET, f"{item}/edit", _missing_method),
        _route(("PUT", "PATCH"), item, res.update),
        _route(("DELETE",), item, res.destroy),
    ]


RESOURCES: tuple[Resource, ...] = (
    Clients(),
    Contacts(),
    Invoices(),
    Payments(),
    Tasks(),
    Credits(),
    Products(),
    Projects(),
    TaxRates(),
    Users(),
    Expenses(),
    Documents(),
    Vendors(),
    ExpenseCategories(),
    PaymentTerms(),
)

ROUTES: list[Route] = [
    _public("ping", special.ping, "ping"),
    _public("login", special.login, "login"),
    _public("oauth_login", special.oauth_login, "login"),
    _public("register", special.register, "login"),
    _public("ios_subscription_status", special.ios_subscription_status, "login"),
    _route(GET, "static", special.static),
    _route(GET, "accounts", special.show_account),
    _route(("PUT",), "accounts", special.update_account),
    _route(("POST",), "refresh", special.refresh),
    _route(("POST",), "upgrade", special.upgrade),
    _route(GET, "user_accounts", special.user_accounts),
    _route(("POST",), "add_token", special.add_token),
    _route(("POST",), "remove_token", special.remove_token),
    _route(("POST",), "update_notifications", special.update_notifications),
    _route(GET, "dashboard", special.dashboard),
    _route(GET, "quotes", Quotes().index),
    _route(GET, "download/(?P<invoice_id>[^/]+)", special.download),
    _route(("POST",), "email_invoice", special.email_invoice),
    _route(("POST",), "hooks", hooks.subscribe),
    _route(("DELETE",), "hooks/(?P<id>[^/]+)", hooks.unsubscribe),
    *(route for res in RESOURCES for route in resource_routes(res)),
]


def _allowed(routes: list[Route]) -> list[str]:
    methods: list[str] = []
    for route in routes:
        methods.extend(m for m in route.methods if m not in methods)
    return methods


async def dispatch(request: web.Request) -> web.StreamResponse:
    """Route, authenticate, run: the whole request path of the emulated server."""
    rt = request.app[RUNTIME]
    path = request.path
    if path.rstrip("/") == "":
        return html("<!DOCTYPE html><html><body>Invoice Ninja v4 emulator</body></html>", 200)
    if not (path + "/").startswith(API_PREFIX + "/"):
        return not_found(request)
    relative = path[len(API_PREFIX) :].strip("/")
    found = [(r, m) for r in ROUTES if (m := r.pattern.match(relative))]
    matched = [r for r, _ in found]
    route, params = next(((r, m.groupdict()) for r, m in found if request.method in r.methods), (None, {}))
    if route is None:
        if not matched:
            return not_found(request)
        if request.method == "OPTIONS":
            return web.Response(status=200, headers={"Allow": ",".join(_allowed(matched))})
        return method_not_allowed(request, _allowed(matched))
    inp = await read_input(request)
    try:
        who = await api_check(request, inp, rt, route.auth)
        if route.call is not None and who is not None:
            return await route.call(Call(request, inp, rt, who[0], who[1], params))
        assert route.public is not None
        return await route.public(Public(request, inp, rt, who))
    except (HttpError, ValidationFailed, ServerError) as exc:
        return render_exception(request, inp.has("api_secret"), exc)
    except Exception:
        log.exception("emulator handler crashed on %s %s", request.method, request.path)
        return server_error(request)


async def _background(app: web.Application) -> AsyncIterator[None]:
    """Run background churn while the app is up; flush webhooks when it stops."""
    rt = app[RUNTIME]
    task = asyncio.get_running_loop().create_task(rt.churn.run(rt.registry.accounts[0]))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await rt.webhooks.close()


@web.middleware
async def count_requests(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Count every request that reaches the server, fault-injected or not."""
    request.app[RUNTIME].requests[request.method] += 1
    return await handler(request)


def build_app(rt: Runtime) -> web.Application:
    middlewares = [count_requests, rt.faults.middleware]
    app = web.Application(middlewares=middlewares, client_max_size=32 * 1024 * 1024)
    app[RUNTIME] = rt
    app.router.add_route("*", "/{tail:.*}", dispatch)
    app.cleanup_ctx.append(_background)
    return app
