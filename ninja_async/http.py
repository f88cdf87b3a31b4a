"""The SDK's own HTTP vocabulary: `Request`, `Response`, `Headers`, `Timeout`.

Everything above the transport speaks only these types, so no aiohttp (or httpx) object ever reaches a
caller, an error or a log line. They are deliberately small, mutable-where-cheap slotted classes: one is
built per attempt on the hot path, so they avoid attrs' validators and ``evolve``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Protocol, TypeVar, overload

__all__ = ["ByteStream", "Headers", "Request", "Response", "Timeout"]

T = TypeVar("T")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_SECRET_HEADERS = frozenset({"x-ninja-token", "x-ninja-secret", "authorization", "cookie"})


class Timeout:
    """Time limits in seconds; ``None`` disables one.

    ``connect`` bounds opening a connection; ``read`` bounds each wait for bytes from the server (a whole
    attempt for a small body); ``deadline`` bounds one logical call across every attempt and backoff sleep.
    Waiting for a concurrency slot is never counted against any of them.
    """

    __slots__ = ("connect", "deadline", "read")

    def __init__(
        self, connect: float | None = 10.0, read: float | None = 60.0, deadline: float | None = None
    ) -> None:
        for name, value in (("connect", connect), ("read", read), ("deadline", deadline)):
            if value is not None and not value > 0:
                raise ValueError(
                    f"Timeout.{name} must be a positive number of seconds or None, got {value!r}"
                )
        self.connect = connect
        self.read = read
        self.deadline = deadline

    @classmethod
    def coerce(cls, value: Timeout | float | None) -> Timeout:
        """A bare number sets both connect and read limits, like most HTTP clients."""
        if value is None:
            return cls(connect=None, read=None)
        if isinstance(value, Timeout):
            return value
        return cls(connect=float(value), read=float(value))

    def __repr__(self) -> str:
        return f"Timeout(connect={self.connect!r}, read={self.read!r}, deadline={self.deadline!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeout):
            return NotImplemented
        return (self.connect, self.read, self.deadline) == (other.connect, other.read, other.deadline)

    __hash__ = None  # type: ignore[assignment]


class Headers(MutableMapping[str, str]):
    """Case-insensitive header mapping that never shows secrets in its repr."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] | None = None) -> None:
        self._items: dict[str, tuple[str, str]] = {}
        if items is not None:
            # Duck-typed: an isinstance check against the Mapping ABC costs every response a Python call.
            pairs = items.items() if hasattr(items, "items") else items
            self._items = {key.lower(): (key, value) for key, value in pairs}

    def __getitem__(self, key: str) -> str:
        return self._items[key.lower()][1]

    def __setitem__(self, key: str, value: str) -> None:
        self._items[key.lower()] = (key, value)

    def __delitem__(self, key: str) -> None:
        del self._items[key.lower()]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._items

    @overload
    def get(self, key: str, /) -> str | None: ...

    @overload
    def get(self, key: str, /, default: str | T) -> str | T: ...

    def get(self, key: str, /, default: object = None) -> object:
        # One lookup instead of the ABC's try/__getitem__: every response is asked for its version header.
        found = self._items.get(key.lower())
        return default if found is None else found[1]

    def plain(self) -> dict[str, str]:
        """The headers as a plain dict, which aiohttp copies in C (a mapping costs it a call per key)."""
        return dict(self._items.values())

    def __iter__(self) -> Iterator[str]:
        return (original for original, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def copy(self) -> Headers:
        clone = Headers()
        clone._items = dict(self._items)
        return clone

    def update_missing(self, defaults: Headers) -> None:
        """Add every header of ``defaults`` that this mapping does not already set."""
        self._items = {**defaults._items, **self._items}

    def redacted(self) -> dict[str, str]:
        """The headers as a plain dict with secret values masked, for logs and reprs."""
        return {
            original: ("<redacted>" if lower in _SECRET_HEADERS else value)
            for lower, (original, value) in self._items.items()
        }

    def __repr__(self) -> str:
        return f"Headers({self.redacted()!r})"


class Request:
    """One HTTP request as the SDK sends it.

    ``url`` is absolute and already carries the encoded query string. ``content`` is the whole body (JSON or
    multipart, encoded by the SDK) so that any transport can send it and any retry can send it again.
    ``stream`` asks the transport for a response whose body is read lazily (downloads); otherwise the
    transport reads the body and releases the connection before returning.

    Two deadlines, on two clocks: ``call_deadline`` bounds the whole logical call on the client's `Clock`
    (set by the deadline middleware, read by retry and concurrency limits, so tests can fake time);
    ``deadline`` is the absolute ``time.monotonic()`` by which the transport must finish this attempt (set
    just before sending, after any wait for a concurrency slot).
    """

    __slots__ = ("call_deadline", "content", "deadline", "headers", "method", "stream", "timeout", "url")

    def __init__(
        self,
        method: str,
        url: str,
        *,
        headers: Headers | Mapping[str, str] | None = None,
        content: bytes | None = None,
        stream: bool = False,
        timeout: Timeout | None = None,
        deadline: float | None = None,
    ) -> None:
        self.method = method.upper()
        self.url = url
        self.headers = headers if isinstance(headers, Headers) else Headers(headers)
        self.content = content
        self.stream = stream
        self.timeout = timeout if timeout is not None else Timeout()
        self.deadline = deadline
        self.call_deadline: float | None = None

    @property
    def idempotent(self) -> bool:
        """Whether sending this request twice has the same effect as once (RFC 9110 §9.2.2)."""
        return self.method in IDEMPOTENT_METHODS

    def __repr__(self) -> str:
        return f"<Request {self.method} {self.url}>"


class ByteStream(Protocol):
    """A response body that a transport hands over unread. Whoever holds it must ``aclose()`` it."""

    def __aiter__(self) -> AsyncIterator[bytes]: ...

    async def aclose(self) -> None: ...


class Response:
    """One HTTP response. The body is either already read (``content``) or a ``ByteStream`` to consume."""

    __slots__ = ("_content", "_stream", "headers", "request", "status")

    def __init__(
        self,
        status: int,
        *,
        headers: Headers | Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
        content: bytes | None = None,
        stream: ByteStream | None = None,
        request: Request | None = None,
    ) -> None:
        if content is not None and stream is not None:
            raise ValueError("a Response takes either content or a stream, not both")
        self.status = status
        self.headers = headers if isinstance(headers, Headers) else Headers(headers)
        self._content = content if stream is not None or content is not None else b""
        self._stream = stream
        self.request = request

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300

    @property
    def is_read(self) -> bool:
        return self._stream is None

    @property
    def content(self) -> bytes:
        """The whole body; only available once read (always, unless the request asked to stream)."""
        if self._stream is not None:
            raise RuntimeError("the body of a streamed response must be read with aread() or aiter_bytes()")
        assert self._content is not None
        return self._content

    async def aread(self, limit: int | None = None) -> bytes:
        """Read the rest of the body into memory; more than ``limit`` bytes raises ``ValueError``."""
        if self._stream is None:
            return self.content
        chunks: list[bytes] = []
        size = 0
        async for chunk in self.aiter_bytes():
            size += len(chunk)
            if limit is not None and size > limit:
                await self.aclose()
                raise ValueError(f"response body exceeds {limit} bytes")
            chunks.append(chunk)
        self._content = b"".join(chunks)
        return self._content

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """Yield the body in chunks as they arrive, then release the connection."""
        stream = self._stream
        if stream is None:
            if self._content:
                yield self._content
            return
        try:
            async for chunk in stream:
                yield chunk
        finally:
            await self.aclose()

    def call_on_close(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once, when the body has been read or closed (at once if it already has)."""
        if self._stream is None:
            callback()
        else:
            self._stream = _CallbackOnClose(self._stream, callback)

    async def aclose(self) -> None:
        """Release the connection behind a streamed body; safe to call more than once."""
        stream, self._stream = self._stream, None
        if stream is not None:
            if self._content is None:
                self._content = b""
            await stream.aclose()

    def __repr__(self) -> str:
        return f"<Response {self.status}>"


class _CallbackOnClose:
    """A stream wrapper that runs a callback once when the stream is closed."""

    __slots__ = ("_callback", "_stream")

    def __init__(self, stream: ByteStream, callback: Callable[[], None]) -> None:
        self._stream = stream
        self._callback: Callable[[], None] | None = callback

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._stream.__aiter__()

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            callback, self._callback = self._callback, None
            if callback is not None:
                callback()
