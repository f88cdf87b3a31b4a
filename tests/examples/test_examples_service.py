"""examples/service.py: the jobs' effects on the server, and each error path as its docstring tells it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from examples_support import live_client_email, load_example, run_example

from ninja_async import EventHooks, FakeClock, NinjaClient, Request
from ninja_async.testing import Fault, NinjaEmulator

service = load_example("service")

PRODUCT_COST = {"CONSULT": 120.0, "HOSTING": 25.0, "SUPPORT": 150.0, "DESIGN": 80.0}


def invoices_of(emu: NinjaEmulator, client_id: int) -> list[Any]:
    return [row for row in emu.state.invoices if row.f.get("client_id") == client_id]


def clients_with_email(emu: NinjaEmulator, email: str) -> list[Any]:
    return [c for c in emu.state.clients if any(x.f.get("email") == email for x in c.children)]


async def run_jobs(emu: NinjaEmulator, *jobs: Any, clock: FakeClock | None = None) -> Any:
    async with service.connect(emu.base_url, emu.token, clock=clock) as ninja:
        return await service.InvoiceService(ninja).run(jobs)


async def test_service_creates_the_invoice_from_product_keys_and_emails_it(emu: NinjaEmulator) -> None:
    client, email = live_client_email(emu)
    before = {row.public_id for row in emu.state.invoices}
    job = service.InvoiceJob(email, {"CONSULT": 3, "HOSTING": 1})

    report = await run_jobs(emu, job)

    assert report.emailed == [job] and not (report.skipped or report.dropped or report.failed)
    [invoice] = [row for row in emu.state.invoices if row.public_id not in before]
    assert job.invoice_id == invoice.public_id
    assert invoice.f["client_id"] == client.public_id
    items = [(i.f["product_key"], i.f["qty"], i.f["cost"]) for i in invoice.children]
    assert items == [("CONSULT", 3, 120.0), ("HOSTING", 1, 25.0)]  # cost filled in from the products
    assert invoice.f["amount"] == 385.0
    [sent] = emu.state.sent_emails
    assert (sent.invoice_id, sent.kind, sent.to) == (invoice.public_id, "invoice", [email])


async def test_service_creates_a_missing_client_once_for_concurrent_jobs(emu: NinjaEmulator) -> None:
    jobs = [service.InvoiceJob("ap@new.example", {key: 1}, client_name="New Co") for key in PRODUCT_COST]

    report = await run_jobs(emu, *jobs)

    assert len(report.emailed) == len(jobs)
    [client] = clients_with_email(emu, "ap@new.example")  # four jobs at once, one client
    assert client.f["name"] == "New Co"
    invoices = invoices_of(emu, client.public_id)
    assert sorted(i.children[0].f["product_key"] for i in invoices) == sorted(PRODUCT_COST)
    assert {e.invoice_id for e in emu.state.sent_emails} == {i.public_id for i in invoices}


async def test_service_skips_a_job_for_an_unknown_email_without_a_client_name(emu: NinjaEmulator) -> None:
    invoices_before, clients_before = len(emu.state.invoices), len(emu.state.clients)
    job = service.InvoiceJob("nobody@unknown.example", {"AUDIT": 1})

    report = await run_jobs(emu, job)

    assert [skipped for skipped, _ in report.skipped] == [job]
    assert "nobody@unknown.example" in report.skipped[0][1]
    assert (len(emu.state.invoices), len(emu.state.clients)) == (invoices_before, clients_before)
    assert emu.state.sent_emails == []


async def test_service_drops_a_job_the_server_refuses_and_reports_field_errors(emu: NinjaEmulator) -> None:
    _, email = live_client_email(emu)
    taken = next(row.f["invoice_number"] for row in emu.state.invoices if row.f.get("invoice_number"))
    invoices_before = len(emu.state.invoices)
    job = service.InvoiceJob(email, {"DESIGN": 2}, invoice_number=taken)

    report = await run_jobs(emu, job)

    [(dropped, errors)] = report.dropped
    assert dropped is job and job.attempts == 1  # not retried
    assert errors == {"invoice_number": ["The invoice number has already been taken."]}
    assert len(emu.state.invoices) == invoices_before
    assert emu.state.sent_emails == []


def archive_client_before_invoicing(emu: NinjaEmulator, client_id: int) -> Any:
    """A request hook: someone archives the client between the service's lookup and its invoice."""

    def hook(request: Request) -> None:
        row = emu.state.clients.get(client_id)
        if request.method == "POST" and request.url.endswith("/invoices") and row and not row.trashed:
            row.deleted_at = emu.clock.timestamp()
            emu.state.touch("clients", row)

    return hook


async def test_service_recreates_a_client_archived_after_the_lookup(emu: NinjaEmulator) -> None:
    client, email = live_client_email(emu)
    invoices_before = len(invoices_of(emu, client.public_id))
    job = service.InvoiceJob(email, {"SUPPORT": 1}, client_name="Reborn Ltd")
    hooks: EventHooks = {"request": [archive_client_before_invoicing(emu, client.public_id)]}

    async with NinjaClient(emu.base_url, emu.token, hooks=hooks) as ninja:
        report = await service.InvoiceService(ninja).run([job])

    assert report.emailed == [job]
    assert client.trashed and len(invoices_of(emu, client.public_id)) == invoices_before  # v4 said 404
    [new_client] = [c for c in clients_with_email(emu, email) if c is not client]
    assert new_client.f["name"] == "Reborn Ltd" and not new_client.trashed
    [invoice] = invoices_of(emu, new_client.public_id)
    assert invoice.public_id == job.invoice_id
    assert [e.invoice_id for e in emu.state.sent_emails] == [job.invoice_id]


