"""Hand-written aiohttp loops: the baselines the SDK is measured against, and the SDK loops themselves.

The hand-written loops do what a careful developer would write without the SDK: one ``aiohttp`` session,
``orjson.loads``, and either the dicts as they are or plain cattrs (``detailed_validation=False``, the
fastest configuration measured in ``/work/shared/perf/baseline.md``) into the SDK's own model classes. They
learn the page count from the first page as the SDK must, then keep ``concurrency`` pages in flight.
"""

from __future__ import annotations

import asyncio
import datetime
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import cattrs
import orjson
from yarl import URL

from ninja_async import NinjaClient
from ninja_async.models import Invoice

from .servers import TOKEN

Decode = Callable[[list[dict[str, Any]]], list[Any]]

HEADERS = {
    "X-Ninja-Token": TOKEN,
    "Accept": "application/json",
    "X-Requested-With": "XMLHttpRequest",
}


def plain_cattrs() -> Decode:
    """cattrs into the SDK's classes, checking nothing, with the one hook it cannot do without."""
    converter = cattrs.Converter(detailed_validation=False)

    def date_or_none(value: Any, _: Any) -> datetime.date | None:
        return datetime.date.fromisoformat(value) if value else None

    converter.register_structure_hook_func(lambda tp: tp == datetime.date | None, date_or_none)
    hook = converter.get_structure_hook(list[Invoice])
    return lambda data: hook(data, list[Invoice])


def dicts(data: list[dict[str, Any]]) -> list[Any]:
    return data


def _page_url(base_url: str, per_page: int, page: int) -> URL:
    return URL(f"{base_url}/api/v1/invoices?per_page={per_page}&page={page}", encoded=True)


async def handwritten_window(
    base_url: str, per_page: int, concurrency: int, decode: Decode, *, deferred: bool = False
) -> int:
    """Ordered sliding window of tasks, each fetching one page; returns items seen.

    Each task decodes its page, or with ``deferred`` only reads the body and the loop decodes a page when it
    gets there: pages waiting to be read then stay bytes, which the garbage collector never walks (the
    SDK's shape).
    """
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        def parse(body: bytes) -> tuple[int, list[Any]]:
            payload = orjson.loads(body)
            return payload["meta"]["pagination"]["total_pages"], decode(payload["data"])

        async def fetch(page: int) -> Callable[[], tuple[int, list[Any]]]:
            async with session.get(_page_url(base_url, per_page, page), headers=HEADERS) as response:
                body = await response.read()
            if deferred:
                return lambda: parse(body)
            parsed = parse(body)
            return lambda: parsed

        total_pages, items = (await fetch(1))()
        seen = 0
        for _ in items:
            seen += 1
        in_flight: deque[asyncio.Future[Callable[[], tuple[int, list[Any]]]]] = deque()
        next_page = 2
        while in_flight or next_page <= total_pages:
            while len(in_flight) < concurrency and next_page <= total_pages:
                in_flight.append(asyncio.ensure_future(fetch(next_page)))
                next_page += 1
            _, items = (await in_flight.popleft())()
            for _ in items:
                seen += 1
        return seen


async def handwritten_semaphore(base_url: str, per_page: int, concurrency: int, decode: Decode) -> int:
    """A semaphore of ``concurrency`` and ``as_completed`` over every page (unordered); returns items seen."""
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        semaphore = asyncio.Semaphore(concurrency)

        async def fetch(page: int) -> tuple[int, list[Any]]:
            async with (
                semaphore,
                session.get(_page_url(base_url, per_page, page), headers=HEADERS) as response,
            ):
                body = await response.read()
            payload = orjson.loads(body)
            return payload["meta"]["pagination"]["total_pages"], decode(payload["data"])

        total_pages, items = await fetch(1)
        seen = len(items)
        for future in asyncio.as_completed([fetch(page) for page in range(2, total_pages + 1)]):
            _, items = await future
            for _ in items:
                seen += 1
        return seen


async def sdk_list(
    base_url: str, per_page: int, concurrency: int, *, raw: bool, by_page: bool = False, prefetch: int = 0
) -> int:
    """The SDK: ``async for`` over ``ninja.invoices.list(...)`` (or its ``.raw()``); returns items seen.

    ``by_page``: iterate ``.pages()`` and each page's items instead (no ``async for`` step per item).
    ``prefetch``: the list's option to ask for that many pages along with the first.
    """
    async with NinjaClient(base_url, TOKEN) as ninja:
        invoices = ninja.invoices.list(per_page=per_page, concurrency=concurrency, prefetch=prefetch)
        listing = invoices.raw() if raw else invoices
        seen = 0
        if by_page:
            async for page in listing.pages():
                for _ in page.items:
                    seen += 1
            return seen
        async for _ in listing:
            seen += 1
        return seen


Loop = Callable[[], Awaitable[int]]
