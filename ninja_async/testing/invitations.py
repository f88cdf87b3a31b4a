"""Invoice invitations (one per contact that receives the invoice), made lazily on first need.

The v4 server stores them as rows; the emulator derives them from the client's contacts the first
time an invoice is sent or `include=invitations` is asked for, so seeding 100k invoices stays cheap.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .store import Account, Row
from .transformers import Fields


def _recipients(account: Account, invoice: Row) -> list[Row]:
    client = account.clients.get(int(invoice.f.get("client_id") or 0))
    if client is None:
        return []
    contacts = client.live_children()
    chosen = [c for c in contacts if c.f.get("send_invoice", True)]
    return chosen or contacts[:1]


def ensure_invitations(account: Account, invoice: Row) -> list[dict[str, Any]]:
    """The stored invitations of an invoice, creating them for its recipients if there are none."""
    stored: list[dict[str, Any]] | None = invoice.f.get("invitations")
    if stored is None:
        stored = []
        for contact in _recipients(account, invoice):
            account.invitation_id += 1
            seed = f"{account.account_key}:{invoice.public_id}:{contact.public_id}".encode()
            stored.append(
                {
                    "id": account.invitation_id,
                    "key": hashlib.sha256(seed).hexdigest()[:32],
                    "contact_id": contact.public_id,
                    "sent_date": "",
                }
            )
        invoice.f["invitations"] = stored
    return stored


def mark_invitations_sent(account: Account, invoice: Row, date: str) -> None:
    for invitation in ensure_invitations(account, invoice):
        if not invitation["sent_date"]:
            invitation["sent_date"] = date


def invitations_of(account: Account, invoice: Row) -> list[Fields]:
    """`InvitationTransformer` output; `viewed_date` repeats `sent_date` (a v4 bug)."""
    base = account.settings.get("app_url", "")
    return [
        {
            "id": inv["id"],
            "key": inv["key"],
            "link": f"{base}/view/{inv['key']}",
            "sent_date": inv["sent_date"],
            "viewed_date": inv["sent_date"],
        }
        for inv in ensure_invitations(account, invoice)
    ]
