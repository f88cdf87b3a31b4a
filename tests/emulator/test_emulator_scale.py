"""Scale: 100k invoices seeded in memory, pages served from cached bytes.

Timings are reported by the maintainers' measurements, not asserted here.
"""

from __future__ import annotations

import orjson
from aiohttp.test_utils import TestClient, TestServer
from emulator_support import TOKEN_HEADERS

from ninja_async.testing import NinjaEmulator
from ninja_async.testing.store import Account


def fingerprint(account: Account) -> list[tuple[int, int, float, int]]:
    return [(i.public_id, i.f["client_id"], i.f["amount"], len(i.children)) for i in account.invoices]


async def test_hundred_thousand_invoices_page_of_a_hundred() -> None:
    emu = NinjaEmulator(clients=1000, invoices=100_000, seed=1, error_delay=0)
    assert len(emu.state.invoices) == 100_000
    statuses = {int(i.f.get("invoice_status_id", 1)) for i in emu.state.invoices}
    assert statuses >= {1, 2, 5, 6}
    async with TestClient(TestServer(emu.app)) as client:
        async with client.get("/api/v1/invoices?per_page=100&page=3", headers=TOKEN_HEADERS) as reply:
            body = orjson.loads(await reply.read())
        assert len(body["data"]) == 100
        assert body["meta"]["pagination"]["total"] == 100_000
        expected = [r.public_id for r in emu.state.invoices.sorted()[200:300]]
        assert [i["id"] for i in body["data"]] == expected
        row = emu.state.invoices.get(expected[0])
        assert row is not None
        assert row.cache is not None
        async with client.put(
            f"/api/v1/invoices/{row.public_id}?action=archive", headers=TOKEN_HEADERS
        ) as reply:
            assert reply.status == 200
        assert orjson.loads(row.cache)["archived_at"] is not None


def test_seeding_is_deterministic() -> None:
    first = NinjaEmulator(clients=20, invoices=300, seed=42)
    second = NinjaEmulator(clients=20, invoices=300, seed=42)
    other = NinjaEmulator(clients=20, invoices=300, seed=43)
    assert fingerprint(first.state) == fingerprint(second.state)
    assert fingerprint(first.state) != fingerprint(other.state)
    types = {(bool(i.f.get("is_recurring")), i.f["invoice_type_id"]) for i in first.state.invoices}
    assert types == {(False, 1), (False, 2), (True, 1)}
    assert any(i.is_deleted for i in first.state.invoices)
    assert any(i.deleted_at and not i.is_deleted for i in first.state.invoices)
