"""The middleware chain around the transport: small layers with one job each.

Order, outermost first (`NinjaClient` builds it once): headers → the user's own middlewares → version guard
→ deadline → retry → client-side throttle → status-to-exception → hooks → logging → concurrency limit →
transport. Each attempt of a retried call passes through everything below retry again.
"""

from .base import Handler, Middleware, build_chain
from .hooks import EventHooks
from .retry import RetryBudget, RetryEvent, RetryKind, RetryPolicy, retry_kind
from .throttle import LeakyBucket

__all__ = [
    "EventHooks",
    "Handler",
    "LeakyBucket",
    "Middleware",
    "RetryBudget",
    "RetryEvent",
    "RetryKind",
    "RetryPolicy",
    "build_chain",
    "retry_kind",
]
