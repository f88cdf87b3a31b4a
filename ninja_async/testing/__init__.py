"""`ninja_async.testing`: a faithful in-memory Invoice Ninja v4.5.50 server for tests.

Shares no code with the SDK's request path, so a misunderstanding of the API cannot hide in both.

Modules, one job each:

- :mod:`.server` — :class:`NinjaEmulator` (start/stop, knobs, ``state``);
- :mod:`.app` — routing under ``/api/v1``, 404/405/OPTIONS, dispatch;
- :mod:`.auth`, :mod:`.throttle` — `ApiCheck`: token, API secret, hosted leaky bucket;
- :mod:`.call`, :mod:`.render`, :mod:`.transformers`, :mod:`.responses` — envelopes, includes,
  JSON-API, entity fields, error shapes and headers;
- :mod:`.resources` and the entity modules (:mod:`.people`, :mod:`.invoices`,
  :mod:`.invoice_repo`, :mod:`.billing`, :mod:`.tasks`, :mod:`.catalog`, :mod:`.expenses`,
  :mod:`.documents`, :mod:`.admin`) — controller and repository semantics;
- :mod:`.special`, :mod:`.hooks`, :mod:`.webhooks`, :mod:`.events` — the other routes,
  subscriptions and deliveries, the activity log;
- :mod:`.store`, :mod:`.seed`, :mod:`.accounts`, :mod:`.clock` — data, seeding, time;
- :mod:`.faults`, :mod:`.churn` — fault injection and concurrent changes;
- :mod:`.pdf` — the invoice PDF; :mod:`.pytest_plugin` — fixtures.

Choices where the spec says "(probably)" or "(ambiguous)", or is silent:

- ``POST /quotes`` and other wrong methods answer 405 (``Supported methods: GET, HEAD.``);
  ``OPTIONS`` answers 200 with ``Allow`` and no authentication; unknown paths and wrong
  methods are resolved before ``ApiCheck`` (so they need no token), as Laravel's router does.
- An unknown route without an ``X-Ninja-Token`` header gets Laravel's own 404 (JSON
  ``{"message": ""}`` when JSON is expected, else HTML).
- ``markPaid`` answers with the invoice as it was after ``markSent`` (status 2, old balance),
  as the in-memory v4 instance is; the payment is applied to the stored invoice right after.
- The download sends ``Content-Type: application/pdf`` (real v4 may send text/html).
- List ties are broken by id descending (``updated_at``/``created_at`` desc, then id desc);
  documents list by id ascending; payment terms by ``num_days``.
- ``PUT/DELETE X/0`` give 404 ``{"error":"Record not found"}`` like ``GET X/0``.
- ``POST /invoices`` with the ``client_id`` of an archived or deleted client: "Client not
  found" (the soft-delete scope hides it). ``POST /contacts``/``projects``/``credits`` with an
  unknown ``client_id`` answer 500 (the null foreign key fails in v4).
- A client ``POST``/``PUT`` with ``contacts: []`` behaves like no contacts (one blank contact);
  vendors follow the spec (``vendor_contacts: []`` → none).
- Recurring invoices take no number from the counter (``invoice_number`` is ``''``).
  Credits get numbers from their own counter. ``auto_bill`` marks the invoice sent but charges
  nothing (there are no stored payment methods).
- Rows are stamped with integer seconds from an injectable :class:`Clock`; the throttle uses the
  same clock as a float (v4 uses integer ``time()``).
- JSON is compact and slashes are not escaped (v4 pretty-prints with ``\\/``); whitespace and
  escaping are not part of the contract. ``updated_at`` filters compare in UTC.
- ``filter_active`` on documents is a no-op (they have no soft deletes). Only top-level include
  names are checked against the model's relations on an index.
- The account transformer emits the main settings fields only (~40 of ~130); ``GET /static``
  serves a few rows of each lookup table.
- Hosted mode (``hosted=True``) switches on the throttle, the ``per_page`` cap of 5000, the
  pro-plan check (``settings.pro_plan``) and "no secret unless configured"; it does not turn
  exception pages into the hosted HTML error view. Permissions and disabled modules are not
  emulated (every token is an admin's with all modules on).
- Invoice totals follow ``InvoiceRepository::save`` with exclusive taxes; money is rounded the
  PHP way (half away from zero). ``email_invoice`` never fails (no mailer).
- Webhook deliveries are recorded in ``state.hook_deliveries`` even when sending is switched off
  (``emu.webhooks.enabled = False``); ``await emu.webhooks.drain()`` waits for them.
"""

from .churn import ChurnConfig
from .clock import Clock
from .constants import DEFAULT_EMAIL, DEFAULT_PASSWORD, DEFAULT_TOKEN, HOOK_EVENTS, NINJA_VERSION
from .faults import Fault, FaultInjector, FaultKind
from .server import NinjaEmulator
from .store import Account, HookDelivery, Row, SentEmail
from .throttle import Throttle

__all__ = [
    "DEFAULT_EMAIL",
    "DEFAULT_PASSWORD",
    "DEFAULT_TOKEN",
    "HOOK_EVENTS",
    "NINJA_VERSION",
    "Account",
    "ChurnConfig",
    "Clock",
    "Fault",
    "FaultInjector",
    "FaultKind",
    "HookDelivery",
    "NinjaEmulator",
    "Row",
    "SentEmail",
    "Throttle",
]
