"""Webhook delivery (`SubscriptionListener`): POST the transformed entity to each subscriber.

Deliveries run as background tasks so they never delay the API response, are recorded on the
account (``hook_deliveries``) whether or not sending is switched on, and a 410 answer removes
the subscription as v4 does. :meth:`Webhooks.drain` lets a test wait for them without sleeping.
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from .store import Account, HookDelivery, Subscription


class Webhooks:
    def __init__(self, enabled: bool = True, timeout: float = 10.0, secret: str | None = None) -> None:
        self.enabled = enabled
        #: Self-host `SUBSCRIPTION_SECRET`: appended to each target URL as `?secret=…` when set.
        self.secret = secret
        self.timeout = timeout
        self._tasks: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None

    def emit(self, account: Account, event: str, payload: dict[str, Any]) -> None:
        """Queue one delivery per subscription to ``event``."""
        for sub in [s for s in account.subscriptions.values() if s.event == event]:
            delivery = HookDelivery(event=event, target_url=sub.target_url, payload=payload)
            account.hook_deliveries.append(delivery)
            if self.enabled:
                task = asyncio.get_running_loop().create_task(self._deliver(account, sub, delivery))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _deliver(self, account: Account, sub: Subscription, delivery: HookDelivery) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        try:
            params = {"secret": self.secret} if self.secret else None
            async with self._session.post(sub.target_url, json=delivery.payload, params=params) as response:
                delivery.status = response.status
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            delivery.error = f"{type(exc).__name__}: {exc}"
            return
        if delivery.status == 410:
            account.subscriptions.pop(sub.public_id, None)

    async def drain(self) -> None:
        """Wait until every queued delivery has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        await self.drain()
        if self._session is not None:
            await self._session.close()
            self._session = None
