"""The base classes every model derives from.

Models are plain data: field names are the v4 wire names and types are what spec §5 promises. How the wire's
quirks (ints for floats, ``''`` for dates, JSON in strings) become these types is the converter's business.
An include that was not requested, and the webhook-only ``client_name``, are ``None``.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Entity", "Model"]


@attrs.define(kw_only=True)
class Model:
    """Anything the v4 API sends as a JSON object.

    ``extra`` holds the wire keys the class does not declare, so that nothing the server said is lost and a
    read-modify-write sends them back unchanged. It takes part in equality (it is the server's data) but not
    in ``repr`` (an account has ~130 of them).
    """

    extra: dict[str, Any] = attrs.field(factory=dict, repr=False)


@attrs.define(kw_only=True)
class Entity(Model):
    """An object whose transformer merges ``EntityTransformer::getDefaults()`` (spec §5)."""

    account_key: str = ""
    is_owner: bool = False
