"""Fixtures for the examples' tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from ninja_async.testing import NinjaEmulator


@pytest.fixture
async def emu() -> AsyncIterator[NinjaEmulator]:
    """A small seeded emulator, served on loopback, with no 3 s delay before error answers."""
    async with NinjaEmulator(clients=6, invoices=12, seed=3, error_delay=0) as emulator:
        yield emulator
