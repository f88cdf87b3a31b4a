"""The in-memory data: rows, tables with a cached sort order, and accounts.

A :class:`Row` keeps only the columns that differ from their defaults (in ``f``) so that 100k
invoices fit comfortably in memory, and caches its rendered JSON bytes until it changes.
A :class:`Table` keeps its rows by public id and caches the list order of spec §7, re-sorting
only when a row was added, removed or re-stamped.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Literal

from .clock import Clock

Order = Literal["updated", "created", "none"]
_BY_ID = attrgetter("public_id")
_BY_CREATED = attrgetter("created_at")
_BY_UPDATED = attrgetter("updated_at")


@dataclass(slots=True, eq=False)
class Row:
    """One record. ``f`` holds the stored columns; ids in ``f`` are public ids."""

    public_id: int
    created_at: int
    updated_at: int
    f: dict[str, Any] = field(default_factory=dict)
    user_id: int = 0
    deleted_at: int | None = None
    is_deleted: bool = False
    children: list[Row] = field(default_factory=list)
    cache: bytes | None = None
    cache_user: int = -1

    @property
    def trashed(self) -> bool:
        return self.deleted_at is not None

    def invalidate(self) -> None:
        self.cache = None

    def live_children(self) -> list[Row]:
        """Children that a `hasMany` relation returns (soft-deleted ones excluded)."""
        return [c for c in self.children if c.deleted_at is None]


class Table:
    """The rows of one entity type of one account."""

    def __init__(self, kind: str, order: Order) -> None:
        self.kind = kind
        self.order: Order = order
        self._rows: dict[int, Row] = {}
        self._sorted: list[Row] | None = None
        self._keys: list[int] | None = None
        self.last_id = 0

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows.values())

    def get(self, public_id: int) -> Row | None:
        return self._rows.get(public_id)

    def next_id(self) -> int:
        """`max(public_id incl. trashed) + 1`: ids are never reused, even after a hard delete."""
        self.last_id += 1
        return self.last_id

    def add(self, row: Row) -> Row:
        self._rows[row.public_id] = row
        self.last_id = max(self.last_id, row.public_id)
        self.dirty()
        return row

    def remove(self, row: Row) -> None:
        del self._rows[row.public_id]
        self.dirty()

    def dirty(self) -> None:
        self._sorted = None
        self._keys = None

    def sorted(self) -> list[Row]:
        """Rows in list order: newest first by the table's column, ties broken by id descending."""
        if self._sorted is None:
            rows = list(self._rows.values())
            rows.sort(key=_BY_ID, reverse=self.order != "none")
            if self.order != "none":
                # A second, stable pass keeps id-descending order within equal stamps; attrgetter
                # keys avoid allocating 100k tuples.
                rows.sort(key=_BY_CREATED if self.order == "created" else _BY_UPDATED, reverse=True)
            self._sorted = rows
        return self._sorted

    def updated_since(self, since: int) -> list[Row]:
        """The rows with ``updated_at >= since``, in list order (a prefix when sorted by it)."""
        rows = self.sorted()
        if self.order != "updated":
            return [r for r in rows if r.updated_at >= since]
        if self._keys is None:
            self._keys = [-r.updated_at for r in rows]
        return rows[: bisect.bisect_right(self._keys, -since)]


@dataclass(slots=True)
class Activity:
    """An entry of the activity log (`ActivityTransformer`)."""

    activity_type_id: int
    client_id: int | None
    user_id: int
    created_at: int
    notes: str = ""
    adjustment: float = 0.0
    balance: float = 0.0
    invoice_id: int | None = None
    payment_id: int | None = None
    credit_id: int | None = None
    expense_id: int | None = None
    contact_id: int | None = None
    task_id: int | None = None
    is_system: bool = False


@dataclass(slots=True)
class SentEmail:
    """What `email_invoice`, `emailInvoice` or a payment receipt "sent"."""

    invoice_id: int
    invoice_number: str
    kind: Literal["invoice", "quote", "payment"]
    to: list[str]
    reminder: str | None = None
    template: str | None = None
    payment_id: int | None = None
    at: int = 0


@dataclass(slots=True)
class Subscription:
    public_id: int
    event: str
    target_url: str


@dataclass(slots=True)
class HookDelivery:
    """One webhook POST the emulator made (or tried to make)."""

    event: str
    target_url: str
    payload: dict[str, Any]
    status: int | None = None
    error: str | None = None


@dataclass(slots=True)
class Token:
    token: str
    name: str
    user_id: int


#: Resource name → (entity type, list order) for every table an account has.
TABLES: dict[str, tuple[str, Order]] = {
    "clients": ("client", "updated"),
    "contacts": ("contact", "created"),
    "invoices": ("invoice", "updated"),
    "payments": ("payment", "updated"),
    "credits": ("credit", "updated"),
    "tasks": ("task", "updated"),
    "products": ("product", "updated"),
    "projects": ("project", "updated"),
    "tax_rates": ("tax_rate", "created"),
    "users": ("user", "created"),
    "expenses": ("expense", "updated"),
    "documents": ("document", "none"),
    "vendors": ("vendor", "updated"),
    "vendor_contacts": ("vendor_contact", "created"),
    "expense_categories": ("expense_category", "created"),
    "payment_terms": ("payment_term", "none"),
    "task_statuses": ("task_status", "none"),
}


