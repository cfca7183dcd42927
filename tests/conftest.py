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
