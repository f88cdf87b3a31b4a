"""Seeded fault injection per route, changeable at runtime, counted for comparison with retries.

Each :class:`Fault` names a kind, the method and path (fnmatch patterns) it applies to, how often
it fires (probability, a maximum number of times) and how many consecutive matching requests a
firing spans (``burst``). Kinds:

- ``error``: a 5xx before the request is handled (500 is Laravel's JSON "Server Error"; other
  codes look like a proxy's HTML error page);
- ``throttle``: the v4 403 JSON string ``"Please wait N second(s)"``;
- ``reset_before``: the connection is dropped before the request is handled (nothing changes);
- ``reset_after``: the request is handled (a POST really creates its record), then the
  connection is dropped without an answer;
- ``truncate``: the real response's headers with its full Content-Length, half the body, close;
- ``malformed``: a PHP notice printed in front of the JSON, as a misconfigured server does;
- ``delay``: the response is held back ``delay`` seconds, then sent normally.
"""

from __future__ import annotations

import asyncio
import fnmatch
import random
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from aiohttp import web

from .responses import API_HEADERS, api_json, plain_json

FaultKind = Literal["error", "throttle", "reset_before", "reset_after", "truncate", "malformed", "delay"]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PHP_NOTICE = (
    b"<br />\n<b>Notice</b>:  Undefined index: id in <b>/var/www/ninja/app/Http/Controllers/"
    b"BaseAPIController.php</b> on line <b>142</b><br />\n"
)


@dataclass
class Fault:
    kind: FaultKind
    method: str = "*"
    path: str = "*"
    probability: float = 1.0
    times: int | None = None
    burst: int = 1
    status: int = 500
    delay: float = 0.0
    wait: int = 1
    fired: int = field(default=0, compare=False)
    _burst_left: int = field(default=0, compare=False, repr=False)

    def matches(self, method: str, path: str) -> bool:
        return fnmatch.fnmatchcase(method.upper(), self.method.upper()) and fnmatch.fnmatchcase(
            path, self.path
        )


@dataclass(frozen=True, slots=True)
class Injected:
    kind: FaultKind
    method: str
    path: str


class FaultInjector:
    """The rule list, its random source, and what it has injected so far."""

    def __init__(self, rules: Iterable[Fault] = (), seed: int = 0) -> None:
        self.rules: list[Fault] = list(rules)
        self.rng = random.Random(seed)
        self.injected: Counter[str] = Counter()
        self.log: list[Injected] = []

    def add(self, *rules: Fault) -> None:
        self.rules.extend(rules)

    def clear(self) -> None:
        self.rules.clear()

    def _fires(self, rule: Fault) -> bool:
        if rule._burst_left > 0:
            rule._burst_left -= 1
            return True
        if rule.times is not None and rule.fired >= rule.times:
            return False
        if rule.probability < 1.0 and self.rng.random() >= rule.probability:
            return False
        rule.fired += 1
        rule._burst_left = rule.burst - 1
        return True

    def pick(self, method: str, path: str) -> Fault | None:
        """The first matching rule that fires for this request, recorded as injected."""
        for rule in self.rules:
            if rule.matches(method, path) and self._fires(rule):
                self.injected[rule.kind] += 1
                self.log.append(Injected(rule.kind, method, path))
                return rule
        return None

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        rule = self.pick(request.method, request.path)
        if rule is None:
            return await handler(request)
        if rule.kind == "delay":
            await asyncio.sleep(rule.delay)
            return await handler(request)
        if rule.kind == "error":
            return _error(rule.status)
        if rule.kind == "throttle":
            return api_json(f"Please wait {rule.wait} second(s)", 403)
        if rule.kind == "reset_before":
            return _drop(request)
        response = await handler(request)
        if rule.kind == "reset_after" or not isinstance(response, web.Response):
            return _drop(request)
        body = bytes(response.body) if isinstance(response.body, bytes | bytearray) else b""
        if rule.kind == "malformed":
            response.body = PHP_NOTICE + body
            return response
        return await _truncate(request, response, body)


def _error(status: int) -> web.Response:
    if status == 500:
        return plain_json({"message": "Server Error"}, 500)
    reason = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Time-out"}.get(status, "Error")
    page = (
        f"<html><head><title>{status} {reason}</title></head><body><h1>{status} {reason}</h1></body></html>"
    )
    return web.Response(status=status, body=page.encode(), headers={"Content-Type": "text/html"})


def _drop(request: web.Request) -> web.Response:
    """Abort the TCP connection; aiohttp then discards whatever is returned."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=204)


async def _truncate(request: web.Request, response: web.Response, body: bytes) -> web.StreamResponse:
    stream = web.StreamResponse(status=response.status, headers=response.headers or API_HEADERS)
    stream.content_length = len(body)
    await stream.prepare(request)
    await stream.write(body[: len(body) // 2])
    if request.transport is not None:
        request.transport.close()
    return stream
