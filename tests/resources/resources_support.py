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
from tests import v4_wire as wire

TOKEN = "abcdefghijklmnopqrstuvwxyz012345"
V4_HEADERS = {"Content-Type": "application/json", "X-Ninja-Version": "4.5.50", "X-Total-Count": "0"}


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


def _with_id(factory: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """``factory(5, **over)``: the shared v4 wire factory with the id as its first argument."""

    def build(id: int = 1, **over: Any) -> dict[str, Any]:
        return factory(id=id, **over)

    return build


contact = _with_id(wire.contact)
invoice_item = _with_id(wire.item)
payment = _with_id(wire.payment)
credit = _with_id(wire.credit)
task = _with_id(wire.task)
product = _with_id(wire.product)
project = _with_id(wire.project)
tax_rate = _with_id(wire.tax_rate)
user = _with_id(wire.user)
expense = _with_id(wire.expense)
expense_category = _with_id(wire.expense_category)
vendor = _with_id(wire.vendor)
document = _with_id(wire.document)


def client(id: int = 1, **over: Any) -> dict[str, Any]:
    """A client with two contacts, so tests can tell a kept contact set from a replaced one."""
    contacts = [wire.contact(id=1, email="ada1@example.com"), wire.contact(id=2, email="ada2@example.com")]
    return wire.client(id=id, updated_at=1_700_000_000 + id, **{"contacts": contacts, **over})


def invoice(id: int = 1, **over: Any) -> dict[str, Any]:
    """An invoice with two items and a number matching its id."""
    items = [wire.item(id=1), wire.item(id=2)]
    fields = {
        "invoice_number": f"{id:04d}",
        "filename": f"Invoice_{id:04d}.pdf",
        "invoice_items": items,
        **over,
    }
    return wire.invoice(id=id, updated_at=1_700_000_000 + id, **fields)


def quote(id: int = 7, **over: Any) -> dict[str, Any]:
    return invoice(id, invoice_type_id=2, is_quote=True, filename=f"Quote_{id:04d}.pdf", **over)


def payment_term(num_days: int = 45, **over: Any) -> dict[str, Any]:
    return wire.payment_term(num_days=num_days, name=f"Net {num_days}", is_default=False, **over)


Route = Callable[[Request], Response]


class FakeServer:
    """Routes ``METHOD path`` (regex on the path after /api/v1/) to handlers; records every request."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Route]] = []
        self.requests: list[Request] = []
        self.elsewhere: dict[str, Response] = {}

    def on(self, method: str, pattern: str, handler: Route | Response) -> None:
        route = handler if callable(handler) else (lambda _request, r=handler: r)
        self.routes.insert(0, (method, re.compile(f"^{pattern}$"), route))

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        if "/api/v1/" not in request.url:  # a URL outside the API, e.g. a document's direct file URL
            return self.elsewhere.get(request.url) or Response(404, content=b"no such file")
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
