"""An aiohttp.web backend on the SDK: one client for the app's lifetime, SDK errors as HTTP answers, webhooks.

It shows:

- ``app.cleanup_ctx``: one `NinjaClient` is created at startup and closed at cleanup. Every request shares
  it, and with it its connection pool and concurrency limit.
- Two endpoints backed by the SDK: ``GET /clients/{id}/invoices`` and ``POST /invoices``.
- One middleware that turns SDK errors into HTTP answers: `NotFoundError` is 404, `ValidationError` is 422
  with the field errors, `RateLimitError` is 503 with ``Retry-After``, and any other API failure is 502.
- A receiver for v4 webhooks at ``POST /webhooks/{event}``. A v4 delivery does not name its event
  (spec §1.1), so you subscribe one URL per event and the URL names it. `parse_webhook` turns the body into
  its model (a `Client` for ``create_client``...), and the app keeps what it received in an `Inbox`, which
  ``GET /webhooks`` lists. On self-hosted v4 with ``SUBSCRIPTION_SECRET`` set, the server appends
  ``?secret=...`` to each delivery; give the app the same secret and it refuses deliveries without it.

Run it:

    python examples/web_backend.py   # emulator in-process; serves http://127.0.0.1:8080 and subscribes itself
    python examples/web_backend.py --url https://invoices.example.com --token TOKEN \\
        --public-url https://backend.example.com   # where the v4 server can reach this app's webhooks

The token can also come from ``NINJA_TOKEN``. Stop it with Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import hmac
import logging
import math
import os
import signal
import sys
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from ninja_async import (
    APIError,
    Client,
    Expense,
    HookEvent,
    Invoice,
    NinjaClient,
    NotFoundError,
    Payment,
    RateLimitError,
    ResponseDecodeError,
    RetryPolicy,
    Task,
    Timeout,
    ValidationError,
    Vendor,
    parse_webhook,
)
from ninja_async.testing import NinjaEmulator

log = logging.getLogger("web-backend")

# The events this app subscribes its receiver to, when it knows its public URL.
EVENTS = (
    HookEvent.CREATE_CLIENT,
    HookEvent.CREATE_INVOICE,
    HookEvent.UPDATE_INVOICE,
    HookEvent.CREATE_PAYMENT,
)


Record = Client | Invoice | Payment | Vendor | Expense | Task  # what v4 webhooks carry


@dataclass(frozen=True)
class Delivery:
    event: HookEvent
    record: Record  # the model of the event: a Client for create_client, an Invoice for update_invoice...


class Inbox:
    """The webhook deliveries received so far (the latest ``keep``), and a way to wait for one."""

    def __init__(self, keep: int = 1000) -> None:
        self.deliveries: deque[Delivery] = deque(maxlen=keep)
        self._changed = asyncio.Condition()

    async def add(self, delivery: Delivery) -> None:
        async with self._changed:
            self.deliveries.append(delivery)
            self._changed.notify_all()

    async def wait_for(self, matches: Callable[[Delivery], bool]) -> Delivery:
        """The first delivery that ``matches``, waiting for it if need be (wrap in ``asyncio.timeout``)."""
        async with self._changed:
            while (found := next((d for d in self.deliveries if matches(d)), None)) is None:
                await self._changed.wait()
            return found


NINJA = web.AppKey("ninja", NinjaClient)
INBOX = web.AppKey("inbox", Inbox)
WEBHOOK_SECRET = web.AppKey("webhook_secret", str)


# -- endpoints -------------------------------------------------------------------------------------------


async def client_invoices(request: web.Request) -> web.Response:
    """``GET /clients/{id}/invoices``: the client's active invoices (404 if there is no such client)."""
    ninja = request.app[NINJA]
    client_id = int(request.match_info["id"])
    client = await ninja.clients.get(client_id)
    invoices = ninja.invoices.list(
        client_id=client_id, invoice_type_id=1, is_recurring=False, active_only=True
    )
    listed = [summary(invoice) async for invoice in invoices]  # every page, fetched concurrently
    return web.json_response({"client": {"id": client.id, "name": client.display_name}, "invoices": listed})


