"""ninja-async: the async Python SDK for the Invoice Ninja v4 REST API."""

from ._version import __version__

__all__ = ["__version__"]
