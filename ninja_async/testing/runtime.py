"""What every handler can reach: settings, the clock, the accounts and the side services.

One :class:`Runtime` is stored on the aiohttp application under :data:`RUNTIME`; the
:class:`~ninja_async.testing.NinjaEmulator` exposes the same object's parts as its knobs.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web

from .churn import Churn
from .clock import Clock
from .faults import FaultInjector
from .store import Registry
from .throttle import Throttle
from .webhooks import Webhooks


@dataclass
class Settings:
    """Server-wide switches that mirror the v4 env (`NINJA_PROD`, `API_SECRET`, …)."""

    hosted: bool = False
    error_delay: float = 3.0
    api_secret: str | None = None
    pro_plan: bool = True
    lock_sent_invoices: bool = False


@dataclass
class Runtime:
    settings: Settings
    clock: Clock
    registry: Registry
    throttle: Throttle
    webhooks: Webhooks
    churn: Churn
    faults: FaultInjector
    rng: random.Random
    requests: Counter[str] = field(default_factory=Counter)


RUNTIME: web.AppKey[Runtime] = web.AppKey("ninja_runtime", Runtime)
