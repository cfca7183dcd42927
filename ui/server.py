"""One FastAPI app: the Gradio page at /chat, the JSON API, the widget and a demo portal.

Served on 127.0.0.1 unless told otherwise. Sites allowed to embed the widget are listed with
--allow-origin (CORS and frame-ancestors); same origin and localhost are always allowed.
"""
from __future__ import annotations

import logging
import sys
import threading
from html import escape
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ui.admin_api import admin_guard, build_admin_router
from ui.api import build_router, error

log = logging.getLogger("policyqa.server")
MAX_BODY = 256 * 1024
LOCAL_ORIGINS = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"


def static_text(name: str) -> str:
    return resources.files("ui").joinpath("static", name).read_text("utf-8")


def build_app(services) -> FastAPI:
    settings = services.settings
    app = FastAPI(title="policyqa API", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Grounded answers over 法治政府建设 policy documents, with cited task items.")
    origins = list(settings.allow_origins)
    app.add_middleware(CORSMiddleware, allow_origins=origins, allow_origin_regex=LOCAL_ORIGINS,
                       allow_methods=["GET", "POST"], allow_headers=["Content-Type"], max_age=600)
    frame_ancestors = " ".join(["'self'", *origins])

    admin = services.admin

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        path = request.url.path
        if path == "/api/admin" or path.startswith("/api/admin/"):
            refused = admin_guard(services, request)
            if refused is not None:
                return refused
        elif admin.enabled and path.endswith("/gradio_api/upload") and length and length.isdigit() \
                and int(length) <= admin.max_bytes + 64 * 1024:
            pass  # the 文件管理 tab's uploads (the tab checks the token before using a file)
        elif length and length.isdigit() and int(length) > MAX_BODY:
            return error(413, f"请求太大(超过 {MAX_BODY // 1024} KB)。 (Request body too large.)")
        try:
            response = await call_next(request)
        except Exception:  # a bug: logged with its traceback, never shown
            log.exception("unhandled error on %s", request.url.path)
            response = error(500, "服务内部错误,请稍后再试。 (Internal error.)")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Content-Security-Policy",
                                    f"frame-ancestors {frame_ancestors}; object-src 'none'; base-uri 'self'")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', [])[1:]) or 'body'}: {e.get('msg')}"
                             for e in exc.errors()[:5])
        return error(422, f"请求格式不正确 (invalid request): {problems}")

    app.include_router(build_router(services))
    if admin.enabled:
        app.include_router(build_admin_router(services))

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/chat/")

    @app.get("/widget.js", include_in_schema=False)
    def widget():
        return Response(static_text("widget.js"), media_type="application/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=300"})

    @app.get("/demo/portal.html", include_in_schema=False)
    def portal(request: Request):
        base = (settings.public_url or str(request.base_url)).rstrip("/")
        html = static_text("portal.html").replace("{{WIDGET_SRC}}", escape(f"{base}/widget.js"))
        return HTMLResponse(html)

    @app.get("/docs", include_in_schema=False)
    def docs():
        return HTMLResponse(api_docs_html(app.openapi()))

    from ui.chat_page import mount
    return mount(app, services)


def api_docs_html(spec: dict) -> str:
    """A self-contained page from the OpenAPI spec (Swagger UI would load from a CDN)."""
    rows = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            rows.append(f"<tr><td><code>{method.upper()}</code></td><td><code>{escape(path)}</code></td>"
                        f"<td>{escape(op.get('summary', ''))}</td></tr>")
    schemas = "".join(
        f"<h3>{escape(name)}</h3><pre>{escape(str(schema.get('properties', {})))}</pre>"
        for name, schema in spec.get("components", {}).get("schemas", {}).items()
        if name in ("AskRequest", "FeedbackRequest", "Turn", "ConfirmRequest", "CorrectionRequest"))
    return (f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>{escape(spec['info']['title'])}</title>"
            "<body style='font-family:sans-serif;max-width:900px;margin:24px auto'>"
            f"<h1>{escape(spec['info']['title'])}</h1><p>{escape(spec['info'].get('description', ''))}</p>"
            "<p>Machine-readable spec: <a href='/openapi.json'>/openapi.json</a></p>"
            "<table border='1' cellpadding='6' style='border-collapse:collapse'>"
            "<tr><th>method</th><th>path</th><th>what</th></tr>" + "".join(rows) + "</table>"
            + schemas + "</body></html>")


def ensure_index(settings) -> None:
    """`make run` on a fresh machine: index the bundled corpus when there is no index yet."""
    from index.library import Library
    from index.service import open_store

    store = open_store(settings.data_dir, settings.chroma_url, settings.embed_model, settings.threads)
    if store.current_build() is None:
        print("no index yet: indexing the bundled corpus (about a minute)…", file=sys.stderr)
        report = Library(settings.data_dir).rebuild(store, progress=sys.stderr.isatty())
        print(report.summary(), file=sys.stderr)


def serve(settings) -> int:
    import uvicorn

    from ui.services import Services

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ensure_index(settings)
    services = Services(settings)
    services.assistant  # load models before the first visitor, not during their question
    threading.Thread(target=services.assistant.warm_up, name="warm-up", daemon=True).start()
    app = build_app(services)
    base = settings.public_url or f"http://{settings.host}:{settings.port}"
    print(f"\n  chat page : {base}/chat/\n  API docs  : {base}/docs\n  demo      : {base}/demo/portal.html\n"
          f"  embed     : <script src=\"{base}/widget.js\" data-title=\"法治政府建设问答\" "
          f"data-locality=\"\" async></script>\n", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
    return 0
