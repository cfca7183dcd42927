"""Conventions of round 23 and the round-13 documents: a number asked in a particular measure in the
asker's own words, targets that are no results, a day the asker names as the item writes it, a
count from a rate "照下限算", who does each item of a section in every role, items not given a
lead, a plan's opening 总体要求 as prose, "01 | …" sections, and days asked "哪几天"
(hash index, no LLM)."""
from __future__ import annotations

from corpus.outline import marker_of
from corpus.pipeline import parse_text
from assistant.route_counts import NO_LEAD
from assistant.value_kind import asks_actual_result
from tests.small_plans import assistant_over

PLAN = ("蓟塘县人民政府办公室关于印发蓟塘县2024年法治政府建设重点任务清单的通知\n"
        "各乡镇人民政府，县直各部门：\n现将《蓟塘县2024年法治政府建设重点任务清单》印发给你们，请认真贯彻落实。\n"
        "蓟塘县人民政府办公室\n2024年4月22日\n\n"
        "蓟塘县2024年法治政府建设重点任务清单\n"
        "一、总体要求\n坚持以习近平法治思想为指导，力争2025年创成市级法治政府建设示范县。\n"
        "二、加强党的领导\n"
        "1.深入学习宣传贯彻习近平法治思想，县政府常务会议全年集体学法不少于4次。（县委宣传部、县司法局牵头，县直各部门配合）\n"
        "2.压实第一责任人职责，年底前主要负责人年终述法全覆盖。（县委依法治县办牵头，县委组织部配合）\n"
        "三、严格规范执法\n"
        "3.提升执法人员能力素质，全县行政执法人员每人每年参加法律知识培训不少于60学时。（县司法局牵头）\n"
        "4.开展案卷评查，全年评查行政执法案卷不少于300卷，案卷合格率达到95%。（县司法局牵头，县直各执法部门配合）\n"
        "5.推进“互联网+监管”，依托省一体化在线监管平台，“双随机、一公开”抽查结果公示率达到100%，举办“监管开放日”活动不少于3次。（县市场监管局负责）\n"
        "6.全面推进政务公开，政府信息公开年度报告于3月31日前发布。（县政府办公室负责）\n")


def test_a_measure_asked_in_the_askers_own_words_is_found_by_the_item_stating_it(tmp_path):
    a = assistant_over(tmp_path, jitang_txt=PLAN)
    answer = a.answer("蓟塘的执法队员一年得学够多少个学时的法律？")
    assert answer.status == "answered" and "60学时" in answer.text


def test_targets_set_and_time_passed_are_no_results_of_a_plan():
    assert not asks_actual_result("监管事项覆盖率和双随机抽查结果公示率各定了多少？")
    assert not asks_actual_result("印发那天这个期限已经过去几天了？")
    assert asks_actual_result("清理完，最后废止了几件？") and asks_actual_result("结果查处了多少起？")


def test_the_two_days_the_asker_names_one_the_items_the_other_the_documents(tmp_path):
    a = assistant_over(tmp_path, jitang_txt=PLAN)
    answer = a.answer("蓟塘那张清单4月22号才印发，政务公开那项要求年报3月31日前发布，印发那天这个期限已经过去几天了？")
    assert answer.path == "computed" and "22天" in answer.text


def test_a_count_from_the_rate_the_question_names_said_as_by_the_lower_bound(tmp_path):
    a = assistant_over(tmp_path, jitang_txt=PLAN)
    answer = a.answer("蓟塘案卷评查至少300卷、合格率要到95%，照下限算起码得有多少卷合格？")
    assert answer.path == "computed" and "至少285卷" in answer.text


def test_a_sections_items_asked_who_does_them_say_every_role_and_unled_items_are_counted(tmp_path):
    a = assistant_over(tmp_path, jitang_txt=PLAN)
    answer = a.answer("蓟塘清单第二部分加强党的领导，安排了哪几条？分别谁负责")
    assert "县委依法治县办牵头,县委组织部配合" in answer.text
    assert NO_LEAD.search("这个方案里，没落实到牵头单位的任务一共多少条？")
    answer = a.answer("蓟塘这张清单里，没有明确牵头单位的任务有几条？")
    assert "2条" in answer.text and "总体要求" not in answer.text  # the opening 总体要求 is prose


def test_days_asked_that_the_item_does_not_give_are_declined(tmp_path):
    a = assistant_over(tmp_path, jitang_txt=PLAN)
    answer = a.answer("蓟塘今年“监管开放日”具体安排在哪几天？")
    assert answer.status == "not_found" and "具体时间" in answer.text


def test_an_articles_numbered_parts_are_sections():
    assert marker_of("01 | 深化行政审批制度改革").family == "part"
    items = [i for i in parse_text("苴水区2025年法治政府建设工作要点\n01 | 依法决策\n1.健全重大行政决策机制，4月底前公布目录。\n"
                                   "【牵头单位】区政府办公室\n02 | 规范执法\n2.提升执法人员能力素质。\n【牵头单位】区司法局\n",
                                   file="a.txt").items if i.kind == "task"]
    assert [i.section for i in items] == ["01 1.", "02 2."]


