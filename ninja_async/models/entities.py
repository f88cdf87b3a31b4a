"""Clients and what is billed to them (spec §5): one class per transformer.

These classes refer to each other (a client includes its invoices, an invoice its client), so they share one
module. Fields default to what the server sends for an empty value; ``id`` is required.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .base import Entity, Model

__all__ = [
    "Activity",
    "Client",
    "Contact",
    "Credit",
    "Document",
    "Invitation",
    "Invoice",
    "InvoiceItem",
    "Payment",
    "Quote",
]


@attrs.define(kw_only=True)
class Contact(Entity):
    """A client's contact. The transformer has no ``client_id``."""

    id: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    contact_key: str = ""
    updated_at: int = 0
    archived_at: int | None = None
    is_primary: bool = False
    phone: str = ""
    last_login: str = ""
    send_invoice: bool = False
    custom_value1: str = ""
    custom_value2: str = ""


@attrs.define(kw_only=True)
class Client(Entity):
    """Default include ``contacts``; ``invoices``, ``credits`` and ``activities`` on request."""

    id: int
    name: str = ""
    display_name: str = ""
    balance: float = 0.0
    paid_to_date: float = 0.0
    updated_at: int = 0
    archived_at: int | None = None
    address1: str = ""
    address2: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country_id: int = 0
    work_phone: str = ""
    private_notes: str = ""
    public_notes: str = ""
    last_login: str = ""
    website: str = ""
    industry_id: int = 0
    size_id: int = 0
    is_deleted: bool = False
    payment_terms: int = 0
    vat_number: str = ""
    id_number: str = ""
    language_id: int = 0
    currency_id: int = 0
    custom_value1: str = ""
    custom_value2: str = ""
    invoice_number_counter: int = 0
    quote_number_counter: int = 0
    task_rate: float = 0.0
    shipping_address1: str = ""
    shipping_address2: str = ""
    shipping_city: str = ""
    shipping_state: str = ""
    shipping_postal_code: str = ""
    shipping_country_id: int = 0
    show_tasks_in_portal: bool = False
    send_reminders: bool = False
    credit_number_counter: int = 0
    custom_messages: dict[str, Any] = attrs.field(factory=dict)
    contacts: list[Contact] = attrs.field(factory=list)
    invoices: list[Invoice] | None = None
    credits: list[Credit] | None = None
    activities: list[Activity] | None = None


@attrs.define(kw_only=True)
class InvoiceItem(Entity):
    """An invoice line (``InvoiceItemTransformer``); its id changes on every invoice PUT."""

    id: int
    product_key: str = ""
    updated_at: int = 0
    archived_at: int | None = None
    notes: str = ""
    cost: float = 0.0
    qty: float = 0.0
    tax_name1: str = ""
    tax_rate1: float = 0.0
    tax_name2: str = ""
    tax_rate2: float = 0.0
    invoice_item_type_id: int = 0
    custom_value1: str = ""
    custom_value2: str = ""
    discount: float = 0.0


@attrs.define(kw_only=True)
class Invitation(Model):
    """No ``getDefaults``. ``viewed_date`` repeats ``sent_date`` (a server bug, kept as sent)."""

    id: int
    key: str = ""
    link: str = ""
    sent_date: str = ""
    viewed_date: str = ""


@attrs.define(kw_only=True)
class Document(Entity):
    """No ``archived_at``: documents are hard-deleted."""

    id: int
    name: str = ""
    type: str = ""
    path: str = ""
    invoice_id: int = 0
    expense_id: int = 0
    updated_at: int = 0
    created_at: int = 0
    is_deleted: bool = False
    is_default: bool = False
    preview: str | None = None
    size: int = 0
    width: int = 0
    height: int = 0


@attrs.define(kw_only=True)
class Invoice(Entity):
    """An invoice, quote (``invoice_type_id`` 2) or recurring invoice: one transformer for all three.

    ``invoice_items`` is a default include, so it is always there; the other includes only on request.
    """

    id: int
    amount: float = 0.0
    balance: float = 0.0
    client_id: int = 0
    invoice_status_id: int = 0
    updated_at: int = 0
    archived_at: int | None = None
    invoice_number: str = ""
    discount: float = 0.0
    po_number: str | None = None
    invoice_date: datetime.date | None = None
    due_date: datetime.date | None = None
    terms: str | None = None
    public_notes: str = ""
    private_notes: str = ""
    is_deleted: bool = False
    invoice_type_id: int = 0
    is_recurring: bool = False
    frequency_id: int = 0
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    last_sent_date: datetime.date | None = None
    recurring_invoice_id: int = 0
    tax_name1: str = ""
    tax_rate1: float = 0.0
    tax_name2: str = ""
    tax_rate2: float = 0.0
    is_amount_discount: bool = False
    invoice_footer: str = ""
    partial: float = 0.0
    partial_due_date: datetime.date | None = None
    has_tasks: bool = False
    auto_bill: bool = False
    auto_bill_id: int = 0
    custom_value1: float = 0.0
    custom_value2: float = 0.0
    custom_taxes1: bool = False
    custom_taxes2: bool = False
    has_expenses: bool = False
    quote_invoice_id: int = 0
    custom_text_value1: str = ""
    custom_text_value2: str = ""
    is_quote: bool = False
    is_public: bool = False
    filename: str = ""
    invoice_design_id: int = 0
    invoice_items: list[InvoiceItem] = attrs.field(factory=list)
    invitations: list[Invitation] | None = None
    payments: list[Payment] | None = None
    client: Client | None = None
    documents: list[Document] | None = None
    client_name: str | None = None


Quote = Invoice
"""v4 has no quote transformer: a quote is an :class:`Invoice` with ``invoice_type_id`` 2."""


@attrs.define(kw_only=True)
class Payment(Entity):
    """``PaymentTransformer``; ``client`` and ``invoice`` are included on request."""

    id: int
    amount: float = 0.0
    transaction_reference: str = ""
    payment_date: datetime.date | None = None
    updated_at: int = 0
    archived_at: int | None = None
    is_deleted: bool = False
    payment_type_id: int = 0
    invoice_id: int = 0
    invoice_number: str = ""
    private_notes: str = ""
    exchange_rate: float = 0.0
    exchange_currency_id: int = 0
    refunded: float = 0.0
    payment_status_id: int = 0
    client: Client | None = None
    invoice: Invoice | None = None
    client_name: str | None = None


@attrs.define(kw_only=True)
class Credit(Entity):
    """``CreditTransformer``; ``client_id`` is the client's public id."""

    id: int
    amount: float = 0.0
    balance: float = 0.0
    updated_at: int = 0
    archived_at: int | None = None
    is_deleted: bool = False
    credit_date: datetime.date | None = None
    credit_number: str = ""
    private_notes: str = ""
    public_notes: str = ""
    client_id: int = 0
    client_name: str | None = None


@attrs.define(kw_only=True)
class Activity(Model):
    """No ``getDefaults``. ``id`` is a string, ``"<activity_type_id>-<client_id>-<created_at>"``."""

    id: str
    activity_type_id: int = 0
    client_id: int | None = None
    user_id: int = 0
    invoice_id: int | None = None
    payment_id: int | None = None
    credit_id: int | None = None
    updated_at: int = 0
    expense_id: int | None = None
    is_system: bool | None = None
    contact_id: int | None = None
    task_id: int | None = None
    notes: str = ""
    adjustment: float = 0.0
    balance: float = 0.0
