"""Fixed values of the emulated Invoice Ninja v4.5.50 server (spec §1-§3, §5)."""

from __future__ import annotations

from typing import Final

NINJA_VERSION: Final = "4.5.50"
API_PREFIX: Final = "/api/v1"

#: The token every emulator accepts unless told otherwise: 32 lowercase alphanumerics, like v4's.
DEFAULT_TOKEN: Final = "ninjaemulator0000000000000000tkn"
DEFAULT_EMAIL: Final = "owner@example.com"
DEFAULT_PASSWORD: Final = "password"

DEFAULT_PAGE_SIZE: Final = 15
MAX_PAGE_SIZE: Final = 5000
THROTTLE_LIMIT: Final = 1000
HOUR: Final = 3600.0

#: Hook event names accepted by `POST /hooks` (`Utils::lookupEventId`), with their v4 event ids.
HOOK_EVENTS: Final[dict[str, int]] = {
    "create_client": 1,
    "create_invoice": 2,
    "create_quote": 3,
    "create_payment": 4,
    "create_vendor": 5,
    "update_quote": 6,
    "delete_quote": 7,
    "update_invoice": 8,
    "delete_invoice": 9,
    "update_client": 10,
    "delete_client": 11,
    "delete_payment": 12,
    "update_vendor": 13,
    "delete_vendor": 14,
    "create_expense": 15,
    "update_expense": 16,
    "delete_expense": 17,
    "create_task": 18,
    "update_task": 19,
    "delete_task": 20,
    "approve_quote": 21,
}

#: `BaseAPIController::handleAction` accepts exactly these values.
ACTIONS: Final = frozenset(
    {"archive", "delete", "restore", "mark_sent", "markSent", "emailInvoice", "markPaid"}
)

STATUS_SENT: Final = 2
STATUS_PARTIAL: Final = 5
STATUS_PAID: Final = 6
TYPE_STANDARD: Final = 1
TYPE_QUOTE: Final = 2
FREQUENCY_MONTHLY: Final = 4

#: Global payment terms (account_id 0) that every account sees (`PaymentTermsSeeder`).
DEFAULT_PAYMENT_TERMS: Final = (7, 10, 14, 15, 30, 60, 90)

#: Extensions `Document::$types` accepts, with the MIME type the show route streams.
DOCUMENT_TYPES: Final[dict[str, str]] = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "tiff": "image/tiff",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "psd": "application/octet-stream",
    "ai": "application/postscript",
}
MAX_DOCUMENT_BYTES: Final = 10_000_000

#: Column groups several entities share.
ADDRESS_FIELDS: Final = ("address1", "address2", "city", "state", "postal_code")
TAX_FIELDS: Final = ("tax_name1", "tax_rate1", "tax_name2", "tax_rate2")
CUSTOM_FIELDS: Final = ("custom_value1", "custom_value2")
