"""Invoices, quotes and recurring invoices through `/invoices` and `/quotes` (spec §6.2, §6.3, §6.9).

Create runs `prepareData` (defaults, product autofill, client lookup or creation) and the
`paid`/`auto_bill`/`email_invoice`/`download_invoice` options. Update has no `prepareData`: items
must be sent whole (else a 500), are recreated with new ids, and `terms`, `invoice_footer`,
`public_notes` are cleared when absent. `auto_bill` never charges anything (no stored cards).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .billing import create_payment
from .call import Call
from .constants import ADDRESS_FIELDS, CUSTOM_FIELDS, TAX_FIELDS, TYPE_QUOTE
from .errors import HttpError, ServerError
from .events import notify
from .inputs import to_float, to_int, truthy
from .invoice_repo import (
    copy_invoice,
    default_due_date,
    is_standard,
    mark_sent,
    record_email,
    save_invoice,
    send_invoice,
)
from .pdf import pdf_response
from .people import save_client
from .resources import Resource
from .responses import api_json, html
from .store import Row
from .totals import items_sum_ok, php_round
from .validation import Rules, is_email

DEFAULTS: dict[str, Any] = {
    "discount": 0,
    "is_amount_discount": False,
    "terms": "",
    "invoice_footer": "",
    "public_notes": "",
    "po_number": "",
    "invoice_items": [],
    "custom_taxes1": False,
    "custom_taxes2": False,
    "tax_name1": "",
    "tax_name2": "",
    "tax_rate1": 0,
    "tax_rate2": 0,
    "partial": 0,
}
AUTOFILL = ("cost", "notes", *CUSTOM_FIELDS, *TAX_FIELDS)
ITEM_DEFAULTS: dict[str, Any] = {"cost": 0, "product_key": "", "notes": "", "qty": 1}
UPDATE_REQUIRED_ITEM_KEYS = ("cost", "qty", "product_key", "notes")
CLIENT_COPY = (*ADDRESS_FIELDS, "name", "country_id", "private_notes", "currency_code", "country_code")


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    items = data.get("invoice_items")
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


class Invoices(Resource):
    name = "invoices"
    kind = "invoice"
    client_relation = True

    def filter(self, call: Call, rows: list[Row]) -> list[Row]:
        inp = call.inp
        if truthy(inp.get("invoice_number")):
            rows = [r for r in rows if r.f.get("invoice_number") == str(inp.get("invoice_number"))]
        status = to_int(inp.get("status_id"))
        if status:
            rows = [r for r in rows if to_int(r.f.get("invoice_status_id") or 1) >= status]
        if inp.filled("is_recurring"):
            recurring = truthy(inp.get("is_recurring"))
            rows = [r for r in rows if bool(r.f.get("is_recurring")) == recurring]
        if inp.filled("invoice_type_id"):
            type_id = to_int(inp.get("invoice_type_id"))
            rows = [r for r in rows if to_int(r.f.get("invoice_type_id") or 1) == type_id]
        return rows

    def _rules(self, call: Call, current: Row | None) -> Rules:
        def taken(number: str) -> bool:
            return any(
                r.f.get("invoice_number") == number and r is not current for r in call.account.invoices
            )

        rules = Rules(call.inp)
        rules.custom(
            "invoice_items", items_sum_ok(_items(call.inp.data)), "The invoice exceeds the maximum amount"
        )
        return rules.unique("invoice_number", taken).positive("discount")

    def validate_create(self, call: Call) -> None:
        rules = Rules(call.inp).required_without("email", "client_id").required_without("client_id", "email")
        rules.errors.update(self._rules(call, None).errors)
        rules.check()

    def validate_update(self, call: Call, row: Row) -> None:
        if call.inp.get("action") != "archive":
            self._rules(call, row).check()

    # -- store -----------------------------------------------------------------------------
    def _client(self, call: Call) -> Row:
        inp = call.inp
        email = inp.text("email").strip()
        if email:
            for client in call.account.clients:
                if client.trashed:
                    continue
                if any(c.f.get("email") == email for c in client.live_children()):
                    return client
            if not is_email(email):
                raise HttpError(html("The email format is invalid.", 200))
            data = {k: inp.get(k) for k in CLIENT_COPY if inp.has(k)}
            data["contact"] = {
                "email": email,
                **{k: inp.get(k) for k in ("first_name", "last_name", "phone") if inp.has(k)},
            }
            client = save_client(call, data, None)
            notify(call.account, call.rt.webhooks, "client", "create", client, call.user.public_id)
            return client
        found = call.account.clients.get(to_int(inp.get("client_id")))
        if found is None or found.trashed:
            raise HttpError(api_json({"error": "Client not found"}, 404))
        return found

    def _prepare_item(self, call: Call, item: dict[str, Any]) -> list[dict[str, Any]]:
        item = dict(item)
        for n in ("1", "2"):
            for field in ("tax_rate", "tax_name"):
                alias = f"item_{field}{n}"
                if alias in item:
                    item[f"{field}{n}"] = item.pop(alias)
        keys = str(item.get("product_key") or "").split(",")
        if len(keys) > 1 and self._product(call, keys[0].strip()) is not None:
            return [p for key in keys for p in self._prepare_item(call, {**item, "product_key": key.strip()})]
        product = self._product(call, str(item.get("product_key") or ""))
        if product is not None:
            for key in AUTOFILL:
                if key not in item and key in product.f:
                    item[key] = product.f[key]
        return [{**ITEM_DEFAULTS, **item}]

    def _product(self, call: Call, key: str) -> Row | None:
        if not key:
            return None
        return next(
            (p for p in call.account.products if p.f.get("product_key") == key and not p.trashed), None
        )

    def _prepare(self, call: Call, client: Row) -> dict[str, Any]:
        """`prepareData`: fill the defaults table and prepare each item."""
        data = {**DEFAULTS, **{k: v for k, v in call.inp.data.items() if v is not None}}
        quote = truthy(data.get("is_quote"))
        design = call.account.settings["quote_design_id" if quote else "invoice_design_id"]
        data.setdefault("invoice_design_id", design)
        data.setdefault("invoice_date", call.today)
        data.setdefault("due_date", default_due_date(call.account, client, call.today))
        data["invoice_items"] = [p for item in _items(data) for p in self._prepare_item(call, item)]
        return data

    async def store(self, call: Call) -> web.Response:
        self.validate_create(call)
        client = self._client(call)
        row = save_invoice(call, self._prepare(call, client), None, client)
        self.notify(call, "create", row)
        inp = call.inp
        paid = php_round(to_float(inp.get("paid")), 2)
        emailing = truthy(inp.get("email_invoice"))
        if truthy(inp.get("auto_bill")) or paid or emailing:
            mark_sent(call, row)
        payment = create_payment(call, row, paid, {}) if paid and is_standard(row) else None
        shown = row
        if emailing and payment is not None:
            record_email(call, row, payment_id=payment.public_id)
        elif emailing:
            shown = send_invoice(call, row, reminder=inp.get("email_type"))
        if truthy(inp.get("download_invoice")):
            return pdf_response(shown)
        return call.item(self.kind, shown)

    # -- update ----------------------------------------------------------------------------
    async def update(self, call: Call) -> web.Response:
        row = self.find(call)
        self.validate_update(call, row)
        action = call.inp.get("action")
        if action == "convert":
            new = copy_invoice(call, row)
            row.f["quote_invoice_id"] = new.public_id
            call.account.touch("invoices", row)
            return call.item(self.kind, new)
        if truthy(action):
            return await self.act(call, row, str(action))
        data = dict(call.inp.data)
        if "invoice_items" not in data:
            raise ServerError("Undefined index: invoice_items")
        if any(
            not isinstance(i, dict) or any(k not in i for k in UPDATE_REQUIRED_ITEM_KEYS)
            for i in data["invoice_items"] or []
        ):
            raise ServerError("Undefined index in invoice item")
        locked = call.rt.settings.lock_sent_invoices and to_int(row.f.get("invoice_status_id")) >= 2
        if row.is_deleted or (locked and not row.f.get("is_recurring")):
            return call.item(self.kind, row)
        for key in ("terms", "invoice_footer", "public_notes"):
            data.setdefault(key, "")
        client = call.account.clients.get(to_int(row.f.get("client_id")))
        save_invoice(call, data, row, client or Row(0, 0, 0))
        self.notify(call, "update", row)
        return call.item(self.kind, row)

    async def invoice_action(self, call: Call, row: Row, action: str) -> web.Response:
        if action == "markSent":
            mark_sent(call, row)
        elif action == "emailInvoice":
            send_invoice(call, row)
        elif is_standard(row) and not row.is_deleted and to_int(row.f.get("invoice_status_id")) != 6:
            mark_sent(call, row)
            # The v4 response is the in-memory invoice: the payment's balance update is not in it.
            response = call.item(self.kind, row)
            create_payment(call, row, to_float(row.f.get("balance")), {})
            return response
        return call.item(self.kind, row)


class Quotes(Invoices):
    """`GET /quotes`: quotes that are not recurring; `invoice_number` and `status_id` are ignored."""

    def filter(self, call: Call, rows: list[Row]) -> list[Row]:
        return [r for r in rows if r.f.get("invoice_type_id") == TYPE_QUOTE and not r.f.get("is_recurring")]
