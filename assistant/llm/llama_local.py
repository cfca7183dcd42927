"""The default backend: the verified GGUF run by llama-cpp-python on the CPU.

Loaded once per process and used behind a lock: one generation at a time (two at once on 2
cores would each run several times slower, stack-notes).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator

from corpus.errors import ModelError


class LlamaCppLLM:
    name = "qwen2.5-coder-1.5b-instruct-q4_k_m (llama.cpp)"

    def __init__(self, model_path: str | Path, threads: int = 2, n_ctx: int = 4096):
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelError("llama-cpp-python is not installed: run `make install`.") from exc
        try:
            # mmap: load 1.4-1.6 s instead of 4-7 s (the 1.1 GB file is mapped, not read). RSS is
            # 1.9 GB instead of 1.3 GB, but those are file pages the kernel can drop, and the
            # server stays under its 3 GB bar (measured, README).
            self._llama = Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=threads,
                                n_batch=512, use_mmap=True, verbose=False)
        except Exception as exc:  # a damaged file that passed the size check, an old CPU…
            raise ModelError(f"Cannot load the model at {model_path}: {exc}. "
                             "Delete it and run the command again to re-assemble it.") from exc
        self.lock = threading.Lock()

    def stream(self, messages, max_tokens: int = 256) -> Iterator[str]:
        with self.lock:
            for chunk in self._llama.create_chat_completion(
                messages=messages, max_tokens=max_tokens, temperature=0.0, top_k=1,
                repeat_penalty=1.0, stream=True,
            ):
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece

    def warm(self, messages) -> None:
        """Evaluate a prompt once, so the next one starts from its cached prefix (llama.cpp keeps
        the longest common token prefix of consecutive prompts: the system prompt, ~90 tokens,
        ~1.2 s here)."""
        with self.lock:
            self._llama.create_chat_completion(messages=messages, max_tokens=1, temperature=0.0, top_k=1)

    def count_tokens(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), add_bos=False))
