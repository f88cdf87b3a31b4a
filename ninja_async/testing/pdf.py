"""A real, minimal PDF-1.4 for `GET /download/{invoice_id}` (spec §6.7), built by hand.

One page, Helvetica, a few text lines naming the document and its amount; the cross-reference
table carries the true byte offset of every object so strict readers accept it.
"""

from __future__ import annotations

import email.utils

from aiohttp import web

from .store import Row
from .transformers import invoice_filename


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` (Latin-1 text)."""
    shown = " 0 -22 Td ".join(f"({_escape(line)}) Tj" for line in lines)
    content = f"BT /F1 16 Tf 72 720 Td {shown} ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def invoice_pdf(row: Row) -> bytes:
    label = "Quote" if row.f.get("invoice_type_id") == 2 else "Invoice"
    amount = float(row.f.get("amount") or 0)
    return build_pdf([f"{label} {row.f.get('invoice_number', '')}", f"Amount: {amount:.2f}"])


def pdf_response(row: Row) -> web.Response:
    """The download headers `fileReponse` sets (application/pdf, attachment filename)."""
    body = invoice_pdf(row)
    return web.Response(
        body=body,
        headers={
            "Content-Type": "application/pdf",
            "Content-Disposition": f'attachment; filename="{invoice_filename(row)}"',
            "Cache-Control": "public, must-revalidate, max-age=0",
            "Last-Modified": email.utils.formatdate(row.updated_at, usegmt=True),
        },
    )
