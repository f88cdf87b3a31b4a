"""The converter between v4 JSON and the models: one configuration, built once at import.

Three cattrs converters share the value rules of ``wire``:

- ``_fast`` does the work. Plain int/float/str/bool and date fields are checked by C-level callables that
  cattrs calls inline (``wire.CHECKERS``): they accept what the wire normally carries and cost no more than
  plain cattrs' unchecked ``int(v)``/``str(v)``.
- ``_detailed`` applies the full, more lenient rules with cattrs' detailed validation. It runs only when
  ``_fast`` fails: then either it accepts the input (a numeric-string id, say) or it names the path of the
  bad value for ``ResponseDecodeError``.
- ``_strict`` is ``_detailed`` that also refuses unknown keys (``strict=True``, for contract tests).

Wire keys a class does not declare go to its ``extra`` (the fast path counts the known keys it finds, the
detailed ones ask ``issuperset``, to decide whether there are any) and come back out of ``unstructure``.
Includes that were not requested (``None``) and the webhook-only ``client_name`` are left out of the wire
form, as the server leaves them out.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, TypeVar, Union, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn_from_attrs, make_dict_unstructure_fn, override

from ..errors import ResponseDecodeError
from ..json_keys import decoder_key
from .base import Model
from .wire import (
    CHECKERS,
    FIELD_QUIRKS,
    MAPPING,
    OPTIONAL_DATE,
    RULES,
    Hook,
    Mismatch,
    date_text,
    nullable,
    to_date,
    to_mapping,
)

__all__ = ["structure", "structure_list", "unstructure"]

T = TypeVar("T")

_WEBHOOK_ONLY = frozenset({"client_name"})


class _UnknownKey(ValueError):
    def __init__(self, cls: type, key: str) -> None:
        super().__init__(f"unknown field {key!r} in {cls.__name__} (strict mode)")
        self.key = key


# --- containers and models ----------------------------------------------------------------------------


def _optional_arg(tp: Any) -> Any:
    """``X`` for ``X | None``, else None."""
    if get_origin(tp) in (Union, types.UnionType):
        args = get_args(tp)
        if len(args) == 2 and type(None) in args:
            return args[0] if args[1] is type(None) else args[1]
    return None


def _is_optional(tp: Any) -> bool:
    return _optional_arg(tp) is not None


def _is_list(tp: Any) -> bool:
    return get_origin(tp) is list


def _omitted_when_none(field: attrs.Attribute[Any]) -> bool:
    """Keys the server leaves out rather than sending ``null``: includes not asked for, ``client_name``."""
    if field.default is not None:
        return False
    inner = _optional_arg(field.type)
    return field.name in _WEBHOOK_ONLY or attrs.has(inner) or _is_list(inner)


def _optional_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(tp: Any) -> Hook:
        inner_type = _optional_arg(tp)
        if inner_type in RULES:
            return nullable(inner_type)
        inner = _late(lambda: converter.get_structure_hook(inner_type), inner_type)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure_optional

    return factory


def _list_factory(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    def factory(tp: Any) -> Hook:
        items = _late(lambda: list_structure_factory(tp, converter), tp)

        def structure_array(value: Any, _: Any) -> Any:
            if value.__class__ is not list:
                raise Mismatch("an array", value)
            return items(value, tp)

        return structure_array

    return factory


def _late(make_hook: Callable[[], Hook], tp: Any) -> Hook:
    """A hook made on first use: models include each other (a client its invoices, an invoice its client),
    so making the included model's hook while the including one's is being made would recurse."""
    hook: Hook | None = None

    def structure_late(value: Any, _: Any) -> Any:
        nonlocal hook
        if hook is None:
            hook = make_hook()
        return hook(value, tp)

    return structure_late


def _model_factory(converter: cattrs.Converter, *, fast: bool, strict: bool) -> Callable[[type], Hook]:
    def factory(cls: type) -> Hook:
        fields = [a for a in attrs.fields(attrs.resolve_types(cls)) if a.name != "extra"]
        quirks = FIELD_QUIRKS.get(cls, {})
        if fast and _plain_fields(fields):
            return _counting_structure_fn(
                cls, fields, converter, {name: hooks[0] for name, hooks in quirks.items()}
            )
        if fast:  # a field typed as its checker gets ``checker(value)`` inline (see _build)
            fields = [a.evolve(type=CHECKERS[a.type]) if a.type in CHECKERS else a for a in fields]
        overrides: dict[str, Any] = {name: override(struct_hook=hooks[0]) for name, hooks in quirks.items()}
        build: Callable[[Any], Any] = make_dict_structure_fn_from_attrs(fields, cls, converter, **overrides)
        known = frozenset(a.name for a in fields)

        def structure_model(value: Any, _: Any) -> Any:
            if value.__class__ is not dict:
                raise Mismatch(f"an object ({cls.__name__})", value)
            obj = build(value)
            if not known.issuperset(value):
                unknown = [key for key in value if key not in known]
                if strict:
                    raise _UnknownKey(cls, unknown[0])
                obj.extra = {key: value[key] for key in unknown}
            return obj

        return structure_model

    return factory


def _plain_fields(fields: list[attrs.Attribute[Any]]) -> bool:
    """Fields that cattrs would structure as ``name=hook(o[name])`` and nothing more."""
    return all(a.init and a.alias == a.name and a.converter is None for a in fields)


def _counting_structure_fn(
    cls: type, fields: list[attrs.Attribute[Any]], converter: cattrs.Converter, quirks: dict[str, Hook]
) -> Hook:
    """The fast path's hook for a model: what cattrs generates without detailed validation, written here so
    that it also counts the known keys it finds. A count short of ``len(o)`` means unknown keys (for
    ``extra``): one ``len`` per object instead of an ``issuperset`` over every key, the biggest cost of
    structuring after cattrs' own work (~8% of a page of invoices)."""
    known = frozenset(a.name for a in fields)
    name = cls.__name__

    def mismatch(value: Any) -> Mismatch:
        return Mismatch(f"an object ({name})", value)

    def keep_unknown(obj: Any, value: dict[str, Any]) -> None:
        obj.extra = {key: item for key, item in value.items() if key not in known}

    namespace: dict[str, Any] = {"__cl": cls, "__mismatch": mismatch, "__keep_unknown": keep_unknown}
    required: list[str] = []
    optional: list[str] = []
    for a in fields:
        hook: Callable[..., Any]
        if a.name in quirks:
            hook, kind = quirks[a.name], a.type
        elif a.type in CHECKERS:
            hook, kind = CHECKERS[a.type], None  # a C-level checker, called with the value alone
        else:
            hook, kind = converter.get_structure_hook(a.type, cache_result=False), a.type
        namespace[f"__h_{a.name}"] = hook
        namespace[f"__t_{a.name}"] = kind
        namespace[f"__k_{a.name}"] = decoder_key(a.name)  # the decoder's own key: lookups hit by identity
        call = f"__h_{a.name}(o[__k_{a.name}]{'' if kind is None else f', __t_{a.name}'})"
        (required if a.default is attrs.NOTHING else optional).append(
            f"{a.name}={call}"
            if a.default is attrs.NOTHING
            else f"  if __k_{a.name} in o:\n    res[{a.name!r}] = {call}"
        )
    lines = [
        "def structure_model(o, _=None):",
        "  if o.__class__ is not dict:",
        "    raise __mismatch(o)",
        "  res = {}",
        *optional,
        f"  obj = __cl({''.join(arg + ', ' for arg in required)}**res)",
        f"  if len(res) + {len(required)} != len(o):",
        "    __keep_unknown(obj, o)",
        "  return obj",
    ]
    exec(
        compile("\n".join(lines), f"<ninja_async fast structure {cls.__module__}.{name}>", "exec"), namespace
    )
    hook_fn: Hook = namespace["structure_model"]
    return hook_fn


