"""Layout families of rounds 7–9: units in an attached 分工表, tasks grouped under their lead unit,
a 考核评价指标 table, section notes, a responsibility matrix, a task list saved as CSV, tasks numbered
1.1 / 1-1, a division of labour listed by unit, units stated once on a heading. Small made-up
snippets, not the documents of those rounds."""
from __future__ import annotations

import pytest

from corpus.outline import marker_of
from corpus.load import load
from corpus.parse import parse_document
from corpus.pipeline import parse_text, read_document
from corpus.tables import header_roles
from corpus.unit_headings import heading_units

NOTICE = """泽宁县人民政府办公室关于印发泽宁县2025年法治政府建设实施方案的通知
泽政办发〔2025〕6号
各乡镇人民政府，县政府各部门：
现将《泽宁县2025年法治政府建设实施方案》印发给你们，请认真贯彻落实。
泽宁县人民政府办公室
2025年3月12日
"""


def _tasks(text: str, name: str = "plan.txt"):
    return [i for i in parse_text(text, file=name).items if i.kind == "task"]


def test_an_attached_division_table_gives_the_plan_items_their_units():
    text = NOTICE + """泽宁县2025年法治政府建设实施方案
一、重点任务
1．动态调整权责清单。6月底前完成县级部门权责清单调整。
2．深化“高效办成一件事”改革。年内新增“一件事”不少于6项。
3．规范涉企行政检查。涉企行政检查总量同比下降20%以上。
4．推行包容审慎监管。不予处罚事项不少于120项。
5．落实述法制度。主要负责人年终述法实现全覆盖。
二、保障措施
（一）加强组织领导。各部门主要负责人切实履行第一责任人职责。
附件
泽宁县2025年法治政府建设重点任务分工表
序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t第1项　动态调整权责清单\t县委编办\t县司法局\t2025年6月底前
2\t第2、3项\t县司法局\t县直各部门\t长期坚持
3\t包容审慎监管\t县市场监管局\t县直各行政执法部门\t2025年12月底前
注：方案第5项“落实述法制度”由各乡镇人民政府、县直各部门按职责分工负责，不列入本表。
"""
    items = parse_text(text, file="plan.txt").items
    tasks = {i.item_no: i for i in items if i.kind == "task"}
    assert sorted(tasks) == [1, 2, 3, 4, 5]  # the plan's items; 保障措施 and the rows are not tasks
    assert tasks[1].lead_units == ("县委编办",) and tasks[1].deadline == "2025年6月底前"
    assert tasks[2].lead_units == tasks[3].lead_units == ("县司法局",)  # one row, two items
    assert tasks[4].lead_units == ("县市场监管局",)  # by its title (推行包容审慎监管)
    assert tasks[5].responsible_units == ("各乡镇人民政府", "县直各部门")  # the 注 under the table
    rows = [i for i in items if i.kind == "closing" and "\t" in i.text]
    assert len(rows) == 3 and tasks[1].units_raw in rows[0].text  # the row is cited as where the unit is


def test_a_task_table_that_points_back_to_nothing_is_its_own_list():
    text = NOTICE + """一、工作要求
各单位要高度重视。
二、任务分工
序号\t工作任务\t牵头单位\t完成时限
1\t修订权责清单\t县委编办\t6月底前
2\t开展案卷评查\t县司法局\t11月底前
3\t推进政务公开\t县政府办公室\t12月底前
"""
    assert [i.lead_units for i in _tasks(text)] == [("县委编办",), ("县司法局",), ("县政府办公室",)]


def test_a_heading_that_names_units_leads_the_tasks_under_it():
    assert heading_units("四、区委编办、区司法局（共同牵头1项）") == ["区委编办", "区司法局"]
    assert heading_units("八、各街道办事处（牵头2项）") == ["各街道办事处"]
    assert heading_units("一、加强党对法治政府建设的领导") == []
    assert heading_units("（二）强化督查考核") == []
    assert heading_units("一、推进政府职能依法全面履行") == []  # no organ's name ends so
    text = NOTICE + """泽宁县2025年法治政府建设重点任务清单
一、县司法局（牵头2项）
1．严格规范性文件合法性审核，审核率达到100%。（县政府办公室配合）
2．推进社区法律顾问全覆盖。
责任单位：各乡镇人民政府
二、县委编办、县司法局（共同牵头1项）
1．推进乡镇综合行政执法队伍规范化建设，持证上岗率100%。
"""
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县司法局",), ("县委编办", "县司法局")]
    assert tasks[0].participating_units == ("县政府办公室",)
    assert tasks[1].responsible_units == ("各乡镇人民政府",)


