"""Reading v4 response bodies: JSON, the ``data`` envelope and ``meta.pagination``. Pure functions, no I/O.

Anything that is not what the API promises becomes a `ResponseDecodeError` naming where it went wrong, with
the start of the raw body kept on the error: never a ``KeyError`` from deep inside.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from itertools import repeat
from typing import Any, Generic, TypeVar

import attrs
import orjson

from .errors import ResponseDecodeError, ValidationError
from .http import Response
from .models import structure, structure_list

__all__ = [
    "Page",
    "PageMeta",
    "decode_item",
    "decode_page",
    "decode_raw_page",
    "load_json",
    "models_of",
    "parse_meta",
    "raw_items",
]

T = TypeVar("T")
M = TypeVar("M")

_BODY_KEPT = 2000
# POST /invoices with an unknown, malformed email answers 200 text/html with just this sentence (spec §4).
_INVALID_EMAIL_ANSWER = b"The email format is invalid."


def _fail(message: str, response: Response, path: str = "") -> ResponseDecodeError:
    where = f"{response.request.method} {response.request.url}: " if response.request else ""
    return ResponseDecodeError(
        f"{where}{message}", path=path, body=response.content[:_BODY_KEPT], request=response.request
    )


def load_json(response: Response) -> Any:
    content = response.content
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        if content.strip() == _INVALID_EMAIL_ANSWER:
            message = _INVALID_EMAIL_ANSWER.decode()
            raise ValidationError(
                message,
                errors={"email": [message]},
                status=response.status,
                headers=response.headers,
                body=message,
                request=response.request,
            ) from None
        kind = "an empty body" if not content.strip() else "a body that is not JSON"
        raise _fail(f"expected JSON, got {kind} ({exc})", response) from None


def envelope(response: Response, key: str = "data") -> Any:
    """The value under ``key`` of a JSON object body (v4's ``{"data": ...}``)."""
    payload = load_json(response)
    if not isinstance(payload, dict) or key not in payload:
        raise _fail(f"expected an object with a {key!r} key", response, key)
    return payload[key]


def envelope_object(response: Response) -> dict[str, Any]:
    """``{"data": {...}}`` → the object itself, as the server sent it (unknown fields included)."""
    data = envelope(response)
    if not isinstance(data, dict):
        raise _fail("expected an object under 'data'", response, "data")
    return data


def decode_item(response: Response, model: type[M], *, strict: bool = False) -> M:
    """``{"data": {...}}`` → one model."""
    data = envelope(response)
    try:
        return structure(data, model, path="data", strict=strict)
    except ResponseDecodeError as exc:
        raise _fail(str(exc), response, exc.path) from None


@attrs.frozen
class PageMeta:
    """``meta.pagination`` of a v4 list, minus ``links`` (the SDK builds page URLs itself)."""

    total: int
    count: int
    per_page: int
    current_page: int
    total_pages: int


@attrs.frozen
class Page(Generic[T]):
    """One page of a list: its items and where it sits."""

    items: list[T]
    meta: PageMeta
    # The getter the decoder read the items' ids with, and the ids (`decode_raw_page`): a paginator that
    # de-duplicates with that same getter takes them instead of reading every item again.
    _ids: tuple[Callable[[Any], object], list[object]] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    @property
    def total(self) -> int:
        return self.meta.total

    @property
    def count(self) -> int:
        return self.meta.count

    @property
    def per_page(self) -> int:
        return self.meta.per_page

    @property
    def current_page(self) -> int:
        return self.meta.current_page

    @property
    def total_pages(self) -> int:
        return self.meta.total_pages

    @property
    def has_next(self) -> bool:
        return self.meta.current_page < self.meta.total_pages

    def __len__(self) -> int:
        return len(self.items)


_META_FIELDS = ("total", "count", "per_page", "current_page", "total_pages")


def parse_meta(payload: Any, response: Response) -> PageMeta:
    # orjson gives plain dicts: ``dict`` checks cost a fraction of the ``Mapping`` ABC's.
    meta = payload.get("meta") if isinstance(payload, dict) else None
    pagination = meta.get("pagination") if isinstance(meta, dict) else None
    if not isinstance(pagination, dict):
        raise _fail("expected meta.pagination in a list response", response, "meta.pagination")
    values: dict[str, int] = {}
    for name in _META_FIELDS:
        value = pagination.get(name)
        if type(value) is not int or value < 0:
            raise _fail(
                f"meta.pagination.{name} should be a non-negative int, got {value!r}",
                response,
                f"meta.pagination.{name}",
            )
        values[name] = value
    links = pagination.get("links", [])
    if not isinstance(links, list | dict):
        raise _fail(
            f"meta.pagination.links should be an object or [], got {links!r}",
            response,
            "meta.pagination.links",
        )
    return PageMeta(**values)


def _list_and_meta(response: Response) -> tuple[list[Any], PageMeta]:
    payload = load_json(response)
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, list):
        raise _fail("expected a list under 'data'", response, "data")
    return data, parse_meta(payload, response)


def _decoded(response: Response, decode_items: Callable[[Any, str], list[T]], data: list[Any]) -> list[T]:
    try:
        return decode_items(data, "data")
    except ResponseDecodeError as exc:
        raise _fail(str(exc), response, exc.path) from None


def decode_page(response: Response, decode_items: Callable[[Any, str], list[T]]) -> Page[T]:
    """``{"data": [...], "meta": {"pagination": {...}}}`` → a `Page` of whatever ``decode_items`` makes."""
    data, meta = _list_and_meta(response)
    return Page(_decoded(response, decode_items, data), meta)


def decode_raw_page(response: Response, read_id: operator.itemgetter[str]) -> Page[dict[str, Any]]:
    """`decode_page` with `raw_items` for records with ids, in one pass over the items instead of two.

    Reading every item's id with ``read_id`` (an ``itemgetter`` of a string key) is the check that every item
    is an object: in decoded JSON nothing else can be subscripted with a string. The ids stay on the page,
    with the getter, for a paginator that de-duplicates with the same one. A page where some id does not
    read is checked item by item.
    """
    data, meta = _list_and_meta(response)
    try:
        ids = list(map(read_id, data))
    except (LookupError, TypeError):
        return Page(_decoded(response, raw_items, data), meta)
    page = Page(data, meta)
    object.__setattr__(page, "_ids", (read_id, ids))
    return page


def models_of(model: type[M], *, strict: bool = False) -> Callable[[Any, str], list[M]]:
    def decode(data: Any, path: str) -> list[M]:
        return structure_list(data, model, path=path, strict=strict)

    return decode


def raw_items(data: Any, path: str) -> list[dict[str, Any]]:
    """The page's own list, checked: it is fresh from the decoder, so no copy is needed."""
    items: list[dict[str, Any]] = data
    if all(map(isinstance, items, repeat(dict))):  # checked in C: this runs for every item of every page
        return items
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise ResponseDecodeError(
                f"expected an object, got {type(item).__name__}", path=f"{path}[{index}]"
            )
    return items