class Account:
    """One v4 account: its tables, counters, settings and what it "sent"."""

    def __init__(self, account_id: int, account_key: str, name: str, clock: Clock) -> None:
        self.id = account_id
        self.account_key = account_key
        self.clock = clock
        self.tables: dict[str, Table] = {name: Table(kind, order) for name, (kind, order) in TABLES.items()}
        self.settings: dict[str, Any] = {
            "name": name,
            "currency_id": 1,
            "timezone_id": 1,
            "date_format_id": 1,
            "datetime_format_id": 1,
            "language_id": 1,
            "country_id": 840,
            "invoice_number_prefix": "",
            "quote_number_prefix": "",
            "invoice_number_padding": 4,
            "share_counter": 1,
            "payment_terms": 0,
            "payment_type_id": 0,
            "invoice_design_id": 1,
            "quote_design_id": 1,
            "invoice_terms": "",
            "invoice_footer": "",
            "task_rate": 0.0,
            "enabled_modules": 63,
            "created_at": clock.timestamp(),
            "updated_at": clock.timestamp(),
        }
        self.counters: dict[str, int] = {"invoice": 1, "quote": 1, "credit": 1}
        self.invoice_item_id = 0
        self.invitation_id = 0
        self.activities: list[Activity] = []
        self.activities_by_client: dict[int, list[Activity]] = {}
        self.sent_emails: list[SentEmail] = []
        self.subscriptions: dict[int, Subscription] = {}
        self.subscription_id = 0
        self.hook_deliveries: list[HookDelivery] = []
        self.devices: list[dict[str, Any]] = []
        self.files: dict[int, bytes] = {}

    def table(self, resource: str) -> Table:
        return self.tables[resource]

    # Named accessors so tests read `emu.state.invoices.get(3)`.
    @property
    def clients(self) -> Table:
        return self.tables["clients"]

    @property
    def contacts(self) -> Table:
        return self.tables["contacts"]

    @property
    def invoices(self) -> Table:
        return self.tables["invoices"]

    @property
    def payments(self) -> Table:
        return self.tables["payments"]

    @property
    def credits(self) -> Table:
        return self.tables["credits"]

    @property
    def products(self) -> Table:
        return self.tables["products"]

    @property
    def tasks(self) -> Table:
        return self.tables["tasks"]

    @property
    def vendors(self) -> Table:
        return self.tables["vendors"]

    @property
    def expenses(self) -> Table:
        return self.tables["expenses"]

    @property
    def users(self) -> Table:
        return self.tables["users"]

    @property
    def documents(self) -> Table:
        return self.tables["documents"]

    def new_row(self, resource: str, user_id: int, **f: Any) -> Row:
        """Create, stamp and store a row with the next public id."""
        table = self.tables[resource]
        now = self.clock.timestamp()
        return table.add(Row(public_id=table.next_id(), created_at=now, updated_at=now, f=f, user_id=user_id))

    def touch(self, resource: str, row: Row) -> None:
        """Record a change: new ``updated_at``, rendered bytes dropped, list order refreshed."""
        row.updated_at = self.clock.timestamp()
        row.invalidate()
        self.tables[resource].dirty()

    def next_number(self, counter: str) -> str:
        """The next `invoice_number`/quote/credit number: prefix + zero-padded counter.

        Quotes share the invoice counter while ``share_counter`` is on (the v4 default).
        """
        if counter == "quote" and self.settings["share_counter"]:
            counter = "invoice"
        value = self.counters[counter]
        self.counters[counter] = value + 1
        prefix = self.settings.get(f"{counter}_number_prefix", "")
        return f"{prefix}{value:0{self.settings['invoice_number_padding']}d}"

    def add_activity(self, activity: Activity) -> None:
        self.activities.append(activity)
        if activity.client_id:
            self.activities_by_client.setdefault(activity.client_id, []).append(activity)


class Registry:
    """Every account the emulator hosts, and the tokens that open them."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.accounts: list[Account] = []
        self.tokens: dict[str, tuple[Account, Token]] = {}
        self.failed_logins: dict[str, int] = {}

    def add_account(self, account: Account) -> Account:
        self.accounts.append(account)
        return account

    def add_token(self, account: Account, token: Token) -> None:
        self.tokens[token.token] = (account, token)

    def lookup(self, token: str) -> tuple[Account, Row] | None:
        """The account and user a token opens (archived users' tokens still work, §2)."""
        found = self.tokens.get(token)
        if found is None:
            return None
        account, tok = found
        user = account.users.get(tok.user_id)
        return None if user is None else (account, user)

    def user_by_email(self, email: str) -> tuple[Account, Row] | None:
        for account in self.accounts:
            for user in account.users:
                if user.f.get("email", "").lower() == email.lower():
                    return account, user
        return None
