"""Entity → JSON fields, exactly as the v4 Fractal transformers of spec §5 write them.

PHP's `json_encode` writes a whole float as an integer (`10`, not `10.0`); :func:`num` does the
same. Fields are listed in the transformers' order, ``account_key``/``is_owner`` first where the
transformer merges `getDefaults()`. Dates are `Y-m-d` or ``''``; "str|null" fields may be null.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .store import Account, Activity, Row


def num(value: Any) -> int | float:
    """A PHP `(float)` cast as `json_encode` writes it: whole values without a fraction."""
    number = float(value or 0)
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


@dataclass(slots=True, frozen=True)
class RenderContext:
    """Who is asking: `getDefaults()` needs the requesting account's key and user."""

    account: Account
    user_id: int
    now: int


Fields = dict[str, Any]


def _defaults(row: Row, ctx: RenderContext) -> Fields:
    return {"account_key": ctx.account.account_key, "is_owner": row.user_id == ctx.user_id}


def _archived(row: Row) -> int | None:
    return row.deleted_at


def _s(f: dict[str, Any], key: str) -> str:
    value = f.get(key)
    return "" if value is None else str(value)


def _i(f: dict[str, Any], key: str) -> int:
    return int(f.get(key) or 0)


def client(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(f, "name"),
        "display_name": client_display_name(row),
        "balance": num(f.get("balance")),
        "paid_to_date": num(f.get("paid_to_date")),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        **{k: _s(f, k) for k in ("address1", "address2", "city", "state", "postal_code")},
        "country_id": _i(f, "country_id"),
        **{k: _s(f, k) for k in ("work_phone", "private_notes", "public_notes", "last_login", "website")},
        "industry_id": _i(f, "industry_id"),
        "size_id": _i(f, "size_id"),
        "is_deleted": row.is_deleted,
        "payment_terms": _i(f, "payment_terms"),
        "vat_number": _s(f, "vat_number"),
        "id_number": _s(f, "id_number"),
        "language_id": _i(f, "language_id"),
        "currency_id": _i(f, "currency_id"),
        **_custom(f),
        "invoice_number_counter": _i(f, "invoice_number_counter"),
        "quote_number_counter": _i(f, "quote_number_counter"),
        "task_rate": num(f.get("task_rate")),
        **{
            k: _s(f, k)
            for k in (
                "shipping_address1",
                "shipping_address2",
                "shipping_city",
                "shipping_state",
                "shipping_postal_code",
            )
        },
        "shipping_country_id": _i(f, "shipping_country_id"),
        "show_tasks_in_portal": bool(f.get("show_tasks_in_portal")),
        "send_reminders": bool(f.get("send_reminders", True)),
        "credit_number_counter": _i(f, "credit_number_counter"),
        "custom_messages": f.get("custom_messages") or "{}",
    }


def client_display_name(row: Row) -> str:
    """`Client::getDisplayName`: the name, else the primary contact's full name or email."""
    if row.f.get("name"):
        return str(row.f["name"])
    contacts = row.live_children()
    if not contacts:
        return ""
    primary = next((c for c in contacts if c.f.get("is_primary")), contacts[0])
    full = f"{_s(primary.f, 'first_name')} {_s(primary.f, 'last_name')}".strip()
    return full or _s(primary.f, "email")


def contact(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "first_name": _s(f, "first_name"),
        "last_name": _s(f, "last_name"),
        "email": _s(f, "email"),
        "contact_key": _s(f, "contact_key"),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "is_primary": bool(f.get("is_primary")),
        "phone": _s(f, "phone"),
        "last_login": _s(f, "last_login"),
        "send_invoice": bool(f.get("send_invoice", True)),
        **_custom(f),
    }


def invoice_filename(row: Row) -> str:
    label = "Quote" if row.f.get("invoice_type_id") == 2 else "Invoice"
    return f"{label}_{_s(row.f, 'invoice_number')}.pdf"