def _unstructure_factory(converter: cattrs.Converter) -> Callable[[type], Callable[[Any], Any]]:
    def factory(cls: type) -> Callable[[Any], Any]:
        overrides: dict[str, Any] = {
            a.name: override(omit_if_default=True)
            for a in attrs.fields(attrs.resolve_types(cls))
            if _omitted_when_none(a)
        }
        for name, hooks in FIELD_QUIRKS.get(cls, {}).items():
            overrides[name] = override(unstruct_hook=hooks[1])
        overrides["extra"] = override(omit=True)
        build: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, converter, **overrides)

        def unstructure_model(obj: Any) -> dict[str, Any]:
            wire = build(obj)
            for key, value in obj.extra.items():
                wire.setdefault(key, value)
            return wire

        return unstructure_model

    return factory


def _build(*, fast: bool, strict: bool = False) -> cattrs.Converter:
    """One converter. cattrs tries the hooks registered last first, so the specific ones come last."""
    converter = cattrs.Converter(detailed_validation=not fast)
    converter.register_structure_hook_factory(attrs.has, _model_factory(converter, fast=fast, strict=strict))
    converter.register_structure_hook_factory(_is_list, _list_factory(converter))
    converter.register_structure_hook_factory(_is_optional, _optional_factory(converter))
    converter.register_structure_hook_func(lambda tp: tp == OPTIONAL_DATE, to_date)
    converter.register_structure_hook_func(lambda tp: tp == MAPPING, to_mapping)
    if fast:  # cattrs writes ``tp(value)`` inline for a type whose hook is ``_structure_call``
        checkers = tuple(CHECKERS.values())
        converter.register_structure_hook_func(lambda tp: tp in checkers, converter._structure_call)
    else:
        for kind, rule in RULES.items():
            converter.register_structure_hook(kind, rule)
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_factory(converter))
    converter.register_unstructure_hook_func(lambda tp: tp == OPTIONAL_DATE, date_text)
    return converter


