"""The client over the default AiohttpTransport, with aiohttp itself mocked by aioresponses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses
from aioresponses import core as aioresponses_core
from core_support import TOKEN

from ninja_async import APIConnectionError, NinjaClient, ServerError, ValidationError
from ninja_async.clock import FakeClock

API = "https://ninja.example.com/api/v1"
V4 = {"X-Ninja-Version": "4.5.50"}


class _SentRequest:
    """What aiohttp >= 3.14 asks of a response's ``stream_writer`` once the request is out."""

    output_size = 0


class _CompatResponse(aiohttp.ClientResponse):
    """aioresponses 0.7.9 builds responses without the ``stream_writer`` aiohttp 3.14 requires
    (pnuckowski/aioresponses#289, unreleased fix #288); supply it until a fixed release exists."""

    def __init__(self, method: str, url: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", _SentRequest())
        super().__init__(method, url, **kwargs)


@pytest.fixture
def mocked(monkeypatch: pytest.MonkeyPatch) -> Iterator[aioresponses]:
    monkeypatch.setattr(aioresponses_core, "ClientResponse", _CompatResponse)
    with aioresponses() as mock:
        yield mock


async def test_headers_reach_aiohttp(mocked: aioresponses) -> None:
    mocked.get(f"{API}/clients/1", payload={"data": {"id": 1}}, headers=V4)
    async with NinjaClient("https://ninja.example.com", TOKEN) as ninja:
        response = await ninja.request("GET", "clients/1")
    assert response.status == 200
    (call,) = next(iter(mocked.requests.values()))
    headers = call.kwargs["headers"]
    assert headers["X-Ninja-Token"] == TOKEN
    assert headers["X-Requested-With"] == "XMLHttpRequest"
    assert call.kwargs["allow_redirects"] is False


async def test_a_redirect_is_returned_not_followed(mocked: aioresponses) -> None:
    mocked.post(f"{API}/invoices", status=302, headers={"Location": "https://elsewhere.example/login"})
    mocked.get("https://elsewhere.example/login", body="login page")
    async with NinjaClient("https://ninja.example.com", TOKEN) as ninja:
        with pytest.raises(ValidationError, match="redirected"):
            await ninja.request("POST", "invoices", json={})
    assert all("elsewhere" not in str(url) for _method, url in mocked.requests)


async def test_server_errors_are_retried_through_aiohttp(mocked: aioresponses) -> None:
    clock = FakeClock()
    mocked.get(f"{API}/clients", status=503, payload={"message": "down"})
    mocked.get(f"{API}/clients", status=200, payload={"data": []}, headers=V4)
    async with NinjaClient("https://ninja.example.com", TOKEN, clock=clock) as ninja:
        response = await ninja.request("GET", "clients")
    assert response.status == 200
    assert len(clock.sleeps) == 1


async def test_aiohttp_errors_become_sdk_errors(mocked: aioresponses) -> None:
    clock = FakeClock()
    mocked.get(re.compile(rf"{API}/.*"), exception=aiohttp.ServerDisconnectedError(), repeat=True)
    async with NinjaClient("https://ninja.example.com", TOKEN, clock=clock, retry=1) as ninja:
        with pytest.raises(APIConnectionError) as caught:
            await ninja.request("GET", "clients")
    assert not isinstance(caught.value, aiohttp.ClientError)
    assert caught.value.request_sent


async def test_the_last_server_error_surfaces_with_its_message(mocked: aioresponses) -> None:
    mocked.get(f"{API}/clients", status=500, payload={"message": "Server Error"}, repeat=True)
    async with NinjaClient("https://ninja.example.com", TOKEN, clock=FakeClock(), retry=2) as ninja:
        with pytest.raises(ServerError, match="Server Error"):
            await ninja.request("GET", "clients")
