"""`InvoiceRepository`: saving invoices and their items, totals, sending, cloning, recurring children.

Shared by the invoice controller, payments (which mark invoices sent) and `email_invoice`.
"""

from __future__ import annotations

from typing import Any, Literal

from .call import Call
from .clock import add_days
from .constants import (
    CUSTOM_FIELDS,
    STATUS_PAID,
    STATUS_PARTIAL,
    STATUS_SENT,
    TAX_FIELDS,
    TYPE_QUOTE,
    TYPE_STANDARD,
)
from .events import notify
from .inputs import to_float, to_int, truthy
from .invitations import ensure_invitations, mark_invitations_sent
from .store import Account, Row, SentEmail
from .totals import invoice_total, php_round

INVOICE_FIELDS = (
    *("discount", "is_amount_discount", "terms", "invoice_footer", "public_notes", "private_notes"),
    *("po_number", "invoice_design_id", "partial", "partial_due_date", "invoice_date", "due_date"),
    *("custom_taxes1", "custom_taxes2", "custom_text_value1", "custom_text_value2", "has_tasks"),
    *("has_expenses", *TAX_FIELDS, *CUSTOM_FIELDS),
)
RECURRING_FIELDS = ("frequency_id", "start_date", "end_date", "client_enable_auto_bill")
ITEM_FIELDS = (
    "product_key",
    "notes",
    "cost",
    "qty",
    "invoice_item_type_id",
    "discount",
    *TAX_FIELDS,
    *CUSTOM_FIELDS,
)
NUMERIC = {"discount", "tax_rate1", "tax_rate2", "partial", "cost", "qty", "custom_value1", "custom_value2"}


def is_standard(row: Row) -> bool:
    return row.f.get("invoice_type_id", TYPE_STANDARD) == TYPE_STANDARD and not row.f.get("is_recurring")


def default_due_date(account: Account, client: Row | None, today: str) -> str:
    """Today plus the client's (else the account's) payment terms; '' when neither has terms."""
    days = to_int(client.f.get("payment_terms")) if client else 0
    days = days or to_int(account.settings.get("payment_terms"))
    return add_days(today, 0 if days == -1 else days) if days else ""


def _empty_item(item: dict[str, Any]) -> bool:
    return not any(
        truthy(item.get(k)) for k in ("cost", "product_key", "notes", "custom_value1", "custom_value2")
    )


def _item_rows(account: Account, items: list[dict[str, Any]], stamp: int, user_id: int) -> list[Row]:
    rows = []
    for item in items:
        if _empty_item(item):
            continue
        account.invoice_item_id += 1
        f = {k: to_float(item[k]) if k in NUMERIC else item[k] for k in ITEM_FIELDS if k in item}
        rows.append(
            Row(public_id=account.invoice_item_id, created_at=stamp, updated_at=stamp, f=f, user_id=user_id)
        )
    return rows


def adjust_client(account: Account, invoice: Row, balance_delta: float, paid_delta: float = 0.0) -> None:
    client = account.clients.get(to_int(invoice.f.get("client_id")))
    if client is None or not is_standard(invoice):
        return
    client.f["balance"] = php_round(to_float(client.f.get("balance")) + balance_delta, 2)
    client.f["paid_to_date"] = php_round(to_float(client.f.get("paid_to_date")) + paid_delta, 2)
    account.touch("clients", client)


def save_invoice(call: Call, data: dict[str, Any], row: Row | None, client: Row) -> Row:
    """Create (``row`` None) or update an invoice from already-prepared data."""
    account = call.account
    if row is None:
        quote = truthy(data.get("is_quote"))
        recurring = truthy(data.get("is_recurring"))
        row = account.new_row(
            "invoices",
            call.user.public_id,
            client_id=client.public_id,
            invoice_type_id=TYPE_QUOTE if quote else TYPE_STANDARD,
            is_recurring=recurring,
            amount=0.0,
            balance=0.0,
        )
        if recurring:
            row.f.update(frequency_id=4, auto_bill=to_int(data.get("auto_bill_id") or data.get("auto_bill")))
        if truthy(data.get("invoice_number")):
            row.f["invoice_number"] = str(data["invoice_number"])
        elif not recurring:
            row.f["invoice_number"] = account.next_number("quote" if quote else "invoice")
    elif truthy(data.get("invoice_number")) and data["invoice_number"] != row.f.get("invoice_number"):
        row.f["invoice_number"] = str(data["invoice_number"])
        for payment in account.payments:
            if payment.f.get("invoice_id") == row.public_id:
                payment.invalidate()
    for key in INVOICE_FIELDS + (RECURRING_FIELDS if row.f.get("is_recurring") else ()):
        if key in data:
            row.f[key] = to_float(data[key]) if key in NUMERIC else data[key]
    old_amount, old_balance = to_float(row.f.get("amount")), to_float(row.f.get("balance"))
    row.children = _item_rows(
        account, list(data.get("invoice_items") or []), account.clock.timestamp(), row.user_id
    )
    amount = invoice_total([i.f for i in row.children], row.f)
    balance = php_round(amount - (old_amount - old_balance), 2)
    row.f.update(amount=amount, balance=balance)
    row.f["partial"] = min(max(to_float(row.f.get("partial")), 0.0), max(balance, 0.0))
    adjust_client(account, row, balance - old_balance)
    ensure_invitations(account, row)
    account.touch("invoices", row)
    return row


