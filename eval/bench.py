"""Speed and memory figures (printed, not asserted): `make bench` or `python -m eval.bench`.

Measures, on this machine: parsing; cold ingest and its peak RSS (in a child process);
re-ingest with nothing changed; warm search latency; upload-to-answerable of a 30-item .docx through
the admin API; answer latency per path, time to the first streamed event over HTTP (SSE) for field
and LLM answers; model load; peak RSS of the server. `python -m eval.bench upload` runs only the
cold ingest and the upload figure.
"""
from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CHILD_INGEST = """
import json, resource, sys, time
from index.ingest import corpus_documents, ingest
from index.service import open_store
data = sys.argv[1]
t = time.perf_counter(); store = open_store(data); r1 = ingest(store, store.embedder, corpus_documents(data), progress=False)
cold = time.perf_counter() - t
t = time.perf_counter(); r2 = ingest(store, store.embedder, corpus_documents(data), progress=False)
warm = time.perf_counter() - t
print(json.dumps({"cold_s": cold, "chunks": r1.chunks, "unchanged_s": warm, "unchanged": r2.unchanged,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    from corpus.parse import load_corpus
    from eval.gold import load_set

    figures: dict = {}
    t = time.perf_counter()
    for _ in range(5):
        load_corpus()
    figures["parse_all_five_ms"] = (time.perf_counter() - t) / 5 * 1000

    data = tempfile.mkdtemp(prefix="policyqa-bench-")
    out = subprocess.run([sys.executable, "-c", CHILD_INGEST, data], capture_output=True, text=True, check=True)
    figures["ingest"] = json.loads(out.stdout.strip().splitlines()[-1])

    figures["upload_to_answerable_s"] = upload_to_answerable(data)
    print(f"upload to answerable, 30-item .docx: {figures['upload_to_answerable_s']['total_s']:.1f} s "
          "(bar 15 s)", file=sys.stderr)
    if sys.argv[1:] == ["upload"]:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0

    from assistant.core import Assistant
    from assistant.llm.factory import make_llm
    from index.service import open_searcher
    from ui.settings import from_env

    searcher = open_searcher(data)
    questions = [q.question for q in load_set("all")]
    for q in questions[:5]:
        searcher.search(q)
    times = []
    for q in questions:
        t = time.perf_counter()
        searcher.search(q)
        times.append((time.perf_counter() - t) * 1000)
    figures["search_ms"] = {"p50": statistics.median(times), "p95": pct(times, 0.95), "n": len(times)}

    t = time.perf_counter()
    llm = make_llm("local", from_env().model_cache)
    figures["model_load_s"] = time.perf_counter() - t
    assistant = Assistant(searcher, llm=llm)
    assistant.warm_up()  # as `policyqa serve` does at start
    by_path: dict[str, list[float]] = {}
    first_text: dict[str, list[float]] = {}
    for q in load_set("dev"):
        t = time.perf_counter()
        first = None
        for event in assistant.stream(q.question):
            if first is None and (event["type"] == "final" or event.get("text")):
                first = time.perf_counter() - t
            if event["type"] == "final":
                path = event["answer"].path
        by_path.setdefault(path, []).append(time.perf_counter() - t)
        first_text.setdefault(path, []).append(first)
    figures["answer_s"] = {p: {"n": len(v), "p50": statistics.median(v), "p90": pct(v, 0.9),
                               "first_text_p50": statistics.median(first_text[p])} for p, v in by_path.items()}
    figures["sse_first_event_s"] = sse_first_event(searcher, llm)
    figures["peak_rss_mb_search_llm_server"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


def upload_to_answerable(data: str, items: int = 30) -> dict:
    """A 30-item .docx through the admin API on a live server (a copy of the bench index): preview,
    confirm, then /api/ask until its item is cited. The clock runs from the first byte sent."""
    import httpx

    from eval.live_server import LiveServer, free_port
    from eval.sample_docx import make_plan
    from index.service import open_searcher
    from ui.services import Services
    from ui.settings import load

    copy = tempfile.mkdtemp(prefix="policyqa-bench-upload-")
    shutil.copytree(data, copy, dirs_exist_ok=True)
    port = free_port()
    settings = load({"data_dir": copy, "port": port, "rate_limit_per_minute": 0, "llm": "none",
                     "admin_token": "bench"})
    services = Services(settings, searcher=open_searcher(copy))
    services.assistant.warm_up()  # as `policyqa serve` does at start
    server = LiveServer(services, port).start()
    plan = make_plan(f"{copy}/plan.docx", items=items, key_lead="县数据资源局")
    auth = {"Authorization": "Bearer bench"}
    with httpx.Client(timeout=300, base_url=server.base) as client:
        client.get("/api/admin/documents", headers=auth).raise_for_status()
        t = time.perf_counter()
        r = client.post("/api/admin/documents/preview", headers=auth, data={"locality": "青禾县"},
                        files={"file": (plan.name, plan.read_bytes())})
        r.raise_for_status()
        preview = time.perf_counter() - t
        client.post("/api/admin/documents", headers=auth, json={"preview_id": r.json()["preview_id"]}).raise_for_status()
        confirm = time.perf_counter() - t
        answer = client.post("/api/ask", json={"question": "青禾县智慧普法云平台建设由哪个单位牵头?"}).json()
        total = time.perf_counter() - t
    server.stop()
    cited = any("县数据资源局" in (c["lead_units"] or []) for c in answer["citations"])
    return {"items_in_preview": len(r.json()["items"]), "preview_s": preview, "confirm_s": confirm,
            "total_s": total, "answered_with_its_unit": cited}


def sse_first_event(searcher, llm) -> dict:
    """Time to the first streamed event over HTTP, as the page and the widget receive it."""
    import httpx

    from eval.live_server import LiveServer, free_port
    from ui.services import Services
    from ui.settings import load

    port = free_port()
    settings = load({"data_dir": tempfile.mkdtemp(), "port": port, "rate_limit_per_minute": 0})
    server = LiveServer(Services(settings, searcher=searcher, llm=llm), port).start()
    result = {}
    cases = {"fields": "新密市政府督查工作谁牵头?", "llm": "新密市对行政规范性文件的集中评查多久搞一次?"}
    with httpx.Client(timeout=120) as client:
        for name, question in cases.items():
            t = time.perf_counter()
            with client.stream("POST", f"{server.base}/api/ask/stream", json={"question": question}) as r:
                for line in r.iter_lines():
                    if line.startswith("data:") and '"text": ""' not in line:  # the first visible text
                        result[name] = time.perf_counter() - t
                        break
    server.stop()
    return result


if __name__ == "__main__":
    sys.exit(main())
