"""Round 30's unit questions and para2's rewordings: a unit the item does not list is not named
again, a count of one role says the whole division, two items compared by their units, the
document's own rule for reading its notes cited when asked why, a question finer than a unit note
(a 科室, a phone) declined, and unit questions in words no earlier set used (分配了什么任务,
有没有写到X, 有没有份, 列进去了吗)."""
from __future__ import annotations

from assistant.topic import topic_of
from assistant.understand import understand
from assistant.unit_reading import ASKS_ROLE
from tests.small_plans import assistant_over

PLAN = ("泽宁县2025年依法行政工作要点\n"
        "各项任务后括号内所列单位，排在第一位的为牵头单位，其余为责任单位。\n"
        "一、完善依法决策机制\n"
        "1.健全重大行政决策目录管理。各乡镇和县直部门于3月底前报送年度决策事项目录。（县政府办公室、县司法局）\n"
        "2.推进行政执法协调监督。建立执法监督联系点10个。（县司法局、县市场监管局、县应急管理局、各乡镇人民政府）\n"
        "3.加强应急预案管理。修订县级专项应急预案不少于8项。（县应急管理局、县民政局、县财政局）\n"
        "4.开展合法性审核业务培训。培训审核人员不少于60人次。（县司法局）\n")
KNOWN = ("县政府办公室", "县司法局", "县市场监管局", "县应急管理局", "县民政局", "县财政局", "县卫健委")


