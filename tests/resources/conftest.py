"""Fixtures for resource tests: a client over MockTransport routed by a `FakeServer`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from resources_support import TOKEN, FakeServer

from ninja_async.client import NinjaClient
from ninja_async.clock import FakeClock
from ninja_async.transport import MockTransport


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
async def ninja(server: FakeServer) -> AsyncIterator[NinjaClient]:
    async with NinjaClient(
        "https://ninja.example.com", TOKEN, transport=MockTransport(server), clock=FakeClock(), strict=True
    ) as client:
        yield client


@pytest.fixture
async def lenient(server: FakeServer) -> AsyncIterator[NinjaClient]:
    """The default (non-strict) client, which keeps unknown server fields."""
    async with NinjaClient("https://ninja.example.com", TOKEN, transport=MockTransport(server)) as client:
        yield client
