"""Computations from the items: shares, sums, differences, averages and date gaps, each operand
found in a cited sentence (hash index, no LLM)."""
from __future__ import annotations

from assistant import compute
from eval import metrics
from tests.small_plans import assistant_over


def test_a_share_is_computed_from_cited_numbers(assistant):
    answer = assistant.answer("伊犁州政府2021年受理的复议案件里,撤销加确认违法的占多大比例?")
    assert answer.path == "computed" and answer.text.split("。")[0].endswith("36.4%")
    assert "3件 + 1件 = 4件" in answer.text and "4 ÷ 11件 ≈ 36.4%" in answer.text
    cited = "".join(c.item.text for c in answer.citations)
    assert compute.grounded(list(answer.computed), cited)


def test_an_average_and_a_date_gap(assistant):
    answer = assistant.answer("伊犁州2021年州直平均每家被监督单位被检查了几次?")
    assert "13396次 ÷ 8510家 ≈ 1.57" in answer.text
    gap = assistant.answer("乌县原来那个县党发〔2022〕13号实施方案,从印发到被新方案替代,隔了多长时间?")
    assert gap.text.split("。")[0].endswith("相隔410天") and len(gap.citations) == 2
    after = assistant.answer("伊犁那份年度报告落款以后,再过几天州政府就集中行政复议职责了?")
    assert "2021年12月24日至2022年1月1日,相隔8天" in after.text


def test_a_difference_takes_its_operands_from_two_points_of_one_report(assistant):
    # a report states each result under its own point: 人民调解 in one, 行政调解 in another
    answer = assistant.answer("伊犁州人民调解、行政调解的成功率相差几个点?")
    assert answer.path == "computed" and "98.7% − 95.8% = 2.9个百分点" in answer.text
    assert len({c.item.item_id for c in answer.citations}) == 2
    assert compute.grounded(list(answer.computed), "".join(c.item.text for c in answer.citations))


def test_what_is_left_is_the_whole_less_the_part_done(assistant):
    answer = assistant.answer("伊犁州人民政府2021年收到的行政复议申请中,没受理的有多少件?")
    assert answer.path == "computed" and "16件 − 11件 = 5件" in answer.text
    # the whole not named in the question: the sentence counting it and the part done, in the unit asked or none
    unnamed = assistant.answer("伊犁摸排的信访突出问题,还剩多少没化解?")
    assert unnamed.path == "computed" and "1183件 − 1005件 = 178件" in unnamed.text
    # a time said between the whole and what is not done ("…里,到年底时还没受理的")
    later = assistant.answer("伊犁州人民政府2021年收到的行政复议申请中,到年底时还没受理的有几件?")
    assert later.path == "computed" and "16件 − 11件 = 5件" in later.text


def test_a_share_said_as_what_one_figure_is_of_another(assistant):
    answer = assistant.answer("伊犁州政府2021年受理的复议案件,相当于收到的复议申请的百分之几?")
    assert answer.path == "computed" and "11件 ÷ 16件 ≈ 68.8%" in answer.text
    # "A,占B的百分之几?": A is the part in this wording too
    said = assistant.answer("伊犁州政府2021年受理的复议案件,占收到的复议申请的百分之多少?")
    assert said.path == "computed" and "11件 ÷ 16件 ≈ 68.8%" in said.text


def test_a_rate_asked_by_its_name_is_looked_up_not_computed(assistant):
    answer = assistant.answer("阜康行政机关负责人出庭应诉率要达到百分之多少？")
    assert answer.path != "computed"


def test_which_of_two_documents_came_first_and_by_how_many_days(assistant):
    answer = assistant.answer("乌鲁木齐县的分解方案和新密市的工作安排,哪个先出的?差几天?")
    assert answer.path == "computed" and answer.text.startswith("新密市的《新密市2023年度法治政府建设工作安排》在先")
    assert "相隔1天" in answer.text and {c.item.locality for c in answer.citations} == {"新密市", "乌鲁木齐县"}


