"""Each resource and operation: the request sent (method, path, query, body) and the model returned."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import resources_support as fx
from resources_support import FakeServer, body, envelope, page, query

from ninja_async import models
from ninja_async.client import NinjaClient
from ninja_async.endpoints import ENDPOINTS, Op

SAMPLES: dict[str, Any] = {
    "clients": fx.client,
    "contacts": fx.contact,
    "invoices": fx.invoice,
    "quotes": fx.quote,
    "payments": fx.payment,
    "credits": fx.credit,
    "tasks": fx.task,
    "products": fx.product,
    "projects": fx.project,
    "tax_rates": fx.tax_rate,
    "users": fx.user,
    "expenses": fx.expense,
    "documents": fx.document,
    "vendors": fx.vendor,
    "expense_categories": fx.expense_category,
    "payment_terms": fx.payment_term,
}


def test_every_v4_resource_is_in_the_table() -> None:
    assert set(ENDPOINTS) == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
async def test_list_first_page(ninja: NinjaClient, server: FakeServer, name: str) -> None:
    row = ENDPOINTS[name]
    sample = SAMPLES[name]
    server.on("GET", row.path, page([sample(1), sample(2)], total=2, per_page=100, current_page=1))
    first = await getattr(ninja, name).list()
    assert [type(item) for item in first.items] == [row.model, row.model]
    assert (first.total, first.count, first.per_page, first.current_page, first.total_pages) == (
        2,
        2,
        100,
        1,
        1,
    )
    request = server.sent("GET")[-1]
    assert request.url == f"https://ninja.example.com/api/v1/{row.path}?per_page=100&page=1"


@pytest.mark.parametrize("name", sorted(n for n, row in ENDPOINTS.items() if Op.GET in row.ops))
async def test_get(ninja: NinjaClient, server: FakeServer, name: str) -> None:
    row = ENDPOINTS[name]
    server.on("GET", f"{row.item_path}/5", envelope(SAMPLES[name](5)))
    item = await getattr(ninja, name).get(5)
    assert isinstance(item, row.model)
    assert item.id == 5
    assert server.sent("GET")[-1].url.endswith(f"/api/v1/{row.item_path}/5")


@pytest.mark.parametrize("name", sorted(n for n, row in ENDPOINTS.items() if Op.CREATE in row.ops))
async def test_create_posts_wire_fields(ninja: NinjaClient, server: FakeServer, name: str) -> None:
    row = ENDPOINTS[name]
    server.on("POST", row.item_path, envelope(SAMPLES[name](9)))
    created = await getattr(ninja, name).create(name="New", due_date=datetime.date(2024, 2, 1))
    assert isinstance(created, row.model)
    sent = server.sent("POST")[-1]
    assert sent.url.endswith(f"/api/v1/{row.item_path}")
    expected = {"name": "New", "due_date": "2024-02-01", **row.create_defaults}
    assert body(sent) == expected


@pytest.mark.parametrize(
    ("name", "op", "wire"),
    [
        (name, op, wire)
        for name, row in sorted(ENDPOINTS.items())
        for op, wire in [
            (Op.ARCHIVE, "archive"),
            (Op.RESTORE, "restore"),
            (Op.MARK_SENT, "markSent"),
            (Op.MARK_PAID, "markPaid"),
            (Op.CONVERT, "convert"),
        ]
        if op in row.ops
    ],
)
async def test_actions_use_the_exact_wire_names(
    ninja: NinjaClient, server: FakeServer, name: str, op: Op, wire: str
) -> None:
    row = ENDPOINTS[name]
    server.on("GET", f"{row.item_path}/3", envelope(SAMPLES[name](3)))
    server.on("PUT", f"{row.item_path}/3", envelope(SAMPLES[name](3)))
    result = await getattr(getattr(ninja, name), op.value)(3)
    assert isinstance(result, row.model)
    put = server.sent("PUT")[-1]
    assert query(put) == {"action": wire}
    required = {field: SAMPLES[name](3)[field] for field in row.put_requires}
    assert (body(put) or {}) == required  # validation-required fields ride along, nothing else


@pytest.mark.parametrize("name", sorted(n for n, row in ENDPOINTS.items() if Op.DELETE in row.ops))
async def test_delete(ninja: NinjaClient, server: FakeServer, name: str) -> None:
    row = ENDPOINTS[name]
    server.on("GET", f"{row.item_path}/4", envelope(SAMPLES[name](4)))
    server.on("PUT", f"{row.item_path}/4", envelope(SAMPLES[name](4)))
    server.on("DELETE", f"{row.item_path}/4", envelope(SAMPLES[name](4)))
    await getattr(ninja, name).delete(4)
    last = server.requests[-1]
    if row.put_requires:  # v4 validates these even for deletes: ?action=delete carries them
        assert (last.method, query(last)) == ("PUT", {"action": "delete"})
        assert set(body(last)) == set(row.put_requires)
    else:
        assert last.method == "DELETE"
        assert last.url.endswith(f"/{row.item_path}/4")


async def test_payment_terms_are_deleted_by_num_days(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("DELETE", "payment_terms/45", envelope(fx.payment_term(45)))
    term = await ninja.payment_terms.delete(num_days=45)
    assert term.num_days == 45


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("users", "get"),
        ("users", "create"),
        ("users", "archive"),
        ("documents", "update"),
        ("expense_categories", "get"),
        ("expense_categories", "archive"),
        ("payment_terms", "update"),
        ("clients", "mark_paid"),
        ("quotes", "mark_paid"),
    ],
)
def test_operations_v4_does_not_support_are_absent(ninja: NinjaClient, name: str, missing: str) -> None:
    assert not hasattr(getattr(ninja, name), missing)


async def test_quotes_list_on_quotes_and_write_through_invoices(
    ninja: NinjaClient, server: FakeServer
) -> None:
    server.on("GET", "quotes", page([fx.quote(7)], total=1, per_page=100, current_page=1))
    server.on("GET", "invoices/7", envelope(fx.quote(7)))
    server.on("POST", "invoices", envelope(fx.quote(8)))
    server.on("PUT", "invoices/7", envelope(fx.invoice(12, quote_invoice_id=0)))
    assert [q.id async for q in ninja.quotes.list()] == [7]
    assert (await ninja.quotes.get(7)).is_quote
    created = await ninja.quotes.create(client_id=1)
    assert created.is_quote
    assert body(server.sent("POST")[-1]) == {"is_quote": True, "client_id": 1}
    converted = await ninja.quotes.convert(7)
    assert converted.id == 12 and not converted.is_quote
    assert server.sent("PUT")[-1].url.endswith("/invoices/7?action=convert")


async def test_quotes_get_refuses_a_plain_invoice(ninja: NinjaClient, server: FakeServer) -> None:
    from ninja_async.errors import NotFoundError

    server.on("GET", "invoices/1", envelope(fx.invoice(1)))
    with pytest.raises(NotFoundError, match="not a quote"):
        await ninja.quotes.get(1)


async def test_email_invoice(ninja: NinjaClient, server: FakeServer) -> None:
    server.on(
        "POST", "email_invoice", fx.Response(200, headers=fx.V4_HEADERS, content=b'{"message":"success"}')
    )
    await ninja.invoices.email(5, reminder="reminder2")
    sent = server.sent("POST")[-1]
    assert sent.url.endswith("/api/v1/email_invoice")
    assert body(sent) == {"id": 5, "reminder": "reminder2"}
    with pytest.raises(ValueError, match="reminder"):
        await ninja.invoices.email(5, reminder="reminder4")  # type: ignore[arg-type]


PDF = b"%PDF-1.4\n" + b"x" * 20000 + b"\n%%EOF\n"


def pdf_response(name: str = "Invoice_0005.pdf") -> fx.Response:
    return fx.Response(
        200,
        headers={"Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{name}"'},
        content=PDF,
    )


async def test_download_as_bytes(ninja: NinjaClient, server: FakeServer) -> None:
    server.on("GET", "download/5", pdf_response())
    assert await ninja.invoices.download(5) == PDF
    assert ninja.connections_in_use == 0


async def test_download_to_a_directory_uses_the_server_filename(
    ninja: NinjaClient, server: FakeServer, tmp_path: Path
) -> None:
    server.on("GET", "download/5", pdf_response())
    written = await ninja.invoices.download(5, to=tmp_path)
    assert written == tmp_path / "Invoice_0005.pdf"
    assert written.read_bytes() == PDF
    assert [p.name for p in tmp_path.iterdir()] == ["Invoice_0005.pdf"]


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "/etc/cron.d/x", "..\\..\\boot.ini", "..", ""])
async def test_download_filename_never_escapes_the_directory(
    ninja: NinjaClient, server: FakeServer, tmp_path: Path, hostile: str
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    server.on("GET", "download/5", pdf_response(hostile))
    written = await ninja.invoices.download(5, to=target)
    assert written.parent == target
    assert written.read_bytes() == PDF


async def test_download_cap_leaves_no_partial_file(
    ninja: NinjaClient, server: FakeServer, tmp_path: Path
) -> None:
    from ninja_async.errors import ResponseDecodeError

    server.on("GET", "download/5", pdf_response())
    with pytest.raises(ResponseDecodeError, match="max_bytes"):
        await ninja.invoices.download(5, to=tmp_path / "x.pdf", max_bytes=1000)
    with pytest.raises(ResponseDecodeError, match="max_bytes"):
        await ninja.invoices.download(5, max_bytes=1000)
    assert list(tmp_path.iterdir()) == []
    assert ninja.connections_in_use == 0


async def test_document_upload_is_multipart(ninja: NinjaClient, server: FakeServer, tmp_path: Path) -> None:
    server.on("POST", "documents", envelope(fx.document(3)))
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\nDATA")
    document = await ninja.documents.upload(receipt, expense_id=1)
    assert isinstance(document, models.Document)
    sent = server.sent("POST")[-1]
    content_type = sent.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=")[1].encode()
    assert sent.content is not None
    assert sent.content.count(b"--" + boundary) == 3
    assert b'name="file"; filename="receipt.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG' in sent.content
    assert b'name="expense_id"\r\n\r\n1\r\n' in sent.content
    assert b"invoice_id" not in sent.content


async def test_document_download_streams_the_file(ninja: NinjaClient, server: FakeServer) -> None:
    server.on(
        "GET", "documents/3", fx.Response(200, headers={"Content-Type": "image/png"}, content=b"PNGDATA")
    )
    assert await ninja.documents.download(3) == b"PNGDATA"


async def test_document_download_follows_a_redirect_to_its_direct_url_without_the_token(
    ninja: NinjaClient, server: FakeServer
) -> None:
    # v4 may answer GET /documents/{id} with a redirect to the file's direct (e.g. S3) URL (spec §1.2).
    direct = "https://files.example.com/abc/receipt.png?signature=x"
    server.on("GET", "documents/3", fx.Response(302, headers={"Location": direct}, content=b""))
    server.elsewhere[direct] = fx.Response(200, headers={"Content-Type": "image/png"}, content=b"PNGDATA")
    assert await ninja.documents.download(3) == b"PNGDATA"
    api_call, file_call = server.requests[-2:]
    assert "X-Ninja-Token" in api_call.headers
    assert file_call.url == direct
    assert "X-Ninja-Token" not in file_call.headers


async def test_a_redirect_on_a_read_is_not_followed_or_taken_for_validation(
    ninja: NinjaClient, server: FakeServer
) -> None:
    from ninja_async.errors import APIStatusError, ValidationError

    server.on(
        "GET", "clients/1", fx.Response(301, headers={"Location": "https://elsewhere.example/"}, content=b"")
    )
    with pytest.raises(APIStatusError, match=r"redirected to https://elsewhere\.example/") as caught:
        await ninja.clients.get(1)
    assert not isinstance(caught.value, ValidationError)
    assert len(server.requests) == 1
