"""Hooks and logging see every attempt; the token appears in no log line, repr or error message."""

from __future__ import annotations

import logging

import pytest
from core_support import TOKEN, Script, v4_json

from ninja_async.client import NinjaClient
from ninja_async.clock import FakeClock
from ninja_async.errors import APIConnectionError, APIError
from ninja_async.http import Request, Response
from ninja_async.transport import MockTransport


async def test_request_and_response_hooks_see_each_attempt(script: Script, clock: FakeClock) -> None:
    seen: list[str] = []

    def on_request(request: Request) -> None:
        seen.append(f"> {request.method}")

    async def on_response(response: Response) -> None:
        seen.append(f"< {response.status}")

    script.then(v4_json({}, 503), v4_json({"data": {"id": 1}}))
    async with NinjaClient(
        "https://n.example",
        TOKEN,
        transport=MockTransport(script),
        clock=clock,
        hooks={"request": [on_request], "response": [on_response]},
    ) as ninja:
        await ninja.request("GET", "clients/1")
    assert seen == ["> GET", "< 503", "> GET", "< 200"]


async def test_the_token_never_leaks(
    script: Script, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="ninja_async")
    script.then(
        v4_json({}, 503),
        APIConnectionError("connection reset", request_sent=False),
        v4_json({"error": {"message": "Invalid token"}}, 403),
    )
    texts: list[str] = []
    async with NinjaClient("https://n.example", TOKEN, transport=MockTransport(script), clock=clock) as ninja:
        texts.append(repr(ninja))
        with pytest.raises(APIError) as caught:
            await ninja.request("GET", "clients")
        error = caught.value
        texts += [
            str(error),
            repr(error),
            repr(error.request),
            repr(vars(error)),
            *getattr(error, "__notes__", []),
        ]
        texts += [repr(request) for request in script.requests]
        texts += [repr(request.headers) for request in script.requests]
        texts += [repr(dict(request.headers)) for request in script.requests]
    texts += [record.getMessage() for record in caplog.records]
    assert any("GET https://n.example/api/v1/clients" in text for text in texts)  # the capture works
    assert len(caplog.records) >= 3
    for text in texts:
        assert TOKEN not in text


async def test_debug_logging_is_silent_when_disabled(
    ninja: NinjaClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="ninja_async")
    await ninja.request("GET", "clients")
    assert caplog.records == []
