"""`NinjaEmulator`: builds a seeded account and the app, and serves it on a loopback port."""

from __future__ import annotations

import random
from collections.abc import Iterable
from types import TracebackType
from typing import Self

from aiohttp import web

from .accounts import new_account
from .app import build_app
from .churn import Churn, ChurnConfig
from .clock import Clock
from .constants import API_PREFIX, DEFAULT_EMAIL, DEFAULT_PASSWORD, DEFAULT_TOKEN, HOUR
from .faults import Fault, FaultInjector
from .runtime import Runtime, Settings
from .seed import seed_account
from .store import Account, Registry
from .throttle import Throttle
from .webhooks import Webhooks


class NinjaEmulator:
    """An in-memory Invoice Ninja v4.5.50 server, deterministic from ``seed``.

    Use it as ``async with NinjaEmulator(...) as emu:`` (or :meth:`start`/:meth:`stop`), then point
    a client at :attr:`base_url`; or pass :attr:`app` to aiohttp's test client without starting it.
    The knobs are live: :attr:`settings` (hosted mode, error delay, API secret), :attr:`throttle`,
    :attr:`faults`, :attr:`churn`, :attr:`webhooks` and :attr:`clock`.
    """

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        clients: int = 10,
        invoices: int = 30,
        seed: int = 0,
        hosted: bool = False,
        hour_seconds: float = HOUR,
        error_delay: float = 3.0,
        faults: Iterable[Fault] = (),
        churn: ChurnConfig | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        api_secret: str | None = None,
        email: str = DEFAULT_EMAIL,
        password: str = DEFAULT_PASSWORD,
        webhooks: bool = True,
        subscription_secret: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.clock = clock or Clock()
        self.settings = Settings(hosted=hosted, error_delay=error_delay, api_secret=api_secret)
        registry = Registry(self.clock)
        account = new_account(registry, name="Emulated Company", email=email, password=password, token=token)
        seed_account(account, random.Random(seed), clients=clients, invoices=invoices)
        self.runtime = Runtime(
            settings=self.settings,
            clock=self.clock,
            registry=registry,
            throttle=Throttle(self.clock, hour_seconds),
            webhooks=Webhooks(enabled=webhooks, secret=subscription_secret),
            churn=Churn(churn or ChurnConfig()),
            faults=FaultInjector(faults, seed=seed),
            rng=random.Random(seed + 1),
        )
        self.app = build_app(self.runtime)
        self.token = token
        self._runner: web.AppRunner | None = None

    # -- state and knobs ---------------------------------------------------------------------
    @property
    def state(self) -> Account:
        """The seeded account, for assertions (``emu.state.invoices.get(1)``, ``sent_emails``, …)."""
        return self.runtime.registry.accounts[0]

    @property
    def registry(self) -> Registry:
        return self.runtime.registry

    @property
    def throttle(self) -> Throttle:
        return self.runtime.throttle

    @property
    def faults(self) -> FaultInjector:
        return self.runtime.faults

    @property
    def churn(self) -> Churn:
        return self.runtime.churn

    @property
    def webhooks(self) -> Webhooks:
        return self.runtime.webhooks

    @property
    def request_count(self) -> int:
        """Requests that reached the server (fault-injected ones included)."""
        return sum(self.runtime.requests.values())

    # -- serving -------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """The server root, e.g. ``http://127.0.0.1:54321`` (the API is under ``/api/v1``)."""
        if self._runner is None:
            raise RuntimeError("the emulator is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    async def start(self) -> None:
        runner = web.AppRunner(self.app, handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        if self.port == 0:
            self.port = int(runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()
