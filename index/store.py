"""The Chroma store: embedded `PersistentClient` under the data dir, or a `chroma run` server.

Each ingest writes a new collection (a *build*) and then moves one pointer to it, so a half-done
ingest never touches the index being served (Chroma wants a single writer: build, then swap).
The pointer is the metadata of a small collection, so it works the same on a server.
Every collection gets our own embedding function, so Chroma never fetches its default model.
"""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from corpus.errors import BackendError, IndexMissingError

POINTER = "policyqa_pointer"
PREFIX = "policyqa_build_"


_EF_CLASS = None


def _embedding_function(embedder):
    """Chroma's view of our embedder. Defined once (Chroma registers the class by name)."""
    global _EF_CLASS
    if _EF_CLASS is None:
        from chromadb import Documents, EmbeddingFunction, Embeddings

        class PolicyQAEmbedding(EmbeddingFunction[Documents]):
            def __init__(self, inner=None):
                self.inner = inner  # None only in the copy Chroma builds from a stored config

            def __call__(self, input: Documents) -> Embeddings:
                return [row for row in self.inner.embed_passages(list(input))]

            def embed_query(self, input: Documents) -> Embeddings:
                return [self.inner.embed_query(text) for text in input]

            @staticmethod
            def name() -> str:
                return "policyqa"

            def get_config(self) -> dict:
                return {"embedder": self.inner.name if self.inner else ""}

            @staticmethod
            def build_from_config(config: dict):
                return PolicyQAEmbedding()

        _EF_CLASS = PolicyQAEmbedding
    return _EF_CLASS(embedder)


def connect(data_dir: str | Path, chroma_url: str = "", recover: bool = False):
    """A Chroma client with telemetry off: a server when `chroma_url` is set, else embedded.
    `recover`: move an unreadable embedded store aside and start a new one (ingest --rebuild)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        try:
            return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                       ssl=url.scheme == "https", settings=settings)
        except Exception as exc:
            raise BackendError(f"Cannot reach the Chroma server at {chroma_url}: {exc}") from exc
    path = Path(data_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    try:
        client = chromadb.PersistentClient(path=str(path), settings=settings)
        client.list_collections()  # touch the files now: a broken store fails here, not mid-answer
        return client
    except Exception as exc:
        if not recover:
            raise IndexMissingError(
                f"The index in {path} cannot be opened ({exc.__class__.__name__}). "
                "Run `policyqa ingest --rebuild` to rebuild it (the broken files are kept aside).") from exc
    broken = path.with_name(f"chroma.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    path.rename(broken)  # kept, never deleted: someone may want to look at it
    path.mkdir()
    return chromadb.PersistentClient(path=str(path), settings=settings)


class ChromaStore:
    def __init__(self, client, embedder, where: str = "", keyword_root: str | Path | None = None,
                 remote: bool = False):
        self.client = client
        self.embedder = embedder
        self.where = where  # for messages
        self.remote = remote  # a `chroma run` server, not the embedded store
        # The keyword (bm25s) index of each build lives in keyword_root/<build name> (index.bm25).
        self.keyword_root = Path(keyword_root) if keyword_root is not None else None
        self._ef = _embedding_function(embedder)

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (IndexMissingError, BackendError):
            raise
        except Exception as exc:
            if exc.__class__.__name__ in ("ConnectError", "ConnectionError", "ConnectTimeout", "ReadTimeout"):
                raise BackendError(f"The Chroma server {self.where} is not answering: {exc}") from exc
            raise

    # --- the pointer ------------------------------------------------------------------------
    def _pointer(self):
        return self._call(self.client.get_or_create_collection, POINTER,
                          embedding_function=self._ef, metadata={"current": ""})

    def current_build(self) -> dict | None:
        """{'name', 'embedder', 'signature', ...} of the build being served, or None."""
        meta = self._pointer().metadata or {}
        name = meta.get("current") or ""
        if not name:
            return None
        return {k: v for k, v in meta.items()} | {"name": name}

    def set_current(self, name: str, info: dict) -> None:
        meta = {"current": name, **{k: v for k, v in info.items() if k != "name"}}
        self._call(self._pointer().modify, metadata=meta)

    def builds(self) -> list[str]:
        names = [c if isinstance(c, str) else c.name for c in self._call(self.client.list_collections)]
        return sorted(n for n in names if n.startswith(PREFIX))

    # --- builds -----------------------------------------------------------------------------
    def new_build(self, info: dict):
        name = f"{PREFIX}{time.strftime('%Y%m%d_%H%M%S')}_{int(time.time() * 1000) % 1000:03d}"
        meta = {"hnsw:space": "cosine", **{k: v for k, v in info.items() if v is not None}}
        return name, self._call(self.client.create_collection, name, embedding_function=self._ef,
                                metadata=meta)

    def collection(self, name: str):
        return self._call(self.client.get_collection, name, embedding_function=self._ef)

    def drop(self, name: str) -> None:
        try:
            self.client.delete_collection(name)
        except Exception:  # already gone: nothing to drop
            pass

    def add(self, collection, ids, texts, metadatas, embeddings, batch: int = 256) -> None:
        for i in range(0, len(ids), batch):
            self._call(collection.add, ids=ids[i : i + batch], documents=texts[i : i + batch],
                       metadatas=metadatas[i : i + batch], embeddings=embeddings[i : i + batch])

    def read_all(self, collection, with_embeddings: bool = False) -> dict:
        include = ["documents", "metadatas"] + (["embeddings"] if with_embeddings else [])
        return self._call(collection.get, include=include)

    def query(self, collection, vector, k: int, where: dict | None = None,
              ids: list[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity), best first. `where`: Chroma's metadata filter. `ids`: the
        chunks a filter keeps, when they are few: their vectors are fetched by id and compared
        exactly — in Chroma 1.5.9 a `where` costs ~9 ms at 10k chunks even when it keeps 40 of
        them (an unfiltered query: ~1.4 ms; fetching 40 vectors by id: ~1.7 ms)."""
        if ids is not None:
            if not ids:
                return []
            res = self._call(collection.get, ids=list(ids), include=["embeddings"])
            matrix = np.asarray(res["embeddings"], dtype=np.float32)
            sims = matrix @ np.asarray(vector, dtype=np.float32)
            order = np.argsort(-sims, kind="stable")[:k]
            return [(res["ids"][n], float(sims[n])) for n in order]
        res = self._call(collection.query, query_embeddings=[vector], n_results=k, where=where or None,
                         include=["distances"])
        found, dists = res["ids"][0], res["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(found, dists)]
