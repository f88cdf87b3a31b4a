"""v4 wire objects written from spec §5, field by field, with the quirks §3/§5/§7 describe.

One factory per transformer; keyword arguments override fields (``invoice(id=9, is_quote=True)``). Each
returns a fresh dict shaped as ``orjson.loads`` gives it: whole-number floats as ints, ``''`` for empty
dates, ``null`` where the transformer has no fallback. Shared by the model, resource and reliability tests.
"""

from __future__ import annotations

from typing import Any

KEY = "k" * 32

Wire = dict[str, Any]


def _defaults() -> Wire:
    """``EntityTransformer::getDefaults()``."""
    return {"account_key": KEY, "is_owner": True}


def contact(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@example.com",
        "contact_key": "c" * 32,
        "updated_at": 1_700_000_000,
        "archived_at": None,
        "is_primary": True,
        "phone": "",
        "last_login": "",
        "send_invoice": True,
        "custom_value1": "",
        "custom_value2": "",
        **over,
    }


def client(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 3,
        "name": "Acme",
        "display_name": "Acme",
        "balance": 250,
        "paid_to_date": 1000.5,
        "updated_at": 1_700_000_100,
        "archived_at": None,
        "address1": "1 Main St",
        "address2": "",
        "city": "Springfield",
        "state": "",
        "postal_code": "12345",
        "country_id": 840,
        "work_phone": "",
        "private_notes": "",
        "public_notes": "",
        "last_login": "",
        "website": "",
        "industry_id": 0,
        "size_id": 0,
        "is_deleted": False,
        "payment_terms": 30,
        "vat_number": "",
        "id_number": "",
        "language_id": 1,
        "currency_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "invoice_number_counter": 1,
        "quote_number_counter": 1,
        "task_rate": 0,
        "shipping_address1": "",
        "shipping_address2": "",
        "shipping_city": "",
        "shipping_state": "",
        "shipping_postal_code": "",
        "shipping_country_id": 0,
        "show_tasks_in_portal": False,
        "send_reminders": True,
        "credit_number_counter": 1,
        "custom_messages": "{}",
        "contacts": [contact()],
        **over,
    }


def item(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 7,
        "product_key": "CONSULT",
        "updated_at": 1_700_000_200,
        "archived_at": None,
        "notes": "Consulting",
        "cost": 125,
        "qty": 2,
        "tax_name1": "VAT",
        "tax_rate1": 20,
        "tax_name2": "",
        "tax_rate2": 0,
        "invoice_item_type_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "discount": 0,
        **over,
    }


def invoice(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 5,
        "amount": 300,
        "balance": 300,
        "client_id": 3,
        "invoice_status_id": 2,
        "updated_at": 1_700_000_300,
        "archived_at": None,
        "invoice_number": "0005",
        "discount": 0,
        "po_number": None,
        "invoice_date": "2024-03-01",
        "due_date": "",
        "terms": None,
        "public_notes": "",
        "private_notes": "",
        "is_deleted": False,
        "invoice_type_id": 1,
        "is_recurring": False,
        "frequency_id": 4,
        "start_date": "",
        "end_date": "",
        "last_sent_date": "",
        "recurring_invoice_id": 0,
        "tax_name1": "",
        "tax_rate1": 0,
        "tax_name2": "",
        "tax_rate2": 0,
        "is_amount_discount": False,
        "invoice_footer": "",
        "partial": 0,
        "partial_due_date": "",
        "has_tasks": False,
        "auto_bill": False,
        "auto_bill_id": 1,
        "custom_value1": 0,
        "custom_value2": 0,
        "custom_taxes1": False,
        "custom_taxes2": False,
        "has_expenses": False,
        "quote_invoice_id": 0,
        "custom_text_value1": "",
        "custom_text_value2": "",
        "is_quote": False,
        "is_public": True,
        "filename": "Invoice_0005.pdf",
        "invoice_design_id": 1,
        "invoice_items": [item()],
        **over,
    }


def invitation(**over: Any) -> Wire:
    sent = "2024-03-01 10:00:00"
    return {
        "id": 1,
        "key": "i" * 32,
        "link": "https://ninja.test/view/" + "i" * 32,
        "sent_date": sent,
        "viewed_date": sent,
        **over,
    }


def payment(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 2,
        "amount": 100,
        "transaction_reference": "",
        "payment_date": "2024-03-02",
        "updated_at": 1_700_000_400,
        "archived_at": None,
        "is_deleted": False,
        "payment_type_id": 1,
        "invoice_id": 5,
        "invoice_number": "0005",
        "private_notes": "",
        "exchange_rate": 1,
        "exchange_currency_id": 0,
        "refunded": 0,
        "payment_status_id": 4,
        **over,
    }


