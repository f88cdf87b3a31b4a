"""examples/bulk_sync.py: the database ends equal to the server, whatever stops a run and however often."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from examples_support import EXAMPLES, load_example, run_example

from ninja_async import EventHooks, NinjaClient, Request, unstructure
from ninja_async.testing import Fault, NinjaEmulator

bulk_sync = load_example("bulk_sync")

RESOURCES = ("clients", "invoices", "payments")


@pytest.fixture
async def emu() -> AsyncIterator[NinjaEmulator]:
    """Enough records for several pages of 25 per resource."""
    async with NinjaEmulator(clients=30, invoices=300, seed=5, error_delay=0) as emulator:
        yield emulator


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = bulk_sync.open_db(tmp_path / "sync.sqlite3")
    yield connection
    connection.close()


def stored(db: sqlite3.Connection, resource: str) -> dict[int, tuple[int, bool]]:
    rows = db.execute(f"SELECT id, updated_at, is_deleted FROM {resource}").fetchall()
    return {id: (updated_at, bool(is_deleted)) for id, updated_at, is_deleted in rows}


def on_server(emu: NinjaEmulator, resource: str) -> dict[int, tuple[int, bool]]:
    return {row.public_id: (row.updated_at, row.is_deleted) for row in emu.state.table(resource)}


def cursor(db: sqlite3.Connection, resource: str) -> int | None:
    found = db.execute("SELECT cursor FROM sync_state WHERE resource = ?", (resource,)).fetchone()
    return None if found is None else int(found[0])


async def run_sync(emu: NinjaEmulator, db: sqlite3.Connection, hooks: EventHooks | None = None) -> Any:
    async with NinjaClient(emu.base_url, emu.token, hooks=hooks) as ninja:
        return {r.resource: r for r in await bulk_sync.sync_all(ninja, db, per_page=25, concurrency=4)}


async def change_server(emu: NinjaEmulator) -> None:
    """A new client, invoice and payment, and an older invoice edited."""
    async with NinjaClient(emu.base_url, emu.token) as ninja:
        client = await ninja.clients.create(name="Tail Ltd", contacts=[{"email": "ap@tail.example"}])
        invoice = await ninja.invoices.create(client_id=client.id, invoice_items=[{"product_key": "AUDIT"}])
        await ninja.payments.create(invoice_id=invoice.id, amount=50)
        oldest = min(emu.state.invoices, key=lambda row: row.updated_at)
        await ninja.invoices.update(oldest.public_id, po_number="PO-77")


def assert_equal_to_server(emu: NinjaEmulator, db: sqlite3.Connection) -> None:
    for resource in RESOURCES:
        assert stored(db, resource) == on_server(emu, resource), resource


async def test_bulk_sync_writes_every_record_as_the_server_sent_it(
    emu: NinjaEmulator, db: sqlite3.Connection
) -> None:
    results = await run_sync(emu, db)

    assert_equal_to_server(emu, db)
    for resource, result in results.items():
        total = len(emu.state.table(resource))
        assert (result.error, result.complete, result.fetched, result.rows) == (None, True, total, total)
        assert cursor(db, resource) == result.cursor
    async with NinjaClient(emu.base_url, emu.token) as ninja:
        listed = {i.id: unstructure(i) for i in await ninja.invoices.list().collect()}
    rows = db.execute("SELECT id, data FROM invoices").fetchall()
    assert {id: json.loads(data) for id, data in rows} == listed  # unknown fields included


async def test_bulk_sync_second_run_fetches_only_the_tail(emu: NinjaEmulator, db: sqlite3.Connection) -> None:
    first = await run_sync(emu, db)
    await change_server(emu)
    tail = {
        resource: sum(row.updated_at >= first[resource].cursor for row in emu.state.table(resource))
        for resource in RESOURCES
    }
    requests_before = emu.request_count

    second = await run_sync(emu, db)

    assert {resource: result.fetched for resource, result in second.items()} == tail
    assert all(tail[resource] < len(emu.state.table(resource)) / 4 for resource in RESOURCES)
    assert emu.request_count - requests_before == 2 * len(RESOURCES)  # one page and one settling pass each
    assert_equal_to_server(emu, db)
    new_invoice = max(emu.state.invoices, key=lambda row: row.public_id)
    assert stored(db, "invoices")[new_invoice.public_id] == (new_invoice.updated_at, False)


async def test_bulk_sync_cancelled_half_way_then_rerun_has_no_duplicates_and_no_gaps(
    emu: NinjaEmulator, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    clients_committed = asyncio.Event()
    sync_resource = bulk_sync.sync_resource

    async def noting_when_clients_are_committed(*args: Any, **kwargs: Any) -> Any:
        result = await sync_resource(*args, **kwargs)
        if result.resource == "clients":
            clients_committed.set()
        return result

    monkeypatch.setattr(bulk_sync, "sync_resource", noting_when_clients_are_committed)
    task: asyncio.Task[Any] | None = None

    async def kill_half_way_through_the_invoices(request: Request) -> None:
        if "/invoices?" in request.url and "page=3&" in request.url + "&" and task is not None:
            await clients_committed.wait()
            task.cancel()  # as Ctrl-C or a deploy would: clients done, invoices half-way

    task = asyncio.create_task(run_sync(emu, db, hooks={"request": [kill_half_way_through_the_invoices]}))
    with pytest.raises(asyncio.CancelledError):
        await task

    assert stored(db, "clients") == on_server(emu, "clients") and cursor(db, "clients") is not None
    assert stored(db, "invoices") == {} and cursor(db, "invoices") is None  # nothing half-written
    assert (cursor(db, "payments") is None) == (stored(db, "payments") == {})  # whole or nothing

    await change_server(emu)
    results = await run_sync(emu, db)

    assert all(r.error is None and r.complete for r in results.values())
    assert_equal_to_server(emu, db)
    for resource in RESOURCES:
        count, distinct = db.execute(f"SELECT count(*), count(DISTINCT id) FROM {resource}").fetchone()
        assert count == distinct == len(emu.state.table(resource))


async def test_bulk_sync_a_resource_aborted_by_a_fault_keeps_its_last_state_and_the_others_commit(
    emu: NinjaEmulator, db: sqlite3.Connection
) -> None:
    await run_sync(emu, db)
    invoices_before, invoices_cursor = stored(db, "invoices"), cursor(db, "invoices")
    await change_server(emu)

    invoice_requests = 0

    def break_the_invoices_after_their_first_request(request: Request) -> None:
        nonlocal invoice_requests
        invoice_requests += "/invoices?" in request.url
        if invoice_requests == 2:
            emu.faults.add(Fault("malformed", method="GET", path="/api/v1/invoices"))

    results = await run_sync(emu, db, hooks={"request": [break_the_invoices_after_their_first_request]})

    error = results["invoices"].error
    assert error is not None and error.startswith("ResponseDecodeError")
    assert emu.faults.injected["malformed"] == 1 and invoice_requests == 2  # not retried: a broken body
    assert stored(db, "invoices") == invoices_before and cursor(db, "invoices") == invoices_cursor
    for resource in ("clients", "payments"):
        assert results[resource].error is None
        assert stored(db, resource) == on_server(emu, resource)

    emu.faults.clear()
    results = await run_sync(emu, db)

    assert results["invoices"].error is None and results["invoices"].fetched >= 2  # the new and the edited
    assert_equal_to_server(emu, db)


async def test_bulk_sync_script_demo_syncs_twice_against_an_embedded_emulator(tmp_path: Path) -> None:
    code, out, err = await run_example("bulk_sync", cwd=tmp_path)

    assert code == 0, err
    assert "First run: every record" in out and "Second run" in out
    assert "clients 41/41, invoices 601/601, payments 252/252: equal" in out
    with contextlib.closing(sqlite3.connect(tmp_path / "ninja-demo.sqlite3")) as db:
        assert db.execute("SELECT count(*) FROM invoices").fetchone() == (601,)
        assert db.execute("SELECT count(*) FROM sync_state").fetchone() == (3,)


async def test_bulk_sync_script_against_a_server_resumes_from_its_cursor(
    emu: NinjaEmulator, tmp_path: Path
) -> None:
    args = ("--url", emu.base_url, "--db", str(tmp_path / "ninja.sqlite3"))

    code, first, err = await run_example("bulk_sync", *args, cwd=tmp_path, token=emu.token)
    assert code == 0, err
    await change_server(emu)
    code, second, err = await run_example("bulk_sync", *args, cwd=tmp_path, token=emu.token)
    assert code == 0, err

    def fetched(out: str, resource: str) -> int:
        line = next(line for line in out.splitlines() if line.split()[:1] == [resource])
        return int(line.split()[1].replace(",", ""))

    assert fetched(first, "invoices") == len(emu.state.invoices) - 1
    assert 2 <= fetched(second, "invoices") < 60
    with contextlib.closing(sqlite3.connect(tmp_path / "ninja.sqlite3")) as db:
        assert_equal_to_server(emu, db)


async def test_bulk_sync_script_interrupted_by_sigint_exits_130_and_the_next_run_completes(
    emu: NinjaEmulator, tmp_path: Path
) -> None:
    path = tmp_path / "ninja.sqlite3"
    emu.faults.add(Fault("delay", method="GET", path="/api/v1/invoices", delay=1.0))  # slow invoices
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(EXAMPLES / "bulk_sync.py"),
        "--url",
        emu.base_url,
        "--db",
        str(path),
        cwd=tmp_path,
        env={**os.environ, "NINJA_TOKEN": emu.token},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(10):
            while committed(path) != {"clients", "payments"}:  # noqa: ASYNC110 - another process's state
                await asyncio.sleep(0.02)
            process.send_signal(signal.SIGINT)  # Ctrl-C while the invoices are still coming
            out, err = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    assert process.returncode == 130, err.decode()
    assert "Interrupted" in out.decode()
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert stored(db, "invoices") == {} and cursor(db, "invoices") is None
        assert stored(db, "clients") == on_server(emu, "clients")

    emu.faults.clear()
    await change_server(emu)
    code, _, err_text = await run_example(
        "bulk_sync", "--url", emu.base_url, "--db", str(path), cwd=tmp_path, token=emu.token
    )

    assert code == 0, err_text
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert_equal_to_server(emu, db)


def committed(path: Path) -> set[str]:
    """The resources whose cursor the database at ``path`` holds (read-only, while another process writes)."""
    if not path.exists():
        return set()
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return {name for (name,) in db.execute("SELECT resource FROM sync_state")}
    except sqlite3.OperationalError:  # not created yet
        return set()
