"""A real `chroma run` server on loopback: ingest and search through it, and survive it restarting."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.errors import BackendError

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_chroma(path: Path, port: int) -> subprocess.Popen:
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    proc = subprocess.Popen([chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={"ANONYMIZED_TELEMETRY": "False", "PATH": "/usr/bin:/bin"})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(1)
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("chroma run did not start")


def test_ingest_and_search_through_a_chroma_server(tmp_path):
    from index.ingest import corpus_documents, ingest
    from index.search import Searcher
    from index.service import open_store

    port = free_port()
    server = start_chroma(tmp_path / "chroma-server", port)
    url = f"http://127.0.0.1:{port}"
    try:
        store = open_store(str(tmp_path / "data"), chroma_url=url, embed_model="hash")
        report = ingest(store, store.embedder, corpus_documents(str(tmp_path / "data")), progress=False)
        assert report.chunks > 200
        assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally
        searcher = Searcher(store, store.embedder)
        assert searcher.search("新密市政府督查谁牵头", k=3)[0].item.locality == "新密市"

        server.kill()
        server.wait()
        with pytest.raises(BackendError, match="not answering|Cannot reach"):
            searcher.search("新密市政府督查谁牵头", k=3)

        server = start_chroma(tmp_path / "chroma-server", port)  # back, same data
        assert searcher.search("新密市政府督查谁牵头", k=3)[0].item.locality == "新密市"  # no restart needed
    finally:
        server.kill()