def mark_sent(call: Call, row: Row) -> None:
    """`Invoice::markSent`: status sent unless already further, public, invitations sent."""
    if to_int(row.f.get("invoice_status_id")) < STATUS_SENT:
        row.f["invoice_status_id"] = STATUS_SENT
    row.f["is_public"] = True
    mark_invitations_sent(call.account, row, call.today)
    call.account.touch("invoices", row)


def apply_payment(call: Call, invoice: Row, amount: float) -> None:
    """What the payment listeners do to the invoice and client (negative ``amount`` reverts)."""
    balance = php_round(to_float(invoice.f.get("balance")) - amount, 2)
    invoice.f["balance"] = balance
    if balance <= 0 and to_float(invoice.f.get("amount")) > 0:
        invoice.f["invoice_status_id"] = STATUS_PAID
    elif balance < to_float(invoice.f.get("amount")):
        invoice.f["invoice_status_id"] = STATUS_PARTIAL
    else:
        invoice.f["invoice_status_id"] = STATUS_SENT
    call.account.touch("invoices", invoice)
    adjust_client(call.account, invoice, -amount, amount)


def record_email(
    call: Call,
    invoice: Row,
    reminder: str | None = None,
    template: str | None = None,
    payment_id: int | None = None,
) -> None:
    """Keep what would have been mailed so tests can assert on ``state.sent_emails``.

    With a ``payment_id`` it is the payment receipt, else the invoice or quote itself.
    """
    account = call.account
    recipients = []
    for invitation in ensure_invitations(account, invoice):
        contact = account.contacts.get(invitation["contact_id"])
        if contact is not None:
            recipients.append(str(contact.f.get("email", "")))
    kind: Literal["invoice", "quote", "payment"] = "invoice"
    if payment_id is not None:
        kind = "payment"
    elif invoice.f.get("invoice_type_id") == TYPE_QUOTE:
        kind = "quote"
    account.sent_emails.append(
        SentEmail(
            invoice_id=invoice.public_id,
            invoice_number=str(invoice.f.get("invoice_number", "")),
            kind=kind,
            to=recipients,
            reminder=reminder,
            template=template,
            payment_id=payment_id,
            at=account.clock.timestamp(),
        )
    )


def copy_invoice(call: Call, source: Row, **overrides: Any) -> Row:
    """A new invoice with the source's columns and items (new ids), the next number, dated today."""
    account = call.account
    client = account.clients.get(to_int(source.f.get("client_id")))
    f = {k: v for k, v in source.f.items() if k not in ("invitations", "quote_invoice_id", "last_sent_date")}
    f.update(
        invoice_type_id=TYPE_STANDARD,
        is_recurring=False,
        frequency_id=0,
        start_date="",
        end_date="",
        invoice_status_id=1,
        is_public=False,
        invoice_number=account.next_number("invoice"),
        invoice_date=call.today,
        due_date=default_due_date(account, client, call.today),
        invoice_design_id=account.settings["invoice_design_id"],
        balance=source.f.get("amount", 0.0),
        **overrides,
    )
    row = account.new_row("invoices", call.user.public_id, **f)
    stamp = row.created_at
    row.children = _item_rows(account, [dict(i.f) for i in source.children], stamp, row.user_id)
    adjust_client(account, row, to_float(row.f.get("balance")))
    ensure_invitations(account, row)
    notify(account, call.rt.webhooks, "invoice", "create", row, call.user.public_id)
    return row


def send_invoice(call: Call, row: Row, reminder: str | None = None, template: str | None = None) -> Row:
    """Email an invoice; a recurring one first spawns its child, which is what gets sent (and returned)."""
    if row.f.get("is_recurring"):
        row.f["last_sent_date"] = call.today
        call.account.touch("invoices", row)
        row = copy_invoice(call, row, recurring_invoice_id=row.public_id)
    mark_sent(call, row)
    record_email(call, row, reminder, template)
    notify(call.account, call.rt.webhooks, "invoice", "email", row, call.user.public_id)
    return row