async def create_invoice(request: web.Request) -> web.Response:
    """``POST /invoices`` with ``{"client_id": 1, "items": [{"product_key": "CONSULT", "qty": 3}]}``.

    Optional: ``invoice_number``, ``po_number``, and ``"email": true`` to email it to the client at once.
    """
    try:
        body = await request.json()
    except ValueError:
        return web.json_response({"error": "The body must be JSON."}, status=400)
    errors = check_invoice_request(body)
    if errors:
        return web.json_response({"message": "The given data was invalid.", "errors": errors}, status=422)
    assert isinstance(body, dict)
    fields = {key: body[key] for key in ("invoice_number", "po_number") if key in body}
    items = [{"product_key": item["product_key"], "qty": item.get("qty", 1)} for item in body["items"]]
    ninja = request.app[NINJA]
    invoice = await ninja.invoices.create(client_id=body["client_id"], invoice_items=items, **fields)
    if body.get("email"):
        await ninja.invoices.email(invoice.id)
    return web.json_response(summary(invoice), status=201)


def check_invoice_request(body: Any) -> dict[str, list[str]]:
    """Our own API's rules, checked before anything is sent to the server."""
    if not isinstance(body, dict):
        return {"": ["Send a JSON object."]}
    errors: dict[str, list[str]] = {}
    client_id = body.get("client_id")
    if isinstance(client_id, bool) or not isinstance(client_id, int) or client_id < 1:
        errors["client_id"] = ["The client id must be a positive integer."]
    items = body.get("items")
    if not isinstance(items, list) or not items:
        errors["items"] = ["Give at least one item."]
    elif not all(isinstance(i, dict) and isinstance(i.get("product_key"), str) for i in items):
        errors["items"] = ["Each item needs a product_key."]
    elif not all(is_quantity(i.get("qty", 1)) for i in items):
        errors["items"] = ["A qty must be a positive number."]
    return errors


