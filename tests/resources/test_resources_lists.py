"""Filters, pagination (concurrent, ordered, bounded, cancellable, de-duplicated) and decoding failures."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any

import orjson
import pytest
import resources_support as fx
from resources_support import FakeServer, page, query

from ninja_async.client import NinjaClient
from ninja_async.errors import ResponseDecodeError
from ninja_async.http import Request, Response


async def test_typed_filters_become_query_parameters(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("GET", "invoices", page([], total=0, per_page=50, current_page=1))
    since = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    await ninja.invoices.list(
        updated_at=since,
        client_id=2,
        invoice_number="0001",
        status_id=2,
        is_recurring=False,
        invoice_type_id=1,
        include=["client", "payments"],
        active_only=True,
        per_page=50,
    )
    assert query(server.requests[-1]) == {
        "per_page": "50",
        "updated_at": str(int(since.timestamp())),
        "client_id": "2",
        "invoice_number": "0001",
        "status_id": "2",
        "is_recurring": "0",
        "invoice_type_id": "1",
        "include": "client,payments",
        "filter_active": "1",
        "page": "1",
    }


async def test_filter_active_is_accepted_under_its_wire_name(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("GET", "clients", page([], total=0, per_page=100, current_page=1))
    await ninja.clients.list(filter_active=True)
    assert query(server.requests[-1])["filter_active"] == "1"


async def test_archived_and_deleted_rows_are_listed_by_default(
    ninja: NinjaClient, server: FakeServer
) -> None:
    server.on("GET", "clients", page([], total=0, per_page=100, current_page=1))
    await ninja.clients.list()
    assert "filter_active" not in query(server.requests[-1])


@pytest.mark.parametrize(
    ("resource", "kwargs"),
    [
        ("clients", {"client_id": 1}),
        ("clients", {"status_id": 2}),
        ("invoices", {"email": "a@b.c"}),
        ("quotes", {"invoice_number": "1"}),
        ("products", {"foo": 1}),
    ],
)
def test_unknown_filters_are_type_errors(ninja: NinjaClient, resource: str, kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        getattr(ninja, resource).list(**kwargs)


@pytest.mark.parametrize("per_page", [0, -5, True, 2.5])
def test_bad_per_page_is_refused(ninja: NinjaClient, per_page: Any) -> None:
    with pytest.raises(ValueError, match="per_page"):
        ninja.invoices.list(per_page=per_page)


@pytest.mark.parametrize("bad_id", [0, -1, "1/../users", "5", 2.0, True, None])
async def test_bad_ids_are_refused_before_sending(
    ninja: NinjaClient, server: FakeServer, bad_id: Any
) -> None:
    with pytest.raises((TypeError, ValueError)):
        await ninja.invoices.get(bad_id)
    with pytest.raises((TypeError, ValueError)):
        await ninja.invoices.archive(bad_id)
    assert server.requests == []


def test_unknown_includes_are_refused(ninja: NinjaClient) -> None:
    with pytest.raises(TypeError):  # v4 lists vendors' "invoices" include but it is a 500: not offered
        ninja.vendors.list(include=["invoices"])  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="cannot include"):
        ninja.clients.list(include=["foo"])  # type: ignore[list-item]


def test_naive_datetimes_are_refused(ninja: NinjaClient) -> None:
    with pytest.raises(ValueError, match="naive"):
        ninja.clients.list(updated_at=datetime.datetime(2024, 1, 1))


class PagedInvoices:
    """A list of ``total`` invoices served ``per_page`` at a time, each page gated so tests control timing."""

    def __init__(self, total: int, per_page: int) -> None:
        self.total = total
        self.per_page = per_page
        self.in_flight = 0
        self.peak = 0
        self.started: list[int] = []
        self.finished: list[int] = []
        self.cancelled: list[int] = []
        self.release: dict[int, asyncio.Event] = {}
        self.rows: list[dict[str, Any]] = [fx.invoice(n) for n in range(1, total + 1)]

    def gate(self, number: int) -> asyncio.Event:
        return self.release.setdefault(number, asyncio.Event())

    async def __call__(self, request: Request) -> Response:
        number = int(query(request)["page"])
        self.started.append(number)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            if number > 1:
                await self.gate(number).wait()
        except asyncio.CancelledError:
            self.cancelled.append(number)
            raise
        finally:
            self.in_flight -= 1
        self.finished.append(number)
        start = (number - 1) * self.per_page
        return page(
            self.rows[start : start + self.per_page],
            total=len(self.rows),
            per_page=self.per_page,
            current_page=number,
        )


@pytest.fixture
def paged(server: FakeServer) -> PagedInvoices:
    pages = PagedInvoices(total=95, per_page=10)
    server.on("GET", "invoices", lambda request: pages(request))  # type: ignore[arg-type,return-value]
    return pages


async def _settle(until: Any = None) -> None:
    """Let the loop run callbacks (no real time passes), until ``until()`` holds if given."""
    for _ in range(200):
        if until is not None and until():
            return
        await asyncio.sleep(0)


async def test_pages_after_the_first_are_fetched_concurrently_and_yielded_in_order(
    ninja: NinjaClient, paged: PagedInvoices
) -> None:
    ids: list[int] = []

    async def consume() -> None:
        async for invoice in ninja.invoices.list(per_page=10, concurrency=4):
            ids.append(invoice.id)

    task = asyncio.create_task(consume())
    await _settle()
    assert paged.started == [1, 2, 3, 4, 5]  # page 1, then a window of 4
    assert paged.peak == 4
    for number in (5, 4, 3):  # finish out of order: nothing past page 1 may be yielded yet
        paged.gate(number).set()
    await _settle()
    assert ids == list(range(1, 11))
    for number in range(2, 11):
        paged.gate(number).set()
    await task
    assert ids == list(range(1, 96))
    assert paged.peak <= 4


async def test_a_page_that_arrives_frees_its_slot_before_the_caller_reads_it(
    ninja: NinjaClient, paged: PagedInvoices
) -> None:
    # The caller is held on page 1 (whose items it has not finished); pages 2-5 arrive meanwhile. Each
    # arrival sends the next request at once, so a window's pages landing together do not stall the next
    # window; at most 2 x concurrency pages wait unread, and never more than 4 requests are out.
    paginator = ninja.invoices.list(per_page=10, concurrency=4)
    items = paginator.__aiter__()
    assert (await items.__anext__()).id == 1
    await _settle()
    assert paged.started == [1, 2, 3, 4, 5]
    for number in (2, 3, 4, 5):
        paged.gate(number).set()
    await _settle(until=lambda: len(paged.started) == 9)
    assert paged.started == [1, 2, 3, 4, 5, 6, 7, 8, 9]  # 4 read-ahead pages held, 4 requests out
    for number in (6, 7, 8, 9):
        paged.gate(number).set()
    await _settle()
    assert paged.started == [1, 2, 3, 4, 5, 6, 7, 8, 9]  # 8 pages unread: no more until the caller reads
    assert paged.peak <= 4
    paged.gate(10).set()
    ids = [1] + [invoice.id async for invoice in items]
    assert ids == list(range(1, 96))


async def test_unordered_mode_yields_pages_as_they_complete(ninja: NinjaClient, paged: PagedInvoices) -> None:
    for number in range(2, 11):
        paged.gate(number).set()
    ids = [invoice.id async for invoice in ninja.invoices.list(per_page=10, concurrency=3, ordered=False)]
    assert sorted(ids) == list(range(1, 96))


async def test_breaking_out_cancels_the_fetches_in_flight(ninja: NinjaClient, paged: PagedInvoices) -> None:
    async for invoice in ninja.invoices.list(per_page=10, concurrency=4):
        if invoice.id == 3:
            break
    await _settle(until=lambda: len(paged.cancelled) == 4)
    assert sorted(paged.cancelled) == [2, 3, 4, 5]
    assert ninja.connections_in_use == 0


async def test_awaiting_gives_the_first_page(ninja: NinjaClient, paged: PagedInvoices) -> None:
    first = await ninja.invoices.list(per_page=10)
    assert (first.total, first.count, first.total_pages, first.current_page) == (95, 10, 10, 1)
    assert first.has_next
    assert [i.id for i in first.items] == list(range(1, 11))
    assert paged.started == [1]


async def test_pages_and_collect(ninja: NinjaClient, paged: PagedInvoices) -> None:
    for number in range(2, 11):
        paged.gate(number).set()
    sizes = [len(p) async for p in ninja.invoices.list(per_page=10).pages()]
    assert sizes == [10] * 9 + [5]
    collected = await ninja.invoices.list(per_page=10).collect()
    assert [i.id for i in collected] == list(range(1, 96))


async def test_single_page_with_links_as_empty_array(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("GET", "clients", page([fx.client(1)], total=1, per_page=100, current_page=1))
    assert [c.id async for c in ninja.clients.list()] == [1]
    assert len(server.requests) == 1


async def test_rows_shifted_onto_the_next_page_are_not_repeated(
    ninja: NinjaClient, server: FakeServer
) -> None:
    # A record updated mid-read moves to the front: page 2 repeats the last row of page 1.
    server.on(
        "GET",
        "invoices",
        lambda r: {
            "1": page([fx.invoice(1), fx.invoice(2)], total=4, per_page=2, current_page=1),
            "2": page([fx.invoice(2), fx.invoice(3)], total=4, per_page=2, current_page=2),
        }[query(r)["page"]],
    )
    paginator = ninja.invoices.list(per_page=2)
    assert [i.id async for i in paginator] == [1, 2, 3]
    assert paginator.duplicates_dropped == 1


@pytest.mark.parametrize("raw", [False, True], ids=["models", "raw"])
async def test_pages_leave_out_rows_an_earlier_page_gave(
    ninja: NinjaClient, server: FakeServer, raw: bool
) -> None:
    # The same shift, read page by page: page 2 keeps only its new row; its meta stays the server's.
    _pages_of(server, [fx.invoice(1), fx.invoice(2)], [fx.invoice(2), fx.invoice(3)])
    listing = ninja.invoices.list(per_page=2)
    paginator = listing.raw() if raw else listing
    pages = [page async for page in paginator.pages()]
    ids = [[row["id"] if isinstance(row, dict) else row.id for row in page.items] for page in pages]
    assert ids == [[1, 2], [3]]
    assert [(page.current_page, page.count) for page in pages] == [(1, 2), (2, 2)]
    assert paginator.duplicates_dropped == 1


async def test_a_list_that_grows_while_read_is_followed(ninja: NinjaClient, server: FakeServer) -> None:
    server.on(
        "GET",
        "invoices",
        lambda r: {
            "1": page([fx.invoice(1)], total=2, per_page=1, current_page=1),
            "2": page([fx.invoice(2)], total=3, per_page=1, current_page=2),
            "3": page([fx.invoice(3)], total=3, per_page=1, current_page=3),
        }[query(r)["page"]],
    )
    assert [i.id async for i in ninja.invoices.list(per_page=1, concurrency=1)] == [1, 2, 3]


async def test_raw_mode_yields_dicts(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("GET", "invoices", page([fx.invoice(1), fx.invoice(2)], total=2, per_page=100, current_page=1))
    rows = [row async for row in ninja.invoices.list().raw()]
    assert [row["id"] for row in rows] == [1, 2]
    assert rows[0]["terms"] is None


@pytest.mark.parametrize(
    ("content", "path"),
    [
        (
            b'{"data":[{"id":"x"}],"meta":{"pagination":{"total":1,"count":1,"per_page":1,"current_page":1,'
            b'"total_pages":1,"links":[]}}}',
            "data[0].id",
        ),
        (
            b'{"data":[],"meta":{"pagination":{"total":"1","count":0,"per_page":1,"current_page":1,'
            b'"total_pages":1,"links":{}}}}',
            "meta.pagination.total",
        ),
        (b'{"data":{},"meta":{}}', "data"),
        (b'{"data":[]}', "meta.pagination"),
        (b"<html>oops</html>", ""),
        (b"", ""),
    ],
)
async def test_bodies_that_do_not_fit_raise_decode_errors_with_a_path(
    ninja: NinjaClient, server: FakeServer, content: bytes, path: str
) -> None:
    server.on("GET", "invoices", Response(200, headers=fx.V4_HEADERS, content=content))
    with pytest.raises(ResponseDecodeError) as caught:
        await ninja.invoices.list()
    assert caught.value.path == path
    assert caught.value.body == content[:2000]


async def test_prefetch_asks_for_the_next_pages_with_the_first(
    ninja: NinjaClient, server: FakeServer
) -> None:
    first_page_gate = asyncio.Event()
    started: list[int] = []

    async def handler(request: Request) -> Response:
        number = int(query(request)["page"])
        started.append(number)
        if number == 1:
            await first_page_gate.wait()
        rows = [fx.invoice(n) for n in range((number - 1) * 10 + 1, min(number * 10, 95) + 1)]
        return page(rows, total=95, per_page=10, current_page=number)

    server.on("GET", "invoices", handler)  # type: ignore[arg-type]
    task = asyncio.create_task(ninja.invoices.list(per_page=10, concurrency=4, prefetch=3).collect())
    await _settle(until=lambda: len(started) == 4)
    assert sorted(started) == [1, 2, 3, 4]  # pages 2-4 left before page 1 answered
    first_page_gate.set()
    invoices = await task
    assert [i.id for i in invoices] == list(range(1, 96))
    assert sorted(started) == list(range(1, 11))  # no page asked for twice


async def test_prefetch_past_the_end_of_a_short_list_is_dropped(
    ninja: NinjaClient, server: FakeServer
) -> None:
    server.on(
        "GET",
        "invoices",
        lambda r: page(
            [fx.invoice(1), fx.invoice(2)] if query(r)["page"] == "1" else [],
            total=2,
            per_page=10,
            current_page=int(query(r)["page"]),
        ),
    )
    invoices = await ninja.invoices.list(per_page=10, prefetch=5).collect()
    assert [i.id for i in invoices] == [1, 2]
    assert ninja.connections_in_use == 0


async def test_a_failing_first_page_cancels_the_prefetched_ones(
    ninja: NinjaClient, server: FakeServer
) -> None:
    from ninja_async.errors import AuthenticationError

    cancelled: list[int] = []
    started: list[int] = []

    async def handler(request: Request) -> Response:
        number = int(query(request)["page"])
        started.append(number)
        if number == 1:
            await _settle(until=lambda: len(started) == 4)  # answer once the speculative pages are out
            return Response(403, headers=fx.V4_HEADERS, content=b'{"error":{"message":"Invalid token"}}')
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(number)
            raise
        raise AssertionError("unreachable")

    server.on("GET", "invoices", handler)  # type: ignore[arg-type]
    with pytest.raises(AuthenticationError):
        await ninja.invoices.list(per_page=10, concurrency=4, prefetch=3).collect()
    assert sorted(cancelled) == [2, 3, 4]
    assert ninja.connections_in_use == 0


def test_prefetch_must_be_a_count(ninja: NinjaClient) -> None:
    with pytest.raises(ValueError, match="prefetch"):
        ninja.invoices.list(prefetch=-1)


def _pages_of(server: FakeServer, *pages: list[dict[str, Any]]) -> None:
    total = sum(map(len, pages))
    server.on(
        "GET",
        "invoices",
        lambda r: page(
            pages[int(query(r)["page"]) - 1],
            total=total,
            per_page=len(pages[0]),
            current_page=int(query(r)["page"]),
        ),
    )


async def test_raw_rows_repeated_within_a_page_or_across_pages_come_once(
    ninja: NinjaClient, server: FakeServer
) -> None:
    _pages_of(
        server,
        [fx.invoice(1), fx.invoice(2), fx.invoice(1)],
        [fx.invoice(3), fx.invoice(2), fx.invoice(4)],
    )
    paginator = ninja.invoices.list(per_page=3).raw()
    assert [i["id"] async for i in paginator] == [1, 2, 3, 4]
    assert paginator.duplicates_dropped == 2


@pytest.mark.parametrize(
    ("odd_row", "kept_id"),
    [
        ({"id": None}, None),
        ({}, None),
        ({"id": [7]}, [7]),
    ],
    ids=["null id", "no id", "unhashable id"],
)
async def test_raw_rows_without_a_usable_id_are_kept_every_time(
    ninja: NinjaClient, server: FakeServer, odd_row: dict[str, Any], kept_id: object
) -> None:
    # Such a row cannot be recognised as a repeat, so nothing is dropped for it (and nothing breaks).
    _pages_of(server, [fx.invoice(1), odd_row], [odd_row, fx.invoice(1)])
    paginator = ninja.invoices.list(per_page=2).raw()
    assert [i.get("id") async for i in paginator] == [1, kept_id, kept_id]
    assert paginator.duplicates_dropped == 1


@pytest.mark.parametrize("odd_row", [5, "x", [1], None], ids=["number", "string", "list", "null"])
async def test_a_raw_row_that_is_not_an_object_is_a_decode_error(
    ninja: NinjaClient, server: FakeServer, odd_row: Any
) -> None:
    # Raw pages are checked by reading every row's id: a row where that fails is then checked on its own.
    _pages_of(server, [fx.invoice(1), odd_row])
    for listing in (ninja.invoices.list(per_page=2).raw(), ninja.invoices.list(per_page=2).raw().pages()):
        with pytest.raises(ResponseDecodeError) as caught:
            _ = [row async for row in listing]
        assert caught.value.path == "data[1]"
        assert "expected an object" in str(caught.value)


async def test_raw_pages_hand_the_ids_they_read_to_the_de_duplication(
    ninja: NinjaClient, server: FakeServer
) -> None:
    _pages_of(server, [fx.invoice(1), fx.invoice(2)], [fx.invoice(2), fx.invoice(3)])
    first = await ninja.invoices.list(per_page=2).raw()
    assert first._ids is not None
    assert first._ids[1] == [1, 2]  # read once, as the check that every row is an object
    paginator = ninja.invoices.list(per_page=2).raw()
    assert [row["id"] async for row in paginator] == [1, 2, 3]
    assert paginator.duplicates_dropped == 1


class CountingGetter:
    """An id getter that counts its calls: ``getter(item)`` is ``item["id"]``."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, item: dict[str, Any]) -> object:
        self.calls += 1
        return item["id"]