def test_a_sum_names_what_is_summed_after_the_sum_word_and_each_operand_is_told_apart(assistant):
    answer = assistant.answer("伊犁州人民调解和行政调解加起来,一共调解成功了多少件?")
    assert answer.path == "computed" and "5142件 + 1472件 = 6614件" in answer.text
    more = assistant.answer("伊犁州截至11月底,跨省通办比区内通办多办了多少件?")
    assert "6927件 − 4117件 = 2810件" in more.text


def test_a_gap_between_two_days_of_a_yearly_rule_is_computed_and_both_are_quoted(assistant):
    answer = assistant.answer("乌县法治政府建设年度报告,向党委人大报告的截止日和向社会公开的截止日,中间隔了几天?")
    assert answer.path == "computed" and "相隔31天" in answer.text
    assert "3月1日" in answer.citations[0].quote and "4月1日" in answer.citations[0].quote


def test_a_difference_whose_two_sides_one_sentence_counts_in_the_unit_asked(assistant):
    answer = assistant.answer("伊犁跨省通办,清单上梳理的事项和最终确定实现的事项相差几项?")
    assert answer.path == "computed" and "58项 − 53项 = 5项" in answer.text
    # two different units (49家, 433项) are never subtracted
    assert assistant.answer("伊犁州政务服务大厅进驻的机构和事项差了多少?").path != "computed"


def test_two_computations_asked_are_both_computed(assistant):
    answer = assistant.answer("伊犁州人民政府2021年收到的行政复议申请,受理的占多大比例?没受理的有多少件?")
    assert answer.path == "computed" and "11件 ÷ 16件 ≈ 68.8%" in answer.text and "16件 − 11件 = 5件" in answer.text
    assert len(answer.computed) == 2 and len(answer.citations) == 1  # one sentence holds every operand


def test_months_between_two_time_limits_of_one_document(assistant):
    answer = assistant.answer("阜康的重大执法决定法制审核目录清单报司法局备案,和“一单、两库、一细则”公布到政府网站,两个期限相差几个月?")
    assert answer.path == "computed" and "2021年8月底前至2021年10月底前,相差2个月" in answer.text
    assert len(answer.citations) == 2


def test_an_average_asked_with_words_between_is_computed(assistant):
    answer = assistant.answer("伊犁建的那些人民调解组织,平均下来每个调解了多少件纠纷?")
    assert answer.path == "computed" and "5208件 ÷ 1122个 ≈ 4.64" in answer.text


def test_a_units_share_of_the_whole_list_and_responsibility_asked_as_where_it_lies(tmp_path):
    """"一共多少项?X牵头的占几项?": the list's whole count, the unit's count and its share, every task
    cited; "落实责任在谁身上" asks who, like 由谁落实."""
    a = assistant_over(tmp_path, qd_txt="泽宁县2025年法治政府建设重点任务清单\n"
                     "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
                     "1\t建立涉企政策“免申即享”清单，兑现时限压缩至20个工作日以内。\t县发展改革局\t县财政局\t2025年9月30日\n"
                     "2\t推进行政复议“繁简分流”，简易案件30日内审结。\t县司法局\t\t长期坚持\n"
                     "3\t行政机关负责人出庭应诉率达到100%。\t县司法局\t县直各部门\t12月底前\n"
                     "4\t开展重点领域联合执法，全年不少于6次。\t县直各行政执法部门按职责分工负责\t—\t12月底前\n")
    answer = a.answer("泽宁清单一共多少项任务？县司法局牵头的占几项？")
    assert answer.text.startswith("泽宁县《泽宁县2025年法治政府建设重点任务清单》共4项任务,县司法局牵头2项,占50%(2项 ÷ 4项")
    assert len(answer.citations) == 4
    answer = a.answer("泽宁重点领域联合执法那条，落实责任在谁身上？")
    assert "县直各行政执法部门" in answer.text.split("。")[0]


