"""CPU instructions per page under valgrind's callgrind: the ``cpu`` comparison without the machine's noise.

On a shared machine the pages/s of ``cpu`` move by 10-40% from one second to the next, more than the gap
being measured. The number of instructions a loop executes does not depend on the neighbours: each variant
of ``cpu`` (same loops, same page server on loopback) runs in a child process under callgrind, once with one
measured run and once with two, and the difference divided by the pages of a run is its cost per page,
start-up and warm-up excluded. The ratio is hand-written ÷ SDK, so it reads like ``cpu``'s speed ratio.

What it leaves out: cache misses and memory traffic, which instructions do not show and which made the SDK's
raw loop a few percent slower in wall time than its instruction count alone (reading every item's id to drop
duplicates touches every record once more). Raw mode only: that is the figure the noise hides (models are
within 0.90 either way, and structuring under callgrind is slow). Needs ``valgrind`` on PATH; skipped
otherwise and in smoke runs (it takes about a minute and a half).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from . import loops
from .harness import ROOT, Config, Figure, child_env, server

NAME = "instructions"
TITLE = "CPU instructions per page under callgrind (noise-free): SDK vs hand-written"

PER_PAGE = 100
CONCURRENCY = 8
TOTAL = 5_000  # 50 pages: callgrind runs ~50x slower than the CPU
PAGES = TOTAL // PER_PAGE

_VARIANTS: dict[str, Callable[[str], Awaitable[int]]] = {
    "hand raw": lambda url: loops.handwritten_window(url, PER_PAGE, CONCURRENCY, loops.dicts, deferred=True),
    "sdk raw": lambda url: loops.sdk_list(url, PER_PAGE, CONCURRENCY, raw=True),
    "sdk raw pages": lambda url: loops.sdk_list(url, PER_PAGE, CONCURRENCY, raw=True, by_page=True),
}
_COLLECTED = re.compile(r"Collected : (\d+)")


async def _runs(name: str, base_url: str, runs: int) -> None:
    loop = _VARIANTS[name]
    await loop(base_url)  # warm-up: imports done, connections, converter hooks, caches
    for _ in range(runs):
        seen = await loop(base_url)
        if seen != TOTAL:
            raise AssertionError(f"{name}: expected {TOTAL} items, saw {seen}")


def _instructions(name: str, base_url: str, runs: int) -> int:
    env = child_env(PYTHONHASHSEED="0")  # set and dict layouts, hence probe counts, the same in every child
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, "-m", "benchmarks.instructions", "child", name, base_url, str(runs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind run of {name!r} failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _per_page(name: str, base_url: str) -> float:
    return (_instructions(name, base_url, 2) - _instructions(name, base_url, 1)) / PAGES


def run(config: Config) -> list[Figure]:
    if config.smoke or shutil.which("valgrind") is None:
        print("  skipped: " + ("smoke run" if config.smoke else "valgrind not found"), flush=True)
        return []
    workers = max(1, (os.cpu_count() or 2) - 1)  # one CPU stays the page server's
    with (
        server("pages", "--total", str(TOTAL), "--per-page", str(PER_PAGE)) as pages_server,
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        per_page = pool.map(lambda name: _per_page(name, pages_server.base_url), _VARIANTS)
        counts = dict(zip(_VARIANTS, per_page, strict=True))
    figures = []
    for name, label in (
        ("sdk raw", "instructions/page, raw dicts (.raw()): SDK vs hand-written"),
        ("sdk raw pages", "  same, SDK .raw().pages()"),
    ):
        baseline = "hand raw"
        figures.append(
            Figure(
                label,
                counts[name],
                "instr",
                counts[baseline],
                "instr",
                counts[baseline] / counts[name],
                note=f"+{(counts[name] - counts[baseline]) / 1000:.0f}k per page; {PAGES} pages, callgrind",
            )
        )
    return figures


def child(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions child")
    parser.add_argument("name", choices=list(_VARIANTS))
    parser.add_argument("base_url")
    parser.add_argument("runs", type=int)
    args = parser.parse_args(argv)
    asyncio.run(_runs(args.name, args.base_url, args.runs))


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2:])
    else:
        raise SystemExit("usage: python -m benchmarks.instructions child VARIANT BASE_URL RUNS")
