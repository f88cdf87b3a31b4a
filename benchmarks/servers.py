"""The loopback servers the benchmarks talk to, each run in its own process.

``python -m benchmarks.servers pages --total N [--per-page P ...] [--delay S]`` serves ``GET
/api/v1/invoices?per_page=P&page=K`` from page bodies rendered before it says it is ready. The invoices come
from the emulator (its transformers, its seed), rendered once; page ``K`` repeats them with fresh ids so that
no page repeats another's ids (the SDK drops duplicate ids). Serving a page costs a dict lookup and a write,
so the client is what a benchmark measures; the emulator itself renders a 100-invoice page in ~4 ms, which
would make it the bottleneck. ``--delay`` holds every answer back that many seconds (server latency).

``python -m benchmarks.servers emulator [--hosted] [--hour-seconds H] [--invoices N]`` runs the emulator.

Both print ``READY <port>`` on stdout once they listen, then read commands from stdin, one per line:
``stats`` answers one JSON line of counters, ``reset`` zeroes the page server's, ``quit`` (or the end of
stdin) stops the server. (For a fresh emulator throttle, start a new emulator.)
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import math
import sys
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from ninja_async.testing import NinjaEmulator
from ninja_async.testing.constants import API_PREFIX, NINJA_VERSION

TOKEN = "benchmarktoken0000000000000000ab"
HEADERS = {"Content-Type": "application/json", "X-Ninja-Version": NINJA_VERSION, "X-Total-Count": "0"}
TEMPLATE_INVOICES = 500


async def _template_invoices(count: int) -> list[dict[str, Any]]:
    """``count`` invoices as the emulator's list route renders them (default includes, v4 field order)."""
    emulator = NinjaEmulator(token=TOKEN, clients=40, invoices=count, seed=5, error_delay=0)
    async with emulator:
        headers = {"X-Ninja-Token": TOKEN, "Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{emulator.api_url}/invoices?per_page={count}", headers=headers) as response,
        ):
            body = await response.read()
    data: list[dict[str, Any]] = orjson.loads(body)["data"]
    return data


def render_pages(template: list[dict[str, Any]], total: int, per_page: int, url: str) -> list[bytes]:
    """Every page of a ``total``-invoice list, ``per_page`` a page, as v4 sends it."""
    pages: list[bytes] = []
    last = max(math.ceil(total / per_page), 1)
    for page in range(1, last + 1):
        first = (page - 1) * per_page
        rows = []
        for index in range(first, min(first + per_page, total)):
            row = copy.copy(template[index % len(template)])
            row["id"] = total - index  # newest first, as v4 orders a list, and unique across pages
            rows.append(row)
        links: dict[str, str] = {}
        if page > 1:
            links["previous"] = f"{url}?page={page - 1}"
        if page < last:
            links["next"] = f"{url}?page={page + 1}"
        pagination: dict[str, Any] = {
            "total": total,
            "count": len(rows),
            "per_page": per_page,
            "current_page": page,
            "total_pages": last,
            "links": links or [],
        }
        pages.append(orjson.dumps({"data": rows, "meta": {"pagination": pagination}}))
    return pages


class PageServer:
    def __init__(self, total: int, per_pages: list[int], delay: float) -> None:
        self.total = total
        self.per_pages = per_pages
        self.delay = delay
        self.pages: dict[int, list[bytes]] = {}
        self.requests = 0

    async def prepare(self, url: str) -> None:
        template = await _template_invoices(min(TEMPLATE_INVOICES, self.total))
        for per_page in self.per_pages:
            self.pages[per_page] = render_pages(template, self.total, per_page, url)

    async def handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        try:
            pages = self.pages[int(request.query.get("per_page", "15"))]
            number = int(request.query.get("page", "1"))
        except (KeyError, ValueError):
            return web.Response(status=400, text="this page server knows no such per_page")
        if self.delay:
            await asyncio.sleep(self.delay)
        if number > len(pages):  # past the end v4 answers an empty page; it is rare enough to render here
            body = orjson.dumps({"data": [], "meta": {"pagination": orjson.loads(pages[0])["meta"]}})
        else:
            body = pages[number - 1]
        return web.Response(body=body, headers=HEADERS)

    def stats(self) -> dict[str, Any]:
        return {"requests": self.requests}

    def reset(self) -> None:
        self.requests = 0


async def _commands(stats: Any, reset: Any) -> None:
    """Serve stdin commands until ``quit`` or end of input."""
    loop = asyncio.get_running_loop()
    while True:
        line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
        if line in ("", "quit"):
            return
        if line == "stats":
            print(orjson.dumps(stats()).decode(), flush=True)
        elif line == "reset":
            reset()
            print("{}", flush=True)
        else:
            print(orjson.dumps({"error": f"unknown command {line!r}"}).decode(), flush=True)


async def _serve_pages(args: argparse.Namespace) -> None:
    server = PageServer(args.total, args.per_page or [100], args.delay)
    app = web.Application()
    app.router.add_get(f"{API_PREFIX}/invoices", server.handle)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    port = int(runner.addresses[0][1])
    await server.prepare(f"http://127.0.0.1:{port}{API_PREFIX}/invoices")
    print(f"READY {port}", flush=True)
    try:
        await _commands(server.stats, server.reset)
    finally:
        await runner.cleanup()


async def _serve_emulator(args: argparse.Namespace) -> None:
    emulator = NinjaEmulator(
        token=TOKEN,
        clients=20,
        invoices=args.invoices,
        seed=7,
        hosted=args.hosted,
        hour_seconds=args.hour_seconds,
        error_delay=0,
    )

    def stats() -> dict[str, Any]:
        return {
            "requests": emulator.request_count,
            "accepted": emulator.throttle.accepted,
            "throttled": emulator.throttle.throttled,
        }

    def reset() -> None:
        raise NotImplementedError("start a new emulator for a fresh throttle")

    async with emulator:
        print(f"READY {emulator.port}", flush=True)
        await _commands(stats, reset)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.servers", description="benchmark servers")
    kinds = parser.add_subparsers(dest="kind", required=True)
    pages = kinds.add_parser("pages", help="pre-rendered invoice pages")
    pages.add_argument("--total", type=int, required=True, help="invoices in the list")
    pages.add_argument("--per-page", type=int, action="append", help="page sizes to render (default 100)")
    pages.add_argument("--delay", type=float, default=0.0, help="seconds of latency added to every answer")
    emulator = kinds.add_parser("emulator", help="the ninja_async emulator")
    emulator.add_argument("--hosted", action="store_true")
    emulator.add_argument("--hour-seconds", type=float, default=3600.0)
    emulator.add_argument("--invoices", type=int, default=30)
    args = parser.parse_args(argv)
    asyncio.run(_serve_pages(args) if args.kind == "pages" else _serve_emulator(args))


if __name__ == "__main__":
    main()
