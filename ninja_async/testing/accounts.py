"""Creating an account the way registration does: owner user (public id 0), API token, defaults."""

from __future__ import annotations

import hashlib

from .store import Account, Registry, Row, Token

TASK_STATUSES = ("Backlog", "Ready to do", "In progress", "Done")


def new_account(
    registry: Registry,
    *,
    name: str,
    email: str,
    password: str,
    token: str,
    first_name: str = "Olivia",
    last_name: str = "Owner",
    token_name: str = "TOKEN",
) -> Account:
    """A fresh account with its owner, one token named ``token_name`` and the default task statuses."""
    account_id = len(registry.accounts) + 1
    key = hashlib.sha256(f"account-{account_id}-{email}".encode()).hexdigest()[:32]
    account = registry.add_account(Account(account_id, key, name, registry.clock))
    now = registry.clock.timestamp()
    owner = Row(
        public_id=0,
        created_at=now,
        updated_at=now,
        f={"first_name": first_name, "last_name": last_name, "email": email, "password": password},
    )
    account.users.add(owner)
    registry.add_token(account, Token(token=token, name=token_name, user_id=0))
    for order, status in enumerate(TASK_STATUSES):
        account.new_row("task_statuses", 0, name=status, sort_order=order)
    return account
