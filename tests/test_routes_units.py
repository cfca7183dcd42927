"""Unit answers from the items: who leads or is responsible, a unit's tasks, chains through a
unit (hash index, no LLM)."""
from __future__ import annotations

from eval import metrics
from tests.small_plans import assistant_over, TASK_LIST, SECTIONED_LIST


def test_items_without_a_lead_are_counted_from_the_fields(assistant):
    answer = assistant.answer("乌鲁木齐县76项任务里,一共几项没写牵头单位?")
    assert answer.text.startswith("5项")
    assert [c.item.item_no for c in answer.citations] == [3, 26, 27, 38, 54]


def test_a_chain_finds_the_unit_then_its_items_on_the_topic(assistant):
    answer = assistant.answer("乌鲁木齐县牵头两法衔接平台的那个单位,在矛盾纠纷化解方面还牵头了什么?")
    assert answer.text.startswith("县委政法委。")
    assert [c.item.item_no for c in answer.citations] == [31, 46, 47]


def test_a_chain_without_a_topic_lists_every_other_lead_item(assistant):
    answer = assistant.answer("新密牵头政务诚信建设的那个单位,还牵头了哪些工作?")
    assert answer.status == "answered" and answer.text.startswith("市发展改革委。")
    assert {"二、(四)", "二、(五)"} <= {c.item.section for c in answer.citations}


def test_a_chain_asks_the_units_role_in_another_item(assistant):
    answer = assistant.answer("新密市牵头法律顾问工作的那个单位,在规范性文件监督管理那条里是牵头还是配合?")
    assert answer.text.startswith("市司法局是牵头单位。")
    assert [c.item.section for c in answer.citations] == ["四、(八)", "三、(六)"]


def test_a_two_part_question_gets_the_unit_and_the_other_part(assistant):
    answer = assistant.answer("乌县方案里对司法行政部门列席政府常务会议是咋要求的?这条谁牵头?")
    assert answer.text.startswith("乌鲁木齐县:县司法局牵头")
    assert "对上会议题发表审查意见" in answer.text


def test_a_unit_answer_starts_with_the_units(assistant):
    answer = assistant.answer("乌鲁木齐县行政复议体制改革由哪个单位牵头?")
    assert answer.text.startswith("乌鲁木齐县:县司法局牵头,县委组织部、县政府办公室、县委编办负责。依据:七、(二十) 49.")


def test_a_chain_names_one_of_several_leads_and_may_drop_the_de(assistant):
    """"牵头A的那几家里,X还牵头了啥?" keeps to X; "牵头A那个单位" needs no 的."""
    answer = assistant.answer("新密牵头府院、府检联动的那几家里,市法院在别的条目里还牵头了啥?")
    assert answer.text.startswith("市法院。") and "行政应诉" in answer.text
    # every item cited names 市法院 (the other leads of A are not followed); those it does not lead
    # come after the list, said as such
    assert all("市法院" in c.item.all_units for c in answer.citations)
    led = [c for c in answer.citations if "市法院" in c.item.lead_units]
    assert len(led) >= 2 and ("另外" in answer.text) == (len(led) < len(answer.citations))


def test_where_else_a_lead_unit_appears_and_in_what_role(assistant):
    answer = assistant.answer("新密牵头府院、府检联动的单位,在别的条目里还出现没?当的啥角色?")
    assert answer.path == "fields" and "在其他" in answer.text and "牵头单位" in answer.text


def test_who_is_said_in_words_outside_any_task_item(assistant):
    # the closing text, not a task's unit field, says who does it: when it is the only relevant
    # hit, the unit question is answered from its sentence; a goal sentence naming nobody is not
    from assistant import route_fields
    from assistant.understand import understand
    from index.search import Hit

    def ask(question, item):
        query = understand(question, None, 2000, assistant.unit_names, tuple(assistant.searcher.localities))
        hits = [Hit(rank=1, score=1.0, item=item, chunk_id=f"{item.item_id}#0")]
        return [e for e in route_fields.units(assistant, query, hits, {}) if e["type"] == "final"][0]["answer"]

    closing = next(i for i in assistant.items if i.locality == "新密市" and i.kind == "closing" and "成员单位" in i.text)
    answer = ask("新密市哪些单位要依据职责做好本年度工作任务的牵头推动和落实?", closing)
    assert answer.status == "answered" and "领导小组各成员单位" in answer.text
    goals = next(i for i in assistant.items if i.locality == "绿园区" and i.section == "一、")
    assert ask("绿园区突发事件应急预案体系由谁牵头?", goals).status == "not_found"