def test_questions_of_round_30_on_a_small_plan(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    # a unit the item does not list is not named again (its name is in no citation)
    answer = a.answer("我们是泽宁县民政局的，推进行政执法协调监督那条，是不是我们牵头？")
    assert "没有列你们单位" in answer.text and "县司法局牵头" in answer.text
    assert "县民政局" not in answer.text.split("\n")[0]
    # a count of one role, then the whole division
    answer = a.answer("泽宁推进行政执法协调监督那条，责任单位一共写了几家？")
    assert "共点名2家单位" in answer.text and "分工是县司法局牵头" in answer.text
    # two items compared
    answer = a.answer("泽宁健全重大行政决策目录管理那条和推进行政执法协调监督那条，牵头单位一样吗")
    assert answer.text.startswith("两项的牵头单位不同") and len(answer.citations) == 2
    # asked why: the document's rule, quoted and cited
    answer = a.answer("泽宁加强应急预案管理那项括号里写了县应急管理局和县民政局，哪个算牵头？凭啥？")
    assert "县应急管理局牵头" in answer.text and "文件约定:“各项任务后括号内所列单位，排在第一位的为牵头单位" in answer.text
    assert any("排在第一位" in c.quote for c in answer.citations)
    # finer than a unit note: declined, quoting the item
    answer = a.answer("泽宁合法性审核业务培训那条，司法局里具体哪个科室负责？联系人电话有吗？")
    assert answer.status == "not_found" and "没有写明具体科室或责任人" in answer.text


def test_unit_questions_in_new_words():
    assert understand("泽宁县要点给县应急管理局分配了什么任务", known_units=KNOWN).intent == "unit_tasks"
    assert understand("泽宁县要点有没有写到县财政局？是什么身份", known_units=KNOWN).intent == "unit_tasks"
    assert ASKS_ROLE.search("县民政局在第3项里有没有份")
    assert ASKS_ROLE.search("那条把乡镇也列进去了吗？") and ASKS_ROLE.search("是挑头还是跟在后头干")
    said = "泽宁县要点第一部分讲依法决策，这部分各条里有县应急管理局吗？是挑头还是跟着干"
    assert understand(said, known_units=KNOWN).intent == "unit_tasks"  # the unit's items in that part


def test_the_notes_layout_read_by_the_asker_is_not_the_topic():
    said = topic_of("新密加强队伍建设机制那条，括号里第一个写的是市委组织部，那就是组织部挑头呗？", ("新密市",))
    assert "加强队伍建设机制" in said and "第一个" not in said and "那条" not in said and "呗" not in said


def test_a_word_pointing_at_the_item_ends_the_words_before_it():
    # removed without a space, 权责清单那项调完 read as 权责清单调完, whose 单调 no item has
    assert topic_of("苋岭权责清单那项调完以后配合单位有哪些？", ("苋岭县",)).startswith("权责清单 调完")


def test_the_items_a_unit_does_not_lead_are_answered_with_one_it_does_cited(tmp_path):
    a = assistant_over(tmp_path, zening_txt=PLAN)
    answer = a.answer("泽宁要点里有几条不是县司法局牵头的？")
    assert answer.text.startswith("2条") and "其余各条中县司法局为牵头单位" in answer.text
    assert "县司法局" in (answer.citations[-1].item.lead_units or ())  # the name said is in a citation


def test_a_unit_no_cited_item_prints_is_never_named(tmp_path):
    # (found by questions generated over the layout documents: every answer checked for a unit or
    # number its citations lack)
    other = "苡林县2025年依法行政工作要点\n一、加强执法\n1.规范劳动保障执法。（县人社局）\n"
    a = assistant_over(tmp_path, zening_txt=PLAN, yilin_txt=other)
    answer = a.answer("县民政局在泽宁推进行政执法协调监督那条里是什么角色？")
    assert "没有列你问的单位" in answer.text and "县民政局" not in answer.text
    answer = a.answer("泽宁要点里有几条不是县人社局牵头的？")
    assert "你问的单位不是牵头单位" in answer.text and "县人社局" not in answer.text


CHAINS = ("泽宁县2025年法治政府建设工作要点\n一、优化营商环境\n"
          "1.加强应急物资储备，县级储备库物资品种不少于40种。（县应急管理局、县发展改革局牵头）\n"
          "2.规范涉企收费，开展违规收费专项整治。（县发展改革局牵头，县市场监管局配合）\n"
          "二、化解矛盾纠纷\n"
          "3.推行行政复议“阳光审理”，公开听证。（县司法局牵头）\n"
          "4.推进“三调联动”，完善衔接机制。（县委政法委牵头，县司法局、县信访局配合）\n")


def test_chains_in_the_words_of_reworded_questions(tmp_path):
    a = assistant_over(tmp_path, zening_txt=CHAINS)
    # the item, its two leads, then one of them: "其中的B另外还挑头了哪项"
    answer = a.answer("泽宁应急物资储备由两家共同牵头，其中的发展改革局另外还挑头了哪项工作")
    assert "规范涉企收费" in answer.text
    # "A的那一项，其牵头单位在B…", the ask in a second question
    answer = a.answer("泽宁推行复议“阳光审理”的那一项，其牵头单位在“三调联动”那一项里排在第几位？在那里是什么角色")
    assert "县司法局是配合单位" in answer.text and "排第二位" in answer.text


# ("目标" in most items, as plans write it: a word every item has weighs little in a question)
REPORT = ("泽宁县2025年法治政府建设工作要点\n一、化解矛盾纠纷\n"
          "1.发挥行政复议主渠道作用。去年全县审结行政复议案件80件，其中调解和解结案20件，今年目标是继续提高。（县司法局牵头）\n"
          "2.深化放管服改革。免证办事项达300项、跨省通办事项达100项。（县政务服务中心牵头）\n"
          "3.开展法治督察。年内对不少于3个乡镇、5个县直部门开展法治督察，实现整改目标。（县委依法治县办牵头）\n"
          "4.规范执法行为。实现行政执法全过程记录目标，案卷评查优秀率目标达到90%。（县司法局牵头）\n")


def test_computations_and_refusals_in_reworded_words(tmp_path):
    a = assistant_over(tmp_path, zening_txt=REPORT)
    # "A中，B的比例": a 和 inside one term (调解和解) is no sum of two parts
    answer = a.answer("泽宁去年审结的复议案件中，以调解和解方式结案的比例是多少")
    assert "20件 ÷ 80件" in answer.text and "25" in answer.text
    # "A跟B相比，多了几倍"
    answer = a.answer("泽宁免证办事项的目标跟跨省通办事项的目标相比，多了几倍")
    assert "300项 ÷ 100项" in answer.text
    # the members of a count asked alone in a last question, and not listed: declined
    answer = a.answer("泽宁要督察3个乡镇和5个县直部门，名单点出来了吗？分别是哪几家")
    assert answer.status == "not_found" and "具体包括哪些" in answer.text
