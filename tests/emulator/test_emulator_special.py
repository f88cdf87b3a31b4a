"""Dashboard, static data, the account, devices and `email_invoice`."""

from __future__ import annotations

from emulator_support import JSON_ERRORS, Api

from ninja_async.testing import NinjaEmulator


async def test_dashboard_figures(api: Api, emu: NinjaEmulator) -> None:
    dashboard = await api.ok("GET", "/dashboard")
    live = [c for c in emu.state.clients if not c.is_deleted]
    assert dashboard["activeClients"] == len(live)
    assert dashboard["paidToDate"] == round(sum(c.f.get("paid_to_date", 0) for c in live), 2)
    assert dashboard["paidToDateCurrency"] == 1
    assert len(dashboard["activities"]) <= 100
    only = await api.ok("GET", "/dashboard?only_activity=1")
    assert set(only) == {"id", "activities"}
    await api.ok("POST", "/clients", {"name": "Fresh"})
    newest = (await api.ok("GET", "/dashboard?only_activity=1"))["activities"][0]
    assert newest["activity_type_id"] == 1
    assert newest["id"] == f"1-{newest['client_id']}-{newest['updated_at']}"


async def test_static_and_account(api: Api) -> None:
    static = await api.ok("GET", "/static")
    assert {"currencies", "countries", "paymentTypes", "invoiceStatus", "banks"} <= set(static)
    account = await api.ok("GET", "/accounts")
    assert account["name"] == "Emulated Company"
    assert isinstance(account["users"], list)
    assert isinstance(account["account_email_settings"], dict)
    status, body, _ = await api.call("PUT", "/accounts", {}, headers=JSON_ERRORS)
    assert (status, body["errors"]) == (422, {"name": ["The name field is required."]})
    assert (await api.ok("PUT", "/accounts", {"name": "Renamed Co"}))["name"] == "Renamed Co"


async def test_email_invoice_by_number_and_unknown(api: Api, emu: NinjaEmulator) -> None:
    invoice = await api.ok("POST", "/invoices", {"client_id": 1})
    body = {"invoice_number": invoice["invoice_number"], "reminder": "reminder1", "template": "Hi"}
    assert (await api.call("POST", "/email_invoice", body))[:2] == (200, {"message": "success"})
    sent = emu.state.sent_emails[-1]
    assert (sent.invoice_id, sent.reminder, sent.template) == (invoice["id"], "reminder1", "Hi")
    assert (await api.ok("GET", f"/invoices/{invoice['id']}"))["invoice_status_id"] == 2
    status, body, _ = await api.call("POST", "/email_invoice", {"invoice_number": "nope"})
    assert (status, body) == (404, {"message": "record does not exist"})
    status, body, _ = await api.call("POST", "/email_invoice", {"id": 9999})
    assert (status, body) == (404, {"message": "record does not exist"})


async def test_devices(api: Api) -> None:
    status, body, _ = await api.call("POST", "/update_notifications", {"notify_paid": 1})
    assert (status, body) == (400, {"error": {"message": "No registered devices."}})
    await api.ok("POST", "/add_token", {"token": "device-1", "device": "ios"})
    assert (await api.ok("POST", "/update_notifications", {"notify_paid": 1}))[0]["notify_paid"] == 1
    assert await api.ok("POST", "/remove_token", {"token": "device-1"}) == ["success"]
