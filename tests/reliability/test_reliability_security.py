"""Nothing leaked: the token stays out of every rendering, TLS is verified, redirects are not followed,
downloads are capped and land only where they were told to."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import ssl
import subprocess
import tempfile
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import RetryRecord, figure

from ninja_async import NinjaClient
from ninja_async.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    AuthenticationError,
    NinjaError,
    ResponseDecodeError,
)
from ninja_async.files import DEFAULT_MAX_DOWNLOAD
from ninja_async.http import Request, Response, Timeout
from ninja_async.middleware import RetryPolicy
from ninja_async.testing import Fault, NinjaEmulator
from ninja_async.transport import AiohttpTransport, MockTransport

TOKEN = "s3cr3tt0kenabcdefghijklmnopqrstu"  # 32 characters, like a v4 token
WRONG_TOKEN = "wr0ngt0kenabcdefghijklmnopqrstuv"
SMALL_BACKOFF = RetryPolicy(max_retries=3, backoff_initial=0.01, backoff_max=0.02)


@contextlib.asynccontextmanager
async def serve(
    app: web.Application, host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None
) -> AsyncIterator[str]:
    """Serve ``app`` on a free port of ``host``; yields the base URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, 0, ssl_context=ssl_context)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"{'https' if ssl_context else 'http'}://{host}:{port}"
    finally:
        await runner.cleanup()


# -- the token ------------------------------------------------------------------------------------------


