"""Ordinary forms of round 21 (plans modelled on real published pages): a unit note in brackets of
any kind set on lines of its own under its item, often wrapped (`〔牵头单位：A；` / `责任单位：B〕`);
a head row holding issuer, 文号 and date; a 版记 date printed as `2026年3月10日印发`; and a count
asked of a topic that names money (hash index, no LLM)."""
from __future__ import annotations

import pytest

from assistant.value_kind import asked_kind
from corpus.metadata import read_metadata
from corpus.pipeline import parse_text

PLAN = """苘坪县2026年法治政府建设工作计划
一、持续推进学习宣传贯彻习近平法治思想
1.推动学习宣传贯彻习近平法治思想走深走实。将习近平法治思想纳入县政府常务会议学习内容。
{note}
2.将法治政府建设与经济社会发展同部署、同推进。按时报送年度报告。
〔牵头单位：县司法局〕
3.落实政府常务会议学法制度。县政府常务会议年内组织法治专题讲座不少于4次。
"""


@pytest.mark.parametrize("note", [
    "〔牵头单位:县政府办公室、县司法局;\n责任单位:县政府各部门,各镇人民政府(街道办事处)〕",
    "（牵头单位：县政府办公室、县司法局；\n责任单位：县政府各部门，各镇人民政府（街道办事处））",
    "【牵头单位：县政府办公室、县司法局；\n责任单位：县政府各部门，各镇人民政府（街道办事处）】",
    "〔牵头单位：县政府办公室、县司法局；责任单位：县政府各部门，各镇人民政府（街道办事处）〕",
])
def test_a_bracketed_note_on_lines_of_its_own_is_its_items(note):
    tasks = [i for i in parse_text(PLAN.format(note=note), file="plan.txt").items if i.kind == "task"]
    assert [(i.item_no, i.lead_units, i.responsible_units) for i in tasks] == [
        (1, ("县政府办公室", "县司法局"), ("县政府各部门", "各镇人民政府(街道办事处)")),
        (2, ("县司法局",), ()),
        (3, (), ()),  # no note of its own: nothing borrowed from the item above
    ]


def test_a_bracketed_line_with_no_role_label_is_no_note():
    text = PLAN.format(note="（各镇、各部门要于每季度末报送进展情况。）")
    tasks = [i for i in parse_text(text, file="plan.txt").items if i.kind == "task"]
    assert tasks[0].lead_units == () and tasks[0].responsible_units == ()


def test_issuer_number_and_date_on_the_row_under_the_title():
    meta = read_metadata("苘阳区2026年法治政府建设重点工作任务分工方案\n苘阳区人民政府　苘政发〔2026〕2号　2026年3月28日\n"
                         "序号\t重点工作任务\t牵头单位\n")
    assert (meta.issuer, meta.date) == ("苘阳区人民政府", "2026-03-28")
    glued = read_metadata("苘阳区2026年法治政府建设重点工作任务分工方案\n苘阳区人民政府苘政发〔2026〕2号　2026年3月28日\n")
    assert (glued.issuer, glued.date) == ("苘阳区人民政府", "2026-03-28")  # (cleaning may eat a space)


def test_a_printing_date_under_the_issuers_line():
    text = PLAN.format(note="") + "七、工作要求\n各部门要对照本计划抓好落实。\n苘坪县人民政府办公室\n2026年3月10日印发\n"
    meta = read_metadata(text)
    assert (meta.issuer, meta.date) == ("苘坪县人民政府办公室", "2026-03-10")


def test_a_count_asked_of_a_topic_that_names_money_is_no_amount():
    assert asked_kind("年内要完成对多少个县直部门的预算执行审计?") is None or \
        asked_kind("年内要完成对多少个县直部门的预算执行审计?").name != "money"
    assert asked_kind("今年法治宣传安排了多少预算?").name == "money"
    assert asked_kind("审计要投入多少万元资金?").name == "money"
