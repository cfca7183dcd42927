"""The LLM seam: chat messages in, text out (whole or streamed)."""
from __future__ import annotations

from typing import Iterator, Protocol

Message = dict  # {"role": "system" | "user" | "assistant", "content": str}


class LLM(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int = 256) -> Iterator[str]:
        """Yield text pieces as they are generated (greedy decoding)."""
        ...


def complete(llm: LLM, messages: list[Message], max_tokens: int = 256) -> str:
    return "".join(llm.stream(messages, max_tokens=max_tokens))
