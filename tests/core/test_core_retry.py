"""Retry rules: which failures are re-sent, how long the SDK waits (on a fake clock), the budget."""

from __future__ import annotations

import random

import pytest
from core_support import TOKEN, Script, v4_json

from ninja_async.client import NinjaClient
from ninja_async.clock import FakeClock
from ninja_async.errors import (
    APIConnectionError,
    APITimeoutError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from ninja_async.http import Timeout
from ninja_async.middleware import RetryEvent, RetryPolicy
from ninja_async.transport import MockTransport

OK = v4_json({"data": {"id": 1}})


def lost(sent: bool = True) -> APIConnectionError:
    return APIConnectionError("connection reset by peer", request_sent=sent)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
async def test_transient_statuses_are_retried_for_every_method(
    ninja: NinjaClient, script: Script, status: int, method: str
) -> None:
    script.then(v4_json({"message": "busy"}, status), OK)
    response = await ninja.request(method, "clients/1" if method != "POST" else "clients", json={})
    assert response.status == 200
    assert len(script.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 422])
async def test_client_errors_are_not_retried(ninja: NinjaClient, script: Script, status: int) -> None:
    script.then(v4_json({"message": "no"}, status), OK)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the class is covered by the mapping tests
        await ninja.request("GET", "clients")
    assert len(script.requests) == 1


async def test_connect_failures_are_retried_even_for_post(ninja: NinjaClient, script: Script) -> None:
    script.then(lost(sent=False), lost(sent=False), OK)
    await ninja.request("POST", "invoices", json={"client_id": 1})
    assert len(script.requests) == 3


async def test_post_is_not_resent_after_a_read_error(ninja: NinjaClient, script: Script) -> None:
    script.then(lost(sent=True), OK)
    with pytest.raises(APIConnectionError) as caught:
        await ninja.request("POST", "invoices", json={"client_id": 1})
    assert len(script.requests) == 1
    assert caught.value.outcome_unknown
    assert "outcome unknown" in str(caught.value)


async def test_post_read_timeout_is_not_resent(ninja: NinjaClient, script: Script) -> None:
    script.then(APITimeoutError("read timed out", request_sent=True), OK)
    with pytest.raises(APITimeoutError):
        await ninja.request("POST", "payments", json={"invoice_id": 1, "amount": 5})
    assert len(script.requests) == 1


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_idempotent_methods_are_retried_after_a_read_error(
    ninja: NinjaClient, script: Script, method: str
) -> None:
    script.then(lost(sent=True), OK)
    await ninja.request(method, "clients/1")
    assert len(script.requests) == 2


async def test_throttle_403_is_retried_after_the_wait_it_asks_for(
    ninja: NinjaClient, script: Script, clock: FakeClock
) -> None:
    script.then(v4_json("Please wait 9 second(s)", 403), OK)
    await ninja.request("POST", "clients", json={"name": "x"})  # not processed, so even POST is safe
    assert len(script.requests) == 2
    assert len(clock.sleeps) == 1
    assert 9.0 <= clock.sleeps[0] <= 10.0
    assert ninja.stats.retries_by_kind == {"throttled": 1}


async def test_a_throttle_wait_over_the_cap_is_raised_not_slept(script: Script, clock: FakeClock) -> None:
    script.then(v4_json("Please wait 120 second(s)", 403), OK)
    async with NinjaClient("https://n.example", TOKEN, transport=MockTransport(script), clock=clock) as ninja:
        with pytest.raises(RateLimitError) as caught:
            await ninja.request("GET", "clients")
    assert caught.value.retry_after == 120.0
    assert clock.sleeps == []
    assert len(script.requests) == 1


async def test_a_wait_past_the_deadline_is_raised_not_slept(script: Script, clock: FakeClock) -> None:
    script.then(v4_json("Please wait 20 second(s)", 403), OK)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, timeout=Timeout(deadline=10)
    ) as ninja:
        with pytest.raises(RateLimitError) as caught:
            await ninja.request("GET", "clients")
    assert caught.value.retry_after == 20.0
    assert clock.sleeps == []


async def test_backoff_is_exponential_full_jitter_and_capped(script: Script, clock: FakeClock) -> None:
    policy = RetryPolicy(max_retries=6, backoff_initial=1.0, backoff_max=5.0, budget=None)
    script.then(*[v4_json({"message": "down"}, 503)] * 6, OK)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=policy
    ) as ninja:
        await ninja.request("GET", "clients")
    ceilings = [1.0, 2.0, 4.0, 5.0, 5.0, 5.0]
    assert len(clock.sleeps) == 6
    assert all(0 <= slept <= ceiling for slept, ceiling in zip(clock.sleeps, ceilings, strict=True))
    rng = random.Random(0)
    draws = [policy.backoff(n, rng) for n in range(1, 200)]
    assert max(draws) <= 5.0
    assert len({round(d, 6) for d in draws}) > 100  # jittered, not fixed steps


