"""Bad input from the server ends in a typed error or a valid model; bad input from the caller sends nothing.

Server side: hypothesis generates malformed responses (wrong types, missing fields, non-JSON, HTML error
pages, empty, huge and deeply nested bodies, ``links`` as ``[]``/``{}``/junk, numbers as strings, junk
``Retry-After`` headers, odd statuses) and feeds them through a client over `MockTransport`: ``invoices.get``,
the first page of ``invoices.list()``, and ``collect()``. Every example ends in a `NinjaError` or a valid
model within 5 seconds. Retries stay on (two, on `ScaledClock`: real sleeps a thousand times shorter), so
the retry path reads the junk too.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import inspect
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reliability_support import figure

from ninja_async import NinjaClient
from ninja_async.decoding import Page
from ninja_async.errors import NinjaError
from ninja_async.http import Request, Response
from ninja_async.middleware import RetryPolicy
from ninja_async.models import Invoice
from ninja_async.testing import NinjaEmulator
from ninja_async.transport import MockTransport

TOKEN = "abcdefghijklmnopqrstuvwxyz012345"
V4_HEADERS = {"Content-Type": "application/json", "X-Ninja-Version": "4.5.50", "X-Total-Count": "0"}
EXAMPLE_TIMEOUT = 5.0


class ScaledClock:
    """Real time, but every sleep the SDK asks for lasts a thousandth as long (still a real sleep)."""

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds / 1000)


def fuzz_client(handler: Callable[[Request], Response]) -> tuple[NinjaClient, MockTransport]:
    transport = MockTransport(handler)
    client = NinjaClient(
        "https://ninja.example.com",
        TOKEN,
        transport=transport,
        clock=ScaledClock(),
        retry=RetryPolicy(max_retries=2, budget=None),
    )
    return client, transport


# -- junk in headers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
async def test_a_nan_retry_after_does_not_hang_the_retry(status: int, value: str) -> None:
    # float("nan") parses, and asyncio.sleep(nan) never returns: the hint must be ignored, not slept.
    def handler(request: Request) -> Response:
        return Response(status, headers={**V4_HEADERS, "Retry-After": value}, content=b'{"message":"x"}')

    ninja, transport = fuzz_client(handler)
    async with ninja:
        with pytest.raises(NinjaError):
            async with asyncio.timeout(EXAMPLE_TIMEOUT):
                await ninja.invoices.get(1)
    assert len(transport.requests) == 3  # the first attempt and both retries, after a backoff each


# -- malformed responses -------------------------------------------------------------------------------


def _emulator_samples() -> dict[str, Any]:
    """A real invoice and a real page of invoices, as the emulator serves them."""

    async def fetch() -> dict[str, Any]:
        from aiohttp.test_utils import TestClient, TestServer

        emu = NinjaEmulator(clients=3, invoices=8, seed=1, error_delay=0)
        headers = {"X-Ninja-Token": emu.token}
        async with TestClient(TestServer(emu.app)) as client:
            async with client.get("/api/v1/invoices/1", headers=headers) as reply:
                item = orjson.loads(await reply.read())
            async with client.get("/api/v1/invoices?per_page=3&page=2", headers=headers) as reply:
                page = orjson.loads(await reply.read())
        return {"item": item, "page": page}

    return asyncio.run(fetch())


SAMPLES = _emulator_samples()

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
    | st.sampled_from(["", "0", "1", "-1", "12.50", "1e3", "NaN", "null", "[]", "{}", "2024-02-30", "<b>"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
LINKS = st.sampled_from(
    [[], {}, None, "", 0, "next", [1], {"next": 5}, {"previous": None}, {"next": {"x": 1}}]
)
RETRY_AFTER = st.sampled_from(["nan", "inf", "-inf", "1e309", "-5", "0", "0.5", "abc", "", " 2 ", "1e-9"])
# Mostly 200 (the decoding path), but every status class a server or a proxy in front of it can send.
ODD_STATUSES = st.sampled_from(
    [200] * 24 + [201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 418, 422, 429, 500, 502, 503, 504, 599]
)
HTML_PAGES = [
    b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
    b"<!DOCTYPE html><html><body>Whoops, looks like something went wrong.</body></html>",
    b"<br />\n<b>Notice</b>:  Undefined index: id in <b>/var/www/app.php</b> on line <b>1</b><br />\n",
]


@dataclass
class Case:
    """One generated server answer: what kind of damage, and the response."""

    label: str
    status: int
    headers: dict[str, str]
    body: bytes


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _set(document: Any, path: tuple[Any, ...], value: Any, *, delete: bool = False) -> Any:
    if not path:
        return value
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return document


@st.composite
def mutated_json(draw: st.DrawFn, sample: Any) -> tuple[str, bytes]:
    """A real envelope with one to three values replaced by the wrong type, or removed."""
    document = copy.deepcopy(sample)
    labels = []
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "delete", "stringify"]))
        if action == "delete" and path:
            document = _set(document, path, None, delete=True)
        elif action == "stringify":
            current = document
            for step in path:
                current = current[step]
            document = _set(document, path, json.dumps(current))  # json: ints past 64 bits too
        else:
            document = _set(document, path, draw(json_values))
        labels.append(action)
    if draw(st.booleans()) and isinstance(document, dict) and isinstance(document.get("meta"), dict):
        pagination = document["meta"].get("pagination")
        if isinstance(pagination, dict):
            pagination["links"] = draw(LINKS)
            labels.append("links")
    return "mutated:" + "+".join(sorted(set(labels))), json.dumps(document).encode()  # ints past 64 bits


@st.composite
def pagination_junk(draw: st.DrawFn) -> tuple[str, bytes]:
    """A list envelope whose numbers are strings, negative, zero or huge."""
    document = copy.deepcopy(SAMPLES["page"])
    pagination = document["meta"]["pagination"]
    field = draw(st.sampled_from(["total", "count", "per_page", "current_page", "total_pages"]))
    pagination[field] = draw(
        st.sampled_from(["5", "15", "", None, -1, 0, 2**31, 2**63, 10**30, 1.5, True, [], {}])
    )
    pagination["links"] = draw(LINKS)
    return f"pagination:{field}", json.dumps(document).encode()


@st.composite
def raw_bodies(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(
        st.sampled_from(
            [
                "empty",
                "blank",
                "binary",
                "text",
                "html",
                "notice+json",
                "truncated",
                "json-value",
                "huge",
                "deep",
            ]
        )
    )
    if kind == "empty":
        return kind, b""
    if kind == "blank":
        return kind, draw(st.sampled_from([b" ", b"\n\n", b"\t\r\n "]))
    if kind == "binary":
        return kind, draw(st.binary(max_size=300))
    if kind == "text":
        return kind, draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    if kind == "html":
        return kind, draw(st.sampled_from(HTML_PAGES))
    sample = orjson.dumps(SAMPLES[draw(st.sampled_from(["item", "page"]))])
    if kind == "notice+json":
        return kind, HTML_PAGES[2] + sample
    if kind == "truncated":
        return kind, sample[: draw(st.integers(0, len(sample) - 1))]
    if kind == "json-value":
        return kind, json.dumps(draw(json_values)).encode()
    if kind == "huge":
        size = draw(st.sampled_from([1 << 20, 5 << 20]))
        shape = draw(st.sampled_from(["junk", "string", "items"]))
        if shape == "junk":
            return "huge:junk", b"x" * size
        if shape == "string":
            return "huge:string", b'{"data":{"id":1,"invoice_number":"' + b"9" * size + b'"}}'
        return "huge:items", b'{"data":[' + b",".join([b"1"] * (size // 2)) + b'],"meta":{}}'
    depth = draw(st.sampled_from([100, 1000, 5000]))
    return f"deep:{depth}", b'{"data":' + b"[" * depth + b"]" * depth + b"}"


@st.composite
def cases(draw: st.DrawFn) -> Case:
    source = draw(st.sampled_from(["raw", "mutated-item", "mutated-page", "pagination"]))
    if source == "raw":
        label, body = draw(raw_bodies())
    elif source == "pagination":
        label, body = draw(pagination_junk())
    else:
        label, body = draw(mutated_json(SAMPLES["item" if source == "mutated-item" else "page"]))
    status = draw(ODD_STATUSES)
    headers = dict(V4_HEADERS)
    if draw(st.booleans()):
        headers["Content-Type"] = draw(st.sampled_from(["text/html; charset=UTF-8", "application/pdf", ""]))
    if status in (429, 503) or draw(st.integers(0, 9)) == 0:
        headers["Retry-After"] = draw(RETRY_AFTER)
    if status in (301, 302):
        headers["Location"] = draw(st.sampled_from(["https://evil.example/x", "/", ""]))
    return Case(f"{status} {label}", status, headers, body)


def _empty_page(page: int) -> Response:
    meta = {"total": 0, "count": 0, "per_page": 10, "current_page": page, "total_pages": 1, "links": []}
    return Response(200, headers=V4_HEADERS, content=orjson.dumps({"data": [], "meta": {"pagination": meta}}))


async def _exercise(operation: str, first: Case, second: Case) -> str:
    """Run one operation against the generated answers; 'model' or the error's class name."""

    def handler(request: Request) -> Response:
        page = int(request.url.rpartition("page=")[2]) if "page=" in request.url else 1
        chosen = first if page == 1 else second if page == 2 else None
        if chosen is None:  # past what the generated server said: the real v4 answer to a page too far
            return _empty_page(page)
        return Response(chosen.status, headers=chosen.headers, content=chosen.body)

    ninja, _ = fuzz_client(handler)
    try:
        async with ninja, asyncio.timeout(EXAMPLE_TIMEOUT):
            if operation == "get":
                invoice = await ninja.invoices.get(1)
                assert isinstance(invoice, Invoice)
            elif operation == "first page":
                page = await ninja.invoices.list(per_page=10)
                assert isinstance(page, Page)
                assert all(isinstance(item, Invoice) for item in page.items)
            else:
                items = await ninja.invoices.list(per_page=10, concurrency=4).collect()
                assert all(isinstance(item, Invoice) for item in items)
                assert len({item.id for item in items}) == len(items)
    except NinjaError as error:
        return type(error).__name__
    except TimeoutError:
        pytest.fail(f"{operation} hung on {first.label} / {second.label}")
    return "model"


