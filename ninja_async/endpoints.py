"""The declarative endpoint table: one row per v4 resource, and everything the SDK knows about it.

Each row says where the resource lives, which model its responses structure into, which operations the v4
server really supports (spec §1.2 — e.g. ``GET /users/1`` is a 500 there, so ``users`` has no ``get``), its
list filters, includes and ordering, and the traps of its PUT (spec §6): which nested collections a PUT
replaces, which fields a PUT resets when absent, which fields validation demands even for an action.

The generic resource classes in `ninja_async.resources` read these rows; the typed per-resource classes in
``ninja_async/resources/_generated.py`` are generated from them by ``python tools/generate_resources.py``
(a test fails when the two disagree). Adding an entity is a row here plus its model.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from .models import (
    Client,
    Contact,
    Credit,
    Document,
    Expense,
    ExpenseCategory,
    Invoice,
    Payment,
    PaymentTerm,
    Product,
    Project,
    Task,
    TaxRate,
    User,
    Vendor,
)

__all__ = ["ENDPOINTS", "FILTER_TYPES", "Endpoint", "Op"]


class Op(enum.Enum):
    """Operations a resource can offer; the value is the public method name."""

    LIST = "list"
    GET = "get"
    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"
    RESTORE = "restore"
    DELETE = "delete"
    MARK_SENT = "mark_sent"
    MARK_PAID = "mark_paid"
    CONVERT = "convert"
    EMAIL = "email"
    DOWNLOAD = "download"
    UPLOAD = "upload"
    SYNC = "sync"
    TIMER = "timer"  # tasks: start/stop, an ``action`` inside POST /tasks


# The wire value of each action-style operation (spec §1.3: exactly these spellings are accepted).
ACTION_WIRE_NAMES: Mapping[Op, str] = {
    Op.ARCHIVE: "archive",
    Op.RESTORE: "restore",
    Op.DELETE: "delete",
    Op.MARK_SENT: "markSent",
    Op.MARK_PAID: "markPaid",
    Op.CONVERT: "convert",
}

# Python annotation (as code) of every list filter the SDK accepts; rows choose from these.
FILTER_TYPES: Mapping[str, str] = {
    "updated_at": "Since | None",
    "client_id": "int | None",
    "email": "str | None",
    "id_number": "str | None",
    "invoice_number": "str | None",
    "status_id": "int | None",
    "is_recurring": "bool | None",
    "invoice_type_id": "int | None",
}

_STATE = (Op.ARCHIVE, Op.RESTORE, Op.DELETE)
_CRUD = (Op.LIST, Op.GET, Op.CREATE, Op.UPDATE)


@attrs.frozen
class Endpoint:
    """One v4 resource. ``path`` is relative to ``/api/v1``; ``entity`` is the singular name v4 uses."""

    name: str
    path: str
    entity: str
    model: type
    ops: frozenset[Op]
    filters: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    ordering: str = "updated_at desc"
    # PUT replaces these collections wholesale: omit one and the server archives or drops its members.
    replaces_collections: tuple[str, ...] = ()
    # PUT resets these fields to a default when they are absent from the body.
    put_resets: tuple[str, ...] = ()
    # Validation demands these on every PUT, actions included.
    put_requires: tuple[str, ...] = ()
    # Rows that are quotes live in /invoices except for their list (spec §6.9).
    write_path: str | None = None
    create_defaults: Mapping[str, object] = attrs.field(factory=dict)
    # active_only (filter_active) works: the index is soft-delete aware.
    soft_deletes: bool = True
    # What addresses one record in a URL: the public id, except payment terms (num_days).
    key: str = "id"
    # Where a record's file is streamed from (invoices: the PDF; documents: the upload itself).
    download_path: str | None = None

    @property
    def item_path(self) -> str:
        return self.write_path or self.path

    @property
    def put_needs_current_state(self) -> tuple[str, ...]:
        """Fields an update or action must carry, taken from the current record when the caller omits them."""
        return self.replaces_collections + self.put_resets + self.put_requires


def _ops(*groups: tuple[Op, ...] | Op) -> frozenset[Op]:
    ops: set[Op] = set()
    for group in groups:
        ops.update(group if isinstance(group, tuple) else (group,))
    return frozenset(ops)


_QUOTE_OPS = (Op.MARK_SENT, Op.EMAIL, Op.DOWNLOAD, Op.CONVERT)
_INVOICE_OPS = (*_QUOTE_OPS, Op.MARK_PAID)  # markPaid only acts on standard invoices
_INVOICE_ITEMS = ("invoice_items",)
_INVOICE_RESETS = ("terms", "invoice_footer", "public_notes")


def _with_sync(row: Endpoint) -> Endpoint:
    """Incremental sync needs the updated_at filter and a list that only grows or reorders (no hard
    deletes, which would shift unchanged rows forward): every listed resource but documents."""
    if "updated_at" in row.filters and row.soft_deletes:
        return attrs.evolve(row, ops=row.ops | {Op.SYNC})
    return row


ENDPOINTS: Mapping[str, Endpoint] = {
    row.name: _with_sync(row)
    for row in (
        Endpoint(
            "clients",
            "clients",
            "client",
            Client,
            _ops(_CRUD, _STATE),
            filters=("updated_at", "email", "id_number"),
            includes=("invoices", "credits", "activities"),
            replaces_collections=("contacts",),
        ),
        Endpoint(
            "contacts",
            "contacts",
            "contact",
            Contact,
            _ops(_CRUD, _STATE),
            filters=("updated_at", "client_id"),
            ordering="created_at desc",
            put_requires=("first_name", "last_name", "email"),
        ),
        Endpoint(
            "invoices",
            "invoices",
            "invoice",
            Invoice,
            _ops(_CRUD, _STATE, _INVOICE_OPS),
            filters=(
                "updated_at",
                "client_id",
                "invoice_number",
                "status_id",
                "is_recurring",
                "invoice_type_id",
            ),
            includes=("invitations", "payments", "client", "documents"),
            download_path="download",
            replaces_collections=_INVOICE_ITEMS,
            put_resets=_INVOICE_RESETS,
        ),
        Endpoint(
            "quotes",
            "quotes",
            "invoice",
            Invoice,
            _ops(_CRUD, _STATE, _QUOTE_OPS),
            filters=("updated_at", "client_id"),
            includes=("invitations", "payments", "client", "documents"),
            write_path="invoices",
            create_defaults={"is_quote": True},
            download_path="download",
            replaces_collections=_INVOICE_ITEMS,
            put_resets=_INVOICE_RESETS,
        ),
        Endpoint(
            "payments",
            "payments",
            "payment",
            Payment,
            _ops(_CRUD, _STATE),
            filters=("updated_at", "client_id"),
            includes=("client", "invoice"),
        ),
        Endpoint(
            "credits",
            "credits",
            "credit",
            Credit,
            _ops(_CRUD, _STATE),
            filters=("updated_at", "client_id"),
        ),
        Endpoint(
            "tasks",
            "tasks",
            "task",
            Task,
            _ops(_CRUD, _STATE, Op.TIMER),
            filters=("updated_at", "client_id"),
            includes=("client", "project"),
        ),
        Endpoint(
            "products",
            "products",
            "product",
            Product,
            _ops(_CRUD, _STATE),
            filters=("updated_at",),
            put_resets=("notes", "cost", "qty"),
            put_requires=("product_key",),
        ),
        Endpoint(
            "projects",
            "projects",
            "project",
            Project,
            _ops(_CRUD, _STATE),
            filters=("updated_at", "client_id"),
            put_requires=("name",),
        ),
        Endpoint(
            "tax_rates",
            "tax_rates",
            "tax_rate",
            TaxRate,
            _ops(_CRUD, _STATE),
            filters=("updated_at",),
            ordering="created_at desc",
            put_requires=("name", "rate"),
        ),
        # show, store and destroy are 500s on v4, and update always acts on the token's own user.
        Endpoint(
            "users",
            "users",
            "user",
            User,
            _ops(Op.LIST),
            filters=("updated_at",),
            ordering="created_at desc",
        ),
        Endpoint(
            "expenses",
            "expenses",
            "expense",
            Expense,
            _ops(_CRUD, _STATE),
            filters=("updated_at", "client_id"),
            includes=("documents",),
        ),
        # show streams the file itself; update is a 500; destroy is a hard delete.
        Endpoint(
            "documents",
            "documents",
            "document",
            Document,
            _ops(Op.LIST, Op.DELETE, Op.DOWNLOAD, Op.UPLOAD),
            filters=("updated_at",),
            ordering="unspecified",
            soft_deletes=False,
            download_path="documents",
        ),
        Endpoint(
            "vendors",
            "vendors",
            "vendor",
            Vendor,
            _ops(_CRUD, _STATE),
            filters=("updated_at",),
            replaces_collections=("vendor_contacts",),
            put_requires=("name",),
        ),
        # show and destroy are 500s; update has no action handling.
        Endpoint(
            "expense_categories",
            "expense_categories",
            "expense_category",
            ExpenseCategory,
            _ops(Op.LIST, Op.CREATE, Op.UPDATE),
            filters=("updated_at",),
            ordering="created_at desc",
            put_requires=("name",),
        ),
        # No id on the wire: terms are addressed by num_days; update is a 500; archived terms are not listed.
        Endpoint(
            "payment_terms",
            "payment_terms",
            "payment_term",
            PaymentTerm,
            _ops(Op.LIST, Op.CREATE, Op.DELETE),
            ordering="num_days asc",
            key="num_days",
        ),
    )
}
