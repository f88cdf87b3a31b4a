"""Hook subscriptions and real webhook deliveries to a local receiver."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from emulator_support import TOKEN_HEADERS, Api

from ninja_async.testing import NinjaEmulator


class Receiver:
    """A webhook endpoint that records bodies; `/gone` answers 410 like a retired endpoint."""

    def __init__(self) -> None:
        self.received: list[tuple[str, Any]] = []
        self.secrets: list[str | None] = []
        self.app = web.Application()
        self.app.router.add_post("/hook", self.hook)
        self.app.router.add_post("/gone", self.gone)

    async def hook(self, request: web.Request) -> web.Response:
        self.secrets.append(request.query.get("secret"))
        self.received.append((request.headers["Content-Type"], await request.json()))
        return web.Response(status=200)

    async def gone(self, request: web.Request) -> web.Response:
        return web.Response(status=410)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    target = Receiver()
    server = TestServer(target.app)
    await server.start_server()
    yield target, str(server.make_url(""))
    await server.close()


async def test_delivery_of_entity_without_wrapper(
    api: Api, emu: NinjaEmulator, receiver: tuple[Receiver, str]
) -> None:
    target, url = receiver
    for event in ("create_client", "create_invoice", "create_payment"):
        status, _, headers = await api.call("POST", "/hooks", {"event": event, "target_url": url + "/hook"})
        assert status == 201
        assert "X-Ninja-Version" not in headers
    client = await api.ok("POST", "/clients", {"name": "Hooked"})
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": client["id"], "paid": 1, "invoice_items": [{"cost": 3}]}
    )
    await emu.webhooks.drain()
    assert all(content_type == "application/json" for content_type, _ in target.received)
    client_body = next(p for _, p in target.received if p.get("name") == "Hooked")
    assert "data" not in client_body
    assert "client_name" not in client_body
    invoice_body = next(
        p for _, p in target.received if p.get("invoice_status_id") and p["id"] == invoice["id"]
    )
    assert invoice_body["client"]["id"] == client["id"]
    assert invoice_body["client_name"] == "Hooked"
    payment_body = next(p for _, p in target.received if "payment_type_id" in p)
    assert (payment_body["invoice"]["id"], payment_body["client_name"]) == (invoice["id"], "Hooked")
    assert len(target.received) == 3
    assert [d.status for d in emu.state.hook_deliveries] == [200, 200, 200]
    assert target.secrets == [None, None, None]


async def test_subscription_secret_is_appended(receiver: tuple[Receiver, str]) -> None:
    target, url = receiver
    emu = NinjaEmulator(clients=1, invoices=0, subscription_secret="shh")
    async with TestClient(TestServer(emu.app)) as client:
        await client.post(
            "/api/v1/hooks",
            json={"event": "create_client", "target_url": url + "/hook"},
            headers=TOKEN_HEADERS,
        )
        await client.post("/api/v1/clients", json={"name": "S"}, headers=TOKEN_HEADERS)
        await emu.webhooks.drain()
    assert target.secrets == ["shh"]


async def test_gone_unsubscribes_and_delete_hook(
    api: Api, emu: NinjaEmulator, receiver: tuple[Receiver, str]
) -> None:
    _, url = receiver
    gone = (await api.call("POST", "/hooks", {"event": "create_task", "target_url": url + "/gone"}))[1]["id"]
    kept = (await api.call("POST", "/hooks", {"event": "update_task", "target_url": url + "/hook"}))[1]["id"]
    await api.ok("POST", "/tasks", {"description": "x"})
    await emu.webhooks.drain()
    assert gone not in emu.state.subscriptions
    assert (await api.call("DELETE", f"/hooks/{kept}"))[:2] == (200, {"data": "success"})
    assert (await api.call("DELETE", f"/hooks/{kept}"))[:2] == (404, {"message": "record does not exist"})


async def test_delivery_switched_off_still_records(
    api: Api, emu: NinjaEmulator, receiver: tuple[Receiver, str]
) -> None:
    target, url = receiver
    emu.webhooks.enabled = False
    await api.call("POST", "/hooks", {"event": "delete_client", "target_url": url + "/hook"})
    await api.ok("DELETE", "/clients/2")
    await emu.webhooks.drain()
    assert target.received == []
    (delivery,) = emu.state.hook_deliveries
    assert (delivery.event, delivery.status, delivery.payload["is_deleted"]) == ("delete_client", None, True)


async def test_unreachable_target_is_recorded(api: Api, emu: NinjaEmulator) -> None:
    await api.call("POST", "/hooks", {"event": "create_vendor", "target_url": "http://127.0.0.1:9/nothing"})
    await api.ok("POST", "/vendors", {"name": "V"})
    await emu.webhooks.drain()
    (delivery,) = emu.state.hook_deliveries
    assert delivery.status is None
    assert delivery.error
