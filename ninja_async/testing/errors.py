"""Exceptions handlers raise to leave early; the dispatcher turns each into the v4 response.

They stand for the three ways v4 fails: a response built by the app itself (:class:`HttpError`),
a failed FormRequest (:class:`ValidationFailed`, whose rendering depends on the request, §4),
and an uncaught PHP exception (:class:`ServerError`, rendered by Laravel's handler).
"""

from __future__ import annotations

from aiohttp import web


class HttpError(Exception):
    """Carries a finished response (404 shapes, 400 action errors, …)."""

    def __init__(self, response: web.Response) -> None:
        super().__init__(response.status)
        self.response = response


class ValidationFailed(Exception):
    """A FormRequest rule failed; ``errors`` maps each attribute to its messages, in rule order."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(next(iter(errors.values()))[0])
        self.errors = errors


class ServerError(Exception):
    """What would be an uncaught exception in PHP: Laravel renders it as a 500."""
