"""Resources: the generic implementation (`base`), the typed classes generated from the endpoint table
(`_generated`), and the routes that are not resources (`specials`)."""

from ._generated import *  # noqa: F403 - the generated module's __all__ is the public list
from ._generated import __all__ as _generated_all
from .base import DEFAULT_PER_PAGE, Resource, Since
from .specials import AccountResource, HooksResource

__all__ = [*_generated_all, "DEFAULT_PER_PAGE", "AccountResource", "HooksResource", "Resource", "Since"]