def test_a_units_task_list_says_what_each_task_is_and_who_shares_it(assistant):
    answer = assistant.answer("乌鲁木齐县县纪委监委牵头哪些任务?")
    assert "(与县委巡察组共同牵头" in answer.text
    assert "(责任单位:县委组织部)" in answer.text  # whom the lead works with on each task
    # a short list shows up to 320 characters of each task, past its first sentence
    assert "无缝隙" in answer.text and "容错纠错" in answer.text
    assert all(len(line) < 420 for line in answer.text.splitlines())
    # a long list shows less of each, marked as cut
    many = assistant.answer("乌鲁木齐县县司法局牵头哪些任务?")
    assert "…" in many.text and max(len(line) for line in many.text.splitlines()) < 240


def test_items_are_counted_by_a_units_role_among_another_units_items(assistant):
    answer = assistant.answer("乌鲁木齐县应急管理局牵头的那些条目中,有几条把县公安局列为责任单位?")
    assert answer.text.startswith("2条") and len(answer.citations) == 2
    assert all("县应急管理局" in c.item.lead_units and "县公安局" in c.item.responsible_units for c in answer.citations)


def test_a_unit_named_with_its_locality_inside_is_that_unit(assistant):
    answer = assistant.answer("我们是市市场监管局绿园分局,绿园区方案里我们牵头几项?")
    assert answer.text.startswith("市市场监管局绿园分局牵头的任务共")


def test_an_item_without_a_lead_shows_its_note_as_printed(assistant):
    answer = assistant.answer("新密市严格落实重大行政决策程序那条谁牵头?")
    assert "该项没有牵头单位" in answer.text and "按职责分工负责" in answer.text


def test_a_report_naming_no_units_says_so_and_what_it_reports(assistant):
    # corpus notes: a lead question put to the report is answered "not stated" (status answered,
    # as eval/data/own.jsonl O085 has it), with the report's own words on the matter
    answer = assistant.answer("伊犁州行政调解工作由哪个单位牵头?")
    assert "没有写明牵头单位" in answer.text and "报告中的相关内容:“" in answer.text


def test_a_unit_is_shown_as_the_item_prints_it(assistant):
    answer = assistant.answer("乌鲁木齐县推进智慧县城建设那条,责任单位有哪些?")
    assert "县卫健委(即县卫生健康委)" in answer.text and "县建设局" in answer.text


def test_items_naming_a_unit_in_any_role_are_counted_with_those_it_leads(assistant):
    answer = assistant.answer("乌鲁木齐县方案里有几条把县人民法院列进了单位里?有它牵头的吗?")
    assert answer.text.startswith("6条") and "其中没有县人民法院牵头的" in answer.text


def test_a_unit_list_asked_about_its_other_part_too_lists_those_items_as_well(assistant):
    asked_both = assistant.answer("我们是县建设局,乌鲁木齐县那个任务分解方案里有要我们牵头的吗?当责任单位的又有几条?")
    # the other part counted in the document's own label for it (责任单位), not "责任单位或配合单位"
    assert asked_both.text.startswith("县建设局共涉及4条(乌鲁木齐县),即以下4项,其中牵头1条、责任单位3条。牵头的1项:")
    assert "县建设局不牵头、是责任单位的共3项" in asked_both.text  # each list in the other word
    assert "智慧县城" in asked_both.text  # the participated item's own words, not only its number
    assert "(责任单位,县政务服务管理局牵头,同列县委网信办、" in asked_both.text  # under whom and alongside whom
    lead_only = assistant.answer("乌鲁木齐县县建设局牵头哪些任务?")
    assert "另外,县建设局不牵头、是责任单位的有3项" in lead_only.text
    assert "\n[2]" not in lead_only.text  # named in one line after what it leads, not listed


def test_a_units_part_asked_is_said_first(assistant):
    answer = assistant.answer("乌县行政复议体制改革那条,县委编办算牵头吗?")
    assert answer.text.startswith("县委编办是责任单位,不是牵头单位(牵头的是县司法局)。")
    led = assistant.answer("乌县行政复议体制改革那条,县司法局是牵头还是配合?")
    assert led.text.startswith("县司法局是牵头单位。")


def test_a_unit_asked_what_it_leads_that_leads_nothing_is_told_where_it_takes_part(assistant):
    answer = assistant.answer("县公安局在乌县方案里有没有牵头的任务?配合的有几项?")
    assert answer.status == "answered" and answer.text.startswith("县公安局在文件中没有牵头的任务;是责任单位或配合单位的共7项")


def test_who_leads_asked_after_a_figure_answers_both(assistant):
    answer = assistant.answer("阜康市各行政执法岗位上至少保证几名执法人员在岗?谁牵头?")
    assert "市司法局牵头" in answer.text and "3名" in answer.text


def test_the_units_one_item_names_are_counted_by_role_without_collectives(assistant):
    answer = assistant.answer("阜康市规范行政执法主体那条,责任单位有几个?")
    assert answer.path == "computed" and answer.text.startswith("阜康市:责任单位共点名2个单位:天池管委会、街道办事处")
    assert "另有各行政执法部门、各乡镇人民政府" in answer.text  # collectives are not units named


