"""Streaming an LLM draft to the reader while verifying it.

Every finished sentence is checked (`verify.check_sentence`) before it counts. Text of the
unfinished sentence is shown as it is generated, token by token, except for a tail that may still
grow into a fact or a marker: a number being written ("1" may become "15"), the first characters of
a unit or locality name, of "资料中未找到", or of an "答案:" label. Each shown part must pass
`clause_supported` (every number, unit and locality it states is in a provided item). If the
finished sentence fails, the provisional text is taken back with a `replace` event.

Why token by token: on this 2-core machine the model writes ~12 tokens/s, so waiting for a comma
or a full stop added 0.5-2.5 s before the first visible text of a drafted answer.
"""
from __future__ import annotations

import contextlib
import re
import time
from typing import Iterator

from assistant import prompts
from assistant.verify import check_sentence, clause_supported, is_empty, split_sentences
from corpus.types import TaskItem

_LABEL_WORDS = ("答案", "回答", "Answer")  # a label the model sometimes puts before its answer
LABELS = tuple(w + colon for w in _LABEL_WORDS for colon in (":", "\uff1a"))
_LABEL = re.compile(rf"^\s*({'|'.join(_LABEL_WORDS)})\s*[:\uff1a]\s*")
_TRAILING_VALUE = re.compile(r"(\[\d*\]?|\d[\d.]*(?:[%%年月日号]\d*)*)$")


def strip_label(text: str) -> str:
    return _LABEL.sub("", text.lstrip())


class HoldBack:
    """The longest tail of a text that is the beginning of a watched word, or an unfinished value."""

    def __init__(self, words):
        words = {w for w in words if w}
        # Proper prefixes only: a finished name shows at once unless a longer one starts with it
        # (乌鲁木齐 of 乌鲁木齐县). A finished not-found marker is caught by the caller.
        self.prefixes = {w[:k] for w in words for k in range(1, len(w))}
        self.longest = max((len(w) for w in words), default=0)

    def safe(self, text: str) -> str:
        m = _TRAILING_VALUE.search(text)
        if m and m.group(0):
            return text[: m.start()]  # a name cannot run on into a number: the rest is whole
        for start in range(max(0, len(text) - self.longest), len(text)):
            if text[start:] in self.prefixes:
                return text[:start]
        return text


def stream_draft(llm, messages: list[dict], items: list[TaskItem], known_units: set[str],
                 holdback: HoldBack, max_tokens: int, timeout_s: float) -> Iterator[dict]:
    """Events: `delta` / `replace` for the reader; `sentence` (verified text and its citations)
    and `not_found` (the model said the sources do not answer) for the caller."""
    system = messages[0]["content"]
    deadline = time.perf_counter() + timeout_s
    buffer = ""
    confirmed = ""  # verified sentences shown so far
    provisional = ""  # text of the current sentence shown so far

    def judge(sentence: str):
        sentence = strip_label(sentence)
        if not sentence or is_empty(sentence):
            return None
        if any(marker in sentence for marker in prompts.NOT_FOUND_MARKERS):
            return {"type": "not_found"}
        checked = check_sentence(sentence, items, known_units, system)
        if not checked.ok:
            return None
        return {"type": "sentence", "text": checked.text, "cited": checked.cited}

    def finish(sentence: str):
        nonlocal confirmed, provisional
        event = judge(sentence)
        if event and event["type"] == "sentence":
            yield event
            if event["text"].startswith(provisional):
                yield {"type": "delta", "text": event["text"][len(provisional):]}
            else:  # citations were repaired, or the sentence differs from what was shown
                yield {"type": "replace", "text": confirmed + event["text"]}
            confirmed += event["text"]
        else:
            if event:
                yield event
            if provisional:
                yield {"type": "replace", "text": confirmed}
        provisional = ""

    with contextlib.closing(llm.stream(messages, max_tokens=max_tokens)) as pieces:
        for piece in pieces:
            buffer += piece
            done, buffer = split_sentences(buffer)
            for sentence in done:
                yield from finish(sentence)
            shown = holdback.safe(strip_label(buffer)).rstrip()
            if (len(shown) > len(provisional) and shown.startswith(provisional)
                    and not any(m in shown for m in prompts.NOT_FOUND_MARKERS)
                    and clause_supported(shown, items, known_units, system)):
                yield {"type": "delta", "text": shown[len(provisional):]}
                provisional = shown
            if time.perf_counter() > deadline:
                break
    yield from finish(buffer)
