"""Round 32's unit questions in the words officials use, and round 31's cross-place ones: an item
cited by where it stands in the outline ("第二部分（三）下面第②条", "最后一部分那条"), a part the plan
does not have, a unit's role in a task with "还有别的吗?" (its other tasks), and two places compared
where one place's item is found only by what is asked of that place alone."""
from __future__ import annotations

from assistant.outline_address import LAST, Address, address_of, addressed, beyond_parts, cn_numeral
from tests.small_plans import assistant_over

PLAN = ("泽宁县2025年法治政府建设工作要点\n"
        "一、完善依法决策机制\n"
        "（一）健全重大行政决策目录管理\n"
        "1.3月底前公布年度决策事项目录。（牵头单位：县政府办公室；责任单位：县司法局）\n"
        "2.推行合法性审核全覆盖，审核时间一般不少于5个工作日。（牵头单位：县司法局；责任单位：各乡镇）\n"
        "（二）加强规范性文件备案\n"
        "3.规范性文件在公布之日起30日内报县政府备案。（责任单位：各乡镇、县直各部门）\n"
        "二、严格规范行政执法\n"
        "（三）推进执法协调监督\n"
        "4.建立执法监督联系点10个，6月底前完成。（牵头单位：县司法局；责任单位：县市场监管局）\n"
        "5.规范涉企行政检查，同一部门对同一企业年度内检查不超过2次。（牵头单位：县市场监管局；责任单位：县司法局）\n"
        "6.开展统计执法双随机检查不少于2次。（牵头单位：县统计局；责任单位：县直各部门）\n")


def test_an_outline_place_read_in_the_words_people_cite_it_with():
    assert address_of("乌县方案第十部分（三十）下面头一条，牵头单位写的谁？") == Address(10, 30, 1)
    assert address_of("霁川要点第五部分第（三）条，括号里写的是谁？") == Address(5, 3, None)
    assert address_of("松屿分工方案（三）下面第②条谁负责？") == Address(None, 3, 2)
    assert address_of("阜康要点最后一部分那条是谁牵头") == Address(LAST, None, None)
    assert address_of("一、（一）②谁牵头") == Address(1, 1, 2)
    assert address_of("五、(十一) 32.谁牵头") == Address(5, 11, 32)
    assert address_of("第三部分下面有几条") == Address(3, None, None)
    assert address_of("2024年第一季度完成了吗") is None  # a quarter is not a part
    assert [cn_numeral(n) for n in (9, 10, 34)] == ["九", "十", "三十四"]


