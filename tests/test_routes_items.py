"""Sections, documents and the parts of a question, answered from the items (hash index, no LLM)."""
from __future__ import annotations

import re

from eval import metrics
from tests.small_plans import assistant_over, TASK_LIST, SECTIONED_LIST


def test_a_section_by_number_lists_its_items_with_leads(assistant):
    answer = assistant.answer("乌鲁木齐县方案第九部分有几项任务?")
    assert answer.status == "answered" and answer.path == "fields"
    assert [c.item.section for c in answer.citations] == [
        "九、(二十七) •[63]", "九、(二十七) •[64]", "九、(二十八) •[65]", "九、(二十八) •[66]"]
    # a short list shows every unit of each item: whom the lead works with
    assert "共4项" in answer.text and "(县政务服务管理局牵头,县委网信办、县发改委" in answer.text


def test_a_section_by_heading_words_counts_in_the_questions_word(assistant):
    answer = assistant.answer("乌鲁木齐县方案里“加强和规范行政应诉工作”下面有几条任务?讲了啥?")
    assert "共2条" in answer.text and len(answer.citations) == 2
    assert {c.item.section for c in answer.citations} == {"七、(二十一) •[51]", "七、(二十一) •[52]"}


def test_a_report_plan_by_its_year(assistant):
    answer = assistant.answer("伊犁州2022年法治政府建设有啥打算?")
    assert answer.status == "answered" and "2022年工作安排" in answer.text
    assert all(c.item.section.startswith("二、") for c in answer.citations) and len(answer.citations) == 8


def test_a_question_naming_no_section_goes_the_usual_way(assistant):
    answer = assistant.answer("乌鲁木齐县行政执法人员每年培训不少于多少学时?")
    assert answer.path != "computed" and not re.search(r":共\d+[项条]", answer.text)


def test_a_question_asking_for_units_is_not_a_section_listing(assistant):
    answer = assistant.answer("乌鲁木齐县加强和规范行政应诉工作,涉及的部门都有哪些?")
    assert not re.search(r":共\d+[项条]", answer.text)


def test_a_document_question_asking_whom_it_goes_to_gets_the_addressee(assistant):
    """主送 is read from the line before the body; asked "发给谁", the answer names it."""
    answer = assistant.answer("乌鲁木齐县那个分解方案是发给谁的?")
    assert answer.path == "fields" and "主送各乡镇(管委会),县属各部、委、办、局、人民团体" in answer.text
    plain = assistant.answer("乌鲁木齐县那个分解方案是哪一年的?")
    assert "主送" not in plain.text  # only when asked


def test_a_place_no_document_names_is_not_answered_from_another_place(assistant):
    answer = assistant.answer("青禾县智慧普法云平台建设由哪个单位牵头?")
    assert answer.status == "not_found" and "青禾县" in answer.text and not answer.citations
    from assistant.understand import understand
    assert assistant._unknown_place(understand("郑州市对新密的法治督察有什么要求?")) == ""  # named in 003's text


def test_which_county_is_a_question_not_a_county(assistant):
    from assistant.understand import understand
    for question in ("哪个县要建应急处置“第一响应人”制度?", "这个区的行政复议谁牵头?", "各县要做什么?",
                     "我们是县司法局,今年要牵头干哪些事?"):
        assert assistant._unknown_place(understand(question)) == "", question


def test_each_part_of_a_two_part_question_asks_its_own_kind_of_thing(assistant):
    answer = assistant.answer("乌鲁木齐县法治政府建设年度报告每年几号前报告?通过什么途径向社会公开?")
    assert answer.status == "answered" and "3月1日前" in answer.text and "政府网站" in answer.text


def test_a_tasks_second_paragraph_is_not_counted_as_another_task(assistant):
    answer = assistant.answer("新密市第八部分都安排了啥?")
    assert answer.status == "answered" and "共5项" in answer.text
    assert any(c.item.section.endswith("续段") for c in answer.citations)  # still listed


def test_a_jointly_issued_document_names_both_issuers(assistant):
    answer = assistant.answer("乌鲁木齐县的工作任务分解方案是哪两家联合印发的?")
    assert answer.intent == "doc_info" and "中共乌鲁木齐县委员会、乌鲁木齐县人民政府" in answer.text


