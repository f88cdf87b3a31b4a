"""pytest fixtures that serve a :class:`~ninja_async.testing.NinjaEmulator` on loopback.

Enable them in a test suite with one line in ``conftest.py``::

    pytest_plugins = ["ninja_async.testing.pytest_plugin"]

Fixtures (they need pytest-asyncio):

- ``ninja_emulator`` — a started emulator with a small seeded account (5 clients, 15 invoices,
  seed 0) and ``error_delay=0`` so bad-token tests do not wait 3 s. Use ``emu.base_url`` and
  ``emu.token``; assert on ``emu.state``.
- ``ninja_emulator_factory`` — ``await ninja_emulator_factory(**options)`` starts an emulator
  with any :class:`NinjaEmulator` options (``error_delay`` defaults to 0); all are stopped at
  teardown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest_asyncio

from .server import NinjaEmulator

EmulatorFactory = Callable[..., Awaitable[NinjaEmulator]]


@pytest_asyncio.fixture
async def ninja_emulator_factory() -> AsyncIterator[EmulatorFactory]:
    started: list[NinjaEmulator] = []

    async def make(**options: Any) -> NinjaEmulator:
        options.setdefault("error_delay", 0.0)
        emulator = NinjaEmulator(**options)
        await emulator.start()
        started.append(emulator)
        return emulator

    yield make
    for emulator in reversed(started):
        await emulator.stop()


@pytest_asyncio.fixture
async def ninja_emulator(ninja_emulator_factory: EmulatorFactory) -> NinjaEmulator:
    return await ninja_emulator_factory(clients=5, invoices=15, seed=0)