def test_a_chain_asking_whether_a_unit_is_in_another_item_says_its_part_there(assistant):
    answer = assistant.answer("新密牵头行政复议主渠道那条的单位,在行政调解那条里算啥?")
    assert answer.text.startswith("市司法局是牵头单位。\n这项任务没有列市委编办(不是牵头、责任或配合单位)")


def test_a_chain_never_answers_about_an_item_that_only_resembles_the_one_named(assistant):
    # no 公共法律服务 item in 乌鲁木齐县: •[2] (公共服务…法律) resembles it by its bigrams only
    answer = assistant.answer("乌县牵头行政复议体制改革那条的单位,在公共法律服务那条里有它吗?")
    assert answer.status == "not_found" and "没有列" not in answer.text


def test_a_comparison_whose_asking_part_names_nothing_answers_for_both_places_with_their_leads(assistant):
    # "各提了啥要求" holds no word of its own ("各提" is two halves glued): the question's topic is searched
    answer = assistant.answer("行政裁量权那块,新密和阜康各提了啥要求?")
    assert [c.item.locality for c in answer.citations] == ["新密市", "阜康市"]
    assert answer.text.count("(市司法局牵头)") == 2  # who leads each task quoted


def test_every_count_a_unit_list_states_is_computed_from_the_items_it_cites(assistant):
    from assistant.verify import unsupported_values
    answer = assistant.answer("新密市司法局的名字出现在哪些任务里?分别是牵头还是责任单位?")
    assert "其中牵头" in answer.text
    cited = [c.item for c in answer.citations]
    assert unsupported_values(answer.text, cited, answer.computed) == []


def test_a_long_list_of_units_is_counted_without_its_collectives(assistant):
    answer = assistant.answer("新密加大重点领域执法力度那条,按职责分工负责的有哪些单位?")
    assert answer.intent == "responsible" and "点名的单位共10家(另有" in answer.text
    # the count is declared as computed from the units it names, so the grounding check accepts it
    assert [c.result for c in answer.computed] == ["10"] and "市教育局" in answer.computed[0].operands


def test_what_each_place_does_and_who_leads_it_are_both_answered(assistant):
    answer = assistant.answer("信用信息平台这块,乌县和新密各要干啥、谁牵头?")
    assert "县政务服务管理局牵头" in answer.text and answer.text.count("原文:“") >= 2
    assert "信用信息共享平台" in answer.text and "国家企业信用信息公示系统" in answer.text


def test_a_chain_pins_a_quoted_first_item_and_finds_the_second_past_its_first_sentence(assistant):
    # “139” is deep in its item's text; 加强基层司法所建设 is the second sentence of its item
    answer = assistant.answer("乌鲁木齐县牵头“139”工作模式的那个单位,在加强基层司法所建设那条里算什么角色?")
    assert answer.text.startswith("县委编办是责任单位,不是牵头单位(牵头的是县委依法治县办)")
    also = assistant.answer("新密牵头服务型行政执法那条的单位,在“互联网+监管执法”那条里是不是也牵头?")
    assert "市司法局是责任单位,不是牵头单位" in also.text and "按职责分工负责" in also.text


def test_a_chain_through_a_co_lead_asks_the_other_lead(assistant):
    # "跟X一块儿牵头A的那个单位" is A's lead other than X
    answer = assistant.answer("乌鲁木齐县和县纪委监委一起牵头推动党内监督与各类监督有机贯通的那个单位,在决策程序纳入巡察考核那条里是什么身份?")
    assert answer.text.startswith("县委巡察组是责任单位,不是牵头单位(牵头的是县委依法治县办)")


def test_a_units_whole_list_asked_before_its_led_part_lists_every_part(assistant):
    answer = assistant.answer("新密市检察院在2023年度工作安排里被点名的条目有哪些?其中哪几条是检察院牵头?")
    assert answer.text.startswith("市检察院共涉及4条(新密市),即以下4项,其中牵头2条")
    tasks = assistant.answer("乌鲁木齐县县建设局在方案里分到了哪些要它挑头的活？")
    assert tasks.text.startswith("县建设局牵头的任务共1项(乌鲁木齐县)")


def test_an_item_naming_no_unit_is_declined_with_the_item_quoted(assistant):
    """新密 (一) has no unit note and the document states no rule for such items: who leads it is
    not in the documents. The reply says so (not_found) and quotes the item, citing it."""
    answer = assistant.answer("新密工作安排第一部分开头“坚持以习近平法治思想为推进法治政府建设的根本遵循”那段,谁牵头?")
    assert answer.status == "not_found" and "没有列出任何单位" in answer.text
    assert [c.item.locality for c in answer.citations] == ["新密市"]