def test_an_assessment_table_reads_its_indicators_as_items():
    header = ["序号", "一级指标", "二级指标", "评分标准", "分值", "责任单位"]
    assert header_roles(header) == {0: "no", 1: "category", 2: "text", 3: "text", 4: "score", 5: "responsible"}
    text = NOTICE + "\t".join(header) + """
1\t加强党的领导\t领导干部学法用法\t会前学法不少于4次，每少1次扣0.5分。\t4\t县委组织部（牵头）、县司法局
2\t加强党的领导\t年终述法\t述法覆盖率达到100%。\t3\t县委依法治县办（牵头）
合计\t\t\t\t100\t
"""
    tasks = _tasks(text)
    assert len(tasks) == 2  # the 合计 row is no task
    assert tasks[0].lead_units == ("县委组织部",) and tasks[0].responsible_units == ("县司法局",)
    assert tasks[0].section.startswith("加强党的领导")
    assert [t.score for t in tasks] == ["4", "3"]
    assert all(t.score_checked for t in tasks)  # no two rows next to each other share points


def test_points_may_be_added_only_where_no_cell_is_shared():
    from corpus.drafts import Draft
    from corpus.table_items import _check_points

    rows = [Draft("task", 0, 1, [], score=s) for s in ("5", "12", "12", "4")]
    _check_points(rows, [])  # 12, 12: one merged cell carried to two rows, or two indicators of 12
    assert [r.score_checked for r in rows] == [True, False, False, True]
    _check_points(rows, ["33"])  # the 合计 says each row has its own points
    assert all(r.score_checked for r in rows)
    # 5, 5 and 12, 12 with a 合计 12 short of the rows' sum: only the 12s can have been one cell
    rows = [Draft("task", 0, 1, [], score=s) for s in ("4", "5", "5", "4", "12", "12", "3")]
    _check_points(rows, ["33"])
    assert [r.score_checked for r in rows] == [True, True, True, True, False, False, True]
    _check_points(rows, ["40"])  # 5 short: nothing but the 5s explains it
    assert [r.score_checked for r in rows] == [True, False, False, True, True, True, True]
    _check_points(rows, ["30"])  # 15 short: no choice of shared cells explains it, so none is trusted
    assert [r.score_checked for r in rows] == [True, False, False, True, False, False, True]


def test_a_number_followed_by_a_date_still_numbers_an_item():
    text = NOTICE + """一、县政府办公室（牵头2项）
1．3月底前编制公布年度重大行政决策事项目录。（县司法局配合）
2．2025年底前完成政务公开标准目录修订。（县直各部门配合）
"""
    assert [t.item_no for t in _tasks(text)] == [1, 2]


def test_a_notice_title_wrapped_before_its_years_is_whole():
    text = NOTICE.replace("泽宁县人民政府办公室关于印发泽宁县2025年法治政府建设实施方案的通知",
                          "泽宁县人民政府关于印发泽宁县法治政府建设三年行动方案\n（2025—2027年）的通知")
    doc = parse_text(text + "一、重点任务\n1．修订权责清单。（县委编办负责）\n", file="plan.txt").doc
    assert doc.title == "泽宁县法治政府建设三年行动方案（2025—2027年）"


def test_an_assessment_sheet_with_only_a_title_row_names_its_place(tmp_path):
    import openpyxl

    from corpus.pipeline import read_document

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["泽宁县2025年度法治政府建设考核评价指标及评分细则"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "一级指标", "二级指标", "评分标准", "分值", "责任单位"])
    ws.append([1, "加强党的领导", "领导干部学法用法", "会前学法不少于4次。", 4, "县委组织部（牵头）、县司法局"])
    ws.append([2, None, "年终述法", "述法覆盖率达到100%。", 3, "县委依法治县办（牵头）"])
    ws.merge_cells("B3:B4")
    wb.save(tmp_path / "kh.xlsx")
    parsed = read_document(tmp_path / "kh.xlsx")
    assert parsed.doc.title == "泽宁县2025年度法治政府建设考核评价指标及评分细则"
    assert parsed.doc.locality == "泽宁县"
    tasks = [i for i in parsed.items if i.kind == "task"]
    assert [t.section for t in tasks] == ["加强党的领导 1.", "加强党的领导 2."]  # the merged 一级指标 carried down


def test_a_note_after_a_section_assigns_every_task_above_it():
    text = NOTICE + """一、深化行政执法体制改革
1．推进乡镇综合行政执法规范化建设，年内完成42项执法事项承接评估。
2．规范涉企行政检查，涉企现场检查次数同比下降15%以上。
以上任务由县司法局牵头，县直各行政执法部门按职责分工负责。
二、加强行政复议工作
3．发挥行政复议主渠道作用，审结率达到100%。
4．提高行政应诉质量，出庭应诉率保持100%。（县信访局负责）
5．推进政务公开，依申请公开按期答复率100%。
（本部分任务牵头单位：县政府办公室；责任单位：县直各部门）
"""
    items = parse_text(text, file="plan.txt").items
    tasks = [i for i in items if i.kind == "task"]
    # (a bracketed note alone under the last item is the section's, not that item's)
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县司法局",), ("县政府办公室",), (), ("县政府办公室",)]
    assert tasks[3].responsible_units == ("县信访局",)  # its own note, not the section's
    assert "以上任务" not in tasks[1].text  # the note is not the last item's text
    assert sum(1 for i in items if i.kind == "closing" and "以上任务" in i.text) == 1


