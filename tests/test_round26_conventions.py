"""Conventions of how askers write, learned in session 25 (each a rule of the question's or the
document's writing, not of one question): fast tests on made-up text."""
from __future__ import annotations

import re

from assistant import support


def test_a_named_mechanism_asked_is_answered_by_the_sentence_that_sets_one_up():
    ranked = [(0.8, "加强行政执法监督机制建设,充分发挥监督委员会作用。"),
              (0.6, "建立驻站式监督机制,加大行政执法指导力度。"),
              (0.5, "开展专项整治活动。")]
    first = support._naming_first("另外要建个什么监督机制", ranked)
    assert first[0][1].startswith("建立驻站式监督机制") and first[0][0] == 0.8
    assert [s for _, s in first[1:]] == [ranked[0][1], ranked[2][1]]
    # "啥机制": any mechanism set up by name, with the words between the verb and its name
    assert support._naming_first("这块建了个啥机制", [(0.9, "坚持严打与依法打击相结合。"),
                                                (0.7, "建立政法委及公、检、法、司等职能单位会商审议机制。")])[0][1].startswith("建立政法委")


def test_a_naming_sentence_far_behind_or_a_question_asking_no_name_changes_nothing():
    ranked = [(0.9, "加强行政执法监督机制建设。"), (0.3, "建立驻站式监督机制。")]
    assert support._naming_first("要建个什么监督机制", ranked) == ranked  # too far behind to answer instead
    close = [(0.9, "加强行政执法监督机制建设。"), (0.8, "建立驻站式监督机制。")]
    assert support._naming_first("监督机制建设有什么要求", close) == close  # 什么要求: no name asked


def test_the_classifier_and_yang_go_with_the_asking_word():
    from assistant.topic import topic_of
    assert topic_of("政务云要建成个什么样的体系") == "政务云建成体系"
    assert topic_of("这块建了个啥机制") == "这块建机制"
    assert topic_of("这个制度什么时候出台").startswith("这个")  # 这个 is not the classifier of 什么


def test_sentences_that_cover_a_part_equally_are_ordered_by_the_longest_run_they_share():
    ranked = [(0.41, "建立健全政务数据安全保障体系。"), (0.41, "构建多云协同的政务云体系。"), (0.2, "其他。")]
    assert support._ties_by_shared_run("政务云要建成个什么样的体系", ranked)[0][1] == "构建多云协同的政务云体系。"
    apart = [(0.6, "建立健全政务数据安全保障体系。"), (0.41, "构建多云协同的政务云体系。")]
    assert support._ties_by_shared_run("政务云要建成个什么样的体系", apart) == apart  # no tie: the ranking stands


def test_the_first_part_of_a_list_may_drop_the_lead_in_every_part_shares():
    from assistant.operands import _lead_in_dropped
    assert _lead_in_dropped("一个部门里 一把手 讲法") == ["一个部门里 一把手 讲法", "一把手 讲法"]  # (讲法 alone is too few)
    assert _lead_in_dropped("中心组法治专题学习") == ["中心组法治专题学习"]


# a made-up plan: a column of time limits, two items sharing units, one with no lead
PLAN = ("苍梧县2025年法治政府建设工作要点\n"
        "一、依法行政\n"
        "1.推进行政复议规范化建设，行政复议案件平均审理期限压缩至50日以内。（牵头单位：县司法局；配合单位：县直各有关部门；完成时限：2025年11月）\n"
        "2.完善信用修复机制，信用修复申请3个工作日内办结。（牵头单位：县发展改革局；责任单位：县市场监管局、县政务服务中心；完成时限：2025年9月）\n"
        "3.推进政务数据共享，年内新增共享数据目录不少于100条。（牵头单位：县政务服务中心；责任单位：县大数据中心、县司法局；完成时限：2025年12月）\n"
        "二、能力建设\n"
        "4.各单位一把手每年讲法不少于3次，组织本单位人员观看庭审视频每年至少2次，党组中心组每年至少安排5次法治专题学习。（牵头单位：县司法局；完成时限：全年）\n"
        "5.加强政务诚信建设。各级政府及部门应当严格履行各项约定义务和承诺。因国家利益、公共利益确需改变政府承诺和合同约定的，应当严格按照法定程序进行协商，对投资人权益造成损失的，应当依法予以补偿。（牵头单位：县发展改革局；完成时限：长期坚持）\n")