def invoice(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    recurring = bool(f.get("is_recurring"))
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "amount": num(f.get("amount")),
        "balance": num(f.get("balance")),
        "client_id": _i(f, "client_id"),
        "invoice_status_id": _i(f, "invoice_status_id") or 1,
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "invoice_number": "" if recurring else _s(f, "invoice_number"),
        "discount": num(f.get("discount")),
        "po_number": f.get("po_number"),
        "invoice_date": _s(f, "invoice_date"),
        "due_date": _s(f, "due_date"),
        "terms": f.get("terms"),
        "public_notes": _s(f, "public_notes"),
        "private_notes": _s(f, "private_notes"),
        "is_deleted": row.is_deleted,
        "invoice_type_id": _i(f, "invoice_type_id") or 1,
        "is_recurring": recurring,
        "frequency_id": _i(f, "frequency_id"),
        "start_date": _s(f, "start_date"),
        "end_date": _s(f, "end_date"),
        "last_sent_date": _s(f, "last_sent_date"),
        "recurring_invoice_id": _i(f, "recurring_invoice_id"),
        "tax_name1": _s(f, "tax_name1"),
        "tax_rate1": num(f.get("tax_rate1")),
        "tax_name2": _s(f, "tax_name2"),
        "tax_rate2": num(f.get("tax_rate2")),
        "is_amount_discount": bool(f.get("is_amount_discount")),
        "invoice_footer": _s(f, "invoice_footer"),
        "partial": num(f.get("partial")),
        "partial_due_date": _s(f, "partial_due_date"),
        "has_tasks": bool(f.get("has_tasks")),
        "auto_bill": bool(f.get("auto_bill")),
        "auto_bill_id": _i(f, "auto_bill"),
        "custom_value1": num(f.get("custom_value1")),
        "custom_value2": num(f.get("custom_value2")),
        "custom_taxes1": bool(f.get("custom_taxes1")),
        "custom_taxes2": bool(f.get("custom_taxes2")),
        "has_expenses": bool(f.get("has_expenses")),
        "quote_invoice_id": _i(f, "quote_invoice_id"),
        "custom_text_value1": _s(f, "custom_text_value1"),
        "custom_text_value2": _s(f, "custom_text_value2"),
        "is_quote": f.get("invoice_type_id") == 2,
        "is_public": bool(f.get("is_public")),
        "filename": invoice_filename(row),
        "invoice_design_id": _i(f, "invoice_design_id") or 1,
    }


def _custom(f: dict[str, Any]) -> Fields:
    return {"custom_value1": _s(f, "custom_value1"), "custom_value2": _s(f, "custom_value2")}


def _tax_fields(f: dict[str, Any]) -> Fields:
    return {
        "tax_name1": _s(f, "tax_name1"),
        "tax_rate1": num(f.get("tax_rate1")),
        "tax_name2": _s(f, "tax_name2"),
        "tax_rate2": num(f.get("tax_rate2")),
    }


def invoice_item(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "product_key": _s(f, "product_key"),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "notes": _s(f, "notes"),
        "cost": num(f.get("cost")),
        "qty": num(f.get("qty")),
        **_tax_fields(f),
        "invoice_item_type_id": _i(f, "invoice_item_type_id") or 1,
        **_custom(f),
        "discount": num(f.get("discount")),
    }


def payment(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    inv = ctx.account.invoices.get(_i(f, "invoice_id"))
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "amount": num(f.get("amount")),
        "transaction_reference": _s(f, "transaction_reference"),
        "payment_date": _s(f, "payment_date"),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "is_deleted": row.is_deleted,
        "payment_type_id": _i(f, "payment_type_id"),
        "invoice_id": _i(f, "invoice_id"),
        "invoice_number": _s(inv.f, "invoice_number") if inv else "",
        "private_notes": _s(f, "private_notes"),
        "exchange_rate": num(f.get("exchange_rate", 1)),
        "exchange_currency_id": _i(f, "exchange_currency_id"),
        "refunded": num(f.get("refunded")),
        "payment_status_id": _i(f, "payment_status_id") or 4,
    }


def credit(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "amount": num(f.get("amount")),
        "balance": num(f.get("balance")),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "is_deleted": row.is_deleted,
        "credit_date": _s(f, "credit_date"),
        "credit_number": _s(f, "credit_number"),
        "private_notes": _s(f, "private_notes"),
        "public_notes": _s(f, "public_notes"),
        "client_id": _i(f, "client_id"),
    }