def test_two_places_each_give_one_operand_or_their_own_computation(tmp_path):
    """A ratio of one place's figure to another's, a sum of the two, and "各…": each place's own
    computation, a count from a rate asked 至少 rounded up to a whole number."""
    a = assistant_over(tmp_path, ya_txt="泽宁县2025年法治政府建设工作要点\n一、严格执法\n"
                        "1.开展行政执法案卷评查，全年评查案卷不少于200卷，优秀率达到80%以上。（县司法局牵头）\n"
                        "2.全年主动公开政府信息不少于3000条。（县政府办公室牵头）\n",
                        yb_txt="沅水县2025年法治政府建设重点任务\n一、执法监督\n"
                        "1.开展行政执法案卷评查，全年评查案卷不少于150卷，优秀率达到85%。（县司法局牵头）\n"
                        "2.全年主动公开政府信息不少于8400条。（县政府办公室牵头）\n")
    answer = a.answer("沅水主动公开政府信息的条数，是泽宁的几倍？")
    assert answer.path == "computed" and answer.text.startswith("是2.8倍") and "8400条 ÷ 3000条" in answer.text
    assert {c.item.locality for c in answer.citations} == {"泽宁县", "沅水县"}
    answer = a.answer("泽宁和沅水主动公开政府信息一共至少多少条？")
    assert answer.path == "computed" and "3000条 + 8400条 = 11400条" in answer.text
    answer = a.answer("案卷评查优秀的卷数，泽宁和沅水按各自的下限和优秀率算，至少各要多少卷？")
    assert answer.path == "computed"
    assert "泽宁县:至少160卷" in answer.text and "沅水县:至少128卷" in answer.text and "127.5卷取整" in answer.text
    assert compute.grounded(list(answer.computed), "".join(c.item.text for c in answer.citations))


def test_two_places_days_for_the_same_thing_and_an_average_per_one(tmp_path):
    """"半年…分别": the k-th day goes with the k-th thing listed after the days."""
    a = assistant_over(tmp_path, za_txt="泽宁县2025年法治政府建设工作要点\n"
                        "各牵头单位于2025年6月25日、12月10日前分别将半年和全年推进情况报送县司法局。\n一、依法行政\n"
                        "1.建立法治政府建设指标体系，细化9个方面100项指标任务。（县司法局牵头）\n",
                        zb_txt="沅水县2025年法治政府建设重点任务\n"
                        "各牵头单位要于2025年7月5日和12月5日前，将半年和全年工作进展情况书面报送县司法局。\n一、执法监督\n"
                        "1.开展行政执法案卷评查，全年评查案卷不少于150卷。（县司法局牵头）\n")
    answer = a.answer("半年进展报送截止日，泽宁和沅水谁早？早几天")
    assert answer.path == "computed" and answer.text.startswith("泽宁县早10天") and answer.text.count("早10天") == 1
    answer = a.answer("泽宁的指标体系9个方面100项，摊下来一个方面平均几项？")
    assert answer.path == "computed" and "平均约11.1项" in answer.text and "100项 ÷ 9个 ≈ 11.11" in answer.text
    assert compute.grounded(list(answer.computed), "".join(c.item.text for c in answer.citations))


def test_each_place_by_its_own_words_a_ratio_asked_after_and_the_days_the_asker_names(tmp_path):
    a = assistant_over(tmp_path, qa_txt="泽宁县2025年法治政府建设工作要点\n一、普法\n"
                        "1.落实普法责任制，年内开展“法律进乡村”活动不少于100场。（县司法局牵头）\n"
                        "2.县政府常务会议会前学法全年不少于6次。（县司法局牵头）\n"
                        "3.各部门于每年的4月10日、7月10日、10月10日及次年1月10日前报送发文目录。（县司法局牵头）\n",
                        qb_txt="沅水区2024年法治政府建设情况的报告\n一、主要做法\n"
                        "（一）开展“八五”普法终期评估，组织“法治进街道”活动75场，“法律进校园”活动40场。\n"
                        "（二）带头参加区政府常务会议会前学法12次。\n")
    answer = a.answer("普法活动场次,泽宁的“法律进乡村”和沅水的“法治进街道”差几场？")
    assert answer.path == "computed" and "100场 − 75场 = 25场" in answer.text
    answer = a.answer("沅水去年常务会议会前学法搞了几次?跟泽宁的下限比是几倍")
    assert answer.path == "computed" and "沅水区12次,泽宁县6次" in answer.text and "12次 ÷ 6次" in answer.text
    answer = a.answer("泽宁报发文目录，7月10号那次和10月10号那次隔了多少天?")
    assert answer.path == "computed" and "7月10日至10月10日,相隔92天" in answer.text


