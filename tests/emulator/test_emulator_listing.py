"""Index behaviour of spec §3 and §7: filters, ordering, includes, quirky routes."""

from __future__ import annotations

from emulator_support import JSON_ERRORS, Api

from ninja_async.testing import NinjaEmulator

ACCEPT_JSON = {"Accept": "application/json"}


async def test_order_is_updated_at_desc_then_id_desc(api: Api) -> None:
    api.emu.state.clients.get(1).updated_at = api.emu.state.clients.get(2).updated_at
    api.emu.state.clients.dirty()
    listed = [(c["updated_at"], c["id"]) for c in await api.ok("GET", "/clients")]
    assert listed == sorted(listed, reverse=True)
    contacts = [(c.created_at, c.public_id) for c in api.emu.state.contacts]
    listed_contacts = [c["id"] for c in await api.ok("GET", "/contacts?per_page=500")]
    assert listed_contacts == [pid for _, pid in sorted(contacts, reverse=True)]


async def test_updates_move_a_row_to_the_front(api: Api, emu: NinjaEmulator) -> None:
    emu.clock.advance(10)
    await api.ok("PUT", "/products/3", {"product_key": "moved"})
    first = (await api.ok("GET", "/products?per_page=1"))[0]
    assert first["id"] == 3


async def test_invoice_filters(api: Api) -> None:
    invoices = list(api.emu.state.invoices)
    number = next(i.f["invoice_number"] for i in invoices if i.f.get("invoice_number"))
    assert [i["invoice_number"] for i in await api.ok("GET", f"/invoices?invoice_number={number}")] == [
        number
    ]
    recurring = await api.ok("GET", "/invoices?is_recurring=1&per_page=500")
    assert len(recurring) == sum(1 for i in invoices if i.f.get("is_recurring"))
    not_recurring = await api.ok("GET", "/invoices?is_recurring=0&per_page=500")
    assert len(not_recurring) + len(recurring) == len(invoices)
    quotes = await api.ok("GET", "/invoices?invoice_type_id=2&per_page=500")
    assert {q["invoice_type_id"] for q in quotes} == {2}


async def test_quotes_ignore_invoice_filters(api: Api) -> None:
    quotes = await api.ok("GET", "/quotes?per_page=500")
    assert await api.ok("GET", "/quotes?status_id=6&per_page=500&invoice_number=nope") == quotes


async def test_unknown_include_fails_on_index_with_rows_only(api: Api) -> None:
    status, body, headers = await api.call("GET", "/clients?include=foo", headers=ACCEPT_JSON)
    assert (status, body) == (500, {"message": "Server Error"})
    assert "X-Ninja-Version" not in headers
    status, _, _ = await api.call("GET", "/clients?include=foo&email=none@x.test")
    assert status == 200
    assert "foo" not in await api.ok("GET", "/clients/1?include=foo")
    status, _, _ = await api.call("GET", "/vendors/1?include=invoices")
    assert status == 500


async def test_available_includes_render_plain(api: Api) -> None:
    client = await api.ok("GET", "/clients/1?include=invoices,activities")
    assert all(i["client_id"] == 1 for i in client["invoices"])
    assert isinstance(client["activities"][0]["id"], str)
    invoice_id = client["invoices"][0]["id"]
    invoice = await api.ok("GET", f"/invoices/{invoice_id}?include=invitations,payments")
    invitation = invoice["invitations"][0]
    assert invitation["viewed_date"] == invitation["sent_date"]
    task = await api.ok("POST", "/tasks", {"description": "alone"})
    assert "client" not in await api.ok("GET", f"/tasks/{task['id']}?include=client,project")


async def test_json_api_relationships_and_included(api: Api) -> None:
    status, body, _ = await api.call("GET", "/clients/1?serializer=json")
    assert status == 200
    document = body["data"]
    relation = document["data"]["relationships"]["contacts"]["data"]
    assert relation
    assert relation[0]["type"] == "contact"
    assert {(i["type"], i["id"]) for i in document["included"]} >= {("contact", relation[0]["id"])}
    status, _, _ = await api.call("GET", "/payment_terms?serializer=json")
    assert status == 500