def task_time_log(row: Row) -> list[list[Any]]:
    log: list[list[Any]] = json.loads(row.f.get("time_log") or "[]")
    return log


def task_duration(row: Row, now: int) -> int:
    """`Task::getDuration`: closed entries, plus the running one up to now."""
    total = 0
    for entry in task_time_log(row):
        start, end = int(entry[0]), entry[1] if len(entry) > 1 else False
        total += (now if end is False or end is None else int(end)) - start
    return total


def task(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    status = ctx.account.table("task_statuses").get(_i(f, "task_status_id"))
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "description": _s(f, "description"),
        "duration": task_duration(row, ctx.now),
        "updated_at": row.updated_at,
        "archived_at": row.deleted_at or 0,
        "invoice_id": _i(f, "invoice_id"),
        "client_id": _i(f, "client_id"),
        "project_id": _i(f, "project_id"),
        "is_deleted": row.is_deleted,
        "time_log": f.get("time_log") or "[]",
        "is_running": bool(f.get("is_running")),
        **_custom(f),
        "task_status_id": status.public_id if status else 0,
        "task_status_sort_order": _i(f, "task_status_sort_order"),
    }


def task_status(row: Row, ctx: RenderContext) -> Fields:
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(row.f, "name"),
        "sort_order": _i(row.f, "sort_order") + 1,
    }


def project(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(f, "name"),
        "client_id": _i(f, "client_id"),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "is_deleted": row.is_deleted,
        "task_rate": num(f.get("task_rate")),
        "due_date": _s(f, "due_date"),
        "private_notes": _s(f, "private_notes"),
        "budgeted_hours": num(f.get("budgeted_hours")),
        **_custom(f),
    }


def product(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "product_key": _s(f, "product_key"),
        "notes": _s(f, "notes"),
        "cost": num(f.get("cost")),
        "qty": num(f.get("qty")),
        **_tax_fields(f),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        **_custom(f),
        "is_deleted": row.is_deleted,
    }


def expense(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "private_notes": f.get("private_notes"),
        "public_notes": f.get("public_notes"),
        "should_be_invoiced": bool(f.get("should_be_invoiced")),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "transaction_id": _s(f, "transaction_id"),
        "transaction_reference": _s(f, "transaction_reference"),
        "bank_id": _i(f, "bank_id"),
        "expense_currency_id": _i(f, "expense_currency_id"),
        "expense_category_id": _i(f, "expense_category_id"),
        "amount": num(f.get("amount")),
        "expense_date": _s(f, "expense_date"),
        "payment_date": _s(f, "payment_date"),
        "invoice_documents": bool(f.get("invoice_documents")),
        "payment_type_id": _i(f, "payment_type_id"),
        "exchange_rate": num(f.get("exchange_rate", 1)),
        "invoice_currency_id": _i(f, "invoice_currency_id"),
        "is_deleted": row.is_deleted,
        "tax_name1": _s(f, "tax_name1"),
        "tax_name2": _s(f, "tax_name2"),
        "tax_rate1": num(f.get("tax_rate1")),
        "tax_rate2": num(f.get("tax_rate2")),
        "client_id": _i(f, "client_id"),
        "invoice_id": _i(f, "invoice_id"),
        "vendor_id": _i(f, "vendor_id"),
        **_custom(f),
    }


def expense_category(row: Row, ctx: RenderContext) -> Fields:
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(row.f, "name"),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
    }


def vendor(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(f, "name"),
        "balance": num(f.get("balance")),
        "paid_to_date": num(f.get("paid_to_date")),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        **{k: f.get(k) for k in ("address1", "address2", "city", "state", "postal_code")},
        "country_id": _i(f, "country_id"),
        "work_phone": f.get("work_phone"),
        "private_notes": f.get("private_notes"),
        "last_login": _s(f, "last_login"),
        "website": f.get("website"),
        "is_deleted": row.is_deleted,
        "vat_number": _s(f, "vat_number"),
        "id_number": _s(f, "id_number"),
        "currency_id": _i(f, "currency_id"),
        **_custom(f),
    }


