"""The v4 routes that are not resources (spec §1.1): ping, static data, the account, user accounts,
the dashboard and webhook subscriptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..decoding import decode_item, load_json
from ..errors import ResponseDecodeError
from ..models import Account, Dashboard, UserAccount, structure_list
from ..webhooks import HookEvent
from .base import Requester, check_id

__all__ = ["AccountResource", "HooksResource", "SpecialRoutes"]


class AccountResource:
    """``/api/v1/accounts``: the token's own account."""

    def __init__(self, request: Requester, *, strict: bool = False) -> None:
        self._request = request
        self._strict = strict

    async def get(self) -> Account:
        return decode_item(await self._request("GET", "accounts"), Account, strict=self._strict)

    async def update(self, *, name: str, **fields: Any) -> Account:
        """Save account settings; v4 requires ``name`` on every update."""
        response = await self._request("PUT", "accounts", json={"name": name, **fields})
        return decode_item(response, Account, strict=self._strict)


class HooksResource:
    """``/api/v1/hooks``: webhook subscriptions (parse deliveries with `ninja_async.parse_webhook`)."""

    def __init__(self, request: Requester) -> None:
        self._request = request

    async def subscribe(self, event: HookEvent | str, target_url: str) -> int:
        """Subscribe ``target_url`` to ``event``; returns the subscription id."""
        try:
            hook_event = HookEvent(event)
        except ValueError:
            raise ValueError(f"unknown v4 webhook event {event!r}; see HookEvent") from None
        if not isinstance(target_url, str) or not target_url.startswith(("http://", "https://")):
            raise ValueError(f"target_url must be an http(s) URL, got {target_url!r}")
        response = await self._request(
            "POST", "hooks", json={"event": hook_event.value, "target_url": target_url}
        )
        payload = load_json(response)
        subscription_id = payload.get("id") if isinstance(payload, Mapping) else None
        if type(subscription_id) is not int:
            raise ResponseDecodeError(
                'POST /hooks: expected {"id": <int>}', path="id", request=response.request
            )
        return subscription_id

    async def unsubscribe(self, subscription_id: int) -> None:
        load_json(await self._request("DELETE", f"hooks/{check_id(subscription_id, 'subscription_id')}"))


class SpecialRoutes:
    """Mixed into `NinjaClient`: ``ping()``, ``static()``, ``user_accounts()``, ``dashboard()``."""

    _request: Requester
    _strict: bool

    async def ping(self) -> bool:
        """True when the server accepts the token (v4 answers the bare text ``success``)."""
        response = await self._request("GET", "ping")
        return response.content.strip().strip(b'"') == b"success"

    async def static(self) -> dict[str, list[dict[str, Any]]]:
        """Reference data (currencies, countries, payment types...), as the server's raw rows."""
        response = await self._request("GET", "static")
        payload = load_json(response)
        data = payload.get("data") if isinstance(payload, Mapping) else None
        if not isinstance(data, dict):
            raise ResponseDecodeError("GET /static: expected an object under 'data'", path="data")
        return data

    async def user_accounts(self) -> list[UserAccount]:
        response = await self._request("GET", "user_accounts")
        payload = load_json(response)
        data = payload.get("data") if isinstance(payload, Mapping) else None
        return structure_list(data, UserAccount, path="data", strict=self._strict)

    async def dashboard(self, *, only_activity: bool = False) -> Dashboard:
        params = {"only_activity": True} if only_activity else None
        return decode_item(
            await self._request("GET", "dashboard", params=params), Dashboard, strict=self._strict
        )
