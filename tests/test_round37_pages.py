"""Conventions of real published pages seen in session 37's new pages (written here for fictional
places): a note that ends with its time limit, a mirror's pinyin readings, a notice that cites
another notice, a report that lost its title, a department's report on its own year, a place asked
by its bare name, an action's body asked of an item with no unit note, and a rate asked of a
sentence cut off before its figure."""
from __future__ import annotations

from corpus.clean import clean
from corpus.metadata import read_metadata
from corpus.pipeline import parse_text
from corpus.units import parse_note
from assistant.evidence import answers_measure
from tests.small_plans import assistant_over


def test_a_note_that_ends_with_its_time_limit_gives_it_as_the_deadline_not_a_unit():
    note = parse_note("牵头单位:蘅川州政务服务局;责任单位:州司法局、州委编办及州直相关单位,各县市人民政府,6月底完成")
    assert note.lead == ["蘅川州政务服务局"] and note.deadline == "6月底完成"
    assert note.responsible == ["州司法局", "州委编办", "州直相关单位", "各县市人民政府"]
    assert parse_note("县司法局负责;2026年底前").deadline == "2026年底前"
    assert parse_note("县司法局牵头,县直各部门配合,长期坚持").deadline == "长期坚持"
    assert parse_note("县司法局、县年底办").deadline == ""  # a name is no time limit


def test_a_mirrors_pinyin_readings_are_dropped():
    assert clean("蘅川經(jīng)開區(qū)管委會要加快發(fā)展(一)。") == "蘅川经开区管委会要加快发展(一)。"


def test_a_notice_cited_in_a_sentence_does_not_title_the_plan():
    text = ("蘅政发〔2020〕5号\n各县市人民政府:\n《蘅川州2020年深化放管服改革工作计划》已经州人民政府同意,现印发给你们。\n"
            "蘅川州人民政府\n2020年2月22日\n蘅川州2020年深化放管服改革工作计划\n"
            "根据《某省人民政府办公厅关于印发〈某省优化经济发展环境规定〉的通知》(某政办发〔2019〕56号)精神,制定本计划。\n"
            "一、提升政务服务效能\n1.加大简政放权力度。(牵头单位:州政务服务局;责任单位:州司法局,6月底完成)\n")
    meta = read_metadata(text)
    assert meta.title == "蘅川州2020年深化放管服改革工作计划"
    task = next(i for i in parse_text(text, file="plan.txt").items if i.kind == "task")
    assert task.deadline == "6月底完成" and task.responsible_units == ("州司法局",)


def test_a_report_that_lost_its_title_says_what_it_is():
    meta = read_metadata("2024年,我县坚持依法行政,营造了良好的法治环境。现将工作情况报告如下:\n一、工作开展情况\n(一)加强组织领导。\n")
    assert meta.kind == "报告"


OWN_REPORT = ("蘅川市司法局关于2023年度法治政府建设情况的报告\n"
              "2023年,市司法局坚持以习近平法治思想为指导,推动法治政府建设取得新成效。现将相关情况报告如下。\n"
              "一、2023年工作情况\n"
              "(一)统筹推进法治政府建设。一是坚持党的领导。局党委先后召开12次会议研究法治建设重大问题。"
              "二是抓实考核落实。推动完成全市党政主要负责人年度述法,组织开展实施方案中期督察和第三方评估。"
              "三是参与示范创建。2个项目获评全省法治政府建设示范项目。\n"
              "(二)健全依法行政制度体系。加强重点领域立法,全年审查规范性文件86件。\n")
PLAN = ("荪汀县2025年法治政府建设工作要点\n一、依法行政\n1.规范行政执法。严格执行行政执法三项制度。(牵头单位:县司法局;责任单位:县直各部门)\n"
        "2.推进审批改革。将全县12个部门的行政许可事项统一划入县行政审批局,实现一枚印章管审批。\n")


def test_a_department_asked_what_it_did_is_answered_from_its_own_report(tmp_path):
    a = assistant_over(tmp_path, report_txt=OWN_REPORT, plan_txt=PLAN)
    reply = a.answer("蘅川市司法局2023年在考核落实上具体干了啥?").to_dict()
    assert reply["status"] == "answered" and "年度述法" in reply["answer"] and "第三方评估" in reply["answer"]
    assert "蘅川市司法局写的自身工作情况" in reply["answer"]
    whole = a.answer("蘅川市司法局2023年做了哪些工作?").to_dict()
    assert whole["status"] == "answered" and "抓实考核落实" in whole["answer"] and "健全依法行政制度体系" in whole["answer"]


def test_a_place_asked_by_its_bare_name_that_no_document_has_is_declined(tmp_path):
    a = assistant_over(tmp_path, report_txt=OWN_REPORT, plan_txt=PLAN)
    reply = a.answer("咸阳那份放管服要点第一条,按职责分工负责的是哪些单位?").to_dict()
    assert reply["status"] == "not_found" and "没有咸阳的文件" in reply["answer"]
    # a parent named before a place the documents have is no other place
    kept = a.answer("咸阳那边荪汀县的工作要点里,规范行政执法谁牵头?").to_dict()
    assert kept["status"] == "answered" and "县司法局" in kept["answer"]


def test_the_body_an_action_names_is_answered_from_an_item_with_no_unit_note(tmp_path):
    a = assistant_over(tmp_path, plan_txt=PLAN)
    reply = a.answer("荪汀县的行政许可事项都划给哪个部门了?").to_dict()
    assert reply["status"] == "answered" and "县行政审批局" in reply["answer"]
    assert a.answer("荪汀县审批改革那项谁牵头?").to_dict()["status"] == "not_found"  # a role asked: none is written


