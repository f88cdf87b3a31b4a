"""Tasks, projects, expenses, vendors and the account's lists of products, tax rates and terms (spec §5)."""

from __future__ import annotations

import datetime

import attrs

from .base import Entity
from .entities import Client, Document

__all__ = [
    "Expense",
    "ExpenseCategory",
    "PaymentTerm",
    "Product",
    "Project",
    "Task",
    "TaskStatus",
    "TaxRate",
    "Vendor",
    "VendorContact",
]


@attrs.define(kw_only=True)
class Project(Entity):
    """``ProjectTransformer``. v4 validation wants ``name`` on every PUT, actions included."""

    id: int
    name: str = ""
    client_id: int = 0
    updated_at: int = 0
    archived_at: int | None = None
    is_deleted: bool = False
    task_rate: float = 0.0
    due_date: datetime.date | None = None
    private_notes: str = ""
    budgeted_hours: float = 0.0
    custom_value1: str = ""
    custom_value2: str = ""
    client_name: str | None = None


@attrs.define(kw_only=True)
class Task(Entity):
    """``archived_at`` is ``None`` when active (the wire says ``0``). ``time_log`` stays the server's JSON
    text ``[[start, end], …]`` (``end`` is ``false`` while running)."""

    id: int
    description: str = ""
    duration: int = 0
    updated_at: int = 0
    archived_at: int | None = None
    invoice_id: int = 0
    client_id: int = 0
    project_id: int = 0
    is_deleted: bool = False
    time_log: str = ""
    is_running: bool = False
    custom_value1: str = ""
    custom_value2: str = ""
    task_status_id: int = 0
    task_status_sort_order: int = 0
    client: Client | None = None
    project: Project | None = None
    client_name: str | None = None


@attrs.define(kw_only=True)
class TaskStatus(Entity):
    """Only reachable as the ``task_statuses`` include of a :class:`UserAccount`."""

    id: int
    name: str = ""
    sort_order: int = 0


@attrs.define(kw_only=True)
class Product(Entity):
    """``ProductTransformer``. A v4 PUT resets ``notes``, ``cost`` and ``qty`` when absent."""

    id: int
    product_key: str = ""
    notes: str = ""
    cost: float = 0.0
    qty: float = 0.0
    tax_name1: str = ""
    tax_rate1: float = 0.0
    tax_name2: str = ""
    tax_rate2: float = 0.0
    updated_at: int = 0
    archived_at: int | None = None
    custom_value1: str = ""
    custom_value2: str = ""
    is_deleted: bool = False


@attrs.define(kw_only=True)
class ExpenseCategory(Entity):
    """``ExpenseCategoryTransformer``: a name and the usual stamps."""

    id: int
    name: str = ""
    updated_at: int = 0
    archived_at: int | None = None


@attrs.define(kw_only=True)
class Expense(Entity):
    """Optional include ``documents``. Its notes can be ``null``."""

    id: int
    private_notes: str | None = None
    public_notes: str | None = None
    should_be_invoiced: bool = False
    updated_at: int = 0
    archived_at: int | None = None
    transaction_id: str = ""
    transaction_reference: str = ""
    bank_id: int = 0
    expense_currency_id: int = 0
    expense_category_id: int = 0
    amount: float = 0.0
    expense_date: datetime.date | None = None
    payment_date: datetime.date | None = None
    invoice_documents: bool = False
    payment_type_id: int = 0
    exchange_rate: float = 0.0
    invoice_currency_id: int = 0
    is_deleted: bool = False
    tax_name1: str = ""
    tax_name2: str = ""
    tax_rate1: float = 0.0
    tax_rate2: float = 0.0
    client_id: int = 0
    invoice_id: int = 0
    vendor_id: int = 0
    custom_value1: str = ""
    custom_value2: str = ""
    documents: list[Document] | None = None
    client_name: str | None = None


@attrs.define(kw_only=True)
class VendorContact(Entity):
    """A vendor's contact (``VendorContactTransformer``), the ``vendor_contacts`` include."""

    id: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    updated_at: int = 0
    archived_at: int | None = None
    is_primary: bool = False
    phone: str = ""


@attrs.define(kw_only=True)
class Vendor(Entity):
    """Default include ``vendor_contacts``. Address fields, phone, notes and website can be ``null``."""

    id: int
    name: str = ""
    balance: float = 0.0
    paid_to_date: float = 0.0
    updated_at: int = 0
    archived_at: int | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country_id: int = 0
    work_phone: str | None = None
    private_notes: str | None = None
    last_login: str = ""
    website: str | None = None
    is_deleted: bool = False
    vat_number: str = ""
    id_number: str = ""
    currency_id: int = 0
    custom_value1: str = ""
    custom_value2: str = ""
    vendor_contacts: list[VendorContact] = attrs.field(factory=list)


@attrs.define(kw_only=True)
class TaxRate(Entity):
    """``TaxRateTransformer``. v4 validation wants ``name`` and ``rate`` on every PUT."""

    id: int
    name: str = ""
    rate: float = 0.0
    is_inclusive: bool = False
    updated_at: int = 0
    archived_at: int | None = None


@attrs.define(kw_only=True)
class PaymentTerm(Entity):
    """The one transformer without an ``id``: a term is known by ``num_days``. ``name`` is ``"Net <n>"``."""

    num_days: int = 0
    name: str = ""
    updated_at: int | None = None
    archived_at: int | None = None
    is_default: bool = False
