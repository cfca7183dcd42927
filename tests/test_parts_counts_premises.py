"""A part of prose beside parts of numbered items is no task; a count asked with its whole ("议定了
多少事项,其中…几项?") says the whole, the part and the rest; a wrong guess of the lead ("是X牵头吧")
says what X is in the item (hash index, no LLM)."""
from __future__ import annotations

from corpus.pipeline import parse_text
from tests.small_plans import assistant_over

MINUTES = """琤川县法治政府建设工作领导小组2026年第一次会议纪要
　　会议听取了县司法局关于2025年度工作情况的汇报。现将会议议定事项纪要如下：
一、关于2025年度法治政府建设工作
　　会议认为，2025年全县法治政府建设工作取得新成效：县司法局牵头审查行政规范性文件37件，全县受理行政复议案件86件。
二、关于2026年重点任务
　　1．会议原则同意《工作要点（送审稿）》，由县司法局负责根据会议意见修改完善，3月底前印发。
　　2．会议同意将权责清单调整与机构改革同步推进，由县委编办牵头，县直各部门配合，6月底前完成。
　　3．会议同意推广“首违不罚”清单，由县市场监管局牵头，县交通运输局配合。
三、关于行政复议
　　1．会议要求在各乡镇司法所设立行政复议受理点14个，由县司法局负责，各乡镇人民政府配合。
　　2．会议明确，出庭应诉工作由县司法局牵头，县人民法院配合。
琤川县法治政府建设工作领导小组办公室　　2026年3月12日印发
"""


def test_a_part_of_prose_beside_parts_of_numbered_items_is_no_task():
    items = parse_text(MINUTES, file="minutes.txt").items
    tasks = [i for i in items if i.kind == "task"]
    assert [i.section for i in tasks] == ["二、 1.", "二、 2.", "二、 3.", "三、 1.", "三、 2."]
    looked_back = [i for i in items if "37件" in i.text]
    assert looked_back and looked_back[0].kind == "prose"  # still searchable, not counted


def test_a_leaf_part_of_a_plan_without_numbered_parts_stays_a_task():
    plan = ("棠川县2026年法治政府建设工作要点\n"
            "一、深化行政复议体制改革\n　　行政复议案件直接纠错率不低于15%。（牵头单位：县司法局）\n"
            "二、加强行政执法监督\n　　全年评查案卷不少于200卷。（牵头单位：县司法局）\n")
    tasks = [i for i in parse_text(plan, file="plan.txt").items if i.kind == "task"]
    assert [i.lead_units for i in tasks] == [("县司法局",), ("县司法局",)]


def test_a_count_asked_with_its_whole_says_the_whole_the_part_and_the_rest(tmp_path):
    a = assistant_over(tmp_path, minutes_txt=MINUTES)
    text = a.answer("琤川这份纪要议定了多少事项，其中没写牵头单位的有几项？").text
    assert "共5项" in text and "没有写牵头单位的2项" in text and "其余3项" in text, text
    text = a.answer("琤川纪要里没写牵头单位的有几项？").text
    assert text.startswith("2项") and "其余" not in text, text  # the whole only when asked


def test_a_wrong_guess_of_the_lead_says_what_the_unit_is_in_the_item(tmp_path):
    a = assistant_over(tmp_path, minutes_txt=MINUTES)
    text = a.answer("琤川在乡镇司法所设行政复议受理点那项，是各乡镇人民政府牵头吧").text
    assert text.startswith("不是,各乡镇人民政府是配合单位,不是牵头单位"), text
    text = a.answer("琤川出庭应诉工作那项，是县司法局牵头吧").text
    assert text.startswith("是的,县司法局牵头"), text

