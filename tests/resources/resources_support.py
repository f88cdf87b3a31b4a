"""v4-shaped response bodies for resource tests, written from spec §3 and §5, quirks included.

Whole floats arrive as ints (PHP's json_encode), empty dates as '', some strings as null, includes as
plain arrays, task archived_at 0, user ids public_id + 1 with deleted_at, payment terms without an id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import orjson

from ninja_async.http import Request, Response

TOKEN = "abcdefghijklmnopqrstuvwxyz012345"
V4_HEADERS = {"Content-Type": "application/json", "X-Ninja-Version": "4.5.50", "X-Total-Count": "0"}
ACCOUNT_KEY = "k" * 32


def envelope(data: Any, status: int = 200) -> Response:
    return Response(status, headers=V4_HEADERS, content=orjson.dumps({"data": data}))


def page(
    items: list[Any], *, total: int, per_page: int, current_page: int, url: str = "http://x/api/v1/x"
) -> Response:
    total_pages = max(-(-total // per_page), 1)
    links: dict[str, str] | list[Any] = {}
    assert isinstance(links, dict)
    if current_page > 1:
        links["previous"] = f"{url}?page={current_page - 1}"
    if current_page < total_pages:
        links["next"] = f"{url}?page={current_page + 1}"
    body = {
        "data": items,
        "meta": {
            "pagination": {
                "total": total,
                "count": len(items),
                "per_page": per_page,
                "current_page": current_page,
                "total_pages": total_pages,
                "links": links or [],
            }
        },
    }
    return Response(200, headers=V4_HEADERS, content=orjson.dumps(body))


def contact(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": f"ada{id}@example.com",
        "contact_key": "c" * 32,
        "updated_at": 1700000000,
        "archived_at": None,
        "is_primary": id == 1,
        "phone": "",
        "last_login": "",
        "send_invoice": True,
        "custom_value1": "",
        "custom_value2": "",
        **over,
    }


def client(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "name": f"Client {id}",
        "display_name": f"Client {id}",
        "balance": 100,
        "paid_to_date": 0,
        "updated_at": 1700000000 + id,
        "archived_at": None,
        "address1": "",
        "address2": "",
        "city": "",
        "state": "",
        "postal_code": "",
        "country_id": 0,
        "work_phone": "",
        "private_notes": "",
        "public_notes": "",
        "last_login": "",
        "website": "",
        "industry_id": 0,
        "size_id": 0,
        "is_deleted": False,
        "payment_terms": 30,
        "vat_number": "",
        "id_number": "",
        "language_id": 1,
        "currency_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "invoice_number_counter": 1,
        "quote_number_counter": 1,
        "task_rate": 0,
        "shipping_address1": "",
        "shipping_address2": "",
        "shipping_city": "",
        "shipping_state": "",
        "shipping_postal_code": "",
        "shipping_country_id": 0,
        "show_tasks_in_portal": False,
        "send_reminders": True,
        "credit_number_counter": 0,
        "custom_messages": "{}",
        "contacts": [contact(1), contact(2)],
        **over,
    }


def invoice_item(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "product_key": "WIDGET",
        "updated_at": 1700000000,
        "archived_at": None,
        "notes": "A widget",
        "cost": 10,
        "qty": 2,
        "tax_name1": "",
        "tax_rate1": 0,
        "tax_name2": "",
        "tax_rate2": 0,
        "invoice_item_type_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "discount": 0,
        **over,
    }


def invoice(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "amount": 20,
        "balance": 20,
        "client_id": 1,
        "invoice_status_id": 1,
        "updated_at": 1700000000 + id,
        "archived_at": None,
        "invoice_number": f"{id:04d}",
        "discount": 0,
        "po_number": None,
        "invoice_date": "2024-01-15",
        "due_date": "",
        "terms": None,
        "public_notes": "Thanks",
        "private_notes": "",
        "is_deleted": False,
        "invoice_type_id": 1,
        "is_recurring": False,
        "frequency_id": 0,
        "start_date": "",
        "end_date": "",
        "last_sent_date": "",
        "recurring_invoice_id": 0,
        "tax_name1": "",
        "tax_rate1": 0,
        "tax_name2": "",
        "tax_rate2": 0,
        "is_amount_discount": False,
        "invoice_footer": "Footer",
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
        "is_public": False,
        "filename": f"Invoice_{id:04d}.pdf",
        "invoice_design_id": 1,
        "invoice_items": [invoice_item(1), invoice_item(2)],
        **over,
    }


def quote(id: int = 7, **over: Any) -> dict[str, Any]:
    return invoice(id, invoice_type_id=2, is_quote=True, filename=f"Quote_{id:04d}.pdf", **over)


def payment(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "amount": 5,
        "transaction_reference": "",
        "payment_date": "2024-01-20",
        "updated_at": 1700000000,
        "archived_at": None,
        "is_deleted": False,
        "payment_type_id": 1,
        "invoice_id": 1,
        "invoice_number": "0001",
        "private_notes": "",
        "exchange_rate": 1,
        "exchange_currency_id": 0,
        "refunded": 0,
        "payment_status_id": 4,
        **over,
    }


def credit(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "amount": 50,
        "balance": 50,
        "updated_at": 1700000000,
        "archived_at": None,
        "is_deleted": False,
        "credit_date": "2024-01-01",
        "credit_number": "0001",
        "private_notes": "",
        "public_notes": "",
        "client_id": 1,
        **over,
    }


def task(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "description": "Work",
        "duration": 3600,
        "updated_at": 1700000000,
        "archived_at": 0,
        "invoice_id": 0,
        "client_id": 1,
        "project_id": 0,
        "is_deleted": False,
        "time_log": "[[1700000000,1700003600]]",
        "is_running": False,
        "custom_value1": "",
        "custom_value2": "",
        "task_status_id": 1,
        "task_status_sort_order": 9999,
        **over,
    }


def product(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "product_key": "WIDGET",
        "notes": "A widget",
        "cost": 10,
        "qty": 1,
        "tax_name1": "",
        "tax_rate1": 0,
        "tax_name2": "",
        "tax_rate2": 0,
        "updated_at": 1700000000,
        "archived_at": None,
        "custom_value1": "",
        "custom_value2": "",
        "is_deleted": False,
        **over,
    }


def project(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "name": "Apollo",
        "client_id": 1,
        "updated_at": 1700000000,
        "archived_at": None,
        "is_deleted": False,
        "task_rate": 0,
        "due_date": "",
        "private_notes": "",
        "budgeted_hours": 0,
        "custom_value1": "",
        "custom_value2": "",
        **over,
    }


def tax_rate(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "name": "VAT",
        "rate": 20,
        "is_inclusive": False,
        "updated_at": 1700000000,
        "archived_at": None,
        **over,
    }


def user(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "id": id,
        "first_name": "Owner",
        "last_name": "Person",
        "email": "owner@example.com",
        "account_key": ACCOUNT_KEY,
        "updated_at": 1700000000,
        "deleted_at": None,
        "phone": "",
        "registered": True,
        "confirmed": True,
        "oauth_user_id": None,
        "oauth_provider_id": None,
        "notify_sent": True,
        "notify_viewed": False,
        "notify_paid": True,
        "notify_approved": True,
        "is_admin": True,
        "permissions": [],
        **over,
    }


def expense(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "private_notes": None,
        "public_notes": None,
        "should_be_invoiced": True,
        "updated_at": 1700000000,
        "archived_at": None,
        "transaction_id": "",
        "transaction_reference": "",
        "bank_id": 0,
        "expense_currency_id": 1,
        "expense_category_id": 0,
        "amount": 12.5,
        "expense_date": "2024-01-02",
        "payment_date": "",
        "invoice_documents": False,
        "payment_type_id": 0,
        "exchange_rate": 1,
        "invoice_currency_id": 1,
        "is_deleted": False,
        "tax_name1": "",
        "tax_name2": "",
        "tax_rate1": 0,
        "tax_rate2": 0,
        "client_id": 0,
        "invoice_id": 0,
        "vendor_id": 0,
        "custom_value1": "",
        "custom_value2": "",
        **over,
    }


def expense_category(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "name": "Travel",
        "updated_at": 1700000000,
        "archived_at": None,
        **over,
    }


def vendor_contact(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "first_name": "Vic",
        "last_name": "Vendor",
        "email": f"vic{id}@example.com",
        "updated_at": 1700000000,
        "archived_at": None,
        "is_primary": id == 1,
        "phone": "",
        **over,
    }


def vendor(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "name": "Acme Supplies",
        "balance": 0,
        "paid_to_date": 0,
        "updated_at": 1700000000,
        "archived_at": None,
        "address1": None,
        "address2": None,
        "city": None,
        "state": None,
        "postal_code": None,
        "country_id": 0,
        "work_phone": None,
        "private_notes": None,
        "last_login": "",
        "website": None,
        "is_deleted": False,
        "vat_number": "",
        "id_number": "",
        "currency_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "vendor_contacts": [vendor_contact(1)],
        **over,
    }


def document(id: int = 1, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "id": id,
        "name": "receipt.png",
        "type": "png",
        "path": "abc/receipt.png",
        "invoice_id": 0,
        "expense_id": 1,
        "updated_at": 1700000000,
        "created_at": 1700000000,
        "is_deleted": False,
        "is_default": False,
        "preview": None,
        "size": 1234,
        "width": 10,
        "height": 10,
        **over,
    }


def payment_term(num_days: int = 45, **over: Any) -> dict[str, Any]:
    return {
        "account_key": ACCOUNT_KEY,
        "is_owner": True,
        "num_days": num_days,
        "name": f"Net {num_days}",
        "updated_at": 1700000000,
        "archived_at": None,
        "is_default": False,
        **over,
    }


Route = Callable[[Request], Response]


class FakeServer:
    """Routes ``METHOD path`` (regex on the path after /api/v1/) to handlers; records every request."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Route]] = []
        self.requests: list[Request] = []

    def on(self, method: str, pattern: str, handler: Route | Response) -> None:
        route = handler if callable(handler) else (lambda _request, r=handler: r)
        self.routes.insert(0, (method, re.compile(f"^{pattern}$"), route))

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        path = request.url.split("/api/v1/", 1)[1].split("?", 1)[0]
        if path == "ping":
            return Response(200, headers=V4_HEADERS, content=b"success")
        for method, pattern, route in self.routes:
            if method == request.method and pattern.match(path):
                return route(request)
        return Response(404, headers=V4_HEADERS, content=b'{"error":{"message":"Route does not exist"}}')

    def sent(self, method: str | None = None) -> list[Request]:
        return [r for r in self.requests if method is None or r.method == method]


def query(request: Request) -> dict[str, str]:
    raw = request.url.partition("?")[2]
    return dict(part.split("=", 1) for part in raw.split("&") if part)


def body(request: Request) -> Any:
    return orjson.loads(request.content) if request.content else None
