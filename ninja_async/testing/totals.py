"""Invoice arithmetic of `InvoiceRepository::save`: line discounts, invoice discount, taxes.

Item taxes are charged on each line after its share of the invoice discount; invoice taxes on
the discounted subtotal; custom values are added before taxes when `custom_taxesN` is on, after
them otherwise. Inclusive taxes (an account option) are not emulated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .inputs import to_float


def php_round(value: float, places: int = 2) -> float:
    """PHP's `round()`: half away from zero on the decimal digits (Python rounds 55.555 down)."""
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def _line(item: Mapping[str, Any], amount_discount: bool) -> float:
    line = php_round(to_float(item.get("cost")), 2) * php_round(to_float(item.get("qty")), 2)
    discount = php_round(to_float(item.get("discount")), 2)
    if discount:
        line -= discount if amount_discount else php_round(line * discount / 100, 4)
    return line


def invoice_total(items: Iterable[Mapping[str, Any]], invoice: Mapping[str, Any]) -> float:
    """The `amount` of an invoice with these stored items and invoice columns."""
    items = list(items)
    amount_discount = bool(invoice.get("is_amount_discount"))
    discount = to_float(invoice.get("discount"))
    subtotal = sum(php_round(_line(item, amount_discount), 2) for item in items)
    item_tax = 0.0
    for item in items:
        line = _line(item, amount_discount)
        if discount > 0:
            if amount_discount:
                line -= php_round(line / subtotal * discount, 4) if subtotal else 0.0
            else:
                line -= php_round(line * discount / 100, 4)
        for rate_key in ("tax_rate1", "tax_rate2"):
            rate = to_float(item.get(rate_key))
            if rate:
                item_tax += php_round(line * rate / 100, 2)
    total = subtotal
    if discount > 0:
        total -= discount if amount_discount else php_round(total * discount / 100, 2)
    for n in ("1", "2"):
        if invoice.get("custom_taxes" + n):
            total += to_float(invoice.get("custom_value" + n))
    taxes = sum(php_round(total * to_float(invoice.get(k)) / 100, 2) for k in ("tax_rate1", "tax_rate2"))
    total = php_round(total + taxes + item_tax, 2)
    for n in ("1", "2"):
        if not invoice.get("custom_taxes" + n):
            total += to_float(invoice.get("custom_value" + n))
    return php_round(total, 2)


def items_sum_ok(items: Iterable[Mapping[str, Any]]) -> bool:
    """`valid_invoice_items`: sum of qty*cost ≤ 10,000,000,000 (an empty qty or cost counts as 1)."""
    total = 0.0
    for item in items:
        qty = to_float(item.get("qty")) if item.get("qty") not in (None, "") else 1.0
        cost = to_float(item.get("cost")) if item.get("cost") not in (None, "") else 1.0
        total += qty * cost
    return total <= 10_000_000_000
