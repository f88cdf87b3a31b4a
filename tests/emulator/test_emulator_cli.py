"""`python -m ninja_async.cli emulator --port 0`: prints its URL, serves, exits cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import re
import signal
import sys

import aiohttp

from ninja_async.cli import build_parser, main
from ninja_async.testing import DEFAULT_TOKEN


async def test_emulator_subprocess_serves_and_stops() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ninja_async.cli",
        "emulator",
        "--port",
        "0",
        "--clients",
        "2",
        "--invoices",
        "3",
        "--error-delay",
        "0",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
        match = re.search(r"(http://127\.0\.0\.1:(\d+))\s*$", line)
        assert match, line
        assert int(match.group(2)) > 0
        async with (
            aiohttp.ClientSession() as session,
            session.get(match.group(1) + "/api/v1/ping", headers={"X-Ninja-Token": DEFAULT_TOKEN}) as reply,
        ):
            assert (reply.status, await reply.text()) == (200, "success")
        process.send_signal(signal.SIGTERM)
        stdout, _ = await asyncio.wait_for(process.communicate(), timeout=30)
        assert process.returncode == 0
        assert b"emulator stopped" in stdout
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def test_parser_options_and_no_command(capsys: object) -> None:
    args = build_parser().parse_args(
        ["emulator", "--hosted", "--seed", "4", "--port", "0", "--api-secret", "x"]
    )
    assert (args.hosted, args.seed, args.port, args.api_secret, args.error_delay) == (True, 4, 0, "x", 3.0)
    assert main([]) == 2
