"""Throttled accounts: the hosted leaky bucket, on an hour scaled down, with the client-side `LeakyBucket`.

The emulator runs in hosted mode in its own process with ``hour_seconds=H``: 1000 requests per scaled hour,
each costing ``cost = H / 1000`` seconds of bucket level, which drains at one second per second. The client
(``NinjaClient(..., throttle=LeakyBucket(1000, H))``, 16 tasks calling ``invoices.get`` in a loop) runs for
one scaled hour, W = H, timed from its first request.

The server's allowance over that window, computed from its rules: its bucket starts empty and the first
request is free (level 0); after it, every request adds ``cost`` and is refused once the level would exceed
H, so by time t after the first request at most ``1 + 1000 + floor(t / cost)`` requests can have been
accepted. Allowance = ``1 + limit + floor(W / cost)`` = 2001 for W = H. Achieved = the calls the client sent
(request hook, after any throttle wait) within W that succeeded. The 403s are the server's own count of
throttled requests, so a 403 the SDK retried quietly still counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from typing import Any

from ninja_async import NinjaClient
from ninja_async.http import Request
from ninja_async.middleware import LeakyBucket

from .harness import Config, Figure, check, median, server, spread
from .servers import TOKEN

NAME = "throttle"
TITLE = "Throttled account: hosted leaky bucket, scaled hour, client-side LeakyBucket"

LIMIT = 1000  # the hosted plan's requests per hour (the emulator's THROTTLE_LIMIT)
WORKERS = 16


async def _saturate(base_url: str, hour: float, window: float) -> dict[str, Any]:
    sent: list[float] = []

    def on_request(request: Request) -> None:
        sent.append(time.monotonic())

    ok: list[float] = []
    errors: list[BaseException] = []
    async with NinjaClient(
        base_url, TOKEN, throttle=LeakyBucket(LIMIT, hour), hooks={"request": [on_request]}
    ) as ninja:
        first: list[float] = []

        async def worker(number: int) -> None:
            while True:
                now = time.monotonic()
                if first and now > first[0] + window:
                    return
                try:
                    await ninja.invoices.get(1 + number % 20)
                except Exception as error:
                    errors.append(error)
                    continue
                ok.append(now)

        # The first call alone, so that the window starts at a known first request.
        await ninja.invoices.get(1)
        first.append(sent[0])
        ok.append(sent[0])
        tasks = [asyncio.create_task(worker(n)) for n in range(WORKERS)]
        await asyncio.sleep(window - (time.monotonic() - first[0]))
        for task in tasks:  # the calls still waiting for the throttle would be sent after the window
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        retries = dict(ninja.stats.retries_by_kind)
    end = first[0] + window
    in_window = sum(1 for t in sent if t <= end)
    return {
        "sent": in_window,
        "ok": len(ok),
        "errors": len(errors),
        "retries": retries,
        "sent_all": len(sent),
    }


def run(config: Config) -> list[Figure]:
    hour = config.pick(6.0, 2.0)
    window = hour
    cost = hour / LIMIT
    allowance = 1 + LIMIT + math.floor(window / cost + 1e-9)
    repeats = config.pick(3, 1)
    achieved: list[float] = []
    throttled: list[float] = []
    notes: list[str] = []
    for _ in range(repeats):
        with server("emulator", "--hosted", "--hour-seconds", str(hour), "--invoices", "20") as emulator:
            result = asyncio.run(_saturate(emulator.base_url, hour, window))
            stats = emulator.stats()
        # Calls sent within the window that succeeded: every call that failed was sent too.
        achieved.append(min(result["sent"], result["ok"]))
        throttled.append(stats["throttled"])
        if result["errors"]:
            notes.append(f"{result['errors']} failed calls")
    value = median(achieved)
    return [
        check(
            Figure(
                f"requests in one scaled hour (H = {hour:g} s)",
                value,
                "req",
                allowance,
                "req allowed",
                value / allowance,
                note=f"allowance 1 + {LIMIT} + W/cost; {spread(achieved)}"
                + (f"; {', '.join(notes)}" if notes else ""),
            ),
            lambda f: f.ratio >= 0.95,
            "≥ 0.95",
        ),
        check(
            Figure(
                "throttle 403s from the server",
                max(throttled),
                "",
                0,
                "",
                0.0,
                note=f"worst of {len(throttled)} runs",
            ),
            lambda f: f.value == 0,
            "= 0",
        ),
    ]
