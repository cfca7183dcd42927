"""Session 24: items counted and compared by their fields, parts of a document compared by size,
a unit asked of a report that names none, and a unit's tasks with their time limits."""
from __future__ import annotations

from tests.small_plans import assistant_over

# a made-up table-like plan: parts of unequal size, one or two leads, time limits in a column of words
PLAN = ("菱溪县2025年法治政府建设重点任务清单\n"
        "一、依法履职\n"
        "1.编制并公布重大行政决策事项目录。（牵头单位：县政府办公室；配合单位：县司法局；完成时限：2025年3月底前）\n"
        "2.动态调整行政许可事项清单。（牵头单位：县政务服务中心、县委编办；配合单位：县司法局、县发改委、县财政局；完成时限：2025年4月底前）\n"
        "3.落实政府法律顾问制度。（牵头单位：县司法局；完成时限：2025年6月底前）\n"
        "二、行政执法\n"
        "4.开展行政执法案卷评查。（牵头单位：县司法局、县市场监管局；配合单位：县直各执法部门；完成时限：2025年10月底前）\n"
        "5.深化乡镇综合行政执法改革。（牵头单位：县委编办、县司法局；完成时限：2025年12月底前）\n"
        "6.推行柔性执法。（牵头单位：县市场监管局；完成时限：长期坚持）\n"
        "7.加强行政执法协调监督。（牵头单位：县司法局；完成时限：持续推进）\n"
        "三、复议应诉\n"
        "8.推进行政复议规范化建设。（牵头单位：县司法局；完成时限：2025年12月底前）\n")

REPORT = ("苇塘县人民政府关于2024年度法治政府建设情况的报告\n"
          "一、2024年工作情况\n"
          "（一）深化综合行政执法改革\n"
          "一是向12个乡镇下放行政执法事项40项，组建乡镇综合行政执法队12支。\n"
          "二是成立了以县长为组长、县发改委、财政局等部门为成员的行政调解工作协调小组。\n")


def test_items_filtered_by_how_many_units_a_role_lists_with_the_most_named(tmp_path):
    a = assistant_over(tmp_path, lingxi_txt=PLAN)
    answer = a.answer("菱溪清单里，两家单位一起牵头的有几项？其中带县委编办的是哪几项？")
    assert answer.text.startswith("3项") and "其中县委编办参与的有2项" in answer.text
    answer = a.answer("菱溪清单里配合单位写得最多的是哪一项？几家")
    assert "共3家:县司法局、县发改委、县财政局" in answer.text and len(answer.citations) == 1


def test_a_period_asked_counts_every_limit_up_to_its_end_and_names_the_first_due(tmp_path):
    a = assistant_over(tmp_path, lingxi_txt=PLAN)
    answer = a.answer("菱溪清单里完成时限在上半年的有几项？各是谁牵头，哪项最早到期？")
    assert answer.text.startswith("3项") and "完成时限:2025年4月底前" in answer.text
    assert "最早到期的是一、 1.(第1项)" in answer.text and "2025年3月底前" in answer.text
    answer = a.answer("菱溪清单里完成时限写“长期坚持”或者“持续推进”的有几项？")
    assert answer.text.startswith("2项")


def test_the_parts_of_a_document_compared_by_their_number_of_tasks(tmp_path):
    a = assistant_over(tmp_path, lingxi_txt=PLAN)
    answer = a.answer("菱溪那张清单哪一部分任务最多？最少的是哪部分，几项？")
    assert "最多的是二、行政执法,4项" in answer.text and "最少的是三、复议应诉,1项" in answer.text
    assert "(共8项)" in answer.text and len(answer.citations) == 8


def test_a_unit_asked_of_a_report_that_names_none_is_declined_with_what_it_says(tmp_path):
    a = assistant_over(tmp_path, weitang_txt=REPORT)
    answer = a.answer("苇塘组建乡镇综合行政执法队，是县里哪个部门牵头的？")
    assert answer.status == "not_found" and "没有写明牵头单位" in answer.text and "12支" in answer.text
    # a report sentence that names the bodies answers in its own words
    answer = a.answer("苇塘行政调解工作协调小组的成员包括哪些部门？")
    assert answer.status == "answered"


def test_a_units_tasks_carry_their_time_limits(tmp_path):
    a = assistant_over(tmp_path, lingxi_txt=PLAN)
    answer = a.answer("我们是菱溪县市场监管局，清单里有我们挑头的吗？有几项")
    assert "(完成时限:长期坚持)" in answer.text and "(完成时限:2025年10月底前)" in answer.text


def test_a_part_asking_about_a_named_units_role_does_not_hide_the_item(tmp_path):
    from assistant.route_fields import _without_unit_part
    from assistant.understand import understand

    other = PLAN.replace("菱溪县", "荷塘县").replace("县委编办", "县统计局")
    a = assistant_over(tmp_path, lingxi_txt=PLAN, hetang_txt=other)
    q = "深化乡镇综合行政执法改革这项，菱溪和荷塘各是哪个单位牵头？县委编办在两边是什么角色"
    query = understand(q, None, a.max_question_chars, a.unit_names, tuple(a.searcher.localities), a.kinds)
    bare = _without_unit_part(a, query)  # the item is named by the part that does not ask about the unit
    assert "综合行政执法改革" in bare.topic and "角色" not in bare.topic and "编办" not in bare.topic
    answer = a.answer(q)
    assert answer.status == "answered" and "县委编办、县司法局牵头" in answer.text and "县统计局、县司法局牵头" in answer.text


def test_a_short_section_lists_every_unit_and_an_item_without_units_says_so(tmp_path):
    text = PLAN.replace("8.推进行政复议规范化建设。（牵头单位：县司法局；完成时限：2025年12月底前）\n",
                        "8.推进行政复议规范化建设。（牵头单位：县司法局；完成时限：2025年12月底前）\n9.自觉接受人大监督。\n")
    a = assistant_over(tmp_path, lingxi_txt=text)
    answer = a.answer("菱溪清单第三部分复议应诉有几项？各管啥、谁牵头")
    assert "(没有写单位)" in answer.text
    answer = a.answer("菱溪清单第一部分依法履职有几项？谁牵头")
    assert "(县政务服务中心、县委编办牵头,县司法局、县发改委、县财政局配合)" in answer.text


def test_a_short_count_list_shows_more_of_each_tasks_words(tmp_path):
    text = PLAN.replace("6.推行柔性执法。", "6.全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度（三项制度）。")
    a = assistant_over(tmp_path, lingxi_txt=text)
    answer = a.answer("菱溪清单里完成时限写“长期坚持”的有几项？")
    assert answer.text.startswith("1项") and "（三项制度）" in answer.text


def test_an_item_whose_number_was_lost_is_cited_by_its_running_number_and_a_role_by_the_documents_label():
    from assistant.fields import listed_section
    from assistant.unit_lists import _part_of
    from tests.test_question_conventions import _item

    assert listed_section(_item(section="二、(六) [11]")) == "二、(六) [11](第11项)"
    dept = _item(responsible_units=("各行政执法部门",), units_raw="牵头单位:市司法局;责任部门:各行政执法部门")
    assert _part_of(dept, frozenset({"各行政执法部门"})) == "责任部门"