def test_a_against_b_rates_that_never_add_and_two_days_of_a_notice(tmp_path):
    a = assistant_over(tmp_path, ra_txt="泽宁县2025年法治政府建设工作要点\n"
                        "各牵头单位请于2025年6月20日、11月20日前将半年、全年工作进展情况报送县司法局。\n一、营商环境\n"
                        "1.压减工程建设项目审批时间，政府投资项目全流程审批时间控制在60个工作日以内，社会投资简易低风险项目控制在15个工作日以内。（县发展改革局牵头）\n"
                        "2.行政调解案件成功率95.6%；人民调解成功率98.8%。（县司法局牵头）\n")
    answer = a.answer("泽宁拿政府投资项目的时限和社会投资简易低风险项目比，是后者的几倍？")
    assert answer.path == "computed" and "是4倍" in answer.text and "60个工作日 ÷ 15个工作日" in answer.text
    answer = a.answer("泽宁行政调解和人民调解的成功率加起来一共多少?")
    assert "95.6% + 98.8%" not in answer.text  # rates never add up
    answer = a.answer("泽宁要点里半年进展和全年进展各有一个报送截止日，这两个日子之间差多少天？")
    assert answer.path == "computed" and "2025年6月20日至11月20日,相隔153天" in answer.text


def test_the_items_a_unit_leads_alone_and_their_share(assistant):
    answer = assistant.answer("阜康市要点里市司法局自己一家牵头的有几项?占全部任务的比例过半没有")
    assert "市司法局单独牵头9项" in answer.text and "56.3%" in answer.text and "超过一半" in answer.text
    assert len([c for c in answer.citations if "司法局" in "".join(c.item.lead_units)]) >= 9


def test_the_days_the_asker_names_are_the_ones_computed(tmp_path):
    notice = ("鹤沙县人民政府关于印发鹤沙县2024年法治政府建设工作要点的通知\n各乡镇人民政府，县政府各部门：\n"
              "现将《鹤沙县2024年法治政府建设工作要点》印发给你们，请认真贯彻落实。\n鹤沙县人民政府\n2024年2月27日\n\n"
              "鹤沙县2024年法治政府建设工作要点\n一、完善依法行政制度体系\n"
              "1.开展规范性文件集中清理，对截至2023年12月31日现行有效的规范性文件进行全面清理，6月30日前公布继续有效和废止的文件目录。（县司法局牵头）\n"
              "2.编制年度重大行政决策事项目录，3月31日前向社会公布。（县政府办公室牵头）\n"
              "3.完成乡镇综合行政执法队规范化建设，9月底前组织验收。（县委编办牵头）\n"
              "二、保障措施\n各牵头单位于每季度末月25日前向县司法局报送任务进展情况。\n")
    a = assistant_over(tmp_path, hesha_txt=notice)
    answer = a.answer("鹤沙要点2月27号印发,规范性文件清理完要6月30日前公布目录,中间给了多少天")
    assert answer.path == "computed" and "124天" in answer.text and "2023年12月31日至" not in answer.text
    # a day the question describes that no item's day is ("每季度末月25日前报进展"): not 9月底
    answer = a.answer("鹤沙要点2月27日印发,要求牵头单位每季度末月25日前报进展,离印发多少天?")
    assert "9月" not in answer.text.split("原文")[0] or answer.path != "computed"
    # two dates of the document itself (its 落款 and its web page's): not computed on an item's days
    answer = a.answer("鹤沙那份要点,落款日期跟网站发布时间差了几天?")
    assert answer.path != "computed"