def test_a_rate_asked_needs_a_rate_not_any_figure():
    cut = "全年办理各类便民服务事项1500余件,群众满意度"
    assert not answers_measure("三都镇便民服务的群众满意度是多少?", cut)
    assert answers_measure("三都镇便民服务的群众满意度是多少?", "群众满意度达98.5%")
    assert not answers_measure("规范性文件备案率要求达到多少?", "严格落实行政规范性文件备案审查制度,全年备案12件")


def test_a_unit_no_note_names_is_given_the_work_its_sentences_give_it(tmp_path):
    other = "蘅川县2025年依法行政工作要点\n一、保障\n1.落实法治经费保障。(牵头单位:县财政局;责任单位:县直各部门)\n"
    plan = ("荪汀县2025年法治政府建设工作要点\n一、依法行政\n1.规范行政执法。严格执行行政执法三项制度。(牵头单位:县司法局;责任单位:县直各部门)\n"
            "2.加强保障。县财政局要将法治政府建设经费列入年度预算。\n")
    a = assistant_over(tmp_path, plan_txt=plan, other_txt=other)
    reply = a.answer("荪汀县的县财政局有哪些任务?").to_dict()
    assert reply["status"] == "answered" and "列入年度预算" in reply["answer"]
    assert "没有把县财政局列为任何一项的牵头或责任单位" in reply["answer"]
    assert a.answer("荪汀县的县财政局牵头哪些任务?").to_dict()["status"] == "not_found"  # a sentence names no lead


OPINION = ("(二十)加快建立权责明确的行政执法体制,减少行政执法层次。(市编办、市政府法制办共同负责,市财政局及相关部门配合)\n"
           "(二十一)建立行政执法协调机制。(市政府法制办牵头,市编办、市财政局配合)\n"
           "(二十二)规范自由裁量权的行使。(市政府法制办牵头,相关部门配合)\n")


def test_a_page_that_never_names_its_place_is_answered_without_empty_brackets(tmp_path):
    a = assistant_over(tmp_path, opinion_txt=OPINION)
    both = a.answer("市编办和市政府法制办共同负责的那项是什么?").to_dict()  # two units, not a place "市编办和市"
    assert both["status"] == "answered" and "减少行政执法层次" in both["answer"] and "()" not in both["answer"]
    led = a.answer("市政府法制办都牵头了啥?").to_dict()
    assert led["status"] == "answered" and "共2项" in led["answer"] and "()" not in led["answer"]


def test_an_old_notice_typed_with_the_letter_o_for_zero_is_dated_and_is_no_report():
    text = ("蘅川市人民政府办公室关于报告推进依法行政工作进展情况的通知 各县(区)人民政府: 现将有关事项通知如下: "
            "一、报告内容。重点报告措施和成效。 二、上报时间。于11月底前上报市政府。 "
            "蘅川市人民政府办公室 二oo九年十一月十三日")
    meta = read_metadata("\n".join(text.split(" ")))
    assert meta.date == "2009-11-13"
    assert meta.kind == ""  # 关于报告…的通知 is a notice, not a 报告


def test_a_unit_named_in_a_clause_of_its_own_leaves_the_item_to_the_rest(tmp_path):
    plan = "荪汀县2025年法治政府建设工作要点\n一、执法\n1.建立行政执法协调机制。(县司法局牵头,县财政局配合)\n"
    a = assistant_over(tmp_path, opinion_txt=OPINION, plan_txt=plan)
    reply = a.answer("建立行政执法协调机制那条,市财政局是配合单位吗?一起配合的还有谁?").to_dict()
    # the place that has a 市财政局 is where the asker is: not 荪汀县's item of the same name
    assert reply["status"] == "answered" and reply["answer"].startswith("市财政局是配合单位")
    assert "荪汀县" not in reply["answer"]
    listed = a.answer("市政府法制办牵头哪些?").to_dict()["answer"]
    assert "()" not in listed


def test_a_rank_printed_as_a_place_in_order_and_a_count_of_characters():
    from assistant.value_kind import asked_kind, holds

    kind = asked_kind("武汉法治政府建设在全国评估里排第几")
    assert kind and kind.name == "rank"

    class Item:
        text = "全市法治政府建设在全国地方法治政府评估中跃居第10位。"
        units_raw = ""

    assert holds(kind, [Item()], "武汉法治政府建设在全国评估里排第几")
    assert not answers_measure("总结报告最多写多少字", "总结报告要简明扼要,于11月底前上报")
    assert answers_measure("总结报告最多写多少字", "总结报告不超过3000字")


def test_a_notice_asked_for_its_date_shows_no_empty_field(tmp_path):
    notice = ("蘅川市人民政府办公室关于报告推进依法行政工作进展情况的通知\n各县(区)人民政府:\n现将有关事项通知如下:\n"
              "一、报告内容。重点报告措施和成效。\n二、上报时间。于11月底前上报市政府。\n蘅川市人民政府办公室\n二oo九年十一月十三日\n")
    reply = assistant_over(tmp_path, notice_txt=notice).answer("蘅川市政府办公室那个报告依法行政进展情况的通知是哪天发的?").to_dict()
    assert "2009年11月13日" in reply["answer"] and ",," not in reply["answer"]
