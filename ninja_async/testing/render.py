"""Includes and envelopes (spec §3): Fractal's array and JSON-API serializers, pagination, `index`.

The array-serializer rendering of a row with only its default includes is cached on the row as
JSON bytes (dropped whenever the row changes), so a page is assembled by joining bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from . import transformers as tf
from .errors import ServerError
from .invitations import invitations_of
from .store import Row
from .transformers import Fields, RenderContext

IncludeTree = dict[str, "IncludeTree"]


@dataclass(frozen=True, slots=True)
class Include:
    """One Fractal include: how to find the related rows and how they render."""

    kind: str
    collection: bool
    rows: Callable[[Row, RenderContext], Sequence[Row] | Row | None] | None = None
    raw: Callable[[Row, RenderContext], list[Fields]] | None = None
    json_type: str = ""


def _client_of(row: Row, ctx: RenderContext) -> Row | None:
    return ctx.account.clients.get(int(row.f.get("client_id") or 0))


def _invoice_of(row: Row, ctx: RenderContext) -> Row | None:
    return ctx.account.invoices.get(int(row.f.get("invoice_id") or 0))


def _project_of(row: Row, ctx: RenderContext) -> Row | None:
    return ctx.account.table("projects").get(int(row.f.get("project_id") or 0))


def _children(row: Row, ctx: RenderContext) -> list[Row]:
    return row.live_children()


def _related(resource: str, column: str) -> Callable[[Row, RenderContext], list[Row]]:
    def find(row: Row, ctx: RenderContext) -> list[Row]:
        return [r for r in ctx.account.table(resource).sorted() if r.f.get(column) == row.public_id]

    return find


def _activities(row: Row, ctx: RenderContext) -> list[Fields]:
    found = ctx.account.activities_by_client.get(row.public_id, [])
    return [tf.activity(a) for a in reversed(found)]


def _invitations(row: Row, ctx: RenderContext) -> list[Fields]:
    return invitations_of(ctx.account, row)


def _broken(row: Row, ctx: RenderContext) -> list[Row]:
    raise ServerError("Vendor has no invoices relation")


#: Entity type → includes it always renders (Fractal `defaultIncludes`).
DEFAULT_INCLUDES: dict[str, tuple[str, ...]] = {
    "client": ("contacts",),
    "invoice": ("invoice_items",),
    "vendor": ("vendor_contacts",),
}

#: Entity type → include name → how to render it (default and `availableIncludes`).
INCLUDES: dict[str, dict[str, Include]] = {
    "client": {
        "contacts": Include("contact", True, rows=_children),
        "invoices": Include("invoice", True, rows=_related("invoices", "client_id")),
        "credits": Include("credit", True, rows=_related("credits", "client_id")),
        "activities": Include("activity", True, raw=_activities),
    },
    "invoice": {
        "invoice_items": Include("invoice_item", True, rows=_children),
        "invitations": Include("invitation", True, raw=_invitations),
        "payments": Include("payment", True, rows=_related("payments", "invoice_id")),
        "client": Include("client", False, rows=_client_of),
        "documents": Include("document", True, rows=_related("documents", "invoice_id")),
    },
    "payment": {
        "client": Include("client", False, rows=_client_of),
        "invoice": Include("invoice", False, rows=_invoice_of),
    },
    "task": {
        "client": Include("client", False, rows=_client_of),
        "project": Include("project", False, rows=_project_of),
    },
    "expense": {"documents": Include("document", True, rows=_related("documents", "expense_id"))},
    "vendor": {
        "vendor_contacts": Include("vendor_contact", True, rows=_children, json_type="contact"),
        "invoices": Include("invoice", True, rows=_broken),
    },
}

#: Entity type → Eloquent relations `->with()` can eager-load on an index (spec §3 "Includes").
RELATIONS: dict[str, frozenset[str]] = {
    "client": frozenset(
        {
            "contacts",
            "invoices",
            "credits",
            "activities",
            "payments",
            "expenses",
            "projects",
            "tasks",
            "country",
        }
    ),
    "contact": frozenset({"client"}),
    "invoice": frozenset(
        {"invoice_items", "invitations", "payments", "client", "documents", "expenses", "invoice_status"}
    ),
    "payment": frozenset({"client", "invoice", "contact", "payment_type", "invitation"}),
    "credit": frozenset({"client", "invoice"}),
    "task": frozenset({"client", "project", "invoice", "task_status"}),
    "project": frozenset({"client", "tasks"}),
    "expense": frozenset({"client", "vendor", "invoice", "expense_category", "documents"}),
    "vendor": frozenset({"vendor_contacts", "expenses", "country", "currency"}),
}


def parse_includes(value: str) -> IncludeTree:
    """`include=a,b.c` → ``{"a": {}, "b": {"c": {}}}`` (a nested name also requests its parent)."""
    tree: IncludeTree = {}
    for name in value.split(","):
        node = tree
        for part in name.strip().split("."):
            if part:
                node = node.setdefault(part, {})
    return tree


def check_eager_loads(kind: str, requested: IncludeTree) -> None:
    """An index eager-loads every requested include; an unknown relation throws (a 500)."""
    unknown = set(requested) - RELATIONS.get(kind, frozenset())
    if unknown:
        raise ServerError(f"Call to undefined relationship [{sorted(unknown)[0]}]")


def _selected(kind: str, requested: IncludeTree) -> list[tuple[str, Include]]:
    available = INCLUDES.get(kind, {})
    defaults = DEFAULT_INCLUDES.get(kind, ())
    return [(name, inc) for name, inc in available.items() if name in defaults or name in requested]


def fields_of(kind: str, row: Row, ctx: RenderContext, requested: IncludeTree) -> Fields:
    """The array-serializer shape: fields, then includes as plain arrays/objects (null omitted)."""
    out = tf.TRANSFORMERS[kind](row, ctx)
    for name, inc in _selected(kind, requested):
        nested = requested.get(name, {})
        if inc.raw is not None:
            out[name] = inc.raw(row, ctx)
            continue
        assert inc.rows is not None
        found = inc.rows(row, ctx)
        if isinstance(found, Row):
            out[name] = fields_of(inc.kind, found, ctx, nested)
        elif found is not None:
            out[name] = [fields_of(inc.kind, r, ctx, nested) for r in found]
    return out


UNCACHED = frozenset({"task"})


def row_bytes(kind: str, row: Row, ctx: RenderContext, requested: IncludeTree) -> bytes:
    """JSON bytes of one row; cached when only default includes are asked for."""
    if requested or kind in UNCACHED:
        return orjson.dumps(fields_of(kind, row, ctx, requested))
    if row.cache is None or row.cache_user != ctx.user_id:
        row.cache = orjson.dumps(fields_of(kind, row, ctx, requested))
        row.cache_user = ctx.user_id
    return row.cache


@dataclass
class _JsonApi:
    ctx: RenderContext
    included: list[Fields] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def resource(self, kind: str, json_type: str, fields: Fields) -> Fields:
        if "id" not in fields:
            raise ServerError("JSON API resources need an id")
        attributes = {k: v for k, v in fields.items() if k != "id"}
        return {"type": json_type or kind, "id": str(fields["id"]), "attributes": attributes}

    def row(self, kind: str, json_type: str, row: Row, requested: IncludeTree) -> Fields:
        out = self.resource(kind, json_type, tf.TRANSFORMERS[kind](row, self.ctx))
        relationships: dict[str, Any] = {}
        for name, inc in _selected(kind, requested):
            relationships[name] = {"data": self._related(inc, row, requested.get(name, {}))}
        if relationships:
            out["relationships"] = relationships
        return out

    def _related(self, inc: Include, row: Row, nested: IncludeTree) -> Any:
        if inc.raw is not None:
            items = [self.resource(inc.kind, inc.json_type, f) for f in inc.raw(row, self.ctx)]
        else:
            assert inc.rows is not None
            found = inc.rows(row, self.ctx)
            if found is None:
                return None
            rows = [found] if isinstance(found, Row) else list(found)
            items = [self.row(inc.kind, inc.json_type, r, nested) for r in rows]
        for item in items:
            key = (item["type"], item["id"])
            if key not in self.seen:
                self.seen.add(key)
                self.included.append(item)
        refs = [{"type": i["type"], "id": i["id"]} for i in items]
        return refs if inc.collection else refs[0]

    def document(self, data: Any) -> Fields:
        out: Fields = {"data": data}
        if self.included:
            out["included"] = self.included
        return out


def jsonapi_item(kind: str, row: Row, ctx: RenderContext, requested: IncludeTree) -> bytes:
    doc = _JsonApi(ctx)
    return orjson.dumps(doc.document(doc.row(kind, "", row, requested)))


def jsonapi_list(kind: str, rows: Sequence[Row], ctx: RenderContext, requested: IncludeTree) -> bytes:
    doc = _JsonApi(ctx)
    return orjson.dumps(doc.document([doc.row(kind, "", r, requested) for r in rows]))


def pagination(total: int, count: int, per_page: int, page: int, url: str) -> Fields:
    """Fractal's paginator block; `links` is the empty array `[]` when neither link applies."""
    total_pages = max(math.ceil(total / per_page), 1)
    links: dict[str, str] = {}
    if page > 1:
        links["previous"] = f"{url}?page={page - 1}"
    if page < total_pages:
        links["next"] = f"{url}?page={page + 1}"
    return {
        "total": total,
        "count": count,
        "per_page": per_page,
        "current_page": page,
        "total_pages": total_pages,
        "links": links or [],
    }


def envelope(index: str, data: bytes, meta: Fields | None = None) -> bytes:
    """`BaseAPIController::response`: wrap under `index` (default ``data``); `index=none` is bare."""
    if index == "none":
        return data
    out = b"{" + orjson.dumps(index) + b":" + data
    if meta is not None:
        out += b',"meta":' + orjson.dumps(meta)
    return out + b"}"


def join_array(parts: Sequence[bytes]) -> bytes:
    return b"[" + b",".join(parts) + b"]"
