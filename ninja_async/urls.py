"""Building request URLs: the API root, safe relative paths and v4-style query strings.

Everything a caller puts into a URL passes through here, so a hostile id or path (``"1/../users"``,
``"//evil.example"``) is refused before anything is sent.
"""

from __future__ import annotations

import datetime
import functools
import ipaddress
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

__all__ = ["QueryValue", "api_root", "build_url", "encode_query", "is_loopback", "safe_path", "unix_seconds"]

QueryValue = str | int | float | bool | datetime.datetime | datetime.date | list[Any] | tuple[Any, ...] | None

API_PREFIX = "/api/v1"
_SEGMENT = re.compile(r"^[A-Za-z0-9_\-.]+$")


def api_root(base_url: str) -> str:
    """``https://host[/prefix]`` with or without ``/api/v1`` and trailing slashes → ``.../api/v1``."""
    if not isinstance(base_url, str) or not base_url.strip():
        raise ValueError("base_url must be the server's URL, e.g. 'https://app.invoiceninja.com'")
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base_url must be an http(s) URL with a host, got {base_url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"base_url must not carry a query or fragment, got {base_url!r}")
    path = parts.path.rstrip("/")
    if path.endswith(API_PREFIX):
        path = path[: -len(API_PREFIX)]
    return f"{parts.scheme}://{parts.netloc}{path}{API_PREFIX}"


def _absolute(url: str) -> str:
    parts = urlsplit(url)
    if not parts.hostname or (parts.scheme == "http" and not is_loopback(url)):
        raise ValueError(f"refusing to fetch {url!r}: only https (or http to loopback) URLs")
    return url


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def safe_path(path: str) -> str:
    """A relative API path whose every segment is plain (letters, digits, ``_-.``; never ``.`` or ``..``)."""
    if not isinstance(path, str):
        raise TypeError(f"path must be a str, got {type(path).__name__}")
    segments = path.removeprefix("/").split("/")
    for segment in segments:
        if not _SEGMENT.match(segment) or set(segment) == {"."}:
            raise ValueError(f"refusing unsafe API path {path!r}: segment {segment!r} is not allowed")
    return "/".join(segments)


# The same few paths come back on every call ("invoices", "invoices/5"): check each once.
_checked_path = functools.lru_cache(maxsize=1024)(safe_path)


def unix_seconds(value: int | datetime.datetime) -> int:
    """A v4 timestamp: Unix seconds given as an int, or an aware datetime."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: give it a timezone so the timestamp is unambiguous")
        return int(value.timestamp())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"expected Unix seconds (an int >= 0) or an aware datetime, got {value!r}")
    return value


def _encode_value(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        return str(unix_seconds(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ",".join(_encode_value(item) for item in value)
    return str(value)


@functools.lru_cache(maxsize=512, typed=True)
def _quoted_key(key: Any) -> str:
    """Parameter names repeat on every request (``per_page``, ``page``...): quote each once."""
    return quote(str(key), safe="")


def encode_query(params: Mapping[str, QueryValue]) -> str:
    """``k=v&...`` with None dropped, bools as 1/0, datetimes as Unix seconds, sequences comma-joined."""
    parts = []
    for key, value in params.items():
        if value is None:
            continue
        # An int's text is digits and '-', which quote() leaves alone: skip quote() on the per-page hot path.
        text = str(value) if value.__class__ is int else quote(_encode_value(value), safe=",")
        parts.append(f"{_quoted_key(key)}={text}")
    return "&".join(parts)


def build_url(api_url: str, path: str, params: Mapping[str, QueryValue] | None = None) -> str:
    """``api_url/path?query``; an absolute https URL (a file the server redirected to) is kept as it is."""
    absolute = path.startswith(("https://", "http://"))
    url = _absolute(path) if absolute else f"{api_url}/{_checked_path(path)}"
    if params:
        query = encode_query(params)
        if query:
            url = f"{url}?{query}"
    return url
