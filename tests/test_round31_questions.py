"""Round 31's multi-step questions and para3's rewordings: the item before or after a named one, a
section named by its number and asked "各由谁牵头", a section named in one clause of several, a
chain whose second step is a numbered part, 时间节点 as a time limit asked, and a named unit's
items counted in words the rules lack (the learned kinds overrule a figure asked)."""
from __future__ import annotations

from assistant import fields, question_kinds
from assistant.understand import understand
from tests.small_plans import assistant_over

PLAN = ("泽宁县2025年法治政府建设工作要点\n"
        "一、完善依法决策机制\n"
        "（一）健全重大行政决策目录管理。3月底前公布年度决策事项目录。（牵头单位：县政府办公室；责任单位：县司法局）\n"
        "（二）推行合法性审核全覆盖。审核时间一般不少于5个工作日。（牵头单位：县司法局；责任单位：各乡镇）\n"
        "二、严格规范行政执法\n"
        "（一）推进行政执法协调监督。建立执法监督联系点10个，6月底前完成。（牵头单位：县司法局；责任单位：县市场监管局）\n"
        "（二）规范涉企行政检查。同一部门对同一企业年度内检查不超过2次，9月底前完成。（牵头单位：县市场监管局；责任单位：县司法局）\n"
        "（三）加强应急预案管理。修订专项应急预案不少于8项，年底前完成。（牵头单位：县应急管理局；责任单位：县财政局）\n")