def test_a_count_of_other_things_in_two_places_is_not_a_lead_count():
    from assistant.route_places import _OTHER_COUNT

    assert _OTHER_COUNT.search("两县加起来一共多少个乡镇?是不是都归编办挑头")
    assert not _OTHER_COUNT.search("两县司法局各牵头多少个任务?") and not _OTHER_COUNT.search("各牵头几项?")


def test_a_document_date_no_item_prints_is_still_one_end_of_a_gap(assistant):
    """新密's 落款 is garbled in its text; its date (the page's metadata) is the document's, shown in
    every citation of it: "印发到年底前" is computed on it."""
    answer = assistant.answer("新密那份工作安排印发以后,到基层政务公开标准体系建成的期限,中间有多少天?")
    assert answer.path == "computed" and "139天" in answer.text


_REPORT = ("泽宁县人民政府关于2024年度法治政府建设情况的报告\n"
           "一、主要成效\n"
           "（一）完善制度体系。一是加强规范性文件监督管理。审核规范性文件20件；集中清理规范性文件50件，废止7件、修改3件。"
           "二是推行告知承诺制。梳理可实行告知承诺制的证明事项120项、涉企经营许可事项80项。\n"
           "（二）加强行政执法监督。开展行政执法案卷评查，提升办案质量。完善投诉举报制度，公开执法信息。"
           "严格执法人员持证上岗，未经培训考试合格不得从事执法活动。\n")


def test_a_whole_less_its_parts_and_parts_counted_by_number(tmp_path):
    """Round-19 computations: "除掉废止和修改的,剩下的有几件" takes the parts from the whole the same
    stretch states before them; "两类合计多少项" adds the stretch that counts that many things."""
    a = assistant_over(tmp_path, zn_txt=_REPORT)
    answer = a.answer("泽宁县去年集中清理的规范性文件，除掉废止和修改的，剩下的有几件")
    assert answer.path == "computed" and "40件" in answer.text and "50件 − 7件 − 3件 = 40件" in answer.text
    assert not metrics.ungrounded_values(answer.to_dict())
    answer = a.answer("我们这边核个数：泽宁县梳理的告知承诺事项，两类合计多少项")
    assert answer.path == "computed" and "合计200项" in answer.text
    answer = a.answer("泽宁县加强行政执法监督那段，都安排了些什么")
    assert "案卷评查" in answer.text and "持证上岗" in answer.text  # the whole item, not its first sentence


_MEASURES = ("泽宁县持续优化营商环境若干措施\n一、优化服务\n"
             "第一条 深化放管服改革。免证办事项达200项、跨省通办事项达50项。（县政务服务中心主办）\n"
             "第二条 压减审批时间。政府投资项目全流程审批时间控制在60个工作日以内，社会投资项目控制在20个工作日以内。（县住建局主办）\n"
             "第三条 建立合规监督评估机制，专业人员名录库不少于50人。（县司法局主办）\n"
             "二、附则\n第四条 各主办单位于2025年3月31日前报送落实方案。\n第五条 本措施自2025年3月1日起施行。\n")


def test_computations_asked_the_ways_round_19_asks_them(tmp_path):
    """"A比B多出几倍" gives the ratio and the difference; a second computation after a comma
    ("是后者的几倍,相差多少个工作日") is answered too; "施行以后第几天" counts from the day the asker
    names, as another item states it; a list of people asked for outright is declined."""
    a = assistant_over(tmp_path, cs_txt=_MEASURES)
    answer = a.answer("泽宁县放管服那条，免证办事项比跨省通办事项多出几倍来")
    assert answer.path == "computed" and "4倍" in answer.text and "多150项" in answer.text
    answer = a.answer("泽宁县压减审批时间那条，拿政府投资项目的时限和社会投资项目比，是后者的几倍，相差多少个工作日？")
    assert "3倍" in answer.text and "40个工作日" in answer.text
    answer = a.answer("泽宁县那份措施3月1号开始施行，主办单位报落实方案的截止日是施行以后第几天")
    assert "30天" in answer.text and len(answer.citations) == 2
    answer = a.answer("泽宁县合规监督评估的专业人员名录库里，具体有哪些专家，能给个名单吗")
    assert answer.status == "not_found" and "名单" in answer.text
    for q in ("泽宁县放管服那条，免证办事项比跨省通办事项多出几倍来",
              "泽宁县那份措施3月1号开始施行，主办单位报落实方案的截止日是施行以后第几天"):
        assert not metrics.ungrounded_values(a.answer(q).to_dict())


