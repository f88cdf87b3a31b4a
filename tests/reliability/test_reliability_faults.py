"""Nothing lost under faults: bulk sync, bulk creates, lost POST answers, dead servers.

The fault-heavy runs use the SDK's `FakeClock`: every backoff and throttle wait the SDK chooses is recorded
and returns at once, so the tests measure behaviour, not sleeping (the recorded waits are checked: each
throttle retry waited at least the second the emulator asked for). ``max_retries=8`` instead of 4 so
that, at an 18% fault rate, no single call runs out of retries by bad luck (0.18**9 per call). The
dead-server tests use the real clock with a small backoff (10-100 ms): the deadline is what they test.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from reliability_support import (
    CONNECTION_FAULTS,
    RetryRecord,
    ServerProbe,
    Stopwatch,
    fault_mix,
    figure,
)

from ninja_async import NinjaClient
from ninja_async.clock import FakeClock
from ninja_async.errors import APIConnectionError, APITimeoutError, RateLimitError
from ninja_async.http import Request, Response, Timeout
from ninja_async.middleware import RetryPolicy
from ninja_async.models import Client
from ninja_async.testing import Fault, NinjaEmulator

FAULTY_RETRY = RetryPolicy(max_retries=8)
DEAD_SERVER_RETRY = RetryPolicy(max_retries=10, backoff_initial=0.01, backoff_max=0.1)


@pytest.fixture
async def small_emu() -> AsyncIterator[NinjaEmulator]:
    async with NinjaEmulator(clients=5, invoices=10, seed=1, error_delay=0) as emu:
        yield emu


@pytest.mark.parametrize("kind", ["reset_before", "reset_after"])
async def test_a_dropped_connection_is_retried_once_and_reported(small_emu: NinjaEmulator, kind: str) -> None:
    # One fault, one retry, and the retry is visible to hooks and stats: no attempt happens behind the
    # SDK's back (aiohttp, left alone, silently re-sends an idempotent request once on a dropped
    # connection, so the retry was neither reported nor budgeted).
    small_emu.faults.add(Fault(kind, method="GET", path="/api/v1/clients/1", times=1))  # type: ignore[arg-type]
    retries = RetryRecord()
    attempts: list[Request] = []
    async with NinjaClient(
        small_emu.base_url,
        small_emu.token,
        clock=FakeClock(),
        hooks={"retry": [retries], "request": [attempts.append]},
    ) as ninja:
        client = await ninja.clients.get(1)
        stats = ninja.stats
    assert client.id == 1
    assert small_emu.faults.injected[kind] == 1
    assert small_emu.runtime.requests["GET"] == 2
    assert len(attempts) == 2
    assert len(retries.events) == 1
    assert isinstance(retries.events[0].error, APIConnectionError)
    assert stats.retries == 1
    assert stats.retries_by_kind == {"lost_idempotent": 1}


# -- bulk sync ----------------------------------------------------------------------------------------


async def test_bulk_sync_under_faults_delivers_every_invoice_exactly_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="ninja_async")
    emu = NinjaEmulator(
        clients=200, invoices=20_000, seed=3, error_delay=0, faults=fault_mix("GET", "/api/v1/invoices")
    )
    probe = ServerProbe().install(emu)
    retries = RetryRecord()
    attempts: list[Request] = []
    clock = FakeClock()
    received: Counter[int] = Counter()
    async with (
        emu,
        NinjaClient(
            emu.base_url,
            emu.token,
            clock=clock,
            retry=FAULTY_RETRY,
            hooks={"retry": [retries], "request": [attempts.append]},
        ) as ninja,
    ):
        sync = ninja.invoices.sync(per_page=100, concurrency=8)
        with Stopwatch() as watch:
            async with asyncio.timeout(60):  # bounded: a hang fails here, not in CI's global timeout
                async for invoice in sync:
                    received[invoice.id] += 1
        stats = ninja.stats
        in_use_after = ninja.connections_in_use

    injected = emu.faults.injected
    server_ids = {row.public_id for row in emu.state.invoices}
    # Every invoice exactly once, and the sync knows it is complete.
    assert len(server_ids) == 20_000
    assert set(received) == server_ids
    assert set(received.values()) == {1}
    assert sync.complete
    assert in_use_after == 0
    # The faults really happened, at about the rates.
    total_faults = sum(injected.values())
    assert injected["error"] > 0 and injected["throttle"] > 0
    assert sum(injected[kind] for kind in CONNECTION_FAULTS) > 0
    # Each fault cost exactly one retry, reported to the hook, in the stats and in the log, by kind.
    kinds = retries.kinds()
    assert len(retries.events) == stats.retries == total_faults
    assert kinds["status"] == stats.retries_by_kind.get("status", 0) == injected["error"]
    assert kinds["throttled"] == stats.retries_by_kind.get("throttled", 0) == injected["throttle"]
    assert kinds["lost_idempotent"] == sum(injected[kind] for kind in CONNECTION_FAULTS)
    retry_lines = [r for r in caplog.records if r.getMessage().startswith("retry ")]
    assert len(retry_lines) == total_faults
    # Every attempt the SDK made reached the server and was seen by the request hook: no hidden re-sends.
    assert len(attempts) == probe.methods["GET"] == emu.runtime.requests["GET"]
    # Each page was requested once, plus once more per fault on it: the retries are the only re-sends.
    pages_requested = {request.url for request in attempts}
    assert len(attempts) == len(pages_requested) + total_faults
    assert len(pages_requested) >= 200
    # Throttle retries waited at least what the server asked for ("Please wait 1 second(s)").
    throttle_waits = [e.delay for e in retries.events if isinstance(e.error, RateLimitError)]
    assert throttle_waits and min(throttle_waits) >= 1.0
    assert watch.elapsed < 60
    figure(
        "bulk sync under faults",
        invoices=len(received),
        requests=len(attempts),
        faults=dict(injected),
        fault_rate=f"{total_faults / len(attempts):.1%}",
        retries=stats.retries,
        retries_by_kind=dict(stats.retries_by_kind),
        passes=sync.passes,
        fake_seconds_slept=round(sum(clock.sleeps), 1),
        wall_s=round(watch.elapsed, 2),
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_bulk_sync_against_a_refusing_server_fails_clearly_within_the_deadline() -> None:
    retries = RetryRecord()
    async with NinjaClient(
        f"http://127.0.0.1:{_free_port()}",
        "t" * 32,
        retry=DEAD_SERVER_RETRY,
        timeout=Timeout(connect=0.5, read=0.5, deadline=1.0),
        hooks={"retry": [retries]},
    ) as ninja:
        with Stopwatch() as watch, pytest.raises(APIConnectionError) as caught:
            await ninja.invoices.sync(per_page=100)
    error = caught.value
    assert watch.elapsed < 1.5
    assert error.request_sent is False and not error.outcome_unknown
    assert "could not connect to the server" in str(error)
    assert len(retries.events) >= 1
    figure(
        "dead server (refused)", error=str(error), retries=len(retries.events), wall_s=round(watch.elapsed, 2)
    )


async def test_bulk_sync_against_a_silent_server_times_out_within_the_deadline() -> None:
    writers: list[asyncio.StreamWriter] = []

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        await reader.read()  # read until the client gives up; never answer

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    retries = RetryRecord()
    try:
        async with NinjaClient(
            f"http://127.0.0.1:{port}",
            "t" * 32,
            retry=DEAD_SERVER_RETRY,
            timeout=Timeout(connect=0.3, read=0.3, deadline=1.0),
            hooks={"retry": [retries]},
        ) as ninja:
            with Stopwatch() as watch, pytest.raises(APITimeoutError) as caught:
                await ninja.invoices.sync(per_page=100)
    finally:
        for writer in writers:
            writer.close()
        server.close()
        await server.wait_closed()
    assert 0.9 <= watch.elapsed < 1.5
    assert caught.value.request_sent is True
    assert "waiting for the server" in str(caught.value)
    assert len(retries.events) >= 1  # read timeouts of a GET are retried until the deadline
    figure(
        "dead server (silent)",
        error=str(caught.value),
        retries=len(retries.events),
        wall_s=round(watch.elapsed, 2),
    )


async def test_bulk_sync_when_the_server_dies_midway_fails_clearly_within_the_deadline() -> None:
    emu = NinjaEmulator(clients=20, invoices=2_000, seed=4, error_delay=0)
    pages = 0

    def die_after_five_pages(response: Response) -> None:
        nonlocal pages
        pages += 1
        if pages == 5:  # from now on every connection is dropped before an answer
            emu.faults.rules.insert(0, Fault("reset_before"))

    retries = RetryRecord()
    async with (
        emu,
        NinjaClient(
            emu.base_url,
            emu.token,
            retry=DEAD_SERVER_RETRY,
            timeout=Timeout(connect=0.5, read=0.5, deadline=1.0),
            hooks={"retry": [retries], "response": [die_after_five_pages]},
        ) as ninja,
    ):
        received = 0

        async def run_sync() -> None:
            nonlocal received
            async for _ in ninja.invoices.sync(per_page=50, concurrency=4):
                received += 1

        with Stopwatch() as watch, pytest.raises(APIConnectionError) as caught:
            await run_sync()
        in_use = ninja.connections_in_use
    assert watch.elapsed < 1.5
    assert 0 < received < 2_000
    assert "the server closed the connection without a response" in str(caught.value)
    assert any("Gave up after" in note or "deadline" in note for note in caught.value.__notes__)
    assert retries.kinds()["lost_idempotent"] >= DEAD_SERVER_RETRY.max_retries
    assert in_use == 0
    figure(
        "dead server (dies midway)",
        received=received,
        retries=len(retries.events),
        dropped=emu.faults.injected["reset_before"],
        wall_s=round(watch.elapsed, 2),
    )


# -- bulk creates -------------------------------------------------------------------------------------


@dataclass
class CreateLog:
    """What the caller's create pattern went through."""

    counts: Counter[str] = field(default_factory=Counter)
    unknown: list[APIConnectionError] = field(default_factory=list)


