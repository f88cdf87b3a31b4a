"""The 40 fidelity checks at the end of the v4 spec, against the emulator over a real socket.

Plain aiohttp only (never the SDK), so these tests pin the wire behaviour itself: status, headers
and body shape. Checks that depend on a record's state create that record first.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
import pytest

from ninja_async.testing import DEFAULT_EMAIL, DEFAULT_PASSWORD, DEFAULT_TOKEN, NinjaEmulator

SECRET = "s3cret"
XHR = {"X-Requested-With": "XMLHttpRequest"}


@dataclass
class Reply:
    status: int
    headers: Any
    body: bytes

    def json(self) -> Any:
        return orjson.loads(self.body)


@dataclass
class Api:
    """A thin aiohttp wrapper: the token header by default, no redirects followed."""

    session: aiohttp.ClientSession
    emu: NinjaEmulator

    async def call(self, method: str, path: str, *, token: bool = True, **kwargs: Any) -> Reply:
        headers = {"X-Ninja-Token": DEFAULT_TOKEN} if token else {}
        headers.update(kwargs.pop("headers", {}))
        url = self.emu.api_url + path
        async with self.session.request(method, url, headers=headers, allow_redirects=False, **kwargs) as r:
            return Reply(r.status, r.headers, await r.read())

    async def get(self, path: str, **kwargs: Any) -> Reply:
        return await self.call("GET", path, **kwargs)

    async def post(self, path: str, body: Any = None, **kwargs: Any) -> Reply:
        return await self.call("POST", path, json=body, **kwargs)

    async def put(self, path: str, body: Any = None, **kwargs: Any) -> Reply:
        return await self.call("PUT", path, json=body, **kwargs)

    async def data(self, path: str) -> Any:
        reply = await self.get(path)
        assert reply.status == 200, reply.body
        return reply.json()["data"]

    async def new_invoice(self, **fields: Any) -> dict[str, Any]:
        body = {"client_id": 1, "invoice_items": [{"product_key": "X", "cost": 10, "qty": 2}], **fields}
        reply = await self.post("/invoices", body)
        assert reply.status == 200, reply.body
        result: dict[str, Any] = reply.json()["data"]
        return result


@pytest.fixture
async def emu() -> AsyncIterator[NinjaEmulator]:
    async with NinjaEmulator(clients=5, invoices=40, seed=3, error_delay=0, api_secret=SECRET) as emulator:
        yield emulator


@pytest.fixture
async def api(emu: NinjaEmulator) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as session:
        yield Api(session, emu)


def live_ids(rows: Any) -> list[int]:
    return sorted(r.public_id for r in rows if r.deleted_at is None)


async def test_check_01_missing_token_is_403_invalid_token(api: Api) -> None:
    reply = await api.get("/clients", token=False)
    assert reply.status == 403
    assert reply.json() == {"error": {"message": "Invalid token"}}
    assert reply.headers["Content-Type"] == "application/json"


async def test_check_02_api_headers_on_success(api: Api) -> None:
    for path in ("/clients", "/invoices/1", "/accounts"):
        reply = await api.get(path)
        assert reply.status == 200
        assert reply.headers["X-Ninja-Version"] == "4.5.50"
        assert reply.headers["X-Total-Count"] == "0"


async def test_check_03_last_page_pagination(api: Api) -> None:
    reply = await api.get("/clients?per_page=2&page=3")
    assert reply.json()["meta"]["pagination"] == {
        "total": 5,
        "count": 1,
        "per_page": 2,
        "current_page": 3,
        "total_pages": 3,
        "links": {"previous": f"{api.emu.api_url}/clients?page=2"},
    }


async def test_check_04_single_page_links_is_empty_array(api: Api) -> None:
    body = (await api.get("/clients")).body
    assert orjson.loads(body)["meta"]["pagination"]["links"] == []
    assert b'"links":[]' in body


async def test_check_05_default_per_page_is_15(api: Api) -> None:
    pagination = (await api.get("/clients")).json()["meta"]["pagination"]
    assert pagination["per_page"] == 15
    assert (await api.get("/clients?per_page=0")).json()["meta"]["pagination"]["per_page"] == 15


async def test_check_06_page_is_not_clamped(api: Api) -> None:
    body = (await api.get("/clients?page=99")).json()
    assert body["data"] == []
    assert body["meta"]["pagination"]["current_page"] == 99
    assert body["meta"]["pagination"]["count"] == 0


async def test_check_07_empty_list(api: Api) -> None:
    pagination = (await api.get("/clients?email=nobody@nowhere.test")).json()["meta"]["pagination"]
    assert (pagination["total"], pagination["count"], pagination["total_pages"]) == (0, 0, 1)
    assert pagination["links"] == []


async def test_check_08_links_carry_only_page(api: Api) -> None:
    reply = await api.get("/clients?per_page=1&page=2&filter_active=0")
    assert reply.json()["meta"]["pagination"]["links"] == {
        "previous": f"{api.emu.api_url}/clients?page=1",
        "next": f"{api.emu.api_url}/clients?page=3",
    }


async def test_check_09_contacts_include_is_a_plain_array(api: Api) -> None:
    client = await api.data("/clients/1")
    assert isinstance(client["contacts"], list)
    assert client["contacts"]
    assert all(isinstance(c, dict) and "email" in c and "id" in c for c in client["contacts"])


async def test_check_10_invoice_items_always_client_only_on_request(api: Api) -> None:
    invoice = await api.data("/invoices/1")
    assert isinstance(invoice["invoice_items"], list)
    assert "client" not in invoice
    included = await api.data("/invoices/1?include=client")
    assert included["client"]["id"] == invoice["client_id"]
    assert isinstance(included["client"]["contacts"], list)


async def test_check_11_unknown_id_is_record_does_not_exist(api: Api) -> None:
    reply = await api.get("/clients/999")
    assert reply.status == 404
    assert reply.json() == {"message": "record does not exist"}


async def test_check_12_id_zero_is_record_not_found(api: Api) -> None:
    reply = await api.get("/clients/0")
    assert reply.status == 404
    assert reply.json() == {"error": "Record not found"}


async def test_check_13_unknown_route(api: Api) -> None:
    reply = await api.get("/nonexistent")
    assert reply.status == 404
    assert reply.json() == {"error": {"message": "Route does not exist"}}


async def test_check_14_archive_action(api: Api) -> None:
    invoice = await api.new_invoice()
    reply = await api.put(f"/invoices/{invoice['id']}?action=archive")
    assert reply.status == 200
    data = reply.json()["data"]
    assert isinstance(data["archived_at"], int)
    assert data["is_deleted"] is False


async def test_check_15_delete_client(api: Api) -> None:
    reply = await api.call("DELETE", "/clients/1")
    assert reply.status == 200
    data = reply.json()["data"]
    assert data["is_deleted"] is True
    assert data["archived_at"] is not None


async def test_check_16_restore_deleted_client(api: Api) -> None:
    await api.call("DELETE", "/clients/2")
    data = (await api.put("/clients/2?action=restore")).json()["data"]
    assert data["archived_at"] is None
    assert data["is_deleted"] is False


async def test_check_17_mark_paid_spelling(api: Api) -> None:
    invoice = await api.new_invoice()
    reply = await api.put(f"/invoices/{invoice['id']}?action=mark_paid")
    assert reply.status == 400
    assert reply.json() == {"error": "Action [mark_paid] is not supported"}
    assert (await api.put(f"/invoices/{invoice['id']}?action=markPaid")).status == 200


async def test_check_18_mark_sent_on_draft(api: Api) -> None:
    invoice = await api.new_invoice()
    assert invoice["invoice_status_id"] == 1
    data = (await api.put(f"/invoices/{invoice['id']}?action=mark_sent")).json()["data"]
    assert data["invoice_status_id"] == 2
    assert data["is_public"] is True


async def test_check_19_convert_quote(api: Api) -> None:
    quote = await api.new_invoice(is_quote=True)
    assert quote["invoice_type_id"] == 2
    converted = (await api.put(f"/invoices/{quote['id']}?action=convert")).json()["data"]
    assert converted["id"] != quote["id"]
    assert converted["invoice_type_id"] == 1
    assert converted["is_quote"] is False
    assert (await api.data(f"/invoices/{quote['id']}"))["quote_invoice_id"] == converted["id"]


async def test_check_20_archived_and_deleted_are_listed(api: Api) -> None:
    await api.put("/clients/3?action=archive")
    await api.call("DELETE", "/clients/4")
    listed = {c["id"]: c for c in await api.data("/clients")}
    assert listed[3]["archived_at"] is not None
    assert listed[3]["is_deleted"] is False
    assert listed[4]["is_deleted"] is True
    active = [c["id"] for c in await api.data("/clients?filter_active=1")]
    assert 3 not in active
    assert 4 not in active
    assert sorted(active) == live_ids(api.emu.state.clients)


async def test_check_21_updated_at_filter_is_inclusive(api: Api) -> None:
    stamps = sorted({c.updated_at for c in api.emu.state.clients})
    threshold = stamps[len(stamps) // 2]
    listed = await api.data(f"/clients?updated_at={threshold}")
    expected = sorted(c.public_id for c in api.emu.state.clients if c.updated_at >= threshold)
    assert sorted(c["id"] for c in listed) == expected
    assert any(c["updated_at"] == threshold for c in listed)


async def test_check_22_client_id_filter(api: Api) -> None:
    listed = await api.data("/invoices?client_id=2&per_page=500")
    expected = [i.public_id for i in api.emu.state.invoices if i.f["client_id"] == 2]
    assert expected
    assert sorted(i["id"] for i in listed) == sorted(expected)
    reply = await api.get("/clients?client_id=2", headers={"Accept": "application/json"})
    assert reply.status == 500


async def test_check_23_email_filter_then_id_number(api: Api) -> None:
    body = {"name": "Numbered", "id_number": "ID-42", "contact": {"email": "n@x.test"}}
    created = (await api.post("/clients", body)).json()["data"]
    other = await api.data("/clients/1")
    other_email = other["contacts"][0]["email"]
    assert [c["id"] for c in await api.data("/clients?email=n@x.test")] == [created["id"]]
    assert [c["id"] for c in await api.data("/clients?id_number=ID-42")] == [created["id"]]
    both = await api.data(f"/clients?email={other_email}&id_number=ID-42")
    assert [c["id"] for c in both] == [1]


async def test_check_24_invoices_mix_types_quotes_do_not(api: Api) -> None:
    invoices = await api.data("/invoices?per_page=500")
    assert {i["invoice_type_id"] for i in invoices} == {1, 2}
    assert any(i["is_recurring"] for i in invoices)
    quotes = await api.data("/quotes?per_page=500")
    assert quotes
    assert all(q["invoice_type_id"] == 2 and not q["is_recurring"] for q in quotes)
    expected = [i for i in invoices if i["invoice_type_id"] == 2 and not i["is_recurring"]]
    assert len(quotes) == len(expected)


async def test_check_25_status_id_is_at_least(api: Api) -> None:
    listed = await api.data("/invoices?status_id=2&per_page=500")
    statuses = {i["invoice_status_id"] for i in listed}
    assert statuses
    assert min(statuses) >= 2
    expected = [i for i in api.emu.state.invoices if i.f.get("invoice_status_id", 1) >= 2]
    assert len(listed) == len(expected)


async def test_check_26_validation_422_with_xhr_302_without(api: Api) -> None:
    reply = await api.post("/invoices", {}, headers=XHR)
    assert reply.status == 422
    body = reply.json()
    assert body["message"] == "The given data was invalid."
    assert list(body["errors"]) == ["email", "client_id"]
    assert "X-Ninja-Version" not in reply.headers
    redirect = await api.post("/invoices", {}, headers={"Accept": "*/*"})
    assert redirect.status == 302
    assert redirect.headers["Location"] == api.emu.base_url


async def test_check_27_validation_with_api_secret_is_400(api: Api) -> None:
    reply = await api.post("/invoices", {"api_secret": SECRET})
    assert reply.status == 400
    message = "The email field is required when client id is not present."
    assert reply.json() == {"error": {"message": message}}


async def test_check_28_product_autofill(api: Api) -> None:
    assert (await api.post("/products", {"product_key": "P1", "notes": "Gizmo", "cost": 10})).status == 200
    invoice = await api.new_invoice(invoice_items=[{"product_key": "P1"}])
    (item,) = invoice["invoice_items"]
    assert (item["cost"], item["qty"], item["notes"]) == (10, 1, "Gizmo")


async def test_check_29_email_creates_client(api: Api) -> None:
    before = len(api.emu.state.clients)
    reply = await api.post("/invoices", {"email": "new@x.com", "name": "Acme"})
    assert reply.status == 200
    invoice = reply.json()["data"]
    assert len(api.emu.state.clients) == before + 1
    client = await api.data(f"/clients/{invoice['client_id']}")
    assert client["name"] == "Acme"
    primary = [c for c in client["contacts"] if c["is_primary"]]
    assert [c["email"] for c in primary] == ["new@x.com"]


async def test_check_30_paid_creates_payment_not_for_quotes(api: Api) -> None:
    payments = len(api.emu.state.payments)
    invoice = await api.new_invoice(paid=5)
    assert len(api.emu.state.payments) == payments + 1
    payment = max(api.emu.state.payments, key=lambda p: p.public_id)
    assert (payment.f["invoice_id"], payment.f["amount"]) == (invoice["id"], 5)
    assert invoice["invoice_status_id"] >= 2
    assert invoice["is_public"] is True
    await api.new_invoice(paid=5, is_quote=True)
    assert len(api.emu.state.payments) == payments + 1


async def test_check_31_unknown_client_id(api: Api) -> None:
    reply = await api.post("/invoices", {"client_id": "999"})
    assert reply.status == 404
    assert reply.json() == {"error": "Client not found"}


async def test_check_32_client_put_without_contacts(api: Api) -> None:
    old = [c["id"] for c in (await api.data("/clients/1"))["contacts"]]
    client = (await api.put("/clients/1", {"name": "x"})).json()["data"]
    (contact,) = client["contacts"]
    assert contact["id"] not in old
    assert (contact["first_name"], contact["last_name"], contact["email"]) == ("", "", "")
    contacts = {c["id"]: c for c in await api.data("/contacts?client_id=1&per_page=100")}
    assert all(contacts[i]["archived_at"] is not None for i in old)


async def test_check_33_product_archive_needs_product_key(api: Api) -> None:
    assert (await api.put("/products/1?action=archive")).status == 302
    assert (await api.put("/products/1?action=archive", headers=XHR)).status == 422
    assert (await api.put("/products/1?action=archive", {"api_secret": SECRET})).status == 400
    data = (await api.put("/products/1?action=archive", {"product_key": "WEB-DEV"})).json()["data"]
    assert data["archived_at"] is not None


async def test_check_34_email_invoice(api: Api) -> None:
    reply = await api.post("/email_invoice", {"id": 1})
    assert reply.status == 200
    assert reply.json() == {"message": "success"}
    assert api.emu.state.sent_emails[-1].invoice_id in (1, max(i.public_id for i in api.emu.state.invoices))


async def test_check_35_ping(api: Api) -> None:
    reply = await api.get("/ping")
    assert reply.status == 200
    assert reply.body == b"success"


async def test_check_36_login_errors(api: Api) -> None:
    wrong_password = await api.post(
        "/login",
        {"email": DEFAULT_EMAIL, "password": "nope"},
        token=False,
        headers={"X-Ninja-Secret": SECRET},
    )
    assert wrong_password.status == 401
    assert wrong_password.json() == {"error": {"message": "Invalid credentials"}}
    wrong_secret = await api.post(
        "/login",
        {"email": DEFAULT_EMAIL, "password": DEFAULT_PASSWORD},
        token=False,
        headers={"X-Ninja-Secret": "wrong"},
    )
    assert wrong_secret.status == 403
    assert wrong_secret.json() == {"error": {"message": "Invalid value for API_SECRET"}}


async def test_check_37_hooks(api: Api) -> None:
    created = await api.post("/hooks", {"event": "create_client", "target_url": "http://127.0.0.1:9/hook"})
    assert created.status == 201
    assert isinstance(created.json()["id"], int)
    assert set(created.json()) == {"id"}
    bogus = await api.post("/hooks", {"event": "bogus", "target_url": "http://127.0.0.1:9/hook"})
    assert bogus.status == 500
    assert bogus.json() == "Event is invalid"


async def test_check_38_json_api_serializer(api: Api) -> None:
    body = (await api.get("/clients?serializer=json")).json()
    first = body["data"]["data"][0]
    assert first["type"] == "client"
    assert isinstance(first["id"], str)
    assert "name" in first["attributes"]
    assert "id" not in first["attributes"]
    assert "pagination" in body["meta"]


async def test_check_39_index_parameter(api: Api) -> None:
    bare = (await api.get("/clients?index=none")).json()
    assert isinstance(bare, list)
    assert len(bare) == 5
    named = (await api.get("/clients?index=clients")).json()
    assert set(named) == {"clients", "meta"}


async def test_check_40_user_ids_and_task_archived_at(api: Api) -> None:
    (owner,) = await api.data("/users")
    assert owner["id"] == 1
    assert "deleted_at" in owner
    assert "archived_at" not in owner
    task = (await api.post("/tasks", {"description": "t"})).json()["data"]
    assert task["archived_at"] == 0