def vendor_contact(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "first_name": _s(f, "first_name"),
        "last_name": _s(f, "last_name"),
        "email": _s(f, "email"),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
        "is_primary": bool(f.get("is_primary")),
        "phone": _s(f, "phone"),
    }


def tax_rate(row: Row, ctx: RenderContext) -> Fields:
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(row.f, "name"),
        "rate": num(row.f.get("rate")),
        "is_inclusive": bool(row.f.get("is_inclusive")),
        "updated_at": row.updated_at,
        "archived_at": _archived(row),
    }


def document(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    return {
        **_defaults(row, ctx),
        "id": row.public_id,
        "name": _s(f, "name"),
        "type": _s(f, "type"),
        "path": _s(f, "path"),
        "invoice_id": _i(f, "invoice_id"),
        "expense_id": _i(f, "expense_id"),
        "updated_at": row.updated_at,
        "created_at": row.created_at,
        "is_deleted": False,
        "is_default": bool(f.get("is_default")),
        "preview": f.get("preview"),
        "size": _i(f, "size"),
        "width": _i(f, "width"),
        "height": _i(f, "height"),
    }


def user(row: Row, ctx: RenderContext) -> Fields:
    f = row.f
    permissions = f.get("permissions") or []
    return {
        "id": row.public_id + 1,
        "first_name": _s(f, "first_name"),
        "last_name": _s(f, "last_name"),
        "email": _s(f, "email"),
        "account_key": ctx.account.account_key,
        "updated_at": row.updated_at,
        "deleted_at": row.deleted_at,
        "phone": _s(f, "phone"),
        "registered": bool(f.get("registered", True)),
        "confirmed": bool(f.get("confirmed", True)),
        "oauth_user_id": f.get("oauth_user_id"),
        "oauth_provider_id": f.get("oauth_provider_id"),
        "notify_sent": bool(f.get("notify_sent")),
        "notify_viewed": bool(f.get("notify_viewed")),
        "notify_paid": bool(f.get("notify_paid")),
        "notify_approved": bool(f.get("notify_approved")),
        "is_admin": bool(f.get("is_admin", True)),
        "permissions": dict.fromkeys(permissions, True) if permissions else [],
    }


def payment_term(row: Row, ctx: RenderContext) -> Fields:
    """`PaymentTermTransformer`: no ``id``; global terms have ``account_id`` 0."""
    is_default = bool(row.f.get("is_default"))
    return {
        "account_key": ctx.account.account_key,
        "is_owner": row.user_id == ctx.user_id and not is_default,
        "num_days": _i(row.f, "num_days"),
        "name": f"Net {_i(row.f, 'num_days')}",
        "updated_at": None if is_default else row.updated_at,
        "archived_at": _archived(row),
        "is_default": is_default,
    }


def activity(item: Activity) -> Fields:
    """`ActivityTransformer`: the id is the string "type-client-created"."""
    return {
        "id": f"{item.activity_type_id}-{item.client_id or ''}-{item.created_at}",
        "activity_type_id": item.activity_type_id,
        "client_id": item.client_id,
        "user_id": item.user_id + 1,
        "invoice_id": item.invoice_id,
        "payment_id": item.payment_id,
        "credit_id": item.credit_id,
        "updated_at": item.created_at,
        "expense_id": item.expense_id,
        "is_system": True if item.is_system else None,
        "contact_id": item.contact_id,
        "task_id": item.task_id,
        "notes": item.notes,
        "adjustment": num(item.adjustment),
        "balance": num(item.balance),
    }


Transformer = Callable[[Row, RenderContext], Fields]

#: Entity type → transformer.
TRANSFORMERS: dict[str, Transformer] = {
    "client": client,
    "contact": contact,
    "invoice": invoice,
    "invoice_item": invoice_item,
    "payment": payment,
    "credit": credit,
    "task": task,
    "task_status": task_status,
    "project": project,
    "product": product,
    "expense": expense,
    "expense_category": expense_category,
    "vendor": vendor,
    "vendor_contact": vendor_contact,
    "tax_rate": tax_rate,
    "document": document,
    "user": user,
    "payment_term": payment_term,
}
