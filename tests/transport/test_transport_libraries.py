"""What is particular to each real transport: user-supplied clients, instrumentation, TLS, the httpx extra."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import aiohttp
import httpx
import pytest

from ninja_async.errors import APIConnectionError
from ninja_async.http import Request, Timeout
from ninja_async.transport import AiohttpTransport, HttpxTransport

if TYPE_CHECKING:
    from conftest import Server


def req(method: str, url: str, **kwargs: Any) -> Request:
    return Request(method, url, timeout=Timeout(connect=5.0, read=5.0), **kwargs)


async def test_aiohttp_user_session_is_used_but_never_closed(server: Server) -> None:
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        transport = AiohttpTransport(session=session)
        # The contract's per-request options still apply to a user's session.
        assert (await transport.send(req("GET", server.url + "/redirect"))).status == 302
        assert (await transport.send(req("GET", server.url + "/missing"))).status == 404
        await transport.aclose()
        await transport.aclose()
        assert not session.closed
        async with session.get(server.url + "/echo") as still_usable:
            assert still_usable.status == 200


async def test_httpx_user_client_is_used_but_never_closed(server: Server) -> None:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        transport = HttpxTransport(client=client)
        response = await transport.send(req("GET", server.url + "/redirect"))
        assert response.status == 302
        await transport.aclose()
        await transport.aclose()
        assert not client.is_closed
        assert (await client.get(server.url + "/echo")).status_code == 200


async def test_aiohttp_trace_configs_fire(server: Server) -> None:
    started: list[tuple[str, str]] = []

    async def on_request_start(session: object, context: object, params: Any) -> None:
        started.append((params.method, str(params.url)))

    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(on_request_start)
    async with AiohttpTransport(trace_configs=[trace]) as transport:
        await transport.send(req("GET", server.url + "/echo?a=%2C"))
    assert started == [("GET", server.url + "/echo?a=%2C")]


def test_httpx_transport_without_httpx_installed_says_how_to_get_it() -> None:
    script = (
        "import sys; sys.modules['httpx'] = None\n"
        "import ninja_async.transport as t\n"
        "try:\n"
        "    t.HttpxTransport()\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, check=True, timeout=60
    )
    assert "pip install 'ninja-async[httpx]'" in done.stdout


# TLS: a self-signed certificate for 127.0.0.1, made with the openssl command line tool.


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    command += ["-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1"]
    command += ["-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return SimpleNamespace(cert=cert, key=key)


@pytest.fixture
async def tls_server(serve_app: Any, certificate: SimpleNamespace) -> AsyncIterator[Server]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate.cert, certificate.key)
    async with serve_app(context) as running:
        yield running


# Each real transport names its TLS option after its library's own.
TLS_OPTION = pytest.mark.parametrize(
    ("factory", "option"), [(AiohttpTransport, "ssl"), (HttpxTransport, "verify")], ids=["aiohttp", "httpx"]
)


@TLS_OPTION
async def test_certificates_are_verified_by_default(factory: Any, option: str, tls_server: Server) -> None:
    async with factory() as transport:
        with pytest.raises(APIConnectionError) as caught:
            await transport.send(req("POST", tls_server.url + "/echo", content=b"{}"))
    assert caught.value.request_sent is False
    assert "certificate" in str(caught.value).lower()
    assert tls_server.hits == []


@TLS_OPTION
async def test_an_ssl_context_can_trust_a_private_ca(
    factory: Any, option: str, tls_server: Server, certificate: SimpleNamespace
) -> None:
    context = ssl.create_default_context(cafile=str(certificate.cert))
    async with factory(**{option: context}) as transport:
        response = await transport.send(req("GET", tls_server.url + "/echo"))
    assert response.status == 200


@TLS_OPTION
async def test_verification_can_be_turned_off_explicitly(
    factory: Any, option: str, tls_server: Server
) -> None:
    async with factory(**{option: False}) as transport:
        response = await transport.send(req("GET", tls_server.url + "/echo"))
    assert response.status == 200
