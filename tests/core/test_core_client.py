"""NinjaClient: URLs, headers, lifecycle, the raw request API."""

from __future__ import annotations

import gc
import warnings

import pytest
from core_support import TOKEN, Script, v4_json

from ninja_async.client import NinjaClient
from ninja_async.errors import ClientClosedError
from ninja_async.http import Headers
from ninja_async.transport import MockTransport


@pytest.mark.parametrize(
    "base_url",
    [
        "https://ninja.example.com",
        "https://ninja.example.com/",
        "https://ninja.example.com/api/v1",
        "https://ninja.example.com/api/v1/",
    ],
)
async def test_base_url_with_or_without_api_prefix(base_url: str, script: Script) -> None:
    async with NinjaClient(base_url, TOKEN, transport=MockTransport(script)) as ninja:
        await ninja.request("GET", "clients")
    assert script.requests[0].url == "https://ninja.example.com/api/v1/clients"


def test_headers_get_ignores_case_and_plain_keeps_the_names_sent() -> None:
    headers = Headers({"X-Ninja-Version": "4.5.50", "content-type": "application/json"})
    assert headers.get("x-ninja-VERSION") == "4.5.50"
    assert headers.get("X-Missing") is None
    assert headers.get("X-Missing", "") == ""
    headers["Content-Type"] = "text/csv"  # replaces the lower-case one, under the caller's spelling
    assert headers.plain() == {"X-Ninja-Version": "4.5.50", "Content-Type": "text/csv"}


async def test_self_hosted_subpath_is_kept(script: Script) -> None:
    async with NinjaClient("https://example.org/ninja/", TOKEN, transport=MockTransport(script)) as ninja:
        await ninja.request("GET", "ping")
    assert script.requests[0].url == "https://example.org/ninja/api/v1/ping"


async def test_every_request_carries_auth_and_json_headers(ninja: NinjaClient, script: Script) -> None:
    await ninja.request("GET", "clients")
    headers = script.requests[0].headers
    assert headers["X-Ninja-Token"] == TOKEN
    assert headers["Accept"] == "application/json"
    assert headers["X-Requested-With"] == "XMLHttpRequest"
    assert headers["User-Agent"].startswith("ninja-async/")


async def test_json_body_and_query_encoding(ninja: NinjaClient, script: Script) -> None:
    await ninja.request(
        "POST",
        "invoices",
        params={"include": ["client", "payments"], "is_recurring": False, "x": None},
        json={"client_id": 1},
    )
    request = script.requests[0]
    assert request.url.endswith("/invoices?include=client,payments&is_recurring=0")
    assert request.content == b'{"client_id":1}'
    assert request.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", ["1/../users", "../secrets", "//evil.example/x", "clients/1?x=1", "a b", ""])
async def test_unsafe_paths_are_refused_before_sending(ninja: NinjaClient, script: Script, path: str) -> None:
    with pytest.raises(ValueError, match="unsafe API path"):
        await ninja.request("GET", path)
    assert script.requests == []


def test_construction_needs_no_event_loop() -> None:
    client = NinjaClient("https://ninja.example.com", TOKEN)
    assert client.api_url == "https://ninja.example.com/api/v1"
    client._closed = True  # nothing was opened; skip the unclosed warning


async def test_closing_twice_is_fine_and_use_after_close_is_an_error(script: Script) -> None:
    ninja = NinjaClient("https://ninja.example.com", TOKEN, transport=MockTransport(script))
    await ninja.aclose()
    await ninja.aclose()
    assert ninja.closed
    with pytest.raises(ClientClosedError):
        await ninja.request("GET", "ping")
    with pytest.raises(ClientClosedError):
        await ninja.__aenter__()


def test_unclosed_client_warns_without_io() -> None:
    client = NinjaClient("https://ninja.example.com", TOKEN, transport=MockTransport(Script()))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del client
        gc.collect()
    assert any(issubclass(w.category, ResourceWarning) and "unclosed" in str(w.message) for w in caught)


