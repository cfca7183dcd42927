"""The OpenAI-compatible backend (the `openai` package) against servers that misbehave (fast, a
server of the test's own) and against a real one: llama-cpp-python's `python -m llama_cpp.server`
serving the local model on loopback, started and stopped here (slow)."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from corpus.errors import BackendError

MESSAGES = [{"role": "user", "content": "谁牵头?"}]


@contextmanager
def _llm_against(do_post, path: str = "", **options):
    """An OpenAICompatLLM pointed at a loopback server whose POST handler is `do_post`."""
    from assistant.llm.openai_compat import OpenAICompatLLM

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            do_post(self)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield OpenAICompatLLM(f"http://127.0.0.1:{server.server_port}{path}", **options)
    finally:
        server.shutdown()


def test_garbage_stream_is_a_backend_error():
    def garbage(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.end_headers()
        h.wfile.write(b"data: {not json at all\n\n")

    with _llm_against(garbage, timeout=5, max_retries=0) as llm:
        with pytest.raises(BackendError, match="not an OpenAI chat stream"):
            list(llm.stream(MESSAGES))


def test_error_status_is_retried_then_reported():
    calls = []

    def failing(h):
        calls.append(1)
        h.send_response(503)
        h.send_header("Content-Type", "application/json")
        body = json.dumps({"error": {"message": "overloaded"}}).encode()
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    with _llm_against(failing, timeout=5, max_retries=1) as llm:
        with pytest.raises(BackendError, match="answered 503"):
            list(llm.stream(MESSAGES))
    assert len(calls) == 2  # one retry


def test_silent_server_times_out_within_the_limit():
    def silent(h):
        time.sleep(5)

    with _llm_against(silent, timeout=1, max_retries=0) as llm:
        started = time.perf_counter()
        with pytest.raises(BackendError, match="did not answer within"):
            list(llm.stream(MESSAGES))
        assert time.perf_counter() - started < 4


def test_api_key_comes_from_the_environment(monkeypatch):
    seen = {}

    def capture(h):
        seen["auth"] = h.headers.get("Authorization")
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.end_headers()
        h.wfile.write(b'data: {"choices": [{"index": 0, "delta": {"content": "ok"}}]}\n\ndata: [DONE]\n\n')

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("POLICYQA_OPENAI_API_KEY", "sk-test-123")
    with _llm_against(capture, path="/v1") as llm:
        text = "".join(llm.stream(MESSAGES))
    assert text == "ok" and seen["auth"] == "Bearer sk-test-123"


@pytest.fixture(scope="module")
def llama_server(model_cache, tmp_path_factory):
    """`python -m llama_cpp.server` with the local model, on a free loopback port."""
    from assistant.llm.model_file import ensure_model
    from eval.live_server import free_port

    model = ensure_model(model_cache)
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", "qwen",
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2",
             "--verbose", "False"], stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/v1/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline:
                raise RuntimeError("llama_cpp.server did not start within 120 s")
            time.sleep(0.5)
        yield proc, base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_real_llama_cpp_server_streams_and_drafts(llama_server, hash_index):
    from assistant.core import Assistant
    from assistant.llm.openai_compat import OpenAICompatLLM
    from index.service import open_searcher

    proc, base = llama_server
    llm = OpenAICompatLLM(base, model="qwen", timeout=60)
    pieces = list(llm.stream([{"role": "user", "content": "用一个词回答:1加1等于几?"}], max_tokens=8))
    assert len(pieces) >= 1 and "".join(pieces).strip()

    assistant = Assistant(open_searcher(hash_index, embed_model="hash"), llm=llm)
    answer = assistant.answer("新密市要在什么时候前基本建成全市基层政务公开标准体系?")
    assert answer.status == "answered" and "2023年底" in answer.text
    assert answer.timings["generate_s"] > 0  # the server was asked
    assert all(c.item.locality == "新密市" for c in answer.citations)

    # The server goes away: the next drafted question is answered from the quoted source, quickly.
    proc.terminate()
    proc.wait(timeout=20)
    started = time.perf_counter()
    answer = assistant.answer("新密市要在什么时候前基本建成全市基层政务公开标准体系?")
    assert answer.path == "extractive" and "2023年底" in answer.text
    assert answer.text.startswith("(生成模型暂时不可用")  # the reader is told why
    assert time.perf_counter() - started < assistant.generation_timeout_s
