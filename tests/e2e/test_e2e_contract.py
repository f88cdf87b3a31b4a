"""Strict contract: everything the emulator serves decodes into the models with no unknown field left over.

The models are written from spec §5 and the emulator from the same spec, independently; strict decoding
makes any disagreement between them (a field one side lacks, a wrong type) fail here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from ninja_async import NinjaClient
from ninja_async.endpoints import ENDPOINTS, Op
from ninja_async.testing import NinjaEmulator


@pytest.fixture
async def strict() -> AsyncIterator[NinjaClient]:
    async with (
        NinjaEmulator(clients=20, invoices=200, seed=4, error_delay=0) as emu,
        NinjaClient(emu.base_url, emu.token, strict=True) as ninja,
    ):
        yield ninja


@pytest.mark.parametrize("name", sorted(n for n, row in ENDPOINTS.items() if Op.LIST in row.ops))
async def test_every_list_decodes_strictly(strict: NinjaClient, name: str) -> None:
    records = await getattr(strict, name).list(per_page=50).collect()
    assert records, f"the seeded account has no {name}"


@pytest.mark.parametrize(
    ("name", "include"),
    [(n, row.includes) for n, row in sorted(ENDPOINTS.items()) if Op.GET in row.ops],
)
async def test_every_item_with_every_include_decodes_strictly(
    strict: NinjaClient, name: str, include: tuple[str, ...]
) -> None:
    resource = getattr(strict, name)
    first = (await resource.list(per_page=1)).items[0]
    record = await (resource.get(first.id, include=list(include)) if include else resource.get(first.id))
    assert record.id == first.id
    for relation in include:
        assert getattr(record, relation) is not None


async def test_specials_decode_strictly(strict: NinjaClient) -> None:
    assert await strict.ping()
    assert (await strict.account.get()).name
    assert (await strict.user_accounts())[0].user is not None
    assert (await strict.dashboard()).activities is not None
    assert "currencies" in await strict.static()
