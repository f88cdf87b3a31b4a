"""Files in and out: streamed downloads with a size cap and safe names, and multipart uploads.

A download is written to a temporary file beside its target and renamed into place only when complete, so
a failed or oversized download never leaves a half-written PDF behind. A ``Content-Disposition`` filename
is reduced to its last path component and to safe characters, so it can never write outside the target
directory.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import re
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import ResponseDecodeError
from .http import Response

__all__ = ["DEFAULT_MAX_DOWNLOAD", "encode_multipart", "filename_from", "read_capped", "save_download"]

DEFAULT_MAX_DOWNLOAD = 50 * 1024 * 1024
_FILENAME = re.compile(r'filename\*?=(?:UTF-8\'\')?"?([^";]+)"?', re.IGNORECASE)
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]")
_MAX_NAME = 200  # characters; after _UNSAFE every character is one byte


def filename_from(response: Response, default: str) -> str:
    """The server's suggested filename, made safe to join to a directory; ``default`` if none usable."""
    header = response.headers.get("Content-Disposition", "")
    match = _FILENAME.search(header)
    raw = match.group(1) if match else ""
    name = _UNSAFE.sub("_", raw.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    if len(name) > _MAX_NAME:  # file systems refuse names over 255 bytes: keep the start and the extension
        suffix = Path(name).suffix[:16]
        name = name[: _MAX_NAME - len(suffix)].rstrip(" .") + suffix
    return name or default


def _too_large(response: Response, max_bytes: int) -> ResponseDecodeError:
    return ResponseDecodeError(
        f"download exceeds max_bytes={max_bytes}; pass a larger max_bytes (or None) to allow it",
        request=response.request,
    )


async def read_capped(response: Response, max_bytes: int | None) -> bytes:
    """The whole streamed body, refusing more than ``max_bytes``."""
    try:
        return await response.aread(limit=max_bytes)
    except ValueError:
        assert max_bytes is not None
        raise _too_large(response, max_bytes) from None


async def save_download(response: Response, to: Path, *, max_bytes: int | None, default_name: str) -> Path:
    """Stream the body to ``to`` (a directory gets the server's filename) and return the path written."""
    # Local stat and unlink below: microseconds, not worth a thread hop.
    try:
        target = to / filename_from(response, default_name) if to.is_dir() else to  # noqa: ASYNC240
        fd, temporary = tempfile.mkstemp(prefix=".ninja-download-", dir=target.parent)
    except BaseException:  # e.g. the directory does not exist: release the connection before raising
        await response.aclose()
        raise
    written = 0
    try:
        with os.fdopen(fd, "wb") as sink:
            async for chunk in response.aiter_bytes():
                written += len(chunk)
                if max_bytes is not None and written > max_bytes:
                    raise _too_large(response, max_bytes)
                sink.write(chunk)
        os.replace(temporary, target)
    except BaseException:
        await response.aclose()
        Path(temporary).unlink(missing_ok=True)  # noqa: ASYNC240
        raise
    return target


async def encode_multipart(
    file: str | Path | bytes,
    *,
    filename: str | None,
    content_type: str | None,
    fields: Mapping[str, int | str | None],
) -> tuple[bytes, dict[str, str]]:
    """A ``multipart/form-data`` body with one ``file`` part, plus the header that announces it."""
    if isinstance(file, bytes):
        data = file
        if not filename:
            raise ValueError("uploading bytes needs a filename")
    else:
        path = Path(file)
        data = await asyncio.to_thread(path.read_bytes)
        filename = filename or path.name
    mime = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    boundary = f"ninja-async-{secrets.token_hex(12)}"
    parts: list[bytes] = []
    for name, value in fields.items():
        if value is None:
            continue
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    safe_name = filename.replace('"', "_").replace("\r", "_").replace("\n", "_")
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{safe_name}"\r\n'
        f"Content-Type: {mime}\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}
