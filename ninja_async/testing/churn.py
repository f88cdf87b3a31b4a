"""Churn: records created and updated while a client is listing, to test that syncs lose nothing.

Per-request churn runs just before a list of a churned resource is read: ``creates_per_list``
new rows and ``updates_per_list`` re-stamped rows (``updated_at`` = the emulator clock's now).
Background churn does one create and one update every ``1 / rate`` seconds while the server runs.
Only clients, invoices and products churn; changes do not fire webhooks or activities.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field

from .seed import Seeder
from .store import Account

CHURNABLE = ("clients", "invoices", "products")


@dataclass
class ChurnConfig:
    resources: tuple[str, ...] = ("invoices",)
    creates_per_list: int = 0
    updates_per_list: int = 0
    rate: float = 0.0
    seed: int = 0


@dataclass
class Churn:
    config: ChurnConfig = field(default_factory=ChurnConfig)
    created: int = 0
    updated: int = 0

    def __post_init__(self) -> None:
        unknown = set(self.config.resources) - set(CHURNABLE)
        if unknown:
            raise ValueError(f"churn supports {CHURNABLE}, not {sorted(unknown)}")
        self.rng = random.Random(self.config.seed)

    def create(self, account: Account, resource: str) -> None:
        seeder = Seeder(account, self.rng)
        now = account.clock.timestamp()
        if resource == "clients":
            row = seeder.client()
        elif resource == "products":
            row = account.new_row(
                "products", 0, product_key=f"CHURN-{self.created + 1}", notes="Churned", cost=1.0
            )
        else:
            live = [c for c in account.clients if c.deleted_at is None] or list(account.clients)
            if not live:
                return
            row = seeder.invoice(self.rng.choice(live))
        row.created_at = row.updated_at = now
        row.deleted_at, row.is_deleted = None, False
        account.table(resource).dirty()
        self.created += 1

    def update(self, account: Account, resource: str) -> None:
        table = account.table(resource)
        if not len(table):
            return
        row = table.get(self.rng.randint(1, table.last_id))
        if row is None:
            return
        row.f["private_notes"] = f"churn update {self.updated + 1}"
        account.touch(resource, row)
        self.updated += 1

    def before_list(self, account: Account, resource: str) -> None:
        """The per-request churn for one list request."""
        if resource not in self.config.resources:
            return
        for _ in range(self.config.creates_per_list):
            self.create(account, resource)
        for _ in range(self.config.updates_per_list):
            self.update(account, resource)

    def tick(self, account: Account) -> None:
        """One step of background churn: a create and an update per churned resource."""
        for resource in self.config.resources:
            self.create(account, resource)
            self.update(account, resource)

    async def run(self, account: Account) -> None:
        """Background churn until cancelled; idles while ``rate`` is 0 so it can be turned on later."""
        while True:
            rate = self.config.rate
            await asyncio.sleep(1.0 / rate if rate > 0 else 0.1)
            if rate > 0:
                self.tick(account)
