"""`ApiCheck` and the account routes: tokens, the API secret, login, register, refresh."""

from __future__ import annotations

from emulator_support import Api

from ninja_async.testing import DEFAULT_EMAIL, DEFAULT_PASSWORD, DEFAULT_TOKEN, NinjaEmulator

LOGIN = {"email": DEFAULT_EMAIL, "password": DEFAULT_PASSWORD}


async def test_bad_token_and_archived_user_token(api: Api, emu: NinjaEmulator) -> None:
    status, body, headers = await api.call("GET", "/clients", headers={"X-Ninja-Token": "x" * 32})
    assert (status, body, headers["X-Total-Count"]) == (403, {"error": {"message": "Invalid token"}}, "0")
    emu.state.users.get(0).deleted_at = 1
    assert (await api.call("GET", "/clients"))[0] == 200


async def test_ping_without_token_depends_on_the_secret(api: Api, emu: NinjaEmulator) -> None:
    no_token = {"X-Ninja-Token": ""}
    assert (await api.call("GET", "/ping", headers=no_token))[:2] == (200, b"success")
    assert (await api.call("GET", "/ping?v2=1", headers=no_token))[:2] == (200, {"data": None})
    assert (await api.call("GET", "/ping?v2=1"))[1] == {"data": DEFAULT_EMAIL}
    emu.settings.api_secret = "k"
    assert (await api.call("GET", "/ping", headers=no_token))[0] == 403
    assert (await api.call("GET", "/ping", headers={**no_token, "X-Ninja-Secret": "k"}))[0] == 200
    assert (await api.call("GET", "/clients", headers={**no_token, "X-Ninja-Secret": "k"}))[0] == 403


async def test_hosted_login_needs_a_configured_secret(api: Api, emu: NinjaEmulator) -> None:
    emu.settings.hosted = True
    status, body, _ = await api.call("POST", "/login", LOGIN, headers={})
    assert (status, body) == (403, {"error": {"message": "Invalid value for API_SECRET"}})
    emu.settings.api_secret = "k"
    assert (await api.call("POST", "/login", {**LOGIN, "api_secret": "k"}, headers={}))[0] == 200


async def test_login_creates_a_named_token_once(api: Api, emu: NinjaEmulator) -> None:
    first = await api.ok("POST", "/login", {**LOGIN, "token_name": "iOS Token"}, headers={})
    token = first[0]["token"]
    assert len(token) == 32
    assert token.isalnum()
    assert token.islower() or token.isdigit()
    assert (first[0]["user_id"], first[0]["user"]["id"]) == (1, 1)
    again = await api.ok("POST", "/login", {**LOGIN, "token_name": "iOS Token"}, headers={})
    assert again[0]["token"] == token
    assert (await api.call("GET", "/clients", headers={"X-Ninja-Token": token}))[0] == 200
    static = await api.ok("POST", "/login", {**LOGIN, "include_static": 1}, headers={})
    assert static["version"] == "4.5.50"
    assert static["accounts"][0]["token"] == DEFAULT_TOKEN
    assert "currencies" in static["static"]


async def test_failed_logins_lock_out(api: Api, emu: NinjaEmulator) -> None:
    for _ in range(10):
        status, body, _ = await api.call("POST", "/login", {**LOGIN, "password": "bad"}, headers={})
        assert (status, body) == (401, {"error": {"message": "Invalid credentials"}})
    assert (await api.call("POST", "/login", LOGIN, headers={}))[0] == 401
    assert (await api.call("POST", "/oauth_login", {"token": "t", "provider": "google"}, headers={}))[
        0
    ] == 401


async def test_register_a_second_account(api: Api, emu: NinjaEmulator) -> None:
    taken = await api.call("POST", "/register", {**LOGIN, "first_name": "a", "last_name": "b"}, headers={})
    assert taken[:2] == (500, {"error": {"message": "The email address is already registered"}})
    body = {"email": "new@x.test", "password": "pw", "first_name": "N", "last_name": "U"}
    (created,) = await api.ok("POST", "/register", body, headers={})
    token = created["token"]
    assert created["account_key"] != emu.state.account_key
    assert await api.ok("GET", "/clients", headers={"X-Ninja-Token": token}) == []
    assert len(emu.registry.accounts) == 2


async def test_refresh_and_user_accounts(api: Api) -> None:
    (refreshed,) = await api.ok("POST", "/refresh", {"token_name": "TOKEN"})
    assert refreshed["token"] == DEFAULT_TOKEN
    (account,) = await api.ok("GET", "/user_accounts?include=task_statuses")
    assert [s["sort_order"] for s in account["task_statuses"]] == [1, 2, 3, 4]
