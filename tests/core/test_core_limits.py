"""Concurrency bound, client-side throttle, the version guard, how layers are bound."""

from __future__ import annotations

import asyncio

import pytest
from core_support import TOKEN, Script, v4_json

from ninja_async.client import NinjaClient
from ninja_async.clock import FakeClock
from ninja_async.errors import RateLimitError, UnsupportedServerError
from ninja_async.http import Request, Response, Timeout
from ninja_async.middleware import LeakyBucket
from ninja_async.middleware.base import Handler, Layer, build_chain
from ninja_async.middleware.limits import ConcurrencyLimit
from ninja_async.transport import MockTransport


async def test_one_thousand_callers_share_the_bound() -> None:
    in_flight = 0
    peak = 0
    gate = asyncio.Event()

    async def handler(request: Request) -> Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await gate.wait()
        in_flight -= 1
        return v4_json({"data": {"id": 1}})

    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(handler), max_concurrency=32
    ) as ninja:
        tasks = [asyncio.create_task(ninja.request("GET", "clients/1")) for _ in range(1000)]
        for _ in range(5):
            await asyncio.sleep(0)
        assert in_flight == 32
        gate.set()
        results = await asyncio.gather(*tasks)
        assert ninja.peak_connections_in_use == 32
        assert ninja.connections_in_use == 0
    assert len(results) == 1000
    assert peak == 32


async def test_queueing_for_a_slot_does_not_count_against_the_deadline(clock: FakeClock) -> None:
    release = asyncio.Event()
    seen_deadlines: list[float | None] = []

    async def handler(request: Request) -> Response:
        seen_deadlines.append(request.call_deadline)
        if len(seen_deadlines) == 1:
            await release.wait()
        return v4_json({"data": {"id": 1}})

    async with NinjaClient(
        "https://n.example",
        TOKEN,
        transport=MockTransport(handler),
        max_concurrency=1,
        clock=clock,
        timeout=Timeout(deadline=5),
    ) as ninja:
        first = asyncio.create_task(ninja.request("GET", "clients/1"))
        await asyncio.sleep(0)
        second = asyncio.create_task(ninja.request("GET", "clients/2"))
        await asyncio.sleep(0)
        clock.advance(60)  # the second call waits a minute in the queue, far past its 5 s deadline
        release.set()
        await asyncio.gather(first, second)
    assert seen_deadlines[1] is not None and seen_deadlines[0] is not None
    assert seen_deadlines[1] - seen_deadlines[0] >= 60


def _gated_limit() -> tuple[ConcurrencyLimit, list[str], dict[str, asyncio.Event]]:
    """A limit of one slot; each call notes its start, then waits for its own gate."""
    return ConcurrencyLimit(1, FakeClock()), [], {}


async def _call(
    limit: ConcurrencyLimit, name: str, started: list[str], gates: dict[str, asyncio.Event]
) -> str:
    async def send(request: Request) -> Response:
        started.append(name)
        await gates.setdefault(name, asyncio.Event()).wait()
        return Response(200, content=b"{}", request=request)

    await limit(Request("GET", f"https://n.example/api/v1/{name}"), send)
    return name


async def test_a_freed_slot_goes_to_the_oldest_waiter_not_a_newcomer() -> None:
    limit, started, gates = _gated_limit()
    first = asyncio.create_task(_call(limit, "first", started, gates))
    await asyncio.sleep(0)
    queued = [asyncio.create_task(_call(limit, name, started, gates)) for name in ("second", "third")]
    await asyncio.sleep(0)
    assert started == ["first"] and limit.in_use == 1
    gates["first"].set()
    await first
    late = asyncio.create_task(_call(limit, "late", started, gates))  # arrives as the slot is handed over
    for _ in range(3):
        await asyncio.sleep(0)
    assert started == ["first", "second"]
    for name in ("second", "third", "late"):
        gates.setdefault(name, asyncio.Event()).set()
    assert await asyncio.gather(*queued, late) == ["second", "third", "late"]
    assert started == ["first", "second", "third", "late"]
    assert (limit.in_use, limit.peak_in_use) == (0, 1)


async def test_a_cancelled_waiter_leaves_the_queue_and_a_handed_slot_is_passed_on() -> None:
    limit, started, gates = _gated_limit()
    tasks: dict[str, asyncio.Task[str]] = {}

    async def holder_send(request: Request) -> Response:
        await gates.setdefault("holder", asyncio.Event()).wait()
        # Cancel the next waiter in the same loop turn as this call hands it the slot, before it runs.
        asyncio.get_running_loop().call_soon(tasks["handed"].cancel)
        return Response(200, content=b"{}", request=request)

    holder = asyncio.create_task(limit(Request("GET", "https://n.example/api/v1/holder"), holder_send))
    await asyncio.sleep(0)
    for name in ("gone", "handed", "last"):
        tasks[name] = asyncio.create_task(_call(limit, name, started, gates))
    await asyncio.sleep(0)
    tasks["gone"].cancel()  # cancelled while queued: it must not take a slot later
    await asyncio.sleep(0)
    gates["holder"].set()
    await holder
    for _ in range(3):
        await asyncio.sleep(0)
    assert started == ["last"]  # "handed" was given the slot, was cancelled, and passed it on
    gates["last"].set()
    assert await tasks["last"] == "last"
    for name in ("gone", "handed"):
        with pytest.raises(asyncio.CancelledError):
            await tasks[name]
    assert limit.in_use == 0
    gates["after"] = asyncio.Event()
    gates["after"].set()
    assert await asyncio.wait_for(_call(limit, "after", started, gates), 1) == "after"  # the slot is free