_fast = _build(fast=True)
_detailed = _build(fast=False)
_strict = _build(fast=False, strict=True)


# --- the public functions -----------------------------------------------------------------------------


def _locate(exc: BaseException) -> tuple[str, BaseException]:
    """The path that cattrs' notes give the first failure inside ``exc``, and that failure."""
    path = ""
    while isinstance(exc, (ClassValidationError, IterableValidationError)):
        exc = exc.exceptions[0]
        for note in getattr(exc, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                path += f".{note.name}"
            elif isinstance(note, IterableValidationNote):
                path += f"[{note.index}]"
    if isinstance(exc, _UnknownKey):
        path += f".{exc.key}"
    return path, exc


def _explain(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return "missing required field"
    if isinstance(exc, (Mismatch, _UnknownKey)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _error(path: str, leaf: BaseException) -> ResponseDecodeError:
    path = path.lstrip(".")
    return ResponseDecodeError(f"{path or 'body'}: {_explain(leaf)}", path=path, body=None)


def _slow(converter: cattrs.Converter, data: Any, cls: type, path: str) -> Any:
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        where, leaf = _locate(exc)
        raise _error(path + where, leaf) from exc


def structure(data: Any, cls: type[T], *, path: str = "", strict: bool = False) -> T:
    """``data`` (decoded JSON) as a ``cls``, or ResponseDecodeError naming the path of the first bad value.

    ``path`` prefixes the error's path (e.g. ``"data"``); ``strict`` makes unknown keys errors.
    """
    if not strict:
        try:
            return _fast.structure(data, cls)
        except Exception:
            pass  # the detailed pass accepts it after all, or says what is wrong and where
    return cast(T, _slow(_strict if strict else _detailed, data, cls, path))


def structure_list(data: Any, cls: type[T], *, path: str = "", strict: bool = False) -> list[T]:
    """A JSON array of ``cls`` objects; element ``i`` is reported as ``f"{path}[{i}]"``."""
    if data.__class__ is not list:
        raise _error(path, Mismatch("an array", data))
    if not strict:
        hook = _fast.get_structure_hook(cls)
        try:
            return [hook(item, cls) for item in data]
        except Exception:
            pass  # item by item, so that only the odd one out takes the detailed pass
    return [structure(item, cls, path=f"{path}[{index}]", strict=strict) for index, item in enumerate(data)]


def unstructure(obj: Model) -> dict[str, Any]:
    """The wire form of ``obj``, unknown keys included: JSON-ready, to send back in a read-modify-write."""
    return cast(dict[str, Any], _fast.unstructure(obj))
