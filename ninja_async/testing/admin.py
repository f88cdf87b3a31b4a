"""Users and payment terms: the two resources whose v4 controllers bend the usual pattern.

Users: show and store and destroy answer 500; update always edits the token's own user.
Payment terms: listed with the global defaults (account 0) by `num_days`, no `id` in output,
no update, and DELETE takes a `num_days` (not an id) that is looked up across all accounts.
"""

from __future__ import annotations

from aiohttp import web

from .call import Call
from .constants import DEFAULT_PAYMENT_TERMS
from .errors import ServerError
from .inputs import to_int
from .resources import Resource
from .responses import error_message
from .store import Row
from .validation import Rules

USER_FIELDS = ("first_name", "last_name", "email", "password", "phone")


class Users(Resource):
    name = "users"
    kind = "user"

    async def show(self, call: Call) -> web.Response:
        raise ServerError("Call to undefined method User::scope()")

    async def store(self, call: Call) -> web.Response:
        raise ServerError("Class App\\Http\\Requests\\CreateUserRequest does not exist")

    async def destroy(self, call: Call) -> web.Response:
        raise ServerError("The request has no entityType")

    def find(self, call: Call) -> Row:
        return call.user

    def validate_update(self, call: Call, row: Row) -> None:
        def taken(email: str) -> bool:
            return any(
                u.f.get("email", "").lower() == email.lower() and u is not row
                for account in call.rt.registry.accounts
                for u in account.users
            )

        Rules(call.inp).required("email").email("email").unique("email", taken).required(
            "first_name", "last_name"
        ).check()

    def save(self, call: Call, row: Row) -> None:
        row.f.update({k: call.inp.get(k) for k in USER_FIELDS if call.inp.has(k)})
        call.account.touch("users", row)


def default_terms() -> list[Row]:
    """The global terms every account lists (`account_id` 0, no timestamps)."""
    return [
        Row(public_id=0, created_at=0, updated_at=0, f={"num_days": days, "is_default": True})
        for days in DEFAULT_PAYMENT_TERMS
    ]


class PaymentTerms(Resource):
    name = "payment_terms"
    kind = "payment_term"

    def base_rows(self, call: Call, since: int) -> list[Row]:
        """Own live terms plus the global ones, by `num_days` ascending."""
        rows = [t for t in call.account.table(self.name) if not t.trashed] + default_terms()
        rows = [t for t in rows if t.updated_at >= since] if since > 0 else rows
        return sorted(rows, key=lambda t: int(t.f["num_days"]))

    def validate_create(self, call: Call) -> None:
        def taken(value: str) -> bool:
            days = to_int(value)
            own = any(t.f.get("num_days") == days for t in call.account.table(self.name))
            return own or days in DEFAULT_PAYMENT_TERMS

        Rules(call.inp).required("num_days").numeric("num_days").unique("num_days", taken).check()

    def create(self, call: Call) -> Row:
        days = to_int(call.inp.get("num_days"))
        return call.account.new_row(self.name, call.user.public_id, num_days=days, name=f"Net {days}")

    async def destroy(self, call: Call) -> web.Response:
        """Archive the first live term with this `num_days`, in whichever account it is."""
        days = to_int(call.params.get("id"))
        for account in call.rt.registry.accounts:
            for term in account.table(self.name).sorted():
                if term.f.get("num_days") == days and not term.trashed and days not in DEFAULT_PAYMENT_TERMS:
                    term.deleted_at = call.rt.clock.timestamp()
                    account.touch(self.name, term)
                    return call.item(self.kind, term)
        raise error_message("Cannot delete a default or non existent Payment Term", 400)
