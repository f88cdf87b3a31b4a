"""v4 webhooks: the event names a subscription accepts, and parsing a delivery into its model.

A delivery (spec §1.1) is a ``POST`` of the transformed entity itself, without a ``data`` wrapper; entities
with a client get a ``client_name`` field added. Which model a body holds follows from the event name.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import orjson

from .errors import ResponseDecodeError
from .models import Client, Expense, Invoice, Payment, Task, Vendor, structure

__all__ = ["EVENT_MODELS", "HookEvent", "parse_webhook"]


class HookEvent(enum.StrEnum):
    """Every event v4 accepts in ``POST /hooks`` (``Utils::lookupEventId``)."""

    CREATE_CLIENT = "create_client"
    CREATE_INVOICE = "create_invoice"
    CREATE_QUOTE = "create_quote"
    CREATE_PAYMENT = "create_payment"
    CREATE_VENDOR = "create_vendor"
    UPDATE_QUOTE = "update_quote"
    DELETE_QUOTE = "delete_quote"
    UPDATE_INVOICE = "update_invoice"
    DELETE_INVOICE = "delete_invoice"
    UPDATE_CLIENT = "update_client"
    DELETE_CLIENT = "delete_client"
    DELETE_PAYMENT = "delete_payment"
    UPDATE_VENDOR = "update_vendor"
    DELETE_VENDOR = "delete_vendor"
    CREATE_EXPENSE = "create_expense"
    UPDATE_EXPENSE = "update_expense"
    DELETE_EXPENSE = "delete_expense"
    CREATE_TASK = "create_task"
    UPDATE_TASK = "update_task"
    DELETE_TASK = "delete_task"
    APPROVE_QUOTE = "approve_quote"


_MODEL_BY_NOUN: Mapping[str, type] = {
    "client": Client,
    "invoice": Invoice,
    "quote": Invoice,
    "payment": Payment,
    "vendor": Vendor,
    "expense": Expense,
    "task": Task,
}
EVENT_MODELS: Mapping[HookEvent, type] = {
    event: _MODEL_BY_NOUN[event.value.split("_", 1)[1]] for event in HookEvent
}


def parse_webhook(
    event: HookEvent | str, body: bytes | str | Mapping[str, Any], *, strict: bool = False
) -> Any:
    """Turn one delivery's body into the model its event carries (an `Invoice` for ``create_invoice``...).

    Raises ``ValueError`` for an unknown event and `ResponseDecodeError` for a body that is not that model.
    """
    try:
        hook_event = HookEvent(event)
    except ValueError:
        raise ValueError(f"unknown v4 webhook event {event!r}") from None
    if isinstance(body, bytes | str):
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise ResponseDecodeError(f"webhook body is not JSON: {exc}") from None
    else:
        payload = body
    return structure(payload, EVENT_MODELS[hook_event], strict=strict)