def test_a_task_that_opens_with_its_unit_is_led_by_it():
    text = NOTICE + """一、重点任务
1．【县司法局】推进法治宣传教育，年内开展活动不少于20场。（县委宣传部配合）
2．县委编办、县司法局：完成权责清单调整。配合单位：各乡镇人民政府
3．推进政务公开，依申请公开按期答复率100%。
"""
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县委编办", "县司法局"), ()]
    assert tasks[0].participating_units == ("县委宣传部",) and tasks[1].participating_units == ("各乡镇人民政府",)


def test_a_responsibility_matrix_marks_each_units_part():
    text = NOTICE + """泽宁县2025年法治政府建设重点任务分工表
说明：表中“●”为牵头单位，“○”为配合单位。
序号\t重点任务\t县司法局\t县委编办\t县财政局\t各乡镇人民政府\t完成时限
1\t动态调整权责清单\t○\t●\t\t○\t6月底前
2\t规范涉企行政检查\t●\t\t○\t\t12月底前
3\t推进乡镇综合执法\t牵头\t牵头\t\t配合\t长期坚持
"""
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县司法局",), ("县司法局", "县委编办")]
    assert tasks[0].participating_units == ("县司法局", "各乡镇人民政府") and tasks[1].deadline == "12月底前"


def test_a_task_list_saved_as_csv_reads_as_a_table(tmp_path):
    import csv
    import io

    rows = [["泽宁县2025年法治政府建设重点任务分工表", "", "", "", "", "", ""],
            ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "备注"],
            ["1", "一、依法全面履行政府职能", "动态调整权责清单，年内完成", "县委编办", "县司法局、县直各部门", "6月底前", ""],
            ["2", "", "推进“一网通办”，网上可办率达到95%以上", "县政务服务中心", "县数据局,各乡镇人民政府", "12月底前", ""],
            ["3", "二、健全依法行政制度体系", "严格落实重大行政决策程序，\n合法性审查率100%", "县司法局", "", "长期坚持", ""]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "分工表.csv"
    path.write_bytes(buf.getvalue().encode("gbk"))  # what Chinese Windows Excel saves
    parsed = read_document(path)
    tasks = [i for i in parsed.items if i.kind == "task"]
    assert parsed.doc.title == "泽宁县2025年法治政府建设重点任务分工表" and parsed.doc.locality == "泽宁县"
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县政务服务中心",), ("县司法局",)]
    assert tasks[1].participating_units == ("县数据局", "各乡镇人民政府")  # a comma inside a quoted cell
    assert "程序，合法性审查率100%" in tasks[2].text  # a line break inside a cell, no 、 added
    assert tasks[2].deadline == "长期坚持"


def test_decimal_numbers_are_markers_but_decimal_figures_are_not():
    assert marker_of("1.1 深化行政审批制度改革").token == "1.1"
    assert marker_of("2-3 推进政务公开").family == "decimal"
    assert marker_of("2.1.3建立执法争议协调制度").family == "decimal3"
    for figure in ("1.5倍以上", "2.5 万元", "12.5%的案件", "2025-12"):
        assert marker_of(figure) is None, figure


def test_tasks_numbered_by_chapter_are_items():
    text = NOTICE + """1 依法全面履行政府职能
1.1 深化行政审批制度改革，全面推行告知承诺制。（牵头单位：县政务服务中心；配合单位：县直各部门）
1.2 动态调整权责清单，9月底前完成。（牵头单位：县委编办）
2 健全行政决策制度体系
2.1 严格执行重大行政决策程序，合法性审查率达到100%。
牵头单位：县司法局
配合单位：县政府办公室
"""
    tasks = _tasks(text)
    assert [t.section.split()[-1] for t in tasks] == ["1.1", "1.2", "2.1"]
    assert [t.lead_units for t in tasks] == [("县政务服务中心",), ("县委编办",), ("县司法局",)]


