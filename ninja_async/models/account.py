"""The account, its users, the login payload (``UserAccount``) and the dashboard (spec §1.1, §5).

None of these transformers uses ``getDefaults``. Account settings are raw columns: their strings can be
``null``, and uncast tinyint flags arrive as 0/1.
"""

from __future__ import annotations

from typing import Any

import attrs

from .base import Model
from .entities import Activity, Client, Invoice, Payment
from .work import ExpenseCategory, PaymentTerm, Product, Project, TaskStatus, TaxRate

__all__ = ["Account", "AccountEmailSettings", "Dashboard", "EmailTemplates", "User", "UserAccount"]


@attrs.define(kw_only=True)
class User(Model):
    """``id`` is ``public_id + 1`` (the owner is 1); it has ``deleted_at`` instead of ``archived_at``."""

    id: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    account_key: str = ""
    updated_at: int = 0
    deleted_at: int | None = None
    phone: str = ""
    registered: bool = False
    confirmed: bool = False
    oauth_user_id: str | None = None
    oauth_provider_id: int | None = None
    notify_sent: bool = False
    notify_viewed: bool = False
    notify_paid: bool = False
    notify_approved: bool = False
    is_admin: bool = False
    permissions: dict[str, Any] = attrs.field(factory=dict)

    @property
    def archived_at(self) -> int | None:
        """``deleted_at`` under the name every other entity uses."""
        return self.deleted_at


@attrs.define(kw_only=True)
class EmailTemplates(Model):
    """The email subjects and templates that both the account's email settings and the login payload carry."""

    email_subject_invoice: str | None = None
    email_subject_quote: str | None = None
    email_subject_payment: str | None = None
    email_subject_reminder1: str | None = None
    email_subject_reminder2: str | None = None
    email_subject_reminder3: str | None = None
    email_template_invoice: str | None = None
    email_template_quote: str | None = None
    email_template_payment: str | None = None
    email_template_reminder1: str | None = None
    email_template_reminder2: str | None = None
    email_template_reminder3: str | None = None


@attrs.define(kw_only=True)
class AccountEmailSettings(EmailTemplates):
    """The account's ``account_email_settings`` include. It has no ``id``."""

    reply_to_email: str | None = None
    bcc_email: str | None = None


@attrs.define(kw_only=True)
class Account(Model):
    """The main settings; the ~130 others stay in ``extra``. Default includes: users, products, tax rates,
    expense categories, projects and email settings; ``clients``, ``invoices`` and ``payments`` on request."""

    account_key: str = ""
    name: str = ""
    id_number: str | None = None
    currency_id: int = 0
    timezone_id: int = 0
    date_format_id: int = 0
    datetime_format_id: int = 0
    updated_at: int = 0
    archived_at: int | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country_id: int = 0
    invoice_terms: str | None = None
    invoice_taxes: bool = False
    invoice_item_taxes: bool = False
    invoice_design_id: int = 0
    quote_design_id: int = 0
    language_id: int = 0
    invoice_number_prefix: str | None = None
    invoice_number_counter: int = 0
    quote_number_prefix: str | None = None
    quote_number_counter: int = 0
    share_counter: bool = False
    invoice_number_padding: int = 0
    payment_terms: int = 0
    task_rate: float = 0.0
    custom_label1: str | None = None
    custom_label2: str | None = None
    custom_client_label1: str | None = None
    custom_client_label2: str | None = None
    custom_contact_label1: str | None = None
    custom_contact_label2: str | None = None
    custom_invoice_label1: str | None = None
    custom_invoice_label2: str | None = None
    custom_invoice_text_label1: str | None = None
    custom_invoice_text_label2: str | None = None
    custom_invoice_item_label1: str | None = None
    custom_invoice_item_label2: str | None = None
    enable_reminder1: bool = False
    enable_reminder2: bool = False
    enable_reminder3: bool = False
    enable_reminder4: bool = False
    num_days_reminder1: int = 0
    num_days_reminder2: int = 0
    num_days_reminder3: int = 0
    start_of_week: int | None = None
    enabled_modules: int = 0
    work_phone: str | None = None
    work_email: str | None = None
    custom_invoice_taxes1: bool | None = None
    custom_invoice_taxes2: bool | None = None  # v4 sends taxes1's value here (a transformer bug)
    users: list[User] = attrs.field(factory=list)
    products: list[Product] = attrs.field(factory=list)
    tax_rates: list[TaxRate] = attrs.field(factory=list)
    expense_categories: list[ExpenseCategory] = attrs.field(factory=list)
    projects: list[Project] = attrs.field(factory=list)
    account_email_settings: AccountEmailSettings | None = None
    clients: list[Client] | None = None
    invoices: list[Invoice] | None = None
    payments: list[Payment] | None = None


@attrs.define(kw_only=True)
class UserAccount(EmailTemplates):
    """One item of ``login``, ``refresh`` and ``user_accounts``: the account as one of its users sees it.

    ``token`` is the token named by the login's ``token_name``, else ``None``. Default include: ``user``.
    """

    account_key: str = ""
    user_id: int = 0
    name: str = ""
    token: str | None = None
    default_url: str = ""
    plan: str | None = None
    logo: str | None = None
    logo_url: str | None = None
    currency_id: int = 0
    timezone_id: int = 0
    date_format_id: int = 0
    datetime_format_id: int = 0
    invoice_terms: str | None = None
    invoice_taxes: bool = False
    invoice_item_taxes: bool = False
    invoice_design_id: int = 0
    quote_design_id: int = 0
    language_id: int = 0
    country_id: int = 0
    tax_name1: str | None = None
    tax_name2: str | None = None
    tax_rate1: float = 0.0
    tax_rate2: float = 0.0
    enabled_modules: int = 0
    payment_terms: int = 0
    task_rate: float = 0.0
    custom_messages: dict[str, Any] = attrs.field(factory=dict)
    custom_fields: Any = None  # raw account settings whose shape the v4 source does not pin down
    invoice_fields: Any = None
    has_custom_design1: bool = False
    has_custom_design2: bool = False
    has_custom_design3: bool = False
    enable_portal_password: bool = False
    user: User | None = None
    users: list[User] | None = None
    tax_rates: list[TaxRate] | None = None
    expense_categories: list[ExpenseCategory] | None = None
    account_email_settings: AccountEmailSettings | None = None
    custom_payment_terms: list[PaymentTerm] | None = None
    task_statuses: list[TaskStatus] | None = None


@attrs.define(kw_only=True)
class Dashboard(Model):
    """``GET /dashboard``. Field names are the wire's camelCase; with ``only_activity=1`` only ``id`` and
    ``activities`` come back, and the figures keep their zero defaults."""

    id: int
    paidToDate: float = 0.0
    paidToDateCurrency: int = 0
    balances: float = 0.0
    balancesCurrency: int = 0
    averageInvoice: float = 0.0
    averageInvoiceCurrency: int = 0
    invoicesSent: int = 0
    activeClients: int = 0
    activities: list[Activity] = attrs.field(factory=list)
