"""A rule of the document applied to a figure the asker gives of their own case ("一个有50名执法人员
的局至少配几名?"): the rate or quota is cited, the asker's figure is said as theirs, code computes
(hash index, no LLM)."""
from __future__ import annotations

from assistant import route_given
from eval import metrics
from tests.small_plans import assistant_over

PLAN = ("苇塘县2025年法治政府建设工作要点\n"
        "一、规范行政执法\n"
        "1.加强法制审核力量。各行政执法单位配备专职法制审核人员，原则上不少于本单位执法人员总数的5%。（县司法局牵头）\n"
        "2.稳定执法队伍。各执法岗位上必须保证2名在编、持证的执法人员稳定在岗。（县司法局牵头，县人社局配合）\n"
        "3.提升审批效率。审批事项承诺办结时限比法定时限平均压缩50%以上。（县行政审批局牵头）\n"
        "4.推进复议调解。行政复议案件调解和解结案率不低于25%，全年组织培训2次。（县司法局牵头）\n")


def test_a_rate_applied_to_the_askers_figure_rounds_the_way_asked(tmp_path):
    a = assistant_over(tmp_path, weitang_txt=PLAN)
    answer = a.answer("苇塘要求法制审核人员占执法人员的比例，照这个算，一个有50名执法人员的局起码要配几名法制审核人员？")
    assert answer.path == "computed" and answer.text.split("。")[0].endswith("至少3名")
    assert "50名 × 5% = 2.5名" in answer.text and "取整" in answer.text
    assert "按提问中的50名执法人员计算" in answer.text  # the figure is said as the asker's
    assert metrics.ungrounded_values(answer.to_dict()) == []


def test_a_quota_per_thing_times_the_askers_count_of_things(tmp_path):
    a = assistant_over(tmp_path, weitang_txt=PLAN)
    answer = a.answer("苇塘对执法岗位在岗人员有要求，我们局有6个执法岗位的话，至少得保证几个在编持证的人？")
    assert answer.path == "computed" and "至少12名" in answer.text and "6个 × 2名 = 12名" in answer.text


def test_what_a_cut_leaves_unless_the_cut_is_asked(tmp_path):
    a = assistant_over(tmp_path, weitang_txt=PLAN)
    answer = a.answer("苇塘审批承诺时限要比法定时限压一半以上，假如一个事项法定30个工作日，承诺最多给几个工作日？")
    assert "最多15个工作日" in answer.text and "30个工作日 × 50% = 15个工作日" in answer.text
    assert metrics.ungrounded_values(answer.to_dict()) == []


def test_no_case_of_the_askers_own_no_given_figure():
    assert route_given.given_figures("苇塘复议结案60件里调解和解结了几件？") == []
    assert [n.text for n in route_given.given_figures("假如今年复议结了60件，调解和解率不低于25%，起码几件？")] == ["60"]


def test_a_given_figure_counts_only_when_the_question_says_it():
    answer = {"status": "answered", "question": "一个有50名执法人员的局至少配几名?",
              "answer": "至少3名。50名 × 5% = 2.5名[1]", "citations": [{"text": "不少于执法人员总数的5%"}],
              "computed": [{"result": "2.5", "operands": ["50", "5"], "given": ["50"], "working": ""}]}
    assert metrics.ungrounded_values(answer) == ["3"]  # the rounded count was not recorded as computed
    made_up = {**answer, "question": "一个局至少配几名?"}
    assert "50" in metrics.ungrounded_values(made_up)


def test_a_citations_date_grounds_a_gap_computed_from_it_as_written():
    answer = {"status": "answered", "question": "从印发到年底一共给了多少天?",
              "answer": "相隔139天。计算:2023年8月14日至2023年底前,相隔139天[1]。",
              "citations": [{"text": "2023年底前基本建成全市基层政务公开标准体系。", "date": "2023-08-14"}],
              "computed": [{"result": "139", "operands": ["2023年8月14日", "2023年底前"], "working": ""}]}
    assert metrics.ungrounded_values(answer) == []
    assert "139" in metrics.ungrounded_values({**answer, "citations": [{**answer["citations"][0], "date": ""}]})
