"""CPU efficiency: pages per second of a bulk list, SDK against the best hand-written aiohttp loop.

20,000 invoices, ``per_page=100``, ``concurrency=8``, from a pre-rendered page server in its own process, so
the client is the bottleneck. Two modes: models (the SDK's attrs classes; the hand-written loops use plain
cattrs into the same classes) and raw dicts (``.raw()`` against aiohttp + orjson). The baseline of each mode
is the faster of two hand-written loop shapes, by median; the variants run interleaved, round after round.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from . import loops
from .harness import Config, Figure, check, interleaved, median, server, spread, timed

NAME = "cpu"
TITLE = "CPU efficiency: 20,000 invoices, per_page=100, concurrency=8"

PER_PAGE = 100
CONCURRENCY = 8


async def _measure(base_url: str, total: int, repeats: int) -> dict[str, list[float]]:
    """Each mode's variants interleaved among themselves: a run right after a models run (its heap, its
    caches) was up to 10% slower, so mixing the modes penalised whichever variant followed one."""
    cattrs_decode = loops.plain_cattrs()
    args = (base_url, PER_PAGE, CONCURRENCY)
    groups: list[dict[str, Callable[[], Awaitable[int]]]] = [
        {
            "sdk models": lambda: loops.sdk_list(*args, raw=False),
            "hand window models": lambda: loops.handwritten_window(*args, cattrs_decode),
            "hand semaphore models": lambda: loops.handwritten_semaphore(*args, cattrs_decode),
        },
        {
            "sdk raw": lambda: loops.sdk_list(*args, raw=True),
            "hand window raw": lambda: loops.handwritten_window(*args, loops.dicts),
            "hand semaphore raw": lambda: loops.handwritten_semaphore(*args, loops.dicts),
            "sdk raw pages": lambda: loops.sdk_list(*args, raw=True, by_page=True),
        },
    ]
    samples: dict[str, list[float]] = {}
    for group in groups:
        runs = {name: timed(loop, total) for name, loop in group.items()}
        await interleaved(runs, 1)  # warm-up: connections, converter hooks, code paths
        samples |= await interleaved(runs, repeats)
    return samples


def run(config: Config) -> list[Figure]:
    total = config.pick(20_000, 2_000)
    pages = -(-total // PER_PAGE)
    with server("pages", "--total", str(total), "--per-page", str(PER_PAGE)) as pages_server:
        samples = asyncio.run(_measure(pages_server.base_url, total, config.pick(config.repeats, 1)))
    rate = {name: pages / median(values) for name, values in samples.items()}
    figures = []
    for mode, label in (("models", "attrs models"), ("raw", "raw dicts (.raw())")):
        best = max((f"hand window {mode}", f"hand semaphore {mode}"), key=rate.__getitem__)
        sdk = rate[f"sdk {mode}"]
        figure = Figure(
            f"pages/s, {label}: SDK vs best hand-written",
            sdk,
            "pages/s",
            rate[best],
            "pages/s",
            sdk / rate[best],
            note=f"baseline: {best.rsplit(' ', 1)[0]}; {spread(samples[f'sdk {mode}'])}",
        )
        figures.append(check(figure, lambda f: f.ratio >= 0.90, "≥ 0.90"))
    best = max(("hand window raw", "hand semaphore raw"), key=rate.__getitem__)
    by_page = rate["sdk raw pages"]
    figures.append(
        Figure(
            "  same, SDK .raw().pages() (context)",
            by_page,
            "pages/s",
            rate[best],
            "pages/s",
            by_page / rate[best],
            note="items read per page: no per-item async for, no dedupe by id",
        )
    )
    return figures
