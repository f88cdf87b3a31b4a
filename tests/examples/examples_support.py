"""Helpers shared by the examples' tests: loading an example module, running one, picking seed data."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from ninja_async.testing import NinjaEmulator, Row

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def load_example(name: str) -> ModuleType:
    """Import ``examples/NAME.py`` as the module ``example_NAME`` (examples are scripts, not a package)."""
    module_name = f"example_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def live_client_email(emu: NinjaEmulator) -> tuple[Row, str]:
    """A client that is neither archived nor deleted, and the email of one of its live contacts."""
    for client in emu.state.clients:
        contacts = [c for c in client.live_children() if c.f.get("email")]
        if not client.trashed and contacts:
            return client, str(contacts[0].f["email"])
    raise AssertionError("the seed has no live client with a contact email")


async def run_example(
    name: str, *args: str, cwd: Path, token: str | None = None, timeout: float = 20
) -> tuple[int, str, str]:
    """Run ``python examples/NAME.py ARGS`` to completion: (exit code, stdout, stderr).

    ``NINJA_TOKEN`` is set to ``token``, or unset.
    """
    env = {key: value for key, value in os.environ.items() if key != "NINJA_TOKEN"}
    if token is not None:
        env["NINJA_TOKEN"] = token
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(EXAMPLES / f"{name}.py"),
        *args,
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(timeout):
            stdout, stderr = await process.communicate()
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()
