"""Expenses and expense categories (spec §6.5).

An expense may create its vendor (`vendor_id=-1` with `vendor_name`) or its category
(`expense_category_id=-1` with `expense_category_name`) on the fly and attach uploaded documents.
Expense categories keep their v4 bugs: show and destroy answer 500, update ignores `action`.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .call import Call
from .constants import CUSTOM_FIELDS, TAX_FIELDS
from .errors import ServerError
from .events import notify
from .inputs import to_float, to_int
from .resources import Resource
from .store import Row
from .totals import php_round
from .validation import Rules

EXPENSE_FIELDS = (
    *("expense_date", "payment_date", "private_notes", "public_notes", "should_be_invoiced"),
    *("transaction_reference", "transaction_id", "bank_id", "payment_type_id", "invoice_currency_id"),
    *("expense_currency_id", "invoice_documents", *TAX_FIELDS, *CUSTOM_FIELDS),
)


def new_category(call: Call, name: str) -> Row:
    return call.account.new_row("expense_categories", call.user.public_id, name=name)


class Expenses(Resource):
    name = "expenses"
    kind = "expense"
    client_relation = True

    def create(self, call: Call) -> Row:
        settings = call.account.settings
        row = call.account.new_row(
            "expenses",
            call.user.public_id,
            exchange_rate=1,
            expense_currency_id=settings["currency_id"],
            invoice_currency_id=settings["currency_id"],
        )
        self.save(call, row)
        return row

    def save(self, call: Call, row: Row) -> None:
        data = call.inp.data
        row.f.update({k: data[k] for k in EXPENSE_FIELDS if k in data})
        if "amount" in data:
            row.f["amount"] = php_round(to_float(data["amount"]), 2)
        if "exchange_rate" in data:
            row.f["exchange_rate"] = to_float(data["exchange_rate"]) or 1
        for key in ("client_id", "invoice_id"):
            if key in data:
                row.f[key] = to_int(data[key])
        self._vendor(call, row, data)
        self._category(call, row, data)
        for document_id in data.get("document_ids") or []:
            document = call.account.documents.get(to_int(document_id))
            if document is not None:
                document.f["expense_id"] = row.public_id
                call.account.touch("documents", document)
        call.account.touch("expenses", row)

    def _vendor(self, call: Call, row: Row, data: dict[str, Any]) -> None:
        if "vendor_id" not in data:
            return
        vendor_id = to_int(data["vendor_id"])
        if vendor_id == -1 and data.get("vendor_name"):
            vendor = call.account.new_row("vendors", call.user.public_id, name=str(data["vendor_name"]))
            notify(call.account, call.rt.webhooks, "vendor", "create", vendor, call.user.public_id)
            vendor_id = vendor.public_id
        row.f["vendor_id"] = max(vendor_id, 0)

    def _category(self, call: Call, row: Row, data: dict[str, Any]) -> None:
        if "expense_category_id" not in data:
            return
        category_id = to_int(data["expense_category_id"])
        if category_id == -1 and data.get("expense_category_name"):
            category_id = new_category(call, str(data["expense_category_name"])).public_id
        row.f["expense_category_id"] = max(category_id, 0)


class ExpenseCategories(Resource):
    name = "expense_categories"
    kind = "expense_category"
    handles_actions = False

    def _rules(self, call: Call, current: Row | None) -> None:
        def taken(name: str) -> bool:
            return any(c.f.get("name") == name and c is not current for c in call.account.table(self.name))

        Rules(call.inp).required("name").unique("name", taken).check()

    def validate_create(self, call: Call) -> None:
        self._rules(call, None)

    def validate_update(self, call: Call, row: Row) -> None:
        self._rules(call, row)

    async def show(self, call: Call) -> web.Response:
        raise ServerError("Call to undefined method ExpenseCategory::entity()")

    async def destroy(self, call: Call) -> web.Response:
        raise ServerError("Undefined property: $expenseCategoryRepo")

    def create(self, call: Call) -> Row:
        return new_category(call, call.inp.text("name"))

    def save(self, call: Call, row: Row) -> None:
        row.f["name"] = call.inp.text("name")
        call.account.touch(self.name, row)