async def test_gives_up_after_max_retries_with_the_last_error(script: Script, clock: FakeClock) -> None:
    script.default = v4_json({"message": "Server Error"}, 500)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=2
    ) as ninja:
        with pytest.raises(ServerError) as caught:
            await ninja.request("GET", "clients")
    assert len(script.requests) == 3
    assert any("Gave up after 2 retries" in note for note in caught.value.__notes__)


async def test_retries_can_be_turned_off(script: Script, clock: FakeClock) -> None:
    script.then(v4_json({"message": "Server Error"}, 500), OK)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=0
    ) as ninja:
        with pytest.raises(ServerError):
            await ninja.request("GET", "clients")
    assert len(script.requests) == 1


async def test_retry_budget_stops_retrying_during_an_outage(script: Script, clock: FakeClock) -> None:
    # 20 tokens pay for 4 retries (5 each); after that, failures are raised at once.
    script.default = v4_json({"message": "Server Error"}, 503)
    policy = RetryPolicy(max_retries=3, budget=20)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=policy
    ) as ninja:
        for _ in range(3):
            with pytest.raises(ServerError):
                await ninja.request("GET", "clients")
    assert ninja.stats.retries == 4
    assert len(script.requests) == 3 + 4


async def test_successes_refill_the_budget(script: Script, clock: FakeClock) -> None:
    policy = RetryPolicy(max_retries=1, budget=5)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=policy
    ) as ninja:
        script.then(v4_json({}, 503), OK)
        await ninja.request("GET", "clients")  # spends the 5 tokens, then refunds 1
        for _ in range(4):
            await ninja.request("GET", "clients")  # refunds back to 5
        script.then(v4_json({}, 503), OK)
        await ninja.request("GET", "clients")
    assert ninja.stats.retries == 2


async def test_throttle_retries_do_not_spend_the_budget(script: Script, clock: FakeClock) -> None:
    policy = RetryPolicy(max_retries=5, budget=0)
    script.then(*[v4_json("Please wait 1 second(s)", 403)] * 3, OK)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, retry=policy
    ) as ninja:
        await ninja.request("GET", "clients")
    assert ninja.stats.retries == 3


async def test_retry_hook_reports_each_retry(script: Script, clock: FakeClock) -> None:
    events: list[RetryEvent] = []

    async def on_retry(event: RetryEvent) -> None:
        events.append(event)

    script.then(v4_json({}, 502), lost(sent=False), OK)
    async with NinjaClient(
        "https://n.example", TOKEN, transport=MockTransport(script), clock=clock, hooks={"retry": [on_retry]}
    ) as ninja:
        await ninja.request("GET", "clients")
    assert [e.retry_number for e in events] == [1, 2]
    assert [type(e.error).__name__ for e in events] == ["ServerError", "APIConnectionError"]
    assert [e.delay for e in events] == clock.sleeps


async def test_deadline_bounds_the_whole_call(script: Script, clock: FakeClock) -> None:
    script.default = v4_json({}, 503)
    policy = RetryPolicy(max_retries=100, backoff_initial=4.0, backoff_max=4.0, budget=None)
    async with NinjaClient(
        "https://n.example",
        TOKEN,
        transport=MockTransport(script),
        clock=clock,
        retry=policy,
        timeout=Timeout(deadline=30),
    ) as ninja:
        started = clock.now
        with pytest.raises(ServerError) as caught:
            await ninja.request("GET", "clients")
    assert clock.now - started < 30
    assert any("deadline" in note for note in caught.value.__notes__)


async def test_validation_redirect_is_not_followed_or_retried(ninja: NinjaClient, script: Script) -> None:
    from ninja_async.http import Response

    script.then(Response(302, headers={"Location": "https://n.example/"}, content=b""))
    with pytest.raises(ValidationError):
        await ninja.request("POST", "invoices", json={})
    assert len(script.requests) == 1


async def test_not_found_is_raised_at_once(ninja: NinjaClient, script: Script) -> None:
    script.then(v4_json({"message": "record does not exist"}, 404))
    with pytest.raises(NotFoundError, match="record does not exist"):
        await ninja.request("GET", "clients/999")
