"""Churn: records created and re-stamped while a client pages through a list."""

from __future__ import annotations

import pytest
from emulator_support import Api

from ninja_async.testing import ChurnConfig, NinjaEmulator
from ninja_async.testing.churn import Churn


async def test_each_list_request_creates_and_updates(api: Api, emu: NinjaEmulator) -> None:
    emu.churn.config.creates_per_list = 2
    emu.churn.config.updates_per_list = 3
    before = len(emu.state.invoices)
    first = await api.ok("GET", "/invoices?per_page=5")
    assert len(emu.state.invoices) == before + 2
    assert (emu.churn.created, emu.churn.updated) == (2, 3)
    now = emu.clock.timestamp()
    assert all(i["updated_at"] == now for i in first)
    await api.ok("GET", "/clients")
    assert emu.churn.created == 2


async def test_updates_move_rows_ahead_of_a_page_walk(api: Api, emu: NinjaEmulator) -> None:
    emu.churn.config.updates_per_list = 2
    seen: set[int] = set()
    page = 1
    while True:
        emu.clock.advance(1)
        body = (await api.call("GET", f"/invoices?per_page=7&page={page}"))[1]
        seen.update(i["id"] for i in body["data"])
        if page >= body["meta"]["pagination"]["total_pages"]:
            break
        page += 1
    stamps = sorted({i.updated_at for i in emu.state.invoices}, reverse=True)
    assert stamps[0] == emu.clock.timestamp()
    since = emu.clock.timestamp() - page
    recent = await api.ok("GET", f"/invoices?updated_at={since}&per_page=500")
    assert {i["id"] for i in recent} == {i.public_id for i in emu.state.invoices if i.updated_at >= since}


def test_background_tick_and_validation(emu: NinjaEmulator) -> None:
    churn = Churn(ChurnConfig(resources=("clients", "products"), seed=3))
    clients, products = len(emu.state.clients), len(emu.state.products)
    churn.tick(emu.state)
    assert (len(emu.state.clients), len(emu.state.products)) == (clients + 1, products + 1)
    assert churn.created == 2
    with pytest.raises(ValueError, match="churn supports"):
        Churn(ChurnConfig(resources=("payments",)))
