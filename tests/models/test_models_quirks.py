"""The wire's quirks (spec §3, §5, §7) become plain typed values, and go back to the wire form."""

from __future__ import annotations

import datetime
from typing import Any

import orjson
import pytest

from ninja_async import models
from ninja_async.models import structure, structure_list, unstructure

Wire = dict[str, Any]


def test_whole_number_floats_sent_as_ints_become_floats(invoice_wire: Wire) -> None:
    invoice = structure(invoice_wire, models.Invoice)
    assert invoice_wire["amount"] == 300
    assert type(invoice.amount) is float
    assert invoice.amount == 300.0
    assert type(invoice.invoice_items[0].cost) is float
    assert type(invoice.custom_value1) is float  # a float on invoices, a string on items
    assert invoice.invoice_items[0].custom_value1 == ""


def test_empty_dates_are_none_and_go_back_as_empty_strings(invoice_wire: Wire) -> None:
    invoice = structure(invoice_wire, models.Invoice)
    assert invoice.due_date is None
    assert invoice.partial_due_date is None
    assert invoice.invoice_date == datetime.date(2024, 3, 1)
    wire = unstructure(invoice)
    assert wire["due_date"] == ""
    assert wire["invoice_date"] == "2024-03-01"


def test_a_changed_date_is_sent_as_y_m_d(invoice_wire: Wire) -> None:
    invoice = structure(invoice_wire, models.Invoice)
    invoice.due_date = datetime.date(2024, 4, 30)
    assert unstructure(invoice)["due_date"] == "2024-04-30"


def test_mysql_zero_date_is_none(invoice_wire: Wire) -> None:
    invoice_wire["last_sent_date"] = "0000-00-00"
    assert structure(invoice_wire, models.Invoice).last_sent_date is None


def test_nullable_strings_stay_none(invoice_wire: Wire, expense_wire: Wire, vendor_wire: Wire) -> None:
    invoice = structure(invoice_wire, models.Invoice)
    assert invoice.po_number is None
    assert invoice.terms is None
    assert structure(expense_wire, models.Expense).public_notes is None
    assert structure(vendor_wire, models.Vendor).address1 is None
    assert unstructure(invoice)["po_number"] is None


def test_includes_are_plain_arrays_of_models(client_wire: Wire, vendor_wire: Wire) -> None:
    client = structure(client_wire, models.Client)
    assert [type(contact) for contact in client.contacts] == [models.Contact]
    assert client.contacts[0].email == "ada@example.com"
    assert client.invoices is None  # optional include, not requested
    vendor = structure(vendor_wire, models.Vendor)
    assert [contact.first_name for contact in vendor.vendor_contacts] == ["Vic"]


def test_requested_includes_nest_models(
    invoice_wire: Wire,
    client_wire: Wire,
    invitation_wire: Wire,
    payment_wire: Wire,
    document_wire: Wire,
) -> None:
    wire = {
        **invoice_wire,
        "invitations": [invitation_wire],
        "payments": [payment_wire],
        "client": client_wire,
        "documents": [document_wire],
    }
    invoice = structure(wire, models.Invoice)
    assert invoice.client is not None
    assert invoice.client.contacts[0].id == 1
    assert invoice.invitations is not None
    assert invoice.invitations[0].viewed_date == invitation_wire["sent_date"]
    assert invoice.payments is not None
    assert invoice.payments[0].payment_date == datetime.date(2024, 3, 2)
    assert invoice.documents is not None
    assert invoice.documents[0].preview is None
    assert unstructure(invoice) == wire


def test_includes_that_were_not_requested_stay_off_the_wire(invoice_wire: Wire) -> None:
    wire = unstructure(structure(invoice_wire, models.Invoice))
    for key in ("client", "invitations", "payments", "documents", "client_name"):
        assert key not in wire


