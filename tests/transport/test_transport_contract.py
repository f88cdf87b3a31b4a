"""The AsyncTransport contract, checked against both real transports on a loopback server."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

import orjson
import pytest

from ninja_async.errors import APIConnectionError, APITimeoutError, ClientClosedError
from ninja_async.http import Request, Response, Timeout
from ninja_async.transport import AsyncTransport

if TYPE_CHECKING:
    from conftest import Server, TransportFactory


def req(method: str, url: str, **kwargs: Any) -> Request:
    """A request with test-sized timeouts, so a bug fails fast instead of hanging the suite."""
    kwargs.setdefault("timeout", Timeout(connect=5.0, read=5.0))
    return Request(method, url, **kwargs)


async def echo(transport: AsyncTransport, request: Request) -> dict[str, Any]:
    response = await transport.send(request)
    assert response.status == 200
    echoed: dict[str, Any] = orjson.loads(response.content)
    return echoed


async def test_query_string_reaches_the_server_exactly_as_encoded(
    transport: AsyncTransport, server: Server
) -> None:
    path_qs = "/echo?filter=a%2Cb&name=J%C3%BCrgen&q=x+y&list=%5B1%5D&tilde=~&amp=%26&empty="
    echoed = await echo(transport, req("GET", server.url + path_qs))
    assert echoed["path_qs"] == path_qs
    assert echoed["method"] == "GET"


async def test_post_body_and_headers_arrive_as_sent(transport: AsyncTransport, server: Server) -> None:
    body = b'{"name": "Acme \xc3\xa9"}\x00\xff'
    headers = {"X-Ninja-Token": "tok", "Content-Type": "application/json", "X-Requested-With": "fetch"}
    echoed = await echo(transport, req("POST", server.url + "/echo", headers=headers, content=body))
    assert echoed["method"] == "POST"
    assert bytes.fromhex(echoed["body"]) == body
    for name, value in headers.items():
        assert echoed["headers"][name] == value
    assert echoed["headers"]["Content-Length"] == str(len(body))


async def test_redirect_is_returned_not_followed(transport: AsyncTransport, server: Server) -> None:
    response = await transport.send(req("GET", server.url + "/redirect"))
    assert response.status == 302
    assert response.headers["location"] == "/echo"
    assert server.hits == ["/redirect"]


async def test_response_headers_are_case_insensitive_sdk_headers(
    transport: AsyncTransport, server: Server
) -> None:
    response = await transport.send(req("GET", server.url + "/custom-header"))
    assert type(response.headers).__module__ == "ninja_async.http"
    assert response.headers["x-custom-thing"] == response.headers["X-CUSTOM-THING"] == "yes"
    assert response.content == b"ok"
    assert response.request is not None
    assert response.request.url.endswith("/custom-header")


async def test_read_responses_release_their_connection_for_reuse(
    transport: AsyncTransport, server: Server
) -> None:
    for method in ("GET", "HEAD", "DELETE"):
        await transport.send(req(method, server.url + "/echo"))
    assert len(server.peers) == 3
    assert len(set(server.peers)) == 1, "each request after the first should reuse the pooled connection"


async def test_cookies_set_by_the_server_are_not_sent_back(transport: AsyncTransport, server: Server) -> None:
    # By name, not IP address: aiohttp's own cookie jar would skip an IP address anyway.
    url = server.url.replace("127.0.0.1", "localhost")
    await transport.send(req("GET", url + "/set-cookie"))
    echoed = await echo(transport, req("GET", url + "/echo"))
    assert "Cookie" not in echoed["headers"]


async def test_streams_a_multi_megabyte_body_in_chunks(transport: AsyncTransport, server: Server) -> None:
    response = await transport.send(req("GET", server.url + "/big?chunks=64", stream=True))
    assert response.status == 200
    assert not response.is_read
    chunks = [chunk async for chunk in response.aiter_bytes()]
    assert len(chunks) > 1
    assert b"".join(chunks) == server.big_chunk * 64
    # The connection went back to the pool once the body was read.
    await transport.send(req("GET", server.url + "/echo"))
    assert server.peers[0] == server.peers[1]


async def test_closing_a_stream_early_drops_its_connection(transport: AsyncTransport, server: Server) -> None:
    response = await transport.send(req("GET", server.url + "/endless", stream=True))
    chunks = response.aiter_bytes()
    assert await anext(chunks)
    await chunks.aclose()  # leaving the loop early closes the response
    await response.aclose()  # and closing again is harmless
    await asyncio.wait_for(server.aborted.wait(), timeout=5)
    # The pool is still usable and hands out a fresh connection.
    await transport.send(req("GET", server.url + "/echo"))
    assert server.peers[0] != server.peers[1]


async def test_connect_refused_is_a_connection_error_before_sending(
    transport: AsyncTransport, refused_url: str
) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await transport.send(req("POST", refused_url + "/echo", content=b"{}"))
    assert type(caught.value) is APIConnectionError
    assert caught.value.request_sent is False
    assert caught.value.outcome_unknown is False


async def test_errors_name_the_call_and_keep_secrets_and_library_types_out(
    transport: AsyncTransport, refused_url: str
) -> None:
    url = refused_url + "/clients?page=2"
    with pytest.raises(APIConnectionError) as caught:
        await transport.send(req("GET", url, headers={"X-Ninja-Token": "sekrit-token"}))
    message = str(caught.value)
    assert f"GET {url}" in message
    assert "could not connect" in message
    assert "sekrit" not in message
    assert caught.value.request is not None
    assert caught.value.request.url == url
    assert caught.value.__cause__ is not None  # the library's exception is kept, chained


async def test_read_timeout_is_a_timeout_after_sending(transport: AsyncTransport, server: Server) -> None:
    with pytest.raises(APITimeoutError) as caught:
        await transport.send(req("GET", server.url + "/hang", timeout=Timeout(connect=5.0, read=0.2)))
    assert caught.value.request_sent is True
    assert "timed out waiting for the server" in str(caught.value)
    assert server.hits == ["/hang"]


async def test_read_timeout_bounds_each_wait_not_the_whole_body(
    transport: AsyncTransport, server: Server
) -> None:
    # 8 chunks 0.1 s apart: 0.8 s in all, well over the 0.5 s read timeout, but never 0.5 s without a byte.
    response = await transport.send(
        req("GET", server.url + "/trickle?chunks=8&gap=0.1", timeout=Timeout(connect=5.0, read=0.5))
    )
    assert response.content == b"tick " * 8


async def test_a_shorter_read_timeout_applies_on_a_reused_connection(
    transport: AsyncTransport, server: Server
) -> None:
    await echo(transport, req("GET", server.url + "/echo", timeout=Timeout(connect=5.0, read=30.0)))
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await transport.send(req("GET", server.url + "/hang", timeout=Timeout(connect=5.0, read=0.2)))
    assert time.monotonic() - started < 5.0  # the 0.2 s limit, not the first request's 30 s
    assert server.peers[0] == server.peers[1]  # the same kept-alive connection


async def test_an_idle_pooled_connection_outlives_the_read_timeout(
    transport: AsyncTransport, server: Server
) -> None:
    quick = Timeout(connect=5.0, read=0.1)
    slow = asyncio.ensure_future(
        transport.send(
            req("GET", server.url + "/trickle?chunks=1&gap=0.3", timeout=Timeout(connect=5.0, read=2.0))
        )
    )
    await echo(transport, req("GET", server.url + "/echo", timeout=quick))  # alongside: a second connection
    await slow  # meanwhile the second connection idles in the pool for three of its read timeouts
    await asyncio.gather(*(echo(transport, req("GET", server.url + "/echo", timeout=quick)) for _ in "ab"))
    assert len(set(server.peers)) == 2  # both connections served again: no timeout went off while idle
    assert set(server.peers[-2:]) == set(server.peers)


async def test_a_longer_read_timeout_applies_on_a_reused_connection(
    transport: AsyncTransport, server: Server
) -> None:
    await echo(transport, req("GET", server.url + "/echo", timeout=Timeout(connect=5.0, read=0.1)))
    response = await transport.send(
        req("GET", server.url + "/trickle?chunks=1&gap=0.3", timeout=Timeout(connect=5.0, read=2.0))
    )
    assert response.content == b"tick "  # 0.3 s of silence: fine under 2 s, though the first call had 0.1 s
    assert server.peers[0] == server.peers[1]


async def test_no_free_pool_slot_in_time_is_a_timeout_before_sending(
    make_transport: TransportFactory, server: Server
) -> None:
    async with make_transport(limit=1) as transport:
        holding = await transport.send(req("GET", server.url + "/drip", stream=True))
        try:
            with pytest.raises(APITimeoutError) as caught:
                await transport.send(
                    req("POST", server.url + "/echo", timeout=Timeout(connect=0.2, read=5.0))
                )
        finally:
            await holding.aclose()
    assert caught.value.request_sent is False
    assert server.hits == ["/drip"]


async def test_deadline_while_waiting_for_a_pool_slot_is_before_sending(
    make_transport: TransportFactory, server: Server
) -> None:
    async with make_transport(limit=1) as transport:
        holding = await transport.send(req("GET", server.url + "/drip", stream=True))
        try:
            with pytest.raises(APITimeoutError) as caught:
                await transport.send(req("POST", server.url + "/echo", deadline=time.monotonic() + 0.2))
        finally:
            await holding.aclose()
    assert caught.value.request_sent is False
    assert "deadline exceeded while connecting" in str(caught.value)
    assert server.hits == ["/drip"]


async def test_a_passed_deadline_sends_nothing(transport: AsyncTransport, server: Server) -> None:
    with pytest.raises(APITimeoutError) as caught:
        await transport.send(req("POST", server.url + "/echo", deadline=time.monotonic() - 0.01))
    assert caught.value.request_sent is False
    assert "deadline exceeded" in str(caught.value)
    assert server.hits == []


async def test_deadline_bounds_the_whole_attempt(transport: AsyncTransport, server: Server) -> None:
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await transport.send(req("GET", server.url + "/hang", deadline=started + 0.2))
    assert time.monotonic() - started < 2.0  # the 5 s read timeout did not apply
    assert caught.value.request_sent is True
    assert "deadline exceeded while waiting" in str(caught.value)


async def test_deadline_bounds_reading_a_stream(transport: AsyncTransport, server: Server) -> None:
    response = await transport.send(
        req("GET", server.url + "/drip", stream=True, deadline=time.monotonic() + 0.5)
    )
    chunks = response.aiter_bytes()
    assert await anext(chunks) == b"first"
    with pytest.raises(APITimeoutError) as caught:
        await anext(chunks)
    assert caught.value.request_sent is True


async def test_an_interim_103_response_is_skipped_for_the_final_one(
    transport: AsyncTransport, raw_url: str
) -> None:
    response = await transport.send(req("GET", raw_url + "/early-hints"))
    assert (response.status, response.content) == (200, b"done")


async def test_read_timeout_runs_on_after_an_interim_103_response(
    transport: AsyncTransport, raw_url: str
) -> None:
    # aiohttp itself stops the read timeout at a 1xx answer and never restarts it: this would hang.
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        await asyncio.wait_for(
            transport.send(
                req("GET", raw_url + "/early-hints-then-stall", timeout=Timeout(connect=5.0, read=0.2))
            ),
            timeout=10,
        )
    assert caught.value.request_sent is True
    assert time.monotonic() - started < 5


async def test_body_cut_short_is_an_error_after_sending(transport: AsyncTransport, raw_url: str) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await transport.send(req("GET", raw_url + "/truncated"))
    assert type(caught.value) is APIConnectionError
    assert caught.value.request_sent is True


async def test_stream_cut_short_fails_while_iterating(transport: AsyncTransport, raw_url: str) -> None:
    response = await transport.send(req("GET", raw_url + "/truncated-stream", stream=True))
    received: list[bytes] = []

    async def read_all() -> None:
        async for chunk in response.aiter_bytes():
            received.append(chunk)

    with pytest.raises(APIConnectionError) as caught:
        await read_all()
    assert 0 < len(b"".join(received)) <= 100_000  # part of the body arrived before the failure
    assert caught.value.request_sent is True


async def test_disconnect_without_response_leaves_a_post_outcome_unknown(
    transport: AsyncTransport, raw_url: str
) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await transport.send(req("POST", raw_url + "/disconnect", content=b"{}"))
    assert caught.value.request_sent is True
    assert caught.value.outcome_unknown is True


async def test_garbage_instead_of_http_is_an_error_after_sending(
    transport: AsyncTransport, raw_url: str
) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await transport.send(req("GET", raw_url + "/garbage"))
    assert caught.value.request_sent is True


async def test_aclose_is_idempotent_and_closed_transports_refuse_to_send(
    make_transport: TransportFactory, server: Server
) -> None:
    transport = make_transport()
    await transport.send(req("GET", server.url + "/echo"))
    await transport.aclose()
    await transport.aclose()
    with pytest.raises(ClientClosedError, match="closed"):
        await transport.send(req("GET", server.url + "/echo"))


async def test_closing_an_unused_transport_is_fine(make_transport: TransportFactory) -> None:
    async with make_transport():
        pass


def test_built_without_a_running_loop_then_used_inside_one(
    make_transport: TransportFactory, serve_app: Any
) -> None:
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()
    transport = make_transport()

    async def use() -> Response:
        async with serve_app() as server, transport:
            return await transport.send(req("GET", server.url + "/echo"))

    assert asyncio.run(use()).status == 200


def test_a_session_from_a_closed_loop_is_replaced(make_transport: TransportFactory, serve_app: Any) -> None:
    transport = make_transport()

    async def use() -> int:
        async with serve_app() as server:
            # The server closes each connection, so the first loop leaves no pooled socket behind.
            return (await transport.send(req("GET", server.url + "/close"))).status

    assert asyncio.run(use()) == 200  # the transport is not closed here, its loop is
    assert asyncio.run(use()) == 200
    asyncio.run(transport.aclose())


def test_use_from_a_second_running_loop_is_refused(
    make_transport: TransportFactory, refused_url: str
) -> None:
    transport = make_transport()
    first = asyncio.new_event_loop()
    try:
        with pytest.raises(APIConnectionError):  # binds the transport to the first loop
            first.run_until_complete(transport.send(req("GET", refused_url)))
        with pytest.raises(RuntimeError, match="another event loop"):
            asyncio.run(transport.send(req("GET", refused_url)))
        first.run_until_complete(transport.aclose())
    finally:
        first.close()
