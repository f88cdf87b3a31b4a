"""Incremental export of clients, invoices and payments into SQLite: resumable, and safe to kill.

It shows:

- ``ninja.invoices.sync(since=cursor)``: every record changed at or after the cursor, none missed even when
  records change during the read (see `ninja_async.sync`). ``sync.cursor`` is where the next run starts.
- Concurrency: the three resources are read at the same time, each with several pages in flight, all under
  the client's ``max_concurrency``.
- An atomic, resumable load. Records are staged as they arrive. When a resource's sync has finished, its
  rows and its new cursor are committed in one transaction. If the job is killed at any point, the database
  holds each resource as of its last finished run, and the next run starts from that resource's cursor.
  Rows are upserted by id, so nothing is duplicated and nothing is skipped.
- Progress on stderr while it runs, and a summary at the end.

There is one table per resource, with the columns ``id`` (primary key), ``updated_at``, ``is_deleted``,
``archived_at`` and ``data``. ``data`` is the record as the server sent it, as JSON with unknown fields
included, so you can query it with ``json_extract``. A ``sync_state`` table holds each resource's cursor.

Run it:

    python examples/bulk_sync.py    # emulator in-process: a full sync, new records, then an incremental one
    python examples/bulk_sync.py --url https://invoices.example.com --token TOKEN --db ninja.sqlite3

The first command writes ``ninja-demo.sqlite3`` afresh. In the second, the token can also come from
``NINJA_TOKEN``; run it again later to fetch only what changed, or interrupt it (Ctrl-C) and run it again.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ninja_async import NinjaClient, NinjaError, unstructure
from ninja_async.sync import Sync
from ninja_async.testing import NinjaEmulator

RESOURCES = ("clients", "invoices", "payments")
DEMO_DB = Path("ninja-demo.sqlite3")  # the demo's own database, recreated on every demo run
STAGE_BATCH = 500  # records staged per INSERT
Row = tuple[int, int, int, int | None, str]  # id, updated_at, is_deleted, archived_at, data


# -- the database ----------------------------------------------------------------------------------------


def open_db(path: Path) -> sqlite3.Connection:
    """Open (or create) the database; transactions are explicit (see `transaction`)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")  # readers can query the tables while a sync writes
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_state (resource TEXT PRIMARY KEY, "
        "cursor INTEGER NOT NULL, complete INTEGER NOT NULL, synced_at TEXT NOT NULL)"
    )
    for name in RESOURCES:
        create_record_table(db, name)
    return db


