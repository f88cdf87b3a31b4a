"""Export a resource to JSON Lines, incrementally: the job behind ``ninja-async export`` and the demo.

Records are written as the server sent them (unknown fields included), one JSON object per line, as they
arrive. Resources that support `sync` are read with it, so records changed during the export are not
missed; the cursor it returns is stored beside the output (``FILE.cursor``) only once the export finished,
and the next run resumes from it, appending. A run killed half-way therefore repeats some records on the
next run rather than losing any: readers of the file keep the last line per id.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import attrs
import orjson

from .client import NinjaClient
from .endpoints import ENDPOINTS, Op
from .models import unstructure
from .pagination import Paginator
from .progress import Progress
from .sync import Sync

__all__ = ["ExportResult", "cursor_path", "export_resource", "read_cursor"]


@attrs.frozen
class ExportResult:
    resource: str
    records: int
    pages: int
    seconds: float
    cursor: int | None
    complete: bool
    path: Path

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def cursor_path(out: Path) -> Path:
    return out.with_name(out.name + ".cursor")


def read_cursor(out: Path, resource: str) -> int | None:
    """The cursor a finished export of ``resource`` into ``out`` left behind, if any."""
    try:
        saved = orjson.loads(cursor_path(out).read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return None
    if not isinstance(saved, dict) or saved.get("resource") != resource:
        return None
    cursor = saved.get("cursor")
    return cursor if isinstance(cursor, int) else None


def _write_cursor(out: Path, resource: str, cursor: int) -> None:
    fd, temporary = tempfile.mkstemp(prefix=".cursor-", dir=out.parent)
    with os.fdopen(fd, "wb") as sink:
        sink.write(orjson.dumps({"resource": resource, "cursor": cursor}))
    os.replace(temporary, cursor_path(out))


async def export_resource(
    ninja: NinjaClient,
    resource: str,
    out: Path,
    *,
    since: int | None = None,
    per_page: int = 100,
    concurrency: int = 8,
    progress: Progress | None = None,
) -> ExportResult:
    """Append ``resource``'s records changed since ``since`` to ``out`` (default: resume from its cursor)."""
    row = ENDPOINTS.get(resource)
    if row is None or Op.LIST not in row.ops:
        raise ValueError(f"cannot export {resource!r}; choose one of {', '.join(sorted(ENDPOINTS))}")
    if since is None:
        since = read_cursor(out, resource)
    target = getattr(ninja, resource)
    progress = progress or Progress(resource)
    source: Sync[Any] | Paginator[Any] = (
        target.sync(since or 0, per_page=per_page, concurrency=concurrency)
        if Op.SYNC in row.ops
        else target.list(per_page=per_page, concurrency=concurrency)
    )
    count = 0
    with out.open("ab") as sink:
        async for record in source:
            if progress.total is None and source.total is not None:
                progress.set_total(source.total)
            sink.write(orjson.dumps(unstructure(record), option=orjson.OPT_APPEND_NEWLINE))
            count += 1
            progress.advance(1)
    progress.close()
    cursor, complete = None, True
    if isinstance(source, Sync):
        cursor, complete = source.cursor, source.complete
        _write_cursor(out, resource, cursor)
    pages = -(-count // per_page) if count else 0
    return ExportResult(resource, count, pages, progress.elapsed, cursor, complete, out)
