"""CPU efficiency: pages per second of a bulk list, SDK against the best hand-written aiohttp loop.

20,000 invoices, ``per_page=100``, ``concurrency=8``, from a pre-rendered page server in its own process, so
the client is the bottleneck. Two modes: models (the SDK's attrs classes; the hand-written loops use plain
cattrs into the same classes) and raw dicts against aiohttp + orjson, the latter in both of its forms:
``async for row in .raw()`` and ``.raw().pages()`` (a loop over pages and their rows, as the hand-written
loops are; the same de-duplication, without an ``await`` per row). The baseline of each mode is the
fastest of three hand-written loop shapes (`loops`), by median; the variants run interleaved, round after
round, and each ratio is the median of the rounds' own ratios (`harness.paired_ratio`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from . import loops
from .harness import Config, Figure, check, interleaved, median, paired_ratio, server, spread, timed

NAME = "cpu"
TITLE = "CPU efficiency: 20,000 invoices, per_page=100, concurrency=8"

PER_PAGE = 100
CONCURRENCY = 8
HAND_SHAPES = ("window", "semaphore", "deferred")


async def _measure(base_url: str, total: int, rounds: tuple[int, int]) -> dict[str, list[float]]:
    """Each mode's variants interleaved among themselves, ``rounds`` (models, raw) times: a run right after
    a models run (its heap, its caches) was up to 10% slower, so mixing the modes penalised whichever
    variant followed one."""
    cattrs_decode = loops.plain_cattrs()
    args = (base_url, PER_PAGE, CONCURRENCY)
    groups: list[dict[str, Callable[[], Awaitable[int]]]] = [
        {
            "sdk models": lambda: loops.sdk_list(*args, raw=False),
            "hand window models": lambda: loops.handwritten_window(*args, cattrs_decode),
            "hand semaphore models": lambda: loops.handwritten_semaphore(*args, cattrs_decode),
            "hand deferred models": lambda: loops.handwritten_window(*args, cattrs_decode, deferred=True),
        },
        {
            "sdk raw": lambda: loops.sdk_list(*args, raw=True),
            "hand window raw": lambda: loops.handwritten_window(*args, loops.dicts),
            "hand semaphore raw": lambda: loops.handwritten_semaphore(*args, loops.dicts),
            "hand deferred raw": lambda: loops.handwritten_window(*args, loops.dicts, deferred=True),
            "sdk raw pages": lambda: loops.sdk_list(*args, raw=True, by_page=True),
        },
    ]
    samples: dict[str, list[float]] = {}
    for group, repeats in zip(groups, rounds, strict=True):
        runs = {name: timed(loop, total) for name, loop in group.items()}
        await interleaved(runs, 1)  # warm-up: connections, converter hooks, code paths
        samples |= await interleaved(runs, repeats)
    return samples


def _fastest_hand(samples: dict[str, list[float]], mode: str) -> str:
    return min((f"hand {shape} {mode}" for shape in HAND_SHAPES), key=lambda name: median(samples[name]))


def _versus(samples: dict[str, list[float]], name: str, mode: str, pages: int, title: str) -> Figure:
    """``name`` against the fastest hand-written loop of ``mode``: pages/s as medians, the ratio as the
    median of per-round ratios."""
    baseline = _fastest_hand(samples, mode)
    ratios = paired_ratio(samples[baseline], samples[name])
    of_medians = median(samples[baseline]) / median(samples[name])
    return Figure(
        title,
        pages / median(samples[name]),
        "pages/s",
        pages / median(samples[baseline]),
        "pages/s",
        median(ratios),
        note=f"baseline: {baseline.rsplit(' ', 1)[0]}; {spread(ratios)} (ratio of medians {of_medians:.3f})",
    )


def run(config: Config) -> list[Figure]:
    total = config.pick(20_000, 2_000)
    pages = -(-total // PER_PAGE)
    # Runs are short (a raw run ~0.15 s), so more rounds than ``repeats`` cost little and steady the median:
    # single rounds of the raw group scatter by ±10% and more on this shared machine.
    rounds = config.pick((2 * config.repeats + 1, 8 * config.repeats + 1), (1, 1))
    with server("pages", "--total", str(total), "--per-page", str(PER_PAGE)) as pages_server:
        samples = asyncio.run(_measure(pages_server.base_url, total, rounds))
    figures = []
    for name, mode, title in (
        ("sdk models", "models", "pages/s, attrs models: SDK vs best hand-written"),
        ("sdk raw", "raw", "pages/s, raw dicts (async for row in .raw()): SDK vs best hand-written"),
        ("sdk raw pages", "raw", "  same, page by page (.raw().pages())"),
    ):
        figure = _versus(samples, name, mode, pages, title)
        figures.append(check(figure, lambda f: f.ratio >= 0.90, "≥ 0.90"))
    return figures
