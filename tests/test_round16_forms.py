"""Real published forms of round 16: a task table whose cells say 同上 / 〃 / 同第N项, a 会议纪要 whose
议定事项 assign units in clauses of a sentence, a wide table printed with its unit columns on pages of
their own, a 督办 export's 待明确, and the metadata of a 纪要 and of a 版记 印发 line. Then how a unit
answer shows a ditto note and an assignment sentence (hash index, no LLM)."""
from __future__ import annotations

from corpus.ditto import Dittos, points_elsewhere
from corpus.metadata import read_metadata
from corpus.notes import assignment_sentence
from corpus.pipeline import parse_text
from corpus.units import parse_note
from eval.metrics import ungrounded_values
from tests.small_plans import assistant_over


def _units(text: str, name: str = "plan.txt"):
    return [(i.item_no, i.lead_units, i.responsible_units, i.participating_units, i.deadline)
            for i in parse_text(text, file=name).items if i.kind == "task"]


DITTO_TABLE = ("芷川县2026年法治政府建设重点任务分解表\n"
               "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
               "1\t动态调整权责清单，年内完成梳理并公布。\t县委编办\t县直各部门\t2026年6月底前\n"
               "2\t编制乡镇履职事项清单，年内全部公布。\t同上\t同上，各乡镇人民政府\t〃\n"
               "3\t严格规范性文件合法性审核，审核率达到100%。\t县司法局、县委编办\t县政府各部门\t长期坚持\n"
               "4\t开展规范性文件集中清理，清理结果向社会公布。\t—\t县政府各部门\t2026年9月底前\n"
               "5\t落实行政执法人员培训，每人每年不少于60学时。\t同第3项\t〃\t同第3项\n"
               "注：同上或〃表示与上一项相同；同第×项表示与第×项相同。\n")


def test_a_ditto_cell_reads_as_the_cell_it_points_to():
    assert _units(DITTO_TABLE) == [
        (1, ("县委编办",), ("县直各部门",), (), "2026年6月底前"),
        (2, ("县委编办",), ("县直各部门", "各乡镇人民政府"), (), "2026年6月底前"),  # 同上，X: the above and X
        (3, ("县司法局", "县委编办"), ("县政府各部门",), (), "长期坚持"),
        (4, (), ("县政府各部门",), (), "2026年9月底前"),
        (5, ("县司法局", "县委编办"), ("县政府各部门",), (), "长期坚持"),  # 〃 under a row with no lead: its own cell
    ]


def test_dittos_chain_and_point_nowhere_unchanged():
    roles = {0: "no", 1: "text", 2: "lead"}
    d = Dittos()
    assert d.resolve(["1", "任务甲", "县司法局"], roles, 1)[2] == "县司法局"
    assert d.resolve(["2", "任务乙", "同上"], roles, 2)[2] == "县司法局"
    assert d.resolve(["3", "任务丙", "〃"], roles, 3)[2] == "县司法局"  # a chain: what the row above resolved to
    assert d.resolve(["4", "任务丁", "同第九项"], roles, 4)[2] == "同第九项"  # no item 9 above: kept as printed
    assert d.resolve(["5", "同上", "县财政局"], roles, 5)[1] == "同上"  # only unit and deadline columns
    assert points_elsewhere("牵头单位：同第8项") and points_elsewhere("责任单位：〃")
    assert not points_elsewhere("县司法局会同上级部门")


def test_a_placeholder_is_no_unit():
    for cell in ("待明确", "待定", "暂未明确"):
        units = parse_note(cell, default_role="lead")
        assert units.lead == [] and units.responsible == [], cell


MINUTES = """琤川县法治政府建设工作领导小组2026年第一次会议纪要
　　会议听取了县司法局关于2025年度工作情况的汇报。现将会议议定事项纪要如下：
一、关于2026年重点任务
　　1．会议原则同意《工作要点（送审稿）》，由县司法局负责根据会议意见修改完善，3月底前印发。
　　2．会议同意将权责清单调整与机构改革同步推进，由县委编办、县政务服务中心共同牵头，县直各部门配合，6月底前完成。
　　3．会议听取了县市场监管局的发言。会议同意推广“首违不罚”清单，清单由县市场监管局、县交通运输局分别牵头制定，报县司法局备案。
　　4．会议要求报告于3月31日前向社会公开，由县司法局负责起草，县政府办公室负责公开。
　　5．会议同意调整领导小组成员单位：县数据局替代原县大数据中心为成员单位。
出席：张三　县长
列席：县委办公室、县司法局主要负责同志
琤川县法治政府建设工作领导小组办公室　　2026年3月12日印发
"""


def test_minutes_assign_units_in_the_clauses_of_a_sentence():
    assert [u[:4] for u in _units(MINUTES)] == [
        (1, (), ("县司法局",), ()),
        (2, ("县委编办", "县政务服务中心"), (), ("县直各部门",)),
        (3, ("县市场监管局", "县交通运输局"), (), ()),  # 报县司法局备案 is no role
        (4, (), ("县司法局", "县政府办公室"), ()),
        (5, (), (), ()),  # units named, no role given
    ]


