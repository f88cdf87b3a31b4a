"""MockTransport, and the AsyncTransport base every transport (including users' own) builds on."""

from __future__ import annotations

import asyncio
import time

import orjson
import pytest

from ninja_async.errors import APIConnectionError, APITimeoutError
from ninja_async.http import Request, Response
from ninja_async.transport import AsyncTransport, MockTransport, json_response
from ninja_async.transport.base import time_left, timeout_error


async def test_sync_handler_answers_and_every_request_is_recorded() -> None:
    transport = MockTransport(lambda request: Response(200, content=request.url.encode()))
    first = await transport.send(Request("GET", "https://x/a"))
    second = await transport.send(Request("POST", "https://x/b", content=b"{}"))
    assert (first.content, second.content) == (b"https://x/a", b"https://x/b")
    assert [(r.method, r.url) for r in transport.requests] == [
        ("GET", "https://x/a"),
        ("POST", "https://x/b"),
    ]
    assert first.request is transport.requests[0]


async def test_async_handler_is_awaited() -> None:
    async def handler(request: Request) -> Response:
        await asyncio.sleep(0)
        return Response(201)

    assert (await MockTransport(handler).send(Request("POST", "https://x/"))).status == 201


async def test_a_request_set_by_the_handler_is_kept() -> None:
    other = Request("GET", "https://x/other")
    response = await MockTransport(lambda request: Response(200, request=other)).send(
        Request("GET", "https://x/")
    )
    assert response.request is other


async def test_handler_errors_reach_the_caller_unchanged() -> None:
    failure = APIConnectionError("simulated reset", request_sent=True)

    def handler(request: Request) -> Response:
        raise failure

    transport = MockTransport(handler)
    with pytest.raises(APIConnectionError) as caught:
        await transport.send(Request("GET", "https://x/"))
    assert caught.value is failure
    assert len(transport.requests) == 1


async def test_streaming_requests_get_the_body_back_in_chunks() -> None:
    body = bytes(range(256)) * 40
    transport = MockTransport(
        lambda request: Response(200, headers={"X-A": "1"}, content=body), chunk_size=1000
    )
    response = await transport.send(Request("GET", "https://x/file", stream=True))
    assert not response.is_read
    assert response.headers["x-a"] == "1"
    assert response.request is transport.requests[0]
    chunks = [chunk async for chunk in response.aiter_bytes()]
    assert [len(c) for c in chunks] == [1000] * 10 + [240]
    assert b"".join(chunks) == body


async def test_a_closed_mock_stream_yields_nothing_more() -> None:
    transport = MockTransport(lambda request: Response(200, content=b"x" * 10), chunk_size=4)
    response = await transport.send(Request("GET", "https://x/file", stream=True))
    chunks = response.aiter_bytes()
    assert await anext(chunks) == b"xxxx"
    await response.aclose()
    await response.aclose()
    assert [chunk async for chunk in chunks] == []


async def test_a_passed_deadline_never_reaches_the_handler() -> None:
    transport = MockTransport(lambda request: pytest.fail("the handler must not be called"))
    with pytest.raises(APITimeoutError) as caught:
        await transport.send(Request("POST", "https://x/", deadline=time.monotonic() - 1))
    assert caught.value.request_sent is False
    assert transport.requests == []


async def test_a_slow_async_handler_is_cut_off_at_the_deadline() -> None:
    async def handler(request: Request) -> Response:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    with pytest.raises(APITimeoutError) as caught:
        await MockTransport(handler).send(Request("GET", "https://x/", deadline=time.monotonic() + 0.05))
    assert caught.value.request_sent is True


def test_chunk_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        MockTransport(lambda request: Response(200), chunk_size=0)


def test_json_response_encodes_like_the_api() -> None:
    response = json_response({"data": [1, "é"]}, 422, headers={"X-Extra": "1"})
    assert response.status == 422
    assert orjson.loads(response.content) == {"data": [1, "é"]}
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-extra"] == "1"


# The base class.


class Recording(AsyncTransport):
    def __init__(self) -> None:
        self.closed = 0

    async def send(self, request: Request) -> Response:
        return Response(204, request=request)

    async def aclose(self) -> None:
        self.closed += 1


def test_a_transport_must_implement_send() -> None:
    class Incomplete(AsyncTransport):
        pass

    with pytest.raises(TypeError, match="send"):
        Incomplete()  # type: ignore[abstract]


async def test_the_context_manager_closes_the_transport() -> None:
    async with Recording() as transport:
        assert (await transport.send(Request("GET", "https://x/"))).status == 204
        assert transport.closed == 0
    assert transport.closed == 1


async def test_default_aclose_has_nothing_to_do() -> None:
    async with MockTransport(lambda request: Response(200)) as transport:
        await transport.aclose()


def test_time_left_counts_down_to_the_deadline() -> None:
    assert time_left(Request("GET", "https://x/")) is None
    left = time_left(Request("GET", "https://x/", deadline=time.monotonic() + 5))
    assert left is not None
    assert 4 < left <= 5
    with pytest.raises(APITimeoutError, match="deadline exceeded before sending"):
        time_left(Request("GET", "https://x/", deadline=time.monotonic()))


def test_timeout_errors_say_which_limit_ran_out() -> None:
    plain = timeout_error(Request("GET", "https://x/"), request_sent=True)
    assert str(plain) == "timed out waiting for the server (GET https://x/)"
    late = Request("GET", "https://x/", deadline=time.monotonic() - 1)
    assert str(timeout_error(late, request_sent=False)).startswith("deadline exceeded while connecting")
