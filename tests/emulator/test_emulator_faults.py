"""Each injected fault kind, counted, and what it does (or does not do) to the state."""

from __future__ import annotations

import time

import aiohttp
import orjson
import pytest
from emulator_support import TOKEN_HEADERS, Api

from ninja_async.testing import Fault, FaultInjector, NinjaEmulator


async def test_error_burst_then_recovery(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("error", method="GET", path="/api/v1/clients", burst=3, times=1))
    answers = [(await api.call("GET", "/clients"))[:2] for _ in range(5)]
    assert answers[:3] == [(500, {"message": "Server Error"})] * 3
    assert [status for status, _ in answers[3:]] == [200, 200]
    assert emu.faults.injected["error"] == 3
    assert (await api.call("GET", "/clients/1"))[0] == 200


async def test_gateway_errors_and_throttle_bodies(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("error", path="/api/v1/products", status=503, times=1))
    emu.faults.add(Fault("throttle", path="/api/v1/products", wait=7, times=1))
    status, _, headers = await api.call("GET", "/products")
    assert status == 503
    assert headers["Content-Type"] == "text/html"
    assert (await api.call("GET", "/products"))[:2] == (403, "Please wait 7 second(s)")
    assert (await api.call("GET", "/products"))[0] == 200


async def test_reset_before_changes_nothing(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("reset_before", method="POST", path="/api/v1/clients", times=1))
    before = len(emu.state.clients)
    with pytest.raises(aiohttp.ClientConnectionError):
        await api.call("POST", "/clients", {"name": "lost"})
    assert len(emu.state.clients) == before
    assert emu.faults.injected["reset_before"] == 1


async def test_reset_after_still_creates_the_record(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("reset_after", method="POST", path="/api/v1/clients", times=1))
    before = len(emu.state.clients)
    with pytest.raises(aiohttp.ClientConnectionError):
        await api.call("POST", "/clients", {"name": "made it"})
    assert len(emu.state.clients) == before + 1
    assert max(emu.state.clients, key=lambda c: c.public_id).f["name"] == "made it"


async def test_truncated_body(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("truncate", path="/api/v1/invoices*", times=1))
    async with api.client.get("/api/v1/invoices", headers=TOKEN_HEADERS) as reply:
        assert reply.status == 200
        declared = int(reply.headers["Content-Length"])
        with pytest.raises(aiohttp.ClientPayloadError):
            await reply.read()
    assert declared > 0


async def test_malformed_json(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("malformed", path="/api/v1/clients/*", times=1))
    status, body, _ = await api.call("GET", "/clients/1")
    assert status == 200
    assert isinstance(body, bytes)
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(body)
    assert body.startswith(b"<br />")


async def test_delay_holds_the_answer(api: Api, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("delay", path="/api/v1/ping", delay=0.05, times=1))
    started = time.monotonic()
    assert (await api.call("GET", "/ping"))[0] == 200
    assert time.monotonic() - started >= 0.05


async def test_probability_is_seeded_and_rules_change_at_runtime(api: Api, emu: NinjaEmulator) -> None:
    def pattern(seed: int) -> list[bool]:
        injector = FaultInjector([Fault("error", probability=0.5)], seed=seed)
        return [injector.pick("GET", "/x") is not None for _ in range(40)]

    assert pattern(5) == pattern(5)
    assert 0 < sum(pattern(5)) < 40
    emu.faults.add(Fault("error", probability=0.5, path="/api/v1/tax_rates"))
    statuses = [(await api.call("GET", "/tax_rates"))[0] for _ in range(20)]
    assert statuses.count(500) == emu.faults.injected["error"]
    emu.faults.clear()
    assert (await api.call("GET", "/tax_rates"))[0] == 200
    assert [e.path for e in emu.faults.log] == ["/api/v1/tax_rates"] * statuses.count(500)


async def test_faults_from_the_constructor_over_a_real_socket() -> None:
    fault = Fault("error", method="GET", path="/api/v1/ping", times=2)
    statuses = []
    emulator = NinjaEmulator(clients=1, invoices=1, error_delay=0, faults=[fault])
    async with emulator as emu, aiohttp.ClientSession() as session:
        for _ in range(3):
            async with session.get(emu.api_url + "/ping", headers=TOKEN_HEADERS) as reply:
                statuses.append(reply.status)
    assert statuses == [500, 500, 200]
    assert fault.fired == 2
    assert emulator.request_count == 3