def test_clients_include_each_others_models(
    client_wire: Wire, invoice_wire: Wire, activity_wire: Wire
) -> None:
    nested_client = {**client_wire, "contacts": []}
    client_wire["invoices"] = [{**invoice_wire, "client": nested_client}]
    client_wire["activities"] = [activity_wire]
    client = structure(client_wire, models.Client)
    assert client.invoices is not None
    assert client.invoices[0].client == structure(nested_client, models.Client)
    assert client.activities is not None
    assert client.activities[0].id == "4-3-1700001600"


def test_payment_includes_client_and_invoice(
    payment_wire: Wire, client_wire: Wire, invoice_wire: Wire
) -> None:
    payment = structure({**payment_wire, "client": client_wire, "invoice": invoice_wire}, models.Payment)
    assert payment.client is not None
    assert payment.client.name == "Acme"
    assert payment.invoice is not None
    assert payment.invoice.invoice_items[0].product_key == "CONSULT"


def test_active_task_archived_at_zero_is_none_and_goes_back_as_zero(task_wire: Wire) -> None:
    task = structure(task_wire, models.Task)
    assert task.archived_at is None
    assert unstructure(task)["archived_at"] == 0
    task_wire["archived_at"] = 1_700_000_000
    archived = structure(task_wire, models.Task)
    assert archived.archived_at == 1_700_000_000
    assert unstructure(archived)["archived_at"] == 1_700_000_000


def test_task_client_and_project_keys_may_be_absent(
    task_wire: Wire, client_wire: Wire, project_wire: Wire
) -> None:
    assert structure(task_wire, models.Task).project is None
    task = structure({**task_wire, "client": client_wire, "project": project_wire}, models.Task)
    assert task.client is not None
    assert task.project is not None
    assert task.project.budgeted_hours == 12.5


def test_user_deleted_at_and_permissions_as_empty_array(user_wire: Wire) -> None:
    user_wire["deleted_at"] = 1_700_000_000
    user_wire["permissions"] = []
    user = structure(user_wire, models.User)
    assert user.deleted_at == 1_700_000_000
    assert user.archived_at == 1_700_000_000
    assert user.permissions == {}
    assert unstructure(user)["permissions"] == {}
    assert "archived_at" not in unstructure(user)


def test_user_permissions_as_a_map(user_wire: Wire) -> None:
    assert structure(user_wire, models.User).permissions == {"create_client": True, "view_invoice": True}


def test_activity_id_is_a_string_and_its_ids_may_be_null(activity_wire: Wire) -> None:
    activity = structure(activity_wire, models.Activity)
    assert activity.id == "4-3-1700001600"
    assert activity.payment_id is None
    assert activity.is_system is None
    activity_wire["is_system"] = True
    assert structure(activity_wire, models.Activity).is_system is True


def test_payment_term_has_no_id(payment_term_wire: Wire) -> None:
    term = structure(payment_term_wire, models.PaymentTerm)
    assert term.num_days == 30
    assert term.updated_at is None
    assert not hasattr(term, "id")


def test_custom_messages_json_text_becomes_a_dict_and_goes_back_as_text(client_wire: Wire) -> None:
    client_wire["custom_messages"] = '{"invoice":"Pay soon","quote":""}'
    client = structure(client_wire, models.Client)
    assert client.custom_messages == {"invoice": "Pay soon", "quote": ""}
    client.custom_messages["payment"] = "Thanks"
    text = unstructure(client)["custom_messages"]
    assert isinstance(text, str)
    assert orjson.loads(text) == {"invoice": "Pay soon", "quote": "", "payment": "Thanks"}


def test_user_account_custom_messages_and_user(user_account_wire: Wire) -> None:
    account = structure(user_account_wire, models.UserAccount)
    assert account.custom_messages == {"invoice": "Thanks!"}
    assert account.user is not None
    assert account.user.is_admin is True
    assert account.token == "t" * 32


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), (3, 3), (3.0, 3), ("-2", -2)],
    ids=["string", "int", "whole-float", "neg"],
)
def test_ids_arriving_as_numeric_strings_or_whole_floats_are_ints(
    credit_wire: Wire, value: Any, expected: int
) -> None:
    credit_wire["client_id"] = value
    credit = structure(credit_wire, models.Credit)
    assert credit.client_id == expected
    assert type(credit.client_id) is int


