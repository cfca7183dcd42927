"""Load test on loopback only: N concurrent clients asking a mix of questions for a fixed time.

    python -m eval.load [--clients 30] [--seconds 120] [--url http://127.0.0.1:7860]

Without --url it starts its own server (real index and model) on a free loopback port. Bounded in
count and time; it stops by itself. Reports throughput, p50/p95 per answer path, errors (429s are
counted apart: they are the rate limit working), feedback rows written and read back, and RSS.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import socket
import statistics
import threading
import time
from urllib.parse import urlparse

QUESTIONS = [
    "行政复议体制改革由哪个单位牵头?", "新密市政府督查工作谁牵头?", "县司法局牵头哪些任务?",
    "阜康市推广双随机一公开的牵头单位是哪个?", "行政执法人员每年培训不少于多少学时?",
    "新密市对行政规范性文件的集中评查多久搞一次?", "伊犁州人民调解成功率是多少?",
    "绿园区的行政复议体制改革由谁牵头?", "乌鲁木齐县每年几月几日前公开法治政府建设报告?",
]


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else 0.0


def start_server(rate_limit: int) -> tuple[str, object]:
    import uvicorn

    from ui.server import build_app, ensure_index
    from ui.services import Services
    from ui.settings import from_env
    from dataclasses import replace

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = replace(from_env(), port=port, rate_limit_per_minute=rate_limit,
                       data_dir=from_env().data_dir)
    ensure_index(settings)
    services = Services(settings)
    services.assistant
    server = uvicorn.Server(uvicorn.Config(build_app(services), host="127.0.0.1", port=port, log_level="warning",
                                           limit_concurrency=200))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    return f"http://127.0.0.1:{port}", services


def main() -> int:
    import httpx

    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--url", default="")
    parser.add_argument("--rate-limit", type=int, default=0, help="per-client limit for the started server")
    args = parser.parse_args()
    host = urlparse(args.url).hostname if args.url else "127.0.0.1"
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("load tests target loopback only")
    base, services = (args.url, None) if args.url else start_server(args.rate_limit)

    results: list[tuple[str, float, int]] = []
    feedback_sent = [0]
    lock = threading.Lock()
    stop_at = time.time() + args.seconds

    def client(n: int) -> None:
        rnd = random.Random(n)
        with httpx.Client(timeout=120) as http:
            while time.time() < stop_at:
                question = rnd.choice(QUESTIONS)
                t = time.perf_counter()
                try:
                    r = http.post(f"{base}/api/ask", json={"question": question})
                    path = r.json().get("path", "?") if r.status_code == 200 else str(r.status_code)
                    code = r.status_code
                except Exception as exc:  # counted as an error
                    path, code = f"error:{exc.__class__.__name__}", 0
                with lock:
                    results.append((path, time.perf_counter() - t, code))
                if code == 200 and rnd.random() < 0.2:
                    f = http.post(f"{base}/api/feedback", json={"rating": "up", "question": question,
                                                                "answer": r.json()["answer"], "source": "api"})
                    if f.status_code == 200:
                        with lock:
                            feedback_sent[0] += 1

    before = len(services.feedback.all()) if services else 0
    started = time.time()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    by_path: dict[str, list[float]] = {}
    for path, seconds, _ in results:
        by_path.setdefault(path, []).append(seconds)
    report = {
        "clients": args.clients, "seconds": round(elapsed, 1), "requests": len(results),
        "throughput_rps": round(len(results) / elapsed, 2),
        "errors": sum(1 for _, _, c in results if c not in (200, 429)),
        "rate_limited_429": sum(1 for _, _, c in results if c == 429),
        "latency_s": {p: {"n": len(v), "p50": round(statistics.median(v), 3), "p95": round(pct(v, 0.95), 3)}
                      for p, v in sorted(by_path.items())},
        "feedback_sent": feedback_sent[0],
        "feedback_stored": (len(services.feedback.all()) - before) if services else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
