"""Every transformer of spec §5 has a model that declares all its fields, with the spec's types."""

from __future__ import annotations

import datetime
import types
import typing
from typing import Any

import attrs
import orjson
import pytest

from ninja_async import models
from ninja_async.models import converter, structure, structure_list, unstructure

# fixture name -> model; Account is left out: most of its ~130 settings are deliberately undeclared.
TRANSFORMERS = {
    "client_wire": models.Client,
    "contact_wire": models.Contact,
    "invoice_wire": models.Invoice,
    "item_wire": models.InvoiceItem,
    "invitation_wire": models.Invitation,
    "payment_wire": models.Payment,
    "credit_wire": models.Credit,
    "task_wire": models.Task,
    "task_status_wire": models.TaskStatus,
    "project_wire": models.Project,
    "product_wire": models.Product,
    "expense_wire": models.Expense,
    "expense_category_wire": models.ExpenseCategory,
    "vendor_wire": models.Vendor,
    "vendor_contact_wire": models.VendorContact,
    "tax_rate_wire": models.TaxRate,
    "document_wire": models.Document,
    "user_wire": models.User,
    "account_email_settings_wire": models.AccountEmailSettings,
    "user_account_wire": models.UserAccount,
    "activity_wire": models.Activity,
    "payment_term_wire": models.PaymentTerm,
    "dashboard_wire": models.Dashboard,
}


@pytest.fixture(params=sorted(TRANSFORMERS))
def wire_and_model(request: pytest.FixtureRequest) -> tuple[dict[str, Any], type[models.Model]]:
    return request.getfixturevalue(request.param), TRANSFORMERS[request.param]


def test_strict_structure_accepts_every_spec_field(wire_and_model: tuple[dict[str, Any], type[Any]]) -> None:
    wire, model = wire_and_model
    obj = structure(wire, model, strict=True)
    assert isinstance(obj, model)
    assert obj.extra == {}


def test_unstructure_gives_the_wire_object_back(wire_and_model: tuple[dict[str, Any], type[Any]]) -> None:
    wire, model = wire_and_model
    back = unstructure(structure(wire, model))
    assert back == wire
    assert orjson.loads(orjson.dumps(back)) == wire


def test_the_spec_shapes_take_the_fast_path(
    wire_and_model: tuple[dict[str, Any], type[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the server normally sends never needs the slower detailed pass."""
    wire, model = wire_and_model

    def no_detailed_pass(*args: Any) -> Any:
        raise AssertionError("the fast path refused a spec-shaped object")

    monkeypatch.setattr(converter, "_slow", no_detailed_pass)
    assert isinstance(structure(wire, model), model)
    assert structure_list([wire, wire], model) == [structure(wire, model)] * 2


def _hint_allows(hint: Any, value: Any) -> bool:
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_hint_allows(arg, value) for arg in typing.get_args(hint))
    if origin is not None:
        return isinstance(value, origin)
    if hint is float:
        return type(value) is float
    return isinstance(value, hint)


def test_every_field_holds_its_declared_type(wire_and_model: tuple[dict[str, Any], type[Any]]) -> None:
    wire, model = wire_and_model
    obj = structure(wire, model)
    hints = typing.get_type_hints(model)
    for field in attrs.fields(model):
        value = getattr(obj, field.name)
        assert _hint_allows(hints[field.name], value), (field.name, value)


def test_fields_default_as_the_server_would_send_an_empty_value() -> None:
    invoice = models.Invoice(id=1)
    assert (invoice.invoice_number, invoice.amount, invoice.is_deleted) == ("", 0.0, False)
    assert invoice.po_number is None
    assert invoice.invoice_date is None
    assert invoice.invoice_items == []
    assert invoice.client is None
    assert invoice.extra == {}


def test_id_is_required_where_the_transformer_has_one() -> None:
    with pytest.raises(TypeError):
        models.Invoice()  # type: ignore[call-arg]
    assert "id" not in attrs.fields_dict(models.PaymentTerm)
    assert "archived_at" not in attrs.fields_dict(models.Document)
    assert attrs.fields_dict(models.Activity)["id"].type in (str, "str")


def test_quote_is_an_invoice() -> None:
    assert models.Quote is models.Invoice


def test_models_are_mutable_and_slotted() -> None:
    invoice = models.Invoice(id=1)
    invoice.po_number = "PO-1"
    assert invoice.po_number == "PO-1"
    with pytest.raises(AttributeError):
        invoice.not_a_field = 1  # type: ignore[attr-defined]


def test_account_keeps_its_other_settings_as_extra(account_wire: dict[str, Any]) -> None:
    account = structure(account_wire, models.Account)
    assert account.extra == {"logo": "", "email_footer": None, "financial_year_start": None}
    assert [user.id for user in account.users] == [1]
    assert isinstance(account.products[0], models.Product)
    assert account.enable_reminder1 is True
    assert account.enable_reminder2 is False
    assert isinstance(account.account_email_settings, models.AccountEmailSettings)
    assert unstructure(account) == account_wire


def test_dates_are_dates(invoice_wire: dict[str, Any], payment_wire: dict[str, Any]) -> None:
    assert structure(invoice_wire, models.Invoice).invoice_date == datetime.date(2024, 3, 1)
    assert structure(payment_wire, models.Payment).payment_date == datetime.date(2024, 3, 2)
