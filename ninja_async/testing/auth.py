"""`ApiCheck` (spec §2): the token, the API secret, the pro-plan check and the hosted throttle.

Failures sleep like v4 before answering: ``error_delay`` seconds (3 on the real server) for a bad
token or secret, and one second times the throttle's time scale for a throttled request.
"""

from __future__ import annotations

import asyncio
import hmac
from typing import Literal

from aiohttp import web

from .errors import HttpError
from .inputs import Input
from .responses import api_json
from .runtime import Runtime
from .store import Account, Row

Auth = Literal["token", "login", "ping"]


def has_api_secret(request: web.Request, inp: Input, rt: Runtime) -> bool:
    """With `API_SECRET` set the request must carry it; without, self-host trusts everyone."""
    expected = rt.settings.api_secret
    if not expected:
        return not rt.settings.hosted
    given = request.headers.get("X-Ninja-Secret") or inp.text("api_secret")
    return hmac.compare_digest(given.encode(), expected.encode())


async def _deny(rt: Runtime, message: str) -> HttpError:
    await asyncio.sleep(rt.settings.error_delay)
    return HttpError(api_json({"error": {"message": message}}, 403))


async def api_check(request: web.Request, inp: Input, rt: Runtime, auth: Auth) -> tuple[Account, Row] | None:
    """The authenticated account and user (None on login routes and secret-only pings)."""
    secret_ok = has_api_secret(request, inp, rt)
    who: tuple[Account, Row] | None = None
    if auth == "login":
        if not secret_ok:
            raise await _deny(rt, "Invalid value for API_SECRET")
    else:
        who = rt.registry.lookup(request.headers.get("X-Ninja-Token", ""))
        if who is None:
            if secret_ok and auth == "ping":
                return None
            raise await _deny(rt, "Invalid token")
    if not rt.settings.hosted and auth != "login":
        return who
    user_agent = request.headers.get("User-Agent", "")
    if rt.settings.hosted and not rt.settings.pro_plan and not secret_ok and "(dart:io)" not in user_agent:
        raise HttpError(api_json({"error": {"message": "API requires pro plan"}}, 403))
    key = f"account:{who[0].id}" if who else f"ip:{request.remote}"
    wait = rt.throttle.check(key)
    if wait is not None:
        await asyncio.sleep(rt.throttle.scale)
        raise HttpError(api_json(f"Please wait {wait} second(s)", 403))
    return who
