"""The resource controller every `Route::resource` entity shares (spec §1.2, §1.3, §3 filters).

A subclass names its table and entity and overrides only what its v4 controller does
differently: extra index filters, create/save semantics, validation, or a quirk (a 500).
"""

from __future__ import annotations

from typing import ClassVar

from aiohttp import web

from .call import Call
from .constants import ACTIONS
from .errors import ServerError
from .events import notify
from .inputs import to_int, truthy
from .responses import action_not_supported
from .store import Row, Table


class Resource:
    name: ClassVar[str]
    kind: ClassVar[str]
    #: Whether the model has a `client` relation (the `client_id` list filter needs one).
    client_relation: ClassVar[bool] = False
    #: Whether `handleAction` runs on PUT with `action` (expense categories never do).
    handles_actions: ClassVar[bool] = True
    #: Actions a PUT accepts; `None` means every `handleAction` value.
    allowed_actions: ClassVar[frozenset[str] | None] = None

    def table(self, call: Call) -> Table:
        return call.account.table(self.name)

    def find(self, call: Call) -> Row:
        return call.find(self.table(call), self.kind, "id")

    # -- index -----------------------------------------------------------------------------
    def list_rows(self, call: Call) -> list[Row]:
        """`listResponse`: `updated_at` (≥, inclusive), `client_id` (public), `filter_active`."""
        inp = call.inp
        rows = self.base_rows(call, to_int(inp.get("updated_at")))
        client_id = to_int(inp.get("client_id"))
        if client_id > 0:
            if not self.client_relation:
                raise ServerError("Call to undefined method client()")
            client = call.account.clients.get(client_id)
            rows = (
                [r for r in rows if r.f.get("client_id") == client_id]
                if client and not client.trashed
                else []
            )
        if truthy(inp.get("filter_active")):
            rows = [r for r in rows if r.deleted_at is None]
        return self.filter(call, rows)

    def base_rows(self, call: Call, since: int) -> list[Row]:
        """The index query in list order, with the `updated_at` filter when ``since`` > 0."""
        table = self.table(call)
        return table.updated_since(since) if since > 0 else table.sorted()

    def filter(self, call: Call, rows: list[Row]) -> list[Row]:
        """Entity-specific index filters."""
        return rows

    async def index(self, call: Call) -> web.Response:
        call.rt.churn.before_list(call.account, self.name)
        return call.page(self.kind, self.list_rows(call))

    # -- show / store / update / destroy ---------------------------------------------------
    async def show(self, call: Call) -> web.Response:
        return call.item(self.kind, self.find(call))

    async def store(self, call: Call) -> web.Response:
        self.validate_create(call)
        row = self.create(call)
        self.notify(call, "create", row)
        return call.item(self.kind, row)

    async def update(self, call: Call) -> web.Response:
        row = self.find(call)
        self.validate_update(call, row)
        action = call.inp.get("action")
        if truthy(action) and self.handles_actions:
            return await self.act(call, row, str(action))
        self.save(call, row)
        self.notify(call, "update", row)
        return call.item(self.kind, row)

    async def destroy(self, call: Call) -> web.Response:
        row = self.find(call)
        self.delete(call, row)
        return call.item(self.kind, row)

    def validate_create(self, call: Call) -> None:
        """FormRequest rules of the store route."""

    def validate_update(self, call: Call, row: Row) -> None:
        """FormRequest rules of the update route (they run before any `action`)."""

    def create(self, call: Call) -> Row:
        raise ServerError(f"{type(self).__name__} has no store")

    def save(self, call: Call, row: Row) -> None:
        raise ServerError(f"{type(self).__name__} has no update")

    def notify(self, call: Call, verb: str, row: Row) -> None:
        notify(call.account, call.rt.webhooks, self.kind, verb, row, call.user.public_id)

    # -- actions (`handleAction`, `BaseRepository`) ----------------------------------------
    async def act(self, call: Call, row: Row, action: str) -> web.Response:
        allowed = ACTIONS if self.allowed_actions is None else self.allowed_actions
        if action not in allowed:
            raise action_not_supported(action)
        if action == "archive":
            self.archive(call, row)
        elif action == "delete":
            self.delete(call, row)
        elif action == "restore":
            self.restore(call, row)
        else:
            return await self.invoice_action(call, row, "markSent" if action == "mark_sent" else action)
        return call.item(self.kind, row)

    async def invoice_action(self, call: Call, row: Row, action: str) -> web.Response:
        """`markSent`, `markPaid` and `emailInvoice` call repository methods only invoices have."""
        raise ServerError(f"Call to undefined method {self.kind}Repo::{action}()")

    def archive(self, call: Call, row: Row) -> None:
        if row.trashed:
            return
        row.deleted_at = call.rt.clock.timestamp()
        call.account.touch(self.name, row)
        self.notify(call, "archive", row)

    def delete(self, call: Call, row: Row) -> None:
        if row.is_deleted:
            return
        row.is_deleted = True
        row.deleted_at = row.deleted_at or call.rt.clock.timestamp()
        call.account.touch(self.name, row)
        self.notify(call, "delete", row)

    def restore(self, call: Call, row: Row) -> None:
        if not row.trashed:
            return
        row.deleted_at = None
        row.is_deleted = False
        call.account.touch(self.name, row)
        self.notify(call, "restore", row)
