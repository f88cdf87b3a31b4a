"""Write ninja_async/resources/_generated.py from the endpoint table.

    python tools/generate_resources.py           # rewrite the module
    python tools/generate_resources.py --check   # exit 1 if the committed module is out of date

The table (ninja_async/endpoints.py) is the single source of truth; this script only turns each row into
a class whose methods carry real signatures for mypy and IDEs, and delegate to the generic `Resource`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ninja_async.endpoints import ENDPOINTS, FILTER_TYPES, Endpoint, Op  # noqa: E402

TARGET = ROOT / "ninja_async" / "resources" / "_generated.py"

HEADER = '''"""Typed resource classes, one per row of the endpoint table. GENERATED: do not edit.

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
from ..models import {models}
from ..pagination import DEFAULT_PAGE_CONCURRENCY, Paginator
from ..sync import DEFAULT_MAX_PASSES, Sync
from .base import DEFAULT_PER_PAGE, Requester, Resource, Since

__all__ = [{names}]
'''


def doc(*paragraphs: str, indent: str = "        ") -> str:
    """A docstring: the first paragraph is the summary; every paragraph is wrapped to the line length."""
    quote = '"""'
    wrapped = [
        textwrap.fill(text, 106, initial_indent=indent + (quote if i == 0 else ""), subsequent_indent=indent)
        for i, text in enumerate(paragraphs)
    ]
    text = "\n\n".join(wrapped)
    return text + (quote if "\n" not in text else f"\n{indent}{quote}")


def class_name(row: Endpoint) -> str:
    return "".join(part.title() for part in row.name.split("_")) + "Resource"


def model_name(row: Endpoint) -> str:
    return row.model.__name__


def singular(row: Endpoint) -> str:
    return row.entity.replace("_", " ")


def plural_words(row: Endpoint) -> str:
    return row.name.replace("_", " ")


def include_type(row: Endpoint) -> str:
    literal = ", ".join(f'"{name}"' for name in row.includes)
    return f"Sequence[Literal[{literal}]]"


def list_method(row: Endpoint) -> str:
    model = model_name(row)
    params = [f"        {name}: {FILTER_TYPES[name]} = None," for name in row.filters]
    passing = ", ".join(f'"{name}": {name}' for name in row.filters)
    extra_args = []
    if row.includes:
        params.append(f"        include: {include_type(row)} = (),")
        extra_args.append("include=include")
    if row.soft_deletes:
        params.append("        active_only: bool = False,")
        params.append("        filter_active: bool | None = None,")
        extra_args.append("active_only=active_only if filter_active is None else filter_active")
    params += [
        "        per_page: int = DEFAULT_PER_PAGE,",
        "        concurrency: int = DEFAULT_PAGE_CONCURRENCY,",
        "        ordered: bool = True,",
    ]
    extra_args += ["per_page=per_page", "concurrency=concurrency", "ordered=ordered"]
    state = (
        "Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` "
        "(wire name ``filter_active``, also accepted) leaves them out."
        if row.soft_deletes
        else "This resource has no archived state."
    )
    filters = ", ".join(f"``{name}``" for name in row.filters) or "none"
    lines = [
        "    def list(",
        "        self,",
        "        *,",
        *params,
        f"    ) -> Paginator[{model}]:",
        doc(
            f"List {plural_words(row)} (ordered by {row.ordering}).",
            f"{state} Filters: {filters}; ``updated_at`` is inclusive (records updated at or after it).",
            "Await the result for the first page, or iterate it for every item: pages after the first are "
            "fetched ``concurrency`` at a time.",
        ),
        "        return self._list(",
        f"            {{{passing}}},",
        f"            {', '.join(extra_args)},",
        "        )",
    ]
    return "\n".join(lines)


def sync_method(row: Endpoint) -> str:
    model = model_name(row)
    return (
        "    def sync(\n"
        "        self,\n"
        "        since: Since = 0,\n"
        "        *,\n"
        "        per_page: int = DEFAULT_PER_PAGE,\n"
        "        concurrency: int = DEFAULT_PAGE_CONCURRENCY,\n"
        "        max_passes: int = DEFAULT_MAX_PASSES,\n"
        f"    ) -> Sync[{model}]:\n"
        + doc(
            f"Every {singular(row)} changed at or after ``since``, missing none while the list shifts.",
            "Iterate it for the records, then read ``.cursor`` and pass it as ``since`` next time; or await"
            " it for a `SyncResult`. See `ninja_async.sync` for the algorithm and its guarantee.",
        )
        + "\n"
        "        return self._sync(since, per_page=per_page, concurrency=concurrency, max_passes=max_passes)"
    )


def get_method(row: Endpoint) -> str:
    model = model_name(row)
    include = f", *, include: {include_type(row)} = ()" if row.includes else ""
    call = "id, include=include" if row.includes else "id"
    return (
        f"    async def get(self, id: int{include}) -> {model}:\n"
        + doc(f"Fetch one {singular(row)} by id (archived and deleted ones too).")
        + "\n"
        f"        return await self._get({call})"
    )


def create_method(row: Endpoint) -> str:
    note = " as a quote (``is_quote`` is set for you)" if row.create_defaults.get("is_quote") else ""
    return (
        f"    async def create(self, **fields: Any) -> {model_name(row)}:\n"
        f"{doc(f'Create one{note}; ``fields`` are the v4 wire names (models and dates are converted).')}\n"
        "        return await self._create(fields)"
    )


def update_methods(row: Endpoint) -> str:
    model = model_name(row)
    kept = ", ".join(row.put_needs_current_state)
    lossless = (
        f" The server would drop or reset {kept} when absent, so the current values are read and sent"
        " for any you leave out."
        if kept
        else ""
    )
    return (
        f"    async def update(self, id: int, **fields: Any) -> {model}:\n"
        f"{doc(f'Change the given fields, losing nothing else.{lossless}')}\n"
        "        return await self._update(id, fields)\n"
        "\n"
        f"    async def save(self, record: {model}) -> {model}:\n"
        f"{doc(f'Write a whole {model} back (unknown server fields included), e.g. after editing one.')}\n"
        "        return await self._save(record)"
    )


ACTION_DOCS = {
    Op.ARCHIVE: "Archive it (``?action=archive``); archived records stay listed and fetchable.",
    Op.RESTORE: "Restore it from archived or deleted.",
    Op.MARK_SENT: "Mark it sent (``?action=markSent``): status 2 and public.",
    Op.MARK_PAID: (
        "Mark it paid (wire name ``markPaid``): creates a payment for the balance. v4 may still answer with"
        " the old balance."
    ),
    Op.CONVERT: "Convert a quote into a new invoice (``?action=convert``) and return that invoice.",
}


def action_method(row: Endpoint, op: Op) -> str:
    return (
        f"    async def {op.value}(self, id: int) -> {model_name(row)}:\n"
        f"{doc(ACTION_DOCS[op])}\n"
        f"        return await self._action(id, Op.{op.name})"
    )


def delete_method(row: Endpoint) -> str:
    if row.key != "id":
        return (
            f"    async def delete(self, {row.key}: int) -> {model_name(row)}:\n"
            f'        """Archive the term with this ``{row.key}`` (how v4 addresses terms)."""\n'
            f"        return await self._delete({row.key})"
        )
    what = "Delete it for good (a hard delete)" if not row.soft_deletes else "Delete it (soft: still listed)"
    return (
        f"    async def delete(self, id: int) -> {model_name(row)}:\n"
        f'        """{what}."""\n'
        "        return await self._delete(id)"
    )


def email_method(row: Endpoint) -> str:
    return (
        "    async def email(\n"
        "        self,\n"
        "        id: int,\n"
        "        *,\n"
        '        reminder: Literal["reminder1", "reminder2", "reminder3"] | None = None,\n'
        "        template: str | None = None,\n"
        "    ) -> None:\n"
        '        """Email it to the client (``POST /email_invoice``), optionally as a reminder."""\n'
        "        await self._email(id, reminder=reminder, template=template)"
    )


def download_method(row: Endpoint) -> str:
    what = "the PDF" if row.download_path == "download" else "the file"
    sig = "self, id: int, *, to: {to}, max_bytes: int | None = DEFAULT_MAX_DOWNLOAD"
    return (
        "    @overload\n"
        f"    async def download({sig.format(to='None = None')}) -> bytes: ...\n"
        "\n"
        "    @overload\n"
        f"    async def download({sig.format(to='str | Path')}) -> Path: ...\n"
        "\n"
        f"    async def download({sig.format(to='str | Path | None = None')}) -> bytes | Path:\n"
        + doc(
            f"{what[0].upper() + what[1:]}: as bytes, or streamed to ``to`` and that path returned.",
            "``to`` is a file, or a directory to save under the server's filename. A body over ``max_bytes`` "
            "is refused.",
        )
        + "\n"
        "        return await self._download(id, to=to, max_bytes=max_bytes)"
    )


def upload_method(row: Endpoint) -> str:
    return (
        "    async def upload(\n"
        "        self,\n"
        "        file: str | Path | bytes,\n"
        "        *,\n"
        "        filename: str | None = None,\n"
        "        content_type: str | None = None,\n"
        "        invoice_id: int | None = None,\n"
        "        expense_id: int | None = None,\n"
        f"    ) -> {model_name(row)}:\n"
        '        """Upload a file (multipart), optionally attached to an invoice or an expense."""\n'
        "        return await self._upload(\n"
        "            file,\n"
        "            filename=filename,\n"
        "            content_type=content_type,\n"
        '            fields={"invoice_id": invoice_id, "expense_id": expense_id},\n'
        "        )"
    )


def resource_class(row: Endpoint) -> str:
    methods: list[str] = []
    if Op.LIST in row.ops:
        methods.append(list_method(row))
    if Op.SYNC in row.ops:
        methods.append(sync_method(row))
    if Op.GET in row.ops:
        methods.append(get_method(row))
    if Op.CREATE in row.ops:
        methods.append(create_method(row))
    if Op.UPDATE in row.ops:
        methods.append(update_methods(row))
    for op in (Op.ARCHIVE, Op.RESTORE):
        if op in row.ops:
            methods.append(action_method(row, op))
    if Op.DELETE in row.ops:
        methods.append(delete_method(row))
    for op in (Op.MARK_SENT, Op.MARK_PAID, Op.CONVERT):
        if op in row.ops:
            methods.append(action_method(row, op))
    if Op.EMAIL in row.ops:
        methods.append(email_method(row))
    if Op.DOWNLOAD in row.ops:
        methods.append(download_method(row))
    if Op.UPLOAD in row.ops:
        methods.append(upload_method(row))
    body = "\n\n".join(methods)
    operations = ", ".join(sorted(op.value for op in row.ops))
    return (
        f"class {class_name(row)}(Resource[{model_name(row)}]):\n"
        + doc(f"``/api/v1/{row.path}``: {operations}.", indent="    ")
        + "\n"
        "\n"
        f"{body}\n"
    )


def resource_set() -> str:
    lines = [
        "class Resources:",
        '    """Every resource of the table, as typed attributes (mixed into `NinjaClient`)."""',
        "",
    ]
    lines += [f"    {row.name}: {class_name(row)}" for row in ENDPOINTS.values()]
    lines += [
        "",
        "    def _attach_resources(self, request: Requester, *, strict: bool = False) -> None:",
    ]
    lines += [
        f'        self.{row.name} = {class_name(row)}(ENDPOINTS["{row.name}"], request, strict=strict)'
        for row in ENDPOINTS.values()
    ]
    return "\n".join(lines) + "\n"


def formatted(source: str) -> str:
    """The project's formatter applied to the generated source, so it is exactly what ruff expects."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(TARGET), "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout


def render() -> str:
    rows = list(ENDPOINTS.values())
    models = ", ".join(sorted({model_name(row) for row in rows}))
    names = ", ".join(f'"{n}"' for n in sorted([class_name(row) for row in rows] + ["Resources"]))
    parts = [HEADER.format(models=models, names=names)]
    parts += [resource_class(row) for row in rows]
    parts.append(resource_set())
    return formatted("\n\n".join(parts))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if the committed module is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        if TARGET.read_text() != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python tools/generate_resources.py")
            return 1
        return 0
    TARGET.write_text(text)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