def test_a_unit_answer_gives_the_time_limit_a_clause_asks_for(tmp_path):
    from tests.small_plans import assistant_over
    a = assistant_over(tmp_path, cangwu_txt=PLAN)
    answer = a.answer("苍梧复议审理期限压到50日以内那项，谁挑头？配合的是谁，啥时候完成？")
    assert "县司法局牵头" in answer.text and "县直各有关部门配合" in answer.text
    assert "完成时限:2025年11月" in answer.text  # the column, though the time is asked beside 配合的是谁


def test_the_tasks_a_unit_does_not_lead_say_who_leads_them(tmp_path):
    from tests.small_plans import assistant_over
    a = assistant_over(tmp_path, cangwu_txt=PLAN)
    answer = a.answer("苍梧县政务服务中心想摸个底，要点里我们打头的有几项、跟着干的有几项？")
    assert "县政务服务中心牵头的任务共1项" in answer.text
    assert re.search(r"“完善信用修复机制[^”]*”\(县发展改革局牵头\)\[2\]", answer.text)  # under whom it works


def test_a_sum_names_its_parts_in_the_clause_before_an_asking_one(tmp_path):
    from tests.small_plans import assistant_over
    a = assistant_over(tmp_path, cangwu_txt=PLAN)
    answer = a.answer("苍梧要点里，一个单位一年里一把手讲法、组织本单位看庭审视频、党组中心组法治专题学习，最少各几次？合起来最少几次？")
    assert answer.status == "answered" and "合计10次" in answer.text and "3次 + 2次 + 5次 = 10次" in answer.text


def test_two_places_compared_on_a_rate_are_not_a_count_of_what_a_unit_leads():
    from assistant import route_places
    from assistant.understand import understand
    places = ("霁川县", "松屿区")
    rate = understand("行政复议这块,霁川和松屿都是司法局挑头吗?两边对调解、和解结案的比例各定了多少?", known_localities=places)
    assert rate.localities == places and route_places.route(None, rate) is None  # (None: decided before the documents)
    counted = understand("司法局挂牵头的条数,霁川和松屿各几条?谁的占比高?", known_localities=places)
    assert any(route_places.LEAD_ASK.search(c) and route_places._COUNT_ASKED.search(c) for c in counted.original.split("?"))


def test_a_part_asking_what_to_do_is_about_the_clause_before_it(tmp_path):
    from tests.small_plans import assistant_over
    from assistant.gates import SENTENCE_MIN
    from assistant.understand import understand
    a = assistant_over(tmp_path, cangwu_txt=PLAN)
    q = "苍梧要是因为公共利益确实得改政府承诺、改合同约定,要点让怎么办?"
    query = understand(q, None, a.max_question_chars, a.unit_names, tuple(a.searcher.localities), a.kinds)
    item = next(i for i in a.items if "政务诚信" in i.text)
    found = support.support(a, query, item)
    # "要点让怎么办" shares no word with the item: it is asked of the clause before it, whose
    # sentence answers it (before, the part scored 0 and held the whole item under the gate)
    assert found and found[2] >= SENTENCE_MIN and "依法予以补偿" in found[1]


def test_things_counted_by_their_own_classifier_need_that_classifier():
    from assistant.evidence import answers_measure
    asked = "棹溪镇街综合执法队今年每个队要配几辆执法车?"
    assert not answers_measure(asked, "年内完成9个镇(街道)综合行政执法队规范化建设,一线执法人员占比不低于85%。")
    assert answers_measure(asked, "每个执法队配备执法车辆不少于2辆。")
    assert not answers_measure("网上学法考试平均考了多少分?", "参考率、合格率均达到100%。")
    assert answers_measure("网上学法考试平均考了多少分?", "平均成绩92分。")


def test_a_units_tasks_in_a_part_also_list_those_it_only_joins_there(tmp_path):
    from tests.small_plans import assistant_over
    a = assistant_over(tmp_path, cangwu_txt=PLAN)
    answer = a.answer("苍梧要点依法行政那一部分里，县司法局打头的是哪几项？只挂责任单位的又是哪项")
    assert "推进行政复议规范化建设" in answer.text and "一把手" not in answer.text  # its lead in part 一 only
    # the part's items it only joins, whatever their words (not the topic's: a part has no one topic)
    assert re.search(r"另外,同一部分县司法局不牵头、是责任单位的有1项:一、 3\.\(第3项\)“推进政务数据共享[^”]*”\(县政务服务中心牵头\)", answer.text)
