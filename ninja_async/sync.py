"""Incremental sync that misses nothing while the server's list shifts under it.

The problem: a v4 list is ordered by a timestamp and paged by number. A record updated while a long read
is under way moves to the front of an ``updated_at desc`` list; if that happens after the reader passed the
front, the record is never seen, and every record between its old and new place moves back one slot (so
some are seen twice). New records go to the front too (duplicates only). Soft deletes are updates.

The algorithm, per resource:

1. **Pass 1** reads ``updated_at >= since`` with concurrent pages, de-duplicating by id. Before anything
   else it notes ``T``, the newest ``updated_at`` on the first page: every change that can still slip past
   the reader happens after page 1 was served, so it carries an ``updated_at >= T`` (the server stamps
   whole seconds, and the filter is inclusive, so even the same second is covered).
2. **Catch-up passes** read ``updated_at >= T`` again (usually one short page), each noting its own ``T``
   the same way. A pass that brings nothing new (no unseen id, no newer ``updated_at``) proves the data
   stable up to its own first page: the sync is complete.
3. The **cursor** returned is the last pass's ``T``, never the newest timestamp seen: a record changed
   during the last pass may carry a timestamp older than some record that pass returned, and the next
   sync must still reach it. So the next ``sync(since=cursor)`` may repeat a few records; it never skips
   one.

Records are yielded as they arrive; one is yielded again only if it changed during the sync (a newer
``updated_at``), so a consumer that upserts by id ends with the server's state. When churn never settles,
the sync stops after ``max_passes`` with ``complete`` False; its cursor still guarantees the next sync
continues without a gap.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator
from typing import Any, Generic, TypeVar

import attrs

from .pagination import Paginator

__all__ = ["Sync", "SyncResult"]

M = TypeVar("M")

DEFAULT_MAX_PASSES = 5


@attrs.frozen
class SyncResult(Generic[M]):
    """The records of a finished sync (latest version of each) and the cursor for the next one."""

    records: list[M]
    cursor: int
    complete: bool
    passes: int


def _stamp(record: Any) -> int:
    value = record.get("updated_at") if isinstance(record, dict) else getattr(record, "updated_at", None)
    return value if isinstance(value, int) else 0


def _key(record: Any) -> object:
    return record.get("id") if isinstance(record, dict) else getattr(record, "id", None)


class Sync(Generic[M]):
    """``async for record in sync`` then ``sync.cursor``; or ``result = await sync`` (a `SyncResult`)."""

    def __init__(
        self, list_since: Callable[[int], Paginator[M]], since: int, *, max_passes: int = DEFAULT_MAX_PASSES
    ) -> None:
        if max_passes < 1:
            raise ValueError(f"max_passes must be at least 1, got {max_passes!r}")
        self._list_since = list_since
        self.since = since
        self.max_passes = max_passes
        self.cursor = since
        self.complete = False
        self.passes = 0
        self.yielded = 0
        self.total: int | None = None  # records matching ``since`` when the sync began

    def __aiter__(self) -> AsyncIterator[M]:
        return self._records()

    async def _records(self) -> AsyncGenerator[M, None]:
        seen: dict[object, int] = {}
        threshold = self.since
        self.passes = 0
        self.complete = False
        while self.passes < self.max_passes:
            self.passes += 1
            changed = 0
            paginator = self._list_since(threshold)
            first = await paginator
            if self.passes == 1:
                self.total = first.total
            next_threshold = max((_stamp(item) for item in first.items), default=threshold)
            async with contextlib.aclosing(aiter(paginator)) as records:
                async for record in records:
                    key, stamp = _key(record), _stamp(record)
                    if key in seen and seen[key] >= stamp:
                        continue
                    seen[key] = stamp
                    changed += 1
                    self.yielded += 1
                    yield record
            threshold = max(threshold, next_threshold)
            self.cursor = threshold
            if changed == 0:
                self.complete = True
                return

    def __await__(self) -> Generator[Any, None, SyncResult[M]]:
        return self._collect().__await__()

    async def _collect(self) -> SyncResult[M]:
        latest: dict[object, M] = {}
        async for record in self:
            latest[_key(record)] = record
        return SyncResult(list(latest.values()), self.cursor, self.complete, self.passes)
