"""Helpers for the reliability tests: fault mixes, a server-side probe, retry records, an emulator thread.

Every figure a test asserts is also printed as one ``FIGURE`` line (``pytest -s`` shows them), so a run
reports what it saw: retries against faults, wall time, peak connections, throttle rejections...
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from ninja_async.middleware.retry import RetryEvent, retry_kind
from ninja_async.testing import Fault, NinjaEmulator

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# The fault mix, as overall rates of requests: 10% 5xx, 5% throttle-403s, 2% connection resets
# (half before the server handles the request, half after), 1% truncated bodies.
FAULT_RATES: tuple[tuple[str, float, int], ...] = (
    ("error", 0.05, 500),
    ("error", 0.05, 503),
    ("throttle", 0.05, 0),
    ("reset_before", 0.01, 0),
    ("reset_after", 0.01, 0),
    ("truncate", 0.01, 0),
)
CONNECTION_FAULTS = frozenset({"reset_before", "reset_after", "truncate"})


def fault_mix(method: str = "*", path: str = "*") -> list[Fault]:
    """The issue's fault mix for matching requests.

    The injector fires the first matching rule that fires, so each rule's probability is conditional
    on the ones before it not firing: rule ``i`` gets ``rate_i / (1 - sum of earlier rates)``.
    """
    rules: list[Fault] = []
    left = 1.0
    for kind, rate, status in FAULT_RATES:
        rules.append(
            Fault(kind, method=method, path=path, probability=rate / left, status=status or 500, wait=1)  # type: ignore[arg-type]
        )
        left -= rate
    return rules


def figure(name: str, **values: Any) -> None:
    """One line of the report: what a test measured."""
    print(f"FIGURE {name}: " + ", ".join(f"{key}={value}" for key, value in values.items()))


@dataclass
class ServerProbe:
    """An outermost aiohttp middleware on the emulator: requests in flight, their peak, and what passed."""

    in_flight: int = 0
    peak: int = 0
    methods: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    peers: set[int] = field(default_factory=set)
    hosts: Counter[str] = field(default_factory=Counter)

    def install(self, emu: NinjaEmulator) -> ServerProbe:
        """Put the probe in front of every other middleware of an emulator that is not started yet."""
        emu.app.middlewares.insert(0, self.middleware)
        return self

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        self.methods[request.method] += 1
        self.hosts[request.host] += 1
        peer = request.transport.get_extra_info("peername") if request.transport is not None else None
        if peer:
            self.peers.add(int(peer[1]))
        try:
            response = await handler(request)
            self.statuses[response.status] += 1
            return response
        finally:
            self.in_flight -= 1


@dataclass
class RetryRecord:
    """A ``retry`` hook that keeps every `RetryEvent` the client reports."""

    events: list[RetryEvent] = field(default_factory=list)

    def __call__(self, event: RetryEvent) -> None:
        self.events.append(event)

    def kinds(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for event in self.events:
            kind = retry_kind(event.error, event.request)
            counts[kind.value if kind is not None else "other"] += 1
        return counts

    def by_method(self) -> Counter[str]:
        return Counter(event.request.method for event in self.events)


def other_tasks() -> set[asyncio.Task[Any]]:
    """Tasks of the running loop other than the current one, still running."""
    current = asyncio.current_task()
    return {task for task in asyncio.all_tasks() if task is not current and not task.done()}


class Stopwatch:
    """Wall time of a block, in seconds: ``with Stopwatch() as watch: ...; watch.elapsed``."""

    def __init__(self) -> None:
        self.started = 0.0
        self.elapsed = 0.0

    def __enter__(self) -> Stopwatch:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.perf_counter() - self.started


@contextmanager
def emulator_thread(**options: Any) -> Iterator[NinjaEmulator]:
    """A started emulator served by its own event loop in a thread.

    The test's loop then holds only the SDK's tasks, so "no task left running" can be checked with
    ``asyncio.all_tasks()`` without the server's own request handlers getting in the way.
    """
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="ninja-emulator", daemon=True)
    thread.start()
    emu = NinjaEmulator(**options)
    try:
        asyncio.run_coroutine_threadsafe(emu.start(), loop).result(timeout=30)
        yield emu
    finally:
        asyncio.run_coroutine_threadsafe(emu.stop(), loop).result(timeout=30)
        asyncio.run_coroutine_threadsafe(loop.shutdown_asyncgens(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()