def test_a_step_due_before_a_period_ends_falls_the_period_less_its_lead_time_after_the_start(tmp_path):
    a = assistant_over(tmp_path, qy_txt=(
        "青岩县2025年依法行政工作要点\n一、规范性文件管理\n"
        "1.推行规范性文件有效期制度。县政府规范性文件有效期一般不超过4年，标注“试行”的有效期不超过两年，"
        "有效期届满前3个月由制定机关组织评估。\n"
        "2.开展规范性文件清理，清理结果于9月底前向社会公布。\n"))
    one = a.answer("青岩标注“试行”的规范性文件，实施后第几个月要组织评估？")
    assert one.path == "computed" and "第21个月" in one.text and "24个月 − 3个月 = 21个月" in one.text
    assert "第45个月" not in one.text  # the period the question names, not the other
    both = a.answer("青岩规范性文件一般的和试行的，分别出台多少个月后就得评估？")
    assert "第45个月" in both.text and "第21个月" in both.text
    assert not metrics.ungrounded_values(both.to_dict())
    # a month asked of something with no period to count back from is not computed so
    assert a.answer("青岩规范性文件清理，印发后几个月要公布结果？").path != "computed"


def test_a_share_of_two_figures_the_asker_states_cites_where_the_document_states_each(tmp_path):
    a = assistant_over(tmp_path, bq_txt=(
        "白泉县人民政府关于2024年度法治政府建设情况的报告\n"
        "一、主要工作\n（一）学法用法。一是县政府常务会议会前学法9次，组织全县工作人员参加网上学法考试。\n"
        "二、履职情况\n一是主要负责同志主持召开县政府常务会议24次，研究涉法议题18项。\n"))
    answer = a.answer("白泉县政府去年开了24次常务会议，会前学法9次，算下来几成的常务会议搞了会前学法？")
    assert answer.path == "computed" and "约37.5%" in answer.text and "9次 ÷ 24次 ≈ 37.5%" in answer.text
    assert len(answer.citations) == 2 and not metrics.ungrounded_values(answer.to_dict())
    # a figure the document does not state is not computed on
    assert answer.path != a.answer("白泉县政府去年开了30次常务会议，会前学法9次，算下来几成搞了会前学法？").path


def test_each_places_result_says_whose_it_is_and_which_is_more_when_asked(tmp_path):
    a = assistant_over(tmp_path,
        ly_txt=("柳原县2025年法治政府建设工作要点\n1.深化乡镇综合行政执法改革，2025年10月底前完成执法队规范化建设。\n"
                "柳原县人民政府办公室\n2025年3月10日\n"),
        mh_txt=("梅河县2024年法治政府建设工作要点\n1.深化乡镇综合行政执法改革，2024年11月底前完成执法队规范化建设。\n"
                "梅河县人民政府办公室\n2024年5月14日\n"))
    answer = a.answer("柳原和梅河乡镇综合执法改革，从各自文件落款算到完成时限，各给了多少天？哪边宽裕、多几天")
    lines = answer.text.split("\n")
    assert lines[0].startswith("柳原县:") and "235天" in lines[0]
    assert lines[1].startswith("梅河县:") and "200天" in lines[1]
    assert "柳原县:比梅河县多35天。计算:235天 − 200天 = 35天" in answer.text
    assert not metrics.ungrounded_values(answer.to_dict())
