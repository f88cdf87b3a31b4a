"""What every benchmark shares: figures and the table, medians of repeats, RSS, server processes.

A benchmark is a module with ``NAME``, ``TITLE`` and ``run(config) -> list[Figure]``. Every figure is a ratio
of two numbers measured in the same run (or against a stated ideal), because absolute numbers drift on a
shared machine while ratios measured side by side do not.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent

# Servers on one CPU, this process (and the client processes it starts) on the others, so that client and
# server never queue for the same core: on a 2-core machine that is most of the run-to-run noise.
_CPUS: list[int] = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
_PINNED = False


def pin_cpus() -> str:
    """Pin this process to all CPUs but the last (servers get that one); says what it did."""
    global _PINNED
    if len(_CPUS) < 2:
        return "no CPU pinning (one CPU)"
    os.sched_setaffinity(0, set(_CPUS[:-1]))
    _PINNED = True
    return f"client on CPU {','.join(map(str, _CPUS[:-1]))}, servers on CPU {_CPUS[-1]}"


@dataclass(frozen=True)
class Config:
    """``smoke``: tiny sizes and one repeat, to check that everything runs (thresholds mean nothing then)."""

    smoke: bool = False
    repeats: int = 5

    def pick(self, full: Any, smoke: Any) -> Any:
        return smoke if self.smoke else full


@dataclass
class Figure:
    """One row of the table: ``value`` against ``baseline``, and whether ``ratio`` meets the target.

    ``passed`` is None for rows shown for contrast or context, which have no target.
    """

    name: str
    value: float
    unit: str
    baseline: float
    baseline_unit: str
    ratio: float
    target: str = ""
    passed: bool | None = None
    note: str = ""


def check(figure: Figure, ok: Callable[[Figure], bool], target: str) -> Figure:
    figure.target = target
    figure.passed = ok(figure)
    return figure


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def paired_ratio(baseline: list[float], variant: list[float]) -> list[float]:
    """``baseline[i] / variant[i]`` for each round of `interleaved` times: a speed ratio per round.

    Runs side by side in one round see the same machine, so the ratio of a pair cancels the machine's drift
    that the ratio of two separate medians keeps (here the same run's times varied by up to 40% from one
    second to the next, while a round's pair moved together)."""
    return [base / other for base, other in zip(baseline, variant, strict=True)]


def spread(samples: list[float]) -> str:
    """Min-max of the samples, relative to their median, for the notes column."""
    if len(samples) < 2:
        return "1 run"
    mid = statistics.median(samples)
    if not mid:
        return f"{len(samples)} runs"
    return f"{len(samples)} runs, {min(samples) / mid - 1:+.0%}..{max(samples) / mid - 1:+.0%}"


async def interleaved(
    variants: dict[str, Callable[[], Awaitable[float]]], repeats: int
) -> dict[str, list[float]]:
    """Run each variant once per round, ``repeats`` rounds, so that drift on the machine hits all alike.

    Every other round runs the variants in reverse order (A B C, C B A, ...), so that no variant always
    follows the same neighbour: what a run leaves behind (heap, sockets, caches) shifted the next one's
    figure by up to 5% here.
    """
    samples: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for round_number in range(repeats):
        for name in names if round_number % 2 == 0 else reversed(names):
            gc.collect()
            samples[name].append(await variants[name]())
    return samples


def timed(loop: Callable[[], Awaitable[int]], expected: int) -> Callable[[], Awaitable[float]]:
    """A variant for `interleaved`: seconds that ``loop`` takes, checking it saw ``expected`` items."""

    async def run() -> float:
        started = time.perf_counter()
        seen = await loop()
        elapsed = time.perf_counter() - started
        if seen != expected:
            raise AssertionError(f"expected {expected} items, saw {seen}")
        return elapsed

    return run


# --- memory -------------------------------------------------------------------------------------------


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _max_rss_mib() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def rss_mib() -> float:
    """Resident set size of this process now (without /proc: the peak so far, the closest there is)."""
    kib = _status_kib("VmRSS")
    return kib / 1024 if kib is not None else _max_rss_mib()


def peak_rss_mib() -> float:
    """The highest RSS of this process so far (the kernel's high-water mark, so no sample can miss it)."""
    kib = _status_kib("VmHWM")
    return kib / 1024 if kib is not None else _max_rss_mib()


# --- servers in their own processes --------------------------------------------------------------------


def child_env(**extra: str) -> dict[str, str]:
    """This environment for a child Python that imports ``benchmarks`` (the repository root on its path)."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, **extra}


class Server:
    """A `benchmarks.servers` process: started on a free loopback port, commanded through stdin."""

    def __init__(self, *args: str) -> None:
        env = child_env()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.servers", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        if _PINNED:
            os.sched_setaffinity(self._process.pid, {_CPUS[-1]})
        line = self._stdout.readline()
        if not line.startswith("READY "):
            self.close()
            raise RuntimeError(f"benchmark server failed to start ({' '.join(args)}): {line!r}")
        self.port = int(line.split()[1])
        self.base_url = f"http://127.0.0.1:{self.port}"

    @property
    def _stdin(self) -> IO[str]:
        assert self._process.stdin is not None
        return self._process.stdin

    @property
    def _stdout(self) -> IO[str]:
        assert self._process.stdout is not None
        return self._process.stdout

    @property
    def pid(self) -> int:
        return self._process.pid

    def command(self, name: str) -> dict[str, Any]:
        self._stdin.write(name + "\n")
        self._stdin.flush()
        answer: dict[str, Any] = json.loads(self._stdout.readline())
        return answer

    def stats(self) -> dict[str, Any]:
        return self.command("stats")

    def reset(self) -> None:
        self.command("reset")

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                self._stdin.write("quit\n")
                self._stdin.close()
                self._process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


@contextmanager
def server(*args: str) -> Iterator[Server]:
    running = Server(*args)
    try:
        yield running
    finally:
        running.close()


def python_child(module: str, *args: str) -> dict[str, Any]:
    """Run ``python -m module args`` and return the JSON object its last stdout line holds."""
    env = child_env()
    done = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the table -----------------------------------------------------------------------------------------


def _number(value: float, unit: str) -> str:
    if float(value).is_integer():
        return f"{int(value):,} {unit}".rstrip()
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    if abs(value) >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.3g} {unit}"


def table(figures: list[Figure]) -> str:
    header = ("figure", "value", "baseline", "ratio", "target", "result", "notes")
    rows = [
        (
            f.name,
            _number(f.value, f.unit),
            _number(f.baseline, f.baseline_unit),
            f"{f.ratio:.3f}",
            f.target or "-",
            "-" if f.passed is None else ("PASS" if f.passed else "MISS"),
            f.note,
        )
        for f in figures
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    align = ["<", ">", ">", ">", "<", "<", "<"]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(f"{c:{a}{w}}" for c, a, w in zip(cells, align, widths, strict=True)) + " |"

    rule = (
        "|"
        + "|".join(
            ("-" * (w + 1) + ":") if a == ">" else "-" * (w + 2) for a, w in zip(align, widths, strict=True)
        )
        + "|"
    )
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def machine() -> str:
    """Cores, CPU model, Python and the versions of the libraries the figures depend on."""
    from importlib.metadata import version

    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    libraries = ", ".join(
        f"{name} {version(name)}" for name in ("aiohttp", "orjson", "cattrs", "attrs", "tenacity")
    )
    return f"{os.cpu_count()} cores ({model}), Python {sys.version.split()[0]} on {sys.platform}, {libraries}"
