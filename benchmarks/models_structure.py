"""Median µs to structure one page of 100 invoices (3 items each): plain cattrs vs ``ninja_async.models``.

(a) is the ceiling: ``cattrs.Converter(detailed_validation=False)`` into the same classes, with only the
hook it cannot do without (``''`` dates). It checks nothing: ``1.5`` in an int field becomes ``1`` and
``null`` in a string field becomes ``"None"``. (b) is the SDK's converter: every field checked, unknown
keys kept.

    PYTHONPATH=. python benchmarks/models_structure.py [--pages N] [--batches B]

It is also the ``structure`` benchmark of ``python -m benchmarks`` (a context row: no target).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

import cattrs
import orjson

from ninja_async.models import Invoice, structure_list


def _item(invoice_id: int, n: int) -> dict[str, Any]:
    return {
        "account_key": "a" * 32,
        "is_owner": True,
        "id": invoice_id * 10 + n,
        "product_key": f"PROD-{n}",
        "updated_at": 1_700_000_000 + n,
        "archived_at": None,
        "notes": "Consulting services, hourly rate",
        "cost": 125 if n % 2 else 99.5,
        "qty": 3 if n else 1.25,
        "tax_name1": "VAT",
        "tax_rate1": 20,
        "tax_name2": "",
        "tax_rate2": 0,
        "invoice_item_type_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "discount": 0,
    }


def _invoice(i: int) -> dict[str, Any]:
    return {
        "account_key": "a" * 32,
        "is_owner": True,
        "id": i,
        "amount": 1250 if i % 3 else 1187.55,
        "balance": 0 if i % 2 else 1187.55,
        "client_id": i % 17 + 1,
        "invoice_status_id": i % 6 + 1,
        "updated_at": 1_700_000_000 + i,
        "archived_at": None if i % 10 else 1_700_100_000,
        "invoice_number": f"{i:04d}",
        "discount": 0,
        "po_number": None if i % 4 else f"PO-{i}",
        "invoice_date": f"2024-03-{i % 28 + 1:02d}",
        "due_date": "" if i % 5 == 0 else f"2024-04-{i % 28 + 1:02d}",
        "terms": None if i % 2 else "Net 30",
        "public_notes": "Thank you for your business",
        "private_notes": "",
        "is_deleted": False,
        "invoice_type_id": 1,
        "is_recurring": False,
        "frequency_id": 4,
        "start_date": "",
        "end_date": "",
        "last_sent_date": "",
        "recurring_invoice_id": 0,
        "tax_name1": "",
        "tax_rate1": 0,
        "tax_name2": "",
        "tax_rate2": 0,
        "is_amount_discount": False,
        "invoice_footer": "",
        "partial": 0,
        "partial_due_date": "",
        "has_tasks": False,
        "auto_bill": False,
        "auto_bill_id": 1,
        "custom_value1": 0,
        "custom_value2": 0,
        "custom_taxes1": False,
        "custom_taxes2": False,
        "has_expenses": False,
        "quote_invoice_id": 0,
        "custom_text_value1": "",
        "custom_text_value2": "",
        "is_quote": False,
        "is_public": True,
        "filename": f"Invoice_{i:04d}.pdf",
        "invoice_design_id": 1,
        "invoice_items": [_item(i, n) for n in range(3)],
    }


def page(n: int = 100) -> list[dict[str, Any]]:
    """The ``data`` of a page as ``orjson.loads`` returns it: fresh strings, as a real body gives."""
    data: list[dict[str, Any]] = orjson.loads(orjson.dumps([_invoice(i) for i in range(1, n + 1)]))
    return data


def plain_cattrs() -> Callable[[list[dict[str, Any]]], list[Invoice]]:
    """Variant (a): the same classes, no checks, no unknown-key capture."""
    converter = cattrs.Converter(detailed_validation=False)

    def date_or_none(value: Any, _: Any) -> datetime.date | None:
        return datetime.date.fromisoformat(value) if value else None

    converter.register_structure_hook_func(lambda tp: tp == datetime.date | None, date_or_none)
    hook = converter.get_structure_hook(list[Invoice])
    return lambda data: hook(data, list[Invoice])


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
    variants = {"a": plain_cattrs(), "b": ours}
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
