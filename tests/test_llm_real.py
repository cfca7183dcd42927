"""The real local model (Qwen2.5-Coder-1.5B Q4_K_M via llama.cpp) inside the assistant."""
from __future__ import annotations

import pytest

from assistant.core import Assistant

pytestmark = pytest.mark.slow


def test_model_loads_and_answers(local_llm):
    text = "".join(local_llm.stream([{"role": "user", "content": "用一个词回答:1加1等于几?"}], max_tokens=8))
    assert text.strip()


def test_drafted_answer_is_verified_and_cited(real_searcher, local_llm):
    assistant = Assistant(real_searcher, llm=local_llm)
    answer = assistant.answer("新密市要在什么时候前基本建成全市基层政务公开标准体系?")
    assert answer.status == "answered" and "2023年底" in answer.text
    assert answer.path in ("llm", "extractive")
    assert all(c.item.locality == "新密市" for c in answer.citations)
    assert answer.timings["generate_s"] >= 0


def test_streaming_gives_text_before_the_end(real_searcher, local_llm):
    assistant = Assistant(real_searcher, llm=local_llm)
    events = list(assistant.stream("阜康市行政执法机关作出重大行政执法决定后多少日内要报送备案?"))
    kinds = [e["type"] for e in events]
    assert kinds[-1] == "final" and ("delta" in kinds or "replace" in kinds)
    assert "15日" in events[-1]["answer"].text


def test_absent_answer_is_declined(real_searcher, local_llm):
    assistant = Assistant(real_searcher, llm=local_llm)
    answer = assistant.answer("新密市府院联席会议多久开一次?")
    assert answer.status == "not_found"