def credit(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "amount": 50,
        "balance": 50,
        "updated_at": 1_700_000_500,
        "archived_at": None,
        "is_deleted": False,
        "credit_date": "2024-03-03",
        "credit_number": "",
        "private_notes": "",
        "public_notes": "",
        "client_id": 3,
        **over,
    }


def task(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 4,
        "description": "Write the report",
        "duration": 3600,
        "updated_at": 1_700_000_600,
        "archived_at": 0,
        "invoice_id": 0,
        "client_id": 3,
        "project_id": 0,
        "is_deleted": False,
        "time_log": "[[1700000000,1700003600]]",
        "is_running": False,
        "custom_value1": "",
        "custom_value2": "",
        "task_status_id": 1,
        "task_status_sort_order": 9999,
        **over,
    }


def task_status(**over: Any) -> Wire:
    return {**_defaults(), "id": 1, "name": "Backlog", "sort_order": 1, **over}


def project(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "name": "Website",
        "client_id": 3,
        "updated_at": 1_700_000_700,
        "archived_at": None,
        "is_deleted": False,
        "task_rate": 50,
        "due_date": "",
        "private_notes": "",
        "budgeted_hours": 12.5,
        "custom_value1": "",
        "custom_value2": "",
        **over,
    }


def product(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "product_key": "CONSULT",
        "notes": "Consulting",
        "cost": 125,
        "qty": 1,
        "tax_name1": "",
        "tax_rate1": 0,
        "tax_name2": "",
        "tax_rate2": 0,
        "updated_at": 1_700_000_800,
        "archived_at": None,
        "custom_value1": "",
        "custom_value2": "",
        "is_deleted": False,
        **over,
    }


def expense(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "private_notes": None,
        "public_notes": None,
        "should_be_invoiced": True,
        "updated_at": 1_700_000_900,
        "archived_at": None,
        "transaction_id": "",
        "transaction_reference": "",
        "bank_id": 0,
        "expense_currency_id": 1,
        "expense_category_id": 0,
        "amount": 19.99,
        "expense_date": "2024-03-04",
        "payment_date": "",
        "invoice_documents": False,
        "payment_type_id": 0,
        "exchange_rate": 1,
        "invoice_currency_id": 1,
        "is_deleted": False,
        "tax_name1": "",
        "tax_name2": "",
        "tax_rate1": 0,
        "tax_rate2": 0,
        "client_id": 0,
        "invoice_id": 0,
        "vendor_id": 2,
        "custom_value1": "",
        "custom_value2": "",
        **over,
    }


def expense_category(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "name": "Travel",
        "updated_at": 1_700_001_000,
        "archived_at": None,
        **over,
    }


def vendor_contact(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "first_name": "Vic",
        "last_name": "Vendor",
        "email": "vic@example.com",
        "updated_at": 1_700_001_100,
        "archived_at": None,
        "is_primary": True,
        "phone": "",
        **over,
    }


def vendor(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 2,
        "name": "Paper Co",
        "balance": 0,
        "paid_to_date": 0,
        "updated_at": 1_700_001_200,
        "archived_at": None,
        "address1": None,
        "address2": None,
        "city": None,
        "state": None,
        "postal_code": None,
        "country_id": 0,
        "work_phone": None,
        "private_notes": None,
        "last_login": "",
        "website": None,
        "is_deleted": False,
        "vat_number": "",
        "id_number": "",
        "currency_id": 1,
        "custom_value1": "",
        "custom_value2": "",
        "vendor_contacts": [vendor_contact()],
        **over,
    }


def tax_rate(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "name": "VAT",
        "rate": 20,
        "is_inclusive": False,
        "updated_at": 1_700_001_300,
        "archived_at": None,
        **over,
    }


def document(**over: Any) -> Wire:
    return {
        **_defaults(),
        "id": 1,
        "name": "receipt.png",
        "type": "png",
        "path": "abc/receipt.png",
        "invoice_id": 0,
        "expense_id": 1,
        "updated_at": 1_700_001_400,
        "created_at": 1_700_001_400,
        "is_deleted": False,
        "is_default": False,
        "preview": None,
        "size": 2048,
        "width": 64,
        "height": 64,
        **over,
    }


def user(**over: Any) -> Wire:
    return {
        "id": 1,
        "first_name": "Owner",
        "last_name": "",
        "email": "owner@example.com",
        "account_key": KEY,
        "updated_at": 1_700_001_500,
        "deleted_at": None,
        "phone": "",
        "registered": True,
        "confirmed": True,
        "oauth_user_id": None,
        "oauth_provider_id": None,
        "notify_sent": True,
        "notify_viewed": False,
        "notify_paid": True,
        "notify_approved": True,
        "is_admin": True,
        "permissions": {"create_client": True, "view_invoice": True},
        **over,
    }


