"""Conventions of round 22: a notice's reporting days and run-in paragraphs, counts written in 万,
an average over a thing named before its word, a share never taken of rates, a chain named with
colloquial lead words, a document an item cites, and a plan's aim asked whether it was met
(hash index, no LLM)."""
from __future__ import annotations

from decimal import Decimal

from assistant import compute
from assistant.understand import detect_intent
from assistant.value_kind import missing_reason
from tests.small_plans import assistant_over

NOTICE = ("沙汀县人民政府办公室关于印发沙汀县2024年法治政府建设任务分工的通知\n"
          "各乡镇人民政府，县政府各部门：\n"
          "　　现将《沙汀县2024年法治政府建设任务分工》印发给你们，并提出如下要求。\n"
          "　　一、提高思想认识。各部门要充分认识法治政府建设的重要意义。\n"
          "　　二、压实工作责任。各牵头单位要发挥统筹协调作用，责任单位要主动配合、密切协作。\n"
          "　　三、加强督促检查。各单位于2024年7月10日和12月10日前，分别将半年和全年工作进展情况报送县司法局。"
          "任务完成情况纳入年度目标管理绩效考核。\n"
          "沙汀县人民政府办公室\n2024年5月14日\n\n"
          "沙汀县2024年法治政府建设任务分工\n"
          "一、总体要求\n确保到2024年底全面完成各项任务，争创市级法治政府建设示范县。\n"
          "二、重点任务\n"
          "1.开展规范性文件全面清理，清理结果于10月底前公布。（县司法局牵头）\n"
          "2.加强行政调解工作，健全调解机制。（县司法局牵头）\n"
          "3.加大重点领域执法力度。（县市场监管局、县司法局按职责分工负责）\n"
          "4.贯彻落实《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号），"
          "及时调整裁量基准。（县司法局牵头）\n"
          "5.推出“一件事一次办”主题服务23个，累计办件1.9万件。（县政务服务中心牵头）\n"
          "6.严格落实合法性审核，县政府及其办公室出台的规范性文件均经过合法性审核，合法性审核期限一般为7个工作日，"
          "最长不超过15个工作日，全县规范性文件合法性审核率达到100%。（县司法局牵头）\n")


def test_a_count_in_wan_is_read_at_its_value_and_an_amount_keeps_its_unit():
    found = {n.text: n for n in compute.numbers_in("累计办件1.9万件，投入300万元，培训2万余人。")}
    assert found["1.9万"].value == Decimal("19000") and found["1.9万"].unit == "件"
    assert found["300"].unit == "万元"
    assert "2万" not in found  # "2万余人": no count this code can read


def test_a_named_day_and_a_described_one(tmp_path):
    a = assistant_over(tmp_path, shating_txt=NOTICE)
    answer = a.answer("沙汀分工5月14号印发，离第一次报半年进展的截止日还有几天？")
    assert answer.path == "computed" and "2024年7月10日" in answer.text and "57天" in answer.text
    answer = a.answer("沙汀那份分工落款是2024年5月14日，各单位报全年进展最晚到哪天？一共隔了多少天")
    assert "12月10日" in answer.text and "210天" in answer.text


def test_an_average_over_a_thing_named_before_its_word(tmp_path):
    a = assistant_over(tmp_path, shating_txt=NOTICE)
    answer = a.answer("沙汀累计办件量，每个主题服务摊下来大约办了多少件")
    assert answer.path == "computed" and "826" in answer.text and "1.9万件 ÷ 23个" in answer.text


def test_a_run_in_heading_brings_its_body(tmp_path):
    a = assistant_over(tmp_path, shating_txt=NOTICE)
    answer = a.answer("沙汀那份通知里“压实工作责任”一条，对牵头单位和责任单位各提了啥要求？")
    assert "统筹协调" in answer.text and "主动配合" in answer.text


def test_a_chain_said_with_a_colloquial_lead_word(tmp_path):
    a = assistant_over(tmp_path, shating_txt=NOTICE)
    answer = a.answer("沙汀挑头行政调解工作那条的单位，在加大重点领域执法力度那条里是个啥身份？")
    assert answer.text.startswith("县司法局是责任单位")


def test_a_document_an_item_cites_is_not_the_plans_own():
    assert detect_intent("新密加强行政裁量权基准建设，贯彻的是国务院办公厅哪个意见？文号是多少") != "doc_info"
    assert detect_intent("这份方案的文号是多少?") == "doc_info"


def test_whether_a_plans_aim_was_met_is_not_in_the_plan(tmp_path):
    a = assistant_over(tmp_path, shating_txt=NOTICE)
    aim = next(i for i in a.items if i.kind == "prose" and "争创" in i.text)
    assert "没有写实际完成情况" in missing_reason("沙汀要争创的市级示范县，最后创成了没有？", [aim])
    rules = next(i for i in a.items if i.kind == "preamble" and "压实工作责任" in i.text)
    assert missing_reason("沙汀的分工落实得怎么样会不会影响考核?", [rules]) == ""


def test_a_share_is_never_taken_of_rates(tmp_path):
    text = ("岩桥县2024年法治政府建设要点\n一、深化改革\n"
            "1.推进“双随机、一公开”监管，抽查事项覆盖率达到100%，部门联合抽查占比不低于25%。（县市场监管局牵头）\n")
    a = assistant_over(tmp_path, yanqiao_txt=text)
    answer = a.answer("岩桥联合抽查占比多少?")
    assert answer.path != "computed" and "25%" in answer.text


def test_a_values_bound_said_after_it_is_quoted_with_it(tmp_path):
    a = assistant_over(tmp_path, shating_txt=NOTICE)
    answer = a.answer("沙汀对规范性文件合法性审核的时限规定了几个工作日？")
    assert "7个工作日，最长不超过15个工作日" in answer.text