def test_a_division_of_labour_listed_by_unit_assigns_the_items():
    text = NOTICE + """一、深化行政执法体制改革
1.推进综合行政执法改革，整合执法队伍。
2.完善行政执法协调机制，建立执法争议协调制度。
二、健全行政复议体制
3.规范行政复议案件办理，案件办结率达到98%以上。
4.加强行政复议宣传，每年开展宣传活动不少于2次。
三、加强法治宣传
5.落实“谁执法谁普法”普法责任制。
6.开展法治宣传进乡村活动。
四、责任分工
（一）县司法局：牵头第1、3项，第4项；配合第5项。
（二）县委编办、县财政局：共同牵头第2项任务；配合第1项。
（三）县委宣传部负责第5—6项任务。
（四）县教育局：配合第三部分全部任务。
"""
    tasks = _tasks(text)
    assert len(tasks) == 6  # the division's lines are notes, not tasks
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县委编办", "县财政局"), ("县司法局",), ("县司法局",), (), ()]
    assert tasks[0].participating_units == ("县委编办", "县财政局")
    assert tasks[4].responsible_units == ("县委宣传部",)
    assert tasks[4].participating_units == ("县司法局", "县教育局") and tasks[5].participating_units == ("县教育局",)


def test_units_stated_once_on_a_heading_go_to_the_measures_below_it():
    text = NOTICE + """（一）深化行政执法体制改革（牵头单位：县司法局；配合单位：县委编办、县财政局）
1.推进综合行政执法改革，整合执法队伍。
2.完善行政执法协调机制，建立执法争议协调制度。
3.推行行政执法三项制度，执法全过程记录率100%。（牵头单位：县市场监管局）
（二）加强行政复议工作
牵头单位：县司法局　责任单位：县直各行政机关
4.规范行政复议案件办理，案件办结率达到98%以上。
5.加强行政复议宣传，每年开展宣传活动不少于2次。
"""
    tasks = _tasks(text)
    assert len(tasks) == 5
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县司法局",), ("县市场监管局",), ("县司法局",), ("县司法局",)]
    assert tasks[1].participating_units == ("县委编办", "县财政局") and tasks[2].participating_units == ()
    assert tasks[4].responsible_units == ("县直各行政机关",)


def test_a_markdown_table_from_an_online_document():
    text = NOTICE + """| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
|---|---|---|---|---|
| **一、依法全面履行政府职能** | | | | |
| 1 | 动态调整权责清单 | 县委编办 | 县司法局<br>县直各部门 | 2025年6月 |
| 2 | 推进“一网通办” | 县政务服务中心<br>县数据局 | - | 2025年12月 |
| 3 | 清理规范性文件（“立改废释”\\|备案审查） | 县司法局 |  | 2025年9月 |
"""
    tasks = _tasks(text, "qd.md")
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县政务服务中心", "县数据局"), ("县司法局",)]
    assert tasks[0].section.startswith("一、") and "**" not in tasks[0].section_path
    assert "“立改废释”|备案审查" in tasks[2].text and tasks[2].participating_units == ()


def test_a_progress_ledger_keeps_what_was_done_and_the_state():
    text = NOTICE + """泽宁县法治政府建设重点任务推进情况台账（截至2025年6月30日）
序号\t重点任务\t牵头单位\t责任人\t完成时限\t进展情况\t完成状态\t备注
1\t动态调整权责清单\t县委编办\t王明（副主任）\t2025年6月底\t已公布事项3120项。\t已完成\t
2\t规范涉企行政检查\t县市场监管局\t赵强（局长）\t2025年9月底\t尚未出台检查计划。\t滞后\t需加快
"""
    tasks = _tasks(text)
    assert [t.status for t in tasks] == ["已完成", "滞后"]
    assert tasks[0].text.endswith("进展情况:已公布事项3120项。") and tasks[0].heading == "动态调整权责清单"
    assert tasks[1].lead_units == ("县市场监管局",) and not tasks[1].responsible_units  # 责任人 is a person


def test_tasks_labelled_by_ordinal_words():
    text = NOTICE + """一、推进政府职能转变
任务一：动态调整权责清单，年内完成乡镇履职事项清单编制。
责任单位：县委编办（牵头）、县司法局
第二项：深化“高效办成一件事”改革。
牵头：县政务服务中心　配合：县数据局
二、严格规范执法
【任务3】推进乡镇综合行政执法规范化建设。
重点任务（四）规范涉企行政检查，检查总量同比下降20%。
牵头单位：县市场监管局
"""
    tasks = _tasks(text)
    assert [t.section for t in tasks] == ["一、 任务一", "一、 第二项", "二、 【任务3】", "二、 重点任务(四)"]
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县政务服务中心",), (), ("县市场监管局",)]


