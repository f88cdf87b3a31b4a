"""Every v4 error shape of spec §4 maps to exactly one error class, with the server's message."""

from __future__ import annotations

import pytest
from core_support import V4, Script, v4_json

from ninja_async import errors
from ninja_async.client import NinjaClient
from ninja_async.http import Response

HTML = b"<!DOCTYPE html><html><body>Whoops, looks like something went wrong.</body></html>"


def raw(status: int, content: bytes, **headers: str) -> Response:
    return Response(status, headers={**V4, **headers}, content=content)


CASES = [
    (v4_json({"error": {"message": "Invalid token"}}, 403), errors.AuthenticationError, "Invalid token"),
    (
        v4_json({"error": {"message": "Invalid value for API_SECRET"}}, 403),
        errors.AuthenticationError,
        "Invalid value for API_SECRET",
    ),
    (
        v4_json({"error": {"message": "Invalid credentials"}}, 401),
        errors.AuthenticationError,
        "Invalid credentials",
    ),
    (
        v4_json({"error": {"message": "API requires pro plan"}}, 403),
        errors.PermissionDeniedError,
        "API requires pro plan",
    ),
    (
        v4_json({"message": "This action is unauthorized."}, 403),
        errors.PermissionDeniedError,
        "This action is unauthorized.",
    ),
    (raw(403, HTML), errors.PermissionDeniedError, "HTTP 403"),
    (v4_json("Please wait 7 second(s)", 403), errors.RateLimitError, "Please wait 7 second(s)"),
    (v4_json({"message": "record does not exist"}, 404), errors.NotFoundError, "record does not exist"),
    (v4_json({"error": "Record not found"}, 404), errors.NotFoundError, "Record not found"),
    (
        v4_json({"error": {"message": "Route does not exist"}}, 404),
        errors.NotFoundError,
        "Route does not exist",
    ),
    (v4_json({"error": "Client not found"}, 404), errors.NotFoundError, "Client not found"),
    (
        v4_json({"error": "Action [mark_paid] is not supported"}, 400),
        errors.BadRequestError,
        "Action [mark_paid] is not supported",
    ),
    (
        v4_json({"error": {"message": "The email field is required when client id is not present."}}, 400),
        errors.BadRequestError,
        "The email field is required when client id is not present.",
    ),
    (v4_json({"error": {"error": "Invalid mime type"}}, 400), errors.BadRequestError, "Invalid mime type"),
    (
        v4_json({"error": {"message": "No registered devices."}}, 400),
        errors.BadRequestError,
        "No registered devices.",
    ),
    (
        v4_json(
            {"message": "The given data was invalid.", "errors": {"email": ["The email field is required."]}},
            422,
        ),
        errors.ValidationError,
        "The given data was invalid.",
    ),
    (raw(302, b"", Location="https://ninja.example.com"), errors.ValidationError, "redirected"),
    (
        v4_json(
            {
                "message": "The DELETE method is not supported for this route. "
                "Supported methods: GET, HEAD, POST."
            },
            405,
        ),
        errors.MethodNotAllowedError,
        "DELETE method is not supported",
    ),
    (v4_json({"message": "Server Error"}, 500), errors.ServerError, "Server Error"),
    (
        v4_json({"error": {"message": "Internal Server Error"}}, 500),
        errors.ServerError,
        "Internal Server Error",
    ),
    (v4_json("Event is invalid", 500), errors.ServerError, "Event is invalid"),
    (v4_json({"error": "SMTP connect failed"}, 500), errors.ServerError, "SMTP connect failed"),
    (
        v4_json({"error": {"message": "The email address is already registered"}}, 500),
        errors.ServerError,
        "The email address is already registered",
    ),
    (raw(500, HTML), errors.ServerError, "HTTP 500"),
    (raw(418, b"teapot"), errors.APIStatusError, "teapot"),
]


@pytest.mark.parametrize(("response", "expected", "message"), CASES)
async def test_each_v4_error_shape_maps_to_one_class(
    ninja: NinjaClient, script: Script, response: Response, expected: type, message: str
) -> None:
    script.default = response
    with pytest.raises(errors.APIStatusError) as caught:
        await ninja.request("POST", "hooks", json={})
    assert type(caught.value) is expected
    assert message in str(caught.value)
    assert caught.value.status == response.status
    assert caught.value.request is not None


def test_validation_error_carries_field_errors() -> None:
    response = v4_json(
        {"message": "The given data was invalid.", "errors": {"email": ["a", "b"], "client_id": ["c"]}}, 422
    )
    error = errors.error_from_response(response)
    assert isinstance(error, errors.ValidationError)
    assert error.errors == {"email": ["a", "b"], "client_id": ["c"]}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'"Please wait 1 second(s)"', 1),
        (b'"Please wait 3600 second(s)"', 3600),
        (b'"Please wait x second(s)"', None),
        (b'{"error":"Please wait 3 second(s)"}', None),
    ],
)
def test_throttle_body_parsing(body: bytes, expected: int | None) -> None:
    assert errors.throttle_wait(403, body) == expected
    assert errors.throttle_wait(500, body) is None


def test_rate_limit_error_carries_retry_after() -> None:
    error = errors.error_from_response(v4_json("Please wait 12 second(s)", 403))
    assert isinstance(error, errors.RateLimitError)
    assert error.retry_after == 12.0


def test_429_with_retry_after_header() -> None:
    error = errors.error_from_response(v4_json({"message": "slow down"}, 429, **{"Retry-After": "5"}))
    assert isinstance(error, errors.RateLimitError)
    assert error.retry_after == 5.0


def test_connection_error_says_when_the_outcome_is_unknown() -> None:
    from ninja_async.http import Request

    post = errors.APIConnectionError("reset", request=Request("POST", "https://x/api/v1/invoices"))
    get = errors.APIConnectionError("reset", request=Request("GET", "https://x/api/v1/invoices"))
    not_sent = errors.APIConnectionError("refused", request=Request("POST", "https://x"), request_sent=False)
    assert post.outcome_unknown and "outcome unknown" in str(post)
    assert not get.outcome_unknown and "outcome unknown" not in str(get)
    assert not not_sent.outcome_unknown


def test_hierarchy() -> None:
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.APIConnectionError, errors.APIError)
    assert issubclass(errors.ResponseDecodeError, errors.APIError)
    for cls in (
        errors.BadRequestError,
        errors.AuthenticationError,
        errors.PermissionDeniedError,
        errors.NotFoundError,
        errors.ValidationError,
        errors.RateLimitError,
        errors.ServerError,
    ):
        assert issubclass(cls, errors.APIStatusError)
    assert issubclass(errors.APIError, errors.NinjaError)
