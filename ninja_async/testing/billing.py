"""Payments and credits (spec §6.4): applying money to invoices, overpayments becoming credits.

A payment is applied to its invoice and client when created or restored and taken back when
deleted; archiving changes nothing. Payment type 1 ("Apply Credit") draws on the client's credits.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .call import Call
from .errors import ServerError
from .events import notify
from .inputs import to_float, to_int, truthy
from .invoice_repo import apply_payment, is_standard, mark_sent, record_email
from .resources import Resource
from .responses import route_not_found
from .store import Row
from .totals import php_round
from .validation import Rules

PAYMENT_FIELDS = ("transaction_reference", "private_notes", "exchange_rate", "exchange_currency_id")
APPLY_CREDIT = 1


def client_credit(call: Call, client_id: int) -> float:
    return sum(
        to_float(c.f.get("balance"))
        for c in call.account.credits
        if c.f.get("client_id") == client_id and not c.trashed
    )


def draw_credit(call: Call, client_id: int, amount: float) -> None:
    for credit in sorted(call.account.credits, key=lambda c: c.public_id):
        if amount <= 0:
            return
        if credit.f.get("client_id") != client_id or credit.trashed:
            continue
        used = min(to_float(credit.f.get("balance")), amount)
        credit.f["balance"] = php_round(to_float(credit.f.get("balance")) - used, 2)
        amount = php_round(amount - used, 2)
        call.account.touch("credits", credit)


def new_credit(call: Call, client_id: int, amount: float, data: dict[str, Any]) -> Row:
    return call.account.new_row(
        "credits",
        call.user.public_id,
        client_id=client_id,
        amount=amount,
        balance=amount,
        credit_date=data.get("credit_date") or call.today,
        credit_number=str(data.get("credit_number") or call.account.next_number("credit")),
        public_notes=data.get("public_notes", ""),
        private_notes=data.get("private_notes", ""),
    )


def create_payment(call: Call, invoice: Row, amount: float, data: dict[str, Any]) -> Row:
    """`PaymentService::save`: cap at the balance, the excess becomes a credit, the invoice is sent."""
    account = call.account
    client_id = to_int(invoice.f.get("client_id"))
    amount = min(php_round(amount, 2), 1e10)
    balance = to_float(invoice.f.get("balance"))
    excess = php_round(amount - balance, 2) if amount > balance else 0.0
    amount -= excess
    payment_type = to_int(data.get("payment_type_id")) or to_int(account.settings["payment_type_id"])
    row = account.new_row(
        "payments",
        call.user.public_id,
        invoice_id=invoice.public_id,
        client_id=client_id,
        amount=php_round(amount, 2),
        payment_date=data.get("payment_date") or call.today,
        payment_type_id=payment_type,
    )
    row.f.update({k: data[k] for k in PAYMENT_FIELDS if k in data})
    if payment_type == APPLY_CREDIT:
        draw_credit(call, client_id, amount)
    mark_sent(call, invoice)
    apply_payment(call, invoice, row.f["amount"])
    if excess > 0:
        credit = new_credit(call, client_id, excess, {})
        notify(account, call.rt.webhooks, "credit", "create", credit, call.user.public_id)
    notify(account, call.rt.webhooks, "payment", "create", row, call.user.public_id)
    if truthy(data.get("email_receipt")):
        record_email(call, invoice, payment_id=row.public_id)
    return row


class Payments(Resource):
    name = "payments"
    kind = "payment"
    client_relation = True

    def validate_create(self, call: Call) -> None:
        rules = Rules(call.inp)
        if not (call.inp.filled("invoice_id") and call.inp.filled("amount")):
            rules.required("invoice_id").numeric("invoice_id").at_least("invoice_id", 1)
            rules.required("amount").numeric("amount")
        if to_int(call.inp.get("payment_type_id")) == APPLY_CREDIT:
            invoice = call.account.invoices.get(to_int(call.inp.get("invoice_id")))
            client_id = to_int(invoice.f.get("client_id")) if invoice else 0
            enough = client_credit(call, client_id) >= to_float(call.inp.get("amount"))
            rules.custom("payment_type_id", enough, "The client does not have enough credit.")
        rules.check()

    def create(self, call: Call) -> Row:
        inp = call.inp
        invoice = call.account.invoices.get(to_int(inp.get("invoice_id") or inp.get("invoice_public_id")))
        if invoice is None or invoice.is_deleted or not is_standard(invoice):
            raise route_not_found()
        return create_payment(call, invoice, to_float(inp.get("amount")), inp.data)

    async def store(self, call: Call) -> web.Response:
        self.validate_create(call)
        return call.item(self.kind, self.create(call))

    def save(self, call: Call, row: Row) -> None:
        data = call.inp.data
        row.f.update({k: data[k] for k in (*PAYMENT_FIELDS, "payment_date", "payment_type_id") if k in data})
        call.account.touch("payments", row)
        invoice = call.account.invoices.get(to_int(row.f.get("invoice_id")))
        if truthy(data.get("email_receipt")) and invoice is not None:
            record_email(call, invoice, payment_id=row.public_id)

    def _invoice(self, call: Call, row: Row) -> Row:
        invoice = call.account.invoices.get(to_int(row.f.get("invoice_id")))
        if invoice is None:
            raise ServerError("Payment without invoice")
        return invoice

    def delete(self, call: Call, row: Row) -> None:
        invoice = self._invoice(call, row)
        if invoice.is_deleted or row.is_deleted:
            return
        super().delete(call, row)
        apply_payment(call, invoice, -to_float(row.f.get("amount")))

    def restore(self, call: Call, row: Row) -> None:
        was_deleted = row.is_deleted
        super().restore(call, row)
        if was_deleted:
            apply_payment(call, self._invoice(call, row), to_float(row.f.get("amount")))


class Credits(Resource):
    name = "credits"
    kind = "credit"
    client_relation = True

    def validate_create(self, call: Call) -> None:
        Rules(call.inp).required("client_id", "amount").positive("amount").check()

    def validate_update(self, call: Call, row: Row) -> None:
        Rules(call.inp).positive("amount").check()

    def create(self, call: Call) -> Row:
        client = call.account.clients.get(to_int(call.inp.get("client_id")))
        if client is None:
            raise ServerError("Integrity constraint violation: credits.client_id cannot be null")
        return new_credit(
            call, client.public_id, php_round(to_float(call.inp.get("amount")), 2), call.inp.data
        )

    def save(self, call: Call, row: Row) -> None:
        data = call.inp.data
        for key in ("amount", "balance"):
            if key in data:
                row.f[key] = php_round(to_float(data[key]), 2)
        for key in ("credit_date", "public_notes", "private_notes"):
            if key in data:
                row.f[key] = data[key]
        call.account.touch("credits", row)