def test_a_number_answer_opens_with_the_clause_stating_it(assistant):
    answer = assistant.answer("伊犁州州直有多少名公职律师?")
    assert answer.path == "extractive" and answer.text.startswith("伊犁州:州直共有公职律师30人")


def test_a_part_asking_no_value_is_quoted_with_its_whole_sentence(assistant):
    # the date part trims the sentence to its clause; the who part must not lose its clause to that
    from dataclasses import replace as with_text

    from assistant.support import support
    from assistant.understand import understand

    base = next(i for i in assistant.items if i.locality == "阜康市" and i.kind == "task")
    text = ("各乡镇、各部门于每季度结束后10日内报送工作进展情况,由市司法局汇总审核后报市政府常务会议研究,"
            "对进展缓慢、推进不力的任务实行挂牌督办,督办结果纳入年度法治建设考核。")
    item = with_text(base, text=text, heading="")
    query = understand("阜康市各部门工作进展多少日内报送?由谁汇总审核?", None, 2000, assistant.unit_names,
                       tuple(assistant.searcher.localities))
    _, quoted, _ = support(assistant, query, item)
    assert "10日内" in quoted and "市司法局汇总审核" in quoted


def test_a_month_asked_is_not_answered_by_within_the_year(assistant):
    answer = assistant.answer("阜康市行政执法专项监督检查定在几月份开展?")
    assert answer.status == "not_found"


def test_a_section_where_the_text_breaks_off_says_it_may_be_incomplete(assistant):
    answer = assistant.answer("绿园区方案第五部分有哪些任务?")
    assert answer.status == "answered" and "中途截断" in answer.text
    assert "中途截断" not in assistant.answer("绿园区方案第四部分有哪些任务?").text


def test_whose_material_is_a_which_document_question():
    from assistant.understand import detect_intent

    assert detect_intent("搞帮办代办的,是哪家的材料?") == "which_doc"
    assert detect_intent("政务诚信建设哪家牵头?") == "lead"


def test_a_section_says_how_many_subheadings_and_which_items_a_unit_leads_in_it(assistant):
    answer = assistant.answer("乌鲁木齐县方案第八部分一共几条?县政府办公室牵头的是哪几条?")
    assert "共10条(分列在5个小标题下" in answer.text
    led = [c for c in answer.citations if "县政府办公室" in (c.item.lead_units or ())]
    assert f"其中县政府办公室牵头的有{len(led)}条" in answer.text and len(led) == 3


def test_a_subheading_whose_items_have_different_leads_names_each(assistant):
    answer = assistant.answer("乌鲁木齐县政务诚信建设谁牵头?")
    assert "县委依法治县办牵头" in answer.text and "县发改委牵头" in answer.text
    assert [c.item.section for c in answer.citations] == ["八、(二十六) •[61]", "八、(二十六) •[62]"]
    one = assistant.answer("乌鲁木齐县健全政府守信践诺机制那条谁牵头?")  # its own words: that item alone
    assert "县发改委牵头" in one.text and "县委依法治县办" not in one.text


def test_a_clause_that_asks_nothing_sets_the_scene_and_a_bare_asking_part_uses_the_sentence_found(assistant):
    from dataclasses import replace as with_text

    from assistant.gates import SENTENCE_MIN
    from assistant.support import question_parts, support
    from assistant.understand import understand

    question = "阜康这份要点发下来,各主办单位要先拿出个啥?最晚哪天报给谁?"
    assert [asks for _, asks in question_parts(question)] == [False, True, True]
    base = next(i for i in assistant.items if i.locality == "阜康市" and i.kind == "task")
    item = with_text(base, heading="", text="各主办单位要会同协办单位制定具体落实方案，于2021年10月31日前报市司法局。"
                                            "各协办单位要主动配合，按时报送工作进展。")
    query = understand(question, None, 2000, assistant.unit_names, tuple(assistant.searcher.localities))
    _, quoted, score = support(assistant, query, item)
    assert "落实方案" in quoted and "10月31日" in quoted and score >= SENTENCE_MIN


def test_a_date_in_the_question_is_a_word_of_its_own(assistant):
    from assistant.topic import topic_of

    assert "线下办理" in topic_of("截至11月底线下办理了多少件?")
    answer = assistant.answer("伊犁州跨省通办那块,截至11月底线下办理了多少件?")
    assert answer.text.startswith("伊犁州:线下办理3589件")


