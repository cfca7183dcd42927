"""Time to the first streamed text in a real browser: `make bench-browser` or
`python -m eval.bench_browser [--data-dir D] [--set dev] [--limit N] [--surface chat|widget|both]`.

A live server (real index, real local LLM, warmed as `policyqa serve` warms it) on loopback, and
Debian's Chromium driven by playwright, used as a person would: one page per surface, each
question typed, sent, read to its end, then "新对话" for the next. The clock starts at the click
and stops when the answer bubble shows text other than the "…" placeholder. The server records
each answer's route and whether the LLM ran, so the figures split into answers from item fields
and answers that waited for the model (kept, or replaced by the quoted source when the draft
failed). Chromium shares the two cores with the server here, which a portal user's browser does
not. Printed as JSON; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from eval.chromium import ARGS, CHROMIUM

NEW_CONVERSATION = {"chat": "#pq-new", "widget": "#policyqa-widget .new"}
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
    from eval.live_server import LiveServer, free_port
    from index.service import open_searcher
    from ui.server import ensure_index
    from ui.services import Services
    from ui.settings import load

    port = free_port()
    settings = load({"data_dir": data_dir, "port": port, "rate_limit_per_minute": 0})
    ensure_index(settings)
    services = Services(settings, searcher=open_searcher(data_dir))
    assistant = services.assistant
    assistant.warm_up()  # as `policyqa serve` does at start
    paths: dict[str, tuple[str, bool, float | None]] = {}  # question -> (route, LLM ran, server first text)
    stream = assistant.stream

    def recording_stream(question, **kwargs):
        started, first = time.perf_counter(), None
        for event in stream(question, **kwargs):
            if first is None and (event["type"] == "final" or event.get("text")):
                first = time.perf_counter() - started
            if event["type"] == "final":
                answer = event["answer"]
                paths[question] = (answer.path, answer.timings.get("generate_s", 0) > 0, first)
            yield event

    assistant.stream = recording_stream
    server = LiveServer(services, port).start()
    return server.base, paths, server


def open_surface(browser, base: str, surface: str):
    url, box, _, _ = SURFACES[surface]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.goto(base + url, wait_until="load")
    if surface == "widget":
        page.locator("#policyqa-widget .btn").click()
    page.locator(box).wait_for(timeout=30000)
    page.wait_for_timeout(2000)  # the page has loaded and settled before the first question
    return page


# Timed inside the page: a click listener starts the clock and a MutationObserver stops it at the
# first visible answer text. (Polling the DOM from Python 50 times a second cost a third of a core,
# which the model then lacked.)
ARM = """([root, newest, question]) => {
  const scope = root === 'widget' ? document.querySelector('#policyqa-widget').shadowRoot : document.body;
  window.__pq = {start: null, first: null};
  const check = () => {
    const text = eval(newest);
    if (window.__pq.start !== null && window.__pq.first === null && text && text !== '…'
        && text !== '...' && !text.includes(question)) {
      window.__pq.first = performance.now() - window.__pq.start;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(scope, {subtree: true, childList: true, characterData: true});
  return true;
}"""


def first_text(page, surface: str, question: str, paths: dict, timeout_s: float = 60.0) -> float | None:
    _, box, send, newest = SURFACES[surface]
    page.locator(NEW_CONVERSATION[surface]).click()  # no follow-up of the previous question
    page.locator(box).fill(question)
    page.wait_for_timeout(500)  # typing is not part of the wait
    page.evaluate(ARM, [surface, newest, question])
    page.locator(send).evaluate("b => b.addEventListener('click', () => { window.__pq.start = performance.now(); },"
                                " {capture: true, once: true})")
    page.locator(send).click()
    seconds = None
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        ms = page.evaluate("window.__pq.first")
        if ms is not None:
            seconds = ms / 1000
            break
        time.sleep(0.25)
    # The answer finishes before the next question: one never waits behind another.
    while question not in paths and time.time() < deadline:
        time.sleep(0.25)
    page.wait_for_timeout(1000)  # the reader reads
    return seconds


GROUPS = {  # name -> which rows
    "from_fields": lambda r: r["path"] == "fields",
    "no_llm_other": lambda r: r["path"] != "fields" and not r["llm_ran"],  # quotes, refusals, summaries
    "llm_ran": lambda r: r["llm_ran"],  # waited for the model, whatever became of its draft
    "llm_kept": lambda r: r["path"] == "llm",
}


def niced_chromium() -> str:
    """A wrapper that starts Chromium at the lowest CPU priority: the model keeps both cores, as
    it would when the browser is on a civil servant's PC rather than on the server."""
    import os
    import tempfile

    path = os.path.join(tempfile.mkdtemp(prefix="policyqa-chromium-"), "chromium")
    with open(path, "w") as f:
        f.write(f'#!/bin/sh\nexec nice -n 19 {CHROMIUM} "$@"\n')
    os.chmod(path, 0o755)
    return path


def summarise(rows: list[dict]) -> dict:
    out = {}
    for surface in sorted({r["surface"] for r in rows}):
        for name, member in GROUPS.items():
            times = [r["first_text_s"] for r in rows if r["surface"] == surface and member(r)
                     and r["first_text_s"] is not None]
            server = [r["server_first_text_s"] for r in rows if r["surface"] == surface
                      and member(r) and r["server_first_text_s"] is not None]
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
    parser.add_argument("--nice-browser", action="store_true",
                        help="run Chromium at nice 19, as if it ran on the reader's own computer")
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
        browser = p.chromium.launch(executable_path=niced_chromium() if args.nice_browser else CHROMIUM, args=ARGS)
        for surface in surfaces:
            page = open_surface(browser, base, surface)
            for question in questions:
                seconds = first_text(page, surface, question, paths)
                path, llm_ran, server_s = paths.pop(question, ("?", False, None))
                rows.append({"surface": surface, "question": question, "path": path, "llm_ran": llm_ran,
                             "first_text_s": None if seconds is None else round(seconds, 3),
                             "server_first_text_s": None if server_s is None else round(server_s, 3)})
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
            page.close()
        browser.close()
    server.stop()
    result = {"first_text_in_browser_s": summarise(rows), "questions": len(questions),
              "browser": "nice 19" if args.nice_browser else "same priority as the server"}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({**result, "rows": rows}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