def raw_pages_fetch(read_id: Any) -> Any:
    """A fetch of two raw pages, ids [1, 2] and [3, 4], decoded reading the ids with ``read_id``."""
    from ninja_async.decoding import Page, decode_raw_page

    async def fetch(number: int) -> Page[dict[str, Any]]:
        pagination = {"total": 4, "count": 2, "per_page": 2, "current_page": number, "total_pages": 2}
        rows = [{"id": i} for i in [[1, 2], [3, 4]][number - 1]]
        content = orjson.dumps({"data": rows, "meta": {"pagination": pagination}})
        return decode_raw_page(Response(200, content=content), read_id)

    return fetch


async def test_the_paginator_checks_for_repeats_with_the_ids_the_decoder_read() -> None:
    from ninja_async.pagination import Paginator

    read_id = CountingGetter()
    assert [row["id"] async for row in Paginator(raw_pages_fetch(read_id), identity=read_id)] == [1, 2, 3, 4]
    assert read_id.calls == 4  # once per row, while decoding: the paginator took the ids from the pages


async def test_a_paginator_with_another_id_getter_reads_the_ids_itself() -> None:
    from ninja_async.pagination import Paginator

    read_id, identity = CountingGetter(), CountingGetter()
    assert [row["id"] async for row in Paginator(raw_pages_fetch(read_id), identity=identity)] == [1, 2, 3, 4]
    assert (read_id.calls, identity.calls) == (4, 4)


