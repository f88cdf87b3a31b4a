"""examples/web_backend.py through aiohttp's test client: endpoints, error mapping, webhooks, lifecycle."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from examples_support import EXAMPLES, live_client_email, load_example

from ninja_async import Client, HookEvent, Invoice
from ninja_async.testing import Fault, NinjaEmulator

web_backend = load_example("web_backend")

App = TestClient[web.Request, web.Application]


@pytest.fixture
async def app(emu: NinjaEmulator) -> AsyncIterator[App]:
    async with TestClient(TestServer(web_backend.create_app(emu.base_url, emu.token))) as client:
        yield client


def receiver_url(app: App, event: str) -> str:
    return str(app.make_url(f"/webhooks/{event}"))


async def test_web_lists_the_active_invoices_of_a_client(app: App, emu: NinjaEmulator) -> None:
    client, _ = live_client_email(emu)
    expected = {
        row.public_id
        for row in emu.state.invoices
        if row.f.get("client_id") == client.public_id
        and row.f.get("invoice_type_id") == 1
        and not row.f.get("is_recurring")
        and not row.trashed
    }

    response = await app.get(f"/clients/{client.public_id}/invoices")

    assert response.status == 200
    body = await response.json()
    assert body["client"] == {"id": client.public_id, "name": client.f["name"]}
    assert {invoice["id"] for invoice in body["invoices"]} == expected
    assert all(invoice["client_id"] == client.public_id for invoice in body["invoices"])
    assert all("account_key" not in invoice for invoice in body["invoices"])  # a summary, not the record


async def test_web_answers_404_for_an_unknown_client(app: App) -> None:
    response = await app.get("/clients/999/invoices")

    assert response.status == 404
    assert await response.json() == {"error": "record does not exist"}
    assert (await app.get("/clients/0/invoices")).status == 404  # not even sent: the route wants an id


async def test_web_creates_an_invoice_from_product_keys_and_emails_it(app: App, emu: NinjaEmulator) -> None:
    client, email = live_client_email(emu)
    order = {"client_id": client.public_id, "items": [{"product_key": "CONSULT", "qty": 3}], "email": True}

    response = await app.post("/invoices", json=order)

    assert response.status == 201
    body = await response.json()
    row = emu.state.invoices.get(body["id"])
    assert row is not None and row.f["client_id"] == client.public_id
    assert [(i.f["product_key"], i.f["qty"], i.f["cost"]) for i in row.children] == [("CONSULT", 3, 120.0)]
    assert body["items"] == [{"product_key": "CONSULT", "qty": 3, "cost": 120.0}] and body["amount"] == 360
    assert [(e.invoice_id, e.to) for e in emu.state.sent_emails] == [(row.public_id, [email])]


async def test_web_answers_422_with_field_errors_for_its_own_rules_and_the_servers(
    app: App, emu: NinjaEmulator
) -> None:
    client, _ = live_client_email(emu)
    invoices_before = len(emu.state.invoices)

    ours = await app.post("/invoices", json={"client_id": "one", "items": []})
    negative = {"client_id": 1, "items": [{"product_key": "AUDIT", "qty": -1}]}
    bad_qty = await app.post("/invoices", json=negative)
    taken = next(row.f["invoice_number"] for row in emu.state.invoices if row.f.get("invoice_number"))
    theirs = await app.post(
        "/invoices",
        json={"client_id": client.public_id, "items": [{"product_key": "AUDIT"}], "invoice_number": taken},
    )
    not_json = await app.post("/invoices", data=b"{nope", headers={"Content-Type": "application/json"})

    assert ours.status == 422
    assert set((await ours.json())["errors"]) == {"client_id", "items"}
    assert bad_qty.status == 422
    assert (await bad_qty.json())["errors"] == {"items": ["A qty must be a positive number."]}
    assert theirs.status == 422
    assert (await theirs.json())["errors"] == {
        "invoice_number": ["The invoice number has already been taken."]
    }
    assert not_json.status == 400
    assert len(emu.state.invoices) == invoices_before


async def test_web_answers_404_when_the_server_has_no_such_client(app: App) -> None:
    response = await app.post("/invoices", json={"client_id": 999, "items": [{"product_key": "AUDIT"}]})

    assert response.status == 404
    assert await response.json() == {"error": "Client not found"}


async def test_web_answers_503_with_retry_after_when_the_server_throttles(
    app: App, emu: NinjaEmulator
) -> None:
    emu.faults.add(Fault("throttle", method="GET", path="/api/v1/clients/*", wait=30, times=1))

    response = await app.get("/clients/1/invoices")

    assert response.status == 503
    assert response.headers["Retry-After"] == "30"
    assert emu.faults.injected["throttle"] == 1  # handed back at once: 30 s is beyond the app's 2 s


async def test_web_answers_502_when_the_server_fails(app: App, emu: NinjaEmulator) -> None:
    emu.faults.add(Fault("malformed", method="GET", path="/api/v1/clients/*", times=1))

    response = await app.get("/clients/1/invoices")

    assert response.status == 502
    assert await response.json() == {"error": "The invoicing service failed."}


async def test_web_receives_a_real_webhook_delivery_as_a_client_model(app: App) -> None:
    ninja = app.server.app[web_backend.NINJA]
    inbox = app.server.app[web_backend.INBOX]
    await ninja.hooks.subscribe(HookEvent.CREATE_CLIENT, receiver_url(app, "create_client"))
    await ninja.hooks.subscribe(HookEvent.CREATE_INVOICE, receiver_url(app, "create_invoice"))

    created = await ninja.clients.create(name="Hooked Ltd", contacts=[{"email": "ap@hooked.example"}])
    invoice = await ninja.invoices.create(client_id=created.id, invoice_items=[{"product_key": "HOSTING"}])
    async with asyncio.timeout(5):
        client_delivery = await inbox.wait_for(lambda d: d.event is HookEvent.CREATE_CLIENT)
        invoice_delivery = await inbox.wait_for(lambda d: d.event is HookEvent.CREATE_INVOICE)

    delivered = client_delivery.record
    assert isinstance(delivered, Client)
    assert (delivered.id, delivered.name) == (created.id, "Hooked Ltd")
    assert [c.email for c in delivered.contacts] == ["ap@hooked.example"]
    assert isinstance(invoice_delivery.record, Invoice)
    assert invoice_delivery.record.id == invoice.id and invoice_delivery.record.client_name == "Hooked Ltd"
    listed = await (await app.get("/webhooks")).json()
    assert listed == [
        {"event": "create_client", "type": "Client", "id": created.id},
        {"event": "create_invoice", "type": "Invoice", "id": invoice.id},
    ]


async def test_web_webhook_receiver_refuses_unknown_events_and_bodies_of_another_shape(app: App) -> None:
    unknown = await app.post("/webhooks/create_everything", json={"id": 1})
    wrong_shape = await app.post("/webhooks/create_client", json=[1, 2, 3])
    not_json = await app.post("/webhooks/create_client", data=b"<html>")

    assert (unknown.status, wrong_shape.status, not_json.status) == (404, 400, 400)
    assert list(app.server.app[web_backend.INBOX].deliveries) == []


async def test_web_webhook_receiver_checks_the_subscription_secret() -> None:
    async with NinjaEmulator(clients=1, invoices=0, error_delay=0, subscription_secret="s3cret") as emu:
        app = web_backend.create_app(emu.base_url, emu.token, webhook_secret="s3cret")
        async with TestClient(TestServer(app)) as client:
            ninja = app[web_backend.NINJA]
            await ninja.hooks.subscribe("create_client", receiver_url(client, "create_client"))
            created = await ninja.clients.create(name="Signed Ltd")
            async with asyncio.timeout(5):
                delivery = await app[web_backend.INBOX].wait_for(lambda d: d.record.id == created.id)
            forged = await client.post("/webhooks/create_client", json={"id": 99, "name": "Forged"})
            wrong = await client.post("/webhooks/create_client?secret=guess", json={"id": 99})

    assert delivery.record.name == "Signed Ltd"
    assert (forged.status, wrong.status) == (403, 403)


async def test_web_app_creates_one_client_at_startup_and_closes_it_at_cleanup(emu: NinjaEmulator) -> None:
    app = web_backend.create_app(emu.base_url, emu.token)
    assert web_backend.NINJA not in app  # nothing is opened by building the app

    async with TestClient(TestServer(app)) as client:
        ninja = app[web_backend.NINJA]
        assert not ninja.closed
        await client.get("/clients/1/invoices")
        await client.get("/clients/2/invoices")
        assert app[web_backend.NINJA] is ninja  # shared by every request

    assert ninja.closed


async def test_web_script_serves_against_an_embedded_emulator_and_stops_on_sigint(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(EXAMPLES / "web_backend.py"),
        "--port",
        "0",
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        async with asyncio.timeout(10):
            lines: list[str] = []
            while not (lines and lines[-1].startswith("Subscribed")):
                lines.append((await process.stdout.readline()).decode())
                assert lines[-1], "the server exited early"
            url = next(line.split()[-1] for line in lines if line.startswith("Serving on"))
            async with aiohttp.ClientSession(url) as http:
                async with http.get("/clients/1/invoices") as listed:
                    assert listed.status == 200 and (await listed.json())["client"]["id"] == 1
                order: dict[str, Any] = {"client_id": 1, "items": [{"product_key": "CONSULT", "qty": 2}]}
                async with http.post("/invoices", json=order) as created:
                    assert created.status == 201
                    invoice = await created.json()
                seen: list[Any] = []
                while {"event": "create_invoice", "type": "Invoice", "id": invoice["id"]} not in seen:
                    await asyncio.sleep(0.02)  # another process: poll its inbox
                    async with http.get("/webhooks") as received:
                        seen = await received.json()
            process.send_signal(signal.SIGINT)
            out, err = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    assert process.returncode == 0, err.decode()
    assert out.decode().rstrip().endswith("Stopped.")
    assert invoice["items"] == [{"product_key": "CONSULT", "qty": 2, "cost": 120.0}]
