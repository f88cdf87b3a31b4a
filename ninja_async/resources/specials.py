"""The v4 routes that are not resources (spec §1.1): ping, static data, the account and its user, user
accounts, login and registration, push-notification devices, the dashboard and webhook subscriptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..decoding import decode_item, envelope, envelope_object, load_json
from ..errors import ResponseDecodeError
from ..http import Response
from ..models import Account, Dashboard, User, UserAccount, structure_list
from ..webhooks import HookEvent
from .base import Requester, check_id

__all__ = ["AccountResource", "AuthResource", "DevicesResource", "HooksResource", "SpecialRoutes"]


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

    async def update_user(self, *, first_name: str, last_name: str, email: str, **fields: Any) -> User:
        """Change the token's own user (``first_name``, ``last_name``, ``email``, ``password``, ``phone``).

        v4's ``PUT /users/{id}`` acts on the authenticated user whatever the id (spec §1.2), which is why
        this lives here and ``ninja.users`` has no ``update``. Validation requires the three named fields.
        """
        body = {"first_name": first_name, "last_name": last_name, "email": email, **fields}
        return decode_item(await self._request("PUT", "users/1", json=body), User, strict=self._strict)

    async def upgrade(self, **receipt: Any) -> bool:
        """Report an iOS in-app purchase (``POST /upgrade``); True when v4 answers ``success``."""
        payload = load_json(await self._request("POST", "upgrade", json=receipt))
        return isinstance(payload, Mapping) and payload.get("message") == "success"


def user_accounts_of(response: Response, *, strict: bool) -> list[UserAccount]:
    """The ``UserAccount`` list of a login-type answer: ``{"data": [...]}``, or with ``include_static``
    ``{"data": {"accounts": [...], ...}}``."""
    data = envelope(response)
    if isinstance(data, dict):
        return structure_list(data.get("accounts"), UserAccount, path="data.accounts", strict=strict)
    return structure_list(data, UserAccount, path="data", strict=strict)


class AuthResource:
    """The routes that hand out tokens (spec §2): ``login``, ``oauth_login``, ``register`` need the API
    secret (``NinjaClient(url, api_secret=...)``, no token yet); ``refresh`` needs a token. Each answers the
    user's accounts, whose ``token`` is the one named ``token_name``."""

    def __init__(self, request: Requester, *, strict: bool = False) -> None:
        self._request = request
        self._strict = strict

    async def login(
        self,
        email: str,
        password: str,
        *,
        token_name: str = "ninja-async",
        one_time_password: str | None = None,
    ) -> list[UserAccount]:
        """Log in and get a token (created as ``token_name`` for each linked user lacking one)."""
        body = {"email": email, "password": password, "token_name": token_name}
        if one_time_password is not None:
            body["one_time_password"] = one_time_password
        return user_accounts_of(await self._request("POST", "login", json=body), strict=self._strict)

    async def oauth_login(self, token: str, provider: str) -> list[UserAccount]:
        body = {"token": token, "provider": provider}
        return user_accounts_of(await self._request("POST", "oauth_login", json=body), strict=self._strict)

    async def register(
        self, *, email: str, first_name: str, last_name: str, password: str, token_name: str = "ninja-async"
    ) -> list[UserAccount]:
        """Create an account (and its first user and token)."""
        body = {
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "password": password,
            "token_name": token_name,
        }
        return user_accounts_of(await self._request("POST", "register", json=body), strict=self._strict)

    async def refresh(self, *, token_name: str = "ninja-async") -> list[UserAccount]:
        """The token's user accounts again, as login answers them (no token created)."""
        response = await self._request("POST", "refresh", json={"token_name": token_name})
        return user_accounts_of(response, strict=self._strict)

    async def ios_subscription_status(self) -> None:
        """A v4 stub for the iOS app: answers nothing."""
        await self._request("POST", "ios_subscription_status")


class DevicesResource:
    """Push-notification devices of the mobile apps (``add_token``, ``remove_token``,
    ``update_notifications``). Their answers are raw device records: v4 has no transformer for them."""

    def __init__(self, request: Requester) -> None:
        self._request = request

    async def add_token(self, token: str, *, device: str) -> dict[str, Any]:
        """Register a device's push token; returns the device record."""
        return envelope_object(
            await self._request("POST", "add_token", json={"token": token, "device": device})
        )

    async def remove_token(self, token: str) -> None:
        """Forget a device's push token."""
        load_json(await self._request("POST", "remove_token", json={"token": token}))

    async def update_notifications(self, **settings: bool) -> Any:
        """Set ``notify_sent``, ``notify_paid``, ``notify_approved``; a `BadRequestError` without devices."""
        return envelope(await self._request("POST", "update_notifications", json=settings))


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
        return envelope_object(await self._request("GET", "static"))

    async def user_accounts(self) -> list[UserAccount]:
        """The token's user's accounts (with their settings and the user)."""
        return user_accounts_of(await self._request("GET", "user_accounts"), strict=self._strict)

    async def dashboard(self, *, only_activity: bool = False) -> Dashboard:
        params = {"only_activity": True} if only_activity else None
        return decode_item(
            await self._request("GET", "dashboard", params=params), Dashboard, strict=self._strict
        )
