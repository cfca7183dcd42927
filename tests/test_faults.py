"""Faults: a killed ingest, a corrupted data dir. The previous index keeps serving; the next
ingest completes; a broken data dir gets a message saying what to run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from corpus.errors import PolicyQAError
from index.ingest import corpus_documents, ingest
from index.search import Searcher
from index.service import open_searcher, open_store
from slow_store import script

SLOW_INGEST = script(0.05, 4, """
print("started", flush=True)
ingest(store, store.embedder, corpus_documents(sys.argv[1]), rebuild=True, progress=False)
print("finished", flush=True)
""")


def test_kill_9_during_ingest_keeps_the_previous_index(tmp_path):
    data = str(tmp_path)
    store = open_store(data, embed_model="hash")
    ingest(store, store.embedder, corpus_documents(data)[:3], progress=False)
    before = store.current_build()["name"]
    child = subprocess.Popen([sys.executable, "-c", SLOW_INGEST, data], stdout=subprocess.PIPE, text=True,
                             cwd=os.getcwd())
    assert child.stdout.readline().strip() == "started"
    time.sleep(1.5)  # well inside the embedding loop
    child.send_signal(signal.SIGKILL)
    child.wait()
    store = open_store(data, embed_model="hash")
    assert store.current_build()["name"] == before  # the old build still serves
    assert Searcher(store, store.embedder).search("行政复议", k=3)
    report = ingest(store, store.embedder, corpus_documents(data), progress=False)  # the next one completes
    assert not report.unchanged and store.current_build()["name"] == report.build
    assert store.builds() == sorted([before, report.build])  # stale half builds were dropped


def test_corrupted_data_dir_is_a_clear_message(tmp_path):
    chroma = tmp_path / "chroma"
    chroma.mkdir()
    (chroma / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(PolicyQAError, match="--rebuild|ingest"):
        open_searcher(str(tmp_path), embed_model="hash")


def test_rebuild_recovers_a_corrupted_data_dir(tmp_path, capsys):
    from ui.cli import main

    chroma = tmp_path / "chroma"
    chroma.mkdir()
    (chroma / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["search", "行政复议", "--data-dir", str(tmp_path), "--embed-model", "hash"]) == 1
    assert "ingest --rebuild" in capsys.readouterr().err
    assert main(["ingest", "--rebuild", "--data-dir", str(tmp_path), "--embed-model", "hash"]) == 0
    assert main(["search", "行政复议", "--data-dir", str(tmp_path), "--embed-model", "hash", "--json"]) == 0
    assert list(tmp_path.glob("chroma.broken-*"))  # the broken files were kept aside
