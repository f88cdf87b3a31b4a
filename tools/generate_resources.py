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
from typing import Literal, Unpack

from ..endpoints import ENDPOINTS
from ..models import {models}
from ..pagination import Paginator
from .base import ActiveOptions, PageOptions, Requester, Resource, Since
from .operations import {mixins}

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
        extra_args.append("include")
    options = "ActiveOptions" if row.soft_deletes else "PageOptions"
    if params:
        params.insert(0, "        *,")
    params.append(f"        **options: Unpack[{options}],")
    extra_args.append("**options")
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
        *params,
        f"    ) -> Paginator[{model}]:",
        doc(
            f"List {plural_words(row)} (ordered by {row.ordering}).",
            f"{state} Filters: {filters}; ``updated_at`` is inclusive (records updated at or after it).",
            "Await the result for the first page, or iterate it for every item; paging options are "
            f"`{options}`.",
        ),
        "        return self._list(",
        f"            {{{passing}}},",
        f"            {', '.join(extra_args)},",
        "        )",
    ]
    return "\n".join(lines)


def get_with_includes_method(row: Endpoint) -> str:
    return (
        f"    async def get(self, id: int, *, include: {include_type(row)} = ()) -> {model_name(row)}:\n"
        + doc(f"Fetch one {singular(row)} by id (archived and deleted ones too), with ``include`` relations.")
        + "\n"
        "        return await self._get(id, include=include)"
    )


MIXINS = {
    Op.SYNC: "Syncable",
    Op.CREATE: "Creatable",
    Op.UPDATE: "Updatable",
    Op.ARCHIVE: "Archivable",
    Op.RESTORE: "Restorable",
    Op.DELETE: "Deletable",
    Op.MARK_SENT: "SentMarkable",
    Op.MARK_PAID: "PaidMarkable",
    Op.CONVERT: "Convertible",
    Op.EMAIL: "Emailable",
    Op.DOWNLOAD: "Downloadable",
    Op.UPLOAD: "Uploadable",
    Op.TIMER: "Timed",
}


def delete_by_key_method(row: Endpoint) -> str:
    """Payment terms are deleted by ``num_days``, not by an id (spec §1.2)."""
    return (
        f"    async def delete(self, {row.key}: int) -> {model_name(row)}:\n"
        + doc(f"Archive the term with this ``{row.key}`` (v4 addresses terms by it; defaults refuse).")
        + "\n"
        f"        return await self._delete({row.key})"
    )


def bases(row: Endpoint) -> list[str]:
    model = model_name(row)
    keyed_delete = row.key != "id"  # generated instead: its parameter is not an id
    mixins = [name for op, name in MIXINS.items() if op in row.ops and not (op is Op.DELETE and keyed_delete)]
    if Op.GET in row.ops and not row.includes:  # with includes, get() is generated: they differ per resource
        mixins.insert(0, "Gettable")
    return [f"{name}[{model}]" for name in mixins] + [f"Resource[{model}]"]


def resource_class(row: Endpoint) -> str:
    methods: list[str] = []
    if Op.LIST in row.ops:
        methods.append(list_method(row))
    if Op.GET in row.ops and row.includes:
        methods.append(get_with_includes_method(row))
    if Op.DELETE in row.ops and row.key != "id":
        methods.append(delete_by_key_method(row))
    body = "\n\n".join(methods)
    operations = ", ".join(sorted(op.value for op in row.ops))
    return (
        f"class {class_name(row)}({', '.join(bases(row))}):\n"
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
    mixins = ", ".join(sorted([*MIXINS.values(), "Gettable"]))
    parts = [HEADER.format(models=models, names=names, mixins=mixins)]
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
