"""Cancellation at any point leaves no task running and no connection checked out; aclose() is prompt.

The emulator runs in its own thread and event loop (`emulator_thread`), so the test's loop holds only the
SDK's tasks (and, in the web-handler test, the web app's): ``asyncio.all_tasks()`` is then an exact check.
List pages are held back 20 ms by a delay fault and 25% of them fail with a 500, so at any moment pages
are in flight, being read, or waiting out a backoff: a task or connection leaked by a cancellation would
still be pending when the checks run, right after the cancelled call has finished unwinding.
Backoff is real here but small (``backoff_initial=0.01``, ``backoff_max=0.02``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from reliability_support import RetryRecord, Stopwatch, emulator_thread, figure, other_tasks

from ninja_async import NinjaClient
from ninja_async.http import Response
from ninja_async.middleware import RetryPolicy
from ninja_async.testing import Fault, NinjaEmulator

SMALL_BACKOFF = RetryPolicy(max_retries=8, backoff_initial=0.01, backoff_max=0.02)
PAGE = 50
INVOICES = 2_000


@pytest.fixture(scope="module")
def emu() -> Iterator[NinjaEmulator]:
    faults = [
        Fault("error", method="GET", path="/api/v1/invoices", probability=0.25),
        Fault("delay", method="GET", path="/api/v1/invoices*", delay=0.02),
    ]
    with emulator_thread(clients=20, invoices=INVOICES, seed=21, error_delay=0, faults=faults) as emulator:
        yield emulator


def sdk_tasks() -> set[asyncio.Task[Any]]:
    """Running tasks whose coroutine is ninja_async code (the paginator's page fetches, for instance)."""
    found = set()
    for task in other_tasks():
        code = getattr(task.get_coro(), "cr_code", None)
        if code is not None and "/ninja_async/" in code.co_filename:
            found.add(task)
    return found


class CancelAt:
    """Cancels a task when an event (a hook call, an item) happens for the ``at``-th time."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.seen = 0
        self.target: asyncio.Task[Any] | None = None
        self.fired = False

    def __call__(self, *_: object) -> None:
        self.seen += 1
        if self.seen == self.at and self.target is not None:
            self.target.cancel()
            self.fired = True


# Where to cancel: the at-th request about to be sent, response read, retry about to back off, item received.
POINTS = [(point, at) for point in ("request", "response", "item") for at in (1, 3, 8, 20)]
POINTS += [("retry", at) for at in (1, 2, 3)]  # ~10 retries in a whole sync


@pytest.mark.parametrize(("point", "at"), POINTS)
async def test_cancelling_a_bulk_sync_at_any_point_leaks_nothing(
    emu: NinjaEmulator, point: str, at: int
) -> None:
    assert other_tasks() == set()
    cancel = CancelAt(at)
    hooks: dict[str, list[Callable[[Any], Any]]] = {"retry": [RetryRecord()]}
    if point != "item":
        hooks.setdefault(point, []).append(cancel)
    ninja = NinjaClient(emu.base_url, emu.token, retry=SMALL_BACKOFF, hooks=hooks)  # type: ignore[arg-type]
    received = 0

    async def bulk_sync() -> None:
        nonlocal received
        async for _ in ninja.invoices.sync(per_page=PAGE, concurrency=8):
            received += 1
            if point == "item":
                cancel()

    consumer = asyncio.create_task(bulk_sync())
    cancel.target = consumer
    async with asyncio.timeout(30):
        done = await asyncio.gather(consumer, return_exceptions=True)
    assert cancel.fired
    assert isinstance(done[0], asyncio.CancelledError)
    assert received < INVOICES
    # Nothing left behind: no page fetch still running, no slot or connection checked out.
    assert other_tasks() == set()
    assert ninja.connections_in_use == 0
    with Stopwatch() as watch:
        await ninja.aclose()
    assert watch.elapsed < 0.5
    assert ninja.closed
    figure(
        f"cancel bulk sync at {point} #{at}",
        cancelled=cancel.fired,
        items_before=received,
        aclose_ms=round(watch.elapsed * 1000, 1),
    )


@pytest.mark.parametrize("at", [1, 2, 5, 9])
async def test_a_cancelled_web_handler_leaves_the_shared_client_clean(emu: NinjaEmulator, at: int) -> None:
    # A web app shares one client across its handlers; aiohttp cancels a handler whose client hangs up.
    cancel = CancelAt(at)  # the visitor hangs up when the handler reaches its at-th SDK request
    ninja = NinjaClient(emu.base_url, emu.token, retry=SMALL_BACKOFF, hooks={"request": [cancel]})
    handler_done = asyncio.Event()
    outcome: list[str] = []

    async def report(request: web.Request) -> web.Response:
        try:
            total = 0.0
            async for invoice in ninja.invoices.list(per_page=PAGE, concurrency=4):
                total += invoice.amount
            first = await ninja.invoices.get(1)
            outcome.append("finished")
            return web.json_response({"total": total, "first": first.id})
        except asyncio.CancelledError:
            outcome.append("cancelled")
            raise
        finally:
            handler_done.set()

    app = web.Application()
    app.router.add_get("/report", report)
    runner = web.AppRunner(app, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/report"

    try:
        async with aiohttp.ClientSession() as browser:

            async def visit() -> None:
                async with browser.get(url) as reply:
                    await reply.read()

            visitor = asyncio.create_task(visit())
            cancel.target = visitor
            async with asyncio.timeout(30):
                await asyncio.gather(visitor, return_exceptions=True)
                await handler_done.wait()
        assert outcome == ["cancelled"]
        # The handler is gone; so are its page fetches and its connections.
        assert sdk_tasks() == set()
        assert ninja.connections_in_use == 0
    finally:
        await runner.cleanup()
    assert other_tasks() == set()
    with Stopwatch() as watch:
        await ninja.aclose()
    assert watch.elapsed < 0.5
    figure(f"cancel web handler at request #{at}", aclose_ms=round(watch.elapsed * 1000, 1))


# -- streamed responses: the slot and the connection go back even when the caller's code fails --------


@pytest.fixture
async def local_emu() -> AsyncIterator[NinjaEmulator]:
    async with NinjaEmulator(clients=3, invoices=5, seed=2, error_delay=0) as emulator:
        yield emulator


@pytest.mark.parametrize("failure", ["cancelled", "raises"])
async def test_a_failing_response_hook_releases_a_streamed_download(
    local_emu: NinjaEmulator, failure: str
) -> None:
    entered = asyncio.Event()

    async def on_response(response: Response) -> None:
        entered.set()
        if failure == "raises":
            raise RuntimeError("a bug in the caller's response hook")
        await asyncio.Event().wait()  # parked until cancelled

    async with NinjaClient(local_emu.base_url, local_emu.token, hooks={"response": [on_response]}) as ninja:
        download = asyncio.create_task(ninja.invoices.download(1))
        await entered.wait()
        download.cancel()
        [outcome] = await asyncio.gather(download, return_exceptions=True)
        assert isinstance(outcome, asyncio.CancelledError if failure == "cancelled" else RuntimeError)
        assert ninja.connections_in_use == 0


async def test_a_download_that_cannot_be_written_releases_its_connection(
    local_emu: NinjaEmulator, tmp_path: Path
) -> None:
    async with NinjaClient(local_emu.base_url, local_emu.token, max_concurrency=1) as ninja:
        with pytest.raises(FileNotFoundError):
            await ninja.invoices.download(1, to=tmp_path / "missing" / "invoice.pdf")
        assert ninja.connections_in_use == 0
        # With max_concurrency=1 a leaked slot would block this call for ever.
        async with asyncio.timeout(5):
            assert (await ninja.invoices.download(1, to=tmp_path)).parent == tmp_path
