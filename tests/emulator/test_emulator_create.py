"""Create semantics of spec §6: defaults, derived records, numbering, side effects."""

from __future__ import annotations

import aiohttp
from emulator_support import JSON_ERRORS, Api

from ninja_async.testing import NinjaEmulator


async def test_client_contacts_single_list_or_blank(api: Api) -> None:
    one = await api.ok(
        "POST", "/clients", {"name": "One", "contact": {"email": " a@x.test ", "first_name": "A"}}
    )
    assert [(c["email"], c["is_primary"]) for c in one["contacts"]] == [("a@x.test", True)]
    two = await api.ok(
        "POST", "/clients", {"contacts": [{"email": "b@x.test"}, {"email": "c@x.test", "is_primary": 1}]}
    )
    assert [(c["email"], c["is_primary"]) for c in two["contacts"]] == [
        ("c@x.test", True),
        ("b@x.test", False),
    ]
    assert two["display_name"] == "c@x.test"
    blank = await api.ok("POST", "/clients", {"name": "Blank"})
    assert [(c["email"], c["first_name"]) for c in blank["contacts"]] == [("", "")]
    assert blank["custom_messages"] == "{}"


async def test_client_codes_become_ids(api: Api) -> None:
    client = await api.ok(
        "POST", "/clients", {"name": "Coded", "country_code": "DEU", "currency_code": "eur"}
    )
    assert (client["country_id"], client["currency_id"]) == (276, 3)


async def test_invoice_defaults_and_totals(api: Api) -> None:
    body = {
        "client_id": 1,
        "discount": 10,
        "tax_rate1": 20,
        "tax_name1": "VAT",
        "invoice_items": [
            {"product_key": "A", "cost": 100, "qty": 2},
            {"notes": "with item tax", "cost": 50, "qty": 1, "tax_rate1": 10},
            {"cost": "", "product_key": "", "notes": ""},
        ],
    }
    invoice = await api.ok("POST", "/invoices", body)
    # lines 200 + 50 = 250; 10 % off = 225; invoice tax 20 % = 45; item tax 10 % of (50 - 5) = 4.5
    assert invoice["amount"] == 274.5
    assert invoice["balance"] == 274.5
    assert len(invoice["invoice_items"]) == 2
    assert invoice["invoice_date"] == api.emu.clock.today()
    assert (invoice["terms"], invoice["po_number"], invoice["invoice_footer"]) == ("", "", "")
    assert invoice["invoice_status_id"] == 1
    assert invoice["is_public"] is False
    assert api.emu.state.invoices.get(invoice["id"]).f["invitations"]


async def test_whole_float_values_are_ints_in_json(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 10, "qty": 1, "notes": "n"}]}
    )
    assert isinstance(invoice["amount"], int)
    assert isinstance(invoice["invoice_items"][0]["cost"], int)


async def test_comma_product_keys_expand_and_aliases(api: Api) -> None:
    await api.ok("POST", "/products", {"product_key": "K1", "notes": "first", "cost": 3})
    await api.ok("POST", "/products", {"product_key": "K2", "notes": "second", "cost": 4})
    invoice = await api.ok(
        "POST",
        "/invoices",
        {"client_id": 1, "invoice_items": [{"product_key": "K1,K2", "item_tax_rate1": 5}]},
    )
    items = invoice["invoice_items"]
    assert [(i["product_key"], i["cost"], i["notes"], i["tax_rate1"]) for i in items] == [
        ("K1", 3, "first", 5),
        ("K2", 4, "second", 5),
    ]


async def test_quotes_share_the_invoice_counter(api: Api) -> None:
    invoice = await api.ok("POST", "/invoices", {"client_id": 1})
    quote = await api.ok("POST", "/invoices", {"client_id": 1, "is_quote": True})
    assert int(quote["invoice_number"]) == int(invoice["invoice_number"]) + 1
    assert quote["filename"] == f"Quote_{quote['invoice_number']}.pdf"
    assert quote["is_quote"] is True


