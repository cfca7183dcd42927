"""One vocabulary of target periods: a column's label, an item's text and a question meet in it."""
from corpus.periods import canonical, is_label, target_for
from corpus.pipeline import parse_text

PLAN = ("棠江市2026年法治政府建设重点任务推进计划\n"
        "序号\t重点任务\tQ1\tQ2\tQ3\tQ4\t2027年度目标\t牵头单位\n"
        "1\t权责清单动态调整\t完成梳理\t报市备案\t镇级清单编制完成\t—\t全面运行\t市委编办\n"
        "2\t信用修复改革\t压缩至3个工作日\t\t\t\t—\t市发展和改革局\n")


def test_a_period_is_compared_by_one_spelling():
    assert {canonical(p) for p in ("第3季度", "Q3", "三季度", "三季度目标")} == {"三季度"}
    assert canonical("2027年度目标") == "2027年" and canonical("6月份") == "6月"
    assert canonical("2026年Q1") == "2026年一季度"
    assert is_label("Q4") and is_label("2027年度目标") and not is_label("牵头单位")


def test_a_target_is_found_however_the_column_and_the_question_spell_its_period():
    tasks = [i for i in parse_text(PLAN, file="plan.txt").items if i.kind == "task"]
    assert target_for(tasks[0].text, "第三季度") == "镇级清单编制完成"
    assert target_for(tasks[0].text, "2027年") == "全面运行"
    assert target_for(tasks[0].text, "2026年三季度") == "镇级清单编制完成"  # a one-year plan's column
    assert target_for("推进权责清单动态调整。", "三季度") is None  # no targets by period at all


def test_items_filtered_by_a_quarter_printed_as_q3():
    from assistant.route_counts import field_filter

    tasks = [i for i in parse_text(PLAN, file="plan.txt").items if i.kind == "task"]
    keep, said = field_filter("哪些任务第三季度有目标？")
    assert said == "第三季度有目标" and [keep(i) for i in tasks] == [True, False]
    keep, _ = field_filter("2027年没安排目标的有几项")
    assert [keep(i) for i in tasks] == [False, True]
