"""Typed resource classes, one per row of the endpoint table. GENERATED: do not edit.

Written by ``python tools/generate_resources.py`` from ``ninja_async/endpoints.py``; a test fails when this
file and the table disagree. Each method is a typed, documented front for the generic implementation in
`ninja_async.resources.base.Resource`, so mypy sees real signatures while the behaviour lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, overload

from ..endpoints import ENDPOINTS, Op
from ..files import DEFAULT_MAX_DOWNLOAD
from ..models import (
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
from ..pagination import DEFAULT_PAGE_CONCURRENCY, Paginator
from ..sync import DEFAULT_MAX_PASSES, Sync
from .base import DEFAULT_PER_PAGE, Requester, Resource, Since

__all__ = [
    "ClientsResource",
    "ContactsResource",
    "CreditsResource",
    "DocumentsResource",
    "ExpenseCategoriesResource",
    "ExpensesResource",
    "InvoicesResource",
    "PaymentTermsResource",
    "PaymentsResource",
    "ProductsResource",
    "ProjectsResource",
    "QuotesResource",
    "Resources",
    "TasksResource",
    "TaxRatesResource",
    "UsersResource",
    "VendorsResource",
]


class ClientsResource(Resource[Client]):
    """``/api/v1/clients``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        email: str | None = None,
        id_number: str | None = None,
        include: Sequence[Literal["invoices", "credits", "activities"]] = (),
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Client]:
        """List clients (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``email``,
        ``id_number``; ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "email": email, "id_number": id_number},
            include=include,
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Client]:
        """Every client changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(
        self, id: int, *, include: Sequence[Literal["invoices", "credits", "activities"]] = ()
    ) -> Client:
        """Fetch one client by id (archived and deleted ones too)."""
        return await self._get(id, include=include)

    async def create(self, **fields: Any) -> Client:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Client:
        """Change the given fields, losing nothing else. The server would drop or reset contacts when
        absent, so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Client) -> Client:
        """Write a whole Client back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Client:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Client:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Client:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class ContactsResource(Resource[Contact]):
    """``/api/v1/contacts``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Contact]:
        """List contacts (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Contact]:
        """Every contact changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int) -> Contact:
        """Fetch one contact by id (archived and deleted ones too)."""
        return await self._get(id)

    async def create(self, **fields: Any) -> Contact:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Contact:
        """Change the given fields, losing nothing else. The server would drop or reset first_name,
        last_name, email when absent, so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Contact) -> Contact:
        """Write a whole Contact back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Contact:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Contact:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Contact:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class InvoicesResource(Resource[Invoice]):
    """``/api/v1/invoices``: archive, convert, create, delete, download, email, get, list, mark_paid,
    mark_sent, restore, sync, update.
    """

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        invoice_number: str | None = None,
        status_id: int | None = None,
        is_recurring: bool | None = None,
        invoice_type_id: int | None = None,
        include: Sequence[Literal["invitations", "payments", "client", "documents"]] = (),
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Invoice]:
        """List invoices (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``,
        ``invoice_number``, ``status_id``, ``is_recurring``, ``invoice_type_id``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {
                "updated_at": updated_at,
                "client_id": client_id,
                "invoice_number": invoice_number,
                "status_id": status_id,
                "is_recurring": is_recurring,
                "invoice_type_id": invoice_type_id,
            },
            include=include,
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Invoice]:
        """Every invoice changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(
        self, id: int, *, include: Sequence[Literal["invitations", "payments", "client", "documents"]] = ()
    ) -> Invoice:
        """Fetch one invoice by id (archived and deleted ones too)."""
        return await self._get(id, include=include)

    async def create(self, **fields: Any) -> Invoice:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Invoice:
        """Change the given fields, losing nothing else. The server would drop or reset invoice_items,
        terms, invoice_footer, public_notes when absent, so the current values are read and sent for any
        you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Invoice) -> Invoice:
        """Write a whole Invoice back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Invoice:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Invoice:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Invoice:
        """Delete it (soft: still listed)."""
        return await self._delete(id)

    async def mark_sent(self, id: int) -> Invoice:
        """Mark it sent (``?action=markSent``): status 2 and public."""
        return await self._action(id, Op.MARK_SENT)

    async def mark_paid(self, id: int) -> Invoice:
        """Mark it paid (wire name ``markPaid``): creates a payment for the balance. v4 may still answer
        with the old balance.
        """
        return await self._action(id, Op.MARK_PAID)

    async def convert(self, id: int) -> Invoice:
        """Convert a quote into a new invoice (``?action=convert``) and return that invoice."""
        return await self._action(id, Op.CONVERT)

    async def email(
        self,
        id: int,
        *,
        reminder: Literal["reminder1", "reminder2", "reminder3"] | None = None,
        template: str | None = None,
    ) -> None:
        """Email it to the client (``POST /email_invoice``), optionally as a reminder."""
        await self._email(id, reminder=reminder, template=template)

    @overload
    async def download(
        self, id: int, *, to: None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes: ...

    @overload
    async def download(
        self, id: int, *, to: str | Path, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> Path: ...

    async def download(
        self, id: int, *, to: str | Path | None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes | Path:
        """The PDF: as bytes, or streamed to ``to`` and that path returned.

        ``to`` is a file, or a directory to save under the server's filename. A body over ``max_bytes`` is
        refused.
        """
        return await self._download(id, to=to, max_bytes=max_bytes)


class QuotesResource(Resource[Invoice]):
    """``/api/v1/quotes``: archive, convert, create, delete, download, email, get, list, mark_sent,
    restore, sync, update.
    """

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["invitations", "payments", "client", "documents"]] = (),
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Invoice]:
        """List quotes (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include=include,
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Invoice]:
        """Every invoice changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(
        self, id: int, *, include: Sequence[Literal["invitations", "payments", "client", "documents"]] = ()
    ) -> Invoice:
        """Fetch one invoice by id (archived and deleted ones too)."""
        return await self._get(id, include=include)

    async def create(self, **fields: Any) -> Invoice:
        """Create one as a quote (``is_quote`` is set for you); ``fields`` are the v4 wire names (models
        and dates are converted).
        """
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Invoice:
        """Change the given fields, losing nothing else. The server would drop or reset invoice_items,
        terms, invoice_footer, public_notes when absent, so the current values are read and sent for any
        you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Invoice) -> Invoice:
        """Write a whole Invoice back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Invoice:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Invoice:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Invoice:
        """Delete it (soft: still listed)."""
        return await self._delete(id)

    async def mark_sent(self, id: int) -> Invoice:
        """Mark it sent (``?action=markSent``): status 2 and public."""
        return await self._action(id, Op.MARK_SENT)

    async def convert(self, id: int) -> Invoice:
        """Convert a quote into a new invoice (``?action=convert``) and return that invoice."""
        return await self._action(id, Op.CONVERT)

    async def email(
        self,
        id: int,
        *,
        reminder: Literal["reminder1", "reminder2", "reminder3"] | None = None,
        template: str | None = None,
    ) -> None:
        """Email it to the client (``POST /email_invoice``), optionally as a reminder."""
        await self._email(id, reminder=reminder, template=template)

    @overload
    async def download(
        self, id: int, *, to: None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes: ...

    @overload
    async def download(
        self, id: int, *, to: str | Path, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> Path: ...

    async def download(
        self, id: int, *, to: str | Path | None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes | Path:
        """The PDF: as bytes, or streamed to ``to`` and that path returned.

        ``to`` is a file, or a directory to save under the server's filename. A body over ``max_bytes`` is
        refused.
        """
        return await self._download(id, to=to, max_bytes=max_bytes)


class PaymentsResource(Resource[Payment]):
    """``/api/v1/payments``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["client", "invoice"]] = (),
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Payment]:
        """List payments (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include=include,
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Payment]:
        """Every payment changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int, *, include: Sequence[Literal["client", "invoice"]] = ()) -> Payment:
        """Fetch one payment by id (archived and deleted ones too)."""
        return await self._get(id, include=include)

    async def create(self, **fields: Any) -> Payment:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Payment:
        """Change the given fields, losing nothing else."""
        return await self._update(id, fields)

    async def save(self, record: Payment) -> Payment:
        """Write a whole Payment back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Payment:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Payment:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Payment:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class CreditsResource(Resource[Credit]):
    """``/api/v1/credits``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Credit]:
        """List credits (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Credit]:
        """Every credit changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int) -> Credit:
        """Fetch one credit by id (archived and deleted ones too)."""
        return await self._get(id)

    async def create(self, **fields: Any) -> Credit:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Credit:
        """Change the given fields, losing nothing else."""
        return await self._update(id, fields)

    async def save(self, record: Credit) -> Credit:
        """Write a whole Credit back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Credit:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Credit:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Credit:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class TasksResource(Resource[Task]):
    """``/api/v1/tasks``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["client", "project"]] = (),
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Task]:
        """List tasks (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include=include,
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Task]:
        """Every task changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int, *, include: Sequence[Literal["client", "project"]] = ()) -> Task:
        """Fetch one task by id (archived and deleted ones too)."""
        return await self._get(id, include=include)

    async def create(self, **fields: Any) -> Task:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Task:
        """Change the given fields, losing nothing else."""
        return await self._update(id, fields)

    async def save(self, record: Task) -> Task:
        """Write a whole Task back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Task:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Task:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Task:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class ProductsResource(Resource[Product]):
    """``/api/v1/products``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Product]:
        """List products (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Product]:
        """Every product changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int) -> Product:
        """Fetch one product by id (archived and deleted ones too)."""
        return await self._get(id)

    async def create(self, **fields: Any) -> Product:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Product:
        """Change the given fields, losing nothing else. The server would drop or reset notes, cost, qty,
        product_key when absent, so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Product) -> Product:
        """Write a whole Product back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Product:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Product:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Product:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class ProjectsResource(Resource[Project]):
    """``/api/v1/projects``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Project]:
        """List projects (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Project]:
        """Every project changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int) -> Project:
        """Fetch one project by id (archived and deleted ones too)."""
        return await self._get(id)

    async def create(self, **fields: Any) -> Project:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Project:
        """Change the given fields, losing nothing else. The server would drop or reset name when absent,
        so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Project) -> Project:
        """Write a whole Project back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Project:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Project:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Project:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class TaxRatesResource(Resource[TaxRate]):
    """``/api/v1/tax_rates``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[TaxRate]:
        """List tax rates (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[TaxRate]:
        """Every tax rate changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int) -> TaxRate:
        """Fetch one tax rate by id (archived and deleted ones too)."""
        return await self._get(id)

    async def create(self, **fields: Any) -> TaxRate:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> TaxRate:
        """Change the given fields, losing nothing else. The server would drop or reset name, rate when
        absent, so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: TaxRate) -> TaxRate:
        """Write a whole TaxRate back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> TaxRate:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> TaxRate:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> TaxRate:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class UsersResource(Resource[User]):
    """``/api/v1/users``: list, sync."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[User]:
        """List users (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[User]:
        """Every user changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)


class ExpensesResource(Resource[Expense]):
    """``/api/v1/expenses``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["documents"]] = (),
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Expense]:
        """List expenses (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include=include,
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Expense]:
        """Every expense changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int, *, include: Sequence[Literal["documents"]] = ()) -> Expense:
        """Fetch one expense by id (archived and deleted ones too)."""
        return await self._get(id, include=include)

    async def create(self, **fields: Any) -> Expense:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Expense:
        """Change the given fields, losing nothing else."""
        return await self._update(id, fields)

    async def save(self, record: Expense) -> Expense:
        """Write a whole Expense back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Expense:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Expense:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Expense:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class DocumentsResource(Resource[Document]):
    """``/api/v1/documents``: delete, download, list, upload."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Document]:
        """List documents (ordered by unspecified).

        This resource has no archived state. Filters: ``updated_at``; ``updated_at`` is inclusive (records
        updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at},
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    async def delete(self, id: int) -> Document:
        """Delete it for good (a hard delete)."""
        return await self._delete(id)

    @overload
    async def download(
        self, id: int, *, to: None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes: ...

    @overload
    async def download(
        self, id: int, *, to: str | Path, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> Path: ...

    async def download(
        self, id: int, *, to: str | Path | None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes | Path:
        """The file: as bytes, or streamed to ``to`` and that path returned.

        ``to`` is a file, or a directory to save under the server's filename. A body over ``max_bytes`` is
        refused.
        """
        return await self._download(id, to=to, max_bytes=max_bytes)

    async def upload(
        self,
        file: str | Path | bytes,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        invoice_id: int | None = None,
        expense_id: int | None = None,
    ) -> Document:
        """Upload a file (multipart), optionally attached to an invoice or an expense."""
        return await self._upload(
            file,
            filename=filename,
            content_type=content_type,
            fields={"invoice_id": invoice_id, "expense_id": expense_id},
        )


class VendorsResource(Resource[Vendor]):
    """``/api/v1/vendors``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[Vendor]:
        """List vendors (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[Vendor]:
        """Every vendor changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def get(self, id: int) -> Vendor:
        """Fetch one vendor by id (archived and deleted ones too)."""
        return await self._get(id)

    async def create(self, **fields: Any) -> Vendor:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> Vendor:
        """Change the given fields, losing nothing else. The server would drop or reset vendor_contacts,
        name when absent, so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: Vendor) -> Vendor:
        """Write a whole Vendor back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)

    async def archive(self, id: int) -> Vendor:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)

    async def restore(self, id: int) -> Vendor:
        """Restore it from archived or deleted."""
        return await self._action(id, Op.RESTORE)

    async def delete(self, id: int) -> Vendor:
        """Delete it (soft: still listed)."""
        return await self._delete(id)


