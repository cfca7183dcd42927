"""The bm25s keyword index: the same ranking as plain BM25, saved beside its Chroma build and
swapped with it, rebuilt (not an error) when missing or damaged; filters inside the engines;
item maps that select what filter_items selects."""
from __future__ import annotations

import logging
import math
from collections import Counter

import numpy as np
import pytest

from corpus.select import filter_items
from index.bm25 import KeywordIndex, tokens
from index.ingest import corpus_documents, ingest
from index.search import Searcher
from index.service import open_searcher, open_store


def _reference_bm25(texts, query, k1=1.2, b=0.75):
    """Textbook BM25 (the hand-written scorer this project used before bm25s)."""
    docs = [Counter(tokens(t)) for t in texts]
    lengths = [sum(d.values()) for d in docs]
    avg = sum(lengths) / len(lengths)
    df = Counter(t for d in docs for t in d)
    n = len(docs)
    out = []
    for d, length in zip(docs, lengths):
        s = 0.0
        for t in set(tokens(query)):
            f = d.get(t)
            if f:
                idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * length / avg))
        out.append(s)
    return out


def test_bm25s_ranks_like_textbook_bm25(items):
    texts = [f"{i.section_path}\n{i.text}" for i in items[:120]]
    index = KeywordIndex.build([str(n) for n in range(len(texts))], texts, "sig")
    for query in ("行政复议体制改革由哪个单位牵头", "法治督察", "政务公开标准体系", "xyz 无关"):
        ref = np.array(_reference_bm25(texts, query))
        got = index.scores(query)
        # lucene BM25 leaves out the constant (k1 + 1): proportional scores, identical order
        assert np.allclose(got * (1.2 + 1), ref, rtol=1e-4, atol=1e-5), query
        expected = [n for n in np.argsort(-ref, kind="stable") if ref[n] > 0][:10]
        assert [n for n, _ in index.top(query, 10)] == expected, query


def test_top_respects_weight_mask(items):
    texts = [i.text for i in items[:50]]
    index = KeywordIndex.build([str(n) for n in range(50)], texts, "sig")
    mask = np.zeros(50, dtype=np.float32)
    mask[10:20] = 1
    rows = [n for n, _ in index.top("行政", 50, mask)]
    assert rows and all(10 <= n < 20 for n in rows)


def test_keyword_index_lives_beside_its_build_and_is_swapped_with_it(tmp_path):
    store = open_store(str(tmp_path), embed_model="hash")
    docs = corpus_documents(str(tmp_path))
    first = ingest(store, store.embedder, docs[:3], progress=False)
    root = tmp_path / "keyword"
    assert sorted(p.name for p in root.iterdir()) == [first.build]
    loaded = KeywordIndex.load(root / first.build)
    assert isinstance(loaded.model.scores["data"], np.memmap)  # memory-mapped, not read in
    second = ingest(store, store.embedder, docs, progress=False)
    third = ingest(store, store.embedder, docs[:2], progress=False)
    # the served build and the one just replaced keep theirs; older ones and temp folders go
    assert sorted(p.name for p in root.iterdir()) == sorted([second.build, third.build])
    assert KeywordIndex.load(root / third.build).size == third.chunks


@pytest.mark.parametrize("damage", ["missing", "corrupt", "stale"])
def test_missing_or_damaged_keyword_index_is_rebuilt_with_a_notice(tmp_path, caplog, damage):
    store = open_store(str(tmp_path), embed_model="hash")
    report = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    folder = tmp_path / "keyword" / report.build
    if damage == "missing":
        import shutil
        shutil.rmtree(folder)
    elif damage == "corrupt":
        (folder / "data.csc.index.npy").write_bytes(b"\x93NUMPY garbage")
    else:  # another build's index under this name
        other = KeywordIndex.build(["a#0"], ["别的内容"], "other-signature")
        other.save(folder)
    with caplog.at_level(logging.WARNING, logger="policyqa.index"):
        searcher = Searcher(store, store.embedder)
    assert "rebuilt from the" in searcher.notice and report.build in searcher.notice
    assert any("rebuilt" in r.message for r in caplog.records)
    hits = searcher.search("新密市行政复议体制改革谁牵头", k=3)
    assert hits[0].item.locality == "新密市" and hits[0].bm25_rank is not None
    again = Searcher(store, store.embedder)  # saved: the next load finds it whole
    assert again.notice == ""


def test_unchanged_ingest_restores_a_missing_keyword_index(tmp_path):
    store = open_store(str(tmp_path), embed_model="hash")
    first = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    import shutil
    shutil.rmtree(tmp_path / "keyword" / first.build)
    again = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    assert again.unchanged
    assert KeywordIndex.load(tmp_path / "keyword" / first.build).size == first.chunks


