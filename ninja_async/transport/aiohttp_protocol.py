"""aiohttp's response protocol with the read timeout (``sock_read``) kept on one timer per connection.

aiohttp restarts the read timeout on every chunk it receives by cancelling its timer and scheduling a new
one: two or three timers per response, each pushed onto the event loop's heap (with Python comparisons) and
left there cancelled. That cost about 1% of a 100-invoice page. Here a chunk only moves the deadline; the
connection's one timer, when it goes off, either finds the deadline passed and fails the read, as aiohttp
would, or re-arms itself for the new deadline. The timeout keeps aiohttp's meaning (``read`` seconds
without a byte, counted only while aiohttp waits for the server) and costs no timer work per chunk, and
none per request on a kept-alive connection.

It hooks aiohttp's private ``_reschedule_timeout`` (restart the clock) and ``_drop_timeout`` (stop it);
`install` leaves a connector as it is on an aiohttp without them.

It also mends a hang in aiohttp: at an interim answer (``103 Early Hints``, which proxies and CDNs send)
aiohttp stops the read timeout as at a final answer without a body, then waits for the final answer with no
clock running, so a server that stalls after it hangs the request. Here the clock keeps running.
"""

from __future__ import annotations

import asyncio
import functools

import aiohttp
from aiohttp.client_proto import ResponseHandler
from aiohttp.http_parser import RawResponseMessage
from aiohttp.streams import StreamReader

__all__ = ["LazyReadTimeoutProtocol", "install"]

_HOOKS = ("_reschedule_timeout", "_drop_timeout", "_on_read_timeout", "start_timeout")


class LazyReadTimeoutProtocol(ResponseHandler):
    # Our own names: aiohttp code that touches its ``_read_timeout_handle`` finds it None, as it expects.
    _read_deadline: float | None = None
    _idle_timer: asyncio.TimerHandle | None = None
    _idle_timer_at = 0.0
    _interim = False  # the last answer parsed was a 1xx: the final one is still to come

    def _reschedule_timeout(self) -> None:
        timeout = self._read_timeout
        if not timeout:
            self._read_deadline = None
            return
        deadline = self._loop.time() + timeout
        self._read_deadline = deadline
        if self._idle_timer is None or self._idle_timer_at > deadline:
            self._arm(deadline)

    def feed_data(self, data: tuple[RawResponseMessage, StreamReader], size: int = 0) -> None:
        code = data[0].code
        self._interim = 100 <= code < 200 and code != 101  # as aiohttp tells them: 101 is a final answer
        super().feed_data(data, size)

    def _drop_timeout(self) -> None:
        if self._interim:  # aiohttp stopping the clock at a 1xx answer: the wait for the final one goes on
            return
        # The timer stays armed; finding no deadline when it goes off, it lapses.
        self._read_deadline = None

    def _arm(self, when: float) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        self._idle_timer_at = when
        self._idle_timer = self._loop.call_at(when, self._check_deadline)

    def _check_deadline(self) -> None:
        armed_for, self._idle_timer = self._idle_timer_at, None
        deadline = self._read_deadline
        if deadline is None:
            return
        # The loop runs a timer up to a clock tick early: judge by the time it was armed for, as aiohttp's
        # own timer is judged, rather than by a fresh clock read that could put the failure a tick late.
        if deadline <= armed_for:
            self._on_read_timeout()  # fails the read; aiohttp's set_exception drops the deadline
        else:
            self._arm(deadline)

    def connection_lost(self, exc: BaseException | None) -> None:
        super().connection_lost(exc)
        if self._idle_timer is not None:  # do not keep a dead connection alive until the timer goes off
            self._idle_timer.cancel()
            self._idle_timer = None


def install(connector: aiohttp.BaseConnector) -> bool:
    """Make ``connector`` build its connections with `LazyReadTimeoutProtocol`; False if it cannot."""
    stock = getattr(connector, "_factory", None)
    if not (isinstance(stock, functools.partial) and stock.func is ResponseHandler):
        return False
    if not all(callable(getattr(ResponseHandler, name, None)) for name in _HOOKS):
        return False
    protocol: type[ResponseHandler] = LazyReadTimeoutProtocol
    connector._factory = functools.partial(protocol, *stock.args, **stock.keywords)
    return True
