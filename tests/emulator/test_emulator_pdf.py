"""`GET /download/{id}`: a valid PDF whose cross-reference offsets are right."""

from __future__ import annotations

import re

from emulator_support import Api

from ninja_async.testing.pdf import build_pdf


def check_pdf(data: bytes) -> list[bytes]:
    """Parse the xref table and check every offset lands on its object; return the objects."""
    assert data.startswith(b"%PDF-1.4\n")
    assert data.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))  # type: ignore[union-attr]
    assert data[start:].startswith(b"xref\n")
    header, *rest = data[start:].split(b"\n")[1:]
    first, count = map(int, header.split())
    entries = rest[:count]
    assert first == 0
    assert entries[0] == b"0000000000 65535 f "
    objects = []
    for number, entry in enumerate(entries[1:], start=1):
        offset = int(entry[:10])
        assert entry.endswith(b" 00000 n ")
        assert data[offset:].startswith(f"{number} 0 obj\n".encode())
        objects.append(data[offset : data.index(b"endobj", offset)])
    assert b"/Root 1 0 R" in data[start:]
    assert f"/Size {count}".encode() in data[start:]
    return objects


def test_stream_length_and_escaping() -> None:
    objects = check_pdf(build_pdf(["Invoice (draft) \\ 1"]))
    stream = next(o for o in objects if b"stream" in o)
    length = int(re.search(rb"/Length (\d+)", stream).group(1))  # type: ignore[union-attr]
    content = stream.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    assert len(content) == length
    assert b"(Invoice \\(draft\\) \\\\ 1) Tj" in content


async def test_download_invoice_and_quote(api: Api) -> None:
    invoice = await api.ok(
        "POST", "/invoices", {"client_id": 1, "invoice_items": [{"cost": 12.5, "notes": "a"}]}
    )
    status, body, headers = await api.call("GET", f"/download/{invoice['id']}")
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert int(headers["Content-Length"]) == len(body)
    assert headers["Content-Disposition"] == f'attachment; filename="Invoice_{invoice["invoice_number"]}.pdf"'
    objects = check_pdf(body)
    assert any(f"(Invoice {invoice['invoice_number']}) Tj".encode() in o for o in objects)
    assert any(b"(Amount: 12.50) Tj" in o for o in objects)
    quote = await api.ok("POST", "/invoices", {"client_id": 1, "is_quote": True})
    _, _, headers = await api.call("GET", f"/download/{quote['id']}")
    assert headers["Content-Disposition"] == f'attachment; filename="Quote_{quote["invoice_number"]}.pdf"'


async def test_download_invoice_option_and_deleted_invoice(api: Api) -> None:
    status, body, headers = await api.call("POST", "/invoices", {"client_id": 1, "download_invoice": True})
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    check_pdf(body)
    deleted = await api.ok("POST", "/invoices", {"client_id": 1})
    await api.ok("DELETE", f"/invoices/{deleted['id']}")
    status, body, _ = await api.call("GET", f"/download/{deleted['id']}")
    assert (status, body) == (404, {"error": {"message": "Route does not exist"}})
