"""Question understanding that follows how questions are written, not a list of known phrasings:
role words from the documents' own labels, unit names in their short forms, value kinds."""
from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.understand import detect_intent, understand
from assistant.unit_names import UnitNames, short_forms
from assistant.value_kind import missing_reason
from corpus.types import TaskItem


def _item(locality, lead=(), resp=(), text="开展工作。", doc_kind="工作要点", kind="task"):
    return TaskItem(item_id=f"{locality}-1", doc_id="x", doc="x.txt", title="t", locality=locality,
                    section="一、", section_path="一、", text=text, span=(0, len(text)),
                    lead_units=tuple(lead), responsible_units=tuple(resp), doc_kind=doc_kind, kind=kind)


@pytest.mark.parametrize("question,intent", [
    ("推进涉案企业合规改革谁是主办单位?", "lead"),
    ("企业开办半日办结,协办单位都有哪些?", "responsible"),
    ("这条的配合科室是哪几个?", "responsible"),
    ("双随机一公开那条,配合负责的部门有哪些?", "responsible"),
    ("执法部门负责人任期内至少要参加几次培训?", "number"),  # 参加 here is not a role
    ("这条落到谁头上?", "lead"),
    ("新密那份工作安排的文号是多少?谁发的?", "doc_info"),
    ("公共法律服务那项是谁领衔的?", "lead"),
    ("行政复议那条谁带的头?", "lead"),
    ("那条除了县司法局,还有谁要一起干?", "responsible"),
])
def test_intents(question, intent):
    assert detect_intent(question) == intent


def test_short_forms_follow_how_units_are_abbreviated():
    assert {"县政府办公室", "县政府办", "政府办公室", "政府办"} <= short_forms("县政府办公室")
    assert "市场监管局" in short_forms("市场监督管理局")
    assert "司法局" in short_forms("县司法局")


def test_unit_named_with_its_locality_in_front():
    names = UnitNames([_item("鹤汀市", lead=["市政府办公室"]), _item("岚峪县", lead=["县政府办公室"]),
                       _item("新密市", lead=["市大数据局(政务服务中心)"])])
    q = understand("鹤汀市政府办牵头的任务有哪些?", known_units=names, known_localities=("鹤汀市", "岚峪县"))
    assert q.intent == "unit_tasks" and q.unit == "市政府办公室"
    q = understand("新密的大数据局(政务服务中心)都牵头了啥?", known_units=names)
    assert q.intent == "unit_tasks" and q.unit == "市大数据局(政务服务中心)"


@pytest.mark.parametrize("question", [
    "某县那份方案里提到县财政局的有哪几条?",
    "县财政局的名字在哪些任务里出现过?",
    "县财政局一共挂了几个头?",
    "县财政局算下来涉及多少项?",
])
def test_a_unit_named_with_the_items_asked_for_asks_its_tasks(question):
    names = UnitNames([_item("某县", lead=["县财政局"])])
    q = understand(question, known_units=names, known_localities=("某县",))
    assert q.intent == "unit_tasks" and q.unit == "县财政局"


def test_a_unit_named_while_the_units_are_asked_for_is_the_one_left_out():
    names = UnitNames([_item("某县", lead=["县财政局"])])
    q = understand("那条除了县财政局,还有哪几个单位负责?", known_units=names)
    assert q.intent == "responsible"


def test_a_list_question_without_a_unit_asks_who_takes_part():
    names = UnitNames([_item("某县", lead=["县司法局"])])
    assert understand("行政复议改革配合的有哪些?", known_units=names).intent == "responsible"


def test_value_kinds_a_plan_cannot_hold():
    plan = [_item("某市", text="年内纳入白名单的企业不少于1000家。")]
    report = [_item("某县", text="全年新增经营主体4127户。", doc_kind="年度报告")]
    assert "实际完成" in missing_reason("现在实际已经有多少家企业进了白名单?", plan)
    assert missing_reason("截至目前实际新增了多少户经营主体?", report) == ""
    assert "金额" in missing_reason("法治培训经费有多少?", plan)
    assert missing_reason("白名单企业不少于多少家?", plan) == ""
    assert "排名" in missing_reason("考核排第几?", report)
    rules = [_item("某州", text="制定政府规章2个,并按规定程序报送备案。", doc_kind="年度报告")]
    assert "名称" in missing_reason("制定的2个政府规章叫什么名字?", rules)


def test_places_counted_are_not_places_named():
    counted = [_item("某县", text="年内完成全县12个乡镇综合行政执法队规范化建设验收。")]
    named = [_item("某县", text="在城关镇、河口乡开展试点。")]
    assert "具体名称" in missing_reason("那12个乡镇都叫啥名?", counted)
    assert missing_reason("试点是哪几个乡镇?", named) == ""


def test_the_role_asked_is_not_what_the_question_is_about():
    assert understand("政务公开这摊子,哪个部门挑大梁?").topic == "政务公开这摊子"
    assert "领衔" not in understand("统计执法那项谁领衔?").topic


def test_a_total_of_people_is_not_a_figure_each_post_must_have():
    per_post = [_item("某市", text="各执法岗位上必须保证3名在编人员在岗,每个司法所不少于2名工作人员。")]
    total = [_item("某县", text="全年培训执法人员1362名,考试合格率98%。", doc_kind="年度报告")]
    assert "总人数" in missing_reason("全市持证执法人员一共有多少人?", per_post)
    assert missing_reason("全县一共培训了多少名执法人员?", total) == ""
    # "多少个人民调解组织" counts organisations, not people
    assert missing_reason("一共建了多少个人民调解组织?", per_post) == ""


