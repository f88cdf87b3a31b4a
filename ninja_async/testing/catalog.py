"""Products, projects and tax rates (spec §6.5): small entities with `required` rules.

Their update requests validate before `action` is looked at, so archiving a product needs its
`product_key`, a project its `name`, a tax rate its `name` and `rate`. A product save resets an
absent `notes`/`cost`/`qty` to ''/0/1.
"""

from __future__ import annotations

from .call import Call
from .constants import CUSTOM_FIELDS, TAX_FIELDS
from .errors import ServerError
from .inputs import to_float, to_int
from .resources import Resource
from .store import Row
from .validation import Rules

PRODUCT_FIELDS = ("product_key", *TAX_FIELDS, *CUSTOM_FIELDS)
PROJECT_FIELDS = ("name", "task_rate", "private_notes", "due_date", "budgeted_hours", *CUSTOM_FIELDS)


class _Simple(Resource):
    """A resource whose create and update share one fillable list and one set of required fields."""

    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()

    def validate_create(self, call: Call) -> None:
        Rules(call.inp).required(*self.required).check()

    def validate_update(self, call: Call, row: Row) -> None:
        Rules(call.inp).required(*self.required).check()

    def create(self, call: Call) -> Row:
        row = call.account.new_row(self.name, call.user.public_id)
        self.save(call, row)
        return row

    def save(self, call: Call, row: Row) -> None:
        data = call.inp.data
        row.f.update({k: data[k] for k in self.fields if k in data})
        call.account.touch(self.name, row)


class Products(_Simple):
    name = "products"
    kind = "product"
    fields = PRODUCT_FIELDS
    required = ("product_key",)

    def save(self, call: Call, row: Row) -> None:
        data = call.inp.data
        row.f.update(
            notes=data.get("notes") or "", cost=to_float(data.get("cost")), qty=to_float(data.get("qty", 1))
        )
        super().save(call, row)


class TaxRates(_Simple):
    name = "tax_rates"
    kind = "tax_rate"
    fields = ("name", "rate", "is_inclusive")
    required = ("name", "rate")


class Projects(_Simple):
    name = "projects"
    kind = "project"
    client_relation = True
    fields = PROJECT_FIELDS
    required = ("name",)

    def validate_create(self, call: Call) -> None:
        Rules(call.inp).required("name", "client_id").check()

    def create(self, call: Call) -> Row:
        client = call.account.clients.get(to_int(call.inp.get("client_id")))
        if client is None:
            raise ServerError("Integrity constraint violation: projects.client_id cannot be null")
        row = call.account.new_row(self.name, call.user.public_id, client_id=client.public_id)
        self.save(call, row)
        return row
