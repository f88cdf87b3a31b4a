"""PUT semantics of spec §6 and the actions of §1.3."""

from __future__ import annotations

from emulator_support import JSON_ERRORS, Api


async def test_client_put_keeps_listed_contacts_archives_the_rest(api: Api) -> None:
    client = await api.ok(
        "POST", "/clients", {"contacts": [{"email": "keep@x.test"}, {"email": "drop@x.test"}]}
    )
    keep, drop = client["contacts"]
    updated = await api.ok(
        "PUT",
        f"/clients/{client['id']}",
        {"contacts": [{"id": keep["id"], "email": "kept@x.test"}, {"email": "new@x.test"}]},
    )
    assert [(c["id"] == keep["id"], c["email"]) for c in updated["contacts"]] == [
        (True, "kept@x.test"),
        (False, "new@x.test"),
    ]
    assert api.emu.state.contacts.get(drop["id"]).deleted_at is not None


async def test_client_put_with_a_foreign_contact_is_404(api: Api) -> None:
    other = api.emu.state.clients.get(2).children[0].public_id
    status, body, _ = await api.call("PUT", "/clients/1", {"contacts": [{"id": other}]})
    assert (status, body) == (404, {"message": "record does not exist"})


async def test_body_entity_id_overrides_the_url(api: Api) -> None:
    updated = await api.ok("PUT", "/clients/1", {"client_id": 2, "name": "Renamed"})
    assert updated["id"] == 2
    assert api.emu.state.clients.get(2).f["name"] == "Renamed"
    assert api.emu.state.clients.get(1).f["name"] != "Renamed"


async def test_vendor_put_replaces_contacts(api: Api) -> None:
    vendor = await api.ok("POST", "/vendors", {"name": "V", "vendor_contact": {"email": "one@x.test"}})
    updated = await api.ok("PUT", f"/vendors/{vendor['id']}", {"name": "V"})
    assert [c["email"] for c in updated["vendor_contacts"]] == [""]
    status, _, _ = await api.call("PUT", f"/vendors/{vendor['id']}?action=archive", headers=JSON_ERRORS)
    assert status == 422


async def test_invoice_put_needs_items_with_all_keys(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 5, "notes": "a"}]}
    )
    path = f"/invoices/{invoice['id']}"
    status, body, _ = await api.call("PUT", path, {"po_number": "X"}, headers={"Accept": "application/json"})
    assert (status, body) == (500, {"message": "Server Error"})
    status, _, headers = await api.call("PUT", path, {"invoice_items": [{"cost": 5, "qty": 1, "notes": "a"}]})
    assert status == 500
    assert headers["Content-Type"].startswith("text/html")


async def test_invoice_put_recreates_items_and_clears_texts(api: Api) -> None:
    invoice = await api.ok(
        "POST",
        "/invoices",
        {
            "client_id": 1,
            "terms": "T",
            "public_notes": "P",
            "po_number": "PO",
            "invoice_items": [{"cost": 5, "notes": "a"}],
        },
    )
    item = {"cost": 7, "qty": 2, "product_key": "", "notes": "b"}
    updated = await api.ok("PUT", f"/invoices/{invoice['id']}", {"invoice_items": [item]})
    assert updated["invoice_items"][0]["id"] != invoice["invoice_items"][0]["id"]
    assert (updated["terms"], updated["public_notes"], updated["po_number"]) == ("", "", "PO")
    assert (updated["amount"], updated["balance"]) == (14, 14)


async def test_invoice_put_keeps_paid_part_of_the_balance(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 10, "notes": "a"}], "paid": 4}
    )
    item = {"cost": 20, "qty": 1, "product_key": "", "notes": "a"}
    updated = await api.ok("PUT", f"/invoices/{invoice['id']}", {"invoice_items": [item]})
    assert (updated["amount"], updated["balance"]) == (20, 16)


async def test_product_put_resets_absent_fields(api: Api) -> None:
    product = await api.ok("POST", "/products", {"product_key": "R", "notes": "n", "cost": 9, "qty": 3})
    updated = await api.ok("PUT", f"/products/{product['id']}", {"product_key": "R2"})
    assert (updated["product_key"], updated["notes"], updated["cost"], updated["qty"]) == ("R2", "", 0, 1)


async def test_payment_put_cannot_change_amount(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 10, "notes": "a"}]}
    )
    payment = await api.ok("POST", "/payments", {"invoice_id": invoice["id"], "amount": 3})
    updated = await api.ok("PUT", f"/payments/{payment['id']}", {"amount": 9, "transaction_reference": "R"})
    assert (updated["amount"], updated["transaction_reference"]) == (3, "R")


async def test_payment_delete_and_restore_move_the_balance(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 10, "notes": "a"}]}
    )
    payment = await api.ok("POST", "/payments", {"invoice_id": invoice["id"], "amount": 10})
    assert api.emu.state.invoices.get(invoice["id"]).f["balance"] == 0
    await api.ok("DELETE", f"/payments/{payment['id']}")
    assert api.emu.state.invoices.get(invoice["id"]).f["balance"] == 10
    await api.ok("PUT", f"/payments/{payment['id']}?action=restore")
    assert api.emu.state.invoices.get(invoice["id"]).f["balance"] == 0


async def test_action_from_body_and_unsupported_actions(api: Api) -> None:
    archived = await api.ok("PUT", "/clients/1", {"action": "archive"})
    assert archived["archived_at"] is not None
    for action in ("email", "clone", "start"):
        status, body, _ = await api.call("PUT", f"/clients/1?action={action}")
        assert (status, body) == (400, {"error": f"Action [{action}] is not supported"})
    status, _, _ = await api.call("PUT", "/clients/1?action=markSent", headers={"Accept": "application/json"})
    assert status == 500


async def test_tasks_accept_only_state_actions(api: Api) -> None:
    task = await api.ok("POST", "/tasks", {"description": "t"})
    status, body, _ = await api.call("PUT", f"/tasks/{task['id']}?action=start")
    assert (status, body) == (400, {"error": "Action [start] is not supported"})
    archived = await api.ok("PUT", f"/tasks/{task['id']}?action=archive")
    assert archived["archived_at"] > 0
    status, body, _ = await api.call(
        "PUT", f"/tasks/{task['id']}", {"time_log": "[[100,200],[150,300]]"}, headers=JSON_ERRORS
    )
    assert (status, body["errors"]) == (422, {"time_log": ["Please correct any overlapping times"]})


async def test_mark_paid_answers_before_the_payment_lands(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 10, "notes": "a"}]}
    )
    answered = await api.ok("PUT", f"/invoices/{invoice['id']}?action=markPaid")
    assert (answered["invoice_status_id"], answered["balance"]) == (2, 10)
    stored = await api.ok("GET", f"/invoices/{invoice['id']}")
    assert (stored["invoice_status_id"], stored["balance"]) == (6, 0)


async def test_users_update_acts_on_the_token_user(api: Api) -> None:
    status, body, _ = await api.call("PUT", "/users/42", {"first_name": "A"}, headers=JSON_ERRORS)
    assert status == 422
    assert list(body["errors"]) == ["email", "last_name"]
    user = await api.ok("PUT", "/users/42", {"first_name": "A", "last_name": "B", "email": "ab@x.test"})
    assert (user["id"], user["email"]) == (1, "ab@x.test")


async def test_expense_category_update_ignores_action(api: Api) -> None:
    updated = await api.ok("PUT", "/expense_categories/1?action=archive", {"name": "Renamed"})
    assert (updated["name"], updated["archived_at"]) == ("Renamed", None)