async def test_recurring_invoice_email_returns_the_child(api: Api) -> None:
    invoice = await api.ok(
        "POST",
        "/invoices",
        {"client_id": 1, "is_recurring": True, "email_invoice": True, "invoice_items": []},
    )
    assert invoice["is_recurring"] is False
    assert invoice["recurring_invoice_id"] > 0
    parent = await api.ok("GET", f"/invoices/{invoice['recurring_invoice_id']}")
    assert parent["is_recurring"] is True
    assert parent["invoice_number"] == ""
    assert api.emu.state.sent_emails[-1].invoice_id == invoice["id"]


async def test_email_invoice_option_records_reminder(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 2, "email_invoice": 1, "email_type": "reminder2"}
    )
    sent = api.emu.state.sent_emails[-1]
    assert (sent.invoice_id, sent.kind, sent.reminder) == (invoice["id"], "invoice", "reminder2")
    assert sent.to
    assert invoice["invoice_status_id"] == 2


async def test_invalid_email_is_a_200_text_page(api: Api) -> None:
    status, body, headers = await api.call("POST", "/invoices", {"email": "not-an-email"})
    assert status == 200
    assert body == b"The email format is invalid."
    assert headers["Content-Type"].startswith("text/html")


async def test_existing_contact_email_reuses_client(api: Api) -> None:
    email = api.emu.state.clients.get(3).live_children()[0].f["email"]
    count = len(api.emu.state.clients)
    invoice = await api.ok("POST", "/invoices", {"email": email})
    assert invoice["client_id"] == 3
    assert len(api.emu.state.clients) == count


async def test_payment_excess_becomes_credit(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 40, "notes": "x"}]}
    )
    payment = await api.ok("POST", "/payments", {"invoice_id": invoice["id"], "amount": 55.555})
    assert payment["amount"] == 40
    assert payment["invoice_number"] == invoice["invoice_number"]
    credit = max(api.emu.state.credits, key=lambda c: c.public_id)
    assert (credit.f["client_id"], credit.f["amount"], credit.f["balance"]) == (1, 15.56, 15.56)
    paid = await api.ok("GET", f"/invoices/{invoice['id']}")
    assert (paid["balance"], paid["invoice_status_id"]) == (0, 6)


async def test_payment_needs_a_standard_live_invoice(api: Api) -> None:
    quote = await api.ok("POST", "/invoices", {"client_id": 1, "is_quote": True})
    status, body, _ = await api.call("POST", "/payments", {"invoice_id": quote["id"], "amount": 1})
    assert (status, body) == (404, {"error": {"message": "Route does not exist"}})
    status, body, _ = await api.call("POST", "/payments", {}, headers=JSON_ERRORS)
    assert status == 422
    assert body["errors"] == {
        "invoice_id": ["The invoice id field is required."],
        "amount": ["The amount field is required."],
    }


async def test_credit_requires_client_and_positive_amount(api: Api) -> None:
    status, body, _ = await api.call("POST", "/credits", {"amount": -1}, headers=JSON_ERRORS)
    assert status == 422
    assert body["errors"] == {
        "client_id": ["The client id field is required."],
        "amount": ["The amount must be greater than zero."],
    }
    credit = await api.ok("POST", "/credits", {"client_id": 2, "amount": 12.5})
    assert (credit["balance"], credit["client_id"], credit["credit_date"]) == (12.5, 2, api.emu.clock.today())


async def test_task_time_details_and_start_stop(api: Api) -> None:
    task = await api.ok(
        "POST",
        "/tasks",
        {
            "description": "logged",
            "time_details": [
                {"start_datetime": "2023-11-14 10:00:00", "end_datetime": "2023-11-14 11:00:00"},
                {"start_datetime": "2023-11-14 12:00:00", "duration_minutes": 30},
            ],
        },
    )
    assert task["duration"] == 5400
    assert task["task_status_sort_order"] == 9999
    assert task["is_running"] is False
    started = await api.ok("POST", "/tasks", {"id": task["id"], "action": "start"})
    assert started["is_running"] is True
    assert started["time_log"].endswith(",false]]")
    api.emu.clock.advance(60)
    stopped = await api.ok("POST", "/tasks", {"id": task["id"], "action": "stop"})
    assert stopped["is_running"] is False
    assert stopped["duration"] == 5400 + 60


async def test_project_sets_task_client(api: Api) -> None:
    project = await api.ok("POST", "/projects", {"name": "Site", "client_id": 4, "budgeted_hours": 12.5})
    task = await api.ok("POST", "/tasks", {"project_id": project["id"]})
    assert (task["project_id"], task["client_id"]) == (project["id"], 4)
    status, _, _ = await api.call("POST", "/projects", {"name": "No client"}, headers=JSON_ERRORS)
    assert status == 422