def account_email_settings(**over: Any) -> Wire:
    settings: Wire = {"reply_to_email": None, "bcc_email": ""}
    for kind in ("invoice", "quote", "payment", "reminder1", "reminder2", "reminder3"):
        settings[f"email_subject_{kind}"] = ""
        settings[f"email_template_{kind}"] = None
    return {**settings, **over}


def activity(**over: Any) -> Wire:
    return {
        "id": "4-3-1700001600",
        "activity_type_id": 4,
        "client_id": 3,
        "user_id": 1,
        "invoice_id": 5,
        "payment_id": None,
        "credit_id": None,
        "updated_at": 1_700_001_600,
        "expense_id": None,
        "is_system": None,
        "contact_id": None,
        "task_id": None,
        "notes": "",
        "adjustment": 300,
        "balance": 300,
        **over,
    }


def payment_term(**over: Any) -> Wire:
    return {
        **_defaults(),
        "num_days": 30,
        "name": "Net 30",
        "updated_at": None,
        "archived_at": None,
        "is_default": True,
        **over,
    }


def dashboard(**over: Any) -> Wire:
    return {
        "id": 1,
        "paidToDate": 1000,
        "paidToDateCurrency": 1,
        "balances": 250.5,
        "balancesCurrency": 1,
        "averageInvoice": 312.25,
        "averageInvoiceCurrency": 1,
        "invoicesSent": 4,
        "activeClients": 2,
        "activities": [activity()],
        **over,
    }


def user_account(**over: Any) -> Wire:
    templates = {k: v for k, v in account_email_settings().items() if k.startswith("email_")}
    return {
        "account_key": KEY,
        "user_id": 1,
        "name": "My Company",
        "token": "t" * 32,
        "default_url": "https://ninja.test",
        "plan": "pro",
        "logo": None,
        "logo_url": None,
        "currency_id": 1,
        "timezone_id": 1,
        "date_format_id": 1,
        "datetime_format_id": 1,
        "invoice_terms": None,
        "invoice_taxes": True,
        "invoice_item_taxes": False,
        "invoice_design_id": 1,
        "quote_design_id": 1,
        "language_id": 1,
        "country_id": 840,
        "tax_name1": "",
        "tax_name2": "",
        "tax_rate1": 0,
        "tax_rate2": 0,
        "enabled_modules": 63,
        "payment_terms": 0,
        "task_rate": 0,
        "custom_fields": "",
        "invoice_fields": "",
        "custom_messages": '{"invoice":"Thanks!"}',
        **templates,
        "has_custom_design1": False,
        "has_custom_design2": False,
        "has_custom_design3": False,
        "enable_portal_password": False,
        "user": user(),
        **over,
    }


def account(**over: Any) -> Wire:
    """The main settings plus a few of the ~130 others the model leaves to ``extra``."""
    return {
        "account_key": KEY,
        "logo": "",
        "name": "My Company",
        "id_number": None,
        "currency_id": 1,
        "timezone_id": 1,
        "date_format_id": 1,
        "datetime_format_id": 1,
        "updated_at": 1_700_001_700,
        "archived_at": None,
        "address1": None,
        "address2": None,
        "city": "Springfield",
        "state": None,
        "postal_code": None,
        "country_id": 840,
        "invoice_terms": None,
        "email_footer": None,
        "invoice_taxes": True,
        "invoice_item_taxes": False,
        "invoice_design_id": 1,
        "quote_design_id": 1,
        "language_id": 1,
        "invoice_number_prefix": None,
        "invoice_number_counter": 6,
        "quote_number_prefix": "Q",
        "quote_number_counter": 1,
        "share_counter": True,
        "invoice_number_padding": 4,
        "payment_terms": 0,
        "task_rate": 0,
        **{
            f"custom_{kind}label{n}": None
            for kind in ("", "client_", "contact_", "invoice_", "invoice_text_", "invoice_item_")
            for n in (1, 2)
        },
        "custom_invoice_taxes1": None,
        "custom_invoice_taxes2": None,
        "enable_reminder1": 1,
        "enable_reminder2": 0,
        "enable_reminder3": 0,
        "enable_reminder4": 0,
        "num_days_reminder1": 7,
        "num_days_reminder2": 14,
        "num_days_reminder3": 30,
        "start_of_week": 1,
        "enabled_modules": 63,
        "work_phone": None,
        "work_email": None,
        "financial_year_start": None,
        "users": [user()],
        "products": [product()],
        "tax_rates": [tax_rate()],
        "expense_categories": [expense_category()],
        "projects": [project()],
        "account_email_settings": account_email_settings(),
        **over,
    }
