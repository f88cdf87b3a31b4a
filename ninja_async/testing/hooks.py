"""`POST /hooks` and `DELETE /hooks/{id}` (`IntegrationController`, spec §1.1).

Subscribing answers 201 `{"id": n}` as a compact `Response::json` without X-Ninja-Version; an
unknown event is a 500 whose body is the JSON string "Event is invalid". Delivery is in
:mod:`.webhooks`, fired from :mod:`.events`.
"""

from __future__ import annotations

from aiohttp import web

from .call import Call
from .constants import HOOK_EVENTS
from .responses import api_json, plain_json, record_not_found
from .store import Subscription


async def subscribe(call: Call) -> web.Response:
    event = call.inp.text("event").strip()
    if event not in HOOK_EVENTS:
        return plain_json("Event is invalid", 500)
    account = call.account
    account.subscription_id += 1
    sub = Subscription(account.subscription_id, event, call.inp.text("target_url").strip())
    account.subscriptions[sub.public_id] = sub
    return plain_json({"id": sub.public_id}, 201)


async def unsubscribe(call: Call) -> web.Response:
    text = call.params.get("id", "")
    sub = call.account.subscriptions.pop(int(text), None) if text.isdigit() else None
    if sub is None:
        raise record_not_found()
    return api_json({"data": "success"})
