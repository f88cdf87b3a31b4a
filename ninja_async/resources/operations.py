"""One small mixin per operation whose signature is the same for every resource that has it.

The generated classes combine the mixins a row's ``ops`` call for (``class InvoicesResource(
Creatable[Invoice], Archivable[Invoice], ..., Resource[Invoice])``), so mypy sees ``archive(id) -> Invoice``
while each method is written once. Only ``list``, ``get`` and ``sync`` (whose filters and includes differ
per resource) are generated per class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, overload

from ..endpoints import Op
from ..files import DEFAULT_MAX_DOWNLOAD
from ..pagination import DEFAULT_PAGE_CONCURRENCY
from ..sync import DEFAULT_MAX_PASSES, Sync
from .base import DEFAULT_PER_PAGE, M, Resource, Since

__all__ = [
    "Archivable",
    "Convertible",
    "Creatable",
    "Deletable",
    "Downloadable",
    "Emailable",
    "Gettable",
    "PaidMarkable",
    "Restorable",
    "SentMarkable",
    "Syncable",
    "Timed",
    "Updatable",
    "Uploadable",
]


class Gettable(Resource[M]):
    async def get(self, id: int) -> M:
        """Fetch one record by id (archived and deleted ones too)."""
        return await self._get(id)


class Syncable(Resource[M]):
    def sync(
        self,
        since: Since = 0,
        *,
        per_page: int = DEFAULT_PER_PAGE,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        max_passes: int = DEFAULT_MAX_PASSES,
    ) -> Sync[M]:
        """Every record changed at or after ``since``, missing none while the list shifts under the read.

        Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await it for
        a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.
        """
        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)


class Creatable(Resource[M]):
    async def create(self, **fields: Any) -> M:
        """Create one; ``fields`` are the v4 wire names (models and dates are converted for you).

        Quotes get ``is_quote`` set. An invoice ``email`` that matches no client creates one (spec §6.2).
        """
        return await self._create(fields)


class Updatable(Resource[M]):
    async def update(self, id: int, **fields: Any) -> M:
        """Change the given fields, losing nothing else.

        Where a v4 PUT would drop or reset what it is not sent (client and vendor contacts, invoice items,
        invoice terms and notes, product notes/cost/qty), the record is read first and those values sent.
        """
        return await self._update(id, fields)

    async def save(self, record: M) -> M:
        """Write a whole record back (unknown server fields included), e.g. after editing a fetched one."""
        return await self._save(record)


class Archivable(Resource[M]):
    async def archive(self, id: int) -> M:
        """Archive it (``?action=archive``); archived records stay listed and fetchable."""
        return await self._action(id, Op.ARCHIVE)


class Restorable(Resource[M]):
    async def restore(self, id: int) -> M:
        """Restore it from archived or deleted (``?action=restore``)."""
        return await self._action(id, Op.RESTORE)


class Deletable(Resource[M]):
    async def delete(self, id: int) -> M:
        """Delete it: soft (``is_deleted``, still listed) for every resource except documents (hard)."""
        return await self._delete(id)


class SentMarkable(Resource[M]):
    async def mark_sent(self, id: int) -> M:
        """Mark it sent (``?action=markSent``): status 2 and public."""
        return await self._action(id, Op.MARK_SENT)


class PaidMarkable(Resource[M]):
    async def mark_paid(self, id: int) -> M:
        """Mark it paid (wire name ``markPaid``): a payment for the balance. v4 may answer the old balance."""
        return await self._action(id, Op.MARK_PAID)


class Convertible(Resource[M]):
    async def convert(self, id: int) -> M:
        """Convert a quote into a new invoice (``?action=convert``) and return that new invoice."""
        return await self._action(id, Op.CONVERT)


class Timed(Resource[M]):
    async def start(self, id: int) -> M:
        """Start (or resume) the task's timer: a new ``[now, false]`` entry in its ``time_log``."""
        return await self._timer(id, "start")

    async def stop(self, id: int) -> M:
        """Stop the task's running timer."""
        return await self._timer(id, "stop")


class Emailable(Resource[M]):
    async def email(
        self,
        id: int,
        *,
        reminder: Literal["reminder1", "reminder2", "reminder3"] | None = None,
        template: str | None = None,
    ) -> None:
        """Email it to the client (``POST /email_invoice``), optionally as a reminder."""
        await self._email(id, reminder=reminder, template=template)


class Downloadable(Resource[M]):
    @overload
    async def download(self, id: int, *, to: None = None, max_bytes: int | None = ...) -> bytes: ...

    @overload
    async def download(self, id: int, *, to: str | Path, max_bytes: int | None = ...) -> Path: ...

    async def download(
        self, id: int, *, to: str | Path | None = None, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD
    ) -> bytes | Path:
        """Its file (an invoice's PDF), as bytes or streamed to ``to`` and that path returned.

        ``to`` is a file, or a directory to save under the server's filename. A body over ``max_bytes``
        is refused (pass None to lift the cap).
        """
        return await self._download(id, to=to, max_bytes=max_bytes)


class Uploadable(Resource[M]):
    async def upload(
        self,
        file: str | Path | bytes,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        invoice_id: int | None = None,
        expense_id: int | None = None,
    ) -> M:
        """Upload a file (multipart), optionally attached to an invoice or an expense."""
        return await self._upload(
            file,
            filename=filename,
            content_type=content_type,
            fields={"invoice_id": invoice_id, "expense_id": expense_id},
        )
