"""Request input as Laravel's `input()` sees it: query string and body merged, body winning.

JSON bodies are read only for `/json` or `+json` content types; form and multipart bodies and
the query string use PHP's bracket syntax (`contacts[0][email]=…`, `document_ids[]=1`).
The helpers reproduce PHP's notions of "empty" and "filled" that the controllers rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

_BRACKETS = re.compile(r"\[([^\]]*)\]")


def php_empty(value: Any) -> bool:
    """PHP `empty()`: null, false, 0, "", "0" and empty arrays."""
    return value is None or value is False or value == 0 or value in ("", "0") or value == [] or value == {}


def truthy(value: Any) -> bool:
    return not php_empty(value)


def blank(value: Any) -> bool:
    """Laravel `blank()`: null, whitespace-only strings and empty arrays (but not "0" or 0)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    return isinstance(value, list | dict) and not value


def to_int(value: Any) -> int:
    """PHP `(int)` of a scalar: leading digits of a string, else 0."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return int(value)
    match = re.match(r"\s*[-+]?\d+", str(value)) if value is not None else None
    return int(match.group()) if match else 0


def to_float(value: Any) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def _listify(node: Any) -> Any:
    if isinstance(node, dict):
        node = {k: _listify(v) for k, v in node.items()}
        if node and list(node) == [str(i) for i in range(len(node))]:
            return list(node.values())
    return node


def php_parse(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Build PHP's nested `$_GET`/`$_POST` arrays from flat bracketed keys."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        name, _, rest = key.partition("[")
        path = [name] + (_BRACKETS.findall("[" + rest) if rest else [])
        node = out
        for depth, part in enumerate(path):
            part = part or str(len(node))
            if depth == len(path) - 1:
                node[part] = value
            else:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = node[part] = {}
                node = child
    result: dict[str, Any] = _listify(out)
    return result


@dataclass
class Input:
    """The merged input of one request, plus uploaded files."""

    data: dict[str, Any]
    files: dict[str, web.FileField] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def has(self, key: str) -> bool:
        return key in self.data

    def filled(self, key: str) -> bool:
        return key in self.data and not blank(self.data[key])

    def text(self, key: str) -> str:
        value = self.data.get(key)
        return "" if value is None else str(value)


async def read_input(request: web.Request) -> Input:
    """Parse the query and the body; an unparsable JSON body counts as empty, as in Laravel."""
    query = php_parse(request.query.items())
    body: dict[str, Any] = {}
    files: dict[str, web.FileField] = {}
    content_type = request.headers.get("Content-Type", "").lower()
    if request.body_exists:
        if "/json" in content_type or "+json" in content_type:
            try:
                parsed = orjson.loads(await request.read())
            except orjson.JSONDecodeError:
                parsed = None
            body = parsed if isinstance(parsed, dict) else {}
        elif content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            fields: list[tuple[str, Any]] = []
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = value
                else:
                    fields.append((key, value))
            body = php_parse(fields)
    return Input({**query, **body}, files)


def entity_id(inp: Input, entity: str, route_value: str | None) -> Any:
    """`EntityRequest::entity()`'s id: `{entity}_id`, the route parameter, `public_id`, then `id`."""
    for value in (inp.get(f"{entity}_id"), route_value, inp.get("public_id"), inp.get("id")):
        if not php_empty(value):
            return value
    return None
