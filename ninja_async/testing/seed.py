"""Deterministic, realistic seed data: the same seed gives the same account, row for row.

Clients have company names and contacts with emails; invoices have 1-5 items from the product
catalogue and a spread of types (standard ~85%, quotes ~10%, recurring ~5%) and statuses;
paid and partly paid invoices have payments; a few rows of every kind are archived or deleted.
Rows are built directly (no validation, no rendering) so 100k invoices seed in seconds.
Timestamps lie in the year before the emulator clock's start.
"""

from __future__ import annotations

import gc
import random
from typing import Any

from .clock import date_of
from .constants import FREQUENCY_MONTHLY, STATUS_PAID, STATUS_PARTIAL, TYPE_QUOTE, TYPE_STANDARD
from .store import Account, Activity, Row

FIRST_NAMES = (
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Kemi",
    "Liam",
)
LAST_NAMES = ("Anders", "Brooks", "Castillo", "Dubois", "Eze", "Fischer", "Garcia", "Hale", "Ito", "Jensen")
COMPANY_A = (
    "Blue",
    "Granite",
    "Northwind",
    "Silver",
    "Harbor",
    "Cedar",
    "Quantum",
    "Maple",
    "Summit",
    "Atlas",
)
COMPANY_B = (
    "Labs",
    "Logistics",
    "Bakery",
    "Studios",
    "Consulting",
    "Outfitters",
    "Systems",
    "Foods",
    "Works",
)
CITIES = (
    ("Portland", "OR", "97201"),
    ("Austin", "TX", "73301"),
    ("Denver", "CO", "80202"),
    ("Boston", "MA", "02108"),
)
PRODUCTS = (
    ("WEB-DEV", "Web development (hour)", 95.0),
    ("DESIGN", "Design work (hour)", 80.0),
    ("HOSTING", "Monthly hosting", 25.0),
    ("SUPPORT", "Support plan", 150.0),
    ("AUDIT", "Security audit", 1200.0),
    ("TRAINING", "Training day", 640.5),
    ("LICENSE", "Software license", 49.99),
    ("CONSULT", "Consulting (hour)", 120.0),
)
TAX_RATES = (("VAT", 20.0), ("GST", 5.0), ("Reduced", 7.5))
YEAR = 365 * 86400
STATUSES = (1, 2, 2, 3, 5, 6, 6, 6)
FREEZE_AT = 10_000


