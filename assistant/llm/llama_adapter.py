"""Our LLM backends as a llama-index LLM (used by the generic baseline pipeline in eval/)."""
from __future__ import annotations

from typing import Any

from llama_index.core.llms import CompletionResponse, CompletionResponseGen, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback
from pydantic import PrivateAttr


class PolicyQALLM(CustomLLM):
    """Completion = one user message to the wrapped backend (greedy, as in the product)."""

    max_tokens: int = 256
    _inner: Any = PrivateAttr()

    def __init__(self, inner, max_tokens: int = 256, **kwargs: Any):
        super().__init__(max_tokens=max_tokens, **kwargs)
        self._inner = inner

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=4096, num_output=self.max_tokens, model_name=self._inner.name)

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        text = "".join(self._inner.stream([{"role": "user", "content": prompt}], max_tokens=self.max_tokens))
        return CompletionResponse(text=text)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        text = ""
        for piece in self._inner.stream([{"role": "user", "content": prompt}], max_tokens=self.max_tokens):
            text += piece
            yield CompletionResponse(text=text, delta=piece)
