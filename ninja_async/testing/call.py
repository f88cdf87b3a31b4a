"""One authenticated API call: its input, account and user, and how it answers with entities.

:meth:`Call.item` is `itemResponse`, :meth:`Call.page` is `listResponse`'s paginated collection
(spec §3: per_page, page, links, includes, `serializer=json`, `index`), :meth:`Call.collection`
is a Collection without `meta` (login, `user_accounts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from aiohttp import web

from . import render
from .constants import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from .inputs import Input, entity_id, to_int, truthy
from .render import IncludeTree
from .responses import api_response, record_not_found, record_null
from .runtime import Runtime
from .store import Account, Row, Table
from .transformers import RenderContext

_VALID_INT = re.compile(r"^\s*[+-]?\d+\s*$")


@dataclass
class Call:
    request: web.Request
    inp: Input
    rt: Runtime
    account: Account
    user: Row
    params: dict[str, str] = field(default_factory=dict)

    @property
    def ctx(self) -> RenderContext:
        return RenderContext(self.account, self.user.public_id, self.rt.clock.timestamp())

    @property
    def today(self) -> str:
        return self.rt.clock.today()

    def index_key(self) -> str:
        value = self.inp.get("index")
        return str(value) if truthy(value) else "data"

    def json_api(self) -> bool:
        return bool(self.inp.get("serializer") == "json")

    def includes(self) -> IncludeTree:
        return render.parse_includes(self.inp.text("include"))

    def find(self, table: Table, entity: str, route_param: str | None = None) -> Row:
        """`EntityRequest::entity()`: an empty id gives 404 "Record not found", an unknown one 404."""
        value = entity_id(self.inp, entity, self.params.get(route_param or "id"))
        if value is None:
            raise record_null()
        text = str(value).strip()
        row = table.get(int(text)) if _VALID_INT.match(text) else None
        if row is None:
            raise record_not_found()
        return row

    def item(self, kind: str, row: Row) -> web.Response:
        requested = self.includes()
        if self.json_api():
            data = render.jsonapi_item(kind, row, self.ctx, requested)
        else:
            data = render.row_bytes(kind, row, self.ctx, requested)
        return api_response(render.envelope(self.index_key(), data))

    def _rows(self, kind: str, rows: Sequence[Row], requested: IncludeTree) -> bytes:
        if self.json_api():
            return render.jsonapi_list(kind, rows, self.ctx, requested)
        ctx = self.ctx
        return render.join_array([render.row_bytes(kind, r, ctx, requested) for r in rows])

    def collection(self, kind: str, rows: Sequence[Row]) -> web.Response:
        return api_response(render.envelope(self.index_key(), self._rows(kind, rows, self.includes())))

    def page_size(self) -> int:
        per_page = to_int(self.inp.get("per_page"))
        if per_page <= 0:
            per_page = DEFAULT_PAGE_SIZE
        return min(per_page, MAX_PAGE_SIZE) if self.rt.settings.hosted else per_page

    def page_number(self) -> int:
        text = str(self.inp.get("page", ""))
        return max(int(text), 1) if _VALID_INT.match(text) else 1

    def page(self, kind: str, rows: Sequence[Row]) -> web.Response:
        """A paginated list; an unknown include fails only when the page has rows (eager loading)."""
        per_page, page = self.page_size(), self.page_number()
        chunk = rows[(page - 1) * per_page : page * per_page]
        requested = self.includes()
        if chunk and requested:
            render.check_eager_loads(kind, requested)
        url = str(self.request.url.with_query(None)).rstrip("/")
        meta = {"pagination": render.pagination(len(rows), len(chunk), per_page, page, url)}
        return api_response(render.envelope(self.index_key(), self._rows(kind, chunk, requested), meta))
