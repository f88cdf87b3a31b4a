"""``python -m benchmarks [NAME ...] [--smoke] [--repeats N]``: run the benchmarks and print the table.

Thresholds are for readers: the exit code is 0 whether targets are met or missed (non-zero only when a
benchmark fails to run).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from types import ModuleType

from .harness import Config, Figure, machine, pin_cpus, table

BENCHMARKS = ("latency", "cpu", "instructions", "overhead", "memory", "throttle", "structure")


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"benchmarks.{ {'structure': 'models_structure'}.get(name, name) }")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run (default all): {', '.join(BENCHMARKS)}"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="tiny sizes, one repeat: checks that it all runs"
    )
    parser.add_argument("--repeats", type=int, default=5, help="repeats per figure, median taken (default 5)")
    parser.add_argument("--no-pin", action="store_true", help="let client and servers share CPUs")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    config = Config(smoke=args.smoke, repeats=max(1, args.repeats))
    print(f"machine: {machine()}")
    print(f"cpus: {'not pinned' if args.no_pin else pin_cpus()}")
    print(f"mode: {'smoke (tiny sizes, thresholds not meaningful)' if config.smoke else 'full'}", flush=True)
    figures: list[Figure] = []
    failed = []
    started = time.perf_counter()
    for name in args.names or BENCHMARKS:
        module = _module(name)
        print(f"- {module.TITLE} ...", flush=True)
        begun = time.perf_counter()
        try:
            figures += module.run(config)
        except Exception:
            traceback.print_exc()
            failed.append(name)
        print(f"  done in {time.perf_counter() - begun:.1f} s", flush=True)
    print()
    print(table(figures))
    print(
        f"\ntotal {time.perf_counter() - started:.1f} s"
        + (f"; FAILED to run: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
