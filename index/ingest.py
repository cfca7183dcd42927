"""Documents -> items -> chunks -> embeddings -> a new Chroma build, swapped in when complete.

- Incremental: vectors of unchanged chunks (same text hash, same embedder) are copied from the
  build being served, so only new text is embedded; an unchanged corpus is a no-op.
- Atomic: the new build is a separate collection; the pointer moves only after every chunk is
  in. An ingest that fails or is killed leaves the previous build serving, untouched.
- Added files are copied into `<data dir>/documents/` (with their locality and title) so the
  index can always be rebuilt from what the data dir holds.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.attachments import paired
from corpus.parse import bundled_documents, document_from_file, parse_document
from corpus.types import PolicyDoc, TaskItem
from index.bm25 import KeywordIndex, drop_except, save_beside
from index.chunks import chunk_items, signature

EMBED_BATCH = 16


@dataclass
class IngestReport:
    build: str
    documents: int
    items: int
    chunks: int
    embedded: int  # chunks that needed the model
    reused: int
    seconds: float
    unchanged: bool = False

    def summary(self) -> str:
        if self.unchanged:
            return (f"index up to date ({self.documents} documents, {self.items} items, "
                    f"{self.chunks} chunks; {self.seconds:.1f}s)")
        return (f"indexed {self.documents} documents, {self.items} items, {self.chunks} chunks "
                f"({self.embedded} embedded, {self.reused} reused) in {self.seconds:.1f}s -> {self.build}")


def added_dir(data_dir: str | Path) -> Path:
    return Path(data_dir) / "documents"


def add_files(data_dir, paths, locality: str = "", title: str = "") -> list[PolicyDoc]:
    """Parse the new files first (a bad file stops everything before anything changes), then
    copy them into the data dir with a sidecar of their metadata."""
    docs = [document_from_file(p, locality=locality, title=title) for p in paths]
    for doc in docs:
        parse_document(doc)
    target = added_dir(data_dir)
    target.mkdir(parents=True, exist_ok=True)
    for path, doc in zip(paths, docs):
        shutil.copyfile(path, target / Path(path).name)
        # only what the person decided: the rest is read from the text again at every ingest
        sidecar = {k: v for k, v in (("locality", locality), ("title", title)) if v}
        (target / f"{Path(path).name}.meta.json").write_text(json.dumps(sidecar, ensure_ascii=False), "utf-8")
    return docs


def corpus_documents(data_dir) -> list[PolicyDoc]:
    """The bundled documents plus every file added to this data dir (an attachment added as a file
    of its own read with the plan it names: `corpus.attachments`)."""
    docs = bundled_documents()
    bundled = {d.file for d in docs}
    folder = added_dir(data_dir)
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.endswith(".meta.json") or path.name in bundled:
                continue
            sidecar = folder / f"{path.name}.meta.json"
            meta = json.loads(sidecar.read_text("utf-8")) if sidecar.exists() else {}
            docs.append(document_from_file(path, locality=meta.get("locality", ""), title=meta.get("title", "")))
    return paired(docs)


def _progress(total: int, enabled: bool):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm
    return tqdm(total=total, desc="embedding", unit="chunk", file=sys.stderr, leave=False)


def ingest(store, embedder, docs: list[PolicyDoc], rebuild: bool = False,
           progress: bool = True) -> IngestReport:
    items = [item for doc in docs for item in parse_document(doc)]
    return ingest_items(store, embedder, items, len(docs), rebuild, progress)


def ingest_items(store, embedder, items: list[TaskItem], documents: int, rebuild: bool = False,
                 progress: bool = True) -> IngestReport:
    """Index items already parsed (and corrected): the document library's entry point."""
    started = time.perf_counter()
    docs = range(documents)  # only counted below
    chunks = chunk_items(items)
    sig = signature(embedder.name, chunks)
    current = store.current_build()
    if current and not rebuild and current.get("signature") == sig:
        _ensure_keyword_index(store, current, chunks)
        return IngestReport(current["name"], len(docs), len(items), len(chunks), 0, 0,
                            time.perf_counter() - started, unchanged=True)

    known: dict[str, np.ndarray] = {}
    if current and not rebuild and current.get("embedder") == embedder.name:
        try:
            old = store.read_all(store.collection(current["name"]), with_embeddings=True)
            for meta, vec in zip(old["metadatas"], old["embeddings"]):
                known[meta.get("text_hash", "")] = np.asarray(vec, dtype=np.float32)
        except Exception:  # an unreadable old build only costs re-embedding
            known = {}

    todo = [c for c in chunks if c.text_hash not in known]
    bar = _progress(len(todo), progress)
    for i in range(0, len(todo), EMBED_BATCH):
        batch = todo[i : i + EMBED_BATCH]
        for chunk, vec in zip(batch, embedder.embed_passages([c.text for c in batch])):
            known[chunk.text_hash] = vec
        if bar:
            bar.update(len(batch))
    if bar:
        bar.close()

    info = {"embedder": embedder.name, "dim": int(embedder.dim), "signature": sig,
            "items": len(items), "chunks": len(chunks), "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    name, collection = store.new_build(info)
    try:
        store.add(collection, [c.chunk_id for c in chunks], [c.text for c in chunks],
                  [{**c.metadata, "text_hash": c.text_hash} for c in chunks],
                  [known[c.text_hash].tolist() for c in chunks])
        if store.keyword_root is not None:  # the keyword index is in place before the swap
            save_beside(store.keyword_root, name, KeywordIndex.build([c.chunk_id for c in chunks],
                                                                     [c.text for c in chunks], sig))
    except BaseException:
        store.drop(name)  # never leave a half build behind when we can help it
        raise
    store.set_current(name, info)
    # Keep the build just replaced (a server process may still be reading it); drop older ones
    # and any half build a killed ingest left behind.
    keep = {name, current["name"] if current else ""}
    for old in store.builds():
        if old not in keep:
            store.drop(old)
    if store.keyword_root is not None:
        drop_except(store.keyword_root, keep)
    return IngestReport(name, len(docs), len(items), len(chunks), len(todo),
                        len(chunks) - len(todo), time.perf_counter() - started)


def _ensure_keyword_index(store, current: dict, chunks) -> None:
    """An unchanged corpus still gets its keyword index back if it went missing or was damaged."""
    root = store.keyword_root
    if root is None:
        return
    try:
        meta = json.loads((root / current["name"] / "policyqa.json").read_text("utf-8"))
        if meta.get("signature") == current.get("signature") and len(meta.get("chunk_ids", ())) == len(chunks):
            return
    except (OSError, ValueError):
        pass
    save_beside(root, current["name"], KeywordIndex.build([c.chunk_id for c in chunks], [c.text for c in chunks],
                                                          current.get("signature", "")))
