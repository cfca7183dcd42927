"""The JSON API: /api/ask (+ SSE stream), /api/items, /api/feedback, /healthz.

Every answer uses the assistant's one schema (`Answer.to_dict()`). User-facing failures are
4xx with {"error": message}; nothing else of the server's insides is ever sent.
"""
from __future__ import annotations

import json
import uuid
from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from corpus.errors import PolicyQAError
from corpus.select import filter_items


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20000)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(description="The question, in Chinese or English")
    locality: str | None = Field(default=None, description="Prefer this locality when the question names none")
    history: list[Turn] | None = Field(default=None, max_length=20, description="Earlier turns, for follow-ups")


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: Literal["up", "down"]
    question: str = Field(max_length=4000)
    answer: str = Field(max_length=20000)
    citations: list[dict] | None = Field(default=None, max_length=50)
    comment: str = Field(default="", max_length=2000)
    answer_id: str | None = None
    source: Literal["page", "widget", "api"] = "api"


def error(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def build_router(services) -> APIRouter:
    router = APIRouter()

    def limited(request: Request):
        wait = services.limiter.check(client_of(request))
        if wait:
            return error(429, "请求太频繁,请稍后再试。 (Too many requests.)", {"Retry-After": str(int(wait) + 1)})
        return None

    def history_of(body: AskRequest):
        return [t.model_dump() for t in body.history] if body.history else None

    @router.post("/api/ask", tags=["answers"], summary="Answer a question with cited task items")
    def ask(body: AskRequest, request: Request):
        if (refused := limited(request)) is not None:
            return refused
        try:
            answer = services.assistant.answer(body.question, locality=body.locality or "",
                                               history=history_of(body), id=uuid.uuid4().hex[:12])
        except PolicyQAError as err:
            return error(err.status_code, str(err))
        return answer.to_dict()

    @router.post("/api/ask/stream", tags=["answers"],
                 summary="The same answer as server-sent events: delta / replace, then final")
    def ask_stream(body: AskRequest, request: Request):
        if (refused := limited(request)) is not None:
            return refused
        answer_id = uuid.uuid4().hex[:12]
        try:
            events = services.assistant.stream(body.question, locality=body.locality or "",
                                               history=history_of(body), id=answer_id)
            first = next(events)  # bad questions fail here, as a 4xx rather than a broken stream
        except PolicyQAError as err:
            return error(err.status_code, str(err))

        def sse():
            for event in _chain(first, events):
                if event["type"] == "final":
                    yield _sse("final", event["answer"].to_dict())
                else:
                    yield _sse(event["type"], {"text": event["text"]})

        return StreamingResponse(sse(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    @router.get("/api/items", tags=["items"], summary="Task items by locality, unit and role (JSON or CSV)")
    def items(locality: str = "", unit: str = Query("", max_length=60), doc: str = "",
              role: Literal["lead", "responsible", "participating", "any"] = "any",
              q: str = Query("", max_length=100), format: Literal["json", "csv"] = "json"):
        from ui.items_view import render

        rows = filter_items(services.items, locality=locality, doc=doc, unit=unit, role=role)
        if q:
            rows = [i for i in rows if q in i.text or q in i.section_path]
        if format == "csv":
            return PlainTextResponse("\ufeff" + render(rows, "csv"), media_type="text/csv; charset=utf-8",
                                     headers={"Content-Disposition": "attachment; filename=policyqa-items.csv"})
        return [i.to_dict() for i in rows]

    @router.post("/api/feedback", tags=["feedback"], summary="Thumbs up / down on an answer")
    def feedback(body: FeedbackRequest, request: Request):
        if (refused := limited(request)) is not None:
            return refused
        try:
            row = services.feedback.add(body.rating, body.question, body.answer, body.citations,
                                        body.comment, body.source)
        except PolicyQAError as err:
            return error(err.status_code, str(err))
        return {"ok": True, "id": row}

    @router.get("/healthz", tags=["service"], summary="Liveness and what is loaded")
    def healthz():
        try:
            return services.health()
        except PolicyQAError as err:
            return error(503, str(err))

    return router


def _chain(first, rest):
    yield first
    yield from rest


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
