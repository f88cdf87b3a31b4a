"""The generic resource: every operation of spec §1.2, implemented once and driven by an `Endpoint` row.

The methods here are the implementations; the typed, documented public methods live on the generated
subclasses in ``_generated.py`` and delegate here. A resource receives the client's ``request`` function and
never imports the client.

Lossless writes (spec §6): a v4 PUT replaces nested collections (client contacts, vendor contacts, invoice
items) and resets some fields when they are absent (invoice terms/footer/public notes; product notes, cost,
qty), and validation demands some fields even for actions (product_key, name, rate...). So when an update or
an action would leave one of those out, the resource first reads the record and sends its current values
for them (read-modify-write), unknown server fields included. v4 offers no ETag, so a write that lands
between that read and the PUT is overwritten: the window is one round trip.
"""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, Protocol, TypedDict, TypeVar
from urllib.parse import urljoin

import attrs

from ..decoding import (
    Page,
    decode_item,
    decode_page,
    decode_raw_page,
    envelope_object,
    load_json,
    models_of,
    raw_items,
)
from ..endpoints import ACTION_WIRE_NAMES, Endpoint, Op
from ..errors import APIStatusError, NotFoundError
from ..files import encode_multipart, read_capped, save_download
from ..http import Response, Timeout
from ..json_keys import decoder_key
from ..models import Model, unstructure
from ..pagination import DEFAULT_PAGE_CONCURRENCY, Paginator
from ..sync import Sync
from ..urls import QueryValue, unix_seconds

__all__ = ["DEFAULT_PER_PAGE", "ActiveOptions", "PageOptions", "Requester", "Resource", "Since"]

M = TypeVar("M", bound=Model)

Since = int | datetime.datetime
"""An ``updated_at`` filter: Unix seconds, or an aware datetime."""

DEFAULT_PER_PAGE = 100
_RAW_ID = operator.itemgetter(decoder_key("id"))
_MODEL_ID = operator.attrgetter("id")
REMINDERS = frozenset({"reminder1", "reminder2", "reminder3"})
# Invoice items in a PUT must carry these keys, or v4 answers 500 (spec §6.3).
INVOICE_ITEM_KEYS = ("cost", "qty", "product_key", "notes")


class PageOptions(TypedDict, total=False):
    """How any list is paged (the keyword arguments every ``list()`` shares).

    ``per_page`` (default 100), ``concurrency``: pages fetched at once after the first (default 8),
    ``ordered``: hand pages out in page order (default) or as they arrive, ``prefetch``: pages asked for
    along with the first, before it tells how many there are (default 0: a round trip saved on long lists,
    up to ``prefetch`` requests wasted on short ones).
    """

    per_page: int
    concurrency: int
    ordered: bool
    prefetch: int


class ActiveOptions(PageOptions, total=False):
    """`PageOptions` of a resource with an archived state: ``active_only=True`` (v4's ``filter_active``,
    also accepted under that name) leaves archived and deleted records out; by default they are listed."""

    active_only: bool
    filter_active: bool


class Requester(Protocol):
    """The shape of `NinjaClient.request`, which is all a resource needs from the client."""

    def __call__(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        stream: bool = False,
        timeout: Timeout | float | None = None,
    ) -> Awaitable[Response]: ...