def test_a_chain_whose_second_part_points_back_in_other_words(assistant):
    answer = assistant.answer("新密政务诚信建设那项是哪家牵头的，这家单位还牵头了啥?")
    assert answer.status == "answered" and answer.text.startswith("市发展改革委。")
    assert len(answer.citations) >= 2


def test_supporting_units_a_value_with_its_time_limit_and_a_division_cited(tmp_path):
    """Supporting units asked of an item naming none are declined with who is named; a value and
    a time limit asked together are both answered; a unit's line of a division listed by unit is
    cited with the items it assigns."""
    a = assistant_over(tmp_path, qd_txt="泽宁县2025年法治政府建设重点任务清单\n"
                     "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
                     "1\t优化营商环境\t建立涉企政策“免申即享”清单，兑现时限压缩至20个工作日以内。\t县发展改革局\t县财政局\t2025年9月30日\n"
                     "2\t提升行政复议质效\t推进行政复议“繁简分流”，简易案件30日内审结。\t县司法局\t\t长期坚持\n"
                     "3\t加强行政应诉\t行政机关负责人出庭应诉率达到100%。\t县司法局\t县直各部门\t12月底前\n",
                        fa_txt="沅水县2025年推进依法行政工作方案\n一、依法行政\n"
                    "1.动态调整权责清单，年内完成乡镇履职事项清单编制。\n"
                    "2.深化“高效办成一件事”改革，推出特色“一件事”不少于5项。\n"
                    "二、责任分工\n（一）县委编办：牵头第1项；配合第2项。\n（二）县政务服务中心：牵头第2项。\n")
    answer = a.answer("泽宁行政复议繁简分流那项，哪些单位配合？")
    assert answer.text.startswith("泽宁县:文件没有写这一项的配合单位;县司法局牵头")
    answer = a.answer("泽宁涉企政策兑现时限要压到多少？这项啥时候要完成？")
    assert "20个工作日" in answer.text and "2025年9月30日" in answer.text
    assert answer.text.index("20个工作日") < answer.text.index("完成时限")  # the value first
    answer = a.answer("沅水一件事改革谁挂帅？")
    assert answer.text.startswith("沅水县:县政务服务中心牵头,县委编办配合")
    assert any("县政务服务中心：牵头第2项" in c.item.text for c in answer.citations)  # where it is written


def test_a_progress_ledger_by_state_and_its_responsible_person(tmp_path):
    """A ledger's 完成状态 answers how it stands overall and which tasks are behind; its 责任人 is a
    person, said when asked, never a unit."""
    a = assistant_over(tmp_path, tz_txt="泽宁县法治政府建设重点任务推进情况台账（截至2025年6月30日）\n"
                      "序号\t重点任务\t牵头单位\t责任人\t完成时限\t进展情况\t完成状态\n"
                      "1\t动态调整权责清单\t县委编办\t王明（副主任）\t6月底\t已公布事项3120项。\t已完成\n"
                      "2\t推进“一网通办”\t县政务服务中心\t李华（主任）\t12月底\t网上可办率达到91%。\t序时推进\n"
                      "3\t规范涉企行政检查\t县市场监管局\t赵强（局长）\t9月底\t尚未出台检查计划。\t滞后\n"
                      "4\t建设矛盾纠纷调处化解中心\t县委政法委\t韩宇（副书记）\t6月底\t13个乡镇建成9个。\t滞后\n")
    answer = a.answer("泽宁上半年任务总体推进得怎么样?")
    assert "共4项任务:已完成1项、序时推进1项、滞后2项" in answer.text and len(answer.citations) == 4
    assert {c.item.status for c in answer.citations[:2]} == {"滞后"}  # those behind first, as numbered
    answer = a.answer("泽宁台账里哪些任务滞后了?")
    assert answer.text.startswith("2项") and {c.item.status for c in answer.citations} == {"滞后"}
    answer = a.answer("泽宁矛盾纠纷调处化解中心那项谁牵头?台账上的责任人是谁?")
    assert answer.text.startswith("泽宁县:县委政法委牵头") and "韩宇（副书记）(个人,不是单位)" in answer.text
    answer = a.answer("泽宁权责清单调整公布了多少事项?")
    assert "3120项" in answer.text


