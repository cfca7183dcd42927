"""Round 18: round 17's published forms as other governments print them. A plan whose targets are
columns per quarter; a 分工表 of codes whose legend is printed under the table in repeated
代码 | 单位名称 pairs, or written as a 注 paragraph; a 督查通报 whose 责任单位 line comes after the
progress text that changes the lead (worded 牵头单位由B变更为A / 不再作为牵头单位，改为配合); a ledger
whose 进展情况 column says so; a 政策解读 whose answers assign units with 会同, 承担 and
`牵头部门是A，参与部门有B`; and a 版记 印发 line as the date."""
from __future__ import annotations

from corpus.metadata import read_metadata
from corpus.notes import assignment_sentence
from corpus.pipeline import parse_text
from corpus.unit_codes import legend_pairs


def _units(text: str):
    return [(i.lead_units, i.responsible_units, i.participating_units)
            for i in parse_text(text, file="plan.txt").items if i.kind == "task"]


QUARTERS = ("棠江市2026年法治政府建设重点任务季度推进计划\n"
            "序号\t重点任务\t季度推进目标\t\t\t\t牵头单位\t责任单位\n"
            "序号\t重点任务\t一季度\t二季度\t三季度\t四季度\t牵头单位\t责任单位\n"
            "1\t权责清单动态调整\t完成梳理\t报市备案\t镇级清单编制完成\t—\t市委编办\t市直各部门\n"
            "2\t信用修复改革\t时限压缩至3个工作日\t\t\t\t市发展和改革局\t市市场监管局\n")


def test_quarter_columns_are_the_tasks_targets():
    tasks = [i for i in parse_text(QUARTERS, file="plan.txt").items if i.kind == "task"]
    assert [(i.lead_units, i.responsible_units) for i in tasks] == [
        (("市委编办",), ("市直各部门",)), (("市发展和改革局",), ("市市场监管局",))]
    assert "镇级清单编制完成" in tasks[0].text and "3个工作日" in tasks[1].text


CODES_UNDER = ("序号\t工作任务\t牵头单位\t责任单位\n"
               "1\t权责清单动态管理\t02\t05\n"
               "2\t合法性审查全覆盖\t/\t03、05\n"
               "3\t行政复议提质增效\t3\t01，04\n"
               "单位代码对照表\n"
               "代码\t单位名称\t代码\t单位名称\n"
               "01\t区委办公室\t04\t区信访局\n"
               "02\t区委编办\t05\t区直各部门\n"
               "03\t区司法局\t\t\n")


def test_a_legend_of_repeated_code_name_pairs_decodes_every_column():
    assert _units(CODES_UNDER) == [
        (("区委编办",), ("区直各部门",), ()),
        ((), ("区司法局", "区直各部门"), ()),
        (("区司法局",), ("区委办公室", "区信访局"), ()),  # 3 kept as a number by the sheet
    ]


def test_a_legend_written_as_a_paragraph():
    assert legend_pairs("注：A1—县发展和改革局；A2—县财政局；B1—县司法局（县委依法治县办）。") == {
        "A1": "县发展和改革局", "A2": "县财政局", "B1": "县司法局（县委依法治县办）"}
    assert legend_pairs("注：A为县委办公室，B为县司法局，C为各乡镇人民政府") == {
        "A": "县委办公室", "B": "县司法局", "C": "各乡镇人民政府"}
    assert legend_pairs("2026年完成率达到90%，县司法局负责，3个乡镇试点。") == {}  # a sentence, no legend
    table = ("序号\t工作任务\t牵头单位\t配合单位\n"
             "1\t权责清单动态管理\tA2\tB1、B3\n"
             "注：A1—县委办公室；A2—县委编办；B1—县司法局；B3—县直各部门。\n")
    assert _units(table) == [(("县委编办",), (), ("县司法局", "县直各部门"))]


BULLETIN = ("关于全县2026年法治政府建设重点任务推进情况的督查通报\n"
            "一、推进缓慢的任务\n"
            "1.清单第5项：推进“高效办成一件事”。\n"
            "进展情况：已上线5个场景。自7月10日起，该项任务牵头单位由县数据局变更为县政务服务中心，县数据局调整为责任单位。\n"
            "责任单位：县数据局（牵头）、县政务服务中心、县市场监管局（配合）\n"
            "完成时限：2026年10月底前\n"
            "2.清单第25项：开展法治政府建设专项督察。\n"
            "进展情况：督察方案尚未印发。经研究，该项任务由县委依法治县办牵头，县司法局不再作为牵头单位，改为配合。\n"
            "责任单位：县司法局（牵头）、县委组织部（配合）\n"
            "完成时限：2026年12月底前\n")


def test_a_change_of_lead_in_the_progress_before_the_units_line():
    assert _units(BULLETIN) == [
        (("县政务服务中心",), ("县数据局",), ("县市场监管局",)),
        (("县委依法治县办",), (), ("县委组织部", "县司法局")),
    ]


LEDGER = ("序号\t任务\t牵头单位\t配合单位\t进展情况\n"
          "1\t执法监督平台建设\t县数据局\t县司法局\t经县政府研究，改由县司法局牵头，县数据局改为配合单位。\n"
          "2\t案卷评查\t县司法局\t\t已评查案卷80卷。\n")


