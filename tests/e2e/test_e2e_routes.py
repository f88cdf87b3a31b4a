"""The §1.1 routes beyond the resources, end to end against the emulator: login and friends, the account's
user, devices, iOS stubs; and tasks' timers (§6.5)."""

from __future__ import annotations

import orjson
import pytest

from ninja_async import AuthenticationError, BadRequestError, NinjaClient, Request, UserAccount
from ninja_async.testing import DEFAULT_EMAIL, DEFAULT_PASSWORD, NinjaEmulator

SECRET = "s3cret-for-tests"


async def test_login_hands_out_a_token_that_then_works() -> None:
    sent: list[Request] = []
    async with (
        NinjaEmulator(error_delay=0, api_secret=SECRET) as emu,
        NinjaClient(
            emu.base_url, api_secret=SECRET, strict=True, hooks={"request": [sent.append]}
        ) as anonymous,
    ):
        accounts = await anonymous.auth.login(DEFAULT_EMAIL, DEFAULT_PASSWORD, token_name="nightly-sync")
        assert isinstance(accounts[0], UserAccount)
        token = accounts[0].token
        assert token is not None and token != emu.token
        assert sent[0].headers["X-Ninja-Secret"] == SECRET
        assert "X-Ninja-Token" not in sent[0].headers
        async with NinjaClient(emu.base_url, token, strict=True) as ninja:
            assert await ninja.ping()
            again = await ninja.auth.refresh(token_name="nightly-sync")
            assert again[0].token == token


async def test_login_refusals_are_typed() -> None:
    async with NinjaEmulator(error_delay=0, api_secret=SECRET) as emu:
        async with NinjaClient(emu.base_url, api_secret=SECRET) as anonymous:
            with pytest.raises(AuthenticationError, match="Invalid credentials"):
                await anonymous.auth.login(DEFAULT_EMAIL, "wrong password")
        async with NinjaClient(emu.base_url, api_secret="not the secret") as wrong:
            with pytest.raises(AuthenticationError, match="Invalid value for API_SECRET"):
                await wrong.auth.login(DEFAULT_EMAIL, DEFAULT_PASSWORD)


async def test_register_creates_an_account_with_its_token() -> None:
    async with (
        NinjaEmulator(error_delay=0, api_secret=SECRET) as emu,
        NinjaClient(emu.base_url, api_secret=SECRET, strict=True) as anonymous,
    ):
        accounts = await anonymous.auth.register(
            email="new@owner.example", first_name="New", last_name="Owner", password="pw-123456"
        )
        assert accounts[0].token
        assert accounts[0].user is not None and accounts[0].user.email == "new@owner.example"
        await anonymous.auth.ios_subscription_status()


async def test_the_token_owners_user_and_devices() -> None:
    async with (
        NinjaEmulator(error_delay=0) as emu,
        NinjaClient(emu.base_url, emu.token, strict=True) as ninja,
    ):
        user = await ninja.account.update_user(first_name="Ada", last_name="Owner", email=DEFAULT_EMAIL)
        assert (user.first_name, user.last_name) == ("Ada", "Owner")
        with pytest.raises(BadRequestError, match="No registered devices"):
            await ninja.devices.update_notifications(notify_paid=True)
        device = await ninja.devices.add_token("push-token-1", device="ios")
        assert device["token"] == "push-token-1"
        await ninja.devices.update_notifications(notify_paid=True)
        await ninja.devices.remove_token("push-token-1")
        assert emu.state.devices == []
        assert await ninja.account.upgrade(receipt="x") is False  # the emulator's store always declines


async def test_a_task_timer_starts_and_stops() -> None:
    async with (
        NinjaEmulator(error_delay=0) as emu,
        NinjaClient(emu.base_url, emu.token, strict=True) as ninja,
    ):
        task = await ninja.tasks.create(description="Write the report")
        started = await ninja.tasks.start(task.id)
        assert started.is_running
        assert orjson.loads(started.time_log)[-1][1] is False
        stopped = await ninja.tasks.stop(task.id)
        assert not stopped.is_running
        assert orjson.loads(stopped.time_log)[-1][1] is not False
