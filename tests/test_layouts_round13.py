"""Conventions met in the round-13 layouts: units assigned to a range of tasks in a bracketed line
after the group (a task's own bracket still wins), a range heading its clauses, a copied WeChat
article's picture caption against the ▲ points of a task, the issue date a news report gives, and
a portal info block's labelled title."""
from __future__ import annotations

from corpus.assignments import clauses
from corpus.clean import clean
from corpus.metadata import read_metadata
from corpus.pipeline import parse_text
from tests.test_layout_families import NOTICE


def _tasks(text: str):
    return [i for i in parse_text(text, file="plan.txt").items if i.kind == "task"]


def test_a_bracketed_range_line_after_a_group_assigns_it_and_an_own_bracket_wins():
    tasks = _tasks(NOTICE + """二、主要任务
1．动态调整权责清单，每年3月底前完成年度调整。
2．规范乡镇履行职责事项清单，6月底前实现全覆盖。
3．深化“高效办成一件事”改革，新增集成办理事项不少于10项。（县政务服务中心牵头，县数据资源局配合）
（以上第1—3项由县委编办牵头，县司法局、县政务服务中心配合）
4．加强行政规范性文件全链条管理，报备率达到100%。
5．严格落实重大行政决策程序，决策后评估每年不少于1项。
第4、5项：县直各部门按职责分工负责。
""")
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县委编办",), ("县政务服务中心",), (), ()]
    assert tasks[0].participating_units == ("县司法局", "县政务服务中心")
    assert tasks[2].participating_units == ("县数据资源局",)  # its own bracket, not the range's
    assert tasks[3].responsible_units == ("县直各部门",) and "以上第1—3项" not in tasks[2].text


def test_a_range_heading_its_clauses_is_no_clause_of_its_own():
    found = clauses("（以上第13—15项：第13、14项由县政府办公室牵头，县直各部门配合；第15项由县司法局牵头，县纪委监委机关配合）")
    assert [(n, u.lead, u.participating) for n, u, _ in found] == [
        ([13, 14], ["县政府办公室"], ["县直各部门"]), ([15], ["县司法局"], ["县纪委监委机关"])]


def test_a_picture_caption_goes_and_the_title_under_it_stays_while_a_tasks_points_remain():
    text = clean("小编带大家一起来看↓\n\n[图片]\n▲3月25日，区委全面依法治区委员会召开第五次会议\n\n"
                 "苴水区2025年法治政府建设工作要点\n\n◆1.严格规范性文件审核备案\n区政府及部门规范性文件合法性审核率、报\n"
                 "备率均达到100%。\n▲ 3月底前公布现行有效规范性文件目录\n【牵头单位】区司法局\n")
    assert "召开第五次会议" not in text and "苴水区2025年法治政府建设工作要点" in text.split("\n")
    assert "▲ 3月底前公布现行有效规范性文件目录" in text


def test_the_issue_date_a_report_of_the_issue_gives_and_a_labelled_title():
    meta = read_metadata("法治苴水 | 今年这18件事→\n2025-03-27 18:05 发表于榀山\n"
                         "2025年3月21日，中共苴水区委全面依法治区委员会办公室印发《苴水区2025年法治政府建设工作要点》，明确了18项任务。\n"
                         "苴水区2025年法治政府建设工作要点\n01 | 深化行政审批制度改革\n")
    assert meta.date == "2025-03-21" and meta.title == "苴水区2025年法治政府建设工作要点"
    meta = read_metadata("索引号：1234/2025-00012\n名称：\t藁水市人民政府关于2024年度法治政府建设情况的报告\n发文日期：2025-01-20\n")
    assert meta.title == "藁水市人民政府关于2024年度法治政府建设情况的报告"