def test_numeric_strings_are_accepted_in_float_fields(item_wire: Wire) -> None:
    item_wire["cost"] = "12.5"
    assert structure(item_wire, models.InvoiceItem).cost == 12.5


@pytest.mark.parametrize(
    ("value", "expected"), [(1, True), (0, False), ("1", True), ("0", False), (True, True)]
)
def test_account_tinyint_flags_become_bools(account_wire: Wire, value: Any, expected: bool) -> None:
    account_wire["enable_reminder3"] = value
    flag = structure(account_wire, models.Account).enable_reminder3
    assert flag is expected


def test_one_lenient_value_does_not_spoil_the_rest_of_the_page(invoice_wire: Wire) -> None:
    """The fast path refuses ``"9"``; the detailed pass accepts it, and every other invoice is unchanged."""
    page = [{**invoice_wire, "id": n} for n in range(1, 6)]
    page[3]["client_id"] = "9"
    invoices = structure_list(page, models.Invoice, path="data")
    assert [invoice.id for invoice in invoices] == [1, 2, 3, 4, 5]
    assert [invoice.client_id for invoice in invoices] == [3, 3, 3, 9, 3]
    assert invoices[0] == structure(page[0], models.Invoice)


def test_webhook_client_name_is_kept_and_sent_back(invoice_wire: Wire, task_wire: Wire) -> None:
    invoice = structure({**invoice_wire, "client_name": "Acme"}, models.Invoice)
    assert invoice.client_name == "Acme"
    assert unstructure(invoice)["client_name"] == "Acme"
    assert structure({**task_wire, "client_name": "Acme"}, models.Task, strict=True).client_name == "Acme"


def test_unknown_fields_survive_a_round_trip_unchanged(invoice_wire: Wire) -> None:
    invoice_wire["user_id"] = 1
    invoice_wire["future_setting"] = {"nested": [1, 2.5, None]}
    invoice_wire["invoice_items"][0]["item_extra"] = "x"
    invoice = structure(invoice_wire, models.Invoice)
    assert invoice.extra == {"user_id": 1, "future_setting": {"nested": [1, 2.5, None]}}
    assert invoice.invoice_items[0].extra == {"item_extra": "x"}
    assert unstructure(invoice) == invoice_wire


def test_read_modify_write_changes_only_what_was_changed(invoice_wire: Wire) -> None:
    invoice_wire["unknown"] = "kept"
    invoice = structure(invoice_wire, models.Invoice)
    invoice.po_number = "PO-7"
    invoice.invoice_items[0].qty = 3
    wire = unstructure(invoice)
    assert wire["po_number"] == "PO-7"
    assert wire["invoice_items"][0]["qty"] == 3
    assert wire["unknown"] == "kept"
    assert {k: v for k, v in wire.items() if k not in ("po_number", "invoice_items")} == {
        k: v for k, v in invoice_wire.items() if k not in ("po_number", "invoice_items")
    }


def test_declared_fields_win_over_a_clashing_extra_key(invoice_wire: Wire) -> None:
    invoice = structure(invoice_wire, models.Invoice)
    invoice.extra["po_number"] = "stale"
    assert unstructure(invoice)["po_number"] is None


def test_extra_takes_part_in_equality_but_not_in_repr(invoice_wire: Wire) -> None:
    plain = structure(invoice_wire, models.Invoice)
    with_extra = structure({**invoice_wire, "surprise": 1}, models.Invoice)
    assert plain != with_extra
    assert "surprise" not in repr(with_extra)


def test_dashboard_keeps_camel_case_names(dashboard_wire: Wire) -> None:
    dashboard = structure(dashboard_wire, models.Dashboard)
    assert dashboard.paidToDate == 1000.0
    assert type(dashboard.paidToDate) is float
    assert dashboard.activities[0].adjustment == 300.0
    only_activity = structure({"id": 1, "activities": []}, models.Dashboard)
    assert only_activity.invoicesSent == 0