def test_who_does_what_asked_in_the_ways_people_in_a_bureau_ask(tmp_path):
    """Round-14 conventions: the tasks a unit takes part in without leading; a unit introduced by
    "X问一下"; 摊上了啥; a collective quoted word for word; an empty lead column counted."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("泽宁县司法局只是当配合单位的任务有哪些？")
    assert answer.text.startswith("县司法局不牵头、是配合单位的任务共3项(泽宁县)")  # the part its items give it
    answer = a.answer("县财政局问一下：泽宁那份分工表有没有我们的活？是牵头还是配合？")
    assert answer.text.startswith("县财政局参与的任务共1项")
    answer = a.answer("泽宁分工表里县纪委监委摊上了啥？")
    assert answer.text.startswith("县纪委监委牵头的任务共1项") or answer.text.startswith("县纪委监委参与的任务共1项")
    answer = a.answer("泽宁分工表里写到“各乡镇”的有哪几条？")
    assert answer.text.startswith("各乡镇参与的任务共2条")
    answer = a.answer("泽宁分工表里牵头单位栏是“—”的有几项？")
    assert answer.text.startswith("1项") and "深化乡镇综合行政执法改革" in answer.text
    answer = a.answer("泽宁县发展改革局和县司法局都被点名的是哪几条？各是谁牵头？")
    assert answer.text.startswith("县发展改革局和县司法局都被列出的任务共2条(泽宁县)")
    # who leads each, then the part of each of the two that does not lead it
    assert "(县发展改革局牵头;县司法局配合)" in answer.text and "(县纪委监委牵头;县发展改革局配合;县司法局配合)" in answer.text
    answer = a.answer("泽宁县财政局在别的条目里还有没有活？")
    assert answer.text.startswith("县财政局参与的任务共1项")


def test_a_chain_through_the_one_item_a_unit_has(tmp_path):
    """"X出现在哪条?那条的牵头单位一共牵了几条头?" and "X主办的那条,协办单位各自还主办了哪些?": the
    item is the one the unit has; the second step reads that item's units."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("泽宁分工表里县财政局出现在哪条？那条的牵头单位一共牵了几条头？")
    assert answer.text.startswith("县发展改革局。") and "一共牵头2条" in answer.text
    answer = a.answer("泽宁县纪委监委牵头的那条，两家配合单位各自还牵头了哪些条？")
    assert answer.text.startswith("县发展改革局、县司法局。")
    assert "县发展改革局还牵头2条" in answer.text and "县司法局还牵头2条" in answer.text


def test_a_units_lead_count_compared_across_two_places_in_each_places_names(tmp_path):
    a = assistant_over(tmp_path, pa_txt="泽宁县2025年法治政府建设工作要点\n一、依法行政\n"
                        "1.规范行政执法。（县司法局牵头）\n2.推进政务公开。（县政府办公室牵头）\n"
                        "3.加强行政复议。（县司法局、县信访局牵头）\n4.推进“放管服”改革。（县发展改革局牵头）\n",
                        pb_txt="沅水区2025年法治政府建设重点任务\n一、执法监督\n"
                        "1.开展案卷评查。（区司法局牵头）\n2.规范涉企检查。（区市场监管局牵头）\n3.化解信访矛盾。（区信访局牵头）\n")
    answer = a.answer("泽宁县司法局牵头的条数是沅水区司法局的几倍？")
    assert answer.path == "computed" and answer.text.startswith("泽宁县县司法局牵头的是沅水区区司法局的2倍")
    assert "泽宁县:县司法局牵头2条(含共同牵头)" in answer.text and metrics.ungrounded_values(answer.to_dict()) == []
    answer = a.answer("司法局挂牵头的条数，泽宁和沅水谁的占比高？")
    assert answer.text.startswith("泽宁县县司法局的占比高") and "全文共3条,占33.3%" in answer.text
    assert len(answer.citations) == 7 and metrics.ungrounded_values(answer.to_dict()) == []


def test_a_guessed_lead_is_checked_not_searched_for(assistant):
    """"…那条,是县发改委牵头吧?": the unit guessed must not pull the search to its own items."""
    answer = assistant.answer("乌鲁木齐县行政复议体制改革那条,是县发改委牵头吧?")
    assert answer.text.startswith("不是。") and "县司法局牵头" in answer.text
    assert metrics.ungrounded_values(answer.to_dict(), {"县发改委"}) == []  # the wrong guess is not repeated
    assert [c.item.section for c in answer.citations] == ["七、(二十) 49."]
    answer = assistant.answer("乌鲁木齐县行政复议体制改革是县司法局牵头的吗?")
    assert answer.text.startswith("是的,县司法局牵头。")


def test_a_units_first_due_task_counts_only_what_it_cites(assistant):
    answer = assistant.answer("乌鲁木齐县县司法局牵头的活,哪一项完成时限最早?")
    assert "写了具体完成时限的有2项" in answer.text and len(answer.citations) == 2
    assert metrics.ungrounded_values(answer.to_dict()) == []


def test_a_rank_of_the_leads_is_declined_not_answered_with_a_lead(assistant):
    answer = assistant.answer("新密市那些任务里,哪家牵头单位完成得最好?有排名没")
    assert answer.status == "not_found" and "排名" in answer.text
    # the order a note lists its units in is no rank: the first listed leads
    answer = assistant.answer("乌鲁木齐县行政复议体制改革那条,括号里排在第一位的是哪个单位?")
    assert answer.status == "answered" and "县司法局" in answer.text


