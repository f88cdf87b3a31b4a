"""Memory: peak RSS of a client streaming 25k, 50k and 100k invoices (models, ``concurrency=16``).

Each size runs in a fresh client process (``python -m benchmarks.memory child ...``), against a page server
in a third process, so that only the client's memory is counted. The child notes its RSS once the SDK is
imported and its client built, just before the loop starts; the kernel's high-water mark (``VmHWM``, reset
at that moment where the kernel allows it) gives the peak, so no sample can miss it. The figure is peak
minus start. The loop keeps nothing (``async for`` with a counter), as a streaming sync would; the SDK keeps
the ids it has seen (it drops duplicates), which is the one thing that grows with N.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json

from .harness import Config, Figure, check, median, peak_rss_mib, python_child, rss_mib, server, spread
from .servers import TOKEN

NAME = "memory"
TITLE = "Memory: streaming 25k / 50k / 100k invoices, concurrency=16"

PER_PAGE = 100
CONCURRENCY = 16
BUDGET_MIB = 64.0


def _reset_peak() -> bool:
    """Reset ``VmHWM`` to the current RSS (Linux ``clear_refs`` 5); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


async def _stream(base_url: str, invoices: int) -> dict[str, float]:
    from ninja_async import NinjaClient

    async with NinjaClient(base_url, TOKEN) as ninja:
        gc.collect()
        start = rss_mib()
        reset = _reset_peak()
        seen = 0
        async for _ in ninja.invoices.list(per_page=PER_PAGE, concurrency=CONCURRENCY):
            seen += 1
            if seen == invoices:
                break
        peak = peak_rss_mib()
    if seen != invoices:
        raise AssertionError(f"expected {invoices} invoices, saw {seen}")
    return {"start": start, "peak": peak, "grown": peak - start, "hwm_reset": float(reset)}


def child(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory child")
    parser.add_argument("base_url")
    parser.add_argument("invoices", type=int)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(_stream(args.base_url, args.invoices))))


def run(config: Config) -> list[Figure]:
    sizes = config.pick((25_000, 50_000, 100_000), (1_000, 2_000, 4_000))
    repeats = config.pick(3, 1)
    results: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
    with server("pages", "--total", str(max(sizes)), "--per-page", str(PER_PAGE)) as pages_server:
        for _ in range(repeats):
            for size in sizes:
                results[size].append(
                    python_child("benchmarks.memory", "child", pages_server.base_url, str(size))
                )
    grown = {size: [r["grown"] for r in runs] for size, runs in results.items()}
    smallest = median(grown[sizes[0]])
    figures = []
    for size in sizes:
        value = median(grown[size])
        start = median([r["start"] for r in results[size]])
        figure = Figure(
            f"peak RSS - start RSS, {size // 1000}k invoices",
            value,
            "MiB",
            BUDGET_MIB,
            "MiB budget",
            value / BUDGET_MIB,
            note=f"start {start:.0f} MiB; {value - smallest:+.1f} MiB vs {sizes[0] // 1000}k; "
            + spread(grown[size]),
        )
        figures.append(check(figure, lambda f: f.value <= BUDGET_MIB, "≤ 64 MiB"))
    if not all(r["hwm_reset"] for runs in results.values() for r in runs):
        figures[-1].note += "; VmHWM not resettable: peak includes start-up"
    largest = median(grown[sizes[-1]])
    flat = Figure(
        f"flatness: {sizes[-1] // 1000}k vs {sizes[0] // 1000}k invoices",
        largest,
        "MiB",
        smallest,
        "MiB",
        largest / smallest if smallest else float("inf"),
        note=f"{largest - smallest:+.1f} MiB for {(sizes[-1] - sizes[0]) // 1000}k more invoices",
    )
    figures.append(check(flat, lambda f: f.value - f.baseline <= 0.25 * BUDGET_MIB, "≤ +16 MiB"))
    return figures


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2:])
    else:
        raise SystemExit("usage: python -m benchmarks.memory child BASE_URL INVOICES")
