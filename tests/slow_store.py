"""A child process's store whose embedding is slowed down, so a test can kill it mid-write.

`script(delay_s, batch, body)` is the Python source a test runs with `python -c`; argv[1] is the
data dir, and `body` (using `store`) prints "started" before the slow part."""

PRELUDE = """
import sys, time
from pathlib import Path
from index import ingest as ing
from index.ingest import corpus_documents, ingest
from index.library import Library
from index.service import open_store
ing.EMBED_BATCH = {batch}
store = open_store(sys.argv[1], embed_model="hash")
real = store.embedder.embed_passages
def slow(texts):
    time.sleep({delay_s})
    return real(texts)
store.embedder.embed_passages = slow
"""


def script(delay_s: float, batch: int, body: str) -> str:
    return PRELUDE.format(delay_s=delay_s, batch=batch) + body