async def test_vendor_contacts_empty_list_means_none(api: Api) -> None:
    none = await api.ok("POST", "/vendors", {"name": "V0", "vendor_contacts": []})
    assert none["vendor_contacts"] == []
    blank = await api.ok("POST", "/vendors", {"name": "V1"})
    assert len(blank["vendor_contacts"]) == 1
    assert blank["address1"] is None


async def test_expense_creates_vendor_and_category(api: Api) -> None:
    vendors, categories = len(api.emu.state.vendors), len(api.emu.state.table("expense_categories"))
    expense = await api.ok(
        "POST",
        "/expenses",
        {
            "amount": 10.456,
            "vendor_id": -1,
            "vendor_name": "New V",
            "expense_category_id": -1,
            "expense_category_name": "Meals",
        },
    )
    assert expense["amount"] == 10.46
    assert expense["exchange_rate"] == 1
    assert expense["public_notes"] is None
    assert len(api.emu.state.vendors) == vendors + 1
    assert api.emu.state.vendors.get(expense["vendor_id"]).f["name"] == "New V"
    assert len(api.emu.state.table("expense_categories")) == categories + 1


async def test_expense_category_names_are_unique(api: Api) -> None:
    await api.ok("POST", "/expense_categories", {"name": "Unique"})
    status, body, _ = await api.call("POST", "/expense_categories", {"name": "Unique"}, headers=JSON_ERRORS)
    assert (status, body["errors"]) == (422, {"name": ["The name has already been taken."]})


async def test_contact_create_rules_and_primary(api: Api) -> None:
    status, body, _ = await api.call("POST", "/contacts", {"first_name": "F"}, headers=JSON_ERRORS)
    assert status == 422
    assert list(body["errors"]) == ["last_name", "email", "client_id"]
    client = await api.ok("POST", "/clients", {"name": "NoContacts"})
    await api.ok(
        "PUT", f"/clients/{client['id']}", {"name": "NoContacts", "contacts": [{"email": "x@x.test"}]}
    )
    added = await api.ok(
        "POST",
        "/contacts",
        {"first_name": "F", "last_name": "L", "email": "f@x.test", "client_id": client["id"]},
    )
    assert added["is_primary"] is False
    assert "client_id" not in added


async def test_document_upload_stream_and_hard_delete(api: Api, emu: NinjaEmulator) -> None:
    form = aiohttp.FormData()
    form.add_field("file", b"%PDF-1.4 tiny", filename="Scan.PDF", content_type="application/pdf")
    form.add_field("invoice_id", "1")
    status, body, _ = await api.call("POST", "/documents", data=form)
    assert status == 200
    document = body["data"]
    assert (document["name"], document["type"], document["size"], document["invoice_id"]) == (
        "Scan.PDF",
        "pdf",
        13,
        1,
    )
    assert "archived_at" not in document
    status, raw, headers = await api.call("GET", f"/documents/{document['id']}")
    assert (status, raw, headers["Content-Type"]) == (200, b"%PDF-1.4 tiny", "application/pdf")
    deleted = await api.ok("DELETE", f"/documents/{document['id']}")
    assert deleted["id"] == document["id"]
    assert emu.state.documents.get(document["id"]) is None
    bad = aiohttp.FormData()
    bad.add_field("file", b"MZ", filename="virus.exe")
    status, _, _ = await api.call("POST", "/documents", data=bad, headers={"Accept": "application/json"})
    assert status == 500


async def test_form_encoded_body_with_php_brackets(api: Api) -> None:
    form = {"name": "Formed", "contacts[0][email]": "f1@x.test", "contacts[1][email]": "f2@x.test"}
    status, body, _ = await api.call("POST", "/clients", data=form)
    assert status == 200
    assert [c["email"] for c in body["data"]["contacts"]] == ["f1@x.test", "f2@x.test"]
    status, body, _ = await api.call(
        "POST", "/clients", data=b'{"name": "ignored"}', headers={"Content-Type": "text/plain"}
    )
    assert (status, body["data"]["name"]) == (200, "")
