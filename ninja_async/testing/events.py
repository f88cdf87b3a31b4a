"""What a change leaves behind besides the row: an activity-log entry and webhook deliveries.

Invoices fire quote events when they are quotes. Webhook bodies are the transformed entity with
no `data` wrapper; invoices include `client`, payments `client` and `invoice`, and a
`client_name` is added when the entity has a client (spec §1.1).
"""

from __future__ import annotations

from .constants import HOOK_EVENTS, TYPE_QUOTE
from .render import IncludeTree, fields_of
from .store import Account, Activity, Row
from .transformers import RenderContext, client_display_name
from .webhooks import Webhooks

#: (entity, verb) → v4 `ACTIVITY_TYPE_*` id.
ACTIVITY_TYPES: dict[tuple[str, str], int] = {
    ("client", "create"): 1,
    ("client", "archive"): 2,
    ("client", "delete"): 3,
    ("client", "restore"): 26,
    ("invoice", "create"): 4,
    ("invoice", "update"): 5,
    ("invoice", "email"): 6,
    ("invoice", "archive"): 8,
    ("invoice", "delete"): 9,
    ("invoice", "restore"): 25,
    ("payment", "create"): 10,
    ("payment", "archive"): 12,
    ("payment", "delete"): 13,
    ("payment", "restore"): 27,
    ("credit", "create"): 14,
    ("credit", "archive"): 16,
    ("credit", "delete"): 17,
    ("credit", "restore"): 28,
    ("quote", "create"): 18,
    ("quote", "update"): 19,
    ("quote", "email"): 20,
    ("quote", "archive"): 22,
    ("quote", "delete"): 23,
    ("quote", "restore"): 24,
    ("vendor", "create"): 30,
    ("vendor", "archive"): 31,
    ("vendor", "delete"): 32,
    ("vendor", "restore"): 33,
    ("expense", "create"): 34,
    ("expense", "archive"): 35,
    ("expense", "delete"): 36,
    ("expense", "restore"): 37,
    ("task", "create"): 42,
    ("task", "update"): 43,
    ("task", "archive"): 44,
    ("task", "delete"): 45,
    ("task", "restore"): 46,
}

HOOK_INCLUDES: dict[str, IncludeTree] = {"invoice": {"client": {}}, "payment": {"client": {}, "invoice": {}}}


def _client_id(kind: str, row: Row) -> int | None:
    return row.public_id if kind == "client" else (int(row.f.get("client_id") or 0) or None)


def notify(account: Account, webhooks: Webhooks, kind: str, verb: str, row: Row, user_id: int) -> None:
    """Log the activity and fire the webhook event for ``verb`` on ``row`` (when v4 has them)."""
    event_kind = "quote" if kind == "invoice" and row.f.get("invoice_type_id") == TYPE_QUOTE else kind
    activity_type = ACTIVITY_TYPES.get((event_kind, verb))
    if activity_type is not None:
        amount = float(row.f.get("amount") or 0)
        account.add_activity(
            Activity(
                activity_type_id=activity_type,
                client_id=_client_id(kind, row),
                user_id=user_id,
                created_at=account.clock.timestamp(),
                adjustment=amount if verb == "create" else 0.0,
                invoice_id=row.public_id if kind == "invoice" else row.f.get("invoice_id"),
                payment_id=row.public_id if kind == "payment" else None,
                credit_id=row.public_id if kind == "credit" else None,
                expense_id=row.public_id if kind == "expense" else None,
                task_id=row.public_id if kind == "task" else None,
            )
        )
    event = f"{verb}_{event_kind}"
    if event not in HOOK_EVENTS or not any(s.event == event for s in account.subscriptions.values()):
        return
    ctx = RenderContext(account, row.user_id, account.clock.timestamp())
    payload = fields_of(kind, row, ctx, HOOK_INCLUDES.get(kind, {}))
    client_id = int(row.f.get("client_id") or 0)
    client = account.clients.get(client_id) if client_id else None
    if client is not None:
        payload["client_name"] = client_display_name(client)
    webhooks.emit(account, event, payload)