async def test_client_id_filter_needs_a_client_relation(api: Api) -> None:
    for resource in ("products", "tax_rates", "users", "vendors", "expense_categories", "documents"):
        status, _, _ = await api.call("GET", f"/{resource}?client_id=1")
        assert status == 500, resource
    contacts = await api.ok("GET", "/contacts?client_id=1&per_page=100")
    assert contacts


async def test_hosted_caps_per_page(api: Api, emu: NinjaEmulator) -> None:
    pagination = (await api.call("GET", "/invoices?per_page=9000"))[1]["meta"]["pagination"]
    assert pagination["per_page"] == 9000
    emu.settings.hosted = True
    pagination = (await api.call("GET", "/invoices?per_page=9000"))[1]["meta"]["pagination"]
    assert pagination["per_page"] == 5000


async def test_quirky_routes(api: Api) -> None:
    for path in ("/clients/create", "/clients/1/edit", "/users/1", "/expense_categories/1"):
        status, _, _ = await api.call("GET", path, headers=ACCEPT_JSON)
        assert status == 500, path
    for method, path in (("POST", "/users"), ("DELETE", "/users/1"), ("DELETE", "/expense_categories/1")):
        status, _, _ = await api.call(method, path, {"name": "x"}, headers=ACCEPT_JSON)
        assert status == 500, path
    status, body, _ = await api.call("GET", "/quotes/1")
    assert (status, body) == (404, {"error": {"message": "Route does not exist"}})
    status, body, _ = await api.call("POST", "/quotes", {}, headers=ACCEPT_JSON)
    assert (status, body) == (
        405,
        {"message": "The POST method is not supported for this route. Supported methods: GET, HEAD."},
    )


async def test_routing_happens_before_authentication(api: Api) -> None:
    async with api.client.request("DELETE", "/api/v1/clients", headers=ACCEPT_JSON) as reply:
        assert reply.status == 405
    async with api.client.request("OPTIONS", "/api/v1/clients/") as reply:
        assert (reply.status, reply.headers["Allow"]) == (200, "GET,HEAD,POST")
    async with api.client.get("/api/v1/nowhere", headers=ACCEPT_JSON) as reply:
        assert (reply.status, await reply.json()) == (404, {"message": ""})


async def test_payment_terms(api: Api, emu: NinjaEmulator) -> None:
    terms = await api.ok("GET", "/payment_terms")
    assert [t["num_days"] for t in terms] == [7, 10, 14, 15, 30, 60, 90]
    assert all("id" not in t and t["is_default"] for t in terms)
    status, body, _ = await api.call("POST", "/payment_terms", {"num_days": 30}, headers=JSON_ERRORS)
    assert (status, body["errors"]) == (422, {"num_days": ["The num days has already been taken."]})
    created = await api.ok("POST", "/payment_terms", {"num_days": 21})
    assert (created["name"], created["is_default"]) == ("Net 21", False)
    assert [t["num_days"] for t in await api.ok("GET", "/payment_terms")][4] == 21
    status, body, _ = await api.call("DELETE", "/payment_terms/30")
    assert (status, body) == (
        400,
        {"error": {"message": "Cannot delete a default or non existent Payment Term"}},
    )
    archived = await api.ok("DELETE", "/payment_terms/21")
    assert archived["archived_at"] is not None
    assert 21 not in [t["num_days"] for t in await api.ok("GET", "/payment_terms")]
    status, _, _ = await api.call("PUT", "/payment_terms/1", {}, headers=ACCEPT_JSON)
    assert status == 500


async def test_documents_list_by_id_and_have_no_update(api: Api) -> None:
    documents = await api.ok("GET", "/documents?filter_active=1")
    assert [d["id"] for d in documents] == sorted(d.public_id for d in api.emu.state.documents)
    status, _, _ = await api.call("PUT", "/documents/1?action=archive", headers=ACCEPT_JSON)
    assert status == 500
