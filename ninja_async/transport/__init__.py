"""Transports: the narrow boundary between the SDK and an HTTP library.

``AsyncTransport`` is the contract; ``AiohttpTransport`` is the default, ``HttpxTransport`` needs the
``ninja-async[httpx]`` extra, and ``MockTransport`` answers from a function, for tests.
"""

from .aiohttp import AiohttpTransport
from .base import AsyncTransport
from .httpx import HttpxTransport
from .mock import MockTransport, json_response

__all__ = ["AiohttpTransport", "AsyncTransport", "HttpxTransport", "MockTransport", "json_response"]