def test_a_place_a_scans_reading_got_one_character_wrong():
    from types import SimpleNamespace

    from assistant.read_places import misread_place, scanned_places

    items = [SimpleNamespace(locality="封湄区", doc="r12doc02.tif"), SimpleNamespace(locality="兼原县", doc="a.pdf"),
             SimpleNamespace(locality="蓟塘县", doc="plan.txt")]
    places = scanned_places(items)
    assert places == ("兼原县", "封湄区")  # a text file's names are read exactly
    assert misread_place("葑湄清单里完成时限写长期坚持的有几项", places) == ("封湄区", "葑湄")
    assert misread_place("我们是蒹原县司法局，牵头几项？", places) == ("兼原县", "蒹原")
    assert misread_place("按原则，复议谁牵头？", places) == ("", "")  # 按原 is no word of its own
    assert misread_place("蓟糖县的复议谁牵头？", places) == ("", "")  # not a scanned document's place


def test_money_named_as_a_topic_is_no_amount_asked():
    from assistant.value_kind import asked_kind

    assert asked_kind("葭汀乡镇综合执法的经费、装备保障那一项归哪个单位管？") is None
    assert asked_kind("对财政资金分配、政府投资这些岗位搞分事行权那条，哪个局挑头？") is None
    for asked in ("司法所经费保障，钱到底给多少？", "平台建设投入了多少钱?", "专项经费是多少？", "涉案金额和人数各是多少"):
        assert asked_kind(asked).name == "money"


def test_a_documents_kind_asked_of_the_collection_and_whether_it_is_a_draft(tmp_path):
    report = ("苇水县人民政府关于2024年度法治政府建设情况的报告\n苇政报〔2025〕2号\n"
              "一、2024年工作成效\n（一）审批服务提速增效。全年办件12万件。\n苇水县人民政府\n2025年2月20日\n")
    draft = "芦水区法治政府建设实施方案（征求意见稿）\n一、主要任务\n1.深化政务公开，年内主动公开信息3000条。（区政府办公室牵头）\n"
    a = assistant_over(tmp_path, weishui_txt=report, lushui_txt=draft, jitang_txt=PLAN)
    answer = a.answer("这几份材料里，哪几份是法治政府建设情况报告？各是哪一年的")
    assert "苇水县" in answer.text and "芦水区" not in answer.text and "蓟塘县" not in answer.text
    answer = a.answer("芦水区那份实施方案是正式印发稿吗？发文单位和日期能查到吗")
    assert answer.status == "answered" and "不是正式印发稿" in answer.text and "征求意见稿" in answer.text


def test_two_measures_asked_together_each_bring_their_clause():
    from types import SimpleNamespace

    from assistant.spans import answering_span, measures_asked, quoted

    assert measures_asked("评查卷数和优秀率各是多少？") == ["评查卷数是多少", "优秀率是多少"]
    assert measures_asked("评查了多少卷？") == []
    evidence = SimpleNamespace(coverage=lambda topic, text: 0.5 if "评查" in text or "优秀" in text else 0.1,
                               key_grams=lambda topic: ["优秀"])
    sentence = "组织开展行政执法案卷评查，全年评查案卷不少于200卷，优秀率达到80%以上；开展行政执法人员轮训，每人每年参加法律知识培训不少于60学时。"
    span = answering_span(SimpleNamespace(evidence=evidence), "案卷评查卷数优秀率", "评查卷数和优秀率各是多少", sentence)
    assert "200卷" in quoted(sentence, span) and "80%" in quoted(sentence, span)


def test_a_place_heading_a_units_name_is_no_third_place_and_each_places_one_figure_is_its_operand(tmp_path):
    from assistant.understand import understand

    places = ("墨水区", "钧水市", "檀水市")
    query = understand("生态环境执法，墨水和钧水都是檀水市生态环境局的分局牵头，两边行动次数的下限差几次？",
                       known_localities=places)
    assert query.localities == ("墨水区", "钧水市")
    assert understand("墨水、钧水和檀水三地的复议各谁牵头？", known_localities=places).localities == places
    mo = "墨水区2025年法治政府建设工作要点\n一、严格执法\n1.加强生态环境执法，开展污染防治联合执法检查不少于8次。（檀水市生态环境局墨水分局牵头）\n"
    jun = "钧水市2024年法治政府建设重点任务\n一、行政执法\n1.加强生态环境领域执法，开展专项执法行动不少于6次。（檀水市生态环境局钧水分局牵头）\n"
    a = assistant_over(tmp_path, moshui_txt=mo, junshui_txt=jun)
    answer = a.answer("生态环境执法，墨水和钧水都是檀水市生态环境局的分局牵头，两边行动次数的下限差几次？")
    assert answer.path == "computed" and "8次 − 6次 = 2次" in answer.text


def test_a_units_place_in_another_items_note_when_asked_where_it_stands(tmp_path):
    plan = ("鹤水市2024年依法行政工作要点\n（括号内排在第一位的为牵头单位，其余为责任单位）\n一、化解矛盾\n"
            "1.发挥行政复议主渠道作用，推行“阳光审理”。（市司法局）\n"
            "2.推进“三调联动”，年内新建行业性专业性调解组织2个。（市委政法委、市司法局、市信访局）\n")
    a = assistant_over(tmp_path, heshui_txt=plan)
    answer = a.answer("鹤水搞行政复议“阳光审理”那条的牵头单位，到了“三调联动”那条里排第几、算什么角色？")
    assert "责任单位" in answer.text and "排第二位" in answer.text
