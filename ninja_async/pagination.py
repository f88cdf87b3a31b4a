"""Auto-pagination: a paginator that is awaitable (the first page) and async-iterable (every item).

After page 1 reveals ``total_pages``, the remaining pages are fetched concurrently, at most ``concurrency``
at a time, and handed out in page order (or as they complete, with ``ordered=False``). A page that arrives
hands its request slot to the next page at once, while up to ``concurrency`` arrived pages wait to be read,
undecoded: each is decoded when the caller reaches it, so the caller's work and the decoding overlap the
next requests' latency, and no waiting page is a heap of objects for the garbage collector to walk. Memory
stays at O(concurrency) pages however long the list is. Leaving the loop early cancels the fetches still in
flight, which releases their connections.

v4 lists are ordered by a timestamp and paged by number, so records written during a long read shift rows
from one page to the next: the same row can arrive twice. Items are therefore de-duplicated by id, whether
they are read one by one or page by page. (Rows can also be skipped by such shifts; `ninja_async.sync` is
the tool that guarantees nothing is missed.)
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Hashable
from typing import Any, Generic, TypeVar

import attrs

from .decoding import Page
from .seen_ids import SeenIds

__all__ = ["PageSource", "Paginator"]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_PAGE_CONCURRENCY = 8


def item_id(item: Any) -> object:
    """The id of a model or a raw dict; None for records without one (payment terms)."""
    if isinstance(item, dict):
        return item.get("id")
    return getattr(item, "id", None)


# What an id getter raises for a record without a usable id (no key, no attribute, not a mapping).
_NO_ID = (LookupError, AttributeError, TypeError)


def _id_or_none(identity: Callable[[T], object], item: T) -> object:
    try:
        return identity(item)
    except _NO_ID:
        return None


def _ids(page: Page[T], identity: Callable[[T], object]) -> list[object] | None:
    """Every item's id (as the decoder read them, if it did with ``identity``), or None when some item has
    none (`identity` raised): that page goes item by item."""
    known = page._ids
    if known is not None and known[0] is identity:
        return known[1]
    try:
        return list(map(identity, page.items))
    except _NO_ID:
        return None


_is_done = asyncio.Future.done  # a Task is a Future: its C method, callable without a Python frame

PageSource = Page[T] | Callable[[], Page[T]]
"""What a paginator's ``fetch`` gives: the page, or a function that makes it when the caller gets there."""


def _made(source: PageSource[T]) -> Page[T]:
    return source() if callable(source) else source


