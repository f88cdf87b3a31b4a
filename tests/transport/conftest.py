"""Loopback servers for the transport tests: a well-behaved aiohttp.web app and a raw TCP misbehaver."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest
from aiohttp import web

from ninja_async.transport import AiohttpTransport, AsyncTransport, HttpxTransport

BIG_CHUNK = bytes(range(256)) * 256  # 64 KiB, not all one byte value, so reordering would show


@dataclass
class Server:
    big_chunk: ClassVar[bytes] = BIG_CHUNK  # /big?chunks=N sends N of these

    url: str
    hits: list[str] = field(default_factory=list)  # raw path and query of every request, in order
    peers: list[int] = field(default_factory=list)  # client port of every request: one per connection
    release: asyncio.Event = field(default_factory=asyncio.Event)  # lets parked handlers finish
    aborted: asyncio.Event = field(default_factory=asyncio.Event)  # set when /endless loses its client


def _app(server: Server) -> web.Application:
    async def echo(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "method": request.method,
                "path_qs": request.raw_path,
                "headers": dict(request.headers),
                "body": (await request.read()).hex(),
            }
        )

    async def redirect(request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": "/echo"})

    async def custom_header(request: web.Request) -> web.Response:
        return web.Response(text="ok", headers={"X-Custom-Thing": "yes"})

    async def set_cookie(request: web.Request) -> web.Response:
        response = web.Response(text="ok")
        response.set_cookie("session", "abc")
        return response

    async def big(request: web.Request) -> web.StreamResponse:
        chunks = int(request.query["chunks"])
        response = web.StreamResponse(headers={"Content-Length": str(chunks * len(BIG_CHUNK))})
        await response.prepare(request)
        for _ in range(chunks):
            await response.write(BIG_CHUNK)
        return response

    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        try:
            while True:
                await response.write(BIG_CHUNK)
        finally:
            server.aborted.set()

    async def drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        await response.write(b"first")
        await server.release.wait()
        return response

    async def trickle(request: web.Request) -> web.StreamResponse:
        """``?chunks=N&gap=S``: N small chunks, S seconds apart (a slow server that keeps sending)."""
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(int(request.query["chunks"])):
            await asyncio.sleep(float(request.query["gap"]))
            await response.write(b"tick ")
        return response

    async def hang(request: web.Request) -> web.Response:
        await server.release.wait()
        return web.Response(text="late")

    async def close(request: web.Request) -> web.Response:
        response = web.Response(text="bye")
        response.force_close()
        return response

    @web.middleware
    async def record(request: web.Request, handler: Any) -> web.StreamResponse:
        server.hits.append(request.raw_path)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        server.peers.append(peer[1] if peer else -1)
        response: web.StreamResponse = await handler(request)
        return response

    app = web.Application(middlewares=[record])
    app.router.add_route("*", "/echo", echo)
    for path, handler in {
        "/redirect": redirect,
        "/custom-header": custom_header,
        "/set-cookie": set_cookie,
        "/big": big,
        "/endless": endless,
        "/drip": drip,
        "/hang": hang,
        "/trickle": trickle,
        "/close": close,
    }.items():
        app.router.add_get(path, handler)
    return app


@contextlib.asynccontextmanager
async def serve(ssl_context: ssl.SSLContext | None = None) -> AsyncIterator[Server]:
    """Run the test app on 127.0.0.1 on a free port for the duration of the block."""
    server = Server(url="")
    runner = web.AppRunner(_app(server), shutdown_timeout=1.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    port = runner.addresses[0][1]
    server.url = f"{'https' if ssl_context else 'http'}://127.0.0.1:{port}"
    try:
        yield server
    finally:
        server.release.set()
        await runner.cleanup()


async def _misbehave(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer one request badly, by its path: the failures a real network produces now and then."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        path = head.split(b" ", 2)[1]
        if path == b"/truncated":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b"x" * 10)
        elif path == b"/truncated-stream":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 300000\r\n\r\n" + b"x" * 100_000)
        elif path == b"/garbage":
            writer.write(b"this is not HTTP at all\r\n\r\n")
        elif path.startswith(b"/early-hints"):
            writer.write(b"HTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload\r\n\r\n")
            if path == b"/early-hints-then-stall":
                await writer.drain()
                await reader.read()  # the answer never comes: wait for the client to give up and hang up
            else:
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone")
        # /disconnect: no answer at all
        await writer.drain()
    finally:
        writer.close()


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    async with serve() as running:
        yield running


@pytest.fixture
async def raw_url() -> AsyncIterator[str]:
    """URL of a server that reads one request per connection, answers it badly and hangs up."""
    raw = await asyncio.start_server(_misbehave, "127.0.0.1", 0)
    port = raw.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        raw.close()
        await raw.wait_closed()


@pytest.fixture
def refused_url() -> Iterator[str]:
    """URL of a port that is bound but not listening, so connecting is refused (and nobody can take it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


TransportFactory = Callable[..., AsyncTransport]


@pytest.fixture(params=[AiohttpTransport, HttpxTransport], ids=["aiohttp", "httpx"])
def make_transport(request: pytest.FixtureRequest) -> TransportFactory:
    factory: TransportFactory = request.param
    return factory


@pytest.fixture
async def transport(make_transport: TransportFactory) -> AsyncIterator[AsyncTransport]:
    async with make_transport() as made:
        yield made


@pytest.fixture
def serve_app() -> Callable[..., contextlib.AbstractAsyncContextManager[Server]]:
    """``serve`` itself, for tests that run their own event loops."""
    return serve