async def create_client_exactly_once(
    ninja: NinjaClient, *, id_number: str, name: str, log: CreateLog
) -> Client:
    """The caller's pattern for creates under faults: a unique key, and a look-up when the outcome is unknown.

    The SDK re-sends a POST only when the server provably did not process it (5xx, throttle, connect
    failure). When the answer was lost after sending, it raises `APIConnectionError` with
    ``outcome_unknown``; the caller then asks the server whether the record exists before creating again.
    """
    while True:
        try:
            client = await ninja.clients.create(name=name, id_number=id_number)
        except APIConnectionError as error:
            if not error.outcome_unknown:
                raise
            log.unknown.append(error)
            page = await ninja.clients.list(id_number=id_number)
            if page.items:
                log.counts["found_on_lookup"] += 1
                return page.items[0]
            log.counts["created_again"] += 1
            continue
        log.counts["created"] += 1
        return client


async def test_500_creates_under_faults_make_exactly_500_records() -> None:
    emu = NinjaEmulator(
        clients=5, invoices=1, seed=8, error_delay=0, faults=fault_mix("*", "/api/v1/clients")
    )
    probe = ServerProbe().install(emu)
    retries = RetryRecord()
    log = CreateLog()
    before = len(emu.state.clients)
    keys = [f"REL-{n:04d}" for n in range(500)]
    async with (
        emu,
        NinjaClient(
            emu.base_url, emu.token, clock=FakeClock(), retry=FAULTY_RETRY, hooks={"retry": [retries]}
        ) as ninja,
    ):
        queue: asyncio.Queue[str] = asyncio.Queue()
        for key in keys:
            queue.put_nowait(key)

        async def worker() -> None:
            while not queue.empty():
                key = queue.get_nowait()
                await create_client_exactly_once(ninja, id_number=key, name=f"Client {key}", log=log)

        with Stopwatch() as watch:
            async with asyncio.timeout(60):
                await asyncio.gather(*(worker() for _ in range(16)))

    made = Counter(row.f.get("id_number") for row in emu.state.clients if row.public_id > before)
    assert len(emu.state.clients) - before == 500
    assert made == Counter(keys)
    post_faults = Counter(e.kind for e in emu.faults.log if e.method == "POST")
    lost_posts = sum(post_faults[kind] for kind in CONNECTION_FAULTS)
    assert lost_posts > 0 and post_faults["error"] > 0 and post_faults["throttle"] > 0
    # Every lost POST answer surfaced as outcome_unknown, and none was re-sent by the SDK.
    assert len(log.unknown) == lost_posts
    assert all("outcome unknown" in str(error) for error in log.unknown)
    assert not [
        e for e in retries.events if e.request.method == "POST" and isinstance(e.error, APIConnectionError)
    ]
    # The look-up found the record exactly when the server had processed the POST.
    assert log.counts["found_on_lookup"] == post_faults["reset_after"] + post_faults["truncate"]
    assert log.counts["created_again"] == post_faults["reset_before"]
    # POSTs that reached the server: 500 processed, plus the ones a fault stopped before processing.
    unprocessed = post_faults["error"] + post_faults["throttle"] + post_faults["reset_before"]
    assert probe.methods["POST"] == 500 + unprocessed
    # Every other fault was retried (and reported) once.
    assert len(retries.events) == sum(emu.faults.injected.values()) - lost_posts
    figure(
        "500 creates under faults",
        new_records=len(emu.state.clients) - before,
        post_faults=dict(post_faults),
        outcome_unknown=len(log.unknown),
        outcomes=dict(log.counts),
        retries=len(retries.events),
        posts_seen=probe.methods["POST"],
        wall_s=round(watch.elapsed, 2),
    )


