"""Every ```python block of the README runs against the emulator, so a broken snippet fails CI.

How a block runs:
- The placeholders ``https://invoices.example.com`` and ``your-32-character-api-token`` become a running
  emulator's URL and token (the emulator runs in a thread of its own, so blocks may call ``asyncio.run``).
- A block with top-level ``await`` runs inside ``async with NinjaClient(base_url, token) as ninja:``, with
  ``ninja``, ``base_url``, ``token``, ``cursor`` (0) and ``upsert`` (collects records) defined, as the README
  text around such blocks says.
- Any ``async def test_*`` a block defines is then called, as pytest would (a ``ninja_emulator``
  parameter gets the running emulator, as the pytest plugin's fixture would).
- A FastAPI ``app`` a block defines is started (lifespan included) and asked for a client's invoices.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ninja_async import NinjaClient
from ninja_async.testing import NinjaEmulator
from tests.emulator_thread import EmulatorThread

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
PLACEHOLDER_URL = "https://invoices.example.com"
PLACEHOLDER_TOKEN = "your-32-character-api-token"


def readme_blocks() -> list[tuple[int, str]]:
    text = README.read_text()
    return [(text[: m.start()].count("\n") + 1, m.group(1)) for m in BLOCK.finditer(text)]


@pytest.fixture(scope="module")
def emulator() -> Iterator[NinjaEmulator]:
    with EmulatorThread(NinjaEmulator(clients=5, invoices=40, seed=3, error_delay=0)) as emu:
        yield emu


def test_the_readme_has_python_blocks() -> None:
    assert len(readme_blocks()) >= 5


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
@pytest.mark.parametrize(("line", "source"), readme_blocks(), ids=[f"line{n}" for n, _ in readme_blocks()])
def test_readme_block_runs(emulator: NinjaEmulator, line: int, source: str) -> None:
    source = source.replace(PLACEHOLDER_URL, emulator.base_url).replace(PLACEHOLDER_TOKEN, emulator.token)
    code = compile(source, f"README.md:{line}", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    namespace: dict[str, Any] = {"__name__": f"readme_line_{line}"}
    if code.co_flags & inspect.CO_COROUTINE:
        asyncio.run(_run_with_client(code, namespace, emulator))
    else:
        exec(code, namespace)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and inspect.iscoroutinefunction(value):
            fixtures = {"ninja_emulator": emulator}
            asyncio.run(value(**{p: fixtures[p] for p in inspect.signature(value).parameters}))
    if "fastapi" in source:
        _drive_fastapi_app(namespace["app"], emulator)


def _drive_fastapi_app(app: Any, emulator: NinjaEmulator) -> None:
    """Run the app's lifespan against the emulator and call its route, as a deployment would."""
    from fastapi.testclient import TestClient

    client_id = next(row.public_id for row in emulator.state.clients if row.deleted_at is None)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("NINJA_URL", emulator.base_url)
        env.setenv("NINJA_TOKEN", emulator.token)
        with TestClient(app) as http:
            listed = http.get(f"/clients/{client_id}/invoices")
            missing = http.get("/clients/999999/invoices")
    assert listed.status_code == 200
    assert all(set(row) == {"id", "number", "balance"} for row in listed.json())
    assert missing.status_code == 404


async def _run_with_client(code: Any, namespace: dict[str, Any], emulator: NinjaEmulator) -> None:
    upserted: list[Any] = []
    async with NinjaClient(emulator.base_url, emulator.token) as ninja:
        namespace.update(
            ninja=ninja, base_url=emulator.base_url, token=emulator.token, cursor=0, upsert=upserted.append
        )
        result = eval(code, namespace)
        if inspect.iscoroutine(result):
            await result
