"""Helpers for the core tests: v4-shaped responses and a scripted server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from ninja_async.http import Request, Response

TOKEN = "abcdefghijklmnopqrstuvwxyz012345"
V4 = {"X-Ninja-Version": "4.5.50", "X-Total-Count": "0", "Content-Type": "application/json"}


def v4_json(data: Any, status: int = 200, **headers: str) -> Response:
    return Response(status, headers={**V4, **headers}, content=orjson.dumps(data))


class Script:
    """A handler answering from a queue of responses (or exceptions), recording each request."""

    def __init__(self) -> None:
        self.queue: list[Response | BaseException | Callable[[Request], Response]] = []
        self.requests: list[Request] = []
        self.default: Response | None = None

    def then(self, *items: Response | BaseException | Callable[[Request], Response]) -> Script:
        self.queue.extend(items)
        return self

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        if self.queue:
            item = self.queue.pop(0)
        elif self.default is not None:
            return self.default
        else:
            return v4_json({"data": {"id": 1}})
        if isinstance(item, BaseException):
            raise item
        if callable(item):
            return item(request)
        return item
