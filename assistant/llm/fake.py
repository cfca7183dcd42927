"""A deterministic fake LLM for fast tests: answers by quoting the first sentence of item [1]."""
from __future__ import annotations

import re
from typing import Iterator


class QuotingLLM:
    name = "fake-quoting"

    def __init__(self, reply: str | None = None):
        self.reply = reply  # a fixed reply, to test how drafts are checked
        self.calls: list[list[dict]] = []

    def stream(self, messages, max_tokens: int = 256) -> Iterator[str]:
        self.calls.append(messages)
        if self.reply is not None:
            text = self.reply
        else:
            user = messages[-1]["content"]
            m = re.search(r"\[1\][^\n]*\n(?:[^\n]*\n)*?原文:([^\n]+)", user)
            sentence = re.split(r"(?<=[。;])", m.group(1))[0] if m else "资料中未找到。"
            text = f"答案:{sentence}[1]\n依据:[1]“{sentence}”"
        for n in range(0, len(text), 4):
            yield text[n : n + 4]