def test_malformed_server_answers_end_in_a_typed_error_or_a_model() -> None:
    outcomes: Counter[str] = Counter()
    labels: Counter[str] = Counter()

    @settings(
        max_examples=1_200,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(operation=st.sampled_from(["get", "first page", "collect"]), first=cases(), second=cases())
    def check(operation: str, first: Case, second: Case) -> None:
        outcome = runner.run(_exercise(operation, first, second))
        event(outcome)
        outcomes[outcome] += 1
        labels[first.label.split(" ", 1)[1].split(":")[0]] += 1

    with asyncio.Runner() as runner:
        check()
    examples = sum(outcomes.values())
    assert examples >= 1_000
    assert outcomes["model"] > 0 and examples - outcomes["model"] > 0
    figure("malformed server answers", examples=examples, outcomes=dict(outcomes), kinds=dict(labels))


# -- bad input from the caller: refused before anything is sent -----------------------------------------


@pytest.fixture
def recorder() -> tuple[NinjaClient, MockTransport]:
    """A client whose transport records every request that reaches it (and answers a plain invoice)."""
    answer = orjson.dumps(SAMPLES["item"])
    return fuzz_client(lambda request: Response(200, headers=V4_HEADERS, content=answer))


NOT_POSITIVE_INTS: list[Any] = [0, -1, -(2**63), "1", "1/../users", "../users", 1.0, True, False, None, [1]]
ID_OPERATIONS: dict[str, Callable[[NinjaClient, Any], Awaitable[Any]]] = {
    "invoices.get": lambda n, id: n.invoices.get(id),
    "clients.get": lambda n, id: n.clients.get(id),
    "clients.update": lambda n, id: n.clients.update(id, name="x"),
    "invoices.update": lambda n, id: n.invoices.update(id, po_number="x"),
    "invoices.delete": lambda n, id: n.invoices.delete(id),
    "products.delete": lambda n, id: n.products.delete(id),
    "invoices.archive": lambda n, id: n.invoices.archive(id),
    "vendors.restore": lambda n, id: n.vendors.restore(id),
    "invoices.mark_paid": lambda n, id: n.invoices.mark_paid(id),
    "quotes.convert": lambda n, id: n.quotes.convert(id),
    "invoices.email": lambda n, id: n.invoices.email(id),
    "invoices.download": lambda n, id: n.invoices.download(id),
    "documents.download": lambda n, id: n.documents.download(id),
    "hooks.unsubscribe": lambda n, id: n.hooks.unsubscribe(id),
    "payment_terms.delete": lambda n, id: n.payment_terms.delete(id),
}


@pytest.mark.parametrize("bad", NOT_POSITIVE_INTS, ids=repr)
@pytest.mark.parametrize("operation", ID_OPERATIONS)
async def test_ids_that_are_not_positive_ints_are_refused_before_sending(
    recorder: tuple[NinjaClient, MockTransport], operation: str, bad: Any
) -> None:
    ninja, transport = recorder
    async with ninja:
        with pytest.raises((TypeError, ValueError), match="must be a positive int"):
            await ID_OPERATIONS[operation](ninja, bad)
    assert transport.requests == []


UNSAFE_PATHS = [
    "clients/1/../users",
    "clients/../../etc/passwd",
    "../users",
    "clients/%2e%2e/users",
    "//evil.example/api/v1/clients",
    "clients/1?include=client",
    "clients/1#x",
    "clients/1 2",
    "clients/1\r\nX-Injected: 1",
    "clients/./1",
    "",
]


@pytest.mark.parametrize("path", UNSAFE_PATHS, ids=repr)
async def test_path_injection_is_refused_before_sending(
    recorder: tuple[NinjaClient, MockTransport], path: str
) -> None:
    ninja, transport = recorder
    async with ninja:
        with pytest.raises(ValueError, match="refusing unsafe API path"):
            await ninja.request("GET", path)
    assert transport.requests == []


BAD_LISTS: dict[str, tuple[Callable[[NinjaClient], Any], type[Exception], str]] = {
    "per_page=0": (lambda n: n.invoices.list(per_page=0), ValueError, "per_page must be a positive int"),
    "per_page=-5": (lambda n: n.clients.list(per_page=-5), ValueError, "per_page must be a positive int"),
    "per_page=True": (lambda n: n.clients.list(per_page=True), ValueError, "per_page must be a positive int"),
    "per_page='10'": (lambda n: n.clients.list(per_page="10"), ValueError, "per_page must be a positive int"),
    "per_page=1.5": (lambda n: n.clients.list(per_page=1.5), ValueError, "per_page must be a positive int"),
    "sync per_page=0": (lambda n: n.invoices.sync(per_page=0), ValueError, "per_page must be a positive int"),
    "concurrency=0": (lambda n: n.invoices.list(concurrency=0), ValueError, "concurrency must be at least 1"),
    "unknown filter": (lambda n: n.invoices.list(colour="red"), TypeError, "unexpected keyword argument"),
    "client_id on clients": (lambda n: n.clients.list(client_id=2), TypeError, "unexpected keyword argument"),
    "client_id='2'": (lambda n: n.invoices.list(client_id="2"), TypeError, "must be a positive int"),
    "client_id=0": (lambda n: n.invoices.list(client_id=0), ValueError, "must be a positive int"),
    "unknown include": (lambda n: n.invoices.list(include=["foo"]), ValueError, "cannot include foo"),
    "include on get": (lambda n: n.invoices.get(1, include=["users"]), ValueError, "cannot include users"),
    "active_only on documents": (
        lambda n: n.documents.list(active_only=True),
        TypeError,
        "unexpected keyword argument 'active_only'",
    ),
    "naive updated_at": (
        lambda n: n.invoices.list(updated_at=datetime.datetime(2024, 1, 1)),
        ValueError,
        "naive datetime",
    ),
    "negative updated_at": (lambda n: n.invoices.list(updated_at=-1), TypeError, "Unix seconds"),
}


@pytest.mark.parametrize("case", BAD_LISTS)
async def test_bad_list_arguments_are_refused_before_sending(
    recorder: tuple[NinjaClient, MockTransport], case: str
) -> None:
    ninja, transport = recorder
    call, error, message = BAD_LISTS[case]

    async def attempt() -> None:  # list() and sync() refuse at once; get() when awaited
        result = call(ninja)
        if inspect.isawaitable(result):
            await result

    async with ninja:
        with pytest.raises(error, match=message):
            await attempt()
    assert transport.requests == []


UNSUPPORTED: dict[str, tuple[Callable[[NinjaClient], Any], type[Exception], str]] = {
    "action as a field": (
        lambda n: n.invoices.update(1, action="mark_paid"),
        ValueError,
        "pass actions through their methods",
    ),
    "mark_paid on clients": (lambda n: n.clients.mark_paid(1), AttributeError, "mark_paid"),
    "mark_paid on quotes": (lambda n: n.quotes.mark_paid(1), AttributeError, "mark_paid"),
    "get on users (a 500 in v4)": (lambda n: n.users.get(1), AttributeError, "get"),
    "update on documents": (lambda n: n.documents.update(1, name="x"), AttributeError, "update"),
    "unknown reminder": (lambda n: n.invoices.email(1, reminder="reminder9"), ValueError, "reminder must be"),
    "unknown webhook event": (
        lambda n: n.hooks.subscribe("bogus", "https://hooks.example/x"),
        ValueError,
        "unknown v4 webhook event",
    ),
    "webhook to a non-URL": (
        lambda n: n.hooks.subscribe("create_client", "ftp://x"),
        ValueError,
        "target_url must be an http",
    ),
    "download_invoice on create": (
        lambda n: n.invoices.create(client_id=1, download_invoice=True),
        ValueError,
        "download_invoice",
    ),
    "incomplete invoice items": (
        lambda n: n.invoices.update(1, invoice_items=[{"product_key": "X"}]),
        ValueError,
        "lacks cost, qty, notes",
    ),
    "download to a non-path": (lambda n: n.invoices.download(1, to=123), TypeError, "int"),
}


@pytest.mark.parametrize("case", UNSUPPORTED)
async def test_unsupported_actions_and_arguments_are_refused_before_sending(
    recorder: tuple[NinjaClient, MockTransport], case: str
) -> None:
    ninja, transport = recorder
    call, error, message = UNSUPPORTED[case]
    async with ninja:
        with pytest.raises(error, match=message):
            await call(ninja)
        assert ninja.connections_in_use == 0
    assert transport.requests == []