def check_id(value: object, what: str = "id") -> int:
    """A v4 public id: a positive int (never a bool, a string or a path fragment)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be a positive int, got {type(value).__name__} {value!r}")
    if value < 1:
        raise ValueError(f"{what} must be a positive int, got {value!r}")
    return value


def to_wire(value: Any) -> Any:
    """Caller values → JSON-ready values: models unstructured, dates as ``Y-m-d``, containers walked."""
    if attrs.has(type(value)):
        return unstructure(value)
    if isinstance(value, Mapping):
        return {str(key): to_wire(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_wire(item) for item in value]
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


class Resource(Generic[M]):
    """Operations on one v4 resource, as its `Endpoint` row allows."""

    def __init__(self, endpoint: Endpoint, request: Requester, *, strict: bool = False) -> None:
        self.endpoint = endpoint
        self._request = request
        self._strict = strict
        self._decode_items: Callable[[Any, str], list[M]] = models_of(endpoint.model, strict=strict)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} /{self.endpoint.path}>"

    # -- reading -------------------------------------------------------------------------------------

    def _list(
        self, filters: Mapping[str, QueryValue], include: Sequence[str] = (), /, **options: Any
    ) -> Paginator[M]:
        allowed = ActiveOptions if self.endpoint.soft_deletes else PageOptions
        for name in options:  # what a plain signature would refuse: ``Unpack`` is not checked at run time
            if name not in allowed.__annotations__:
                raise TypeError(f"{self.endpoint.name}.list() got an unexpected keyword argument {name!r}")
        active_only = options.get("filter_active", options.get("active_only", False))
        params = self._list_params(
            filters,
            include=include,
            active_only=active_only,
            per_page=options.get("per_page", DEFAULT_PER_PAGE),
        )
        return self._paginator(
            params,
            raw=False,
            concurrency=options.get("concurrency", DEFAULT_PAGE_CONCURRENCY),
            ordered=options.get("ordered", True),
            prefetch=options.get("prefetch", 0),
        )

    def _paginator(
        self, params: dict[str, QueryValue], *, raw: bool, concurrency: int, ordered: bool, prefetch: int
    ) -> Paginator[Any]:
        # Rows are de-duplicated by id; payment terms have none (and their order never shifts).
        identity = None if self.endpoint.key != "id" else (_RAW_ID if raw else _MODEL_ID)
        # decode(response, reader) makes a page; raw pages with ids read them (their check) for the paginator.
        decode: Callable[[Response, Any], Page[Any]] = decode_page
        reader: Callable[..., Any] = raw_items if raw else self._decode_items
        if raw and identity is not None:
            decode, reader = decode_raw_page, _RAW_ID

        async def fetch(page: int) -> Callable[[], Page[Any]]:
            response = await self._request("GET", self.endpoint.path, params={**params, "page": page})
            return functools.partial(decode, response, reader)  # decoded when the caller gets there

        def as_dicts() -> Paginator[dict[str, Any]]:
            return self._paginator(
                params, raw=True, concurrency=concurrency, ordered=ordered, prefetch=prefetch
            )

        return Paginator(
            fetch,
            concurrency=concurrency,
            ordered=ordered,
            identity=identity,
            raw=as_dicts,
            prefetch=prefetch,
        )

    def _list_params(
        self, filters: Mapping[str, QueryValue], *, include: Sequence[str], active_only: bool, per_page: int
    ) -> dict[str, QueryValue]:
        if isinstance(per_page, bool) or not isinstance(per_page, int) or per_page < 1:
            raise ValueError(f"per_page must be a positive int, got {per_page!r}")
        unknown = set(filters) - set(self.endpoint.filters)
        if unknown:
            raise TypeError(f"{self.endpoint.name}.list() got unknown filters: {', '.join(sorted(unknown))}")
        params: dict[str, QueryValue] = {"per_page": per_page}
        for name, value in filters.items():
            if value is None:
                continue
            if name == "client_id":
                check_id(value, "client_id")
            if name == "updated_at":
                assert isinstance(value, int | datetime.datetime)
                value = unix_seconds(value)
            params[name] = value
        if include:
            params["include"] = self._check_includes(include)
        if active_only:
            if not self.endpoint.soft_deletes:
                raise ValueError(f"{self.endpoint.name} have no archived state: active_only does not apply")
            params["filter_active"] = True
        return params

    def _check_includes(self, include: Sequence[str]) -> str:
        if isinstance(include, str):
            include = [part for part in include.split(",") if part]
        unknown = [name for name in include if name.split(".")[0] not in self.endpoint.includes]
        if unknown:
            allowed = ", ".join(self.endpoint.includes) or "none"
            raise ValueError(
                f"{self.endpoint.name} cannot include {', '.join(unknown)} (available: {allowed})"
            )
        return ",".join(include)

    def _sync(
        self,
        since: Since,
        *,
        per_page: int,
        concurrency: int,
        max_passes: int,
    ) -> Sync[M]:
        def list_since(threshold: int) -> Paginator[M]:
            return self._list({"updated_at": threshold}, per_page=per_page, concurrency=concurrency)

        self._list_params({}, include=(), active_only=False, per_page=per_page)  # validate eagerly
        return Sync(list_since, unix_seconds(since), max_passes=max_passes)

    async def _get(self, id: int, *, include: Sequence[str] = ()) -> M:
        params = {"include": self._check_includes(include)} if include else None
        response = await self._request("GET", self._item_path(id), params=params)
        item: M = decode_item(response, self.endpoint.model, strict=self._strict)
        if self.endpoint.create_defaults.get("is_quote") and not getattr(item, "is_quote", True):
            raise NotFoundError(
                f"invoice {id} is not a quote", status=404, headers=response.headers, request=response.request
            )
        return item

    async def _current_wire(self, id: int) -> dict[str, Any]:
        """The record as the server sends it (unknown fields included), for read-modify-write."""
        return envelope_object(await self._request("GET", self._item_path(id)))

    # -- writing -------------------------------------------------------------------------------------

    async def _create(self, fields: Mapping[str, Any]) -> M:
        body = self._body(fields)
        if "download_invoice" in body:
            raise ValueError("download_invoice makes v4 answer with a PDF: create, then call download()")
        body = {**self.endpoint.create_defaults, **body}
        response = await self._request("POST", self.endpoint.item_path, json=body)
        return self._decode(response)

    async def _update(self, id: int, fields: Mapping[str, Any]) -> M:
        check_id(id)
        body = self._body(fields)
        if "action" in body:
            raise ValueError("pass actions through their methods (archive(), mark_sent()...), not as a field")
        if "invoice_items" in body:
            self._check_invoice_items(body)  # the caller's own items: refuse them before reading anything
        missing = [name for name in self.endpoint.put_needs_current_state if name not in body]
        if missing:
            body = {**await self._current_wire(id), **body}
        self._check_invoice_items(body)
        body.pop(f"{self.endpoint.entity}_id", None)  # v4 would act on that record instead of the URL's (§0)
        response = await self._request("PUT", self._item_path(id), json=body)
        return self._decode(response)

    async def _save(self, record: M) -> M:
        """PUT a whole model back (unknown fields included): the read half of read-modify-write done."""
        wire = unstructure(record)
        record_id = wire.get("id")
        return await self._update(check_id(record_id), wire)

    async def _action(self, id: int, op: Op) -> M:
        if op not in self.endpoint.ops or op not in ACTION_WIRE_NAMES:
            raise ValueError(f"{self.endpoint.name} do not support the {op.value!r} action")
        check_id(id)
        body: dict[str, Any] | None = None
        if self.endpoint.put_requires:
            current = await self._current_wire(id)
            body = {name: current[name] for name in self.endpoint.put_requires if name in current}
        response = await self._request(
            "PUT", self._item_path(id), params={"action": ACTION_WIRE_NAMES[op]}, json=body
        )
        return self._decode(response)

    async def _delete(self, id: int) -> M:
        """DELETE, except where validation wants fields: ``?action=delete`` carries them (same effect)."""
        if self.endpoint.put_requires:
            return await self._action(id, Op.DELETE)
        response = await self._request("DELETE", self._item_path(check_id(id)))
        return self._decode(response)

    async def _timer(self, id: int, action: str) -> M:
        """Tasks start and stop by ``POST /tasks`` with their ``id`` (spec §6.5); a PUT refuses those."""
        body = {"id": check_id(id), "action": action}
        return self._decode(await self._request("POST", self.endpoint.path, json=body))

    async def _email(self, id: int, *, reminder: str | None = None, template: str | None = None) -> None:
        body: dict[str, Any] = {"id": check_id(id)}
        if reminder is not None:
            if reminder not in REMINDERS:
                raise ValueError(f"reminder must be one of {sorted(REMINDERS)}, got {reminder!r}")
            body["reminder"] = reminder
        if template is not None:
            body["template"] = template
        response = await self._request("POST", "email_invoice", json=body)
        load_json(response)

    async def _download(self, id: int, *, to: str | Path | None, max_bytes: int | None) -> bytes | Path:
        """Stream the record's file (``download_path/{id}``) into memory or to disk."""
        assert self.endpoint.download_path is not None
        target = None if to is None else Path(to)  # a bad ``to`` fails here, before anything is sent
        response = await self._stream_following_redirect(f"{self.endpoint.download_path}/{check_id(id)}")
        if target is None:
            return await read_capped(response, max_bytes)
        default_name = f"{self.endpoint.entity}_{id}" + (
            ".pdf" if self.endpoint.download_path == "download" else ""
        )
        return await save_download(response, target, max_bytes=max_bytes, default_name=default_name)

    async def _stream_following_redirect(self, path: str) -> Response:
        """GET a file; v4 may answer a document with a redirect to its direct URL (S3...). That one hop is
        followed, and the token does not go with it (the client only sends it to the API root)."""
        try:
            return await self._request("GET", path, stream=True)
        except APIStatusError as error:
            location = error.headers.get("Location")
            if not 300 <= error.status < 400 or not location or error.request is None:
                raise
            return await self._request("GET", urljoin(error.request.url, location), stream=True)

    async def _upload(
        self,
        file: str | Path | bytes,
        *,
        filename: str | None,
        content_type: str | None,
        fields: Mapping[str, int | str | None],
    ) -> M:
        content, headers = await encode_multipart(
            file, filename=filename, content_type=content_type, fields=fields
        )
        response = await self._request("POST", self.endpoint.path, content=content, headers=headers)
        return self._decode(response)

    # -- helpers -------------------------------------------------------------------------------------

    def _item_path(self, id: int) -> str:
        return f"{self.endpoint.item_path}/{check_id(id)}"

    def _decode(self, response: Response) -> M:
        item: M = decode_item(response, self.endpoint.model, strict=self._strict)
        return item

    def _body(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        body = to_wire(fields)
        assert isinstance(body, dict)
        return body

    def _check_invoice_items(self, body: Mapping[str, Any]) -> None:
        if "invoice_items" not in self.endpoint.replaces_collections:
            return
        items = body.get("invoice_items")
        if not isinstance(items, list):
            raise ValueError(
                "an invoice update must carry invoice_items as a list (v4 answers 500 otherwise)"
            )
        for index, item in enumerate(items):
            missing = [key for key in INVOICE_ITEM_KEYS if not isinstance(item, Mapping) or key not in item]
            if missing:
                raise ValueError(
                    f"invoice_items[{index}] lacks {', '.join(missing)}: in an update v4 needs cost, qty, "
                    "product_key and notes on every item (it answers 500 otherwise)"
                )
