"""A small slice of v4's cached lookup tables (`GET /static`, `currency_code`, `country_code`).

The real tables are much longer; these rows keep v4's ids and raw Eloquent field names so code
that reads them works the same way.
"""

from __future__ import annotations

from typing import Any

CURRENCIES: list[dict[str, Any]] = [
    {
        "id": 1,
        "name": "US Dollar",
        "symbol": "$",
        "precision": "2",
        "thousand_separator": ",",
        "decimal_separator": ".",
        "code": "USD",
        "swap_currency_symbol": False,
        "exchange_rate": None,
    },
    {
        "id": 2,
        "name": "British Pound",
        "symbol": "£",
        "precision": "2",
        "thousand_separator": ",",
        "decimal_separator": ".",
        "code": "GBP",
        "swap_currency_symbol": False,
        "exchange_rate": None,
    },
    {
        "id": 3,
        "name": "Euro",
        "symbol": "€",
        "precision": "2",
        "thousand_separator": ".",
        "decimal_separator": ",",
        "code": "EUR",
        "swap_currency_symbol": False,
        "exchange_rate": None,
    },
    {
        "id": 9,
        "name": "Canadian Dollar",
        "symbol": "C$",
        "precision": "2",
        "thousand_separator": ",",
        "decimal_separator": ".",
        "code": "CAD",
        "swap_currency_symbol": False,
        "exchange_rate": None,
    },
]

COUNTRIES: list[dict[str, Any]] = [
    {"id": 124, "name": "Canada", "iso_3166_2": "CA", "iso_3166_3": "CAN", "swap_postal_code": False},
    {"id": 250, "name": "France", "iso_3166_2": "FR", "iso_3166_3": "FRA", "swap_postal_code": True},
    {"id": 276, "name": "Germany", "iso_3166_2": "DE", "iso_3166_3": "DEU", "swap_postal_code": True},
    {"id": 826, "name": "United Kingdom", "iso_3166_2": "GB", "iso_3166_3": "GBR", "swap_postal_code": False},
    {"id": 840, "name": "United States", "iso_3166_2": "US", "iso_3166_3": "USA", "swap_postal_code": False},
]

PAYMENT_TYPES = [
    {"id": i + 1, "name": name, "gateway_type_id": None}
    for i, name in enumerate(
        ("Apply Credit", "Bank Transfer", "Cash", "Debit", "ACH", "Visa Card", "MasterCard")
    )
]


def static_data() -> dict[str, Any]:
    """The `{"data": …}` body of `GET /static`."""
    return {
        "currencies": CURRENCIES,
        "sizes": [{"id": 1, "name": "1 - 3"}, {"id": 2, "name": "4 - 10"}, {"id": 3, "name": "11 - 50"}],
        "industries": [{"id": 1, "name": "Accounting & Legal"}, {"id": 2, "name": "Advertising"}],
        "timezones": [{"id": 1, "name": "Pacific/Midway", "location": "(GMT-11:00) Midway Island"}],
        "dateFormats": [
            {"id": 1, "format": "d/M/Y", "picker_format": "dd/M/yyyy", "format_moment": "DD/MMM/YYYY"}
        ],
        "datetimeFormats": [{"id": 1, "format": "d/M/Y g:i a", "format_moment": "DD/MMM/YYYY h:mm:ss a"}],
        "languages": [{"id": 1, "name": "English", "locale": "en"}],
        "paymentTypes": PAYMENT_TYPES,
        "countries": COUNTRIES,
        "invoiceDesigns": [{"id": 1, "name": "Clean"}, {"id": 2, "name": "Bold"}],
        "invoiceStatus": [
            {"id": i + 1, "name": name}
            for i, name in enumerate(("Draft", "Sent", "Viewed", "Approved", "Partial", "Paid"))
        ],
        "frequencies": [{"id": 4, "name": "Monthly", "date_interval": "1 month"}],
        "gateways": [],
        "gatewayTypes": [],
        "fonts": [{"id": 1, "name": "Roboto", "folder": "roboto"}],
        "banks": [],
    }


def currency_id(code: str) -> int | None:
    return next((c["id"] for c in CURRENCIES if c["code"] == code.upper()), None)


def country_id(code: str) -> int | None:
    code = code.upper()
    return next((c["id"] for c in COUNTRIES if code in (c["iso_3166_2"], c["iso_3166_3"])), None)
