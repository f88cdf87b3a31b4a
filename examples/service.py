"""An asyncio worker that invoices clients from a queue of jobs, and handles what v4 answers.

Each job says "invoice the client with this contact email for these products". A few workers share one
`NinjaClient`, and for every job they:

1. find the client with ``ninja.clients.list(email=..., active_only=True)``, or create it when the job
   names one;
2. create the invoice from product keys (v4 fills in each product's cost and notes);
3. email it with ``ninja.invoices.email(id)``.

Each error is handled the way a service should handle it:

- `ValidationError`: the server refused the data, so retrying cannot help. Report the field errors and
  drop the job.
- `NotFoundError`: v4 answers 404 "Client not found" when the client was archived or deleted after the
  lookup. Create the client again if the job names one, otherwise skip the job.
- `RateLimitError`: the SDK waits out short throttles itself (up to 5 s here). A longer one comes back as
  this error, and the job is rescheduled after ``retry_after`` without holding a worker. A rescheduled job
  resumes where it stopped, so it never creates a second invoice.

Run it:

    python examples/service.py        # starts an emulator in-process and runs four sample jobs
    python examples/service.py --url https://invoices.example.com --token TOKEN --jobs jobs.json

The token can also come from ``NINJA_TOKEN``. ``jobs.json`` holds a list of jobs such as
``{"email": "ap@acme.example", "items": {"CONSULT": 3}, "client_name": "Acme Ltd"}``
(``client_name`` and ``invoice_number`` are optional).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ninja_async import (
    Clock,
    Invoice,
    NinjaClient,
    NinjaError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    Timeout,
    ValidationError,
)
from ninja_async.testing import NinjaEmulator

log = logging.getLogger("invoice-service")

DEFAULT_RETRY_AFTER = 30.0  # seconds to wait when a throttled answer does not say (a 429 without a header)


@dataclass
class InvoiceJob:
    """Invoice the client with this contact email for these products, then email the invoice."""

    email: str
    items: dict[str, float]  # product key -> quantity
    client_name: str | None = None  # if no client has the email, create one with this name
    invoice_number: str | None = None  # your own number; v4 refuses a number that is already taken
    invoice_id: int | None = None  # set once the invoice exists, so a rescheduled job does not invoice twice
    attempts: int = 0


class SkipJob(Exception):
    """The job cannot be done and should not be retried (e.g. there is no such client)."""


@dataclass
class Report:
    """What happened to every job."""

    emailed: list[InvoiceJob] = field(default_factory=list)
    skipped: list[tuple[InvoiceJob, str]] = field(default_factory=list)
    dropped: list[tuple[InvoiceJob, dict[str, list[str]]]] = field(default_factory=list)  # field errors
    failed: list[tuple[InvoiceJob, str]] = field(default_factory=list)
    rescheduled: int = 0

    def summary(self) -> str:
        jobs = len(self.emailed) + len(self.skipped) + len(self.dropped) + len(self.failed)
        return (
            f"{jobs} jobs: {len(self.emailed)} invoiced and emailed, {len(self.skipped)} skipped, "
            f"{len(self.dropped)} dropped (invalid), {len(self.failed)} failed; "
            f"{self.rescheduled} rescheduled after a throttle"
        )


class InvoiceService:
    """Runs jobs on ``workers`` concurrent workers that share one client (and its connection pool).

    Call `run` once per service.
    """

    def __init__(self, ninja: NinjaClient, *, workers: int = 4, max_attempts: int = 5) -> None:
        self.ninja = ninja
        self.workers = workers
        self.max_attempts = max_attempts
        self.report = Report()
        self._queue: asyncio.Queue[InvoiceJob] = asyncio.Queue()
        self._client_locks: dict[str, asyncio.Lock] = {}
        self._tasks = asyncio.TaskGroup()

    async def run(self, jobs: Iterable[InvoiceJob]) -> Report:
        """Process every job to an outcome (rescheduled ones included), then return the report."""
        for job in jobs:
            self._queue.put_nowait(job)
        async with self._tasks:
            workers = [self._tasks.create_task(self._work()) for _ in range(self.workers)]
            await self._queue.join()
            for worker in workers:
                worker.cancel()
        return self.report

    async def _work(self) -> None:
        while True:
            job = await self._queue.get()
            if not await self._handle(job):
                self._queue.task_done()

    async def _handle(self, job: InvoiceJob) -> bool:
        """Take one job to an outcome; True if it was rescheduled instead."""
        job.attempts += 1
        try:
            await self._invoice_and_email(job)
        except SkipJob as exc:
            log.info("skipped %s: %s", job.email, exc)
            self.report.skipped.append((job, str(exc)))
        except ValidationError as exc:
            errors = exc.errors or {"": [exc.message]}
            details = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
            log.warning("dropped %s, the server refused it: %s", job.email, details)
            self.report.dropped.append((job, errors))
        except RateLimitError as exc:
            delay = exc.retry_after if exc.retry_after is not None else DEFAULT_RETRY_AFTER
            if job.attempts < self.max_attempts:
                log.info("throttled: %s rescheduled in %g s", job.email, delay)
                self.report.rescheduled += 1
                self._tasks.create_task(self._requeue(job, delay))
                return True
            self.report.failed.append((job, f"still throttled after {job.attempts} attempts"))
        except NinjaError as exc:
            # Anything else (the server down, an answer lost...): the SDK already retried what was safe.
            log.error("failed %s: %s", job.email, exc)
            self.report.failed.append((job, str(exc)))
        else:
            self.report.emailed.append(job)
        return False

    async def _requeue(self, job: InvoiceJob, delay: float) -> None:
        await self.ninja.clock.sleep(delay)  # the client's clock: a test's FakeClock skips the wait
        self._queue.put_nowait(job)
        self._queue.task_done()  # the job's previous turn ends only now, so queue.join() waits for it

    async def _invoice_and_email(self, job: InvoiceJob) -> None:
        if job.invoice_id is None:  # a rescheduled job may have created its invoice already
            client_id = await self._find_or_create_client(job)
            try:
                invoice = await self._create_invoice(job, client_id)
            except NotFoundError:  # v4's "Client not found": archived or deleted since the lookup
                log.info("client %d of %s was archived or deleted; looking again", client_id, job.email)
                invoice = await self._create_invoice(job, await self._find_or_create_client(job))
            job.invoice_id = invoice.id
            log.info("invoice %s for %s: %.2f", invoice.invoice_number, job.email, invoice.amount)
        await self.ninja.invoices.email(job.invoice_id)
        log.info("emailed invoice %d to %s", job.invoice_id, job.email)

    async def _find_or_create_client(self, job: InvoiceJob) -> int:
        # One lookup-or-create at a time per email, so two jobs for a new client do not create it twice.
        async with self._client_locks.setdefault(job.email.lower(), asyncio.Lock()):
            page = await self.ninja.clients.list(email=job.email, active_only=True, per_page=1)
            if page.items:
                return page.items[0].id
            return await self._create_client(job)

    async def _create_client(self, job: InvoiceJob) -> int:
        if job.client_name is None:
            raise SkipJob(f"no active client has the contact email {job.email}")
        client = await self.ninja.clients.create(name=job.client_name, contacts=[{"email": job.email}])
        log.info("created client %d %r for %s", client.id, client.name, job.email)
        return client.id

    async def _create_invoice(self, job: InvoiceJob, client_id: int) -> Invoice:
        fields: dict[str, Any] = {
            "client_id": client_id,
            "invoice_items": [{"product_key": key, "qty": qty} for key, qty in job.items.items()],
        }
        if job.invoice_number is not None:
            fields["invoice_number"] = job.invoice_number
        return await self.ninja.invoices.create(**fields)


def connect(url: str, token: str, *, clock: Clock | None = None) -> NinjaClient:
    """The client the service uses. Throttles longer than 5 s come back as `RateLimitError` for the
    service to reschedule, instead of parking a worker. Pass a `FakeClock` in tests to skip the waits."""
    return NinjaClient(
        url,
        token,
        retry=RetryPolicy(max_retry_after=5.0),
        timeout=Timeout(connect=10, read=30, deadline=120),
        clock=clock,
    )


def sample_jobs() -> list[InvoiceJob]:
    return [
        InvoiceJob("ap@acme.example", {"CONSULT": 3, "HOSTING": 1}, client_name="Acme Ltd"),  # a new client
        InvoiceJob("ap@acme.example", {"SUPPORT": 1}),  # the same client, found by its email
        InvoiceJob("nobody@unknown.example", {"AUDIT": 1}),  # no such client and no name: skipped
        InvoiceJob("ap@acme.example", {"DESIGN": 2}, invoice_number="0001"),  # number taken: dropped
    ]


def load_jobs(path: Path) -> list[InvoiceJob]:
    return [InvoiceJob(**entry) for entry in json.loads(path.read_text())]


async def run(args: argparse.Namespace) -> Report:
    if args.url:
        async with connect(args.url, args.token) as ninja:
            return await InvoiceService(ninja, workers=args.workers).run(load_jobs(args.jobs))
    async with NinjaEmulator(clients=5, invoices=10, error_delay=0) as emulator:
        print(f"Started an Invoice Ninja v4 emulator at {emulator.base_url}")
        async with connect(emulator.base_url, emulator.token) as ninja:
            report = await InvoiceService(ninja, workers=args.workers).run(sample_jobs())
        print(f"The emulator recorded {len(emulator.state.sent_emails)} sent email(s).")
        return report


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", help="the v4 server root; without it, an in-process emulator is used")
    parser.add_argument("--token", default=os.environ.get("NINJA_TOKEN"), help="API token (env NINJA_TOKEN)")
    parser.add_argument("--jobs", type=Path, help="a JSON file with the list of jobs (required with --url)")
    parser.add_argument("--workers", type=int, default=4, help="concurrent workers (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.url and not (args.token and args.jobs):
        parser.error("--url needs --token (or NINJA_TOKEN) and --jobs")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    report = asyncio.run(run(args))
    print(report.summary())
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
