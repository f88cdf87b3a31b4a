"""Resources: the generic implementation (`base`), one mixin per shared operation (`operations`), the typed
classes generated from the endpoint table (`_generated`), and the routes that are not resources
(`specials`)."""

from ._generated import *  # noqa: F403 - the generated module's __all__ is the public list
from ._generated import __all__ as _generated_all
from .base import DEFAULT_PER_PAGE, ActiveOptions, PageOptions, Resource, Since
from .specials import AccountResource, AuthResource, DevicesResource, HooksResource

__all__ = [
    *_generated_all,
    "DEFAULT_PER_PAGE",
    "AccountResource",
    "ActiveOptions",
    "AuthResource",
    "DevicesResource",
    "HooksResource",
    "PageOptions",
    "Resource",
    "Since",
]
