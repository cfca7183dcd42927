"""How a document says, once, what its unit notes mean (round-14 layouts): the first listed unit
leads when the notice says so, a mark explained by a key, labels the document defines, 主责/承办
paired with 协同/协办, a 督办单位 that is no unit of the task, and 主抓 in a sentence. Then the
questions of round 24 on units: a unit's items asked before "那项谁挑头", who carries an item out,
its deadline asked beside its lead, and a note printed without its supervisor (hash index, no LLM)."""
from __future__ import annotations

from corpus.note_rules import marks_legend, read_rules
from corpus.pipeline import parse_text
from corpus.units import NoteRules, parse_note
from tests.test_layout_families import NOTICE
from tests.small_plans import assistant_over


def _tasks(text: str):
    return [(i.lead_units, i.responsible_units, i.participating_units)
            for i in parse_text(text, file="plan.txt").items if i.kind == "task"]


ORDER_RULE = NOTICE.replace("请认真贯彻落实。", "请认真贯彻落实。\n有关事项说明如下：各项任务所列责任单位有两个及以\n上的，"
                            "排在第一位的为牵头单位；其余单位为配合单位。只列一个单位的，由该单位负责落实。")


def test_the_first_listed_unit_leads_when_the_notice_says_so_and_the_others_take_the_role_it_gives():
    tasks = _tasks(ORDER_RULE + """一、重点任务
1．动态调整权责清单。年内完成调整。
责任单位：县委编办、县司法局、县直各部门
2．加强合法性审查。审查率达到100%。
责任单位：县司法局
3．规范涉企收费。开展专项整治。
责任单位：县发改局、县财政局、县市场监管局（县财政局牵头）
4．健全行政调解。新建调委会4个。
责任单位：各乡镇人民政府、县司法局（按职责分工负责）
""")
    assert tasks == [(("县委编办",), (), ("县司法局", "县直各部门")),
                     ((), ("县司法局",), ()),  # one unit: responsible, as the notice says
                     (("县财政局",), (), ("县发改局", "县市场监管局")),  # the task's own note wins
                     ((), ("各乡镇人民政府", "县司法局"), ())]


def test_without_the_rule_a_labelled_list_has_no_lead():
    assert parse_note("责任单位：县委编办、县司法局").lead == []
    assert parse_note("（市司法局、市政府办公室）", rules=NoteRules(first_leads=True)).lead == ["市司法局"]


def test_a_key_says_what_a_mark_means_in_the_words_documents_use():
    for key in ("注：责任单位栏中标注“★”的为牵头单位，其余为配合单位。", "带★号者为牵头单位", "以★标注的为牵头单位",
                "牵头单位已用★标出", "★表示牵头单位", "说明：牵头单位后加注“★”"):
        assert marks_legend(key) == {"★": "lead"}, key
    assert marks_legend("**牵头单位**：县司法局") == {}  # Markdown bold is no mark
    rules = read_rules("注：标★的为牵头单位，其余为配合单位。")
    assert rules.others == "participating"
    assert parse_note("县委编办★、县司法局、县直各部门", rules=rules).lead == ["县委编办"]
    units = parse_note("县司法局 ★、县委编办★、县市场监管局（县知识产权局）", rules=rules)
    assert (units.lead, units.participating) == (["县司法局", "县委编办"], ["县市场监管局(县知识产权局)"])
    assert parse_note("县人社局、县住建局", rules=rules).responsible == ["县人社局", "县住建局"]  # no mark: no lead


def test_a_label_means_what_the_document_defines_it_to_mean():
    lead = read_rules("各项任务明确的主责单位（承办单位）对任务落实负总责，牵头制定推进计划；协同单位按照职责积极配合。")
    assert dict(lead.defined) == {"主责单位": "lead", "承办单位": "lead"}
    assert parse_note("主责单位：区司法局；责任主体：区直各行政执法部门", rules=lead).lead == ["区司法局"]
    own = read_rules("“牵头单位”负责统筹协调；“主责单位”“责任主体”为具体负责落实的责任单位；“协同单位”按照职能配合。")
    units = parse_note("主责单位：县委编办；协同单位：县司法局", rules=own)
    assert (units.lead, units.responsible) == ([], ["县委编办"])
    # undefined: 主责/承办 beside 协同/协办 is the pair 主办/协办 is; alone, who carries the task out
    assert parse_note("承办单位：区审计局 协办单位：区财政局").lead == ["区审计局"]
    assert parse_note("主责单位：县委党校").responsible == ["县委党校"]


def test_a_supervisor_is_no_unit_of_the_task_and_zhuzhua_leads():
    units = parse_note("实施单位：区直各行政执法部门；督办单位：区司法局")
    assert (units.lead, units.responsible, units.participating) == ([], ["区直各行政执法部门"], [])
    tasks = _tasks(NOTICE + "一、重点任务\n1．推行综合查一次。跨部门联合检查占比达到40%以上。"
                   "由县市场监管局主抓，县应急管理局、县消防救援大队协同。\n")
    assert tasks == [(("县市场监管局",), (), ("县应急管理局", "县消防救援大队"))]