class Seeder:
    """Builds rows for one account from one random source."""

    def __init__(self, account: Account, rng: random.Random) -> None:
        self.account = account
        self.rng = rng
        self.now = account.clock.timestamp()

    def _int(self, low: int, high: int) -> int:
        """`randint` without its overhead (it dominates seeding 100k invoices otherwise)."""
        return low + int(self.rng.random() * (high - low + 1))

    def _stamp(self) -> tuple[int, int]:
        created = self.now - self._int(86400, YEAR)
        return created, min(self.now, created + self._int(0, 30 * 86400))

    def _fate(self, row: Row, archived: float = 0.05, deleted: float = 0.03) -> Row:
        roll = self.rng.random()
        if roll < archived + deleted:
            row.deleted_at = row.updated_at
            row.is_deleted = roll < deleted
        return row

    def _add(self, resource: str, f: dict[str, Any], fate: bool = True) -> Row:
        created, updated = self._stamp()
        table = self.account.table(resource)
        row = Row(public_id=table.next_id(), created_at=created, updated_at=updated, f=f)
        table.add(self._fate(row) if fate else row)
        return row

    def key(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def person(self) -> dict[str, Any]:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        return {
            "first_name": first,
            "last_name": last,
            "email": f"{first}.{last}{self.rng.randint(1, 999)}@example.com".lower(),
        }

    def client(self) -> Row:
        city, state, postal = self.rng.choice(CITIES)
        name = f"{self.rng.choice(COMPANY_A)} {self.rng.choice(COMPANY_B)}"
        row = self._add(
            "clients",
            {
                "name": name,
                "city": city,
                "state": state,
                "postal_code": postal,
                "country_id": 840,
                "currency_id": 1,
                "work_phone": f"555-{self.rng.randint(1000, 9999)}",
                "website": f"https://{name.lower().replace(' ', '')}.example.com",
            },
        )
        for n in range(self.rng.choice((1, 1, 2))):
            contact = Row(
                public_id=self.account.contacts.next_id(),
                created_at=row.created_at,
                updated_at=row.updated_at,
                f={
                    **self.person(),
                    "client_id": row.public_id,
                    "is_primary": n == 0,
                    "contact_key": self.key(),
                },
            )
            self.account.contacts.add(contact)
            row.children.append(contact)
        self.account.add_activity(
            Activity(activity_type_id=1, client_id=row.public_id, user_id=0, created_at=row.created_at)
        )
        return row

    def invoice(self, client: Row) -> Row:
        roll = self.rng.random()
        recurring, quote = roll >= 0.95, 0.85 <= roll < 0.95
        f: dict[str, Any] = {
            "client_id": client.public_id,
            "invoice_type_id": TYPE_QUOTE if quote else TYPE_STANDARD,
        }
        created, updated = self._stamp()
        f["invoice_date"] = date_of(created)
        f["due_date"] = date_of(created + 30 * 86400)
        if recurring:
            f.update(is_recurring=True, frequency_id=FREQUENCY_MONTHLY, start_date=f["invoice_date"])
        else:
            f["invoice_number"] = self.account.next_number("quote" if quote else "invoice")
        account = self.account
        items = []
        amount = 0.0
        for _ in range(self._int(1, 5)):
            key, notes, cost = PRODUCTS[self._int(0, len(PRODUCTS) - 1)]
            qty = self._int(1, 8)
            amount += round(cost * qty, 2)  # what `invoice_total` gives without discounts or taxes
            account.invoice_item_id += 1
            items.append(
                Row(
                    public_id=account.invoice_item_id,
                    created_at=created,
                    updated_at=updated,
                    f={"product_key": key, "notes": notes, "cost": cost, "qty": qty},
                )
            )
        amount = round(amount, 2)
        status = STATUSES[self._int(0, len(STATUSES) - 1)] if not recurring else 1
        f.update(amount=amount, balance=amount, invoice_status_id=status, is_public=status > 1)
        row = Row(
            public_id=account.invoices.next_id(), created_at=created, updated_at=updated, f=f, children=items
        )
        account.invoices.add(self._fate(row))
        if quote or recurring:
            return row
        client.f["balance"] = round(client.f.get("balance", 0.0) + amount, 2)
        if status in (STATUS_PARTIAL, STATUS_PAID):
            paid = amount if status == STATUS_PAID else round(amount * self.rng.choice((0.25, 0.5)), 2)
            self.payment(client, row, paid)
        return row

    def payment(self, client: Row, invoice: Row, amount: float) -> Row:
        invoice.f["balance"] = round(invoice.f["balance"] - amount, 2)
        client.f["balance"] = round(client.f.get("balance", 0.0) - amount, 2)
        client.f["paid_to_date"] = round(client.f.get("paid_to_date", 0.0) + amount, 2)
        return self._add(
            "payments",
            {
                "invoice_id": invoice.public_id,
                "client_id": client.public_id,
                "amount": amount,
                "payment_date": date_of(invoice.updated_at),
                "payment_type_id": self.rng.randint(2, 6),
                "transaction_reference": f"TX-{self.rng.randint(100000, 999999)}",
            },
            fate=False,
        )

    def catalogue(self) -> None:
        for key, notes, cost in PRODUCTS:
            self._add("products", {"product_key": key, "notes": notes, "cost": cost, "qty": 1}, fate=False)
        for name, rate in TAX_RATES:
            self._add("tax_rates", {"name": name, "rate": rate}, fate=False)
        for name in ("Travel", "Software", "Office"):
            self._add("expense_categories", {"name": name}, fate=False)

    def side_records(self, clients: list[Row]) -> None:
        """Vendors, expenses, credits, projects, tasks and a document, scaled to the client count."""
        for _ in range(3):
            vendor = self._add(
                "vendors", {"name": f"{self.rng.choice(COMPANY_A)} Supplies", "currency_id": 1}
            )
            contact = self._add("vendor_contacts", {**self.person(), "is_primary": True}, fate=False)
            vendor.children.append(contact)
        for n in range(min(len(clients), 5)):
            client = clients[n]
            project = self._add(
                "projects",
                {
                    "name": f"Project {n + 1}",
                    "client_id": client.public_id,
                    "task_rate": 100,
                    "budgeted_hours": 40,
                },
            )
            start = self.now - self.rng.randint(2 * 86400, 30 * 86400)
            self._add(
                "tasks",
                {
                    "description": f"Work for {client.f['name']}",
                    "client_id": client.public_id,
                    "project_id": project.public_id,
                    "time_log": f"[[{start},{start + 3600}]]",
                    "task_status_id": 1,
                    "task_status_sort_order": 9999,
                },
            )
            self._add(
                "expenses",
                {
                    "amount": round(self.rng.uniform(10, 500), 2),
                    "vendor_id": 1,
                    "client_id": client.public_id,
                    "expense_category_id": 1,
                    "expense_date": date_of(start),
                    "exchange_rate": 1,
                    "expense_currency_id": 1,
                    "invoice_currency_id": 1,
                },
            )
        for client in clients[: max(1, len(clients) // 4)]:
            amount = float(self.rng.randint(10, 200))
            self._add(
                "credits",
                {
                    "client_id": client.public_id,
                    "amount": amount,
                    "balance": amount,
                    "credit_date": date_of(self.now - 86400),
                    "credit_number": self.account.next_number("credit"),
                },
            )
        doc = self._add(
            "documents",
            {"name": "terms.txt", "type": "txt", "path": f"{self.key()}.txt", "size": 33},
            fate=False,
        )
        self.account.files[doc.public_id] = b"Payment is due within 30 days.\n\n"


def seed_account(account: Account, rng: random.Random, *, clients: int, invoices: int) -> None:
    """Fill an account with ``clients`` clients and ``invoices`` invoices plus related records.

    The cyclic garbage collector is paused meanwhile: the rows are all kept, and its passes over
    hundreds of thousands of new objects would otherwise double the seeding time. A large seed is
    then frozen out of the collector's sight (`gc.freeze`), so that no later request pays a full
    collection pass over it (over a second for 100k invoices); rows hold no reference cycles, so
    they are still freed by reference counting when the emulator is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        _seed(account, rng, clients, invoices)
        for resource in ("clients", "invoices", "payments"):
            account.table(resource).sorted()
        if clients + invoices >= FREEZE_AT:
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def _seed(account: Account, rng: random.Random, clients: int, invoices: int) -> None:
    seeder = Seeder(account, rng)
    seeder.catalogue()
    rows = [seeder.client() for _ in range(clients)]
    if rows:
        for _ in range(invoices):
            seeder.invoice(rows[seeder._int(0, len(rows) - 1)])
    seeder.side_records(rows)