def test_a_units_items_of_every_part_are_counted_by_part():
    from assistant.unit_lists import unit_tasks_text
    led = _item("某县", lead=("县司法局",), text="规范性文件备案审查。")
    helps = _item("某县", lead=("县财政局",), resp=("县司法局",), text="罚没收入全额缴入国库。")
    text = unit_tasks_text("县司法局", [led, helps], "any", names=frozenset({"县司法局"}))
    assert text.startswith("县司法局参与的任务共2项(某县),其中牵头1项、责任单位1项。以下2条:")
    assert "(责任单位,县财政局牵头)" in text


def test_a_change_asked_as_a_percentage_is_computed_over_where_it_started():
    from types import SimpleNamespace

    from assistant.evidence import Evidence
    from assistant.compute_shares import change_rate as _change_rate
    item = _item("某市", lead=("市司法局",), text="开辟涉企行政复议绿色通道。涉企行政复议申请受理审查时间由5个工作日压缩至3个工作日。")
    a = SimpleNamespace(evidence=Evidence({"复议": 3.0, "受理": 2.0, "审查": 2.0}))
    query = SimpleNamespace(original="涉企行政复议受理审查从5个工作日压到3个工作日,等于压缩了百分之几?", localities=())
    _, text, steps, quotes = _change_rate(a, query, [item])
    assert text.startswith("约40%。") and "5个工作日 − 3个工作日 = 2个工作日" in text
    assert quotes == ["涉企行政复议申请受理审查时间由5个工作日压缩至3个工作日。"]
    # a difference of two rates is asked in 百分点, not as a change over the start
    assert _change_rate(a, SimpleNamespace(original="降低了多少个百分点?", localities=()), [item]) is None
    rate = _item("某市", text="行政复议纠错率由14.8%下降至10%。")
    assert _change_rate(a, SimpleNamespace(original="纠错率下降了百分之几?", localities=()), [rate]) is None


def test_a_listed_item_gives_its_number_as_printed_and_as_cited():
    from assistant.fields import listed_section
    from assistant.unit_lists import unit_tasks_text
    led = replace(_item("某县", lead=("县司法局",), text="规范性文件备案审查。"), section="二、 5.")
    assert listed_section(led) == "二、 5.(第5项)"
    assert listed_section(replace(led, section="七、(二十)")) == "七、(二十)"
    assert "[1] 二、 5.(第5项) " in unit_tasks_text("县司法局", [led], "lead")


def test_collectives_the_document_glues_are_shown_glued():
    from assistant.fields import names_as_printed
    item = replace(_item("某县", resp=("县司法局", "各部门", "各单位")), units_raw="责任单位:县司法局、各部门各单位")
    assert names_as_printed(item.responsible_units, item) == "县司法局、各部门各单位"
    apart = replace(item, units_raw="责任单位:县司法局、各部门、各单位")
    assert names_as_printed(apart.responsible_units, apart) == "县司法局、各部门、各单位"


def test_each_thing_asked_of_one_item_gets_its_own_sentence():
    """"败诉了,需要做什么?报告给谁、抄送给谁?": the part with no words of its own asks of the clause
    before it (败诉), not of the next part's words; two parts never leave a sentence the item has
    for one of them unquoted."""
    from types import SimpleNamespace

    from assistant.evidence import Evidence
    from assistant.support import support
    item = _item("某县", lead=("县司法局",), text="规范行政应诉。各部门应当对败诉案件进行原因分析，提出整改方案。"
                                                "建立败诉案件报告制度，向县政府报告，同时抄送县司法局。")
    a = SimpleNamespace(evidence=Evidence({"败诉": 3.0, "行政机关": 0.1, "行政": 0.1, "机关": 0.1, "需要": 0.1, "案件": 1.0, "报告": 2.0, "抄送": 3.0, "原因": 2.0, "整改": 2.0}))
    question = "某县行政机关败诉了,需要做什么?败诉案件报告给谁、抄送给谁?"
    query = SimpleNamespace(original=question, localities=("某县",), topic="行政机关败诉 需要做 败诉案件报告给 抄送给",
                            intent="other", phrases=())
    found = support(a, query, item)
    assert found and "原因分析" in found[1] and "抄送县司法局" in found[1]


def test_the_unit_column_of_an_item_asked_whole():
    assert understand("绿园重大行政决策程序那项,单位栏写的是谁?").intent == "responsible"
    assert understand("这一项责任单位一栏填的是哪些部门?").intent == "responsible"


def test_that_item_after_a_units_tasks_asked_points_back_at_them():
    """"X有没有活?那项是谁挑头": 那项 is the item X's list gives, so X's list answers (with who
    leads each); "…兑现那条,配合的有哪些?" names no unit and stays one item's units."""
    from assistant import question_kinds

    asked = "棠川县农业农村局在分工表里有没有活?那项是谁挑头"
    kinds = question_kinds.load(held_out=[asked])  # the patterns read 挑头 as a lead question
    units = UnitNames([_item("棠川县", lead=("县市场监管局",), resp=("县农业农村局",))])
    query = understand(asked, known_units=units, known_localities=("棠川县",), kinds=kinds)
    assert query.intent == "unit_tasks" and query.unit == "县农业农村局"
    one = understand("惠企政策兑现那条,配合的有哪些?", known_units=units, known_localities=("棠川县",), kinds=kinds)
    assert one.intent == "responsible"
