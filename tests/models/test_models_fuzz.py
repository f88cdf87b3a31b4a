"""Arbitrary JSON never escapes as anything but an Invoice or a ResponseDecodeError."""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ninja_async import models
from ninja_async.errors import ResponseDecodeError
from ninja_async.models import structure, structure_list, unstructure

SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(
        ["", "0", "1", "12", "12.5", "-3", "2024-02-29", "2023-02-29", "0000-00-00", "{}", "[]"]
    )
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
INVOICE_FIELDS = frozenset(attrs.fields_dict(models.Invoice)) - {"extra"}
invoice_keys = st.sampled_from(sorted(INVOICE_FIELDS))


def _decode(data: Any) -> models.Invoice | None:
    """The invoice, or None after a clean ResponseDecodeError; any other exception fails the test."""
    try:
        invoice = structure(data, models.Invoice, path="data")
    except ResponseDecodeError as exc:
        if not exc.path.startswith("data"):
            pytest.fail(f"path {exc.path!r} lost its prefix")
        event("error")
        return None
    event("decoded")
    assert isinstance(invoice, models.Invoice)
    return invoice


@SETTINGS
@given(json_values)
def test_any_json_value(data: Any) -> None:
    _decode(data)


@SETTINGS
@given(
    st.dictionaries(invoice_keys | st.text(max_size=8), json_values, max_size=12), st.integers(min_value=0)
)
def test_any_object_with_invoice_keys(data: dict[str, Any], invoice_id: int) -> None:
    _decode({**data, "id": invoice_id} if "id" not in data else data)


@st.composite
def mutated_invoices(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """The spec's invoice with a few of its fields (or its first item's) replaced by arbitrary JSON."""
    wire = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        items = wire["invoice_items"]
        in_item = isinstance(items, list) and items and isinstance(items[0], dict) and draw(st.booleans())
        target = items[0] if in_item else wire
        target[draw(st.sampled_from(sorted(target)) | st.text(max_size=6))] = draw(json_values)
    return wire


@SETTINGS
@given(st.data())
def test_mutated_invoices_decode_or_fail_cleanly_and_round_trip(
    invoice_wire: dict[str, Any], data: st.DataObject
) -> None:
    wire = data.draw(mutated_invoices(invoice_wire))
    invoice = _decode(wire)
    if invoice is None:
        return
    assert structure(unstructure(invoice), models.Invoice) == invoice


@SETTINGS
@given(st.data())
def test_strict_and_lenient_decoding_agree(invoice_wire: dict[str, Any], data: st.DataObject) -> None:
    """``strict`` runs only the detailed rules; the lenient call tries the fast path first. Without unknown
    keys both build the same invoice or both fail: the fast path may refuse more, never build otherwise."""
    wire = data.draw(mutated_invoices(invoice_wire))
    known = {k: v for k, v in wire.items() if k in INVOICE_FIELDS}
    try:
        lenient = structure_list([known], models.Invoice)[0]
    except ResponseDecodeError:
        lenient = None
    try:
        strict = structure(known, models.Invoice, strict=True)
    except ResponseDecodeError:
        strict = None
    if lenient is None:
        assert strict is None
    elif strict is None:  # only an unknown key in an item may separate them
        assert any(item.extra for item in lenient.invoice_items)
    else:
        assert lenient == strict