def test_a_change_of_lead_in_a_ledgers_progress_column():
    assert _units(LEDGER) == [(("县司法局",), (), ("县数据局",)), (("县司法局",), (), ())]


def test_answers_that_assign_with_hui_tong_cheng_dan_and_a_role_said_as_is():
    said = {
        "这项工作由县委编办会同县司法局推进。": (("县委编办",), (), ("县司法局",)),
        "县司法局会同县信访局推进，各乡镇人民政府负责本辖区行政调解组织建设。":
            (("县司法局",), ("各乡镇人民政府",), ("县信访局",)),
        "这项改革主要由县发展和改革局承担，县税务局、县市场监管局协助。":
            ((), ("县发展和改革局",), ("县税务局", "县市场监管局")),
        "牵头部门是县发展和改革局，参与部门有县财政局、县市场监管局。":
            (("县发展和改革局",), (), ("县财政局", "县市场监管局")),
        "县政府办公室是这项工作的牵头部门，县司法局配合做好合法性审查。":
            (("县政府办公室",), (), ("县司法局",)),
    }
    for sentence, roles in said.items():
        u = assignment_sentence(sentence)
        assert (tuple(u.lead), tuple(u.responsible), tuple(u.participating)) == roles, sentence
    assert assignment_sentence("这项工作由县政府统一领导，县司法局配合。") is None  # 县政府统一领导: no unit note


def test_the_date_of_a_printed_by_line_after_the_doc_number():
    meta = read_metadata("铧山区2026年法治政府建设重点任务分工表\n"
                         "铧政办发〔2026〕5号附件\u3000\u3000铧山区人民政府办公室2026年2月28日印发\n"
                         "序号\t工作任务\t牵头单位\n")
    assert (meta.date, meta.issuer) == ("2026-02-28", "铧山区人民政府办公室")


def test_a_policy_reading_and_a_bulletin_are_titled_by_their_own_line():
    reading = read_metadata("《骎川县2026年法治政府建设工作要点》政策解读\n发布机构：骎川县司法局\n"
                            "关联文件：骎川县2026年法治政府建设工作要点\n")
    assert reading.title == "《骎川县2026年法治政府建设工作要点》政策解读"
    bulletin = read_metadata("赟溪县人民政府网\n首页 > 政务公开\n\n赟溪县人民政府办公室\n赟政办通〔2026〕11号\n\n"
                             "关于全县2026年法治政府建设重点任务推进情况的督查通报\n\n各乡镇人民政府：\n")
    assert bulletin.title == "关于全县2026年法治政府建设重点任务推进情况的督查通报"


def test_each_period_target_is_said_with_its_period():
    tasks = [i for i in parse_text(QUARTERS, file="plan.txt").items if i.kind == "task"]
    assert "三季度：镇级清单编制完成" in tasks[0].text and "四季度：—" in tasks[0].text
    assert tasks[0].text.count("镇级清单编制完成") == 1  # said once, with its label
    assert tasks[0].heading == "权责清单动态调整"


def test_a_stated_rule_makes_a_rows_supporting_units_responsible_when_it_has_no_lead():
    table = ("序号\t工作任务\t牵头单位\t配合单位\n"
             "1\t合法性审查\t—\t县司法局、各乡镇人民政府\n"
             "2\t权责清单\t县委编办\t县直各部门\n")
    rule = "注：牵头单位栏为“—”的任务不设牵头单位，配合单位栏所列单位即为责任单位，按职责分工负责。\n"
    assert _units(table + rule) == [((), ("县司法局", "各乡镇人民政府"), ()), (("县委编办",), (), ("县直各部门",))]
    assert _units(table) == [((), (), ("县司法局", "各乡镇人民政府")), (("县委编办",), (), ("县直各部门",))]


def test_items_filtered_by_a_periods_target():
    from assistant.route_counts import field_filter

    tasks = [i for i in parse_text(QUARTERS, file="plan.txt").items if i.kind == "task"]
    keep, said = field_filter("市司法局牵头的任务里，三季度就有目标的是哪几项")
    assert said == "三季度有目标" and [keep(i) for i in tasks] == [True, False]
    keep, said = field_filter("哪些任务四季度没安排目标？")
    assert said == "四季度没有安排目标" and [keep(i) for i in tasks] == [True, True]  # `—`, and a cell left blank


def test_a_hui_tong_clause_that_reports_what_was_done_assigns_nothing():
    assert assignment_sentence("县司法局会同县委编办、县政府办公室在广泛征求意见的基础上起草了《要点》。") is None


def test_this_years_target_is_the_plans_own_year():
    from assistant.route_counts import field_filter

    plan = ("棠湾区法治政府建设三年行动方案（2026—2028年）\n棠湾区人民政府办公室\n2026年4月9日\n"
            "序号\t重点任务\t2026年\t2027年\t2028年\t牵头单位\n"
            "1\t权责清单动态管理\t完成梳理\t建立衔接机制\t实现常态化\t区委编办\n"
            "2\t行政调解体系\t—\t建成调解网络\t全覆盖\t区司法局\n")
    tasks = [i for i in parse_text(plan, file="plan.txt").items if i.kind == "task"]
    keep, said = field_filter("哪些任务今年没安排目标？")
    assert said == "今年没有安排目标" and [keep(i) for i in tasks] == [False, True]
    keep, _ = field_filter("明年就有目标的有几项？")
    assert [keep(i) for i in tasks] == [True, True]