def test_a_run_in_heading_asked_for_its_contents_brings_the_sentence_it_heads(assistant):
    answer = assistant.answer("绿园那个实施方案的主要原则是哪几条?")  # "(二)主要原则。坚持党的全面领导,…"
    assert "(二)主要原则。" in answer.text and "坚持问题导向" in answer.text


def test_what_a_document_rests_on_is_quoted_from_its_opening(assistant):
    answer = assistant.answer("阜康市的工作要点是依据什么文件制定的?")
    assert answer.intent == "doc_info" and "制定依据:“根据《法治中国建设规划" in answer.text
    basis = assistant.answer("乌县那个分解方案是根据市里哪个文件定的?文号多少?")
    assert "乌党发〔2023〕14号" in basis.text and "文件没有写明文号" not in basis.text  # the 文号 asked is the basis's


def test_a_rule_asked_which_document_it_follows_is_quoted_with_that_documents_title(assistant):
    answer = assistant.answer("阜康行政执法三项制度那条是按哪个文件的要求落实的?")
    assert "阜政办〔2019〕70号" in answer.text


def test_items_without_a_lead_in_a_numbered_section_are_counted_in_its_list(assistant):
    answer = assistant.answer("乌县方案第八部分一共几条?哪些没写牵头单位?")
    assert answer.text.startswith("乌鲁木齐县《") and "八、" in answer.text and "共10条" in answer.text
    assert answer.text.endswith("其中没有写牵头单位的1条:[2]。")  # of the ten, not of the whole document, not of the whole document


def test_a_time_limit_the_item_does_not_give_is_declined_with_the_item_quoted(assistant):
    answer = assistant.answer("乌县行政裁决事项目录管理要在几月底前完成?")
    assert answer.status == "not_found" and answer.text.startswith("文件没有写明具体时间")
    assert [c.item.section for c in answer.citations] == ["七、(十九) 48."]  # the related rule, quoted


def test_a_later_part_asked_of_the_item_an_earlier_part_found_is_answered_from_it(assistant):
    # the second part's own words ("裁决事项…怎么管") are few: the item the first part found answers it
    answer = assistant.answer("乌县方案里行政裁决在化解民事纠纷上被比作啥？裁决事项打算怎么管？")
    assert answer.status == "answered" and "分流阀" in answer.text and "实行目录管理" in answer.text


def test_a_section_named_by_heading_words_before_clauses_that_only_ask(assistant):
    answer = assistant.answer("乌鲁木齐县方案里讲行政决策制度的那一大块,一共几项,分别要求啥?")
    assert answer.status == "answered" and "健全行政决策制度体系" in answer.text and "共" in answer.text


def test_what_is_required_about_a_topic_quotes_every_sentence_of_the_item_about_it(assistant):
    answer = assistant.answer("阜康市对行政执法裁量权制度有什么要求?")
    assert answer.status == "answered" and "214号" in answer.text and "报市司法局备案" in answer.text


def test_a_schedule_asked_quotes_every_step_with_a_time(assistant):
    answer = assistant.answer("乌县法治政府建设年度报告制度,时间节点是怎么排的?")
    assert "每年3月1日前" in answer.text and "每年4月1日前" in answer.text


def test_a_section_named_by_the_items_it_holds(assistant):
    answer = assistant.answer("乌县方案里行政复议体制改革、行政机关负责人出庭应诉那几项所在的那一部分,一共几条?")
    assert "七、健全社会矛盾纠纷行政预防调处化解体系:共7条" in answer.text


def test_points_of_an_assessments_indicators(tmp_path):
    """A 考核评价指标 table read with its 分值 column: one indicator's points, a section's total."""
    a = assistant_over(tmp_path, kh_txt="泽宁县2025年度法治政府建设考核评价指标及评分细则\n"
                        "序号\t一级指标\t二级指标\t评分标准\t分值\t责任单位\n"
                        "1\t严格规范公正文明执法\t行政执法“三项制度”\t重大执法决定法制审核率达到100%。\t7\t县司法局（牵头）\n"
                        "2\t严格规范公正文明执法\t涉企行政检查\t同一企业年度现场检查原则上不超过2次。\t6\t县市场监管局（牵头）\n"
                        "3\t强化监督\t行政复议\t行政复议案件按期办结率达到100%。\t12\t县司法局（牵头）\n"
                        "4\t强化监督\t行政应诉\t行政机关负责人出庭应诉率达到100%。\t12\t县司法局（牵头）\n")
    answer = a.answer("泽宁考核里涉企行政检查这项多少分?")
    assert "分值6分" in answer.text
    answer = a.answer("泽宁细则“严格规范公正文明执法”下面有几个指标?总共多少分?")
    assert "分值合计13分" in answer.text
    answer = a.answer("泽宁县司法局牵头的指标,分值加起来多少?")  # 12, 12: perhaps one merged cell
    assert "分值合计未计算" in answer.text and "分值合计19分" not in answer.text and "31分" not in answer.text


