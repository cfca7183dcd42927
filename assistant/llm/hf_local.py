"""A local transformers model directory: `--llm hf:PATH` (CPU; for small or test models)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator

from corpus.errors import ModelError


class HFLocalLLM:
    def __init__(self, path: str, threads: int = 2):
        if not Path(path).is_dir():
            raise ModelError(f"No transformers model folder at {path!r}.")
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        torch.set_num_threads(threads)
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
        self.model.eval()
        self.name = f"hf:{Path(path).name}"
        self.lock = threading.Lock()

    def _prompt(self, messages) -> str:
        if getattr(self.tokenizer, "chat_template", None):
            return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return "\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\nassistant:"

    def stream(self, messages, max_tokens: int = 256, timeout_s: float = 120.0) -> Iterator[str]:
        from transformers import TextIteratorStreamer

        inputs = self.tokenizer(self._prompt(messages), return_tensors="pt")
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True,
                                        timeout=timeout_s)
        kwargs = dict(**inputs, max_new_tokens=max_tokens, do_sample=False, streamer=streamer,
                      pad_token_id=self.tokenizer.pad_token_id or self.tokenizer.eos_token_id)
        failure: list[BaseException] = []

        def generate() -> None:
            try:
                self.model.generate(**kwargs)
            except BaseException as exc:  # reported to the reader below, never swallowed
                failure.append(exc)
                streamer.end()  # unblock the reader instead of leaving it waiting forever

        with self.lock:
            worker = threading.Thread(target=generate, daemon=True)
            worker.start()
            try:
                for piece in streamer:
                    if piece:
                        yield piece
            except Exception as exc:  # queue.Empty after timeout_s with no token
                raise ModelError(f"The model {self.name} stopped producing text: {exc!r}") from exc
            worker.join(timeout=5)
        if failure:
            raise ModelError(f"The model {self.name} failed: {failure[0]}") from failure[0]
