"""Fixtures for the emulator's own tests: an unstarted emulator served by aiohttp's test client.

Going through ``emu.app`` with :class:`aiohttp.test_utils.TestClient` also proves the app is
usable without :meth:`NinjaEmulator.start`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer
from emulator_support import Api

from ninja_async.testing import Clock, NinjaEmulator


@pytest.fixture
def clock() -> Clock:
    return Clock(start=1_700_000_000, frozen=True)


@pytest.fixture
def emu(clock: Clock) -> NinjaEmulator:
    """Six clients, all live (the seed archives some; these tests want known-good ones)."""
    emulator = NinjaEmulator(clients=6, invoices=40, seed=11, error_delay=0, clock=clock)
    for client in emulator.state.clients:
        client.deleted_at, client.is_deleted = None, False
    return emulator


@pytest.fixture
async def api(emu: NinjaEmulator) -> AsyncIterator[Api]:
    async with TestClient(TestServer(emu.app)) as client:
        yield Api(client, emu)