def test_two_units_of_one_place_compared_or_found_together(tmp_path):
    """"A和B,谁牵头的多?", "A比B多几条?": each one's leads counted (alone and with others) and the
    difference computed; "A跟B有没有共同的活?各是什么角色?": the items naming both, with who leads
    each and the part of the other."""
    a = assistant_over(tmp_path, qd_txt=SECTIONED_LIST)
    answer = a.answer("荪汀县司法局和县市场监管局，谁牵头的任务多？")
    assert answer.path == "computed" and answer.text.startswith("县司法局牵头的多,多1项。计算:3项 − 2项 = 1项")
    assert "(单独牵头2项、与其他单位共同牵头1项)" in answer.text
    answer = a.answer("荪汀县委编办跟县司法局有没有共同的活？两家各是什么角色？")
    assert answer.text.startswith("有,县委编办和县司法局都被列出的任务共1项(荪汀县)")
    assert "(县委编办、县司法局牵头)" in answer.text
    answer = a.answer("荪汀县司法局和县市场监管局有没有一起牵头的活？两家还同时出现在哪些条")
    assert answer.text.startswith("没有。县司法局和县市场监督管理局一起牵头的有0条(荪汀县);另有3条两家都被列出")
    answer = a.answer("荪汀县委编办和县市场监管局有没有共同的任务？")  # none: each one's items show it
    assert answer.text.startswith("没有。") and "县委编办出现在1项,县市场监督管理局出现在3项" in answer.text
    assert len(answer.citations) == 4 and metrics.ungrounded_values(answer.to_dict()) == []


def test_a_units_list_narrowed_by_a_part_a_date_or_an_appearance(tmp_path):
    """A part named ("“行政执法”那一类"), a time limit ("时限卡在2025年12月的"), and how often a unit
    appears ("露了几次面") narrow or widen a unit's list the way the asker means; the other part is
    counted in the document's own label (配合), not "责任单位或配合单位"."""
    a = assistant_over(tmp_path, qd_txt=SECTIONED_LIST)
    answer = a.answer("荪汀县司法局，任务清单“行政执法”那一类里我们牵头几条")
    assert "有2条" in answer.text and {c.item.item_no for c in answer.citations} == {3, 4}
    answer = a.answer("荪汀那份清单，县司法局领衔、时限卡在2025年12月的任务一共几项")
    assert answer.text.startswith("2项") and {c.item.item_no for c in answer.citations} == {1, 3}
    # a unit named but not tied to a part (the asker's own) does not narrow the count
    answer = a.answer("我们是荪汀县司法局，清单里完成时限落在2025年12月的一共有几项")
    assert answer.text.startswith("3项") and {c.item.item_no for c in answer.citations} == {1, 3, 5}
    answer = a.answer("荪汀县市场监管局在清单里露了几次面？牵头的是哪几条")
    assert answer.text.startswith("县市场监督管理局共涉及3条(荪汀县),即以下3项,其中牵头2条、配合1条")


def test_who_leads_by_name_or_whether_it_is_done_is_declined(tmp_path):
    """A leader's name or the leader in charge of a task that names units only, and whether a
    planned task is done by now, are not in a plan: declined with the task quoted."""
    a = assistant_over(tmp_path, qd_txt=SECTIONED_LIST)
    answer = a.answer("荪汀案卷评查那项是哪位县领导分管的")
    assert answer.status == "not_found" and "分管或牵头的领导" in answer.text
    answer = a.answer("荪汀案卷评查全年要评60卷，现在都评完了没有？")
    assert answer.status == "not_found" and "实际完成情况" in answer.text


def test_where_else_a_chains_unit_appears_is_counted_over_what_is_cited(assistant):
    """"…那个单位,在别的条目里还挂名不?": every other item naming it is cited, so the count said
    ("在其他18项里出现") is of the citations, though only the first few are listed."""
    answer = assistant.answer("新密牵头法律顾问工作的那个单位，在别的条目里还挂名不？")
    assert answer.text.startswith("市司法局。") and "市司法局在其他18项里出现,前8项是:" in answer.text
    assert len(answer.citations) == 19 and metrics.ungrounded_values(answer.to_dict()) == []


def test_the_leader_in_charge_of_a_task_is_its_leader_column(tmp_path):
    """"…那项是哪位县领导分管的?": the 牵头领导 column, said first (a post, not a unit); a task whose
    row names no leader is declined."""
    a = assistant_over(tmp_path, qd_txt="荪汀县2025年法治政府建设重点任务清单\n"
                        "序号\t重点任务\t牵头领导\t牵头单位\t责任单位\n"
                        "1\t开展行政执法质量提升行动，全年评查案卷不少于60卷。\t县政府分管副县长\t县司法局\t县直各行政执法部门\n"
                        "2\t开展规范性文件专项清理，9月底前公布结果。\t\t县司法局\t县政府办公室\n")
    answer = a.answer("荪汀执法质量提升行动那项，是哪位县领导分管的？")
    assert answer.status == "answered" and answer.text.startswith("牵头领导:县政府分管副县长(领导职务,不是单位)")
    answer = a.answer("荪汀规范性文件专项清理那项，是哪位县领导分管的？")
    assert answer.status == "not_found"


