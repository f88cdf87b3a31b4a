"""The command-line jobs: ``ninja-async demo`` and ``ninja-async export`` (in-process, real sockets)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from ninja_async.cli import main
from ninja_async.testing import NinjaEmulator
from tests.emulator_thread import EmulatorThread


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_demo_exports_every_invoice_and_does_the_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo.jsonl"
    assert main(["demo", "--clients", "20", "--invoices", "600", "--out", str(out)]) == 0
    records = read_jsonl(out)
    assert len(records) == 600
    assert len({r["id"] for r in records}) == 600
    printed = capsys.readouterr().out
    assert "invoices exported  600" in printed
    assert "emailed: 1 email(s)" in printed
    pdfs = list(tmp_path.glob("Invoice_*.pdf"))
    assert len(pdfs) == 1
    assert pdfs[0].read_bytes().startswith(b"%PDF-")


@pytest.fixture
def emulator() -> Iterator[NinjaEmulator]:
    with EmulatorThread(NinjaEmulator(clients=10, invoices=250, seed=9, error_delay=0)) as emu:
        yield emu


def export(emu: NinjaEmulator, out: Path, *extra: str) -> int:
    return main(
        ["export", "invoices", "--url", emu.base_url, "--token", emu.token, "--out", str(out), *extra]
    )


def test_export_then_resume_appends_only_what_changed(emulator: NinjaEmulator, tmp_path: Path) -> None:
    out = tmp_path / "invoices.jsonl"
    assert export(emulator, out, "--concurrency", "4", "--per-page", "50") == 0
    first = read_jsonl(out)
    assert {r["id"] for r in first} == {row.public_id for row in emulator.state.invoices}
    cursor = orjson.loads((tmp_path / "invoices.jsonl.cursor").read_bytes())
    assert cursor["resource"] == "invoices"

    emulator.clock.advance(10)
    touched = emulator.state.invoices.get(7)
    assert touched is not None
    emulator.state.touch("invoices", touched)
    assert export(emulator, out) == 0
    appended = read_jsonl(out)[len(first) :]
    assert [r["id"] for r in appended if r["updated_at"] > cursor["cursor"]] == [7]
    assert len(appended) < 20  # the tail since the cursor, not the whole list again


def test_export_token_from_the_environment(
    emulator: NinjaEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NINJA_TOKEN", emulator.token)
    out = tmp_path / "clients.jsonl"
    assert main(["export", "clients", "--url", emulator.base_url, "--out", str(out)]) == 0
    assert len(read_jsonl(out)) == len(emulator.state.clients)


def test_export_reports_errors_without_a_traceback(
    emulator: NinjaEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.jsonl"
    emulator.settings.error_delay = 0
    assert (
        main(["export", "invoices", "--url", emulator.base_url, "--token", "wrong", "--out", str(out)]) == 1
    )
    assert "Invalid token" in capsys.readouterr().err
    assert (
        main(["export", "widgets", "--url", emulator.base_url, "--token", emulator.token, "--out", str(out)])
        == 1
    )
    assert "cannot export 'widgets'" in capsys.readouterr().err


def test_export_needs_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NINJA_TOKEN", raising=False)
    assert main(["export", "invoices", "--url", "https://x.example", "--out", str(tmp_path / "x")]) == 2