def create_record_table(db: sqlite3.Connection, table: str, *, temporary: bool = False) -> None:
    db.execute(
        f"CREATE {'TEMP ' if temporary else ''}TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY, "
        "updated_at INTEGER NOT NULL, is_deleted INTEGER NOT NULL, archived_at INTEGER, data TEXT NOT NULL)"
    )


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """Everything inside commits together, or not at all."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def read_cursor(db: sqlite3.Connection, resource: str) -> int:
    found = db.execute("SELECT cursor FROM sync_state WHERE resource = ?", (resource,)).fetchone()
    return int(found[0]) if found else 0  # no cursor yet: everything


def row_of(record: Any) -> Row:
    wire = unstructure(record)  # the record as the server sent it, unknown fields included
    data = json.dumps(wire, separators=(",", ":"))
    return wire["id"], wire["updated_at"], int(bool(wire.get("is_deleted"))), wire.get("archived_at"), data


# -- the sync --------------------------------------------------------------------------------------------


@dataclass
class ResourceResult:
    resource: str
    fetched: int = 0  # records received in this run
    rows: int = 0  # rows in the table afterwards
    cursor: int | None = None  # the cursor committed by this run (None if it did not finish)
    complete: bool = False  # False when changes never settled; the cursor is safe either way
    seconds: float = 0.0
    error: str | None = None


class Progress:
    """Records fetched per resource, printed to stderr every ``interval`` seconds while the sync runs."""

    def __init__(self, resources: Sequence[str], interval: float = 1.0) -> None:
        self.fetched = dict.fromkeys(resources, 0)
        self.total: dict[str, int | None] = dict.fromkeys(resources)
        self.interval = interval

    def line(self) -> str:
        return "  ".join(
            f"{name} {count:,}/{'?' if self.total[name] is None else format(self.total[name], ',')}"
            for name, count in self.fetched.items()
        )

    async def report(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            print(f"  ... {self.line()}", file=sys.stderr, flush=True)


async def sync_resource(
    ninja: NinjaClient,
    db: sqlite3.Connection,
    resource: str,
    *,
    concurrency: int = 4,
    per_page: int = 100,
    progress: Progress | None = None,
) -> ResourceResult:
    """Fetch what changed in ``resource`` since its cursor; commit the rows and the new cursor together."""
    result = ResourceResult(resource)
    started = time.perf_counter()
    staged = f"staged_{resource}"
    create_record_table(db, staged, temporary=True)  # private to this connection, gone when it closes
    db.execute(f"DELETE FROM {staged}")  # what an earlier, interrupted run in this process left
    sync: Sync[Any] = getattr(ninja, resource).sync(
        read_cursor(db, resource), per_page=per_page, concurrency=concurrency
    )
    batch: list[Row] = []
    try:
        async for record in sync:
            batch.append(row_of(record))
            result.fetched += 1
            if progress is not None:
                progress.fetched[resource] += 1
                progress.total[resource] = sync.total
            if len(batch) >= STAGE_BATCH:
                stage(db, staged, batch)
    except NinjaError as exc:  # this resource stops here; the next run retries it from its old cursor
        result.error = f"{type(exc).__name__}: {exc}"
        db.execute(f"DELETE FROM {staged}")
    else:
        stage(db, staged, batch)
        with transaction(db):  # no await inside: the resources' transactions never interleave on `db`
            db.execute(  # upsert by id (`WHERE true` lets SQLite parse INSERT ... SELECT ... ON CONFLICT)
                f"INSERT INTO {resource} SELECT * FROM {staged} WHERE true "
                "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, "
                "is_deleted = excluded.is_deleted, archived_at = excluded.archived_at, data = excluded.data "
                f"WHERE excluded.updated_at >= {resource}.updated_at"
            )
            db.execute(
                "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?)",
                (resource, sync.cursor, sync.complete, datetime.datetime.now(datetime.UTC).isoformat()),
            )
            db.execute(f"DELETE FROM {staged}")
        result.cursor, result.complete = sync.cursor, sync.complete
    result.rows = db.execute(f"SELECT count(*) FROM {resource}").fetchone()[0]
    result.seconds = time.perf_counter() - started
    return result


def stage(db: sqlite3.Connection, staged: str, batch: list[Row]) -> None:
    # A record comes again only when it changed during the sync, so the later copy is the newer one.
    db.executemany(f"INSERT OR REPLACE INTO {staged} VALUES (?, ?, ?, ?, ?)", batch)
    batch.clear()


async def sync_all(
    ninja: NinjaClient,
    db: sqlite3.Connection,
    *,
    resources: Sequence[str] = RESOURCES,
    concurrency: int = 4,
    per_page: int = 100,
    progress_interval: float = 1.0,
) -> list[ResourceResult]:
    """Sync every resource at once; one that fails does not stop the others."""
    progress = Progress(resources, progress_interval)
    reporter = asyncio.create_task(progress.report())
    syncs = [
        sync_resource(ninja, db, name, concurrency=concurrency, per_page=per_page, progress=progress)
        for name in resources
    ]
    try:
        return list(await asyncio.gather(*syncs))
    finally:
        reporter.cancel()


def summary(results: Sequence[ResourceResult]) -> str:
    lines = [f"  {'resource':<10}{'fetched':>9}{'rows':>9}{'cursor':>12}{'seconds':>9}  status"]
    for r in results:
        status = r.error or ("complete" if r.complete else "still changing; the next run continues")
        cursor = "-" if r.cursor is None else str(r.cursor)
        lines.append(f"  {r.resource:<10}{r.fetched:>9,}{r.rows:>9,}{cursor:>12}{r.seconds:>9.2f}  {status}")
    return "\n".join(lines)


# -- the command line ------------------------------------------------------------------------------------


async def demo(db: sqlite3.Connection, concurrency: int) -> bool:
    """Against an in-process emulator: a full sync, a few new records, then an incremental sync."""
    async with NinjaEmulator(clients=40, invoices=600, seed=7, error_delay=0) as emulator:
        print(f"Started an Invoice Ninja v4 emulator at {emulator.base_url}")
        async with NinjaClient(emulator.base_url, emulator.token) as ninja:
            print("First run: every record")
            first = await sync_all(ninja, db, concurrency=concurrency)
            print(summary(first))

            client = await ninja.clients.create(name="Tail Ltd", contacts=[{"email": "ap@tail.example"}])
            invoice = await ninja.invoices.create(
                client_id=client.id, invoice_items=[{"product_key": "CONSULT", "qty": 2}]
            )
            await ninja.payments.create(invoice_id=invoice.id, amount=100)
            print("Added a client, an invoice and a payment.")

            print("Second run: only what changed at or after each cursor")
            second = await sync_all(ninja, db, concurrency=concurrency)
            print(summary(second))
        counts = {r.resource: (r.rows, len(emulator.state.table(r.resource))) for r in second}
    same = all(rows == expected for rows, expected in counts.values())
    shown = ", ".join(f"{name} {rows}/{expected}" for name, (rows, expected) in counts.items())
    print(f"Rows in the database / records in the emulator: {shown}: {'equal' if same else 'DIFFERENT'}")
    return same and not any(r.error for r in first + second)


async def run(args: argparse.Namespace) -> bool:
    if not args.url:
        for suffix in ("", "-wal", "-shm"):  # a fresh emulator, so a fresh demo database
            Path(f"{DEMO_DB}{suffix}").unlink(missing_ok=True)
    db = open_db(args.db)
    try:
        if not args.url:
            ok = await demo(db, args.concurrency)
        else:
            async with NinjaClient(args.url, args.token, throttle=args.hosted) as ninja:
                results = await sync_all(ninja, db, concurrency=args.concurrency)
            print(summary(results))
            ok = not any(r.error for r in results)
    finally:
        db.close()
    print(f"Database: {args.db}   (try: sqlite3 {args.db} 'SELECT count(*) FROM invoices')")
    return ok


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Incremental export of clients, invoices and payments.")
    parser.add_argument("--url", help="the v4 server root; without it, an in-process emulator is used")
    parser.add_argument("--token", default=os.environ.get("NINJA_TOKEN"), help="API token (env NINJA_TOKEN)")
    parser.add_argument("--db", type=Path, default=Path("ninja.sqlite3"), help="SQLite file, with --url")
    parser.add_argument("--concurrency", type=int, default=4, help="pages in flight per resource")
    parser.add_argument("--hosted", action="store_true", help="stay under the hosted 1000 requests/hour")
    args = parser.parse_args(argv)
    if args.url and not args.token:
        parser.error("--url needs --token (or NINJA_TOKEN)")
    if not args.url:
        args.db = DEMO_DB
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        ok = asyncio.run(run(args))
    except KeyboardInterrupt:
        print("Interrupted. Finished resources are committed; the next run resumes from their cursors.")
        return 130
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
