"""Fixtures of v4 wire objects for the model tests; the objects themselves live in ``tests/v4_wire.py``."""

from __future__ import annotations

import pytest

from tests import v4_wire as wire
from tests.v4_wire import KEY, Wire

__all__ = ["KEY", "Wire"]


@pytest.fixture
def contact_wire() -> Wire:
    return wire.contact()


@pytest.fixture
def client_wire(contact_wire: Wire) -> Wire:
    return wire.client(contacts=[contact_wire])


@pytest.fixture
def item_wire() -> Wire:
    return wire.item()


@pytest.fixture
def invoice_wire(item_wire: Wire) -> Wire:
    return wire.invoice(invoice_items=[item_wire])


@pytest.fixture
def invitation_wire() -> Wire:
    return wire.invitation()


@pytest.fixture
def payment_wire() -> Wire:
    return wire.payment()


@pytest.fixture
def credit_wire() -> Wire:
    return wire.credit()


@pytest.fixture
def task_wire() -> Wire:
    return wire.task()


@pytest.fixture
def task_status_wire() -> Wire:
    return wire.task_status()


@pytest.fixture
def project_wire() -> Wire:
    return wire.project()


@pytest.fixture
def product_wire() -> Wire:
    return wire.product()


@pytest.fixture
def expense_wire() -> Wire:
    return wire.expense()


@pytest.fixture
def expense_category_wire() -> Wire:
    return wire.expense_category()


@pytest.fixture
def vendor_contact_wire() -> Wire:
    return wire.vendor_contact()


@pytest.fixture
def vendor_wire(vendor_contact_wire: Wire) -> Wire:
    return wire.vendor(vendor_contacts=[vendor_contact_wire])


@pytest.fixture
def tax_rate_wire() -> Wire:
    return wire.tax_rate()


@pytest.fixture
def document_wire() -> Wire:
    return wire.document()


@pytest.fixture
def user_wire() -> Wire:
    return wire.user()


@pytest.fixture
def account_email_settings_wire() -> Wire:
    return wire.account_email_settings()


@pytest.fixture
def activity_wire() -> Wire:
    return wire.activity()


@pytest.fixture
def payment_term_wire() -> Wire:
    return wire.payment_term()


@pytest.fixture
def dashboard_wire(activity_wire: Wire) -> Wire:
    return wire.dashboard(activities=[activity_wire])


@pytest.fixture
def user_account_wire(user_wire: Wire, account_email_settings_wire: Wire) -> Wire:
    return wire.user_account(user=user_wire)


@pytest.fixture
def account_wire(
    user_wire: Wire,
    product_wire: Wire,
    tax_rate_wire: Wire,
    expense_category_wire: Wire,
    project_wire: Wire,
    account_email_settings_wire: Wire,
) -> Wire:
    return wire.account(
        users=[user_wire],
        products=[product_wire],
        tax_rates=[tax_rate_wire],
        expense_categories=[expense_category_wire],
        projects=[project_wire],
        account_email_settings=account_email_settings_wire,
    )