def test_the_item_after_or_before_a_named_one(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁推行合法性审核全覆盖那项，紧接着的下一项是管什么的？谁挑头")
    assert "下一项是二、(一)" in answer.text and "县司法局牵头" in answer.text.split("下一项是")[1]
    assert [c.item.section for c in answer.citations][1].startswith("二、(一)")
    answer = a.answer("泽宁规范涉企行政检查那条，前一项和后一项各是谁牵头？")
    after = answer.text.split("下一项是")[1]
    assert "前一项是二、(一)" in answer.text and "县应急管理局牵头" in after and len(answer.citations) == 3
    # the item pointed from says its own units: the two are often compared
    answer = a.answer("泽宁推进行政执法协调监督那条和它的下一项，是不是同一家牵头？")
    assert answer.text.startswith("牵头单位不同") and "(县司法局牵头" in answer.text
    # "A那条和B那条，前一项…" is the former of the two named, not a neighbour
    answer = a.answer("泽宁推行合法性审核全覆盖那条和加强应急预案管理那条，前一项是谁牵头？")
    assert "前一项是" not in answer.text
    answer = a.answer("泽宁健全重大行政决策目录管理那项的上一项是什么")
    assert "没有,这是文件的第一项任务" in answer.text
    # "最后一项" is the last item, not the one after another
    assert "下一项是" not in a.answer("泽宁要点最后一项是谁牵头？").text


def test_a_section_by_number_with_each_lead_asked_and_in_one_clause_of_several(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁要点第二部分执法那块三条，各由谁牵头？")
    assert "共3" in answer.text and "县应急管理局" in answer.text and len(answer.citations) == 3
    # the section is named in one clause; another asks the time limits (时间节点)
    answer = a.answer("泽宁要点严格规范行政执法那一类几项，谁牵头，时间节点各是啥")
    assert "共3" in answer.text and "9月底前" in answer.text
    assert fields.ASKS_WHEN.search("时间节点各是啥")


def test_a_chain_whose_second_step_is_a_numbered_part(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁推行合法性审核全覆盖那条的牵头单位，在第二部分还挑了哪几条头？")
    assert "二、“严格规范行政执法”里还牵头1" in answer.text
    assert any(c.item.section.startswith("二、(一)") for c in answer.citations)
    assert not any(c.item.section.startswith("二、(二)") for c in answer.citations)


def test_a_named_units_items_counted_in_words_the_rules_lack():
    kinds = question_kinds.load()
    known = ("县委组织部", "县司法局")
    said = "我们是泽宁县委组织部，2025年那份要点点到我们的条目一共几个"
    assert understand(said, known_units=known).intent == "number"  # the rules alone read a figure
    assert understand(said, known_units=known, kinds=kinds).intent == "unit_tasks"
    # no unit named: the rules' reading stands
    assert understand("2025年那份要点审核时间一共几个工作日", known_units=known, kinds=kinds).intent == "number"


# para3: round 30's unit questions reworded
SONGYU = ("松屿区2024年重点任务分工方案\n"
          "一、深化行政执法改革\n"
          "（一）推进执法事项下放\n"
          "①开展下放事项评估，年底前完成。（区司法局（牵头）、区委编办）\n"
          "②对下放镇（街道）的执法事项开展承接评估。（区委编办（牵头）、区司法局（牵头）、各镇（街道））\n"
          "（二）规范执法程序\n"
          "①全面落实行政执法三项制度。（区司法局（牵头）、区市场监管局）\n")


def test_an_item_cited_by_its_place_in_the_outline_or_its_serial_number():
    from assistant import fields

    assert fields.cited_marker("松屿分工方案一、(一)2,标了牵头的两家以外") == ("一", "一", 2)
    assert fields.cited_marker("新密工作安排三、(六)那条") == ("三", "六", None)
    assert fields.cited_marker("一、二、三部分") is None and fields.cited_marker("2、3季度") is None
    assert fields.cited_number("我们县任务分工表中编号18的那项任务由哪个单位牵头") == 18


def test_unit_questions_of_para3(tmp_path):
    a = assistant_over(tmp_path, songyu_txt=SONGYU)
    # an item cited by its outline place, ② read as 2
    answer = a.answer("松屿分工方案一、（一）②，标了牵头的两家以外，还有哪家有份")
    assert "各镇(街道)" in answer.text and answer.citations[0].item.section.startswith("一、(一) 2")
    # a premise with the lead word first, corrected
    answer = a.answer("松屿全面落实行政执法三项制度那条，挑头的是不是区市场监管局？")
    assert answer.text.startswith("不是") and "区司法局" in answer.text
    # units counted: a question about units, not a figure in the text
    answer = a.answer("松屿对下放镇（街道）的执法事项开展承接评估那条，列了多少家责任单位？")
    assert answer.status == "answered" and "各镇(街道)" in answer.text
    # the joint ones left out in so many words
    answer = a.answer("松屿 区司法局独家打头的条目数 联合牵头的除外")
    assert "单独牵头的任务共2" in answer.text


def test_a_unit_named_and_its_part_asked_after_the_item():
    known = ("县财政局", "县委编办", "县司法局")
    said = "乌鲁木齐县财政局这边想核实一下：分解方案第30项，成立综合执法队伍的那条，我们局是什么身份？"
    query = understand(said, known_units=known)
    assert query.intent == "responsible" and query.unit == "县财政局"
    said = "我是县司法局的，若干措施第九条，我们是主办单位吗"
    assert understand(said, known_units=known, kinds=question_kinds.load()).intent == "lead"


def test_a_chain_counting_each_lead_of_an_item_in_the_whole_document(tmp_path):
    a = assistant_over(tmp_path, songyu_txt=SONGYU)
    answer = a.answer("松屿对下放镇（街道）的执法事项开展承接评估那条挂了两家牵头，这两家在整份方案里各挑了几条头？谁最多")
    assert "牵头最多的是区司法局(3条)" in answer.text
    assert "区委编办在这份文件里一共牵头1条" in answer.text


def test_items_counted_by_a_figure_they_set(tmp_path):
    plan = ("泽宁县2025年依法行政工作要点\n"
            "1.严格落实合法性审核，审核率达到100%。（县司法局）\n"
            "2.规范执法检查，联合检查占比达到30%以上。（县市场监管局）\n"
            "3.推进政务公开，按时办复率达到100%。（县政府办公室）\n"
            "4.提升复议质量，纠错率控制在1100人次以内。（县司法局）\n")
    a = assistant_over(tmp_path, zening_txt=plan)
    answer = a.answer("泽宁依法行政要点里，把哪项指标定到100%的一共有几条？")
    assert answer.text.startswith("2条") and len(answer.citations) == 2