def test_the_tasks_a_unit_does_not_lead_are_counted_as_asked(assistant):
    """"有几条不是司法局牵头的?" counts the others, each with its lead, not the unit's own."""
    answer = assistant.answer("阜康市要点里面,不是司法局牵头的任务有几条?各是谁牵头")
    assert answer.text.startswith("3条") and "市市场监督管理局" in answer.text and "市人民政府办公室" in answer.text
    # the three counted, and one the unit does lead: the name the answer says is in a citation
    assert len(answer.citations) == 4 and "市司法局" in answer.citations[3].item.lead_units


def test_where_the_asker_read_the_units_is_not_what_the_task_is_about():
    from assistant.topic import topic_of

    topic = topic_of("鹤汀要点讲加强审计监督的那一条,括号中写了三个单位,按照通知的规定,其中哪一家是牵头单位?", ("鹤汀市",))
    assert "审计监督" in topic and "括号" not in topic and "通知" not in topic and "规定" not in topic
    assert "里" not in topic_of("牵头单位报送半年进展,报送到哪里?", ()).split()


def test_a_chain_from_an_item_named_first_to_one_of_its_units(tmp_path):
    """Round-19 conventions: "A那条…,其中X那家还牵头了哪些?" names the item first and one of its units
    after it; "A那项的配合单位,哪几家在别的任务里是牵头单位?" asks which of the item's other units
    lead elsewhere. Where else the unit is named without leading is said after its list."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("泽宁营商环境监督员那条，其中县司法局那家，在分工表里还牵头了哪些？")
    assert answer.text.startswith("县司法局。") and "由县发展改革局牵头" in answer.text
    assert "它还牵头2项" in answer.text and "另外,县司法局不牵头、是配合单位的有2项" in answer.text
    answer = a.answer("泽宁查处损害营商环境问题那项里列的配合单位，哪几家在别的任务里是牵头单位")
    assert answer.text.startswith("县发展改革局、县司法局在其他任务里牵头。")


def test_items_counted_by_how_many_units_lead_them(tmp_path):
    """"牵头单位写了不止一家的有几条?" counts the items with two or more leads; "…最多的那条几家" adds
    the item with the most, its units counted from the cited field."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST.replace("县纪委监委\t", "县纪委监委、县委组织部、县审计局\t")
                        .replace("年内覆盖企业不少于300家。\t县司法局", "年内覆盖企业不少于300家。\t县司法局、县市场监管局"))
    answer = a.answer("泽宁那份分工表，牵头单位写了不止一家的有几条？挂得最多的那条几家")
    assert answer.text.startswith("2项") or answer.text.startswith("2条")
    assert "最多的是5." in answer.text and "共3家" in answer.text
    assert not metrics.ungrounded_values(answer.to_dict())


def test_a_named_units_part_in_the_item_named_after_it(tmp_path):
    """"…,其中X到了B那条还挂牵头吗?": X's part in B, whatever item the question opened with; "A那条的
    主办单位,在B那条里是什么角色?" follows A's lead into B."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("泽宁县营商环境监督员那条是两家办的，其中县司法局到了查处损害营商环境问题那条还挂牵头吗？")
    assert answer.text.startswith("县司法局是配合单位,不是牵头单位(牵头的是县纪委监委)"), answer.text
    answer = a.answer("泽宁县拖欠民营企业账款那条的牵头单位，在营商环境监督员那条里是什么角色？")
    assert answer.text.startswith("县发展改革局是牵头单位"), answer.text


def test_an_item_with_no_lead_says_whom_the_unit_shares_it_with(tmp_path):
    """In a unit's list, an item with no lead names the units listed with it: whom it works with."""
    a = assistant_over(tmp_path, fg_txt=TASK_LIST)
    answer = a.answer("泽宁分工表里点了“各乡镇”的有哪几条？")
    assert "没有牵头单位,同列县司法局" in answer.text, answer.text


def test_a_part_named_by_its_title_with_a_list_asked_is_quoted_whole(tmp_path):
    """"…的工作目标,要达到哪些指标": a part with no heading of its own (二、工作目标) is named by its title."""
    a = assistant_over(tmp_path, gm_txt="泽宁县2025年法治政府建设推进方案\n一、总体要求\n坚持依法行政。\n二、工作目标\n"
                        "到2025年底，政务服务事项网上可办率达到98%，规范性文件合法性审核率保持100%，"
                        "行政执法“三项制度”全面落实，力争创成省级法治政府建设示范项目1个。\n"
                        "三、重点任务\n1.深化放管服改革，免证办事项达200项。（县政务服务中心牵头）\n")
    answer = a.answer("泽宁县那个推进方案的工作目标，到年底要达到哪些指标")
    assert "98%" in answer.text and "示范项目1个" in answer.text, answer.text


