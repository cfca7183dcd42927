"""Keyword search: BM25 over Chinese characters and character bigrams, on `bm25s`.

llama-index's BM25Retriever makes one token per clause on Chinese (stack-notes); character
unigrams + bigrams measured 0.85 R@1 against 0.71 for jieba words, and need no dictionary.
`bm25s` keeps the scores as a sparse matrix, so a question costs one pass over the postings of its
own tokens (numpy), never a loop over the items. The index is saved beside the Chroma build it
belongs to (same name) and memory-mapped when loaded; see `index.keyword_store`.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from pathlib import Path

import numpy as np

from corpus.text import normalize

_KEEP = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")
# Characters too common in these documents to say anything about a question.
_STOP = set("的和了在是与及等对为将把各要")
# bm25s's "lucene" scoring with these parameters ranks exactly as the hand-written scorer it
# replaced: idf = ln(1 + (N - df + .5) / (df + .5)), tf / (tf + k1 (1 - b + b L / avgL)).
K1, B = 1.2, 0.75
FORMAT = 1  # bump when the saved layout changes: an older index is then rebuilt


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for run in _KEEP.findall(normalize(text).lower()):
        if run.isascii():
            out.append(run)
            continue
        out.extend(ch for ch in run if ch not in _STOP)
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


class KeywordIndex:
    """A `bm25s.BM25` plus the chunk ids in its row order and the signature of its build."""

    def __init__(self, model, chunk_ids: list[str], signature: str):
        self.model = model
        self.chunk_ids = chunk_ids
        self.signature = signature
        self.size = len(chunk_ids)
        self._idf: dict[str, float] | None = None

    # --- building and persistence -------------------------------------------------------------
    @classmethod
    def build(cls, chunk_ids: list[str], texts: list[str], signature: str) -> "KeywordIndex":
        import bm25s

        model = bm25s.BM25(k1=K1, b=B, method="lucene")
        # An empty token keeps bm25s happy when a chunk has no Chinese or ASCII word at all.
        model.index([tokens(t) or [""] for t in texts], show_progress=False)
        return cls(model, list(chunk_ids), signature)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save(str(folder), show_progress=False)
        meta = {"format": FORMAT, "signature": self.signature, "chunk_ids": self.chunk_ids}
        (folder / "policyqa.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: Path, mmap: bool = True) -> "KeywordIndex":
        """Raises (ValueError, OSError, KeyError…) on anything missing or inconsistent."""
        import bm25s

        meta = json.loads((folder / "policyqa.json").read_text("utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"keyword index format {meta.get('format')!r}, expected {FORMAT}")
        model = bm25s.BM25.load(str(folder), mmap=mmap, show_progress=False)
        ids = list(meta["chunk_ids"])
        if int(model.scores["num_docs"]) != len(ids):
            raise ValueError("keyword index rows do not match its chunk ids")
        indptr = model.scores["indptr"]
        # bm25s may add an empty token to the vocabulary without a column of its own.
        if len(indptr) - 1 not in (len(model.vocab_dict), len(model.vocab_dict) - 1) \
                or int(indptr[-1]) != len(model.scores["data"]) or len(model.scores["indices"]) != len(model.scores["data"]):
            raise ValueError("keyword index arrays are inconsistent")
        return cls(model, ids, meta.get("signature", ""))

    # --- querying -----------------------------------------------------------------------------
    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk (row order), 0 where `mask` is 0. Each query token counts
        once, as in the scorer this replaced."""
        vocab = self.model.vocab_dict
        ids = sorted({vocab[t] for t in tokens(query) if t in vocab})
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        weight = None if mask is None else np.asarray(mask, dtype=np.float32)
        return self.model.get_scores(ids, weight_mask=weight)

    def top(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) of the best `k` chunks with a positive score, best first."""
        s = self.scores(query, mask)
        k = min(k, self.size)
        if k <= 0:
            return []
        rows = np.argpartition(-s, k - 1)[:k] if k < self.size else np.arange(self.size)
        rows = rows[s[rows] > 0]
        rows = rows[np.lexsort((rows, -s[rows]))]  # by score, ties by row: deterministic
        return [(int(r), float(s[r])) for r in rows]

    @property
    def idf(self) -> dict[str, float]:
        """Inverse document frequency of every token (assistant.evidence weighs bigrams by it)."""
        if self._idf is None:
            indptr = np.asarray(self.model.scores["indptr"])
            df = np.diff(indptr).astype(np.float64)
            n = float(self.size)
            values = np.log(1 + (n - df + 0.5) / (df + 0.5))
            self._idf = {tok: float(values[i]) for tok, i in self.model.vocab_dict.items()
                         if tok and i < len(values)}
        return self._idf


# --- beside the Chroma build -------------------------------------------------------------------
# `<data dir>/keyword/<build name>/`: written under a temporary name and renamed into place
# before the Chroma pointer moves to the build, so the build being served always has its own;
# dropped together with its build. With `--chroma-url` the folder is still local: a machine that
# finds none for the served build rebuilds it from the chunks stored in Chroma.

log = logging.getLogger("policyqa.index")


def save_beside(root: Path, name: str, index: KeywordIndex) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".tmp-{name}-{os.getpid()}-{time.monotonic_ns()}"
    index.save(tmp)
    final = root / name
    if final.exists():
        shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    return final


def drop_except(root: Path, keep: set[str]) -> None:
    """Remove keyword indexes of dropped builds and leftovers of killed ingests."""
    if not root.is_dir():
        return
    for path in root.iterdir():
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def open_keyword_index(store, build: dict, chunk_ids: list[str], texts: list[str]) -> tuple[KeywordIndex, str]:
    """The keyword index of the served build, memory-mapped; (index, notice). A missing, corrupt or
    stale one is rebuilt from the chunks Chroma holds, saved for next time when possible, and the
    notice says so (it is also logged): never an error for the user."""
    root = getattr(store, "keyword_root", None)
    name, signature = build["name"], build.get("signature", "")
    problem = "no keyword folder configured"
    if root is not None:
        folder = root / name
        try:
            index = KeywordIndex.load(folder, mmap=True)
            if index.signature != signature or sorted(index.chunk_ids) != sorted(chunk_ids):
                raise ValueError("it belongs to other chunks")
            return index, ""
        except FileNotFoundError:
            problem = f"missing ({folder})"
        except Exception as exc:  # noqa: BLE001 - any damage means the same thing: rebuild
            problem = f"unreadable ({exc.__class__.__name__}: {str(exc)[:120]})"
    started = time.perf_counter()
    index = KeywordIndex.build(chunk_ids, texts, signature)
    saved = ""
    if root is not None:
        try:
            save_beside(root, name, index)
            index = KeywordIndex.load(root / name, mmap=True)
            saved = ", saved"
        except OSError as exc:  # a read-only data dir: serve from memory
            saved = f", not saved ({exc})"
    notice = (f"The keyword index of build {name} was {problem}: rebuilt from the {len(chunk_ids)} "
              f"stored chunks in {time.perf_counter() - started:.1f}s{saved}.")
    log.warning(notice)
    return index, notice