def test_an_item_cited_by_its_place_is_answered_from_that_item(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁要点第二部分（三）下面第二条谁牵头？")
    assert answer.text.startswith("泽宁县:县市场监管局牵头") and answer.citations[0].item.section.startswith("二、(三) 5.")
    answer = a.answer("泽宁要点（二）下面那条谁负责？标没标牵头？")
    assert "没有牵头单位" in answer.text and "县直各部门" in answer.text
    # "最后一条" of a section; the items of a part, found by position, not by their printed numbers
    items = [i for i in a.items if i.kind == "task"]
    assert [i.section for i in addressed(Address(2, 3, LAST), items)] == ["二、(三) 6."]
    assert [i.section for i in addressed(Address(1, None, 2), items)] == ["一、(一) 2."]
    assert len(addressed(Address(1, None, None), items)) == 3  # a part alone: its section's items


def test_a_part_the_plan_does_not_have_is_said_to_be_missing(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁要点第九部分第1项谁牵头？")
    assert answer.status == "not_found" and "没有第九部分" in answer.text and "只有2个部分" in answer.text
    assert beyond_parts(Address(3), [i for i in a.items if i.kind == "task"])
    assert not beyond_parts(Address(LAST), [i for i in a.items if i.kind == "task"])


def test_a_units_part_in_a_task_and_its_other_tasks(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    # "是不是就牵头那个…的活?还有别的吗?": the unit's tasks, the one named among them
    answer = a.answer("泽宁县统计局在要点里，是不是就牵头那个双随机查统计的活？还有别的吗？")
    assert "共1项" in answer.text and "双随机" in answer.text
    answer = a.answer("泽宁县司法局是不是要配合涉企检查那件事？还有别的吗？")
    assert "县司法局" in answer.text and "共4项" in answer.text
    # other units asked after it are not the unit's other tasks
    answer = a.answer("泽宁执法监督联系点那条是县司法局牵头吗？还有别的单位吗？")
    assert "共" not in answer.text.split("\n")[0] and "县市场监管局" in answer.text


OTHER = ("澄江县2024年法治政府建设重点任务清单\n"
         "一、规范涉企检查\n"
         "1.全面推行扫码入企，涉企行政检查频次同比下降20%以上。（牵头单位：县司法局；责任单位：县直各行政执法部门）\n"
         "2.开展法治宣传进企业活动不少于12场。（牵头单位：县司法局；责任单位：县工商联）\n")


def test_two_places_compared_each_judged_by_what_is_asked_of_it(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN, chengjiang_txt=OTHER)
    # 泽宁's own words (第二部分第二条) would count against 澄江's item when judged by the whole question
    answer = a.answer("压涉企检查，泽宁第二部分第二条和澄江清单各怎么量化的？各是谁挑头")
    assert "澄江县:县司法局牵头" in answer.text and "20%" in answer.text
    assert "泽宁县:县市场监管局牵头" in answer.text


def test_a_units_part_in_a_task_described_loosely_is_found_among_its_tasks(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    # the words say little of the task ("管了一条执法监督方面的活"); the plan names 县统计局 in
    # one task, which is the one asked about
    answer = a.answer("泽宁县统计局在要点里是不是挑头管了一条统计检查方面的活？")
    assert answer.text.startswith("县统计局是牵头单位") and answer.citations[0].item.section.startswith("二、(三) 6.")


PARTY_PLAN = ("中共泽宁县委全面依法治县委员会办公室\n"
              "泽宁县2023年法治政府建设工作要点\n"
              "一、深化行政执法改革\n"
              "（一）推动执法重心下移，年内完成赋权事项评估。（县委编办、县司法局牵头，各乡镇按职责分工负责）\n"
              "（二）开展执法案卷评查不少于100卷。（县司法局牵头）\n")


def test_a_plan_named_by_its_party_issuer(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PARTY_PLAN, chengjiang_txt=OTHER)
    # "中共泽宁县委全面依法治县委员会办公室" is said without 中共, the place or 全面
    answer = a.answer("县委依法治县委员会办公室2023年印发的那个要点里，县委编办牵头几条？跟谁一起？")
    assert "共1条(泽宁县)" in answer.text and "与县司法局共同牵头" in answer.text


RATES = ("澄江县2024年法治政府建设重点任务清单\n"
         "一、规范行政应诉\n"
         "1.落实行政机关负责人出庭应诉制度，负责人出庭应诉率达到100%。（牵头单位：县司法局）\n")
NO_RATE = ("泽宁县2024年法治政府建设工作要点\n"
           "一、规范行政应诉\n"
           "（一）落实行政机关负责人出庭应诉制度，生效裁判后30个自然日内报备出庭应诉情况。（县司法局牵头）\n")


def test_a_difference_of_two_places_takes_each_figure_from_its_own_place(tmp_path):
    from assistant.evidence import measure_pattern

    # "差几个点" asks percentage points, not a count of 个
    assert measure_pattern("跟澄江的100%比差几个点").search("85%")
    assert not measure_pattern("设立几个点").search("85%")
    a = assistant_over(tmp_path, zening_txt=NO_RATE, chengjiang_txt=RATES)
    # 泽宁 states no rate: its figure is not taken from 澄江's item (the search fills up from other
    # places when a place holds few items), so no difference is computed ("100% − 100% = 0")
    answer = a.answer("泽宁2024年要求行政机关负责人出庭应诉率达到多少？跟澄江清单的100%比差几个点")
    assert answer.path != "computed" and "0个百分点" not in answer.text
    assert {c.item.locality for c in answer.citations} == {"泽宁县", "澄江县"}