def test_a_units_part_in_a_led_task_says_alongside_whom_in_the_notes_own_role_words(tmp_path):
    a = assistant_over(tmp_path, lx_txt=(
        "岚溪县2025年法治政府建设工作要点\n"
        "1.落实行政机关负责人出庭应诉制度，出庭应诉率保持100%。（县司法局牵头，县法院、县直各有关部门、各乡镇人民政府配合）\n"
        "2.加大重点领域执法力度，全年开展联合执法不少于8次。（县市场监管局、县应急管理局、县法院按职责分工负责）\n"
        "3.推进政务公开，依申请公开按期答复率100%。（县政府办公室牵头）\n"))
    answer = a.answer("岚溪县法院问一下，要点里哪几条有我们？是啥角色")
    # under whom, and whom else the task lists: "是主办还是协办?" asks alongside whom as well
    assert "(配合,县司法局牵头,同列县直各有关部门、各乡镇人民政府)" in answer.text
    # a note that says 按职责分工负责 is said so, not renamed 责任单位
    assert "(按职责分工负责,没有牵头单位,同列县市场监管局、县应急管理局)" in answer.text


def test_a_task_named_by_its_figure_is_quoted_where_it_says_it_and_a_guessed_keeper_is_a_unit_question(tmp_path):
    a = assistant_over(tmp_path, lx_txt=(
        "岚溪县2025年法治政府建设工作要点\n"
        "1.落实领导干部学法用法制度。县政府常务会议会前学法全年不少于6次，新提任领导干部任职前法律知识考试合格率达到100%。"
        "（县委组织部、县司法局牵头，县直各部门负责）\n"
        "2.加强行政执法人员培训，每人每年不少于60学时。（县司法局牵头，县直各行政执法部门负责）\n"))
    answer = a.answer("岚溪任职前法律知识考试合格率要到100%那项，是县委组织部一家管吧？")
    assert answer.path == "fields" and answer.text.split("。")[0].endswith("县委组织部、县司法局牵头,县直各部门负责")
    assert "原文:“县政府常务会议会前学法全年不少于6次，新提任领导干部任职前法律知识考试合格率达到100%。”" in answer.text
    assert "领导职务" not in answer.text  # 领导干部 is what the task is about, not a leader asked for
    # a figure the heading already shows is not quoted again
    assert "原文" not in a.answer("岚溪每人每年不少于60学时那项谁牵头？").text


def test_whether_all_are_led_alone_is_checked_against_every_item_led_in_the_notes_own_labels(tmp_path):
    a = assistant_over(tmp_path, fk_txt=(
        "泽川市2025年法治政府建设工作要点\n"
        "（一）深化“放管服”改革，持续开展证明事项清理。牵头单位：市人民政府办公室、市司法局、市市场监督管理局；"
        "责任单位：政府各组成部门\n"
        "（二）大力推广“双随机、一公开”，规范监管行为。牵头单位：市市场监督管理局；责任部门：各行政执法部门，各乡镇人民政府\n"
        "（三）加强行政复议规范化建设。牵头单位：市司法局；责任单位：政府各组成部门\n"))
    answer = a.answer("泽川市场监管局问一下：工作要点里我们牵头的有几条？是不是都是单独牵头")
    assert answer.text.startswith("市市场监督管理局牵头的任务共2条")
    assert "其中单独牵头1条、与其他单位共同牵头1条" in answer.text
    assert "(责任部门:各行政执法部门、各乡镇人民政府)" in answer.text  # the note's own label
    # asked for those it leads alone, it is a filter
    assert a.answer("泽川市场监管局单独牵头的有几条？").text.startswith("市市场监督管理局单独牵头的任务共1条")


def test_a_unit_answer_gives_the_tasks_time_limit_from_its_column_unasked(tmp_path):
    a = assistant_over(tmp_path, fg_txt=(
        "泽宁县2025年法治政府建设重点任务分工表\n"
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t动态调整县级部门权责清单，调整情况于6月底前在县政府门户网站公布。\t县委编办\t县直各部门\t2025年6月底前\n"
        "2\t推行涉企行政检查“白名单”制度，年内覆盖企业不少于300家。\t县司法局\t县市场监管局\t2025年12月底前\n"))
    answer = a.answer("泽宁权责清单调整那项是县司法局牵头吧？")
    assert answer.text.startswith("不是。") and "县委编办牵头" in answer.text
    assert "完成时限:2025年6月底前[1]" in answer.text  # what the unit named has to act on, asked or not