class ExpenseCategoriesResource(Resource[ExpenseCategory]):
    """``/api/v1/expense_categories``: create, list, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[ExpenseCategory]:
        """List expense categories (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {"updated_at": updated_at},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[ExpenseCategory]:
        """Every expense category changed at or after ``since``, missing none while the list shifts.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it
        for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)

    async def create(self, **fields: Any) -> ExpenseCategory:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def update(self, id: int, **fields: Any) -> ExpenseCategory:
        """Change the given fields, losing nothing else. The server would drop or reset name when absent,
        so the current values are read and sent for any you leave out.
        """
        return await self._update(id, fields)

    async def save(self, record: ExpenseCategory) -> ExpenseCategory:
        """Write a whole ExpenseCategory back (unknown server fields included), e.g. after editing one."""
        return await self._save(record)


class PaymentTermsResource(Resource[PaymentTerm]):
    """``/api/v1/payment_terms``: create, delete, list."""

    def list(
        self,
        *,
        active_only: bool = False,
        filter_active: bool | None = None,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
    ) -> Paginator[PaymentTerm]:
        """List payment terms (ordered by num_days asc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: none; ``updated_at`` is inclusive
        (records updated at or after it).

        Await the result for the first page, or iterate it for every item: pages after the first are
        fetched ``concurrency`` at a time.
        """
        return self._list(
            {},
            active_only=active_only if filter_active is None else filter_active,
            per_page=per_page,
            concurrency=concurrency,
            ordered=ordered,
        )

    async def create(self, **fields: Any) -> PaymentTerm:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted)."""
        return await self._create(fields)

    async def delete(self, num_days: int) -> PaymentTerm:
        """Archive the term with this ``num_days`` (how v4 addresses terms)."""
        return await self._delete(num_days)


class Resources:
    """Every resource of the table, as typed attributes (mixed into `NinjaClient`)."""

    clients: ClientsResource
    contacts: ContactsResource
    invoices: InvoicesResource
    quotes: QuotesResource
    payments: PaymentsResource
    credits: CreditsResource
    tasks: TasksResource
    products: ProductsResource
    projects: ProjectsResource
    tax_rates: TaxRatesResource
    users: UsersResource
    expenses: ExpensesResource
    documents: DocumentsResource
    vendors: VendorsResource
    expense_categories: ExpenseCategoriesResource
    payment_terms: PaymentTermsResource

    def _attach_resources(self, request: Requester, *, strict: bool = False) -> None:
        self.clients = ClientsResource(ENDPOINTS["clients"], request, strict=strict)
        self.contacts = ContactsResource(ENDPOINTS["contacts"], request, strict=strict)
        self.invoices = InvoicesResource(ENDPOINTS["invoices"], request, strict=strict)
        self.quotes = QuotesResource(ENDPOINTS["quotes"], request, strict=strict)
        self.payments = PaymentsResource(ENDPOINTS["payments"], request, strict=strict)
        self.credits = CreditsResource(ENDPOINTS["credits"], request, strict=strict)
        self.tasks = TasksResource(ENDPOINTS["tasks"], request, strict=strict)
        self.products = ProductsResource(ENDPOINTS["products"], request, strict=strict)
        self.projects = ProjectsResource(ENDPOINTS["projects"], request, strict=strict)
        self.tax_rates = TaxRatesResource(ENDPOINTS["tax_rates"], request, strict=strict)
        self.users = UsersResource(ENDPOINTS["users"], request, strict=strict)
        self.expenses = ExpensesResource(ENDPOINTS["expenses"], request, strict=strict)
        self.documents = DocumentsResource(ENDPOINTS["documents"], request, strict=strict)
        self.vendors = VendorsResource(ENDPOINTS["vendors"], request, strict=strict)
        self.expense_categories = ExpenseCategoriesResource(
            ENDPOINTS["expense_categories"], request, strict=strict
        )
        self.payment_terms = PaymentTermsResource(ENDPOINTS["payment_terms"], request, strict=strict)
