"""FormRequest rules with Laravel's English messages (`resources/lang/en/validation.php`).

Attribute names read with `_` as a space ("client id"). Rules other than the `required` family
are skipped for absent or blank attributes, as Laravel does for non-implicit rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import ValidationFailed
from .inputs import Input, to_float

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def attribute(name: str) -> str:
    return name.replace("_", " ")


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


def is_numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value).strip())
    except ValueError:
        return False
    return str(value).strip() != ""


class Rules:
    """Collects failures in rule order, then raises them all at once from :meth:`check`."""

    def __init__(self, inp: Input) -> None:
        self.inp = inp
        self.errors: dict[str, list[str]] = {}

    def fail(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def _present(self, name: str) -> bool:
        return self.inp.filled(name)

    def required(self, *names: str) -> Rules:
        for name in names:
            if not self._present(name):
                self.fail(name, f"The {attribute(name)} field is required.")
        return self

    def required_without(self, name: str, other: str) -> Rules:
        if not self._present(name) and not self._present(other):
            self.fail(
                name, f"The {attribute(name)} field is required when {attribute(other)} is not present."
            )
        return self

    def numeric(self, name: str) -> Rules:
        if self._present(name) and not is_numeric(self.inp.get(name)):
            self.fail(name, f"The {attribute(name)} must be a number.")
        return self

    def at_least(self, name: str, minimum: float) -> Rules:
        value = self.inp.get(name)
        if self._present(name) and is_numeric(value) and to_float(value) < minimum:
            self.fail(name, f"The {attribute(name)} must be at least {minimum:g}.")
        return self

    def positive(self, name: str) -> Rules:
        """The custom `positive` rule: accepts ≥ 0 despite its message."""
        if self._present(name) and to_float(self.inp.get(name)) < 0:
            self.fail(name, f"The {attribute(name)} must be greater than zero.")
        return self

    def email(self, name: str) -> Rules:
        if self._present(name) and not is_email(self.inp.text(name).strip()):
            self.fail(name, f"The {attribute(name)} must be a valid email address.")
        return self

    def unique(self, name: str, taken: Callable[[str], bool]) -> Rules:
        if self._present(name) and taken(self.inp.text(name)):
            self.fail(name, f"The {attribute(name)} has already been taken.")
        return self

    def custom(self, name: str, ok: bool, message: str) -> Rules:
        if not ok:
            self.fail(name, message)
        return self

    def check(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)
