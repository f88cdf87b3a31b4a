"""Clients, contacts and vendors: entities whose saves replace a contact set (spec §6.1, §6.5).

A PUT carries the whole set: a contact with an id updates that contact (it must belong to the
parent, else 404), one without an id is created, and every existing contact left out is archived.
The first contact after sorting by `is_primary` becomes the primary one.
"""

from __future__ import annotations

from typing import Any

import orjson

from .call import Call
from .constants import ADDRESS_FIELDS, CUSTOM_FIELDS
from .errors import ServerError
from .inputs import to_int, truthy
from .resources import Resource
from .responses import record_not_found
from .static_data import country_id, currency_id
from .store import Row
from .validation import Rules

CLIENT_FIELDS = (
    *("name", "id_number", "vat_number", "work_phone", "country_id", "private_notes", "size_id"),
    *("industry_id", "currency_id", "language_id", "payment_terms", "website", "public_notes"),
    *("invoice_number_counter", "quote_number_counter", "task_rate", "shipping_country_id"),
    *("show_tasks_in_portal", "send_reminders", "custom_messages"),
    *ADDRESS_FIELDS,
    *(f"shipping_{name}" for name in ADDRESS_FIELDS),
    *CUSTOM_FIELDS,
)
CONTACT_FIELDS = ("first_name", "last_name", "email", "phone", "send_invoice", *CUSTOM_FIELDS)
VENDOR_FIELDS = (
    *("name", "id_number", "vat_number", "work_phone", "country_id", "private_notes", "currency_id"),
    *("website", *ADDRESS_FIELDS, *CUSTOM_FIELDS),
)
VENDOR_CONTACT_FIELDS = ("first_name", "last_name", "email", "phone")


def fill(row: Row, data: dict[str, Any], fields: tuple[str, ...]) -> None:
    """Eloquent `fill()` with the model's fillable list; emails are trimmed."""
    for key in fields:
        if key in data:
            value = data[key]
            if key == "custom_messages" and not isinstance(value, str):
                value = orjson.dumps(value).decode()
            row.f[key] = value.strip() if key == "email" and isinstance(value, str) else value


def replace_contacts(
    call: Call, parent: Row, items: list[dict[str, Any]], table: str, fields: tuple[str, ...]
) -> None:
    """Save ``items`` as ``parent``'s whole contact set."""
    account = call.account
    ordered = sorted(items, key=lambda c: not truthy(c.get("is_primary")))
    kept: list[Row] = []
    for position, data in enumerate(ordered):
        contact_id = to_int(data.get("id") or data.get("public_id"))
        if contact_id > 0:
            found = next((c for c in parent.children if c.public_id == contact_id), None)
            if found is None:
                raise record_not_found()
            contact = found
        else:
            contact = account.new_row(table, call.user.public_id, client_id=parent.public_id)
            if table == "contacts":
                contact.f["contact_key"] = f"{call.rt.rng.getrandbits(128):032x}"
            parent.children.append(contact)
        fill(contact, data, fields)
        contact.f["is_primary"] = position == 0
        account.touch(table, contact)
        kept.append(contact)
    for contact in parent.children:
        if contact not in kept and not contact.trashed:
            contact.deleted_at = call.rt.clock.timestamp()
            account.touch(table, contact)
    parent.invalidate()


def contact_items(
    data: dict[str, Any], one: str, many: str, empty_list_means_none: bool
) -> list[dict[str, Any]]:
    """The posted contact set: `one` (a single object) or `many` (a list); absent → one blank."""
    if isinstance(data.get(one), dict):
        return [data[one]]
    listed = data.get(many)
    if isinstance(listed, list) and (listed or empty_list_means_none):
        return [c for c in listed if isinstance(c, dict)]
    return [{}]


def convert_codes(data: dict[str, Any]) -> None:
    """`currency_code`, `country_code` and `shipping_country_code` become ids."""
    for code_key, id_key, lookup in (
        ("currency_code", "currency_id", currency_id),
        ("country_code", "country_id", country_id),
        ("shipping_country_code", "shipping_country_id", country_id),
    ):
        if isinstance(data.get(code_key), str):
            found = lookup(data[code_key])
            if found is not None:
                data[id_key] = found


def save_client(call: Call, data: dict[str, Any], row: Row | None) -> Row:
    """`ClientRepository::save`: fill, default payment terms, then the contact set."""
    if row is not None and row.is_deleted:
        return row
    data = dict(data)
    convert_codes(data)
    if row is None:
        row = call.account.new_row("clients", call.user.public_id)
        if "payment_terms" not in data:
            data["payment_terms"] = call.account.settings["payment_terms"]
    fill(row, data, CLIENT_FIELDS)
    replace_contacts(call, row, contact_items(data, "contact", "contacts", False), "contacts", CONTACT_FIELDS)
    call.account.touch("clients", row)
    return row


class Clients(Resource):
    name = "clients"
    kind = "client"

    def filter(self, call: Call, rows: list[Row]) -> list[Row]:
        email = call.inp.get("email")
        if truthy(email):
            return [r for r in rows if any(c.f.get("email") == email for c in r.live_children())]
        id_number = call.inp.get("id_number")
        if truthy(id_number):
            return [r for r in rows if r.f.get("id_number") == id_number]
        return rows

    def create(self, call: Call) -> Row:
        return save_client(call, call.inp.data, None)

    def save(self, call: Call, row: Row) -> None:
        save_client(call, call.inp.data, row)


class Contacts(Resource):
    name = "contacts"
    kind = "contact"
    client_relation = True

    def validate_create(self, call: Call) -> None:
        Rules(call.inp).required("first_name", "last_name", "email", "client_id").check()

    def validate_update(self, call: Call, row: Row) -> None:
        Rules(call.inp).required("first_name", "last_name", "email").check()

    def create(self, call: Call) -> Row:
        client = call.account.clients.get(to_int(call.inp.get("client_id")))
        if client is None:
            raise ServerError("Integrity constraint violation: contacts.client_id cannot be null")
        row = call.account.new_row(
            "contacts",
            call.user.public_id,
            client_id=client.public_id,
            contact_key=f"{call.rt.rng.getrandbits(128):032x}",
            is_primary=not client.live_children(),
        )
        fill(row, call.inp.data, CONTACT_FIELDS)
        client.children.append(row)
        client.invalidate()
        return row

    def save(self, call: Call, row: Row) -> None:
        fill(row, call.inp.data, CONTACT_FIELDS)
        call.account.touch("contacts", row)
        client = call.account.clients.get(to_int(row.f.get("client_id")))
        if client is not None:
            client.invalidate()


class Vendors(Resource):
    name = "vendors"
    kind = "vendor"

    def validate_create(self, call: Call) -> None:
        Rules(call.inp).required("name").check()

    def validate_update(self, call: Call, row: Row) -> None:
        Rules(call.inp).required("name").check()

    def create(self, call: Call) -> Row:
        row = call.account.new_row(
            "vendors", call.user.public_id, currency_id=call.account.settings["currency_id"]
        )
        self.save(call, row)
        return row

    def save(self, call: Call, row: Row) -> None:
        if row.is_deleted:
            return
        data = dict(call.inp.data)
        convert_codes(data)
        fill(row, data, VENDOR_FIELDS)
        items = contact_items(data, "vendor_contact", "vendor_contacts", True)
        replace_contacts(call, row, items, "vendor_contacts", VENDOR_CONTACT_FIELDS)
        call.account.touch("vendors", row)