def test_a_clause_assignment_needs_units_and_a_role():
    assert assignment_sentence("会议决定，由县政府统一部署，各地抓好落实。") is None
    units = assignment_sentence("会议明确，出庭应诉工作由县司法局牵头，县人民法院配合，各被诉行政机关负责。")
    assert (units.lead, units.participating, units.responsible) == (["县司法局"], ["县人民法院"], ["各被诉行政机关"])


def test_a_report_of_work_done_names_who_did_it_not_who_is_to_do_it():
    report = ("苕川市人民政府关于2025年度法治政府建设情况的报告\n"
              "一、2025年度法治政府建设主要举措和成效\n"
              "（一）提升行政执法质量。一是加强案卷评查，由市司法局牵头开展“执法质量提升年”活动，评查案卷460卷。"
              "二是规范涉企检查，检查次数压减15%。\n"
              "二、2026年工作安排\n"
              "1．推进法治政府示范创建。力争创成省级示范市。由市委依法治市办牵头，市直各部门按职责分工负责。\n"
              "2．深化行政执法监督。由市司法局负责，市直各行政执法部门配合，全年评查案卷不少于400卷。\n")
    items = [i for i in parse_text(report, file="report.txt").items if i.kind in ("task", "point")]
    done = [i for i in items if "2025年度" in i.section_path]
    planned = [i for i in items if "2026年" in i.section_path]
    assert done and all(not i.lead_units and not i.responsible_units for i in done)
    assert [(i.lead_units, i.responsible_units) for i in planned] == [
        (("市委依法治市办",), ("市直各部门",)), ((), ("市司法局",))]


SPLIT_TABLE = ("沄川市2026年法治政府建设重点任务分工表\n"
               "序号\t重点任务\t具体措施\n"
               "一、依法全面履行政府职能\n"
               "1\t推进政府职能转变\t动态调整市级部门权责清单\n"
               "2\t深化“放管服”改革\t新推出“一件事”重点事项11项\n"
               "3\t优化法治化营商环境\t涉企检查频次同比下降25%\n"
               "第 1 页，共 2 页\n"
               "序号\t牵头单位\t配合单位\t完成时限\n"
               "1\t市委编办\t市直各部门\t2026年9月底前\n"
               "2\t—\t市直有关部门、各镇人民政府\t2026年12月底前\n"
               "3\t市司法局、市市场监管局\t市直各行政执法部门\t长期坚持\n"
               "第 2 页，共 2 页\n")


def test_units_printed_on_pages_of_their_own_go_to_the_task_with_the_same_number():
    assert _units(SPLIT_TABLE) == [
        (1, ("市委编办",), (), ("市直各部门",), "2026年9月底前"),
        (2, (), (), ("市直有关部门", "各镇人民政府"), "2026年12月底前"),
        (3, ("市司法局", "市市场监管局"), (), ("市直各行政执法部门",), "长期坚持"),
    ]


def test_a_minutes_title_and_the_date_of_a_printing_line():
    meta = read_metadata("来源：琤川县司法局　　发布时间：2026-03-13 16:20　　【字体：大 中 小】\n" + MINUTES)
    assert meta.title == "琤川县法治政府建设工作领导小组2026年第一次会议纪要"
    assert meta.date == "2026-03-12"  # the 版记 line `…办公室　2026年3月12日印发`


def test_a_unit_answer_shows_a_ditto_note_and_the_sentence_that_assigns(tmp_path):
    a = assistant_over(tmp_path, plan_txt=DITTO_TABLE, minutes_txt=MINUTES)
    answer = a.answer("芷川县执法人员每人每年不少于60学时培训那项谁牵头?")
    text = answer.text
    assert text.index("县司法局、县委编办牵头") < text.index("同第3项"), text  # the units first, the note as printed after
    # the row the note points to is cited, so every value the answer names is in a citation
    assert "同第3项；责任单位：〃”)[2][3]" in text and [c.item.item_no for c in answer.citations] == [5, 3, 4], text
    assert not ungrounded_values(answer.to_dict()), text
    text = a.answer("琤川县推广首违不罚清单那项谁牵头?").text
    assert "县市场监管局、县交通运输局牵头" in text and "分别牵头制定" in text, text


def test_one_item_and_the_askers_part_in_it_after_a_self_introduction(tmp_path):
    a = assistant_over(tmp_path, minutes_txt=MINUTES)
    text = a.answer("我们是琤川县司法局的，纪要里报告向社会公开那条，是不是算我们牵头").text
    assert "没有牵头" in text and "县司法局负责" in text and "县政府办公室负责" in text, text
    text = a.answer("我们是琤川县司法局的，我们牵头哪些任务？").text  # still the asker's own tasks
    assert text.startswith("县司法局"), text


def test_a_chains_clause_on_leading_with_another_or_another_part_asks_of_every_item(tmp_path):
    from tests.small_plans import TASK_LIST

    a = assistant_over(tmp_path, plan_txt=TASK_LIST)
    for q in ("泽宁挑头健全营商环境监督员制度的那个局，还挑头哪项？在别的任务里有没有当配合单位",
              "泽宁挑头营商环境监督员制度的那个单位，还挑头哪几项？有跟别人一起牵的吗"):
        text = a.answer(q).text
        assert text.startswith("县发展改革局。") and "还牵头1项" in text and "拖欠民营企业账款" in text, text
        assert "是配合单位的有1项" in text and "方面" not in text, text  # no topic B read from the clause
