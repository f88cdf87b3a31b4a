"""Account-level transformers: `AccountTransformer` and `UserAccountTransformer` (spec §5).

Only the main settings fields are emitted (the real account has ~130); the includes use the
entity transformers. Uncast tinyint settings come out as 0/1 like the raw DB values.
"""

from __future__ import annotations

from typing import Any

from .render import IncludeTree, fields_of
from .store import Account, Row
from .transformers import Fields, RenderContext, num

ACCOUNT_INCLUDES: dict[str, tuple[str, str]] = {
    "users": ("users", "user"),
    "products": ("products", "product"),
    "tax_rates": ("tax_rates", "tax_rate"),
    "expense_categories": ("expense_categories", "expense_category"),
    "projects": ("projects", "project"),
    "clients": ("clients", "client"),
    "invoices": ("invoices", "invoice"),
    "payments": ("payments", "payment"),
    "task_statuses": ("task_statuses", "task_status"),
    "custom_payment_terms": ("payment_terms", "payment_term"),
}
ACCOUNT_DEFAULTS = (
    "users",
    "products",
    "tax_rates",
    "expense_categories",
    "projects",
    "account_email_settings",
)
USER_ACCOUNT_AVAILABLE = (
    "users",
    "tax_rates",
    "expense_categories",
    "account_email_settings",
    "custom_payment_terms",
    "task_statuses",
)


def _settings(account: Account) -> Fields:
    s = account.settings
    return {
        "currency_id": s["currency_id"],
        "timezone_id": s["timezone_id"],
        "date_format_id": s["date_format_id"],
        "datetime_format_id": s["datetime_format_id"],
        "invoice_terms": s["invoice_terms"],
        "invoice_taxes": True,
        "invoice_item_taxes": False,
        "invoice_design_id": s["invoice_design_id"],
        "quote_design_id": s["quote_design_id"],
        "language_id": s["language_id"],
        "country_id": s["country_id"],
        "tax_name1": "",
        "tax_name2": "",
        "tax_rate1": 0,
        "tax_rate2": 0,
        "enabled_modules": s["enabled_modules"],
        "payment_terms": s["payment_terms"],
        "task_rate": num(s["task_rate"]),
    }


def _include(account: Account, ctx: RenderContext, name: str) -> Any:
    if name == "account_email_settings":
        return {
            "reply_to_email": "",
            "bcc_email": "",
            "email_subject_invoice": "",
            "email_template_invoice": "",
        }
    resource, kind = ACCOUNT_INCLUDES[name]
    rows = [r for r in account.table(resource).sorted() if r.deleted_at is None]
    return [fields_of(kind, r, ctx, {}) for r in rows]


def account_fields(account: Account, ctx: RenderContext, requested: IncludeTree) -> Fields:
    s = account.settings
    out: Fields = {
        "account_key": account.account_key,
        "name": s["name"],
        "id_number": s.get("id_number", ""),
        **{
            k: v
            for k, v in _settings(account).items()
            if k not in ("tax_name1", "tax_name2", "tax_rate1", "tax_rate2")
        },
        "updated_at": s["updated_at"],
        "archived_at": None,
        "address1": s.get("address1", ""),
        "address2": s.get("address2", ""),
        "city": s.get("city", ""),
        "state": s.get("state", ""),
        "postal_code": s.get("postal_code", ""),
        "work_phone": s.get("work_phone", ""),
        "work_email": s.get("work_email", ""),
        "invoice_number_prefix": s["invoice_number_prefix"],
        "invoice_number_counter": account.counters["invoice"],
        "quote_number_prefix": s["quote_number_prefix"],
        "quote_number_counter": account.counters["quote"],
        "share_counter": bool(s["share_counter"]),
        "invoice_number_padding": s["invoice_number_padding"],
        "custom_invoice_taxes1": False,
        "custom_invoice_taxes2": False,
    }
    for name in ACCOUNT_DEFAULTS + tuple(n for n in ("clients", "invoices", "payments") if n in requested):
        out[name] = _include(account, ctx, name)
    return out


def user_account_fields(
    account: Account, user: Row, token: str | None, ctx: RenderContext, requested: IncludeTree, app_url: str
) -> Fields:
    out: Fields = {
        "account_key": account.account_key,
        "user_id": user.public_id + 1,
        "name": account.settings["name"],
        "token": token,
        "default_url": app_url,
        "plan": "pro",
        "logo": "",
        "logo_url": "",
        **_settings(account),
        "custom_fields": "",
        "invoice_fields": "",
        "custom_messages": "",
        "has_custom_design1": False,
        "has_custom_design2": False,
        "has_custom_design3": False,
        "enable_portal_password": False,
        "user": fields_of("user", user, ctx, {}),
    }
    for name in USER_ACCOUNT_AVAILABLE:
        if name in requested:
            out[name] = _include(account, ctx, name)
    return out