def is_quantity(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def summary(invoice: Invoice) -> dict[str, Any]:
    """What the app's own clients see of an invoice (not the whole v4 record, which carries account keys)."""
    return {
        "id": invoice.id,
        "invoice_number": invoice.invoice_number,
        "client_id": invoice.client_id,
        "status_id": invoice.invoice_status_id,
        "amount": invoice.amount,
        "balance": invoice.balance,
        "invoice_date": invoice.invoice_date.isoformat() if invoice.invoice_date else None,
        "items": [
            {"product_key": item.product_key, "qty": item.qty, "cost": item.cost}
            for item in invoice.invoice_items
        ],
    }


# -- webhooks --------------------------------------------------------------------------------------------


async def receive_webhook(request: web.Request) -> web.Response:
    """``POST /webhooks/{event}``: one v4 delivery, parsed into its model and kept in the inbox."""
    secret = request.app.get(WEBHOOK_SECRET)
    if secret is not None and not hmac.compare_digest(request.query.get("secret", ""), secret):
        return web.json_response({"error": "bad or missing secret"}, status=403)
    try:
        event = HookEvent(request.match_info["event"])
    except ValueError:
        return web.json_response({"error": "unknown event"}, status=404)
    try:
        record = parse_webhook(event, await request.read())
    except ResponseDecodeError as exc:
        return web.json_response({"error": f"not a {event.value} delivery: {exc}"}, status=400)
    await request.app[INBOX].add(Delivery(event, record))
    log.info("webhook %s: %s %d", event.value, type(record).__name__, record.id)
    return web.json_response({"received": True})  # v4 only looks at the status (a 410 unsubscribes)


async def list_webhooks(request: web.Request) -> web.Response:
    """``GET /webhooks``: what the receiver has kept, oldest first."""
    deliveries = request.app[INBOX].deliveries
    return web.json_response(
        [{"event": d.event.value, "type": type(d.record).__name__, "id": d.record.id} for d in deliveries]
    )


# -- errors and the app ----------------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def sdk_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """SDK errors as HTTP answers for the app's own clients."""
    try:
        return await handler(request)
    except NotFoundError as exc:
        return web.json_response({"error": exc.message}, status=404)
    except ValidationError as exc:  # the server refused the data: pass its field errors on
        return web.json_response({"message": exc.message, "errors": exc.errors}, status=422)
    except RateLimitError as exc:  # throttled for longer than this app waits within a request
        retry_after = math.ceil(exc.retry_after) if exc.retry_after is not None else 60
        return web.json_response(
            {"error": "The invoicing service is busy; try again later."},
            status=503,
            headers={"Retry-After": str(retry_after)},
        )
    except APIError:  # the server failed, or could not be reached; the SDK already retried what it could
        log.exception("%s %s: the invoicing service failed", request.method, request.path)
        return web.json_response({"error": "The invoicing service failed."}, status=502)


def create_app(base_url: str, token: str, *, webhook_secret: str | None = None) -> web.Application:
    """The application; its `NinjaClient` exists from startup to cleanup, in ``app[NINJA]``."""

    async def ninja_client(app: web.Application) -> AsyncIterator[None]:
        # Within a request, wait out only short throttles and keep the total time bounded.
        async with NinjaClient(
            base_url,
            token,
            retry=RetryPolicy(max_retries=2, max_retry_after=2.0),
            timeout=Timeout(connect=5, read=15, deadline=20),
        ) as ninja:
            app[NINJA] = ninja
            yield

    app = web.Application(middlewares=[sdk_errors])
    app[INBOX] = Inbox()
    if webhook_secret is not None:
        app[WEBHOOK_SECRET] = webhook_secret
    app.cleanup_ctx.append(ninja_client)
    app.add_routes(
        [
            web.get(r"/clients/{id:[1-9][0-9]*}/invoices", client_invoices),
            web.post("/invoices", create_invoice),
            web.post("/webhooks/{event}", receive_webhook),
            web.get("/webhooks", list_webhooks),
        ]
    )
    return app


# -- the command line ------------------------------------------------------------------------------------


async def serve(
    app: web.Application, host: str, port: int, *, subscribe: bool, public_url: str | None = None
) -> None:
    """Serve until SIGINT or SIGTERM. With ``subscribe``, the receiver is subscribed to `EVENTS` while the
    app serves, at ``public_url`` (default: the address it serves on)."""
    runner = web.AppRunner(app)
    await runner.setup()  # runs the startup half of cleanup_ctx: the NinjaClient exists from here
    site = web.TCPSite(runner, host, port)
    await site.start()
    url = "http://{}:{}".format(*runner.addresses[0])
    print(f"Serving on {url}", flush=True)
    print(f"  GET  {url}/clients/1/invoices", flush=True)
    print(f"""  POST {url}/invoices  {{"client_id": 1, "items": [{{"product_key": "AUDIT"}}]}}""", flush=True)
    print(f"  GET  {url}/webhooks", flush=True)
    ninja = app[NINJA]
    subscriptions: list[int] = []
    try:
        if subscribe:
            receiver = f"{public_url or url}/webhooks"
            for event in EVENTS:
                subscriptions.append(await ninja.hooks.subscribe(event, f"{receiver}/{event}"))
            print(f"Subscribed {receiver}/{{event}} to {', '.join(EVENTS)}", flush=True)
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(signum, stop.set)
        await stop.wait()
    finally:
        for subscription in subscriptions:
            await ninja.hooks.unsubscribe(subscription)
        await runner.cleanup()  # the cleanup half: the NinjaClient is closed
        print("Stopped.", flush=True)


async def run(args: argparse.Namespace) -> None:
    if args.url:
        app = create_app(args.url, args.token, webhook_secret=args.webhook_secret)
        await serve(app, args.host, args.port, subscribe=bool(args.public_url), public_url=args.public_url)
        return
    async with NinjaEmulator(clients=5, invoices=20, error_delay=0) as emulator:
        print(f"Started an Invoice Ninja v4 emulator at {emulator.base_url}", flush=True)
        app = create_app(emulator.base_url, emulator.token)
        await serve(app, args.host, args.port, subscribe=True)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="An aiohttp.web backend on the ninja-async SDK.")
    parser.add_argument("--url", help="the v4 server root; without it, an in-process emulator is used")
    parser.add_argument("--token", default=os.environ.get("NINJA_TOKEN"), help="API token (env NINJA_TOKEN)")
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8080, help="port to serve on (default: %(default)s)")
    parser.add_argument("--public-url", help="this app's URL as the v4 server sees it, to subscribe webhooks")
    parser.add_argument(
        "--webhook-secret", default=os.environ.get("SUBSCRIPTION_SECRET"), help="env SUBSCRIPTION_SECRET"
    )
    args = parser.parse_args(argv)
    if args.url and not args.token:
        parser.error("--url needs --token (or NINJA_TOKEN)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
