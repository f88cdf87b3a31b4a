"""The aiohttp protocol that keeps a connection's read timeout on one timer, driven by a fake loop clock."""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable
from typing import Any, cast

import aiohttp
import pytest
from aiohttp.client_proto import ResponseHandler

from ninja_async.transport import AiohttpTransport
from ninja_async.transport.aiohttp_protocol import LazyReadTimeoutProtocol, install


class FakeTimer:
    def __init__(self, when: float, callback: Callable[[], None]) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class FakeLoop:
    """Just what the protocol asks of its loop: the time, and timers that the test fires by hand."""

    def __init__(self) -> None:
        self.now = 0.0
        self.timers: list[FakeTimer] = []

    def time(self) -> float:
        return self.now

    def call_at(self, when: float, callback: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(when, callback)
        self.timers.append(timer)
        return timer

    def armed(self) -> list[FakeTimer]:
        return [timer for timer in self.timers if not timer.cancelled]

    def advance_to_next_timer(self, early: float = 0.0) -> None:
        """Move the clock to the earliest armed timer and fire it, as the event loop would (which may be up
        to a clock tick ``early``)."""
        timer = min(self.armed(), key=lambda armed: armed.when)
        self.timers.remove(timer)
        self.now = max(self.now, timer.when - early)
        timer.callback()


def waiting_protocol(loop: FakeLoop, read_timeout: float) -> LazyReadTimeoutProtocol:
    protocol = LazyReadTimeoutProtocol(loop=cast(asyncio.AbstractEventLoop, loop))
    protocol._read_timeout = read_timeout
    protocol.start_timeout()  # aiohttp calls this once the request is sent
    return protocol


def timed_out(protocol: ResponseHandler) -> bool:
    return isinstance(protocol.exception(), aiohttp.ServerTimeoutError)


def test_data_moves_the_deadline_without_a_timer_per_chunk() -> None:
    loop = FakeLoop()
    protocol = waiting_protocol(loop, read_timeout=1.0)
    for now in (0.3, 0.6, 0.9):
        loop.now = now
        protocol._reschedule_timeout()  # what every received chunk does
    assert len(loop.timers) == 1  # aiohttp itself would have made four

    loop.advance_to_next_timer()  # at 1.0: bytes came at 0.9, so the read has until 1.9
    assert not timed_out(protocol)
    assert [timer.when for timer in loop.armed()] == [1.9]

    loop.advance_to_next_timer()
    assert loop.now == 1.9
    assert timed_out(protocol)
    assert loop.armed() == []


def test_a_timer_run_a_clock_tick_early_still_fails_the_read_on_time() -> None:
    loop = FakeLoop()
    protocol = waiting_protocol(loop, read_timeout=0.1)
    loop.advance_to_next_timer(early=0.015)  # a 15.6 ms clock (Windows) runs timers that early
    assert timed_out(protocol)
    assert loop.armed() == []


def test_a_stopped_clock_lets_the_timer_lapse() -> None:
    loop = FakeLoop()
    protocol = waiting_protocol(loop, read_timeout=1.0)
    protocol._drop_timeout()  # the response is complete, or aiohttp paused reading
    loop.advance_to_next_timer()
    assert not timed_out(protocol)
    assert loop.armed() == []


def test_the_next_request_reuses_a_pending_timer_or_arms_an_earlier_one() -> None:
    loop = FakeLoop()
    protocol = waiting_protocol(loop, read_timeout=60.0)
    protocol._drop_timeout()

    loop.now = 1.0
    protocol._read_timeout = 60.0
    protocol.start_timeout()
    assert len(loop.timers) == 1  # the idle timer at 60 s serves the new deadline too

    protocol._drop_timeout()
    protocol._read_timeout = 0.2  # a shorter limit: the timer at 60 s would be too late
    protocol.start_timeout()
    assert [timer.when for timer in loop.armed()] == [1.2]
    loop.advance_to_next_timer()
    assert timed_out(protocol)


def test_no_read_timeout_means_no_timer() -> None:
    loop = FakeLoop()
    waiting_protocol(loop, read_timeout=0)
    assert loop.timers == []


def test_a_lost_connection_cancels_its_timer() -> None:
    loop = FakeLoop()
    protocol = waiting_protocol(loop, read_timeout=1.0)
    protocol.connection_lost(None)
    assert loop.armed() == []


def answering_protocol(loop: FakeLoop, read_timeout: float) -> LazyReadTimeoutProtocol:
    """A protocol that has sent its request and parses what comes back with aiohttp's own parser."""
    protocol = waiting_protocol(loop, read_timeout)
    protocol.set_response_params(read_timeout=read_timeout)
    return protocol


EARLY_HINTS = b"HTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload\r\n\r\n"


def test_the_clock_runs_on_after_an_interim_answer() -> None:
    loop = FakeLoop()
    protocol = answering_protocol(loop, read_timeout=1.0)
    loop.now = 0.5
    protocol.data_received(EARLY_HINTS)  # stock aiohttp stops the clock here, for good
    loop.advance_to_next_timer()  # at 1.0: the 103 came at 0.5, so the final answer has until 1.5
    assert not timed_out(protocol)
    loop.advance_to_next_timer()
    assert loop.now == 1.5
    assert timed_out(protocol)


@pytest.mark.parametrize(
    "final",
    [
        b"HTTP/1.1 204 No Content\r\n\r\n",
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
    ],
    ids=["204", "101"],
)
@pytest.mark.parametrize("together", [True, False], ids=["one-chunk", "two-chunks"])
def test_a_final_answer_without_a_body_stops_the_clock_after_an_interim_one(
    final: bytes, together: bool
) -> None:
    loop = FakeLoop()
    protocol = answering_protocol(loop, read_timeout=1.0)
    for chunk in [EARLY_HINTS + final] if together else [EARLY_HINTS, final]:
        protocol.data_received(chunk)
    loop.advance_to_next_timer()
    assert not timed_out(protocol)
    assert loop.armed() == []


def test_a_final_answer_with_a_body_stops_the_clock_at_its_end() -> None:
    loop = FakeLoop()
    protocol = answering_protocol(loop, read_timeout=1.0)
    protocol.data_received(EARLY_HINTS + b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndo")
    assert protocol._read_deadline == 1.0  # body still coming: the clock runs
    protocol.data_received(b"ne")
    assert protocol._read_deadline is None
    loop.advance_to_next_timer()
    assert not timed_out(protocol)


class CustomProtocol(ResponseHandler):
    pass


async def test_install_replaces_only_aiohttps_own_protocol() -> None:
    connector = aiohttp.TCPConnector()
    try:
        assert install(connector)
        factory: Any = connector._factory
        assert factory.func is LazyReadTimeoutProtocol
        assert factory.keywords == {"loop": asyncio.get_running_loop()}

        custom: Any = functools.partial(CustomProtocol, loop=asyncio.get_running_loop())
        connector._factory = custom
        assert not install(connector)  # someone else's protocol: left as it is
        assert connector._factory is custom
    finally:
        await connector.close()


async def test_install_leaves_an_aiohttp_without_the_hooks_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(ResponseHandler, "_drop_timeout")
    connector = aiohttp.TCPConnector()
    try:
        assert not install(connector)
        factory: Any = connector._factory
        assert factory.func is ResponseHandler
    finally:
        await connector.close()


def test_no_other_aiohttp_code_touches_the_timer_handle_we_leave_unused() -> None:
    # The protocol keeps its timer under its own name and relies on aiohttp reaching aiohttp's timer only
    # through the two methods it overrides. An aiohttp that uses the handle anywhere else fails here.
    users = {
        name
        for name, member in vars(ResponseHandler).items()
        if inspect.isfunction(member) and "_read_timeout_handle" in inspect.getsource(member)
    }
    assert users == {"__init__", "_drop_timeout", "_reschedule_timeout"}


async def test_the_default_transport_uses_it_with_this_aiohttp() -> None:
    # Pinned so that an aiohttp upgrade that turns it off (see `install`) does not go unnoticed.
    async with AiohttpTransport() as transport:
        connector: Any = transport._session.get().connector
        assert connector._factory.func is LazyReadTimeoutProtocol