def test_units_before_the_task_or_after_a_dash():
    text = NOTICE + """一、重点任务
1．（县司法局牵头，县法院配合）推进行政复议体制改革，案件办结率达到98%。
2．规范涉企行政检查，检查总量同比下降20%。——县市场监管局牵头，县司法局配合
3．推进政务公开，依申请公开按期答复率100%（完成时限：9月底前）——责任单位：县政府办公室
4．开展法治宣传进乡村活动，覆盖2023—2025年。
5．规范行政应诉，出庭应诉率保持100%。（完成时限：长期坚持）——县司法局牵头，县直各部门配合
6．推进政务公开标准化规范化。
——县政府办公室牵头，县数据局配合
"""
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县市场监管局",), (), (), ("县司法局",), ("县政府办公室",)]
    assert tasks[4].deadline == "长期坚持" and tasks[4].participating_units == ("县直各部门",)
    assert tasks[1].participating_units == ("县司法局",) and "——" not in tasks[1].text
    assert tasks[2].responsible_units == ("县政府办公室",) and tasks[2].deadline == "9月底前"
    assert not tasks[3].responsible_units  # a dash inside a year span is no note


def test_a_range_in_a_division_line_is_no_dash_note():
    """第5—6项 is a range: the by-unit line stays whole, so it can be cited for the items it assigns."""
    text = NOTICE + """一、重点任务
1.推进综合行政执法改革。
2.完善行政执法协调机制。
3.规范行政复议案件办理。
二、责任分工
（一）县司法局：牵头第1—2项，配合第3项。
（二）县财政局：牵头第3项，配合第1—2项。
"""
    items = parse_text(text, file="plan.txt").items
    lines = [i.text for i in items if i.kind == "closing"]
    assert "县司法局：牵头第1—2项，配合第3项。" in lines and "县财政局：牵头第3项，配合第1—2项。" in lines
    tasks = [i for i in items if i.kind == "task"]
    assert [t.lead_units for t in tasks] == [("县司法局",), ("县司法局",), ("县财政局",)]


# --- a plan and its 分工表 published as two files (round 11) ---------------------------------------
_PLAN = """梧桐县人民政府办公室关于印发《梧桐县2025年法治政府建设工作要点》的通知
梧政办发〔2025〕9号
各乡镇人民政府，县政府各部门：
　　现将《梧桐县2025年法治政府建设工作要点》印发给你们，请认真贯彻落实。
　　附件：梧桐县2025年法治政府建设工作要点任务分工表
梧桐县人民政府办公室
2025年3月20日
梧桐县2025年法治政府建设工作要点
　　一、依法全面履行政府职能
　　1．动态调整权责清单。年内完成一次集中调整，调整结果及时向社会公布。
　　2．深化“放管服”改革。政务服务事项网上可办率达到95%以上。
　　二、严格规范公正文明执法
　　3．加强执法人员培训。行政执法人员每年培训不少于60学时。
　　4．推行“首违不罚”清单制度。对轻微违法行为依法不予处罚。
"""
_DIVISION = ("序号,重点任务,牵头单位,配合单位,完成时限\n"
             "1,动态调整权责清单,县委编办,县司法局,2025年12月底前\n"
             "2,深化“放管服”改革,县政务服务中心,县数据局,2025年10月底前\n"
             "3,加强执法人员培训,县司法局,各乡镇人民政府,长期坚持\n"
             "4,推行“首违不罚”清单制度,县市场监管局,\"县交通运输局、县文旅局\",2025年6月底前\n")


@pytest.mark.parametrize("head", ["附件\n梧桐县2025年法治政府建设工作要点任务分工表",
                                  "附件1：《梧桐县2025年法治政府建设工作要点》重点任务分工表",
                                  "附件2\n梧桐县2025年法治政府建设工作要点责任分工"])
def test_an_attachment_published_as_its_own_file_gives_the_plan_its_units(tmp_path, head):
    from corpus.attachments import named_plan
    from index.ingest import add_files, corpus_documents

    (tmp_path / "P0202503.txt").write_text(_PLAN, "utf-8")
    (tmp_path / "P0202504.csv").write_text(head + "\n" + _DIVISION, "utf-8")  # names say nothing
    add_files(tmp_path / "data", [tmp_path / "P0202504.csv", tmp_path / "P0202503.txt"])
    added = [d for d in corpus_documents(tmp_path / "data") if d.file.startswith("P02025")]
    assert [d.file for d in added] == ["P0202503.txt"]  # one document: the plan, its attachment in it
    assert named_plan(head + "\n" + _DIVISION) == "梧桐县2025年法治政府建设工作要点"
    items = {it.item_no: it for it in parse_document(added[0]) if it.kind == "task"}
    assert items[1].lead_units == ("县委编办",) and items[1].deadline == "2025年12月底前"
    assert items[4].participating_units == ("县交通运输局", "县文旅局")
    assert items[4].text.endswith("依法不予处罚。")  # the attachment's head is not the last task's


def test_an_attachment_without_its_plan_is_a_document_of_its_own(tmp_path):
    from index.ingest import add_files, corpus_documents

    (tmp_path / "fj.csv").write_text("附件\n梧桐县2025年法治政府建设工作要点任务分工表\n" + _DIVISION, "utf-8")
    add_files(tmp_path / "data", [tmp_path / "fj.csv"])
    added = [d for d in corpus_documents(tmp_path / "data") if d.file == "fj.csv"]
    assert len(added) == 1
    assert any(it.lead_units == ("县委编办",) for it in parse_document(added[0]))


