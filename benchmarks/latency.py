"""Latency hiding: 200 pages, each answered after 50 ms of server latency, read with ``concurrency=16``.

The ideal wall time is pages x latency / concurrency (0.625 s): what a client would take if it never waited
for anything but the server and always had 16 requests out. A client that learns the page count from the
first page cannot reach it: that page travels alone, and the other 199 pages in windows of 16 take 13 more
round trips, so 14 x 50 ms = 0.70 s = 1.12x is the floor before any per-request cost. A bulk sync that knows
its list is long therefore asks for pages 2-16 along with page 1 (``list(..., prefetch=15)``): that is the
measured figure. Shown next to it: the SDK's default (no speculation, no request wasted on a short list), the
hand-written aiohttp loop with the same window, and the sequential read (``concurrency=1``).

Pages hold ``per_page=10`` invoices decoded into models, so that what is measured is latency hiding: the
client's CPU per page is target 2's business. With ``per_page=100`` and models a page costs the client
~3 ms of CPU, 16 of them ~50 ms, as long as the latency itself, so at 50 ms and ``concurrency=16`` any
client is CPU-bound on this machine (the last row shows it, SDK and hand-written alike).
"""

from __future__ import annotations

import asyncio

from . import loops
from .harness import Config, Figure, check, interleaved, median, server, spread, timed

NAME = "latency"
TITLE = "Latency hiding: 200 pages x 50 ms server latency, concurrency=16"

PAGES = 200
LATENCY = 0.050
CONCURRENCY = 16
PER_PAGE = 10
CPU_BOUND_PER_PAGE = 100


async def _measure(
    base_url: str, per_page: int, pages: int, repeats: int, *, contrast: int = 0
) -> dict[str, list[float]]:
    """Wall times of the SDK (with and without prefetch) and the hand-written loop at c=16, interleaved;
    with ``contrast`` runs, also the sequential SDK read."""
    total = pages * per_page
    decode = loops.plain_cattrs()
    prefetch = CONCURRENCY - 1
    concurrent = {
        "sdk": timed(
            lambda: loops.sdk_list(base_url, per_page, CONCURRENCY, raw=False, prefetch=prefetch), total
        ),
        "sdk default": timed(lambda: loops.sdk_list(base_url, per_page, CONCURRENCY, raw=False), total),
        "hand": timed(lambda: loops.handwritten_window(base_url, per_page, CONCURRENCY, decode), total),
    }
    await interleaved(concurrent, 1)  # warm-up
    samples = await interleaved(concurrent, repeats)
    if contrast:
        one_by_one = timed(lambda: loops.sdk_list(base_url, per_page, 1, raw=False), total)
        samples |= await interleaved({"sequential": one_by_one}, contrast)
    return samples


def _serve(pages: int, per_page: int) -> tuple[str, ...]:
    return ("pages", "--total", str(pages * per_page), "--per-page", str(per_page), "--delay", str(LATENCY))


def run(config: Config) -> list[Figure]:
    pages = config.pick(PAGES, 40)
    ideal = pages * LATENCY / CONCURRENCY
    repeats = config.pick(config.repeats, 1)
    with server(*_serve(pages, PER_PAGE)) as pages_server:
        samples = asyncio.run(
            _measure(pages_server.base_url, PER_PAGE, pages, repeats, contrast=config.pick(3, 1))
        )
    with server(*_serve(pages, CPU_BOUND_PER_PAGE)) as pages_server:
        heavy = asyncio.run(_measure(pages_server.base_url, CPU_BOUND_PER_PAGE, pages, config.pick(3, 1)))
    sdk, default, hand, sequential = (
        median(samples[name]) for name in ("sdk", "sdk default", "hand", "sequential")
    )
    floor = (1 + -(-(pages - 1) // CONCURRENCY)) * LATENCY
    where = f"{pages} pages x 50 ms, c=16"

    def context(name: str, values: list[float], note: str = "") -> Figure:
        value = median(values)
        return Figure(
            name,
            value,
            "s",
            ideal,
            "s ideal",
            value / ideal,
            note=", ".join(filter(None, [spread(values), note])),
        )

    return [
        check(
            context(f"wall time, {where}, SDK, prefetch=15", samples["sdk"], "pages 2-16 sent with page 1"),
            lambda f: f.ratio <= 1.15,
            "≤ 1.15",
        ),
        context(
            "  same, SDK default (prefetch=0)",
            samples["sdk default"],
            f"first-page floor {floor / ideal:.2f}x; SDK/hand {default / hand:.3f}",
        ),
        context("  same, hand-written aiohttp (context)", samples["hand"], "learns the page count first"),
        context(
            "  same, SDK sequential c=1 (contrast)",
            samples["sequential"],
            f"{sequential / sdk:.1f}x the SDK at c=16",
        ),
        context(
            f"  same, per_page={CPU_BOUND_PER_PAGE}, SDK (CPU-bound)",
            heavy["sdk"],
            f"hand-written {median(heavy['hand']) / ideal:.2f}x",
        ),
    ]