PLAN = NOTICE + """一、重点任务
1．落实轻微违法行为免罚清单。免罚清单办理案件情况每季度分析一次。
实施单位：县直各行政执法部门；督办单位：县司法局
2．推进执法规范化。完成6个乡镇综合行政执法队规范化建设。
主责单位：县委编办；协同单位：县司法局；实施单位：各乡镇人民政府
完成时限：2025年11月底前
3．强化审计监督。年内审计项目不少于15个。（县审计局牵头，县财政局配合）
"""


def test_unit_questions_of_round_24(tmp_path):
    a = assistant_over(tmp_path, plan_txt=PLAN)
    answer = a.answer("泽宁县财政局想对下账:哪项写了我们县财政局?那项谁挑头")
    assert answer.text.startswith("县财政局") and "县审计局牵头" in answer.text
    answer = a.answer("泽宁乡镇综合执法队规范化建设,具体是哪些单位来落实?")
    assert answer.intent == "responsible" and "各乡镇人民政府" in answer.text
    answer = a.answer("泽宁完成6个乡镇综合行政执法队规范化建设那项,谁挑头?啥时候要完成")
    assert "县委编办牵头" in answer.text and "2025年11月底前" in answer.text
    answer = a.answer("泽宁免罚清单那项是不是县司法局牵头?")
    assert answer.text.startswith("不是") and "县司法局" not in answer.text.split("依据")[0].replace("是不是县司法局", "")


def test_weizhu_leads_canyu_takes_part_and_yi_opens_the_sentence():
    units = parse_note("责任单位：市委编办为主，市司法局、市直各部门参与")
    assert (units.lead, units.participating) == (["市委编办"], ["市司法局", "市直各部门"])
    tasks = _tasks(NOTICE + "一、重点任务\n1．深化综合行政执法改革。年内完成11个镇综合行政执法队规范化建设。"
                   "该项工作以县委编办为主，县司法局参与。\n")
    assert tasks == [(("县委编办",), (), ("县司法局",))]


def test_bold_unit_names_lead_where_the_document_says_so(tmp_path):
    import docx

    from corpus.pipeline import read_document

    d = docx.Document()
    d.add_paragraph("泽宁县人民政府办公室关于印发泽宁县2025年法治政府建设重点任务清单的通知")
    d.add_paragraph("责任单位栏中，字体加粗的单位为牵头单位；未加粗的单位为配合单位。")
    t = d.add_table(rows=3, cols=3)
    for c, x in enumerate(["序号", "重点任务", "责任单位"]):
        t.cell(0, c).text = x
    for r, (task, units) in enumerate([("动态调整权责清单，年内完成调整并公布。", [("县委编办", True), ("、县司法局", False)]),
                                       ("开展规范性文件清理，9月底前公布结果。", [("县司法局、", False), ("县政府办公室", False)])],
                                      start=1):
        t.cell(r, 0).text, t.cell(r, 1).text = str(r), task
        p = t.cell(r, 2).paragraphs[0]
        for text, strong in units:
            p.add_run(text).bold = strong
    d.save(tmp_path / "plan.docx")
    tasks = [(i.lead_units, i.responsible_units, i.participating_units)
             for i in read_document(tmp_path / "plan.docx").items if i.kind == "task"]
    assert tasks == [(("县委编办",), (), ("县司法局",)), ((), ("县司法局", "县政府办公室"), ())]


def test_one_row_per_unit_with_a_ticked_lead_column_is_one_task(tmp_path):
    from openpyxl import Workbook

    from corpus.pipeline import read_document

    book = Workbook()
    sheet = book.active
    sheet.title = "分工表"
    rows = [["泽宁县2025年法治政府建设重点任务分工表"], ["序号", "重点任务", "具体内容", "责任单位", "牵头", "完成时限"],
            [1, "优化政府职责体系", "完成权责清单年度调整，8月底前向社会公布。", "县委编办", "√", "2025年8月"],
            [1, "优化政府职责体系", "完成权责清单年度调整，8月底前向社会公布。", "县司法局", None, "2025年8月"],
            [2, "推进免申即享", "梳理惠企政策事项不少于40项。", "县财政局", None, "2025年12月"],
            [2, "推进免申即享", "梳理惠企政策事项不少于40项。", "县政务服务中心", None, "2025年12月"],
            ["说明：“牵头”栏标注“√”的单位为该项任务的牵头单位，同一任务中未标注“√”的单位为配合单位。"]]
    for row in rows:
        sheet.append(row)
    contacts = book.create_sheet("联络员")
    contacts.append(["单位", "联络员", "职务", "联系电话"])
    contacts.append(["县司法局", "张三", "科长", "8352064"])
    book.save(tmp_path / "plan.xlsx")
    tasks = [(i.lead_units, i.responsible_units, i.participating_units)
             for i in read_document(tmp_path / "plan.xlsx").items if i.kind == "task"]
    # no key word for the others when none is ticked: both carry the task out
    assert tasks == [(("县委编办",), (), ("县司法局",)), ((), ("县财政局", "县政务服务中心"), ())]


def test_a_role_word_closes_its_own_clause():
    units = parse_note("责任单位：市财政局，市委政法委、市信访局参与")
    assert (units.responsible, units.participating) == (["市财政局"], ["市委政法委", "市信访局"])