@pytest.mark.parametrize("url", ["http://invoices.example.com", "http://10.0.0.5:8000"])
def test_plain_http_to_a_remote_host_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="clear text"):
        NinjaClient(url, TOKEN)


async def test_plain_http_allowed_for_loopback_or_when_asked(script: Script) -> None:
    for url, kwargs in [
        ("http://127.0.0.1:8000", {}),
        ("http://localhost", {}),
        ("http://lan.host", {"allow_insecure": True}),
    ]:
        async with NinjaClient(url, TOKEN, transport=MockTransport(script), **kwargs) as ninja:
            assert ninja.api_url.startswith("http://")


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_empty_token_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="token"):
        NinjaClient("https://ninja.example.com", bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["ftp://x", "not a url", "https://", "https://h/api/v1?x=1"])
def test_bad_base_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        NinjaClient(url, TOKEN)


async def test_caller_headers_win_over_defaults(ninja: NinjaClient, script: Script) -> None:
    await ninja.request("GET", "ping", headers={"Accept": "text/plain"})
    assert script.requests[0].headers["Accept"] == "text/plain"
    assert script.requests[0].headers["X-Ninja-Token"] == TOKEN


async def test_streamed_response_holds_a_slot_until_closed(ninja: NinjaClient, script: Script) -> None:
    script.then(v4_json({"data": "x" * 10000}))
    response = await ninja.request("GET", "download/1", stream=True)
    assert ninja.connections_in_use == 1
    body = await response.aread()
    assert body.startswith(b'{"data":"xxx')
    assert ninja.connections_in_use == 0


async def test_user_middleware_runs_once_per_call_around_retries(script: Script) -> None:
    from ninja_async.clock import FakeClock
    from ninja_async.http import Request, Response
    from ninja_async.middleware import Handler

    calls: list[str] = []

    async def tagging(request: Request, call_next: Handler) -> Response:
        request.headers["X-Trace"] = "abc"
        calls.append(request.method)
        return await call_next(request)

    script.then(v4_json({}, 503), v4_json({"data": {"id": 1}}))
    async with NinjaClient(
        "https://ninja.example.com",
        TOKEN,
        transport=MockTransport(script),
        clock=FakeClock(),
        middleware=[tagging],
    ) as ninja:
        await ninja.request("GET", "clients/1")
    assert calls == ["GET"]
    assert [r.headers["X-Trace"] for r in script.requests] == ["abc", "abc"]


async def test_a_plain_function_middleware_passes_the_call_through(script: Script) -> None:
    # A layer that only prepares the request may return call_next(request) without awaiting it.
    from collections.abc import Awaitable

    from ninja_async.http import Request, Response
    from ninja_async.middleware import Handler

    def stamping(request: Request, call_next: Handler) -> Awaitable[Response]:
        request.headers["X-Stamp"] = "1"
        return call_next(request)

    script.then(v4_json({"data": {"id": 1}}))
    async with NinjaClient(
        "https://ninja.example.com", TOKEN, transport=MockTransport(script), middleware=[stamping]
    ) as ninja:
        response = await ninja.request("GET", "clients/1")
    assert response.status == 200
    assert script.requests[0].headers["X-Stamp"] == "1"


def test_a_client_can_serve_two_event_loops_in_turn() -> None:
    import asyncio

    from ninja_async.testing import NinjaEmulator

    ninja = NinjaClient("http://127.0.0.1:1", TOKEN)  # no loop here; real transport, created lazily

    async def ping_once() -> bool:
        async with NinjaEmulator(error_delay=0) as emu:
            ninja.api_url = emu.api_url
            return await ninja.ping()

    assert asyncio.run(ping_once())
    assert asyncio.run(ping_once())  # a new loop: the dead loop's session is replaced, not reused
    asyncio.run(ninja.aclose())