def test_leaky_bucket_matches_the_server_arithmetic() -> None:
    bucket = LeakyBucket(limit=10, period=36.0, margin=0.0)  # 3.6 s per request, like 1000/hour
    waits = [bucket.reserve(now=0.0) for _ in range(12)]
    assert waits[:10] == [0.0] * 10  # a full bucket's worth goes out at once
    assert waits[10] == pytest.approx(3.6)
    assert waits[11] == pytest.approx(7.2)
    assert bucket.reserve(now=100.0) == 0.0  # drained


def test_leaky_bucket_backs_off_after_a_server_rejection() -> None:
    bucket = LeakyBucket(limit=10, period=36.0)
    bucket.penalize(now=0.0, retry_after=5.0)
    assert bucket.reserve(now=0.0) > 5.0


async def test_client_side_throttle_spaces_requests(script: Script, clock: FakeClock) -> None:
    bucket = LeakyBucket(limit=4, period=4.0, margin=0.0)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, throttle=bucket
    ) as ninja:
        for _ in range(8):
            await ninja.request("GET", "clients")
    assert sum(clock.sleeps) == pytest.approx(4.0)
    assert len(script.requests) == 8


async def test_throttle_true_uses_the_hosted_allowance(script: Script, clock: FakeClock) -> None:
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, throttle=True
    ) as ninja:
        await ninja.request("GET", "clients")
    assert clock.sleeps == []


async def test_actions_are_refused_to_a_v5_server(script: Script) -> None:
    v5 = Response(200, headers={"X-App-Version": "5.8.1", "X-Api-Version": "5.8.1"}, content=b"{}")
    script.default = v5
    async with NinjaClient("https://n.example", TOKEN, transport=MockTransport(script)) as ninja:
        await ninja.request("GET", "clients")
        with pytest.raises(UnsupportedServerError, match="not Invoice Ninja v4"):
            await ninja.request("PUT", "invoices/1", params={"action": "archive"})
    assert [r.method for r in script.requests] == ["GET"]


async def test_an_unknown_server_is_probed_with_ping_before_an_action(script: Script) -> None:
    script.then(Response(200, headers={"X-Ninja-Version": "4.5.50"}, content=b"success"))
    async with NinjaClient("https://n.example", TOKEN, transport=MockTransport(script)) as ninja:
        await ninja.request("PUT", "invoices/1", params={"action": "archive"})
        assert ninja.server_version == "4.5.50"
    assert [(r.method, r.url.rsplit("/", 1)[-1]) for r in script.requests] == [
        ("GET", "ping"),
        ("PUT", "1?action=archive"),
    ]
    assert script.requests[0].headers["X-Ninja-Token"] == TOKEN


async def test_a_server_without_version_header_gets_no_action(script: Script) -> None:
    script.default = Response(200, content=b"success")
    async with NinjaClient("https://n.example", TOKEN, transport=MockTransport(script)) as ninja:
        with pytest.raises(UnsupportedServerError, match="no X-Ninja-Version"):
            await ninja.request("PUT", "clients/1", json={"action": "delete"})
    assert [r.method for r in script.requests] == ["GET"]


async def test_responses_without_version_header_do_not_forget_v4(script: Script) -> None:
    script.then(
        v4_json({"data": {"id": 1}}),
        Response(201, headers={"Content-Type": "application/json"}, content=b'{"id":3}'),
    )
    async with NinjaClient("https://n.example", TOKEN, transport=MockTransport(script)) as ninja:
        await ninja.request("GET", "clients/1")
        await ninja.request("POST", "hooks", json={"event": "create_client", "target_url": "https://x"})
        await ninja.request("PUT", "clients/1", params={"action": "archive"})
    assert len(script.requests) == 3


async def test_server_throttle_feeds_the_client_bucket(script: Script, clock: FakeClock) -> None:
    bucket = LeakyBucket(limit=1000, period=3600.0)
    script.then(v4_json("Please wait 30 second(s)", 403), v4_json({"data": {"id": 1}}))
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, throttle=bucket
    ) as ninja:
        await ninja.request("GET", "clients/1")
    assert bucket.reserve(clock.monotonic()) > 0


async def test_rate_limit_error_surfaces_when_retries_are_off(script: Script, clock: FakeClock) -> None:
    script.then(v4_json("Please wait 2 second(s)", 403))
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=0
    ) as ninja:
        with pytest.raises(RateLimitError) as caught:
            await ninja.request("GET", "clients")
    assert caught.value.retry_after == 2.0


async def test_a_layer_works_bound_in_a_chain_and_called_as_a_middleware() -> None:
    class Tag(Layer):
        __slots__ = ("name",)

        def __init__(self, name: str) -> None:
            self.name = name

        async def handle(self, call_next: Handler, request: Request) -> Response:
            request.headers["X-Path"] = request.headers.get("X-Path", "") + self.name
            return await call_next(request)

    async def send(request: Request) -> Response:
        return Response(200, headers={"X-Seen": request.headers["X-Path"]}, request=request)

    chain = build_chain([Tag("a"), Tag("b")], send)
    response = await chain(Request("GET", "https://n.example/api/v1/ping"))
    assert response.headers["X-Seen"] == "ab"  # outermost first
    direct = await Tag("c")(Request("GET", "https://n.example/api/v1/ping"), send)
    assert direct.headers["X-Seen"] == "c"
