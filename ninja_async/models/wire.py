"""What one v4 wire value may look like, and the Python value it becomes (spec §3, §5, §7).

The rules, one per field type (a rejected value raises ``Mismatch``):

============  ========================================================================================
int           ints; whole floats (``3.0``); numeric strings (``"12"``). ``1.5`` is an error. A bool is
              kept as it is (it is an int, and round-trips as a bool).
float         numbers; strings and bools as ``float()`` reads them (``"12.5"``, also ``"1_0"``, ``"nan"``).
str           strings only: ``null`` is an error unless the field is ``str | None``.
bool          bools; ints and 0.0/1.0 (0 is false, anything else true: uncast tinyint columns);
              ``"0"``/``"1"``.
date | None   ``'Y-m-d'``; ``''``, ``null`` and MySQL's ``'0000-00-00'`` are ``None``.
dict          an object; PHP's empty array ``[]`` is ``{}``.
============  ========================================================================================

``CHECKERS`` are the fast path's stand-ins for these rules: C-level callables that accept a subset of what
the rule accepts and return the same value there. ``FIELD_QUIRKS`` are the fields whose wire form differs
from their type's.
"""

from __future__ import annotations

import datetime
import operator
import os
import re
from collections.abc import Callable
from typing import Any, cast

import orjson

from .account import UserAccount
from .entities import Client
from .work import Task

Hook = Callable[[Any, Any], Any]

OPTIONAL_DATE = datetime.date | None
MAPPING = dict[str, Any]

_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_ZERO_DATE = "0000-00-00"


class Mismatch(ValueError):
    """A value of the wrong kind; the message says what was expected and what came."""

    def __init__(self, expected: str, value: Any) -> None:
        shown = repr(value)
        super().__init__(f"expected {expected}, got {shown if len(shown) <= 60 else shown[:57] + '...'}")


def to_int(value: Any, _: Any = None) -> int:
    kind = value.__class__
    if kind is int or kind is bool:
        return cast(int, value)
    if (kind is float and value.is_integer()) or (kind is str and _INT_TEXT.fullmatch(value)):
        return int(value)
    raise Mismatch("an integer", value)


def to_float(value: Any, _: Any = None) -> float:
    if value.__class__ in (int, float, bool, str):
        try:
            return float(value)
        except (ValueError, OverflowError):
            pass
    raise Mismatch("a number", value)


def to_str(value: Any, _: Any = None) -> str:
    if isinstance(value, str):
        return value
    raise Mismatch("a string", value)


def to_bool(value: Any, _: Any = None) -> bool:
    kind = value.__class__
    if kind is bool:
        return cast(bool, value)
    if kind is int or (kind is float and value in (0, 1)):
        return bool(value)
    if value in ("0", "1"):
        return bool(value == "1")
    raise Mismatch("a boolean", value)


RULES: dict[type, Hook] = {int: to_int, float: to_float, str: to_str, bool: to_bool}


def nullable(kind: type) -> Hook:
    """The rule for ``kind | None``."""
    rule = RULES[kind]

    def structure_nullable(value: Any, _: Any) -> Any:
        if value is None or value.__class__ is kind:
            return value
        return rule(value, kind)

    return structure_nullable


def to_date(value: Any, _: Any = None) -> datetime.date | None:
    if value.__class__ is str:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                if value == _ZERO_DATE:
                    return None
        elif not value:
            return None
    elif value is None:
        return None
    raise Mismatch("a date 'Y-m-d' or ''", value)


def date_text(value: datetime.date | None) -> str:
    return value.isoformat() if value is not None else ""


class _DateCache(dict[Any, datetime.date | None]):
    """Parsed dates by wire text: a page repeats a few dates many times, and a hit is one C-level lookup."""

    def __missing__(self, text: Any) -> datetime.date | None:
        value = to_date(text)
        if len(self) >= 4096:
            self.clear()
        self[text] = value
        return value


CHECKERS: dict[Any, Callable[[Any], Any]] = {
    int: operator.index,
    float: float,
    str: os.fspath,
    bool: {True: True, False: False}.__getitem__,
    OPTIONAL_DATE: _DateCache().__getitem__,
}


def to_mapping(value: Any, _: Any = None) -> dict[str, Any]:
    if value.__class__ is dict:
        return cast(dict[str, Any], value)
    if value == []:
        return {}
    raise Mismatch("an object", value)


def _json_text(value: Any, _: Any = None) -> dict[str, Any]:
    """``custom_messages``: an object encoded as a JSON string (``"{}"``)."""
    if value.__class__ is str:
        try:
            return to_mapping(orjson.loads(value) if value else {})
        except (orjson.JSONDecodeError, Mismatch):
            pass
    raise Mismatch("JSON text of an object", value)


def _json_dump(value: dict[str, Any]) -> str:
    return orjson.dumps(value).decode()


def _zero_as_none(value: Any, _: Any = None) -> int | None:
    """A task's ``archived_at``: ``(int)`` of a null timestamp is ``0``."""
    return None if value is None or value == 0 else to_int(value)


def _none_as_zero(value: int | None) -> int:
    return 0 if value is None else value


# class -> field -> (structure hook, unstructure hook)
FIELD_QUIRKS: dict[type, dict[str, tuple[Hook, Callable[[Any], Any]]]] = {
    Client: {"custom_messages": (_json_text, _json_dump)},
    UserAccount: {"custom_messages": (_json_text, _json_dump)},
    Task: {"archived_at": (_zero_as_none, _none_as_zero)},
}
