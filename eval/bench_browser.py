"""Time to the first streamed text in a real browser: `make bench-browser` or
`python -m eval.bench_browser [--data-dir D] [--set dev] [--limit N] [--surface chat|widget|both]`.

A live server (real index, real local LLM, warmed as `policyqa serve` warms it) on loopback, and
Debian's Chromium driven by playwright. For every question, a fresh page: type it, click send,
and poll the answer bubble until it shows text other than the "…" placeholder; the clock starts at
the click. The route each answer took (fields / llm / extractive / refusal) is recorded on the
server side, so the figures split into "answers from item fields" and "answers that went through
the LLM" (whether or not its draft survived verification). Printed as JSON; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import threading
import time

from eval.chromium import ARGS, CHROMIUM

POLL_S = 0.02
SURFACES = {
    # page, input, send button, JS returning the text of the newest answer bubble
    "chat": ("/chat/", "#pq-input textarea", "#pq-send",
             "(() => { const b = document.querySelectorAll('#pq-chat [data-testid=\"bot\"]');"
             " return b.length ? b[b.length - 1].innerText.trim() : ''; })()"),
    "widget": ("/demo/portal.html", "#policyqa-widget textarea", "#policyqa-widget .send",
               "(() => { const r = document.querySelector('#policyqa-widget').shadowRoot;"
               " const b = r.querySelectorAll('.msg.bot'); return b.length ? b[b.length - 1].innerText.trim() : ''; })()"),
}


def serve(data_dir: str):
    import uvicorn

    from index.service import open_searcher
    from ui.server import build_app, ensure_index
    from ui.services import Services
    from ui.settings import load

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = load({"data_dir": data_dir, "port": port, "rate_limit_per_minute": 0})
    ensure_index(settings)
    services = Services(settings, searcher=open_searcher(data_dir))
    assistant = services.assistant
    assistant.warm_up()  # as `policyqa serve` does at start
    paths: dict[str, tuple[str, float | None]] = {}  # question -> (route, server-side first text)
    stream = assistant.stream

    def recording_stream(question, **kwargs):
        started, first = time.perf_counter(), None
        for event in stream(question, **kwargs):
            if first is None and event["type"] in ("delta", "replace") and event["text"]:
                first = time.perf_counter() - started
            if event["type"] == "final":
                paths[question] = (event["answer"].path, first)
            yield event

    assistant.stream = recording_stream
    server = uvicorn.Server(uvicorn.Config(build_app(services), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    return f"http://127.0.0.1:{port}", paths, server


def first_text(browser, base: str, surface: str, question: str, paths: dict,
               timeout_s: float = 60.0) -> float | None:
    url, box, send, newest = SURFACES[surface]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page.goto(base + url, wait_until="load")
        if surface == "widget":
            page.locator("#policyqa-widget .btn").click()
        page.locator(box).wait_for(timeout=30000)
        page.locator(box).fill(question)
        page.wait_for_timeout(300)  # let the page settle: typing is not part of the wait
        started = time.perf_counter()
        page.locator(send).click()
        while time.perf_counter() - started < timeout_s:
            text = page.evaluate(newest)
            if text and text not in ("…", "...") and question not in text:
                return time.perf_counter() - started
            time.sleep(POLL_S)
        return None
    finally:
        # Let the answer finish before the next question (one never waits behind another), and
        # before closing the page (a closed page cancels its answer).
        deadline = time.time() + timeout_s
        while question not in paths and time.time() < deadline:
            time.sleep(0.1)
        page.close()


def summarise(rows: list[dict]) -> dict:
    out = {}
    groups = {"fields": ["fields"], "llm_route": ["llm", "extractive", "refusal"], "llm_kept": ["llm"]}
    for surface in sorted({r["surface"] for r in rows}):
        for name, paths in groups.items():
            times = [r["first_text_s"] for r in rows if r["surface"] == surface and r["path"] in paths
                     and r["first_text_s"] is not None]
            server = [r["server_first_text_s"] for r in rows if r["surface"] == surface
                      and r["path"] in paths and r["server_first_text_s"] is not None]
            if times:
                times.sort()
                out[f"{surface}/{name}"] = {"n": len(times), "p50": round(statistics.median(times), 2),
                                            "p90": round(times[min(len(times) - 1, int(0.9 * len(times)))], 2),
                                            "max": round(times[-1], 2),
                                            "server_p50": round(statistics.median(server), 2) if server else None}
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default=".policyqa")
    parser.add_argument("--set", default="dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--surface", choices=["chat", "widget", "both"], default="both")
    parser.add_argument("--out", default="")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from eval.gold import load_set

    questions = [q.question for q in load_set(args.set) if not q.history]
    if args.limit:
        questions = questions[: args.limit]
    base, paths, server = serve(args.data_dir)
    surfaces = ["chat", "widget"] if args.surface == "both" else [args.surface]
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for surface in surfaces:
            for question in questions:
                seconds = first_text(browser, base, surface, question, paths)
                path, server_s = paths.pop(question, ("?", None))
                rows.append({"surface": surface, "question": question, "path": path,
                             "first_text_s": None if seconds is None else round(seconds, 3),
                             "server_first_text_s": None if server_s is None else round(server_s, 3)})
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
        browser.close()
    server.should_exit = True
    result = {"first_text_in_browser_s": summarise(rows), "questions": len(questions)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({**result, "rows": rows}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
