"""The ``ninja-async`` command line: one argparse subcommand per tool.

Each subcommand is registered by a function in :data:`SUBCOMMANDS` that adds its parser and
sets ``run`` (a function of the parsed arguments returning an exit code), so further commands
(``demo``, ``export``) are added by appending their registration function.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Callable, Sequence

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


#: Functions that add one subcommand each.
SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    add_emulator_command
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
