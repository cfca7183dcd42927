"""Round 33's ways of asking who does an item (hash index, no LLM): a yes-or-no check of several
units in a role, the asker's own body by its kind, a role word mistyped by a pinyin keyboard, a
supporting role asked with the lead set aside, and a 股室 asked below what a note names."""
from __future__ import annotations

from assistant.intents import detect_intent
from assistant.question_text import clean_question
from eval.metrics import ungrounded_values
from tests.small_plans import assistant_over

PLAN = ("芩屿区2025年法治政府建设重点任务分工方案\n"
        "一、严格规范公正文明执法\n"
        "1.加强审计监督，对区直部门主要领导干部开展经济责任审计不少于8个。\n"
        "责任单位：区审计局（牵头）、区财政局\n"
        "2.编制并公布2025年度区政府重大行政决策事项目录，决策过程记录材料归档率达到100%。\n"
        "牵头单位：区政府办公室；责任单位：区司法局、各决策承办单位\n"
        "3.实行重大行政执法行为备案，决定之日起15日内报送备案。\n"
        "牵头单位：区司法局；责任单位：各行政执法部门、各街道办事处\n"
        "4.扩大证明事项告知承诺制适用范围，年内新增告知承诺证明事项不少于20项。\n"
        "主办单位：区司法局\n"
        "5.推进智慧城区建设，政务服务、交通出行等信息化服务全覆盖。\n"
        "牵头单位：区政务服务管理局、区委网信办；责任单位：区交通运输局\n")


def test_a_check_of_several_units_in_a_role_says_yes_or_no_first(tmp_path):
    a = assistant_over(tmp_path, plan_txt=PLAN)
    text = a.answer("芩屿区领导干部经济责任审计那条，区审计局、区财政局算共同牵头吗？").text
    assert text.startswith("不是,区财政局是责任单位,不是牵头单位"), text
    text = a.answer("芩屿区2025年度重大行政决策事项目录那条，责任单位是不是区司法局和区政府各部门？").text
    assert text.startswith("不是") and "区司法局、各决策承办单位负责" in text, text
    assert "区政府各部门" not in text  # a guess the item does not list is not repeated
    answer = a.answer("芩屿智慧城区建设那条，是不是区政务服务管理局和区委网信办一起牵头的？")
    assert answer.text.startswith("是的"), answer.text
    assert not ungrounded_values(answer.to_dict()), answer.text


def test_the_askers_own_body_is_checked_by_its_kind(tmp_path):
    a = assistant_over(tmp_path, plan_txt=PLAN)
    text = a.answer("我在芩屿一个街道办事处，重大行政执法行为15日内报备案那条，我们街道也在责任单位里吗？").text
    assert text.startswith("是的"), text


def test_a_check_of_who_carries_it_out_is_a_unit_question():
    assert detect_intent("审计整改率要到95%以上那项，负责落实的是不是市财政局加市统计局？") == "responsible"
    assert detect_intent("我们乡镇也在责任单位里吗？") == "responsible"
    assert detect_intent("县司法局里面具体承办的股室是哪个？") == "lead"


def test_role_words_mistyped_by_a_pinyin_keyboard_are_read_as_meant():
    assert clean_question("棠川规范性文件清理那条 牵投单位谁啊", 200) == "棠川规范性文件清理那条 牵头单位谁啊"
    assert "负责单位" in clean_question("那条负则单位有哪些", 200)


def test_a_supporting_role_asked_with_the_lead_set_aside(tmp_path):
    a = assistant_over(tmp_path, plan_txt=PLAN)
    text = a.answer("芩屿新增告知承诺证明事项不少于20项的那条，除了主办的还有协办单位吗？").text
    assert "没有写这一项的配合单位" in text or "没有写这一项的协办单位" in text, text
    answer = a.answer("芩屿区告知承诺制那项，区司法局里面具体承办的股室是哪个？")
    assert answer.status == "not_found" and "没有写明具体科室" in answer.text, answer.text


def test_one_units_part_in_each_of_two_items(tmp_path):
    a = assistant_over(tmp_path, plan_txt=PLAN)
    text = a.answer("我们是芩屿区司法局。重大行政执法行为备案那条和新增告知承诺证明事项那条，我们分别是什么角色？").text
    assert "一、 3.[1]:区司法局是牵头单位" in text and "一、 4.[2]:区司法局是主办单位" in text, text
