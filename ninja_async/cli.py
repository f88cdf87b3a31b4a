"""The ``ninja-async`` command line: one argparse subcommand per tool.

Each subcommand is registered by a function in :data:`SUBCOMMANDS` that adds its parser and
sets ``run`` (a function of the parsed arguments returning an exit code), so further commands
(``demo``, ``export``) are added by appending their registration function.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ninja_async.export import ExportResult

SubParsers = argparse._SubParsersAction  # the type `add_subparsers()` returns
Register = Callable[["SubParsers[argparse.ArgumentParser]"], None]


def add_emulator_command(subparsers: SubParsers[argparse.ArgumentParser]) -> None:
    from ninja_async.testing.constants import DEFAULT_TOKEN, HOUR

    parser = subparsers.add_parser(
        "emulator",
        help="serve an in-memory Invoice Ninja v4 API until interrupted",
        description="Serve the ninja_async.testing emulator; prints its base URL, then runs until "
        "SIGINT or SIGTERM.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument(
        "--port", type=int, default=8000, help="port, 0 for a free one (default: %(default)s)"
    )
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="the X-Ninja-Token to accept")
    parser.add_argument("--clients", type=int, default=10, help="clients to seed (default: %(default)s)")
    parser.add_argument("--invoices", type=int, default=30, help="invoices to seed (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the data (default: %(default)s)")
    parser.add_argument(
        "--hosted", action="store_true", help="emulate the hosted service (throttle, page cap)"
    )
    parser.add_argument("--hour-seconds", type=float, default=HOUR, help="length of the throttle's hour")
    parser.add_argument("--error-delay", type=float, default=3.0, help="seconds to wait before a 403 (v4: 3)")
    parser.add_argument("--api-secret", default=None, help="require this API_SECRET on login routes")
    parser.set_defaults(run=run_emulator)


def run_emulator(args: argparse.Namespace) -> int:
    asyncio.run(_serve(args))
    return 0


async def _serve(args: argparse.Namespace) -> None:
    from ninja_async.testing import NinjaEmulator

    emulator = NinjaEmulator(
        host=args.host,
        port=args.port,
        token=args.token,
        clients=args.clients,
        invoices=args.invoices,
        seed=args.seed,
        hosted=args.hosted,
        hour_seconds=args.hour_seconds,
        error_delay=args.error_delay,
        api_secret=args.api_secret,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await emulator.start()
    try:
        print(f"Invoice Ninja v4 emulator serving at {emulator.base_url}", flush=True)
        print(f"API base URL: {emulator.api_url}  token: {emulator.token}", flush=True)
        await stop.wait()
    finally:
        await emulator.stop()
        print("emulator stopped", flush=True)


def add_demo_command(subparsers: SubParsers[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="run a bulk-sync job against the embedded emulator and print a summary",
        description="Start the emulator in-process, pull every invoice with concurrent pages into a JSONL "
        "file, create a client and an invoice, archive, restore, email and download it.",
    )
    parser.add_argument("--clients", type=int, default=200, help="clients to seed (default: %(default)s)")
    parser.add_argument(
        "--invoices", type=int, default=20_000, help="invoices to seed (default: %(default)s)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="pages in flight (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("ninja-demo-invoices.jsonl"), help="JSONL to write")
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from ninja_async.demo import fresh_output, run_demo

    fresh_output(args.out)
    result = asyncio.run(
        run_demo(clients=args.clients, invoices=args.invoices, out=args.out, concurrency=args.concurrency)
    )
    print(f"\n{result.summary()}", flush=True)
    return 0


def add_export_command(subparsers: SubParsers[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a resource of a real v4 server to JSON Lines, incrementally",
        description="Append every record of RESOURCE changed since --since (default: where the last export "
        "into FILE stopped, from FILE.cursor) to FILE, one JSON object per line.",
    )
    parser.add_argument("resource", help="a v4 resource: invoices, clients, payments, ...")
    parser.add_argument("--url", required=True, help="the server root, e.g. https://invoices.example.com")
    parser.add_argument("--token", default=os.environ.get("NINJA_TOKEN"), help="API token (env NINJA_TOKEN)")
    parser.add_argument("--out", type=Path, required=True, help="the JSONL file to append to")
    parser.add_argument("--since", type=int, default=None, help="Unix timestamp (updated_at) to start from")
    parser.add_argument("--concurrency", type=int, default=8, help="pages in flight (default: %(default)s)")
    parser.add_argument("--per-page", type=int, default=100, help="records per page (default: %(default)s)")
    parser.add_argument(
        "--hosted", action="store_true", help="stay under the hosted plan's 1000 requests/hour"
    )
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from ninja_async.errors import NinjaError

    if not args.token:
        print("ninja-async export: give --token or set NINJA_TOKEN", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(_export(args))
    except (NinjaError, ValueError) as exc:
        print(f"ninja-async export: {exc}", file=sys.stderr)
        return 1
    state = "complete" if result.complete else "incomplete (the next run continues from the cursor)"
    print(
        f"{result.records:,} {result.resource} appended to {result.path} in {result.seconds:.1f} s; "
        f"cursor {result.cursor}; {state}",
        flush=True,
    )
    return 0


async def _export(args: argparse.Namespace) -> ExportResult:
    from ninja_async.client import NinjaClient
    from ninja_async.export import export_resource

    async with NinjaClient(
        args.url, args.token, throttle=args.hosted, max_concurrency=args.concurrency
    ) as ninja:
        return await export_resource(
            ninja,
            args.resource,
            args.out,
            since=args.since,
            per_page=args.per_page,
            concurrency=args.concurrency,
        )


#: Functions that add one subcommand each.
SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    add_emulator_command,
    add_demo_command,
    add_export_command,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ninja-async", description="Tools of the ninja-async SDK.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in SUBCOMMANDS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