def test_what_the_list_does_not_go_down_to_is_declined(tmp_path):
    """A unit's own office or person asked (the list names units only), and a headcount, are
    declined with the nearest rule; "哪个科室牵头" without naming the unit still asks who."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("泽宁白名单那项，县司法局具体哪个科室牵头、责任人是谁？")
    assert answer.status == "not_found" and "没有写明具体科室或责任人" in answer.text
    assert a.answer("泽宁白名单那项哪个科室牵头？").text.startswith("泽宁县:县司法局牵头")
    answer = a.answer("泽宁乡镇执法队规范化建设，每个队要配多少执法人员？")
    assert answer.status == "not_found" and "人数" in answer.text


def test_a_units_share_of_a_section_and_both_its_roles_asked(assistant):
    answer = assistant.answer("阜康要点第四部分,市司法局牵头的占比多少?")
    assert "四、规范行政行为,坚持严格规范公正文明执法共8项任务,市司法局牵头7项,占87.5%" in answer.text
    answer = assistant.answer("我是新密市应急局的,我们牵头的有哪些?只是配合的呢?")  # both, not only the helper's
    assert "共涉及3项" in answer.text and "牵头2项" in answer.text and len(answer.citations) == 3


def test_a_topic_asked_of_a_years_plans_is_that_part_of_the_plans(assistant):
    """Not the point of what was done that year with the same words (一、(九) 二是)."""
    answer = assistant.answer("伊犁州2022年打算怎么推进行政复议体制改革?")
    assert answer.path == "fields" and "二、(三)多措并举推进行政复议体制改革工作" in answer.text
    assert [c.item.section for c in answer.citations] == ["二、(三) 一是", "二、(三) 二是", "二、(三) 三是"]


def test_the_asker_named_first_then_spoken_of_as_us(tmp_path):
    """"荪汀县委编办这边，…有没有点到我们？": the unit of the opening clause is the one asked about,
    whatever joins it to "我们"; the items' units asked ("配合单位有哪些") are not."""
    from assistant.understand import understand

    names = {"县委编办", "县司法局"}
    query = understand("荪汀县委编办这边，清单里有没有点到我们？是不是要我们牵头", known_units=names)
    assert query.intent == "unit_tasks" and query.unit == "县委编办"
    from assistant.unit_reading import asks_as_the_unit
    assert not asks_as_the_unit("县司法局这边问下,我们牵头的那条白名单,配合单位有哪些", "县司法局", names, ())
    assert not asks_as_the_unit("县司法局这边问下,复议改革由谁配合我们", "县司法局", names, ())
    a = assistant_over(tmp_path, qd_txt=SECTIONED_LIST)
    answer = a.answer("荪汀县委编办这边，清单里有没有点到我们？是不是要我们牵头")
    assert answer.text.startswith("县委编办牵头的任务共1项") or answer.text.startswith("县委编办参与的任务共1项")


def test_a_two_part_question_quotes_the_item_each_part_is_in(assistant):
    """Two counts asked of a report, each in its own point: both points are quoted, not a refusal
    that the document does not give them apart."""
    answer = assistant.answer("伊犁州2021年州党委主要领导作出的法治批示有多少次?党委理论学习中心组学了几次法律法规?")
    assert answer.status == "answered" and "23次" in answer.text and "8次" in answer.text
    assert {c.item.section for c in answer.citations} >= {"一、(二) 二是", "一、(二) 四是"}


def test_a_joining_character_inside_the_documents_words_joins_nothing():
    from types import SimpleNamespace

    from assistant.operands import split_phrases

    query = SimpleNamespace(localities=())
    written = "审结81件,其中纠错12件;调解和解结案23件。"
    assert len(split_phrases("靠调解和解结的", query, written)) == 1
    assert len(split_phrases("行政调解和人民调解的成功率", query, written)) == 2


