"""Pick an LLM backend from a spec: local | openai:URL | hf:PATH | none | fake."""
from __future__ import annotations

import threading

from corpus.errors import ModelError

_LOADED: dict[tuple, object] = {}
_LOCK = threading.Lock()


def make_llm(spec: str, model_cache: str, threads: int = 2, model_name: str = ""):
    """None for `none` (extractive answers only). Loaded once per process."""
    if spec in ("none", ""):
        return None
    key = (spec, model_cache, threads, model_name)
    with _LOCK:
        if key in _LOADED:
            return _LOADED[key]
        if spec == "local":
            from assistant.llm.llama_local import LlamaCppLLM
            from assistant.llm.model_file import ensure_model

            llm = LlamaCppLLM(ensure_model(model_cache), threads=threads)
        elif spec.startswith("openai:"):
            from assistant.llm.openai_compat import OpenAICompatLLM

            llm = OpenAICompatLLM(spec[len("openai:"):], model=model_name)
        elif spec.startswith("hf:"):
            from assistant.llm.hf_local import HFLocalLLM

            llm = HFLocalLLM(spec[3:], threads=threads)
        elif spec == "fake":
            from assistant.llm.fake import QuotingLLM

            llm = QuotingLLM()
        else:
            raise ModelError(f"Unknown LLM {spec!r}: use local, openai:URL, hf:PATH or none.")
        _LOADED[key] = llm
        return llm
