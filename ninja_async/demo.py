"""``ninja-async demo``: a bulk-sync job against the embedded emulator, start to finish, in seconds.

It starts `ninja_async.testing.NinjaEmulator` in-process with a realistic account, then does with the SDK
what a bulk-sync job does: pull every invoice with concurrent pages into a JSONL file, then create a client
and an invoice, archive and restore it, email it and download its PDF, and print a summary.
"""

from __future__ import annotations

import time
from pathlib import Path

import attrs

from .client import NinjaClient
from .export import ExportResult, cursor_path, export_resource
from .progress import Progress
from .testing import NinjaEmulator

__all__ = ["DemoResult", "fresh_output", "run_demo"]


def _say(message: str) -> None:
    print(message, flush=True)


async def run_demo(
    *,
    clients: int = 200,
    invoices: int = 20_000,
    out: Path = Path("ninja-demo-invoices.jsonl"),
    concurrency: int = 16,
    seed: int = 42,
) -> DemoResult:
    """Run the demo job; call `fresh_output` first for a full pull rather than an incremental one."""
    started = time.perf_counter()
    _say(f"Starting the Invoice Ninja v4 emulator with {clients:,} clients and {invoices:,} invoices...")
    async with NinjaEmulator(clients=clients, invoices=invoices, seed=seed, error_delay=0) as emulator:
        _say(f"  serving {emulator.api_url} (seeded in {time.perf_counter() - started:.1f} s)")
        async with NinjaClient(emulator.base_url, emulator.token, max_concurrency=concurrency) as ninja:
            _say(f"Pulling every invoice, {concurrency} pages at a time, into {out}...")
            result = await export_resource(
                ninja, "invoices", out, per_page=100, concurrency=concurrency, progress=Progress("  invoices")
            )
            _say("Creating a client and an invoice, then archive, restore, email and download...")
            client = await ninja.clients.create(
                name="Demo Ltd",
                contacts=[{"first_name": "Dee", "last_name": "Mo", "email": "dee@demo.example"}],
            )
            invoice = await ninja.invoices.create(
                client_id=client.id,
                invoice_items=[{"product_key": "CONSULT", "notes": "Consulting", "cost": 120, "qty": 3}],
                terms="Net 15",
            )
            archived = await ninja.invoices.archive(invoice.id)
            restored = await ninja.invoices.restore(invoice.id)
            await ninja.invoices.email(invoice.id)
            pdf = await ninja.invoices.download(invoice.id, to=out.parent)
            _say(f"  client {client.id} '{client.name}', invoice {invoice.invoice_number}")
            _say(f"  archived at {archived.archived_at}, restored: {restored.archived_at is None}")
            _say(f"  emailed: {len(emulator.state.sent_emails)} email(s) recorded by the emulator")
            _say(f"  PDF saved to {pdf}")
            retries = ninja.stats.retries
    return DemoResult(result, retries, time.perf_counter() - started)


@attrs.frozen
class DemoResult:
    export: ExportResult
    retries: int
    seconds: float

    def summary(self) -> str:
        export = self.export
        return "\n".join(
            [
                "Summary",
                f"  invoices exported  {export.records:,} into {export.path}",
                f"  pages              {export.pages:,} in {export.seconds:.2f} s"
                f" = {export.pages_per_second:,.0f} pages/s",
                f"  retries            {self.retries}",
                f"  next sync cursor   {export.cursor} (`ninja-async export` resumes from it)",
                f"  total time         {self.seconds:.1f} s",
            ]
        )


def fresh_output(out: Path) -> None:
    """The demo starts from an empty file and no cursor, so its figures are those of a full pull."""
    out.unlink(missing_ok=True)
    cursor_path(out).unlink(missing_ok=True)
