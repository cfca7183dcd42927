"""A bounded queue in front of the single local LLM.

One generation at a time (the model holds both cores); at most `max_waiting` more may wait, each
for at most `wait_s`. Past that the caller gets `LLMBusy` and answers extractively at once, so a
crowd never builds an unbounded queue and answers from item fields never wait behind it.
"""
from __future__ import annotations

import threading
from typing import Iterator


class LLMBusy(Exception):
    """The model is busy and the queue is full (or the wait timed out)."""


class GatedLLM:
    def __init__(self, inner, max_waiting: int = 4, wait_s: float = 20.0):
        self.inner = inner
        self.name = inner.name
        self.max_waiting = max_waiting
        self.wait_s = wait_s
        self._slot = threading.Semaphore(1)
        self._lock = threading.Lock()
        self.waiting = 0

    def stream(self, messages, max_tokens: int = 256) -> Iterator[str]:
        if not self._slot.acquire(blocking=False):  # the model is busy: queue, if there is room
            with self._lock:
                if self.waiting >= self.max_waiting:
                    raise LLMBusy("the model queue is full")
                self.waiting += 1
            try:
                acquired = self._slot.acquire(timeout=self.wait_s)
            finally:
                with self._lock:
                    self.waiting -= 1
            if not acquired:
                raise LLMBusy(f"waited {self.wait_s:.0f}s for the model")
        try:
            yield from self.inner.stream(messages, max_tokens=max_tokens)
        finally:
            self._slot.release()

    def warm(self, messages) -> None:
        warm = getattr(self.inner, "warm", None)
        if warm is not None:
            warm(messages)
