"""Any OpenAI-compatible chat server (vLLM, llama.cpp server, Ollama): `--llm openai:URL`.

This is how a deployment puts a bigger model on a GPU box. Streams over SSE with httpx.
"""
from __future__ import annotations

import json
import os
from typing import Iterator

from corpus.errors import BackendError


class OpenAICompatLLM:
    def __init__(self, base_url: str, model: str = "", timeout: float = 60.0):
        import httpx

        self.base_url = base_url.rstrip("/")
        if not self.base_url.endswith("/v1"):
            self.base_url += "/v1"
        self.model = model or "default"
        self.name = f"openai:{self.base_url} ({self.model})"
        headers = {}
        if os.environ.get("POLICYQA_OPENAI_API_KEY"):
            headers["Authorization"] = f"Bearer {os.environ['POLICYQA_OPENAI_API_KEY']}"
        self._client = httpx.Client(timeout=timeout, headers=headers)

    def stream(self, messages, max_tokens: int = 256) -> Iterator[str]:
        import httpx

        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens,
                "temperature": 0, "stream": True}
        try:
            with self._client.stream("POST", f"{self.base_url}/chat/completions", json=body) as resp:
                if resp.status_code >= 400:
                    resp.read()
                    raise BackendError(f"The LLM server answered {resp.status_code}: {resp.text[:200]}")
                for line in resp.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    try:
                        delta = json.loads(data)["choices"][0].get("delta", {})
                    except (ValueError, KeyError, IndexError):
                        continue
                    if delta.get("content"):
                        yield delta["content"]
        except httpx.HTTPError as exc:
            raise BackendError(f"Cannot reach the LLM server at {self.base_url}: {exc}") from exc
