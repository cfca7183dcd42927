"""The admin JSON API under /api/admin/…, `Authorization: Bearer TOKEN` on every call.

Mounted only when a token is configured; `admin_guard` (in the server's middleware) answers 404
for every /api/admin path when none is, and 401 for a missing or wrong token, before a body is read.
"""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from corpus.errors import PolicyQAError
from ui.admin import AuthError, TooLargeError, feedback_csv

PREFIX = "/api/admin"
CHUNK = 1024 * 1024


class ConfirmRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    preview_id: str = Field(max_length=40)
    title: str | None = Field(default=None, max_length=200)
    locality: str | None = Field(default=None, max_length=40)
    level: str | None = Field(default=None, max_length=10)
    date: str | None = Field(default=None, max_length=40)
    doc_no: str | None = Field(default=None, max_length=80)


class CorrectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lead_units: list[str] | None = Field(default=None, max_length=30)
    responsible_units: list[str] | None = Field(default=None, max_length=30)
    participating_units: list[str] | None = Field(default=None, max_length=30)
    preview_id: str | None = Field(default=None, max_length=40, description="correct an item of a preview")


class HideRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hidden: bool = True


def bearer(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    return auth[7:].strip() if auth[:7].lower() == "bearer " else ""


def admin_guard(services, request: Request):
    """None when the request may go on, else the error response. Runs before the body is read."""
    from ui.api import error

    admin = services.admin
    if not admin.enabled:
        return error(404, "Not Found")
    try:
        request.state.admin = admin.who(bearer(request))
    except AuthError as err:
        return error(401, str(err), {"WWW-Authenticate": "Bearer"})
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > admin.max_bytes + 64 * 1024:
        return error(413, f"文件超过上传上限 {admin.max_bytes // 2**20} MB。 (Upload limit is {admin.max_bytes // 2**20} MB.)")
    return None


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The file, read in pieces so a body without a Content-Length still stops at the limit."""
    parts, size = [], 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise TooLargeError(f"文件超过上传上限 {limit // 2**20} MB。 (Upload limit is {limit // 2**20} MB.)")
        parts.append(chunk)
    return b"".join(parts)


def build_admin_router(services) -> APIRouter:
    from fastapi.concurrency import run_in_threadpool

    from ui.api import error

    router = APIRouter(prefix=PREFIX, tags=["admin"])
    admin = services.admin

    async def run(fn, *args, **kwargs):
        try:
            return await run_in_threadpool(fn, *args, **kwargs)
        except PolicyQAError as err:
            return error(err.status_code, str(err))

    @router.post("/documents/preview", summary="Parse an upload and show its metadata, items and warnings; nothing is indexed")
    async def preview(request: Request, file: UploadFile = File(...), locality: str = Form("", max_length=40),
                      title: str = Form("", max_length=200), replaces: str = Form("", max_length=40)):
        try:
            data = await read_upload(file, admin.max_bytes)
        except PolicyQAError as err:
            return error(err.status_code, str(err))
        return await run(admin.preview, data, file.filename or "upload", request.state.admin,
                         locality=locality, title=title, replaces=replaces)

    @router.get("/documents/preview/{preview_id}", summary="A preview again, with the corrections made so far")
    async def preview_again(preview_id: str):
        return await run(services.library.preview_view, preview_id)

    @router.delete("/documents/preview/{preview_id}", summary="Cancel a preview: nothing changes")
    async def cancel(preview_id: str):
        result = await run(services.library.cancel, preview_id)
        return result if result is not None else {"ok": True}

    @router.post("/documents", summary="Confirm a preview (with metadata edits): index it, answerable at once")
    async def confirm(body: ConfirmRequest, request: Request):
        edits = body.model_dump(exclude={"preview_id"}, exclude_none=True)
        return await run(admin.confirm, body.preview_id, edits, request.state.admin)

    @router.get("/documents", summary="Every document: bundled, added, hidden; items and units served")
    async def documents():
        return await run(admin.documents)

    @router.get("/documents/{doc_id}/items", summary="The items served from one document, with corrections")
    async def items(doc_id: str):
        return await run(admin.items_of, doc_id)

    @router.put("/documents/{doc_id}", summary="Replace a document by a new version (atomic; 409 when busy)")
    async def replace(doc_id: str, request: Request, file: UploadFile = File(...)):
        try:
            data = await read_upload(file, admin.max_bytes)
        except PolicyQAError as err:
            return error(err.status_code, str(err))
        return await run(admin.replace, doc_id, data, file.filename or "upload", request.state.admin)

    @router.delete("/documents/{doc_id}", summary="Delete an added document (bundled ones: 409, hide them)")
    async def delete(doc_id: str):
        result = await run(admin.delete, doc_id)
        return result if result is not None else {"ok": True, "deleted": doc_id}

    @router.post("/documents/{doc_id}/hide", summary="Hide (or show again) a document, bundled ones included")
    async def hide(doc_id: str, body: HideRequest):
        return await run(admin.hide, doc_id, body.hidden)

    @router.patch("/items/{item_id}", summary="Correct an item's units (kept as 人工校正; survives re-ingest)")
    async def correct(item_id: str, body: CorrectionRequest, request: Request):
        fixed = body.model_dump(exclude={"preview_id"}, exclude_none=True)
        return await run(admin.correct, item_id, fixed, request.state.admin, body.preview_id or "")

    @router.get("/feedback", summary="Answers marked 有误, newest first (JSON or CSV)")
    async def feedback(locality: str = Query("", max_length=40), since: str = Query("", max_length=10),
                       until: str = Query("", max_length=10), rating: Literal["down", "up", ""] = "down",
                       format: Literal["json", "csv"] = "json"):
        rows = admin.feedback(locality, since, until, rating)
        if format == "csv":
            return PlainTextResponse(feedback_csv(rows), media_type="text/csv; charset=utf-8",
                                     headers={"Content-Disposition": "attachment; filename=policyqa-feedback.csv"})
        return rows

    return router
