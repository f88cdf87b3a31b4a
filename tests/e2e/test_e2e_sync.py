"""Incremental sync against the emulator over loopback while records are created and updated under it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from ninja_async import NinjaClient, Request
from ninja_async.testing import ChurnConfig, NinjaEmulator

CHURN = ChurnConfig(resources=("invoices",), creates_per_list=3, updates_per_list=12, seed=5)


@pytest.fixture
async def emulator() -> AsyncIterator[NinjaEmulator]:
    async with NinjaEmulator(clients=40, invoices=3000, seed=11, error_delay=0, churn=CHURN) as emu:
        yield emu


def stop_churn_after(emu: NinjaEmulator, requests: int) -> Any:
    """A request hook that lets the churn run for the first ``requests`` list calls, then stops it."""
    seen = 0

    def hook(request: Request) -> None:
        nonlocal seen
        seen += 1
        if seen >= requests:
            emu.churn.config.creates_per_list = 0
            emu.churn.config.updates_per_list = 0

    return hook


def server_ids(emu: NinjaEmulator) -> set[int]:
    return {row.public_id for row in emu.state.invoices}


async def test_plain_listing_under_churn_loses_records(emulator: NinjaEmulator) -> None:
    # The failure sync() exists to prevent: rows updated mid-read move to page 1, behind the reader.
    async with NinjaClient(emulator.base_url, emulator.token) as ninja:
        ids = {invoice.id async for invoice in ninja.invoices.list(per_page=50, concurrency=4)}
    assert len(server_ids(emulator) - ids) > 0


async def test_sync_misses_nothing_under_churn(emulator: NinjaEmulator) -> None:
    hook = stop_churn_after(emulator, requests=40)
    async with NinjaClient(emulator.base_url, emulator.token, hooks={"request": [hook]}) as ninja:
        result = await ninja.invoices.sync(since=0, per_page=50, concurrency=4)
    assert emulator.churn.created > 0 and emulator.churn.updated > 0
    received = {invoice.id for invoice in result.records}
    assert received == server_ids(emulator)
    assert len(result.records) == len(emulator.state.invoices)
    assert result.complete
    assert result.passes >= 2
    # Each record arrives in its latest version.
    latest = {row.public_id: row.updated_at for row in emulator.state.invoices}
    assert all(invoice.updated_at == latest[invoice.id] for invoice in result.records)


async def test_the_cursor_continues_without_a_gap(emulator: NinjaEmulator) -> None:
    emulator.churn.config.creates_per_list = 0
    emulator.churn.config.updates_per_list = 0
    async with NinjaClient(emulator.base_url, emulator.token) as ninja:
        first = await ninja.invoices.sync(per_page=200)
        emulator.clock.advance(5)
        client = await ninja.clients.create(name="Late Ltd")
        invoice = await ninja.invoices.create(
            client_id=client.id, invoice_items=[{"product_key": "X", "cost": 1, "qty": 1, "notes": ""}]
        )
        second = await ninja.invoices.sync(since=first.cursor, per_page=200)
    assert invoice.id in {i.id for i in second.records}
    assert len(second.records) < len(first.records)  # only the tail since the cursor is read again
    assert second.cursor >= first.cursor
