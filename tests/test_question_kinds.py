"""The learned question kinds: what they learn from, and the one reading they overrule."""
from __future__ import annotations

import json

import pytest

from assistant import question_kinds
from assistant.understand import understand


def _write(folder, name, rows):
    (folder / name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")


def test_they_never_learn_from_blind_sets_or_held_out_questions(tmp_path):
    _write(tmp_path, "tune.jsonl", [{"question": "谁牵头?", "type": "lead_unit"},
                                    {"question": "花了多少钱?", "type": "unanswerable"}])
    _write(tmp_path, "blind.jsonl", [{"question": "盲题", "type": "lead_unit"}])
    _write(tmp_path, "para-blind.jsonl", [{"question": "盲题二", "type": "unanswerable"}])
    assert question_kinds.labelled_questions(tmp_path, held_out=["谁牵头?"]) == [("花了多少钱?", "unanswerable")]


def test_a_rewording_of_a_held_out_question_is_held_out_with_it(tmp_path):
    _write(tmp_path, "tune.jsonl", [{"question": "谁牵头?", "type": "lead_unit"},
                                    {"question": "花了多少钱?", "type": "unanswerable"}])
    _write(tmp_path, "para2-tune.jsonl", [{"question": "哪家挑头?", "orig_question": "谁牵头?", "type": "lead_unit"}])
    assert question_kinds.labelled_questions(tmp_path, held_out=["谁牵头?"]) == [("花了多少钱?", "unanswerable")]
    assert ("哪家挑头?", "lead_unit") in question_kinds.labelled_questions(tmp_path)


def test_the_battery_holds_out_the_questions_a_set_rewords():
    from eval.battery import _rewords

    origs = _rewords("para2-tune")
    assert origs and all(isinstance(o, str) for o in origs)
    assert _rewords("tune29") == []


def test_without_two_kinds_to_learn_from_the_rules_decide_alone(tmp_path):
    _write(tmp_path, "tune.jsonl", [{"question": "谁牵头?", "type": "lead_unit"}])
    assert question_kinds.load(folder=tmp_path) is None
    assert question_kinds.load(folder=tmp_path / "missing") is None


def test_they_learn_how_each_kind_is_worded(tmp_path):
    topics = ["复议体制改革", "执法人员培训", "证明事项清理", "权责清单调整", "行政调解", "普法宣传"]
    rows = [{"question": f"{t}由哪个单位牵头?", "type": "lead_unit"} for t in topics]
    rows += [{"question": f"县司法局在{t}里只当配合单位的有哪几条?", "type": "unit_tasks"} for t in topics]
    _write(tmp_path, "tune.jsonl", rows)
    kinds = question_kinds.load(folder=tmp_path)
    assert kinds.size == 12
    assert kinds.probability("县财政局只当配合单位的有哪几条?", "unit_tasks") > 0.5
    assert kinds.probability("行政应诉由哪个单位牵头?", "lead_unit") > 0.5


@pytest.fixture(scope="module")
def project_kinds():
    return question_kinds.load(held_out=[ASKED_BY_COUNT])


# Not in any labelled set (held out above in case one adds it): the asker's unit and whether it
# leads anything, which the unit-task patterns read as asking who leads
ASKED_BY_COUNT = "我是县委政法委的，霁川那个要点里有我们牵头的事吗?跟谁一起"


def test_the_project_kinds_are_learned_from_thousands_of_questions(project_kinds):
    assert project_kinds is not None and project_kinds.size > 2000
    assert project_kinds.probability("乌鲁木齐县清理规范各种工作专班谁牵头?", "lead_unit") > 0.5


def test_a_unit_task_question_the_patterns_miss_is_read_as_one(project_kinds):
    units = {"县委政法委", "县司法局", "县政府办公室"}
    alone = understand(ASKED_BY_COUNT, known_units=units, known_localities=("霁川县",))
    learned = understand(ASKED_BY_COUNT, known_units=units, known_localities=("霁川县",), kinds=project_kinds)
    assert alone.intent != "unit_tasks"  # the gap the learned kinds fill
    assert learned.intent == "unit_tasks" and learned.unit == "县委政法委"


def test_a_lead_question_stays_one(project_kinds):
    units = {"县财政局", "县司法局"}
    query = understand("霁川县行政执法协调监督工作体系建设由哪个单位牵头?", known_units=units,
                       known_localities=("霁川县",), kinds=project_kinds)
    assert query.intent == "lead"
