"""Fixtures for the core tests: a client over MockTransport with a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from core_support import TOKEN, Script

from ninja_async.client import NinjaClient
from ninja_async.clock import FakeClock
from ninja_async.middleware import RetryPolicy
from ninja_async.transport import MockTransport


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def script() -> Script:
    return Script()


@pytest.fixture
async def ninja(script: Script, clock: FakeClock) -> AsyncIterator[NinjaClient]:
    async with NinjaClient(
        "https://ninja.example.com",
        TOKEN,
        transport=MockTransport(script),
        clock=clock,
        retry=RetryPolicy(max_retries=3, budget=None),
    ) as client:
        yield client