async def test_service_skips_when_the_client_is_gone_and_the_job_names_none(emu: NinjaEmulator) -> None:
    client, email = live_client_email(emu)
    invoices_before = len(emu.state.invoices)
    job = service.InvoiceJob(email, {"SUPPORT": 1})
    hooks: EventHooks = {"request": [archive_client_before_invoicing(emu, client.public_id)]}

    async with NinjaClient(emu.base_url, emu.token, hooks=hooks) as ninja:
        report = await service.InvoiceService(ninja).run([job])

    assert [skipped for skipped, _ in report.skipped] == [job]
    assert len(emu.state.invoices) == invoices_before and emu.state.sent_emails == []


async def test_service_reschedules_a_throttled_email_after_retry_after_without_a_second_invoice(
    emu: NinjaEmulator,
) -> None:
    client, email = live_client_email(emu)
    before = {row.public_id for row in invoices_of(emu, client.public_id)}
    emu.faults.add(Fault("throttle", method="POST", path="/api/v1/email_invoice", wait=120, times=1))
    clock = FakeClock()
    job = service.InvoiceJob(email, {"CONSULT": 1})

    report = await run_jobs(emu, job, clock=clock)

    assert report.emailed == [job] and report.rescheduled == 1 and job.attempts == 2
    assert clock.sleeps == [120.0]  # rescheduled after exactly retry_after; the SDK itself did not wait
    new = [row.public_id for row in invoices_of(emu, client.public_id) if row.public_id not in before]
    assert new == [job.invoice_id]  # the second attempt resumed at the email: one invoice, not two
    assert [e.invoice_id for e in emu.state.sent_emails] == [job.invoice_id]
    assert emu.faults.injected["throttle"] == 1


async def test_service_reschedules_a_throttled_create_and_invoices_once(emu: NinjaEmulator) -> None:
    client, email = live_client_email(emu)
    before = len(invoices_of(emu, client.public_id))
    emu.faults.add(Fault("throttle", method="POST", path="/api/v1/invoices", wait=60, times=1))
    clock = FakeClock()
    job = service.InvoiceJob(email, {"HOSTING": 2})

    report = await run_jobs(emu, job, clock=clock)

    assert report.emailed == [job] and report.rescheduled == 1
    assert clock.sleeps == [60.0]
    assert len(invoices_of(emu, client.public_id)) == before + 1
    assert [e.invoice_id for e in emu.state.sent_emails] == [job.invoice_id]


async def test_service_lets_the_sdk_wait_out_a_short_throttle(emu: NinjaEmulator) -> None:
    _, email = live_client_email(emu)
    emu.faults.add(Fault("throttle", method="POST", path="/api/v1/email_invoice", wait=2, times=1))
    clock = FakeClock()
    job = service.InvoiceJob(email, {"CONSULT": 1})

    report = await run_jobs(emu, job, clock=clock)

    assert report.emailed == [job] and report.rescheduled == 0 and job.attempts == 1
    [waited] = clock.sleeps  # the SDK's own retry: the 2 s asked for, plus up to 1 s of jitter
    assert 2.0 <= waited <= 3.0


async def test_service_gives_up_on_a_job_throttled_on_every_attempt(emu: NinjaEmulator) -> None:
    _, email = live_client_email(emu)
    emu.faults.add(Fault("throttle", method="POST", path="/api/v1/email_invoice", wait=90))
    clock = FakeClock()
    job = service.InvoiceJob(email, {"CONSULT": 1})

    report = await run_jobs(emu, job, clock=clock)

    assert [failed for failed, _ in report.failed] == [job] and job.attempts == 5
    assert report.rescheduled == 4 and clock.sleeps == [90.0] * 4
    assert len([i for i in emu.state.invoices if i.public_id == job.invoice_id]) == 1  # still created once


async def test_service_script_runs_its_sample_jobs_against_an_embedded_emulator(tmp_path: Path) -> None:
    code, out, err = await run_example("service", cwd=tmp_path)

    assert code == 0, err
    assert "Started an Invoice Ninja v4 emulator at http://127.0.0.1:" in out
    assert "4 jobs: 2 invoiced and emailed, 1 skipped, 1 dropped (invalid), 0 failed" in out
    assert "The emulator recorded 2 sent email(s)." in out
    assert "created client" in err and "invoice_number: The invoice number has already been taken." in err


async def test_service_script_runs_a_jobs_file_against_a_server(emu: NinjaEmulator, tmp_path: Path) -> None:
    client, email = live_client_email(emu)
    jobs = tmp_path / "jobs.json"
    jobs.write_text(json.dumps([{"email": email, "items": {"AUDIT": 1}}]))

    code, out, err = await run_example(
        "service", "--url", emu.base_url, "--jobs", str(jobs), cwd=tmp_path, token=emu.token
    )

    assert code == 0, err
    assert "1 jobs: 1 invoiced and emailed" in out
    [sent] = emu.state.sent_emails
    invoice = emu.state.invoices.get(sent.invoice_id)
    assert invoice is not None and invoice.f["client_id"] == client.public_id
    assert [i.f["product_key"] for i in invoice.children] == ["AUDIT"]


@pytest.mark.parametrize("example", ["service", "bulk_sync", "web_backend"])
def test_examples_refuse_a_url_without_a_token(
    example: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NINJA_TOKEN", raising=False)

    with pytest.raises(SystemExit) as exit:
        load_example(example).parse_args(["--url", "https://invoices.example.com"])

    assert exit.value.code == 2
    assert "--token" in capsys.readouterr().err
