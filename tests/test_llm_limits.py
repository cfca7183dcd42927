"""A slow or busy model never makes a user wait without limit: deadline and bounded queue."""
from __future__ import annotations

import threading
import time

import pytest

from assistant.core import Assistant
from assistant.llm.gate import GatedLLM, LLMBusy


class SlowLLM:
    name = "slow-fake"

    def __init__(self, delay: float):
        self.delay = delay

    def stream(self, messages, max_tokens=256):
        for piece in ["乌鲁木齐县", "要求", "每年", "培训"] * 50:  # never finishes a sentence in time
            time.sleep(self.delay)
            yield piece


@pytest.fixture(scope="module")
def searcher(hash_index):
    from index.service import open_searcher
    return open_searcher(hash_index, embed_model="hash")


def test_generation_deadline_falls_back_to_the_source_sentence(searcher):
    assistant = Assistant(searcher, llm=SlowLLM(0.05), generation_timeout_s=0.5)
    started = time.perf_counter()
    answer = assistant.answer("乌鲁木齐县行政执法人员每年培训不少于多少学时?")
    assert time.perf_counter() - started < 5
    assert answer.path == "extractive" and "60学时" in answer.text


def test_full_queue_answers_at_once_instead_of_waiting(searcher):
    gate = GatedLLM(SlowLLM(0.2), max_waiting=0, wait_s=30)
    holder = threading.Thread(target=lambda: list(gate.stream([{"role": "user", "content": "x"}])), daemon=True)
    holder.start()
    time.sleep(0.3)  # the slot is taken, and no one may wait
    with pytest.raises(LLMBusy):
        next(gate.stream([{"role": "user", "content": "y"}]))
    assistant = Assistant(searcher, llm=gate)
    started = time.perf_counter()
    answer = assistant.answer("乌鲁木齐县行政执法人员每年培训不少于多少学时?")
    assert time.perf_counter() - started < 3 and "60学时" in answer.text
    holder.join(timeout=0.1)  # still generating: a daemon thread, left to finish on its own


def test_field_answers_never_touch_the_model(searcher):
    class Exploding:
        name = "explodes"

        def stream(self, *a, **k):
            raise AssertionError("the model was called for a unit question")

    answer = Assistant(searcher, llm=Exploding()).answer("乌鲁木齐县行政复议体制改革由哪个单位牵头?")
    assert answer.path == "fields" and "县司法局" in answer.text


def test_a_failed_sentence_is_taken_back(searcher):
    from assistant.llm.fake import QuotingLLM

    llm = QuotingLLM(reply="乌鲁木齐县要求加大培训力度,每年不少于90学时[1]。")
    events = list(Assistant(searcher, llm=llm).stream("乌鲁木齐县行政执法人员每年培训不少于多少学时?"))
    kinds = [e["type"] for e in events]
    assert "delta" in kinds and "replace" in kinds
    final = events[-1]["answer"]
    assert "90" not in final.text and "60学时" in final.text
