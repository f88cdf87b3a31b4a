"""The pytest plugin, enabled the way a user would: one line in a conftest.py of their own suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

USER_TESTS = """
import aiohttp

async def test_uses_the_fixture(ninja_emulator):
    assert len(ninja_emulator.state.clients) == 5
    headers = {"X-Ninja-Token": ninja_emulator.token}
    async with aiohttp.ClientSession() as session:
        async with session.get(ninja_emulator.api_url + "/clients", headers=headers) as reply:
            assert reply.status == 200
        async with session.get(ninja_emulator.api_url + "/clients") as reply:
            assert reply.status == 403

async def test_uses_the_factory(ninja_emulator_factory):
    first = await ninja_emulator_factory(clients=1, invoices=2, hosted=True)
    second = await ninja_emulator_factory(clients=2, invoices=0)
    assert first.settings.hosted and not second.settings.hosted
    assert first.base_url != second.base_url
"""


def test_plugin_fixtures_in_a_user_suite(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["ninja_async.testing.pytest_plugin"]\n')
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = auto\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
