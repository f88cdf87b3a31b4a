"""The hosted leaky bucket of spec §2, on a 3.6-second hour and a frozen clock."""

from __future__ import annotations

import pytest
from emulator_support import TOKEN_HEADERS, Api

from ninja_async.testing import Clock, NinjaEmulator, Throttle


def test_bucket_algorithm() -> None:
    clock = Clock(start=0, frozen=True)
    throttle = Throttle(clock, hour_seconds=3.6, limit=4)  # each request costs 0.9 s
    results = [throttle.check("a") for _ in range(6)]
    # first free, then 0.9, 1.8, 2.7, 3.6 (not over the hour), then 4.5 → wait ceil(0.9) = 1
    assert results == [None, None, None, None, None, 1]
    assert throttle.level("a") == pytest.approx(3.6)
    assert throttle.check("a") == 1
    assert throttle.level("a") == pytest.approx(3.6)
    assert throttle.check("b") is None
    clock.advance(0.9)
    assert throttle.check("a") is None
    assert (throttle.accepted, throttle.throttled) == (7, 2)


def test_wait_is_rounded_up() -> None:
    clock = Clock(start=0, frozen=True)
    throttle = Throttle(clock, hour_seconds=3600.0, limit=2)  # 1800 s per request
    assert [throttle.check("k") for _ in range(4)] == [None, None, None, 1800]
    clock.advance(100.5)
    assert throttle.check("k") == 1700


@pytest.fixture
def hosted(emu: NinjaEmulator) -> NinjaEmulator:
    emu.settings.hosted = True
    emu.throttle.hour_seconds = 3.6
    emu.throttle.limit = 5
    return emu


async def test_throttled_request_is_403_string(api: Api, hosted: NinjaEmulator) -> None:
    for _ in range(6):
        assert (await api.call("GET", "/ping"))[0] == 200
    status, body, headers = await api.call("GET", "/clients")
    assert (status, body) == (403, "Please wait 1 second(s)")
    assert headers["X-Ninja-Version"] == "4.5.50"
    assert not any(h.lower().startswith(("x-ratelimit", "retry-after")) for h in headers)
    assert (hosted.throttle.accepted, hosted.throttle.throttled) == (6, 1)
    hosted.clock.advance(0.72)
    assert (await api.call("GET", "/clients"))[0] == 200


async def test_self_host_is_not_throttled_except_login(api: Api, emu: NinjaEmulator) -> None:
    emu.throttle.hour_seconds = 3.6
    emu.throttle.limit = 1
    for _ in range(5):
        assert (await api.call("GET", "/ping"))[0] == 200
    body = {"email": "owner@example.com", "password": "password"}
    assert (await api.call("POST", "/login", body, headers={}))[0] == 200
    assert (await api.call("POST", "/login", body, headers={}))[0] == 200
    status, message, _ = await api.call("POST", "/login", body, headers={})
    assert (status, message) == (403, "Please wait 4 second(s)")


async def test_pro_plan_check_when_hosted(api: Api, hosted: NinjaEmulator) -> None:
    hosted.settings.pro_plan = False
    status, body, _ = await api.call("GET", "/clients")
    assert (status, body) == (403, {"error": {"message": "API requires pro plan"}})
    headers = {**TOKEN_HEADERS, "User-Agent": "Invoice Ninja (dart:io)"}
    assert (await api.call("GET", "/clients", headers=headers))[0] == 200
