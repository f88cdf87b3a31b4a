"""The non-resource routes of spec §1.1: ping, static, accounts, login and friends, dashboard,
download and `email_invoice`.

Handlers for token routes take a :class:`~.call.Call`; the login-type routes (secret, no token)
and ping take a :class:`Public` because they may run without an authenticated user.
"""

from __future__ import annotations

import asyncio
import string
from dataclasses import dataclass

from aiohttp import web

from .account_views import account_fields, user_account_fields
from .accounts import new_account
from .call import Call
from .constants import NINJA_VERSION, STATUS_SENT
from .inputs import Input, entity_id, truthy
from .invoice_repo import is_standard, send_invoice
from .pdf import pdf_response
from .render import parse_includes
from .responses import API_HEADERS, api_json, record_not_found, route_not_found
from .runtime import Runtime
from .static_data import static_data
from .store import Account, Row, Token
from .totals import php_round
from .transformers import RenderContext, activity, num
from .validation import Rules

TOKEN_ALPHABET = string.ascii_lowercase + string.digits


@dataclass
class Public:
    """A request on a route that does not require a token."""

    request: web.Request
    inp: Input
    rt: Runtime
    who: tuple[Account, Row] | None


def app_url(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"


# -- ping, static, accounts --------------------------------------------------------------------
async def ping(p: Public) -> web.Response:
    """Raw `success` labelled as JSON; `?v2=1` gives the user's email."""
    if truthy(p.inp.get("v2")):
        return api_json({"data": p.who[1].f.get("email") if p.who else None})
    return web.Response(body=b"success", headers=API_HEADERS)


async def static(call: Call) -> web.Response:
    return api_json({"data": static_data()})


async def show_account(call: Call) -> web.Response:
    return api_json({"data": account_fields(call.account, call.ctx, call.includes())})


async def update_account(call: Call) -> web.Response:
    Rules(call.inp).required("name").check()
    for key in (
        "name",
        "id_number",
        "address1",
        "address2",
        "city",
        "state",
        "postal_code",
        "work_phone",
        "work_email",
        "invoice_terms",
        "invoice_footer",
        "currency_id",
        "language_id",
        "timezone_id",
    ):
        if call.inp.has(key):
            call.account.settings[key] = call.inp.get(key)
    call.account.settings["updated_at"] = call.rt.clock.timestamp()
    return await show_account(call)


# -- login, refresh, register, user_accounts ---------------------------------------------------
def _token_for(rt: Runtime, account: Account, user: Row, name: str) -> str | None:
    for token, (owner, tok) in rt.registry.tokens.items():
        if owner is account and tok.user_id == user.public_id and tok.name == name:
            return token
    return None


def _accounts_body(
    request: web.Request, inp: Input, rt: Runtime, account: Account, user: Row
) -> web.Response:
    name = inp.text("token_name") or "TOKEN"
    ctx = RenderContext(account, user.public_id, rt.clock.timestamp())
    item = user_account_fields(
        account,
        user,
        _token_for(rt, account, user, name),
        ctx,
        parse_includes(inp.text("include")),
        app_url(request),
    )
    if truthy(inp.get("include_static")):
        return api_json({"data": {"accounts": [item], "static": static_data(), "version": NINJA_VERSION}})
    return api_json({"data": [item]})


async def login(p: Public) -> web.Response:
    email = p.inp.text("email")
    found = p.rt.registry.user_by_email(email)
    failures = p.rt.registry.failed_logins
    if found is None or found[1].f.get("password") != p.inp.text("password") or failures.get(email, 0) >= 10:
        failures[email] = failures.get(email, 0) + 1
        await asyncio.sleep(p.rt.settings.error_delay)
        return api_json({"error": {"message": "Invalid credentials"}}, 401)
    account, user = found
    name = p.inp.text("token_name") or "TOKEN"
    if _token_for(p.rt, account, user, name) is None:
        token = "".join(p.rt.rng.choice(TOKEN_ALPHABET) for _ in range(32))
        p.rt.registry.add_token(account, Token(token=token, name=name, user_id=user.public_id))
    return _accounts_body(p.request, p.inp, p.rt, account, user)


async def oauth_login(p: Public) -> web.Response:
    await asyncio.sleep(p.rt.settings.error_delay)
    return api_json({"error": {"message": "Invalid credentials"}}, 401)


async def register(p: Public) -> web.Response:
    email = p.inp.text("email").strip()
    if p.rt.registry.user_by_email(email) is not None:
        return api_json({"error": {"message": "The email address is already registered"}}, 500)
    Rules(p.inp).required("email").email("email").required("first_name", "last_name", "password").check()
    token = "".join(p.rt.rng.choice(TOKEN_ALPHABET) for _ in range(32))
    account = new_account(
        p.rt.registry,
        name="",
        email=email,
        password=p.inp.text("password"),
        token=token,
        first_name=p.inp.text("first_name"),
        last_name=p.inp.text("last_name"),
        token_name=p.inp.text("token_name") or "TOKEN",
    )
    return _accounts_body(p.request, p.inp, p.rt, account, account.users.get(0) or Row(0, 0, 0))


async def ios_subscription_status(p: Public) -> web.Response:
    return web.Response(body=b"", headers=API_HEADERS)


async def refresh(call: Call) -> web.Response:
    return _accounts_body(call.request, call.inp, call.rt, call.account, call.user)


async def user_accounts(call: Call) -> web.Response:
    return _accounts_body(call.request, call.inp, call.rt, call.account, call.user)


# -- devices -----------------------------------------------------------------------------------
async def upgrade(call: Call) -> web.Response:
    return web.Response(body=b'{"message":"error"}', headers=API_HEADERS)


async def add_token(call: Call) -> web.Response:
    device = {
        "token": call.inp.text("token"),
        "email": call.user.f.get("email"),
        "device": call.inp.text("device"),
    }
    call.account.devices.append(device)
    return api_json({"data": device})


async def remove_token(call: Call) -> web.Response:
    call.account.devices[:] = [d for d in call.account.devices if d["token"] != call.inp.text("token")]
    return api_json({"data": ["success"]})


async def update_notifications(call: Call) -> web.Response:
    if not call.account.devices:
        return api_json({"error": {"message": "No registered devices."}}, 400)
    for device in call.account.devices:
        device.update(
            {k: call.inp.get(k) for k in ("notify_sent", "notify_paid", "notify_approved") if call.inp.has(k)}
        )
    return api_json({"data": call.account.devices})


# -- dashboard ---------------------------------------------------------------------------------
async def dashboard(call: Call) -> web.Response:
    account = call.account
    recent = [activity(a) for a in reversed(account.activities[-100:])]
    if truthy(call.inp.get("only_activity")):
        return api_json({"data": {"id": 1, "activities": recent}})
    clients = [c for c in account.clients if not c.is_deleted]
    invoices = [i for i in account.invoices if is_standard(i) and not i.is_deleted]
    amounts = [float(i.f.get("amount") or 0) for i in invoices]
    currency = account.settings["currency_id"]
    return api_json(
        {
            "data": {
                "id": 1,
                "paidToDate": num(php_round(sum(float(c.f.get("paid_to_date") or 0) for c in clients), 2)),
                "paidToDateCurrency": currency,
                "balances": num(php_round(sum(float(c.f.get("balance") or 0) for c in clients), 2)),
                "balancesCurrency": currency,
                "averageInvoice": num(php_round(sum(amounts) / len(amounts), 2) if amounts else 0),
                "averageInvoiceCurrency": currency,
                "invoicesSent": sum(
                    1 for i in invoices if int(i.f.get("invoice_status_id") or 1) >= STATUS_SENT
                ),
                "activeClients": sum(1 for c in clients if not c.trashed),
                "activities": recent,
            }
        }
    )


# -- invoices: download and email --------------------------------------------------------------
async def download(call: Call) -> web.Response:
    invoice = call.find(call.account.invoices, "invoice", "invoice_id")
    if invoice.is_deleted:
        raise route_not_found()
    return pdf_response(invoice)


def _invoice_for_email(call: Call) -> Row:
    value = entity_id(call.inp, "invoice", None)
    if value is not None:
        return call.find(call.account.invoices, "invoice")
    number = call.inp.text("invoice_number")
    found = next((i for i in call.account.invoices if number and i.f.get("invoice_number") == number), None)
    if found is None:
        raise record_not_found()
    return found


async def email_invoice(call: Call) -> web.Response:
    invoice = _invoice_for_email(call)
    send_invoice(call, invoice, reminder=call.inp.get("reminder"), template=call.inp.get("template"))
    return api_json({"message": "success"})