def test_an_item_asked_by_words_two_of_its_neighbours_headings_say_gets_both(tmp_path):
    """"管规范性文件的那条,谁牵头?" when two items under one heading are both about 规范性文件: both,
    each with its own units; a word only one heading has names that one."""
    plan = ("苇汀县2023年法治政府建设工作要点\n三、加强制度建设\n"
            "（一）加强行政规范性文件监督管理。合法性审核一般不少于5个工作日。（县司法局牵头，县政府办公室配合）\n"
            "（二）开展规范性文件清理。9月30日前公布清理结果。（县司法局负责）\n"
            "（三）健全依法决策机制。公布年度重大行政决策事项目录。（县政府办公室牵头）\n")
    a = assistant_over(tmp_path, weiting_txt=plan)
    both = a.answer("苇汀要点里管规范性文件的那条,挑头的是哪家")
    assert {c.item.section for c in both.citations} == {"三、(一)", "三、(二)"}
    assert "县政府办公室配合" in both.text and "县司法局负责" in both.text
    one = a.answer("苇汀要点里规范性文件清理那条,谁负责?")
    assert [c.item.section for c in one.citations] == ["三、(二)"]


def test_the_pages_publishing_date_against_the_documents_own(tmp_path):
    page = ("蓼川县人民政府\n首页  政务公开  政务服务\n蓼川县人民政府办公室关于印发蓼川县2024年法治政府建设要点的通知\n"
            "发布时间：2024-04-02 10:16    来源：县政府办公室    阅读次数：88\n蓼政办发〔2024〕9号\n\n"
            "各乡镇人民政府，县政府各部门：\n现将《蓼川县2024年法治政府建设要点》印发给你们，请认真贯彻落实。\n\n"
            "蓼川县人民政府办公室\n2024年3月29日\n\n蓼川县2024年法治政府建设要点\n一、依法履职\n"
            "1.动态调整权责清单，6月底前公布。（县委编办牵头）\n2.推进政务公开，3月31日前发布年度报告。（县政府办公室牵头）\n")
    from corpus.clean import clean

    assert "发布时间：2024-04-02 10:16" in clean(page) and "阅读次数" not in clean(page)
    a = assistant_over(tmp_path, liaochuan_txt=page)
    answer = a.answer("蓼川那份要点,落款日期跟网站上的发布时间差了几天?")
    assert answer.path == "computed" and answer.text.startswith("蓼川县:相隔4天")


def test_an_item_named_first_then_asked_in_few_words_of_its_own(assistant):
    """"新密…法律顾问、公职律师制度那条,…哪两个规定?…单位要保障啥?": the scene clause finds the item; the
    parts asked after it in words of their own are answered from it."""
    answer = assistant.answer("新密推进政府法律顾问和公职律师制度那条,要贯彻落实哪两个规定?公职律师所在单位要保障些啥?")
    assert answer.status == "answered" and "郑州市人民政府法律顾问工作规则" in answer.text
    assert "办公条件和经费支持" in answer.text


def test_every_item_that_names_the_asker_counted_in_the_askers_word(tmp_path):
    """"哪些任务写了我们,是不是只有一条挂牵头": every item naming the unit, in 条 as the asker counts."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("县发展改革局想问，泽宁分工表里哪些任务写了我们，是不是只有一条挂牵头")
    assert answer.text.startswith("县发展改革局共涉及3条"), answer.text


def test_a_bureau_said_without_its_ju_and_topics_listed(tmp_path):
    """Round-20 wording: "市场监管这边" and "财政、发展改革这几个局" name bureaus without 局; "监督员、查处
    损害营商环境这几条里,哪些是我们牵头" narrows the list to any of the topics listed, and says where
    on them the unit is named without leading."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    assert a.unit_names.find("市场监管这边：泽宁分工表里有我们的活吗", ("泽宁县",)).name == "县市场监管局"
    assert a.unit_names.find("泽宁财政、发展改革这几个局在哪条里", ("泽宁县",)).name in ("县财政局", "县发展改革局")
    answer = a.answer("县发展改革局这边，泽宁分工表里监督员、查处损害营商环境这几条里，哪些是我们牵头？")
    assert "有关的有1" in answer.text and "监督员" in answer.text
    assert "另外,同一方面县发展改革局不牵头" in answer.text and len(answer.citations) == 2
    assert not metrics.ungrounded_values(answer.to_dict())
