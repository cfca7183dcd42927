"""Round 29's ordinary questions: an item cited by its number beside the document's short name
(分解方案第45项), a who-question in words no role pattern has (哪些单位要跟着干), a count by a
field's value with 挂 (牵头领导挂“…”的几项), a change stated from one figure to another (由5个工作日
压缩至3个工作日: 压缩了几个), a remainder in one part of a two-part sentence, and a unit whose
items give it one part ("都是配合单位,没有牵头的")."""
from __future__ import annotations

from assistant.compute_differences import changed_by
from assistant.route_counts import field_filter
from assistant.topic import topic_of
from assistant.understand import understand
from corpus.pipeline import parse_text
from tests.small_plans import assistant_over


def test_the_documents_short_name_after_the_place_is_not_the_topic():
    assert topic_of("乌鲁木齐县工作任务分解方案第45项由谁负责", ("乌鲁木齐县",)) == "第45项"
    assert topic_of("新密市工作安排里行政复议谁牵头", ("新密市",)) == "行政复议"
    assert "实施方案" in topic_of("乌鲁木齐县要求各部门制定实施方案", ("乌鲁木齐县",))  # not after the place


def test_a_count_by_a_fields_value_said_with_gua_but_not_a_role():
    keep, said = field_filter("碧岑清单里牵头领导挂“县政府分管副县长”的任务一共几项？")
    assert "牵头领导" in said and "县政府分管副县长" in said
    assert field_filter("这份责任分解里我们股挂“牵头”的是哪几项？") is None  # the unit's part, asked


def test_a_change_from_one_figure_to_another_is_their_difference():
    text = ("棠川市若干措施\n一、优化营商环境\n第一条 开辟涉企行政复议绿色通道。涉企行政复议申请受理审查时间由5个工作日"
            "压缩至3个工作日，对涉企案件优先审理。（市司法局主办）\n")
    items = [i for i in parse_text(text, file="m.txt").items if i.kind == "task"]
    query = understand("棠川涉企行政复议受理审查时间一共压缩了几个工作日？", known_localities=("棠川市",))
    item, said, steps, quoted = changed_by(None, query, items)
    assert said.startswith("2个工作日") and "5个工作日 − 3个工作日 = 2个工作日" in said
    assert changed_by(None, understand("棠川涉企行政复议受理审查时间是几个工作日？"), items) is None


PLAN = ("泽宁县2025年法治政府建设工作要点\n"
        "一、化解矛盾纠纷\n"
        "1.健全调解体系。去年全县调处行政调解案件1218件，调解成功1164件，成功率95.6%；人民调解组织调解纠纷3342件，"
        "调解成功3301件，成功率98.8%。今年继续完善调解网络。（县司法局牵头，县信访局、各乡镇人民政府配合）\n"
        "2.推进数据开放共享。建设县公共数据开放平台。（县数据局牵头，县民政局、县司法局配合）\n"
        "3.加强应急处置。完善基层应急组织体系。（县应急管理局牵头，县民政局配合）\n")


def test_questions_of_round_29_on_a_small_plan(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁人民调解组织调解的纠纷里，没调成的有几件？")
    assert "41件" in answer.text and "3342件 − 3301件" in answer.text
    answer = a.answer("泽宁工作要点第2项，县民政局要不要参与？")
    assert answer.status == "answered" and "县数据局牵头" in answer.text
    answer = a.answer("我们是泽宁县民政局的，要点里我们要参与哪些活？有牵头的吗")
    assert "共2项" in answer.text and "都是配合单位,没有牵头的" in answer.text


def test_a_who_question_no_role_pattern_has_takes_the_learned_kind():
    from assistant import question_kinds

    kinds = question_kinds.load()
    said = "乌县推进政府和公共服务机构数据开放共享那项，哪些单位要跟着干？"
    assert understand(said).intent == "other"  # the rules alone find no kind
    assert understand(said, kinds=kinds).intent in ("lead", "responsible")
    assert understand("乌县数据开放共享那项是怎么要求的？", kinds=kinds).intent != "lead"  # no who asked


READING = ("《泽宁县2026年法治政府建设工作要点》政策解读\n"
           "发布机构：泽宁县司法局　发布日期：2026年3月11日\n"
           "1.问：《要点》是怎么出台的？\n"
           "答：《要点》经县政府常务会议审议通过，由县人民政府办公室于2026年3月2日以泽政办发〔2026〕3号文件印发。\n"
           "2.问：执法人员培训有什么要求？\n"
           "答：《要点》第13项明确，执法人员每人每年培训不少于50学时。这一项由县司法局负责，县人力资源和社会保障局协助。\n")


def test_a_reading_names_the_document_it_explains_with_its_number(tmp_path):
    a = assistant_over(tmp_path, reading_txt=READING)
    answer = a.answer("泽宁那份政策解读是谁发的？解读的是哪个文件，文号多少")
    assert "泽政办发〔2026〕3号" in answer.text and "泽宁县司法局" in answer.text
    assert any("泽政办发〔2026〕3号" in c.quote for c in answer.citations)  # cited, not said from memory
