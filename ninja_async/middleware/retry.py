"""Retries with capped, fully jittered exponential backoff: which failures, how long, and can we afford it.

Three small parts, in the manner of botocore's standard retry mode:

- `retry_kind` (the checker) decides *whether* a failure may be retried. 408/429/500/502/503/504 and connect
  failures are retried for every method, because the request was either refused or not processed. Read and
  protocol failures are retried only for idempotent methods: a POST whose answer was lost may have created a
  record, so it is never re-sent; its error says the outcome is unknown. The v4 throttle (403 "Please wait N
  second(s)") was not processed either, so it is retried for every method after the N seconds it asks for.
- `RetryPolicy.backoff` (the backoff) decides *how long*: a server hint when there is one, else full jitter.
  A hint longer than `max_retry_after`, or past the call's deadline, is not slept: the `RateLimitError` is
  raised with ``retry_after`` so that a job can reschedule itself.
- `RetryBudget` (the quota) decides whether the client *can afford* another retry, so that during an outage a
  large job does not multiply the load on the server.

The first attempt runs outside tenacity: a call that succeeds pays nothing for the retry machinery (tenacity
costs ~23 µs per call even when nothing fails). Only after a retryable failure is the rest of the call
handed to ``tenacity.AsyncRetrying``, with the client's clock as its sleep.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Awaitable, Callable

import attrs
from tenacity import AsyncRetrying, RetryCallState, stop_never

from ..clock import Clock
from ..errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    RateLimitError,
    retry_after_seconds,
)
from ..http import Request, Response
from .base import Handler, Layer

__all__ = ["RetryBudget", "RetryEvent", "RetryKind", "RetryMiddleware", "RetryPolicy", "retry_kind"]

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class RetryKind(enum.Enum):
    """Why a failure may be retried (counted per kind in ``NinjaClient.stats.retries_by_kind``)."""

    THROTTLED = "throttled"  # the server asked us to wait; the request was not processed
    STATUS = "status"  # a transient status (408, 5xx...)
    NOT_SENT = "not_sent"  # the request never reached the server
    LOST_IDEMPOTENT = "lost_idempotent"  # an idempotent request whose answer was lost


@attrs.frozen
class RetryPolicy:
    """How a client retries. ``RetryPolicy(max_retries=0)`` turns retries off.

    ``budget`` is the size of the client's retry quota in tokens: a retry costs 5 (10 after a timeout), a
    success gives 1 back; when the quota cannot pay, failures are raised at once. ``None`` disables it.
    """

    max_retries: int = attrs.field(default=4, validator=attrs.validators.ge(0))
    backoff_initial: float = attrs.field(default=0.5, validator=attrs.validators.gt(0))
    backoff_max: float = attrs.field(default=8.0, validator=attrs.validators.gt(0))
    max_retry_after: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    retry_statuses: frozenset[int] = RETRY_STATUSES
    budget: int | None = 500

    def backoff(self, retry_number: int, rng: random.Random) -> float:
        """Full jitter (AWS blog 'Exponential Backoff and Jitter'): uniform in [0, capped exponential]."""
        ceiling = min(self.backoff_max, self.backoff_initial * 2 ** (retry_number - 1))
        return rng.uniform(0, ceiling)


class RetryBudget:
    """A token bucket of retries shared by every call on one client."""

    RETRY_COST = 5
    TIMEOUT_COST = 10
    SUCCESS_REFUND = 1

    __slots__ = ("capacity", "tokens")

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.tokens = capacity

    def try_spend(self, error: APIError) -> bool:
        cost = self.TIMEOUT_COST if isinstance(error, APITimeoutError) else self.RETRY_COST
        if self.tokens < cost:
            return False
        self.tokens -= cost
        return True

    def refund(self) -> None:
        if self.tokens < self.capacity:
            self.tokens = min(self.capacity, self.tokens + self.SUCCESS_REFUND)


@attrs.frozen
class RetryEvent:
    """What the ``retry`` hook receives before the SDK sleeps and re-sends a request."""

    request: Request
    error: APIError
    retry_number: int  # 1 for the first retry
    delay: float  # seconds about to be slept
    kind: RetryKind  # why the failure may be retried


def retry_kind(
    error: APIError, request: Request, retry_statuses: frozenset[int] = RETRY_STATUSES
) -> RetryKind | None:
    """Whether ``error`` may be retried for ``request``, and why; None means it must not be."""
    if isinstance(error, RateLimitError):
        return RetryKind.THROTTLED
    if isinstance(error, APIStatusError):
        return RetryKind.STATUS if error.status in retry_statuses else None
    if isinstance(error, APIConnectionError):
        if not error.request_sent:
            return RetryKind.NOT_SENT
        return RetryKind.LOST_IDEMPOTENT if request.idempotent else None
    return None


def _server_hint(error: APIError) -> float | None:
    if isinstance(error, RateLimitError):
        return error.retry_after
    if isinstance(error, APIStatusError):
        return retry_after_seconds(error.headers)
    return None


class _RetryLoop:
    """The per-call state tenacity consults: the retry predicate computes the delay the wait then returns."""

    __slots__ = ("delay", "kind", "middleware", "request")

    def __init__(self, middleware: RetryMiddleware, request: Request) -> None:
        self.middleware = middleware
        self.request = request
        self.delay = 0.0
        self.kind = RetryKind.STATUS

    def should_retry(self, state: RetryCallState) -> bool:
        assert state.outcome is not None
        error = state.outcome.exception()
        if error is None:
            return False
        if not isinstance(error, APIError):
            return False
        _attach(error, self.request)
        decision = self.middleware.delay_for(self.request, error, retry_number=state.attempt_number)
        if decision is None:
            return False
        self.kind, self.delay = decision
        return True

    def wait(self, state: RetryCallState) -> float:
        return self.delay

    async def before_sleep(self, state: RetryCallState) -> None:
        assert state.outcome is not None
        error = state.outcome.exception()
        assert isinstance(error, APIError)
        event = RetryEvent(self.request, error, state.attempt_number, self.delay, self.kind)
        await self.middleware.on_retry(event)


async def _ignore_event(event: RetryEvent) -> None:
    return None


class RetryMiddleware(Layer):
    __slots__ = ("_budget", "_clock", "_rng", "on_retry", "policy")

    def __init__(
        self,
        policy: RetryPolicy,
        clock: Clock,
        *,
        on_retry: Callable[[RetryEvent], Awaitable[None]] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.policy = policy
        self._clock = clock
        self._budget = RetryBudget(policy.budget) if policy.budget is not None else None
        self._rng = rng or random.Random()
        self.on_retry = on_retry or _ignore_event

    async def handle(self, call_next: Handler, request: Request) -> Response:
        try:
            response = await call_next(request)
        except APIError as error:
            _attach(error, request)
            if retry_kind(error, request, self.policy.retry_statuses) is None or self.policy.max_retries == 0:
                _note_outcome(error)
                raise
            return await self._retry(request, call_next, error)
        if self._budget is not None:
            self._budget.refund()
        return response

    async def _retry(self, request: Request, call_next: Handler, first_error: APIError) -> Response:
        loop = _RetryLoop(self, request)
        retrying = AsyncRetrying(
            sleep=self._clock.sleep,
            retry=loop.should_retry,
            wait=loop.wait,
            stop=stop_never,
            before_sleep=loop.before_sleep,
            reraise=True,
        )
        pending: list[APIError] = [first_error]
        async for attempt in retrying:
            with attempt:
                if pending:
                    raise pending.pop()
                response = await call_next(request)
        if self._budget is not None:
            self._budget.refund()
        return response

    def delay_for(
        self, request: Request, error: APIError, *, retry_number: int
    ) -> tuple[RetryKind, float] | None:
        """Why and how long to wait before retry ``retry_number``, or None (with a note on the error) to
        give up."""
        policy = self.policy
        kind = retry_kind(error, request, policy.retry_statuses)
        if kind is None:
            _note_outcome(error)
            return None
        if retry_number > policy.max_retries:
            error.add_note(f"Gave up after {policy.max_retries} retries.")
            return None
        hint = _server_hint(error)
        if hint is not None and hint > policy.max_retry_after:
            error.add_note(f"The server asked to wait {hint:g} s, more than max_retry_after; not retried.")
            return None
        delay = (
            hint + self._rng.uniform(0, 1.0) if hint is not None else policy.backoff(retry_number, self._rng)
        )
        deadline = request.call_deadline
        if deadline is not None and self._clock.monotonic() + delay >= deadline:
            error.add_note(f"Waiting {delay:.1f} s before retrying would pass the call's deadline.")
            return None
        if kind is not RetryKind.THROTTLED and self._budget is not None and not self._budget.try_spend(error):
            error.add_note("The client's retry budget is exhausted (too many recent failures); not retried.")
            return None
        return kind, delay


def _attach(error: APIError, request: Request) -> None:
    """A custom transport may raise without naming the call; every error the SDK raises names it."""
    if error.request is None:
        error.request = request


def _note_outcome(error: APIError) -> None:
    if isinstance(error, APIConnectionError) and error.outcome_unknown:
        error.add_note(
            "The request was sent and its answer was lost: the server may have processed it (outcome "
            "unknown). It was not re-sent; check its effect before trying again."
        )
