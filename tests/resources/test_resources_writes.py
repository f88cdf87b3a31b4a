"""Lossless writes (spec §6): nothing is lost to v4's PUT semantics; plus the special routes and webhooks."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
import resources_support as fx
from resources_support import FakeServer, body, envelope

from ninja_async import HookEvent, models, parse_webhook
from ninja_async.client import NinjaClient
from ninja_async.errors import ResponseDecodeError, ValidationError
from ninja_async.http import Response


def echo_put(current: dict[str, Any]) -> Any:
    """A PUT handler that answers with the current record updated by the body, as v4 would."""

    def handler(request: Any) -> Response:
        return envelope({**current, **(body(request) or {})})

    return handler


async def test_client_update_keeps_its_contacts_and_their_ids(
    lenient: NinjaClient, server: FakeServer
) -> None:
    ninja = lenient
    current = fx.client(1, unknown_future_field="kept")
    server.on("GET", "clients/1", envelope(current))
    server.on("PUT", "clients/1", echo_put(current))
    updated = await ninja.clients.update(1, name="Renamed")
    sent = body(server.sent("PUT")[-1])
    assert sent["name"] == "Renamed"
    assert [c["id"] for c in sent["contacts"]] == [1, 2]
    assert sent["contacts"][0]["email"] == "ada1@example.com"
    assert sent["unknown_future_field"] == "kept"
    assert [c.id for c in updated.contacts] == [1, 2]


async def test_client_update_with_explicit_contacts_needs_no_read(
    ninja: NinjaClient, server: FakeServer
) -> None:
    server.on("PUT", "clients/1", envelope(fx.client(1)))
    await ninja.clients.update(1, name="X", contacts=[{"id": 1, "email": "new@example.com"}])
    assert [r.method for r in server.requests] == ["PUT"]
    assert body(server.requests[0]) == {"name": "X", "contacts": [{"id": 1, "email": "new@example.com"}]}


async def test_invoice_update_keeps_items_and_notes(ninja: NinjaClient, server: FakeServer) -> None:
    current = fx.invoice(5, terms="Net 30", public_notes="Thanks", invoice_footer="Footer")
    server.on("GET", "invoices/5", envelope(current))
    server.on("PUT", "invoices/5", echo_put(current))
    await ninja.invoices.update(5, po_number="PO-9")
    sent = body(server.sent("PUT")[-1])
    assert sent["po_number"] == "PO-9"
    assert sent["terms"] == "Net 30"
    assert sent["public_notes"] == "Thanks"
    assert sent["invoice_footer"] == "Footer"
    item_fields = ("id", "product_key", "cost", "qty", "notes")
    assert [[i[f] for f in item_fields] for i in sent["invoice_items"]] == [
        [i[f] for f in item_fields] for i in current["invoice_items"]
    ]
    assert len(sent["invoice_items"]) == 2


async def test_invoice_update_refuses_items_v4_would_answer_500_to(
    ninja: NinjaClient, server: FakeServer
) -> None:
    server.on("GET", "invoices/5", envelope(fx.invoice(5)))
    with pytest.raises(ValueError, match="invoice_items\\[0\\] lacks cost, qty, notes"):
        await ninja.invoices.update(5, invoice_items=[{"product_key": "WIDGET"}])
    assert server.sent("PUT") == []


async def test_product_update_keeps_notes_cost_qty(ninja: NinjaClient, server: FakeServer) -> None:
    current = fx.product(2, notes="Blue", cost=12.5, qty=3)
    server.on("GET", "products/2", envelope(current))
    server.on("PUT", "products/2", echo_put(current))
    await ninja.products.update(2, tax_name1="VAT")
    sent = body(server.sent("PUT")[-1])
    assert (sent["product_key"], sent["notes"], sent["cost"], sent["qty"], sent["tax_name1"]) == (
        current["product_key"],
        "Blue",
        12.5,
        3,
        "VAT",
    )


async def test_vendor_update_keeps_vendor_contacts(ninja: NinjaClient, server: FakeServer) -> None:
    current = fx.vendor(3)
    server.on("GET", "vendors/3", envelope(current))
    server.on("PUT", "vendors/3", echo_put(current))
    await ninja.vendors.update(3, website="https://acme.example")
    sent = body(server.sent("PUT")[-1])
    assert [c["id"] for c in sent["vendor_contacts"]] == [1]
    assert sent["name"] == current["name"]


async def test_a_body_field_that_would_redirect_the_put_is_dropped(
    ninja: NinjaClient, server: FakeServer
) -> None:
    server.on("PUT", "payments/1", envelope(fx.payment(1)))
    await ninja.payments.update(1, payment_id=7, private_notes="x")
    assert body(server.sent("PUT")[-1]) == {"private_notes": "x"}


async def test_read_modify_write_through_save(lenient: NinjaClient, server: FakeServer) -> None:
    ninja = lenient
    current = fx.client(1, brand_new_v4_field=[1, 2])
    server.on("GET", "clients/1", envelope(current))
    server.on("PUT", "clients/1", echo_put(current))
    client = await ninja.clients.get(1)
    client.name = "Edited"
    await ninja.clients.save(client)
    sent = body(server.sent("PUT")[-1])
    assert sent["name"] == "Edited"
    assert sent["brand_new_v4_field"] == [1, 2]
    assert sent["custom_messages"] == "{}"
    assert [c["id"] for c in sent["contacts"]] == [1, 2]
    assert len(server.sent("GET")) == 1  # save() needed no second read


async def test_actions_cannot_be_smuggled_through_update(ninja: NinjaClient) -> None:
    with pytest.raises(ValueError, match="actions"):
        await ninja.payments.update(1, action="delete")


async def test_create_refuses_download_invoice(ninja: NinjaClient) -> None:
    with pytest.raises(ValueError, match="download"):
        await ninja.invoices.create(client_id=1, download_invoice=True)


async def test_invalid_email_oddity_is_a_validation_error(ninja: NinjaClient, server: FakeServer) -> None:
    server.on(
        "POST",
        "invoices",
        Response(200, headers={"Content-Type": "text/html"}, content=b"The email format is invalid."),
    )
    with pytest.raises(ValidationError) as caught:
        await ninja.invoices.create(email="not-an-email", name="Acme")
    assert caught.value.errors == {"email": ["The email format is invalid."]}


async def test_specials(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("GET", "static", envelope({"currencies": [{"id": 1, "code": "USD"}], "countries": []}))
    server.on(
        "GET",
        "dashboard",
        envelope(
            {
                "id": 1,
                "paidToDate": 100,
                "paidToDateCurrency": 1,
                "balances": 50,
                "balancesCurrency": 1,
                "averageInvoice": 75,
                "averageInvoiceCurrency": 1,
                "invoicesSent": 3,
                "activeClients": 2,
                "activities": [
                    {
                        "id": "4-1-1700000000",
                        "activity_type_id": 4,
                        "client_id": 1,
                        "user_id": 1,
                        "invoice_id": 1,
                        "payment_id": None,
                        "credit_id": None,
                        "updated_at": 1700000000,
                        "expense_id": None,
                        "is_system": None,
                        "contact_id": None,
                        "task_id": None,
                        "notes": "",
                        "adjustment": 20,
                        "balance": 20,
                    }
                ],
            }
        ),
    )
    assert await ninja.ping() is True
    static = await ninja.static()
    assert static["currencies"][0]["code"] == "USD"
    dashboard = await ninja.dashboard()
    assert isinstance(dashboard, models.Dashboard)
    assert dashboard.activities[0].id == "4-1-1700000000"
    await ninja.dashboard(only_activity=True)
    assert server.requests[-1].url.endswith("/dashboard?only_activity=1")


async def test_hooks_subscribe_and_unsubscribe(ninja: NinjaClient, server: FakeServer) -> None:
    server.on(
        "POST", "hooks", Response(201, headers={"Content-Type": "application/json"}, content=b'{"id":3}')
    )
    server.on("DELETE", "hooks/3", envelope("success"))
    assert await ninja.hooks.subscribe(HookEvent.CREATE_INVOICE, "https://me.example/hook") == 3
    assert body(server.sent("POST")[-1]) == {
        "event": "create_invoice",
        "target_url": "https://me.example/hook",
    }
    await ninja.hooks.unsubscribe(3)
    assert server.requests[-1].method == "DELETE"
    with pytest.raises(ValueError, match="unknown v4 webhook event"):
        await ninja.hooks.subscribe("bogus", "https://me.example/hook")


def test_hook_events_are_exactly_the_v4_list() -> None:
    assert len(HookEvent) == 21
    assert HookEvent("approve_quote") is HookEvent.APPROVE_QUOTE


def test_parse_webhook_delivery() -> None:
    delivery = {**fx.invoice(9), "client": fx.client(1, name="Client 1"), "client_name": "Client 1"}
    invoice = parse_webhook("create_invoice", orjson.dumps(delivery))
    assert isinstance(invoice, models.Invoice)
    assert invoice.client is not None and invoice.client.name == "Client 1"
    assert invoice.client_name == "Client 1"
    payment = parse_webhook(HookEvent.CREATE_PAYMENT, {**fx.payment(2), "client_name": "Client 1"})
    assert isinstance(payment, models.Payment)
    with pytest.raises(ResponseDecodeError):
        parse_webhook("create_invoice", b"<html>")
    with pytest.raises(ValueError, match="unknown"):
        parse_webhook("created_invoice", b"{}")
