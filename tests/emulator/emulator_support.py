"""Helpers shared by the emulator's tests: token headers and a small JSON API caller."""

from __future__ import annotations

from typing import Any

import orjson
from aiohttp.test_utils import TestClient

from ninja_async.testing import DEFAULT_TOKEN, NinjaEmulator

TOKEN_HEADERS = {"X-Ninja-Token": DEFAULT_TOKEN}
JSON_ERRORS = {**TOKEN_HEADERS, "X-Requested-With": "XMLHttpRequest"}


class Api:
    """Requests with the token header; answers as (status, parsed JSON or raw bytes, headers)."""

    def __init__(self, client: TestClient[Any, Any], emu: NinjaEmulator) -> None:
        self.client = client
        self.emu = emu

    async def call(self, method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any, Any]:
        headers = {**TOKEN_HEADERS, **kwargs.pop("headers", {})}
        if body is not None:
            kwargs["json"] = body
        async with self.client.request(
            method, "/api/v1" + path, headers=headers, allow_redirects=False, **kwargs
        ) as r:
            raw = await r.read()
            try:
                parsed: Any = orjson.loads(raw)
            except orjson.JSONDecodeError:
                parsed = raw
            return r.status, parsed, r.headers

    async def ok(self, method: str, path: str, body: Any = None, **kwargs: Any) -> Any:
        """The `data` of a 200 answer (anything else fails the test)."""
        status, parsed, _ = await self.call(method, path, body, **kwargs)
        assert status == 200, parsed
        return parsed["data"]