def _sheets(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    for r in (["梧桐县2025年法治政府建设重点任务清单"], ["梧桐县人民政府办公室"], ["2025年4月2日"],
              ["1．本清单按牵头单位分表列出，每表序号单独编排。"]):
        ws.append(r)
    sheets = [("县司法局", "县司法局牵头任务",
               [[1, "完善行政复议案件审理机制，审理期限压缩至45日以内", "县法院", "2025年12月底前", ""],
                [2, "深化乡镇综合行政执法改革，执法人员持证率达到95%", "各乡镇人民政府", "2025年10月底前", "与县委编办共同牵头"]]),
              ("县委编办", "牵头单位：县委编办",
               [[1, "动态调整权责清单，调整情况向社会公布", "县司法局", "2025年6月底前", ""],
                [2, "深化乡镇综合行政执法改革（具体任务见“县司法局”表第2项）", "各乡镇人民政府", "2025年10月底前", "与县司法局共同牵头"]]),
              ("市场监管局", "县市场监管局牵头任务",
               [[1, "推行“首违不罚”清单制度，适时调整清单", "县交通运输局", "2025年6月底前", "牵头单位待明确"],
                # a joint task listed on both leaders' sheets, word for word
                [2, "完善行政复议案件审理机制，审理期限压缩至45日以内", "县司法局、县法院", "2025年12月底前", ""]])]
    for name, title, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append([title])
        ws.append(["序号", "重点任务", "配合单位", "完成时限", "备注"])
        for r in rows:
            ws.append(r)
    ws = wb.create_sheet("汇总")
    ws.append(["牵头单位", "牵头任务数（项）"])
    for r in (["县司法局", 2], ["县委编办", 2], ["县市场监管局", 1]):
        ws.append(r)
    wb.save(tmp_path / "sheets.xlsx")
    return tmp_path / "sheets.xlsx"


def test_a_workbook_with_a_sheet_per_lead_unit(tmp_path):
    tasks = [it for it in read_document(_sheets(tmp_path)).items if it.kind == "task"]
    # the 汇总 sheet's counts and the row pointing to another sheet's task are no tasks
    assert len(tasks) == 4
    by_text = {it.text[:6]: it for it in tasks}
    assert by_text["完善行政复议"].lead_units == ("县司法局", "县市场监管局")  # one task, both sheets' leads
    assert by_text["完善行政复议"].participating_units == ("县法院",)
    assert by_text["完善行政复议"].section.startswith("县司法局牵头任务")
    assert by_text["深化乡镇综合"].lead_units == ("县司法局", "县委编办")  # the sheet's, and the remark's
    assert by_text["动态调整权责"].lead_units == ("县委编办",)
    # a remark that names no joint lead is no unit note
    assert by_text["推行“首违不"].lead_units == ("县市场监管局",)
    assert by_text["推行“首违不"].participating_units == ("县交通运输局",)


def test_a_division_row_numbered_as_a_range_covers_those_items():
    plan = _PLAN.replace("　　4．推行“首违不罚”清单制度。", "　　4．规范行政应诉工作。出庭应诉率保持100%。\n　　5．推行“首违不罚”清单制度。")
    table = ("附件\n梧桐县2025年法治政府建设工作要点任务分工表\n"
             "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
             "1\t动态调整权责清单\t县委编办\t县司法局\t2025年12月底前\n"
             "2\t深化“放管服”改革\t县政务服务中心\t县数据局\t2025年10月底前\n"
             "3—4\t加强执法人员培训；规范行政应诉工作\t县司法局\t县直各部门\t长期\n"
             "5\t推行“首违不罚”清单制度\t县直各行政执法部门按职责分工负责\t—\t2025年6月底前\n")
    items = {it.item_no: it for it in parse_text(plan + table, file="p.txt").items if it.kind == "task"}
    assert items[3].lead_units == items[4].lead_units == ("县司法局",) and items[4].deadline == "长期"
    # 按职责分工负责 says responsible, whatever the column
    assert items[5].responsible_units == ("县直各行政执法部门",) and not items[5].lead_units


def test_an_attachment_whose_title_names_no_plan_joins_the_plan_listing_it(tmp_path):
    from index.ingest import add_files, corpus_documents

    plan = _PLAN.replace("附件：梧桐县2025年法治政府建设工作要点任务分工表", "附件：1．重点任务分工表\n　　　　2．考核办法")
    (tmp_path / "a.txt").write_text(plan, "utf-8")
    (tmp_path / "b.csv").write_text("附件1\n重点任务分工表\n" + _DIVISION, "utf-8")
    (tmp_path / "c.csv").write_text("附件1\n任务清单\n" + _DIVISION, "utf-8")  # listed by no plan: its own
    add_files(tmp_path / "data", [tmp_path / "a.txt", tmp_path / "b.csv", tmp_path / "c.csv"])
    added = {d.file: d for d in corpus_documents(tmp_path / "data") if d.file in ("a.txt", "b.csv", "c.csv")}
    assert sorted(added) == ["a.txt", "c.csv"]
    items = {it.item_no: it for it in parse_document(added["a.txt"]) if it.kind == "task"}
    assert items[3].lead_units == ("县司法局",)


def test_a_word_draft_with_tracked_changes_reads_as_accepted(tmp_path):
    """A 征求意见稿 circulated with 修订 on: text inserted as a tracked change (which python-docx's
    paragraph text leaves out) is read, deleted text is not, a page break is no text."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    stamp = 'w:author="审核人" w:date="2025-03-01T00:00:00Z"'
    document = docx.Document()
    document.add_paragraph("梧桐县2025年法治政府建设工作要点（征求意见稿）")
    document.add_paragraph("一、依法全面履行政府职能")
    for n, task, new, old in ((1, "动态调整权责清单，年内完成一次集中调整。", "县委编办牵头，县司法局配合", "县司法局牵头"),
                              (2, "深化“放管服”改革，网上可办率达到95%以上。", "县政务服务中心牵头", "县数据局牵头"),
                              (3, "加强执法人员培训，每人每年不少于60学时。", "县司法局牵头", "县人社局牵头")):
        p = document.add_paragraph(f"{n}．{task}（")
        p._p.append(parse_xml(f'<w:del {w} w:id="{n}0" {stamp}><w:r><w:delText>{old}</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins {w} w:id="{n}1" {stamp}><w:r><w:t>{new}</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(f'<w:r {w}><w:t>）</w:t><w:br w:type="page"/></w:r>'))
    document.save(tmp_path / "draft.docx")
    tasks = [i for i in read_document(tmp_path / "draft.docx").items if i.kind == "task"]
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县政务服务中心",), ("县司法局",)]
    assert tasks[0].participating_units == ("县司法局",)
    assert all("县人社局" not in t.text and "县数据局" not in t.text for t in tasks)


def test_a_red_header_set_in_a_text_box_is_read_once(tmp_path):
    """The 红头 of a Word template often sits in a text box, which Word writes twice (a drawing and
    a VML fallback): its text is read, once, where the box is anchored."""
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    box = '<w:txbxContent><w:p><w:r><w:t>梧桐县人民政府办公室文件</w:t></w:r></w:p></w:txbxContent>'
    document = docx.Document()
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>'
        f'</mc:Fallback></mc:AlternateContent></w:r>'))
    for line in ("梧政办发〔2025〕9号", "梧桐县人民政府办公室关于印发《梧桐县2025年法治政府建设工作要点》的通知",
                 "一、依法全面履行政府职能", "1．动态调整权责清单，年内完成一次集中调整。（县委编办牵头）",
                 "梧桐县人民政府办公室", "2025年3月20日"):
        document.add_paragraph(line)
    document.save(tmp_path / "redhead.docx")
    text = load(tmp_path / "redhead.docx")
    assert text.count("梧桐县人民政府办公室文件") == 1
    assert text.index("梧桐县人民政府办公室文件") < text.index("梧政办发")


def test_decimal_numbers_of_two_depths_are_tasks_where_the_notes_are():
    """3.1 and 3.3 carry notes of their own; 3.2 is a bare title over 3.2.1 and 3.2.2, which do."""
    text = """某区2025年法治政府建设工作要点
三、推进严格规范公正文明执法
3.1 深化街道综合行政执法改革。对下放街道的52项行政执法事项开展评估。（牵头单位：区委编办）
3.2 规范行政执法行为
3.2.1 全面落实行政执法“三项制度”。执法公示信息7个工作日内公开。（牵头单位：区司法局；责任单位：区直各部门）
3.2.2 规范涉企行政检查。全面推行“扫码入企”。（牵头单位：区司法局；配合单位：区市场监管局）
3.3 加强执法队伍建设。组织全区行政执法人员轮训。（牵头单位：区人社局）
"""
    tasks = [i for i in parse_text(text, file="plan.txt", locality="某区").items if i.kind == "task"]
    assert [(i.item_number or i.section.split()[-1], i.lead_units) for i in tasks] == [
        ("3.1", ("区委编办",)), ("3.2.1", ("区司法局",)), ("3.2.2", ("区司法局",)), ("3.3", ("区人社局",))]
    assert all("3.2" in i.section for i in tasks[1:3]) and "3.2" not in tasks[3].section


def test_a_plan_with_its_own_notes_is_the_task_list_before_an_appendix_of_indicators():
    text = "\n".join(["某县2025年法治政府建设工作要点", "一、深化改革",
                      "1.动态调整权责清单。（牵头单位：县委编办；配合单位：县司法局）",
                      "2.深化一件事改革。（县政务服务管理局牵头）", "3.优化营商环境。（县市场监管局牵头）",
                      "附表", "2025年法治政府建设主要指标", "序号\t指标名称\t目标值\t责任单位",
                      "1\t规范性文件合法性审核率\t100%\t县司法局", "2\t依申请公开按期答复率\t100%\t县政府办公室", "注：以上指标纳入考核。"])
    items = parse_text(text, file="plan.txt", locality="某县").items
    assert [(i.item_no, i.lead_units) for i in items if i.kind == "task"] == [
        (1, ("县委编办",)), (2, ("县政务服务管理局",)), (3, ("县市场监管局",))]
    assert any("规范性文件合法性审核率" in i.text for i in items)  # the appendix stays searchable


def test_names_in_square_brackets_and_the_next_document_on_the_page():
    """A 公报 page: the tail of one document, this notice and plan, then the start of another."""
    from corpus.notes import trailing_note
    from corpus.units import split_names

    assert split_names("市司法局、各县〔市、区〕人民政府") == ["市司法局", "各县〔市、区〕人民政府"]
    assert trailing_note("加强执法监督。（市司法局牵头，各县〔市、区〕人民政府配合）", False)[1].startswith("市司法局牵头")
    text = "\n".join(["四、强化监督检查。发现违法行为依法查处。", "本通知自印发之日起施行。", "某市人民政府办公室", "2025年2月21日",
                      "某市人民政府办公室关于印发某市2025年", "法治政府建设工作要点的通知", "某政办发〔2025〕5号",
                      "各县（市、区）人民政府：", "现印发给你们，请认真组织实施。", "某市人民政府办公室", "2025年2月28日",
                      "某市2025年法治政府建设工作要点", "一、深化改革", "（一）动态调整权责清单。（市委编办牵头）",
                      "（二）规范涉企检查。（市司法局牵头）", "（三）加强执法监督。（市司法局牵头）",
                      "某市人民政府关于公布第五批非遗名录的通知", "某政发〔2025〕7号", "各县（市、区）人民政府：名录共22项，现予公布。"])
    parsed = parse_text(text, file="gazette.txt")
    assert parsed.doc.date == "2025-02-28" and parsed.doc.doc_no == "某政办发〔2025〕5号"
    assert "非遗" not in parsed.doc.text and "五批" not in "".join(i.text for i in parsed.items)


def test_a_card_numbered_above_its_fields_is_one_item_with_its_title():
    text = "\n".join(["某县2025年法治政府建设重点任务分工方案", "一、深化放管服改革",
                      "1 推行权责清单动态管理", "工作内容：及时调整县级部门权责清单。", "牵头单位：县委编办", "完成时限：2025年9月底",
                      "2 推进一网通办", "工作内容：网上可办率达到95%以上。", "牵头单位：县政务服务中心", "完成时限：2025年12月底",
                      "3 规范涉企收费", "工作内容：建立涉企收费目录清单。", "牵头单位：县市场监管局", "完成时限：2025年6月底"])
    tasks = [i for i in parse_text(text, file="cards.txt", locality="某县").items if i.kind == "task"]
    assert [(i.item_no, i.text.split("\n")[0], i.lead_units) for i in tasks] == [
        (1, "推行权责清单动态管理", ("县委编办",)), (2, "推进一网通办", ("县政务服务中心",)), (3, "规范涉企收费", ("县市场监管局",))]


def test_the_task_due_first_among_a_units_tasks():
    from assistant import deadlines

    text = "\n".join(["某县2025年法治政府建设工作要点", "一、深化改革",
                      "1.动态调整权责清单，11月底前完成。（县司法局牵头）", "2.规范涉企行政检查，2025年7月底前建立制度。（县司法局牵头）",
                      "3.落实合法性审核制度，长期坚持。（县司法局牵头）", "4.开展执法案卷评查，年底前完成。（县司法局牵头）"])
    tasks = [i for i in parse_text(text, file="plan.txt", locality="某县").items if i.kind == "task"]
    assert deadlines.asks("县司法局牵头的活,哪一项完成时限最早?") and deadlines.asks("哪项最晚完成?")
    first, undated = deadlines.first_due(tasks)
    assert first.item_no == 2 and deadlines.due(first) == ((2025, 7, 31), "2025年7月底")
    assert [i.item_no for i in undated] == [3]
    last, _ = deadlines.first_due(tasks, latest=True)
    assert last.item_no == 4 and deadlines.due(tasks[0])[0] == (2025, 11, 30)  # the year is the title's
