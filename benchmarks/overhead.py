"""Per-call overhead: a successful call through the whole middleware chain, over `MockTransport`.

The baseline calls the same transport directly with a request carrying the same headers; the difference is
what the SDK's request path costs per call (headers, version guard, deadline, retry fast path, status check,
logging check, concurrency limit, URL building). A second pair does the same for ``invoices.get(1)``, whose
baseline also decodes the body (orjson and the SDK's converter) by hand, so that the difference is again
only the SDK's own work. The handler answers at once, so no network or server time is in either figure.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import orjson

from ninja_async import NinjaClient
from ninja_async.http import Headers, Request, Response, Timeout
from ninja_async.models import Invoice, structure
from ninja_async.testing.constants import NINJA_VERSION
from ninja_async.transport.mock import MockTransport

from .harness import Config, Figure, check, interleaved, median, spread
from .servers import TOKEN

NAME = "overhead"
TITLE = "Per-call overhead: GET through the middleware chain over MockTransport"

BASE_URL = "http://127.0.0.1:9"  # never contacted: MockTransport answers
BODY = orjson.dumps(
    {
        "data": {
            "account_key": "a" * 32,
            "is_owner": True,
            "id": 1,
            "amount": 10,
            "invoice_number": "0001",
            "invoice_date": "2024-01-02",
            "invoice_items": [],
        }
    }
)
RESPONSE_HEADERS = {"Content-Type": "application/json", "X-Ninja-Version": NINJA_VERSION}


def _answer(request: Request) -> Response:
    return Response(200, headers=Headers(RESPONSE_HEADERS), content=BODY)


def _per_call(call: Callable[[], Awaitable[object]], calls: int) -> Callable[[], Awaitable[float]]:
    async def run() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            await call()
        return (time.perf_counter() - started) / calls * 1e6

    return run


async def _measure(calls: int, repeats: int) -> dict[str, list[float]]:
    transport = MockTransport(_answer)
    ninja = NinjaClient(BASE_URL, TOKEN, transport=transport)
    url = f"{ninja.api_url}/invoices/1"
    headers = {
        "X-Ninja-Token": TOKEN,
        "Accept": "application/json",
        "X-Requested-With": "XMLHttpRequest",
        "User-Agent": "bench",
    }
    timeout = Timeout()

    async def direct() -> Response:
        return await transport.send(Request("GET", url, headers=Headers(headers), timeout=timeout))

    async def direct_decoded() -> Invoice:
        response = await transport.send(Request("GET", url, headers=Headers(headers), timeout=timeout))
        return structure(orjson.loads(response.content)["data"], Invoice, path="data")

    variants = {
        "transport": _per_call(direct, calls),
        "request": _per_call(lambda: ninja.request("GET", "invoices/1"), calls),
        "transport+decode": _per_call(direct_decoded, calls),
        "get": _per_call(lambda: ninja.invoices.get(1), calls),
    }
    try:
        await interleaved(variants, 1)  # warm-up
        transport.requests.clear()
        samples: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(repeats):
            for name, values in (await interleaved(variants, 1)).items():
                samples[name] += values
            transport.requests.clear()  # the mock records every request; do not let that list grow
        return samples
    finally:
        await ninja.aclose()


def run(config: Config) -> list[Figure]:
    samples = asyncio.run(_measure(config.pick(20_000, 500), config.pick(config.repeats, 1)))
    figures = []
    for sdk, base, label in (
        ("request", "transport", 'ninja.request("GET", ...)'),
        ("get", "transport+decode", "ninja.invoices.get(1)"),
    ):
        value, baseline = median(samples[sdk]), median(samples[base])
        figure = Figure(
            f"µs per call, {label} vs transport directly",
            value,
            "µs",
            baseline,
            "µs",
            value / baseline,
            note=f"+{value - baseline:.1f} µs; {spread(samples[sdk])}",
        )
        figures.append(check(figure, lambda f: f.value - f.baseline <= 40, "≤ baseline + 40 µs"))
    return figures
