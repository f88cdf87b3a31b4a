"""Documents (spec §6.8): multipart upload, streaming the file back, hard delete, no update.

Files live in memory (``Account.files``). Accepted extensions and their MIME types are those of
`Document::$types`; another type, or a file over 10 MB, crashes the v4 transformer (a 500).
Image width and height are not measured (always 0).
"""

from __future__ import annotations

from aiohttp import web

from .call import Call
from .constants import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES
from .errors import ServerError
from .inputs import to_int
from .resources import Resource
from .validation import Rules


class Documents(Resource):
    name = "documents"
    kind = "document"

    async def show(self, call: Call) -> web.Response:
        row = self.find(call)
        return web.Response(
            body=call.account.files.get(row.public_id, b""),
            headers={"Content-Type": DOCUMENT_TYPES[str(row.f["type"])]},
        )

    async def store(self, call: Call) -> web.Response:
        upload = call.inp.files.get("file")
        Rules(call.inp).custom("file", upload is not None, "The file field is required.").check()
        assert upload is not None
        links = {}
        for key, resource in (("invoice_id", "invoices"), ("expense_id", "expenses")):
            if to_int(call.inp.get(key)):
                links[key] = call.find(call.account.table(resource), key.removesuffix("_id"), key).public_id
        content = upload.file.read()
        extension = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
        extension = "jpeg" if extension == "jpg" else extension
        if extension not in DOCUMENT_TYPES or len(content) > MAX_DOCUMENT_BYTES:
            raise ServerError("Document repository returned an error string")
        row = call.account.new_row(
            "documents",
            call.user.public_id,
            name=upload.filename,
            type=extension,
            path=f"{call.rt.rng.getrandbits(128):032x}.{extension}",
            size=len(content),
            **links,
        )
        call.account.files[row.public_id] = content
        return call.item(self.kind, row)

    async def destroy(self, call: Call) -> web.Response:
        row = self.find(call)
        response = call.item(self.kind, row)
        call.account.documents.remove(row)
        call.account.files.pop(row.public_id, None)
        return response

    async def update(self, call: Call) -> web.Response:
        raise ServerError("Call to undefined method DocumentAPIController::update()")
