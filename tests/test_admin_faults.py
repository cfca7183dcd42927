"""`kill -9` during an admin upload: the previous build and library records keep serving, and the
next upload completes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from eval.sample_docx import make_plan
from index.ingest import corpus_documents, ingest
from index.library import Library
from index.search import Searcher
from index.service import open_store
from slow_store import script

SLOW_UPLOAD = script(0.4, 2, """
library = Library(sys.argv[1])
view = library.stage(Path(sys.argv[2]).read_bytes(), "plan.docx", locality="青禾县", by="test")
print("started", flush=True)
library.confirm(store, view["preview_id"])
print("finished", flush=True)
""")


def test_kill_9_during_an_upload_leaves_the_previous_state_serving(tmp_path):
    data = str(tmp_path / "data")
    store = open_store(data, embed_model="hash")
    ingest(store, store.embedder, corpus_documents(data)[:2], progress=False)
    before = store.current_build()["name"]
    plan = make_plan(tmp_path / "plan.docx", items=12)
    child = subprocess.Popen([sys.executable, "-c", SLOW_UPLOAD, data, str(plan)], stdout=subprocess.PIPE,
                             text=True, cwd=os.getcwd())
    assert child.stdout.readline().strip() == "started"
    time.sleep(2.0)  # inside the embedding of the new items
    child.send_signal(signal.SIGKILL)
    child.wait()
    store = open_store(data, embed_model="hash")
    assert store.current_build()["name"] == before
    library = Library(data)
    assert library.records() == {}
    searcher = Searcher(store, store.embedder)
    assert not any(i.locality == "青禾县" for i in searcher.items.values())
    # the next upload completes and serves
    view = library.stage(plan.read_bytes(), "plan.docx", locality="青禾县", by="test")
    record, report = library.confirm(store, view["preview_id"])
    assert store.current_build()["name"] == report.build != before
    searcher = Searcher(store, store.embedder)
    assert any(i.doc_id == record["key"] for i in searcher.items.values())
