"""Arithmetic in code: numbers read with their labels, results with their working and operands."""
from __future__ import annotations

from datetime import date

from assistant import compute
from eval import metrics

SENTENCE = "全县调处行政调解案件1218件，调解成功1164件，成功率95.6%；人民调解组织调解纠纷3342件，调解成功3301件，成功率98.8%。"


def test_numbers_carry_unit_label_and_their_part_of_the_sentence():
    nums = compute.numbers_in(SENTENCE)
    assert [n.text for n in nums] == ["1218", "1164", "95.6", "3342", "3301", "98.8"]
    assert [n.unit for n in nums] == ["件", "件", "%", "件", "件", "%"]
    assert nums[1].label == "调解成功" and nums[3].label == "人民调解组织调解纠纷"
    assert "行政调解" in nums[2].context and "行政调解" not in nums[5].context  # split at "；"


def test_years_and_dates_are_not_operands():
    nums = compute.numbers_in("2021年,州直共监督检查各类单位8510家,2022年7月1日起监督次数13396次。")
    assert [n.text for n in nums] == ["8510", "13396"]


def test_operations_show_their_working():
    a, b = compute.numbers_in("成功率95.6%,成功率98.8%")
    diff = compute.difference(a, b)
    assert diff.result == "3.2" and diff.working == "98.8% − 95.6% = 3.2个百分点"
    assert diff.operands == ("98.8", "95.6")
    x, y = compute.numbers_in("废止9件、修改4件")
    part = compute.total([x, y])
    assert part.working == "9件 + 4件 = 13件"
    whole = compute.numbers_in("清理61件")[0]
    assert compute.share(part, whole).result == "21.3"
    times, units = compute.numbers_in("监督次数13396次,单位8510家")
    assert compute.ratio(times, units).result == "1.57"


def test_dates():
    gap = compute.days_between((date(2023, 8, 15), "2023年8月15日"), (date(2022, 7, 1), "2022年7月1日"))
    assert gap.result == "410" and gap.operands == ("2022年7月1日", "2023年8月15日")
    end = compute.add_years((date(2023, 10, 1), "2023年10月1日"), 2, "有效期2年")
    assert end.result == "2025年9月30日"


def test_grounded_needs_every_operand_cited_or_computed_before():
    x, y = compute.numbers_in("废止9件、修改4件")
    steps = [compute.total([x, y]), compute.share(compute.total([x, y]), compute.numbers_in("清理61件")[0])]
    assert compute.grounded(steps, "集中清理规范性文件61件，废止9件、修改4件。")
    assert not compute.grounded(steps, "废止9件、修改4件。")  # 61 is in no citation


def test_eval_allows_a_computed_number_only_with_cited_operands():
    cite = {"text": "受理11件,确认违法1件,撤销3件", "section": "一、(九) 三是", "locality": "伊犁州"}
    answer = {"status": "answered", "answer": "约占36.4%。计算:3件 + 1件 = 4件;4 ÷ 11 ≈ 36.4%[1]",
              "citations": [cite],
              "computed": [{"result": "4", "operands": ["3", "1"]}, {"result": "36.4", "operands": ["4", "11"]}]}
    assert metrics.ungrounded_values(answer) == []
    answer["computed"][1]["operands"] = ["4", "12"]
    assert metrics.ungrounded_values(answer) == ["36.4%", "36.4%"]


def test_days_a_rule_names_without_a_year_are_days_of_one_year():
    from assistant.compute import days_between, month_days_in

    found = month_days_in("每年3月1日前向党委报告,每年4月1日前向社会公开;2023年5月8日印发")
    assert [t for _, t in found] == ["3月1日", "4月1日"]  # not the 5月8日 of a full date
    assert days_between(found[0], found[1]).result == "31"


def test_a_day_written_after_a_dated_one_is_in_its_year():
    from assistant.compute import dates_in

    found = dates_in("各牵头单位要于2024年7月5日和12月5日前报送。鹤汀市人民政府 2024年2月27日")
    assert [(d.isoformat(), t) for d, t in found] == [("2024-07-05", "2024年7月5日"), ("2024-12-05", "12月5日"),
                                                     ("2024-02-27", "2024年2月27日")]
    assert [t for _, t in dates_in("2024年7月5日前完成。12月5日前报送")] == ["2024年7月5日"]  # another sentence: no year known


def test_a_count_times_a_rate_of_it_and_a_months_end():
    base, rate = compute.numbers_in("评查行政执法案卷420卷，优秀率83.1%")
    step = compute.product(base, rate)
    assert step.result == "349" and step.working == "420卷 × 83.1% ≈ 349卷"
    assert compute.month_ends_in("2024年3月底前", 2023) == [(date(2024, 3, 31), "2024年3月底")]
    assert compute.month_ends_in("12月底前完成", 2024) == [(date(2024, 12, 31), "12月底")]
    assert compute.month_ends_in("2月底前", 2024)[0][0] == date(2024, 2, 29)


def test_a_count_from_a_rate_is_a_whole_number_of_things():
    base, rate = compute.numbers_in("全年评查案卷不少于150卷，优秀率达到85%。")
    step = compute.product(base, rate)
    assert step.result == "127.5"
    up, down = compute.whole_count(step, "卷", at_least=True), compute.whole_count(step, "卷", at_least=False)
    assert (up.result, down.result) == ("128", "127") and up.operands == ("127.5",)
    exact = compute.product(*compute.numbers_in("不少于200卷，优秀率达到80%"))
    assert compute.whole_count(exact, "卷", at_least=True) is exact  # 160卷: nothing to round