def test_filters_are_applied_inside_both_engines(hash_index, monkeypatch):
    searcher = open_searcher(hash_index, embed_model="hash")
    monkeypatch.setattr("index.search.EXACT_DENSE_ALL", 0)  # a corpus too large to compare exactly
    seen = {}
    query = searcher.store.query

    def spy(collection, vector, k, where=None, ids=None):
        seen["where"], seen["ids"] = where, ids
        return query(collection, vector, k, where, ids)

    monkeypatch.setattr(searcher.store, "query", spy)
    hits = searcher.search("行政复议体制改革", k=5, locality="阜康市", kinds=("task",))
    assert hits and {h.item.locality for h in hits} == {"阜康市"} and {h.item.kind for h in hits} == {"task"}
    kept = {c for c, i in zip(searcher.chunk_ids, searcher.item_of_chunk)
            if searcher.items[i].locality == "阜康市" and searcher.items[i].kind == "task"}
    assert set(seen["ids"]) == kept  # a selective filter: Chroma is asked for exactly those chunks
    monkeypatch.setattr("index.search.EXACT_DENSE_MAX", 0)  # a broad filter: Chroma's where
    hits = searcher.search("行政复议体制改革", k=5, locality="阜康市", kinds=("task",))
    assert {h.item.locality for h in hits} == {"阜康市"} and {h.item.kind for h in hits} == {"task"}
    assert seen["ids"] is None
    assert seen["where"] == {"$and": [{"locality": {"$in": ["阜康市"]}}, {"kind": {"$in": ["task"]}}]}
    monkeypatch.setattr("index.search.EXACT_DENSE_MAX", 2000)
    doc_id = hits[0].item.doc_id
    assert {h.item.doc_id for h in searcher.search("法治", k=5, doc=doc_id)} == {doc_id}
    unit_hits = searcher.search("行政复议", k=5, unit="县司法局", role="lead")
    assert unit_hits and all("县司法局" in h.item.lead_units for h in unit_hits)
    assert searcher.search("行政复议", k=5, locality="不存在的县") == []


def test_a_corpus_of_ordinary_size_is_compared_exactly_and_the_same_every_time(hash_index, monkeypatch):
    """Chroma's HNSW is approximate and varies from process to process: up to EXACT_DENSE_ALL chunks
    every chunk is scored exactly, so a question gets the same hits in the same order every time."""
    searcher = open_searcher(hash_index, embed_model="hash")
    monkeypatch.setattr(searcher.store, "query", lambda *a, **k: pytest.fail("HNSW asked"))
    vector = searcher.embedder.embed_query("行政复议体制改革")
    data = searcher.store.read_all(searcher.collection, with_embeddings=True)
    sims = {cid: float(np.dot(v, vector)) for cid, v in zip(data["ids"], data["embeddings"])}
    best = sorted(sims, key=lambda c: -sims[c])[:10]
    found = searcher._exact_dense(vector, 10, None)
    assert [c for c, _ in found] == best and all(abs(s - sims[c]) < 1e-5 for c, s in found)
    mask, _ = searcher._filter(["阜康市"])
    assert {searcher.items[searcher.item_of_chunk[searcher.position[c]]].locality
            for c, _ in searcher._exact_dense(vector, 10, mask)} == {"阜康市"}
    again = open_searcher(hash_index, embed_model="hash")
    first = [(h.item.item_id, h.score) for h in searcher.search("执法人员培训学时", k=8)]
    assert first == [(h.item.item_id, h.score) for h in again.search("执法人员培训学时", k=8)]


def test_named_locality_is_searched_among_its_own_items(hash_index):
    searcher = open_searcher(hash_index, embed_model="hash")
    hits = searcher.search("绿园区行政复议体制改革谁牵头", k=8)
    assert len(hits) == 8 and {h.item.locality for h in hits} == {"绿园区"}
    assert all(h.score > 1.0 for h in hits)  # the locality boost, as before
    # a locality with fewer matching items than k is filled up from the rest of the corpus
    few = searcher.search("绿园区行政复议体制改革谁牵头", k=60)
    named = [h.item.locality == "绿园区" for h in few]
    assert named[0] and False in named and named == sorted(named, reverse=True)


@pytest.mark.parametrize("kwargs", [
    {"unit": "县司法局", "role": "lead"}, {"unit": "司法局"}, {"unit": "县政府办", "role": "any"},
    {"locality": "新密市"}, {"locality": "新密市", "unit": "市司法局", "role": "lead"},
    {"doc": "000"}, {"unit": "公安局", "role": "responsible"}, {"unit": "不存在的单位"},
])
def test_item_maps_select_what_filter_items_selects(hash_index, kwargs):
    searcher = open_searcher(hash_index, embed_model="hash")
    every = sorted(searcher.items.values(), key=lambda i: (i.doc_id, i.span[0]))
    expected = [i.item_id for i in filter_items(every, **kwargs)]
    assert [i.item_id for i in searcher.select(**kwargs)] == expected