@pytest.mark.parametrize(
    ("kind", "processed"), [("reset_after", True), ("truncate", True), ("reset_before", False)]
)
async def test_a_post_whose_answer_is_lost_is_not_resent(
    small_emu: NinjaEmulator, kind: str, processed: bool
) -> None:
    small_emu.faults.add(Fault(kind, method="POST", path="/api/v1/clients", times=1))  # type: ignore[arg-type]
    before = len(small_emu.state.clients)
    retries = RetryRecord()
    log = CreateLog()
    async with NinjaClient(
        small_emu.base_url, small_emu.token, clock=FakeClock(), hooks={"retry": [retries]}
    ) as ninja:
        client = await create_client_exactly_once(ninja, id_number="ONCE-1", name="Once Ltd", log=log)
    # The SDK sent the POST once and said the outcome was unknown; it never re-sent it on its own.
    [error] = log.unknown
    assert error.outcome_unknown and error.request_sent
    assert "outcome unknown" in str(error)
    assert any("not re-sent" in note for note in error.__notes__)
    assert retries.events == []
    # The caller looked it up: found when the server had processed it, created again only when not.
    assert log.counts == ({"found_on_lookup": 1} if processed else {"created_again": 1, "created": 1})
    assert small_emu.runtime.requests["POST"] == (1 if processed else 2)
    assert len(small_emu.state.clients) - before == 1
    assert [r.public_id for r in small_emu.state.clients if r.f.get("id_number") == "ONCE-1"] == [client.id]
