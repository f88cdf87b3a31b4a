"""Input that does not fit raises ResponseDecodeError naming the exact path of the bad value, nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from ninja_async import models
from ninja_async.errors import ResponseDecodeError
from ninja_async.models import structure, structure_list

Wire = dict[str, Any]


def _error(data: Any, model: type[Any], **kwargs: Any) -> ResponseDecodeError:
    with pytest.raises(ResponseDecodeError) as info:
        structure(data, model, **kwargs)
    return info.value


def test_string_in_a_float_field_names_its_path(invoice_wire: Wire) -> None:
    invoice_wire["invoice_items"][0]["cost"] = "abc"
    error = _error(invoice_wire, models.Invoice)
    assert error.path == "invoice_items[0].cost"
    assert "'abc'" in str(error)
    assert error.body is None


def test_the_callers_prefix_leads_the_path(invoice_wire: Wire) -> None:
    invoice_wire["invoice_items"][0]["cost"] = "abc"
    assert _error(invoice_wire, models.Invoice, path="data[3]").path == "data[3].invoice_items[0].cost"


def test_a_list_where_an_object_belongs(invoice_wire: Wire) -> None:
    invoice_wire["client"] = []
    assert _error(invoice_wire, models.Invoice).path == "client"
    assert _error([invoice_wire], models.Invoice, path="data").path == "data"


@pytest.mark.parametrize("body", [None, "text", 5, [], True])
def test_anything_but_an_object_at_the_top(body: Any) -> None:
    error = _error(body, models.Client, path="data")
    assert error.path == "data"
    assert "object" in str(error)


def test_an_object_where_an_array_belongs(invoice_wire: Wire) -> None:
    invoice_wire["invoice_items"] = {"0": invoice_wire["invoice_items"][0]}
    assert _error(invoice_wire, models.Invoice).path == "invoice_items"


def test_missing_id(invoice_wire: Wire) -> None:
    del invoice_wire["id"]
    error = _error(invoice_wire, models.Invoice, path="data")
    assert error.path == "data.id"
    assert "missing" in str(error)
    del invoice_wire["invoice_items"][0]["id"]
    invoice_wire["id"] = 1
    assert _error(invoice_wire, models.Invoice).path == "invoice_items[0].id"


def test_a_fraction_is_never_truncated_into_an_int_field(invoice_wire: Wire) -> None:
    invoice_wire["client_id"] = 1.5
    error = _error(invoice_wire, models.Invoice)
    assert error.path == "client_id"
    assert "1.5" in str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("invoice_number", None),
        ("invoice_number", 5),
        ("amount", None),
        ("amount", [1]),
        ("amount", "12,5"),
        ("is_deleted", "yes"),
        ("is_deleted", None),
        ("invoice_date", "01/03/2024"),
        ("invoice_date", "2024-13-01"),
        ("invoice_date", 20240301),
        ("archived_at", "soon"),
        ("client_id", "1e3"),
        ("client_id", "true"),
        ("po_number", 7),
    ],
)
def test_wrong_kinds_of_values(invoice_wire: Wire, field: str, value: Any) -> None:
    invoice_wire[field] = value
    error = _error(invoice_wire, models.Invoice, path="data")
    assert error.path == f"data.{field}"
    assert repr(value)[:20] in str(error)


def test_custom_messages_that_is_not_json_of_an_object(client_wire: Wire) -> None:
    for bad in ("not json", "[1, 2]", 5):
        client_wire["custom_messages"] = bad
        assert _error(client_wire, models.Client).path == "custom_messages"


def test_permissions_must_be_an_object_or_the_empty_array(user_wire: Wire) -> None:
    user_wire["permissions"] = ["create_client"]
    assert _error(user_wire, models.User).path == "permissions"


def test_list_elements_are_reported_by_index(invoice_wire: Wire) -> None:
    page = [{**invoice_wire, "id": n} for n in range(3)]
    page[2] = {**page[2], "balance": "lots"}
    with pytest.raises(ResponseDecodeError) as info:
        structure_list(page, models.Invoice, path="data")
    assert info.value.path == "data[2].balance"


def test_structure_list_refuses_anything_but_an_array(invoice_wire: Wire) -> None:
    for body in (invoice_wire, None, "x"):
        with pytest.raises(ResponseDecodeError) as info:
            structure_list(body, models.Invoice, path="data")
        assert info.value.path == "data"


def test_the_first_of_several_errors_is_reported(invoice_wire: Wire) -> None:
    invoice_wire["amount"] = "x"
    invoice_wire["invoice_items"][0]["qty"] = "y"
    assert _error(invoice_wire, models.Invoice).path == "amount"


def test_errors_deep_in_includes(client_wire: Wire, invoice_wire: Wire) -> None:
    invoice_wire["invoice_items"][0]["discount"] = {}
    client_wire["invoices"] = [invoice_wire, invoice_wire]
    assert (
        _error(client_wire, models.Client, path="data").path == "data.invoices[0].invoice_items[0].discount"
    )


def test_strict_mode_names_an_unknown_key_and_its_path(invoice_wire: Wire) -> None:
    invoice_wire["invoice_items"][0]["surprise"] = 1
    error = _error(invoice_wire, models.Invoice, path="data", strict=True)
    assert error.path == "data.invoice_items[0].surprise"
    assert "surprise" in str(error)
    assert "InvoiceItem" in str(error)
    lenient = structure(invoice_wire, models.Invoice)
    assert lenient.invoice_items[0].extra == {"surprise": 1}


def test_strict_mode_at_the_top_and_in_lists(task_wire: Wire) -> None:
    task_wire["getDefaults_user_id"] = 1
    assert _error(task_wire, models.Task, strict=True).path == "getDefaults_user_id"
    with pytest.raises(ResponseDecodeError) as info:
        structure_list([{"id": 1}, task_wire], models.Task, path="data", strict=True)
    assert info.value.path == "data[1].getDefaults_user_id"


def test_strict_mode_still_reports_bad_values(invoice_wire: Wire) -> None:
    invoice_wire["amount"] = "x"
    assert _error(invoice_wire, models.Invoice, strict=True).path == "amount"


def test_the_cause_is_chained_for_debugging(invoice_wire: Wire) -> None:
    invoice_wire["amount"] = "x"
    assert _error(invoice_wire, models.Invoice).__cause__ is not None