class Paginator(Generic[T]):
    """``await it`` → first `Page`; ``async for x in it`` → items; ``it.pages()``; ``await it.collect()``.

    ``fetch(number)`` gives a page, or a function that makes it from the answer it holds: then the decoding
    waits until the caller reaches that page, so that pages waiting to be read are kept as compact bodies
    (not as thousands of objects the garbage collector walks) and a page is decoded, its ids read and its
    items handed out while it is in the CPU's cache.

    ``prefetch``: pages to request together with the first, before it tells how many there are. It saves
    one round trip of latency on a long list and costs up to ``prefetch`` wasted requests on a short one
    (mind a hosted account's 1000 requests/hour); at most ``concurrency`` are used. ``identity`` gives an
    item's id (None, or raising for an item without one, keeps that item); None turns de-duplication
    off. ``duplicates_dropped`` and ``pages_fetched`` count what the last iteration did.
    """

    def __init__(
        self,
        fetch: Callable[[int], Awaitable[PageSource[T]]],
        *,
        concurrency: int = DEFAULT_PAGE_CONCURRENCY,
        ordered: bool = True,
        start_page: int = 1,
        identity: Callable[[T], object] | None = item_id,
        raw: Callable[[], Paginator[dict[str, Any]]] | None = None,
        prefetch: int = 0,
    ) -> None:
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, got {concurrency!r}")
        if start_page < 1:
            raise ValueError(f"start_page must be at least 1, got {start_page!r}")
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 0:
            raise ValueError(f"prefetch must be an int >= 0, got {prefetch!r}")
        self._fetch = fetch
        self.concurrency = concurrency
        self.ordered = ordered
        self.start_page = start_page
        self._identity = identity
        self._raw = raw
        self.prefetch = prefetch
        self._first: Page[T] | None = None
        self.total: int | None = None  # the list's size as its first page reported it
        self.pages_fetched = 0
        self.duplicates_dropped = 0

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self._first_page().__await__()

    async def _first_page(self) -> Page[T]:
        if self._first is None:
            self._first = _made(await self._fetch(self.start_page))
            self.total = self._first.total
        return self._first

    def raw(self) -> Paginator[dict[str, Any]]:
        """The same list as plain dicts, skipping model structuring (for pipelines that re-serialise)."""
        if self._raw is None:
            raise TypeError("this paginator has no raw form")
        return self._raw()

    def pages(self) -> AsyncGenerator[Page[T], None]:
        """Every page, fetched concurrently after the first (or with it, given ``prefetch``).

        A page's ``items`` leave out the rows an earlier page already gave (its ``count`` stays the server's).
        """
        return self._walk()

    async def _walk(self) -> AsyncGenerator[Page[T], None]:
        """Pages in turn, each made when the caller reaches it, without the rows handed out before."""
        identity = self._identity
        seen = SeenIds()
        self.duplicates_dropped = 0
        in_flight: deque[asyncio.Task[PageSource[T]]] = deque()
        next_page = self.start_page + 1
        last_page = self.start_page
        stopped = False

        async def fetch(number: int) -> PageSource[T]:
            source = await self._fetch(number)
            # This page is in: its request slot goes to the next page now, not when the caller reaches it,
            # so the pages of one window that arrive together do not hold back the next window.
            fill_window(finishing=1)
            return source

        def fill_window(finishing: int = 0) -> None:
            """Keep ``concurrency`` requests out, holding at most twice that many pages unread."""
            nonlocal next_page
            if stopped:
                return
            # Counted, not tracked: a task cancelled before it started never runs code that could un-count it.
            # (Future.done through map: no Python frame per task.)
            running = len(in_flight) - sum(map(_is_done, in_flight)) - finishing
            while (
                running < self.concurrency
                and len(in_flight) < 2 * self.concurrency
                and next_page <= last_page
            ):
                in_flight.append(asyncio.ensure_future(fetch(next_page)))
                running += 1
                next_page += 1

        try:
            if self._first is None and self.prefetch:
                # Speculate: ask for the next pages before page 1 says how many there are.
                last_page = self.start_page + min(self.prefetch, self.concurrency)
                fill_window()
            first, self._first = await self._first_page(), None
            self.pages_fetched = 1
            more = first.count > 0 and self.start_page < first.total_pages
            last_page = first.total_pages if more else self.start_page
            while len(in_flight) > max(last_page - self.start_page, 0):  # speculation past the end
                in_flight.pop().cancel()
            fill_window()  # the next pages load while the caller works through the first
            yield self._without_repeats(first, identity, seen)
            while in_flight:
                if self.ordered:
                    source = await in_flight[0]
                    in_flight.popleft()
                else:
                    source = await self._first_done(in_flight)
                page = _made(source)
                self.pages_fetched += 1
                if page.count == 0:
                    last_page = min(last_page, page.current_page - 1)  # the list shrank: ask for no more
                else:
                    last_page = max(last_page, page.total_pages)  # the list grew while we read it
                fill_window()
                yield self._without_repeats(page, identity, seen)
        finally:
            stopped = True
            for task in in_flight:
                task.cancel()
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)

    async def _first_done(self, in_flight: deque[asyncio.Task[R]]) -> R:
        done, _ = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
        task = next(iter(done))
        in_flight.remove(task)
        return task.result()

    def __aiter__(self) -> AsyncGenerator[T, None]:
        return self._items()

    async def _items(self) -> AsyncGenerator[T, None]:
        async with contextlib.aclosing(self._walk()) as walk:
            async for page in walk:
                for item in page.items:
                    yield item

    def _without_repeats(
        self, page: Page[T], identity: Callable[[T], object] | None, seen: SeenIds
    ) -> Page[T]:
        if identity is None:
            return page
        ids = _ids(page, identity)
        if ids is not None and seen.add_all(ids):  # the common case: nothing repeats
            return page
        return attrs.evolve(page, items=self._drop_repeats(page.items, identity, seen))

    def _drop_repeats(self, items: list[T], identity: Callable[[T], object], seen: SeenIds) -> list[T]:
        kept = []
        for item in items:
            key = _id_or_none(identity, item)
            if key is not None and isinstance(key, Hashable) and not seen.add(key):
                self.duplicates_dropped += 1
                continue
            kept.append(item)
        return kept

    async def collect(self) -> list[T]:
        """Every item in a list (prefer ``async for`` for long lists: it holds O(concurrency) pages)."""
        return [item async for item in self]