async def _garbage_server() -> tuple[asyncio.Server, str]:
    """A TCP server that answers every request with bytes that are not HTTP."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 OK-ish\r\nthis is not a header line\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


def _renderings(error: BaseException) -> list[str]:
    """Everything a program might print about an error: str, repr, notes, its chain, its traceback."""
    texts = [
        str(error),
        repr(error),
        *getattr(error, "__notes__", []),
        "".join(traceback.format_exception(error)),
    ]
    texts.append(repr(vars(error)) if hasattr(error, "__dict__") else "")
    cause = error.__cause__ or error.__context__
    while cause is not None:
        texts += [str(cause), repr(cause)]
        cause = cause.__cause__ or cause.__context__
    if isinstance(error, APIError) and error.request is not None:
        texts += [repr(error.request), repr(error.request.headers), repr(dict(error.request.headers))]
    if isinstance(error, APIStatusError):
        texts += [repr(error.headers), repr(error.body)]
    return texts


async def test_the_token_appears_in_no_log_repr_message_or_traceback(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, the SDK's, aiohttp's and asyncio's, at DEBUG
    emu = NinjaEmulator(clients=5, invoices=10, seed=9, error_delay=0, token=TOKEN)
    emu.faults.add(
        Fault("error", method="GET", path="/api/v1/clients/1", times=1),
        Fault("throttle", method="GET", path="/api/v1/clients/2", times=1, wait=0),
        Fault("reset_after", method="GET", path="/api/v1/clients/3", times=1),
        Fault("truncate", method="GET", path="/api/v1/invoices", times=1),
        Fault("error", method="GET", path="/api/v1/products", status=503),  # for ever: retries run out
        Fault("reset_after", method="POST", path="/api/v1/clients", times=1),  # outcome unknown
        Fault("malformed", method="GET", path="/api/v1/clients/4", times=1),
        Fault("delay", method="GET", path="/api/v1/clients/5", delay=0.3),  # every attempt times out
    )
    texts: list[str] = []
    errors: list[BaseException] = []
    seen: list[Request | Response] = []
    retries = RetryRecord()
    hooks: Any = {"request": [seen.append], "response": [seen.append], "retry": [retries]}
    garbage, garbage_url = await _garbage_server()

    async def expect_error(call: Awaitable[Any]) -> None:
        try:
            await call
        except NinjaError as error:
            errors.append(error)
        else:
            pytest.fail("expected an error")

    async with emu:
        async with NinjaClient(emu.base_url, TOKEN, retry=SMALL_BACKOFF, hooks=hooks) as ninja:
            texts += [repr(ninja), repr(vars(ninja)), repr(ninja.invoices), repr(ninja.transport)]
            for client_id in (1, 2, 3):  # a 500, a throttle and a reset, each retried
                await ninja.clients.get(client_id)
            await ninja.invoices.list(per_page=5)  # a truncated body, retried
            await expect_error(ninja.clients.get(999))  # NotFoundError
            await expect_error(ninja.products.list())  # ServerError after the retries ran out
            await expect_error(ninja.clients.create(name="x"))  # APIConnectionError, outcome unknown
            await expect_error(ninja.clients.get(4))  # ResponseDecodeError (a PHP notice before the JSON)
            await expect_error(ninja.invoices.create())  # ValidationError (422)
            await expect_error(ninja.request("PUT", "invoices/1", params={"action": "mark_paid"}))  # 400
            await expect_error(
                ninja.request("GET", "clients/5", timeout=Timeout(read=0.05))
            )  # APITimeoutError
            pdf = await ninja.invoices.download(1)
            saved = await ninja.invoices.download(2, to=tmp_path)
            texts += [repr(ninja.stats), repr(retries.events)]
        async with NinjaClient(emu.base_url, WRONG_TOKEN, retry=SMALL_BACKOFF) as impostor:
            await expect_error(impostor.clients.list())  # 403 Invalid token
        async with NinjaClient(garbage_url, TOKEN, retry=SMALL_BACKOFF) as confused:
            await expect_error(confused.clients.get(1))  # not HTTP: aiohttp's parser error is chained
    garbage.close()
    await garbage.wait_closed()

    kinds = {type(error).__name__ for error in errors}
    assert {"NotFoundError", "ServerError", "APIConnectionError", "ResponseDecodeError"} <= kinds
    assert {"ValidationError", "BadRequestError", "APITimeoutError", "AuthenticationError"} <= kinds
    assert any(isinstance(e, AuthenticationError) and "Invalid token" in str(e) for e in errors)
    assert pdf.startswith(b"%PDF") and saved.parent == tmp_path
    assert len(retries.events) >= 4
    for error in errors:
        texts += _renderings(error)
    texts += [repr(item) for item in seen]
    texts += [repr(item.headers) for item in seen]
    texts += [repr(dict(item.headers)) for item in seen]
    texts += [record.getMessage() for record in caplog.records]
    texts += [caplog.text]
    # The capture really captured: retries, debug lines, URLs, the chained aiohttp errors.
    assert any(record.levelno == logging.DEBUG for record in caplog.records)
    assert any(message.startswith("retry ") for message in (r.getMessage() for r in caplog.records))
    assert any("api/v1/clients/999" in text for text in texts)
    assert any("X-Ninja-Token" in text for text in texts)  # the header is named, its value redacted
    assert any("<redacted>" in text for text in texts)
    for secret in (TOKEN, WRONG_TOKEN):
        leaks = [text for text in texts if secret in text]
        assert leaks == [], f"the token leaked: {leaks[0][:300]!r}"
    figure(
        "token never rendered",
        texts_searched=len(texts),
        log_records=len(caplog.records),
        errors=sorted(kinds),
        retries=len(retries.events),
    )


# -- plain HTTP, TLS --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://ninja.example.com",
        "http://10.0.0.5:8000",
        "http://[2001:db8::1]",
        "http://0.0.0.0",
        "http://127.0.0.1.nip.io",  # looks loopback, resolves anywhere
        "http://localhost.evil.example",
    ],
)
async def test_plain_http_to_a_remote_host_is_refused_unless_allowed(url: str) -> None:
    with pytest.raises(ValueError, match="allow_insecure=True") as caught:
        NinjaClient(url, TOKEN)
    assert TOKEN not in str(caught.value)
    client = NinjaClient(url, TOKEN, allow_insecure=True)
    assert client.api_url.startswith("http://")
    await client.aclose()


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000", "http://127.5.6.7", "http://[::1]:80", "http://localhost"]
)
async def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    client = NinjaClient(url, TOKEN)
    assert client.api_url.startswith(url)
    await client.aclose()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made with the openssl tool)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("selfsigned")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = [
        openssl,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
    ]
    command += ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


async def test_a_self_signed_server_is_refused_by_default(certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    emu = NinjaEmulator(clients=2, invoices=2, error_delay=0, token=TOKEN)
    async with serve(emu.app, ssl_context=server_context) as url:
        async with NinjaClient(url, TOKEN, retry=SMALL_BACKOFF) as ninja:
            assert isinstance(ninja.transport, AiohttpTransport)
            with pytest.raises(APIConnectionError) as caught:
                await ninja.clients.get(1)
        # The same server is fine once its certificate is trusted: the refusal was verification.
        trusting = AiohttpTransport(ssl=ssl.create_default_context(cafile=str(cert)))
        async with NinjaClient(url, TOKEN, transport=trusting) as ninja:
            assert (await ninja.clients.get(1)).id == 1
    assert "certificate" in str(caught.value).lower()
    assert caught.value.request_sent is False
    assert emu.request_count == 1  # only the trusting client's request reached the server


# -- redirects ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
async def test_a_redirect_to_another_host_is_not_followed(status: int, method: str) -> None:
    elsewhere: list[dict[str, str]] = []

    async def record(request: web.Request) -> web.Response:
        elsewhere.append(dict(request.headers))
        return web.json_response({"data": {"id": 1}})

    other = web.Application()
    other.router.add_route("*", "/{tail:.*}", record)
    async with serve(other, host="127.0.0.2") as other_url:
        bouncer = web.Application()
        bouncer.router.add_route("*", "/{tail:.*}", _redirect(status, f"{other_url}/api/v1/clients/1"))
        async with serve(bouncer) as url, NinjaClient(url, TOKEN, retry=SMALL_BACKOFF) as ninja:
            with pytest.raises(APIStatusError) as caught:
                await ninja.request(
                    method, "clients/1", json={"name": "x"} if method in ("POST", "PUT") else None
                )
    assert caught.value.status == status
    assert elsewhere == []  # nothing, and so no token, reached the other host


def _redirect(status: int, location: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=status, headers={"Location": location})

    return handler


# -- downloads --------------------------------------------------------------------------------------------


async def test_a_download_is_capped_by_default(tmp_path: Path) -> None:
    sent = 0
    chunk = b"%PDF" + b"\0" * (256 * 1024 - 4)

    async def endless(request: web.Request) -> web.StreamResponse:
        nonlocal sent
        response = web.StreamResponse(headers={"Content-Type": "application/pdf"})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            while True:
                await response.write(chunk)
                sent += len(chunk)
        return response

    app = web.Application()
    app.router.add_get("/api/v1/download/{id}", endless)
    async with serve(app) as url, NinjaClient(url, TOKEN, retry=0) as ninja:
        with pytest.raises(ResponseDecodeError, match=f"max_bytes={DEFAULT_MAX_DOWNLOAD}"):
            await ninja.invoices.download(1)
        in_memory_sent = sent
        with pytest.raises(ResponseDecodeError, match="max_bytes"):
            await ninja.invoices.download(1, to=tmp_path)
        assert ninja.connections_in_use == 0
    assert DEFAULT_MAX_DOWNLOAD <= 50 * 1024 * 1024
    assert in_memory_sent < DEFAULT_MAX_DOWNLOAD + 16 * 1024 * 1024  # it stopped reading near the cap
    assert list(tmp_path.iterdir()) == []  # no partial file, no temporary file
    figure("download cap", cap_bytes=DEFAULT_MAX_DOWNLOAD, server_sent_before_stop=in_memory_sent)


HOSTILE_NAMES = ["../../evil.pdf", "/etc/passwd", "..\\..\\evil.pdf", "..", ".", "a/../../b", "~/.bashrc"]
HOSTILE_NAMES += [
    "C:\\Windows\\x.dll",
    "\0evil",
    "x" * 400 + ".pdf",
    "%2e%2e%2fevil",
    "ok.pdf\r\nX: y",
    "é" * 200,
]
dispositions = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda name, star: f'attachment; filename{"*=UTF-8" + chr(39) * 2 if star else "="}"{name}"',
        st.one_of(
            st.text(max_size=300),
            st.sampled_from(HOSTILE_NAMES),
        ),
        st.booleans(),
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(disposition=dispositions)
def test_a_content_disposition_never_writes_outside_the_target_directory(disposition: str) -> None:
    def handler(request: Request) -> Response:
        return Response(200, headers={"Content-Disposition": disposition}, content=b"%PDF-1.4 test")

    async def download(into: Path) -> Path:
        async with NinjaClient("https://ninja.example.com", TOKEN, transport=MockTransport(handler)) as ninja:
            return await ninja.invoices.download(7, to=into)

    with tempfile.TemporaryDirectory() as root:
        target = Path(root) / "downloads"
        target.mkdir()
        written = asyncio.run(download(target))
        assert written.parent == target
        assert written.read_bytes() == b"%PDF-1.4 test"
        assert written.name not in ("", ".", "..")
        assert [path for path in Path(root).rglob("*") if path.is_file()] == [written]
        assert os.listdir(target) == [written.name]