async def test_a_row_repeated_within_a_page_keeps_its_first_copy(
    ninja: NinjaClient, server: FakeServer
) -> None:
    # The fast path notes a page's ids before it knows the page repeats itself; it must forget them again.
    _pages_of(server, [fx.invoice(5), fx.invoice(5)], [fx.invoice(6), fx.invoice(7)])
    assert [i.id async for i in ninja.invoices.list(per_page=2)] == [5, 6, 7]


async def test_pages_waiting_to_be_read_are_decoded_only_when_the_caller_reaches_them() -> None:
    # A fetch may hand back a function that makes the page: pages that arrived early wait as compact
    # answers, and each is decoded (and its ids read) in turn, when the caller gets to it.
    from ninja_async.decoding import Page, PageMeta
    from ninja_async.pagination import PageSource, Paginator

    made: list[int] = []

    def make(number: int) -> Page[dict[str, int]]:
        made.append(number)
        return Page(
            [{"id": number}], PageMeta(total=4, count=1, per_page=1, current_page=number, total_pages=4)
        )

    async def fetch(number: int) -> PageSource[dict[str, int]]:
        return lambda: make(number)

    items = Paginator(fetch, concurrency=3).__aiter__()
    assert await items.__anext__() == {"id": 1}
    await _settle()
    assert made == [1]  # pages 2-4 have arrived, undecoded
    assert await items.__anext__() == {"id": 2}
    assert made == [1, 2]
    assert [item["id"] async for item in items] == [3, 4]
    assert made == [1, 2, 3, 4]


def test_ids_are_read_with_the_key_object_the_decoder_hands_out() -> None:
    import orjson

    from ninja_async.json_keys import decoder_key

    key = decoder_key("id")
    assert key == "id"
    (decoded,) = orjson.loads(b'[{"name": "x", "id": 7}]')
    assert any(name is key for name in decoded)  # an identity hit, not a string comparison, per lookup
