"""Median µs to structure one page of 100 invoices (3 items each): plain cattrs vs ``ninja_async.models``.

(a) is the ceiling: ``cattrs.Converter(detailed_validation=False)`` into the same classes, with only the
hook it cannot do without (``''`` dates). It checks nothing: ``1.5`` in an int field becomes ``1`` and
``null`` in a string field becomes ``"None"``. (b) is the SDK's converter: every field checked, unknown
keys kept.

    python -m benchmarks.models_structure [--pages N] [--batches B]

It is also the ``structure`` benchmark of ``python -m benchmarks`` (a context row: no target).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

import orjson

from ninja_async.models import Invoice, structure_list
from tests import v4_wire as wire

from .loops import plain_cattrs


def _invoice(i: int) -> dict[str, Any]:
    """A v4 invoice (``tests/v4_wire.py``), its values varied the way a real list varies them."""
    items = [
        wire.item(id=i * 10 + n, product_key=f"PROD-{n}", cost=125 if n % 2 else 99.5, qty=3 if n else 1.25)
        for n in range(3)
    ]
    return wire.invoice(
        id=i,
        amount=1250 if i % 3 else 1187.55,
        balance=0 if i % 2 else 1187.55,
        client_id=i % 17 + 1,
        invoice_status_id=i % 6 + 1,
        updated_at=1_700_000_000 + i,
        archived_at=None if i % 10 else 1_700_100_000,
        invoice_number=f"{i:04d}",
        po_number=None if i % 4 else f"PO-{i}",
        invoice_date=f"2024-03-{i % 28 + 1:02d}",
        due_date="" if i % 5 == 0 else f"2024-04-{i % 28 + 1:02d}",
        terms=None if i % 2 else "Net 30",
        filename=f"Invoice_{i:04d}.pdf",
        invoice_items=items,
    )


def page(n: int = 100) -> list[dict[str, Any]]:
    """The ``data`` of a page as ``orjson.loads`` returns it: fresh strings, as a real body gives."""
    data: list[dict[str, Any]] = orjson.loads(orjson.dumps([_invoice(i) for i in range(1, n + 1)]))
    return data


def ours(data: list[dict[str, Any]]) -> list[Invoice]:
    """Variant (b): what the SDK runs for every page."""
    return structure_list(data, Invoice, path="data")


def batch_us(fn: Callable[[list[dict[str, Any]]], object], data: list[dict[str, Any]], pages: int) -> float:
    """CPU µs per page over one batch (CPU time: other processes on a shared machine count less)."""
    gc.collect()
    start = time.process_time()
    for _ in range(pages):
        fn(data)
    return (time.process_time() - start) / pages * 1e6


NAME = "structure"
TITLE = "Model structuring: one 100-invoice page, SDK converter vs plain cattrs (no network)"


def measure(pages: int, batches: int) -> tuple[float, float, list[float]]:
    """Median µs/page of (a) and (b), interleaved, and the samples of (b)."""
    data = page()
    variants = {"a": plain_cattrs(), "b": ours}  # (a): the baseline loops' own cattrs configuration
    a, b = (fn(data) for fn in variants.values())
    assert a == b, "both variants must build the same objects"
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(batches):  # interleaved, so that drift hits both alike
        for name, fn in variants.items():
            samples[name].append(batch_us(fn, data, pages))
    return statistics.median(samples["a"]), statistics.median(samples["b"]), samples["b"]


def run(config: Any) -> list[Any]:
    """The row for ``python -m benchmarks``."""
    from .harness import Figure, spread

    plain, sdk, samples = measure(config.pick(20, 2), config.pick(40, 2))
    return [
        Figure(
            "µs/page structuring 100 invoices: SDK vs plain cattrs",
            sdk,
            "µs",
            plain,
            "µs",
            sdk / plain,
            note=f"lower is better; SDK checks every value, keeps unknown keys; {spread(samples)}",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="pages per batch")
    parser.add_argument("--batches", type=int, default=40, help="batches per variant, interleaved")
    args = parser.parse_args()
    plain, sdk, _ = measure(args.pages, args.batches)
    for name, median in (
        ("(a) plain cattrs, detailed_validation=False", plain),
        ("(b) ninja_async.models", sdk),
    ):
        print(f"{name:46} {median:8.0f} µs/page (median)")
    print(f"{'ratio (b)/(a)':46} {sdk / plain:8.3f}")


if __name__ == "__main__":
    main()
