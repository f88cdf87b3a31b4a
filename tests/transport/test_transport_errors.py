"""The error mapping tables, for the library exceptions a loopback server cannot provoke on demand."""

from __future__ import annotations

import socket
import time

import aiohttp
import httpx
import pytest

from ninja_async.errors import APIConnectionError, APITimeoutError
from ninja_async.http import Request
from ninja_async.transport import aiohttp as aiohttp_transport
from ninja_async.transport import httpx as httpx_transport

REQUEST = Request(
    "POST", "https://ninja.example/api/v1/clients?per_page=50", headers={"X-Ninja-Token": "sekrit"}
)

# (library exception, SDK error class, request_sent, words the message must contain)
AIOHTTP_CASES = [
    (aiohttp.ConnectionTimeoutError(), APITimeoutError, False, "timed out connecting"),
    (aiohttp.SocketTimeoutError(), APITimeoutError, True, "timed out waiting"),
    (aiohttp.ServerTimeoutError(), APITimeoutError, True, "timed out waiting"),
    (TimeoutError(), APITimeoutError, True, "timed out waiting"),
    (
        aiohttp.ClientConnectorDNSError(None, socket.gaierror(-2, "Name or service not known")),  # type: ignore[arg-type]
        APIConnectionError,
        False,
        "could not connect to the server: Name or service not known",
    ),
    (
        aiohttp.ServerFingerprintMismatch(b"a", b"b", "ninja.example", 443),
        APIConnectionError,
        False,
        "fingerprint",
    ),
    (aiohttp.InvalidUrlClientError("http://"), APIConnectionError, False, "invalid URL"),
    (aiohttp.ServerDisconnectedError(), APIConnectionError, True, "closed the connection"),
    (aiohttp.ClientPayloadError("Response payload is not completed"), APIConnectionError, True, "cut short"),
    (
        aiohttp.ClientOSError(104, "Connection reset by peer"),
        APIConnectionError,
        True,
        "Connection reset by peer",
    ),
    (
        aiohttp.ClientConnectionResetError("Cannot write to closing transport"),
        APIConnectionError,
        True,
        "closing",
    ),
    (aiohttp.ClientConnectionError(), APIConnectionError, True, "connection failed: unknown error"),
    (
        aiohttp.ClientResponseError(None, (), status=400, message="Bad status line:\n  detail"),  # type: ignore[arg-type]
        APIConnectionError,
        True,
        "invalid HTTP response: Bad status line (POST",
    ),
]

HTTPX_CASES = [
    (httpx.ConnectTimeout("t"), APITimeoutError, False, "timed out connecting"),
    (httpx.PoolTimeout("t"), APITimeoutError, False, "timed out connecting"),
    (httpx.ReadTimeout("t"), APITimeoutError, True, "timed out waiting"),
    (httpx.WriteTimeout("t"), APITimeoutError, True, "timed out waiting"),
    (
        httpx.ConnectError("[Errno -2] Name or service not known"),
        APIConnectionError,
        False,
        "Name or service",
    ),
    (httpx.ProxyError("proxy said no"), APIConnectionError, False, "could not connect"),
    (httpx.UnsupportedProtocol("ftp"), APIConnectionError, False, "invalid URL"),
    (httpx.InvalidURL("bad"), APIConnectionError, False, "invalid URL"),
    (httpx.ReadError("reset"), APIConnectionError, True, "connection failed: reset"),
    (httpx.WriteError("broken pipe"), APIConnectionError, True, "broken pipe"),
    (httpx.RemoteProtocolError("Server disconnected"), APIConnectionError, True, "Server disconnected"),
    (httpx.LocalProtocolError("bad header"), APIConnectionError, True, "bad header"),
    (httpx.DecodingError("bad gzip"), APIConnectionError, True, "could not be decoded"),
    (ConnectionResetError(104, "Connection reset by peer"), APIConnectionError, True, "reset by peer"),
]


def check(error: APIConnectionError, cls: type[APIConnectionError], sent: bool, words: str) -> None:
    assert type(error) is cls
    assert error.request_sent is sent
    assert error.request is REQUEST
    assert words in str(error)
    assert "POST https://ninja.example/api/v1/clients?per_page=50" in str(error)
    assert "sekrit" not in str(error)


@pytest.mark.parametrize(("exc", "cls", "sent", "words"), AIOHTTP_CASES, ids=lambda v: type(v).__name__)
def test_aiohttp_failures_map_to_sdk_errors(exc: BaseException, cls: type, sent: bool, words: str) -> None:
    check(aiohttp_transport._translate(exc, REQUEST), cls, sent, words)


@pytest.mark.parametrize(("exc", "cls", "sent", "words"), HTTPX_CASES, ids=lambda v: type(v).__name__)
def test_httpx_failures_map_to_sdk_errors(exc: Exception, cls: type, sent: bool, words: str) -> None:
    check(httpx_transport._translate(exc, REQUEST), cls, sent, words)


def test_aiohttp_bare_timeout_while_still_connecting_is_unsent() -> None:
    request = Request("POST", "https://ninja.example/x", deadline=time.monotonic() - 1)
    error = aiohttp_transport._translate(TimeoutError(), request, connecting=True)
    assert type(error) is APITimeoutError
    assert error.request_sent is False
    assert "deadline exceeded while connecting" in str(error)
