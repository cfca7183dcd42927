"""How questions are written, as rules with no index: what a count or a time limit is answered
by, a document named by its title, a unit's other name, a self-introduced unit, dates."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.evidence import answers_measure
from assistant.fields import cn_date
from assistant.titles import Titles
from assistant.understand import detect_intent
from assistant.value_kind import asked_kind, asks_actual_result
from corpus.select import names_of


@pytest.mark.parametrize("question,text,holds", [
    ("示范户创了多少户?", "目前已创建农村学法用法示范户1905个。", True),  # 个 counts any thing
    ("办了多少件?", "共办理业务6927件", True),
    ("企业开办时限是多少?", "企业开办全流程压缩至0.5个工作日", True),  # a time limit may be a duration
    ("依申请公开多少个工作日内答复?", "年度报告于1月31日前公布", False),  # the 31日 of a date is no count of days
    ("依申请公开多少个工作日内答复?", "在法定期限20个工作日内答复", True),
    ("调解成功率是多少?", "调解各类矛盾纠纷5208件,调解成功5142件", False),  # a rate asks a percentage
    ("调解成功率是多少?", "成功率达98.7%", True),
    ("领导大接访搞了几轮?", "州四套班子领导开展大接访三轮", True),  # 轮 counts rounds
    ("领导大接访搞了几轮?", "开展大接访活动", False),
    ("年度抽查计划要抽多少户市场主体?", "抽查结果在20个工作日内公示", False),  # 20个工作日 counts days, not things
    # people counted: the number must count them, in a clause that names them
    ("州直聘的法律顾问总数是多少人?", "州直共有公职律师30人,党政机关普遍聘用专业法律顾问", False),
    ("州直有多少名公职律师?", "州直共有公职律师30人,党政机关普遍聘用专业法律顾问", True),
    ("乡镇在编执法人员不少于几名?", "每个乡镇在编执法人员不少于5名", True),
    # a figure the question states is where it starts, not the answer (unless it is checked)
    ("不予处罚清单不少于120项,里面市场监管领域占几项?", "年内清单事项不少于120项", False),
    ("不予处罚清单是不是不少于120项?", "年内清单事项不少于120项", True),
    ("推进会是哪天开的?", "(新密办〔20239号)确定的各项职责", False),  # the 号 of a garbled 文号
    # 几个 X counts X in X's own classifier: people in 名, but never departments in 名
    ("每个村要培养几个“法律明白人”?", "每个村（社区）培养不少于5名“法律明白人”", True),
    ("一共有多少个行政执法部门?", "执法岗位上必须保证3名在职在编人员", False),
    # a count asked as "X数是多少" is "多少X"; a thing with its own classifier is counted in it
    ("抽查市场主体的户数是多少?", "抽查结果在20个工作日内公示", False),
    # any classifier counts its own things (本, 份, 卷…), and the word after 几个 is what is counted,
    # even one that can be a verb (编制)
    ("换发执法证件一共换了多少本?", "应将人员名单和证件复印件于2021年8月底前备案", False),
    ("全年评查案卷多少卷?", "全年评查案卷不少于150卷", True),
    ("复议机构给了几个编制?", "合理调配编制资源,加快实现县只保留一个行政复议机关。", False),
    ("抽查市场主体的户数是多少?", "抽查市场主体1200户", True),
    ("清单分别定了多少个事项?", "年内清单事项不少于120项", True),
    # the thing counted is named after its classifier: 11个县市 is no count of 问题
    ("法治督察一共查出多少个问题?", "对州直11个县市开展督察", False),
    ("法治督察一共查出多少个问题?", "督察发现问题36个,已全部整改", True),
    # a year is no quantity; a question about time has its own measure, which a year answers
    ("分值权重是多少?", "将落实情况纳入2025年度领导班子考核内容", False),
    ("要求在什么时间之前完成督察全覆盖?", "2025年前实现对乡镇和县直部门督察全覆盖", True),
])
def test_what_a_number_question_is_answered_by(question, text, holds):
    assert answers_measure(question, text) is holds


@pytest.mark.parametrize("question,text,holds", [
    ("第五次会议是哪天开的?", "关于印发《要点》的通知 霁法委办发〔2023〕3号", False),  # the 号 of a 文号
    ("工作要点哪天开始施行?", "规范性文件自印发之日起15日内报送备案", False),  # 15日内 is a span, not a day
    ("第五次会议是哪天开的?", "已经第五次会议审议通过,现印发给你们。县委依法治县办 2023年4月6日", False),
    ("这份要点是哪天印发的?", "已经第五次会议审议通过,现印发给你们。县委依法治县办 2023年4月6日", True),
    ("听证会是哪天开的?", "听证会于2023年5月8日召开", True),
])
def test_a_day_asked_is_a_day_and_the_documents_own_date_dates_only_the_document(question, text, holds):
    assert answers_measure(question, text, own_date="2023年4月6日") is holds


def test_a_document_named_by_its_title():
    titles = Titles([SimpleNamespace(doc_id="a", title="檀峰市持续优化法治化营商环境若干措施", locality="檀峰市"),
                     SimpleNamespace(doc_id="b", title="霁川县2023年法治政府建设工作要点", locality="霁川县"),
                     SimpleNamespace(doc_id="c", title="鹤汀市2024年法治政府建设工作要点", locality="鹤汀市")])
    stretch, locality = titles.reference("那个优化营商环境若干措施啥时候开始施行?")
    assert locality == "檀峰市" and "营商环境若干措施" in stretch
    assert titles.reference("法治政府建设工作要点里谁牵头?") is None  # two documents share it
    assert titles.reference("行政复议体制改革由谁牵头?") is None


def test_a_unit_printed_with_its_other_name():
    assert names_of("市发展改革委(市营商办)") == ("市发展改革委(市营商办)", "市发展改革委", "市营商办")
    assert names_of("各县(市、区)人民政府") == ("各县(市、区)人民政府",)


@pytest.mark.parametrize("question,intent", [
    ("我们是县市场监督管理局,这个方案里我们牵头的都有哪些事?", "unit_tasks"),
    ("我们是绿园区政数局,这个实施方案里哪些任务是我们牵头的?", "unit_tasks"),
    ("特种设备排查整治,哪个科负责?", "lead"),
    ("哪个单位要是拖了后腿,会有什么后果?", "other"),
    ("行政执法三项制度涉及哪些部门?", "responsible"),  # an item's units, whatever their role
    # people say 负责单位 for the documents' 责任单位, several asked
    ("墨川区那项审计监督、统计监督的任务,负责单位包括哪些?", "responsible"),
    ("棠川那条行政调解工作机制,负责的单位有哪些?", "responsible"),
    # who issued the document, not who leads a task
    ("新密那份2023年工作安排是哪个单位发的,文号是什么?", "doc_info"),
])
def test_intent(question, intent):
    assert detect_intent(question) == intent


def test_what_plans_cannot_say():
    assert asks_actual_result("碧岑县2024年最后创成省级法治政府建设示范项目了吗?")
    assert asked_kind("漱泉县哪个乡镇年终述法得分最高?").name == "rank"
    assert asked_kind("苡林去年法治政府考核谁排第一?").name == "rank"
    assert asked_kind("市场监管局在依法行政要点里排第一的有几条?") is None  # listed first in a bracket: a count
    assert not asks_actual_result("碧岑县要创成几个省级示范项目?")
    assert asks_actual_result("那批规范性文件清理完,最后废止了几件?")  # what came out of a task
    assert not asks_actual_result("最后一年要完成多少项?")
    units = asked_kind("执法岗位手册试点选的是哪几个部门?")  # "选择部分执法部门开展试点" names none
    assert units.name == "units" and not units.holds.search("选择部分执法部门开展试点")
    assert units.holds.search("选择县市场监管局、县交通运输局开展试点")
    assert asked_kind("那50名营商环境监督员都有谁?").name == "persons"  # names, which a plan does not give
    assert asked_kind("法律顾问团都有哪些人?").name == "persons"
    assert asked_kind("行政执法人员培训都有哪些人参加?") is None  # who attends: a category answers
    # the same kinds asked in other words
    assert asked_kind("经济责任审计的对象是哪些领导干部?他们的姓名是什么?").name == "persons"
    assert asked_kind("考核优秀的单位能拿到多少奖励?").name == "money"
    assert asked_kind("那个项目名字是什么?").name == "name"
    assert asks_actual_result("督查完,最后约谈整改了哪几家单位?")
    # what was done asked as which ones, and the members of a counted group in any classifier
    assert asks_actual_result("年内专项监督检查,实际查了哪些部门?")
    assert asks_actual_result("今年跟镇街联合执法搞够12次没有?")  # whether a count aimed at was reached
    assert not asks_actual_result("联合执法要搞够几次?")
    assert not asks_actual_result("年内专项监督检查要查哪些部门?")
    assert asked_kind("获评示范项目的“四张清单”,具体是哪四张?").name == "members"
    assert asked_kind("清单那300家企业名单在哪看,都有哪些企业?").name == "members"
    assert asked_kind("全县12个乡镇有哪些任务?") is None  # the tasks of bodies counted, not who they are


def test_dates_as_documents_write_them():
    assert cn_date("2024-03-18") == "2024年3月18日" and cn_date("2021") == "2021年" and cn_date("") == ""


@pytest.mark.parametrize("question,intent", [
    ("鹤汀那条,括号里打头的是谁?", "lead"),  # 打头: the one listed first, who leads
    ("新密那条,是哪些单位在负责?", "responsible"),
    ("县纪委监委在乌鲁木齐县那份方案里牵了哪些头?", "unit_tasks"),  # 牵头 split by its object
])
def test_spoken_role_words(question, intent):
    from assistant.understand import detect_intent
    assert detect_intent(question) == intent


def test_a_separator_the_asker_wrote_keeps_words_apart():
    from assistant.evidence import bigrams
    from assistant.topic import topic_of
    topic = topic_of("新密牵头府院、府检联动的那几家", ("新密市",))
    assert "府院" in bigrams(topic) and "院府" not in bigrams(topic)
    assert "存在" in topic_of("漱泉县报告里自己说存在哪些问题?", ("漱泉县",))  # 在 stays inside 存在


@pytest.mark.parametrize("question,intent", [
    ("企业群众诉求“一号响应”这个提法,出自谁家的文件?", "which_doc"),
    ("伊犁那份报告落款是谁、哪天?", "doc_info"),  # 落款: the signature, issuer and date
    ("荸泽县司法局今年工作安排里牵头的是哪几项?", "unit_tasks"),
])
def test_document_and_list_wordings(question, intent):
    from assistant.understand import detect_intent
    assert detect_intent(question) == intent


def test_whether_an_honour_was_won_is_an_actual_result():
    from assistant.value_kind import asks_actual_result
    assert asks_actual_result("新密评上第四批河南省依法行政示范单位了吗?")
    assert not asks_actual_result("新密要参加第四批依法行政示范单位评选吗?")


def test_full_width_punctuation_reads_as_half_width():
    """A Chinese keyboard types ？，（）: the two parts of a question still split, words still part."""
    from assistant.question_text import clean_question
    from assistant.topic import topic_of
    assert clean_question("荸泽县那条谁牵头？配合的有哪些？", 2000) == "荸泽县那条谁牵头?配合的有哪些?"
    assert "，" not in topic_of(clean_question("咱交通局今年法治任务里，执法案卷评查那项归哪个股室牵头？", 2000))


def test_pointing_words_are_not_what_a_question_is_about():
    from assistant.evidence import bigrams
    assert bigrams("执法案卷评查那项股室") == bigrams("执法案卷评查股室")
    assert "下面" not in bigrams("规范行政执法下面一共")


@pytest.mark.parametrize("question,intent", [
    # a role named as the subject of a date asked is not a unit question
    ("岚峪这份清单,牵头单位半年和全年的进展要啥时候报、报到哪?", "number"),
    ("新密“形成监督合力”那一条,括号里列了多少家单位?有没有牵头的?", "lead"),
])
def test_a_role_word_as_subject_or_as_what_is_asked(question, intent):
    from assistant.understand import understand
    assert understand(question).intent == intent


def test_self_named_unit_after_the_tasks():
    from assistant.understand import detect_intent
    assert detect_intent("我们区委编办,绿园那个实施方案里哪些活儿点了我们牵头?") == "unit_tasks"


def test_a_trimmed_quote_marks_what_it_leaves_out():
    from assistant.spans import quoted as _quoted
    sentence = "已经县人民政府第36次常务会议研究同意，现印发给你们，请结合实际认真抓好贯彻落实。"
    assert _quoted(sentence, (0, 0)) == "已经县人民政府第36次常务会议研究同意…"
    assert _quoted(sentence, (1, 2)).startswith("…现印发给你们")


def test_a_responsible_question_on_an_item_with_only_a_lead_starts_with_the_lead():
    from assistant.fields import unit_sentence
    from corpus.types import TaskItem
    item = TaskItem(item_id="x-1", doc_id="x", doc="x.docx", title="某局分工方案", locality="某县", section="二、依法履职 2.",
                    section_path="二、依法履职 2.", text="1.全面落实涉企经营许可事项清单管理。", span=(0, 10),
                    heading="1.全面落实涉企经营许可事项清单管理。", lead_units=("登记注册科",),
                    participating_units=("食品经营安全监管科",))
    text = unit_sentence(item, 1, "responsible")
    assert text.startswith("某县:登记注册科牵头,食品经营安全监管科配合。")  # a table column: 配合
    assert "2.“1." not in text and "“全面落实" in text  # the cell's own sub-number is not printed after the section's



def test_items_counted_by_a_field_value():
    from assistant.route_counts import field_filter as _field_filter
    from corpus.types import TaskItem

    def item(deadline="", lead=()):
        return TaskItem(item_id="x", doc_id="x", doc="x", title="t", locality="某县", section="一、 1.", section_path="",
                        text="t", span=(0, 1), deadline=deadline, lead_units=lead)
    keep, said = _field_filter("岚峪清单里完成时限写的是“长期坚持”的有几项?")
    assert said == "完成时限为“长期坚持”" and keep(item("长期坚持")) and not keep(item("2024年6月底前"))
    keep, said = _field_filter("墨川要点里完成时限写全年的任务有几项?")
    assert keep(item("全年")) and not keep(item("长期坚持"))
    assert _field_filter("完成时限是什么时候?") is None
    # "限6月底前干完的" names one limit; "卡在9月底前(含)的" every limit up to it
    keep, said = _field_filter("墨川限6月底前干完的有几项?")
    assert keep(item("2025年6月底前")) and not keep(item("2025年3月底前"))
    keep, said = _field_filter("时间节点卡在9月底前(含)的任务有几项?")
    assert said == "完成时限在9月底前(含)" and keep(item("2024年6月底前")) and keep(item("2024年9月底前"))
    assert not keep(item("2024年10月底前")) and not keep(item("全年")) and not keep(item("长期坚持"))
    # the same said with 以前 and what it includes: "10月底以前(含10月底)"
    keep, said = _field_filter("分工表里完成时限在2026年10月底以前(含10月底)的任务有几项?")
    assert keep(item("2026年9月底前")) and keep(item("2026年10月底前")) and not keep(item("2026年11月底前")), said


def _item(**fields):
    from corpus.types import TaskItem

    base = dict(item_id="x", doc_id="d", doc="d.txt", title="t", locality="岚峪县", section="六、 17.",
                section_path="六、", text="完善信访事项办理机制。", span=(0, 10))
    return TaskItem(**{**base, **fields})


def test_a_named_units_part_in_an_item_is_said_in_the_items_terms():
    from assistant.fields import part_word, role_in, unit_sentence

    table_row = _item(lead_units=("县信访局",), participating_units=("县委政法委",))  # a 配合单位 column
    assert role_in(table_row, frozenset({"县委政法委"}), "县委政法委") == "县委政法委是配合单位,不是牵头单位(牵头的是县信访局)。"
    assert role_in(table_row, frozenset({"县信访局"}), "县信访局") == "县信访局是牵头单位。"
    assert "没有列县财政局" in role_in(table_row, frozenset({"县财政局"}), "县财政局")
    noted = _item(lead_units=("区委编办",), participating_units=("各有关部门",), units_raw="牵头单位:区委编办参加单位:各有关部门")
    assert part_word(noted) == "参加" and "各有关部门参加" in unit_sentence(noted, 1, "lead")
    shared = _item(lead_units=("市司法局",), responsible_units=("市财政局",), units_raw="市司法局牵头,市财政局按职责分工负责")
    assert "市财政局按职责分工负责" in unit_sentence(shared, 1, "lead")


def test_a_time_limit_column_answers_when_and_the_citation_shows_it():
    from assistant.fields import ASKS_WHEN, deadline_sentence
    from ui.render import sources_html

    row = _item(locality="棠川县", section="三、 9.", text="编制公布年度重大行政决策事项目录。", deadline="2024年3月底前",
                lead_units=("县政府办公室",))
    assert deadline_sentence(row, 1).startswith("棠川县:完成时限为2024年3月底前。依据:三、 9.")
    assert all(ASKS_WHEN.search(q) for q in ("那条什么时候完成?", "多会儿完成?", "完成时限是啥?"))
    assert not ASKS_WHEN.search("这条谁牵头?")
    card = sources_html({"citations": [{"n": 1, "locality": "棠川县", "section": "三、 9.", "text": row.text,
                                        "quote": "", "lead_units": ["县政府办公室"], "deadline": "2024年3月底前"}]})
    assert "完成时限</b>:2024年3月底前" in card


def test_items_counted_by_a_field_said_in_other_words():
    from assistant.fields import counter_of
    from assistant.route_counts import field_filter as _field_filter

    keep, said = _field_filter("墨川要点里限6月底前干完的有几项?各是谁牵头?")
    assert keep(_item(text="动态调整区级权责清单,2025年6月底前完成。")) and keep(_item(deadline="2025年6月底前"))
    assert not keep(_item(text="年底前完成。")) and said == "完成时限为6月底前"
    assert counter_of("哪些条款是市市场监管局主办的?") == "条" and counter_of("牵头哪些任务?") == "项"
    # any field said to be written so, its printed words quoted
    keep, said = _field_filter("碧岑清单里牵头领导写“县委常委、常务副县长”的有几项?")
    assert said == "牵头领导写“县委常委、常务副县长”"
    assert keep(_item(units_raw="牵头领导：县委常委、常务副县长；牵头单位：县应急管理局")) and not keep(_item(units_raw="牵头领导：县长"))
    assert _field_filter("钧溪方案里“制度建设”这一类有几项?") is None  # a heading quoted: a section


def test_a_listed_task_keeps_the_names_it_quotes_past_the_cut():
    from assistant.unit_lists import _listing

    long = _item(text="深化综合行政执法体制改革,按照“权随事转、编随事转、钱随事转”原则,推动执法重心向基层下移,"
                      "稳步将基层管理迫切需要且能有效承接的行政执法事项下放给乡镇,推进乡镇组建综合行政执法队伍,"
                      "逐步实现“一支队伍管执法”。")
    shown = _listing(long)
    assert shown.endswith("(另含“一支队伍管执法”)") and shown.count("权随事转") == 1  # shown once, in its place
    assert "另含" not in _listing(_item(text="推进“证照分离”改革。"))  # nothing cut: nothing added


def test_a_units_parts_are_counted_in_the_words_of_each_items_note():
    from assistant.fields import role_in
    from assistant.unit_lists import role_groups

    names = frozenset({"县司法局"})
    led = _item(lead_units=("县司法局",), units_raw="县司法局牵头,各乡镇配合")
    alone = _item(lead_units=(), responsible_units=("县司法局",), units_raw="县司法局负责")
    labelled = _item(lead_units=("县委编办",), responsible_units=("县司法局",), units_raw="牵头单位:县委编办;责任单位:县司法局")
    helping = _item(lead_units=("县市场监管局",), participating_units=("县司法局",), units_raw="县市场监管局牵头,县司法局配合")
    groups = role_groups([led, alone, labelled, helping], names)
    assert {k: len(v) for k, v in groups.items()} == {"牵头": 1, "负责": 1, "责任单位": 1, "配合": 1}
    # its part in an item without a lead says so: the asker learns nobody leads it
    assert role_in(alone, names, "县司法局") == "县司法局是责任单位,不是牵头单位(这一条没有牵头单位)。"


def test_the_members_of_a_counted_group_need_a_sentence_that_lists_them():
    from assistant.value_kind import KINDS

    members = next(k for k in KINDS if k.name == "members")
    for q in ("主动公开基本目录要覆盖的26个试点领域,具体是哪些?", "年内新建的3个调解组织,是哪几个领域的?",
              "那个“三四五”发展工程,具体是哪三、哪四、哪五?"):
        assert asked_kind(q) is members, q
    # without a count it asks what a term covers, which a sentence explains without listing
    assert asked_kind("“督帮结合”具体指啥?") is None and asked_kind("具体指哪些方面的部门岗位?") is None
    assert not members.holds.search("主动公开基本目录年内覆盖全部26个试点领域。")
    assert members.holds.search("覆盖教育、医疗、住房等26个领域。") and members.holds.search("试点领域包括教育、医疗和住房。")


def test_how_often_a_unit_is_named_asks_for_its_items():
    from assistant.fields import counter_of
    from assistant.understand import understand

    for q in ("乌县方案里县人社局被点到几次?", "新密市公安局是挑头的多还是配合的多?"):
        query = understand(q, known_units={"县人社局", "市公安局"})
        assert query.intent == "unit_tasks" and query.unit, q
    assert counter_of("那块讲了哪几点?") == "点" and counter_of("几点开会?") == "项"
    points = [_item(item_number="一是"), _item(item_number="二是")]
    # no word in the question: a report's 一是、二是 are points, a plan's numbered tasks are 项
    assert counter_of("里面一是二是都说了啥?", points) == "点" and counter_of("都说了啥?", [_item(item_number="3")]) == "项"
    assert counter_of("有几项?", points) == "项"


def test_a_tail_shared_by_places_names_the_named_places_unit_and_an_issuer_names_the_document():
    from assistant.understand import named_unit as _named_unit
    from assistant.unit_names import UnitNames

    ours = _item(locality="苕岙县", participating_units=("县交通运输综合行政执法大队", "县交通运输局"))
    theirs = _item(locality="鹤汀市", participating_units=("市综合行政执法大队",))
    names = UnitNames([ours, theirs])
    assert names.find("执法大队要配合哪几项?") is None  # two places' 执法大队: none without the place
    assert names.find("苕岙执法大队要配合哪几项?", ("苕岙县",)).name == "县交通运输综合行政执法大队"
    # "苕岙交通局这份分解里…": the bureau issues the document; the unit asked comes after
    assert _named_unit("苕岙交通局这份分解里执法大队要配合哪几项?", names, ("苕岙县",)) == "县交通运输综合行政执法大队"
    assert _named_unit("苕岙交通局这份分解里我们牵头哪几项?", names, ("苕岙县",)) == "县交通运输局"


def test_a_document_number_holds_no_quantity_and_a_when_asked_colloquially_needs_a_date():
    from assistant.compute import numbers_in

    assert [n.text for n in numbers_in("按照《实施方案》(阜政办〔2019〕70号)的要求,审核人员不少于5%")] == ["5"]
    assert not answers_measure("名录库要求啥时候建好?", "名录库不少于80人。")
    assert answers_measure("名录库要求啥时候建好?", "名录库于2024年6月底前建成。")


def test_counted_members_asked_by_their_count_and_listed_before_their_count():
    from assistant.value_kind import KINDS

    members = next(k for k in KINDS if k.name == "members")
    assert asked_kind("要30项高频事项实现“跨省通办”,是哪30项?") is members
    assert asked_kind("那30名公职律师分别在哪些单位?") is members
    assert members.holds.search("建立不予处罚事项清单、从轻处罚事项清单、减轻处罚事项清单等行政执法四项清单制度")


def test_items_counted_by_at_least_so_many_leads_and_a_gap_from_issue_to_a_due_day():
    from assistant.route_dates import _GAP
    from assistant.unit_filters import count_filter

    keep, said = count_filter("新密工作安排里,牵头单位一口气写了五家及以上的有几项?")
    assert said == "牵头单位有五家及以上"
    assert keep(_item(lead_units=tuple("ABCDE"))) and keep(_item(lead_units=tuple("ABCDEF"))) and not keep(_item(lead_units=tuple("ABCD")))
    assert _GAP.search("那个分工方案印发后,到全年完成情况报送的截止日,一共多少天?")


def test_contact_details_asked_need_a_sentence_that_gives_them():
    from assistant.value_kind import KINDS

    contact = next(k for k in KINDS if k.name == "contact")
    assert asked_kind("新密市司法局行政复议的联系电话是多少?") is contact
    assert not contact.holds.search("畅通12345政务服务热线,实现企业群众诉求“一号响应”。")
    assert contact.holds.search("咨询电话:0991-1234567。")


def test_several_counts_asked_of_one_figure_for_them_all_are_not_split():
    from assistant.route_drafted import _counts_not_split

    together = "其中撤销、变更、确认违法等纠错12件,纠错率14.8%"
    assert _counts_not_split("那12件纠错案子里,撤销的几件、变更的几件?", together)
    assert not _counts_not_split("撤销的几件、变更的几件?", "撤销3件,变更2件")
    assert not _counts_not_split("纠错了几件?", together)  # one count asked: the figure answers


def test_whom_something_is_reported_to_is_not_who_does_the_task():
    from assistant.understand import understand

    assert understand("各主办单位要先拿出个啥?最晚哪天报给谁?").intent not in ("lead", "responsible")
    assert understand("这条谁牵头?最晚哪天完成?").intent == "lead"  # who does it, asked with a date


def test_a_collective_named_word_for_word_is_the_unit_asked_when_no_unit_is():
    from assistant.unit_names import UnitNames

    names = UnitNames([_item(locality="乌鲁木齐县", responsible_units=("各乡镇(管委会)", "县司法局"))])
    assert names.find("有多少条把各乡镇(管委会)写进了单位栏?").name == "各乡镇(管委会)"
    assert names.find("县司法局和各乡镇(管委会)都在的有几条?").name == "县司法局"  # a unit named wins
    assert names.find("乡镇有哪些任务?") is None  # a collective is found only as printed


def test_a_month_limit_without_its_year_takes_the_documents_or_none():
    from assistant.route_dates import year_of

    assert year_of(_item(title="阜康市2021年法治政府建设工作要点", date="2021-03-01")) == "2021"
    assert year_of(_item(title="工作要点", date="2023-04-06")) == "2023"
    assert year_of(_item(title="工作要点")) == ""  # no year anywhere: no months are computed


def test_a_short_name_counts_as_its_full_form_and_framing_words_weigh_nothing():
    from assistant.evidence import Evidence
    ev = Evidence({"综合": 2.0, "执法": 1.0, "法局": 1.0, "镇街": 5.0, "联合": 3.0, "督察": 3.0, "一般": 1.0,
                   "不少": 2.0})
    text = "推进区综合行政执法局与镇（街道）综合行政执法队执法协作，年内开展联合执法行动不少于12次。"
    assert ev.coverage("综合执法局镇街执法队联合执法", text) == 1.0  # 综合行政执法局, 镇（街道）
    # 之前 and 一遍 are words no document uses: they frame the question, they are not its topic
    assert ev.coverage("督察之前一遍", "2025年前实现督察全覆盖") == 1.0
    # only names are shortened: 不少 is not found in 不得少于
    assert ev.coverage("一般不少于", "期限一般不得少于7个工作日") < 1.0


def test_items_with_a_single_lead_are_counted():
    from assistant.unit_filters import count_filter
    keep, said = count_filter("新密工作安排34项里，括注里只写了一家牵头单位的有几项？")
    assert said == "牵头单位只有一家"
    assert keep(_item(lead_units=("市司法局",))) and not keep(_item(lead_units=("市司法局", "市法院"))) \
        and not keep(_item(lead_units=()))


def test_days_counted_from_the_signature_and_a_leader_read_apart_from_the_units():
    from assistant.route_dates import _GAP
    from assistant.route_fields import _ASKS_LEADER, _LEADER_LINE
    assert _GAP.search("那份措施从落款到各主办单位报落实方案的截止日，中间给了多少天？")
    assert not _GAP.search("落款是哪个单位?")
    assert _ASKS_LEADER.search("牵头单位栏写的谁?是不是县长挂帅?")
    leader = _LEADER_LINE.search("牵头领导：县政府分管副县长；牵头单位：县司法局；责任单位：县直各行政执法部门")
    assert leader.group(2) == "县政府分管副县长"


def test_the_kind_asked_is_not_the_topic_and_a_year_named_picks_its_sentence():
    from types import SimpleNamespace

    from assistant.evidence import Evidence
    from assistant.topic import topic_of
    assert "结果" not in topic_of("行政应诉的情况,伊犁2021年和漱泉2024年各是啥结果?")
    assert "目标" not in topic_of("公职律师这块,乌县和墨川各定了什么目标?")
    assert "目标" in topic_of("工作目标那部分讲了啥?")  # a heading's word stays
    ev = Evidence({"应诉": 3.0})
    item = SimpleNamespace(heading="", text="认真履行出庭应诉等职责。2021年,本级行政应诉案件4件,均得到维持判决。")
    assert ev.best_sentences("行政应诉 2021年", item)[0][1].startswith("2021年")


def test_a_heading_naming_other_years_than_asked_does_not_answer():
    """A report's "四、2025年工作打算" does not answer a question about 2024, whatever its title says."""
    from assistant.context_items import other_years_heading as _other_years_heading

    plan = SimpleNamespace(section_path="四、2025年工作打算 > (四)加强监督 > 11", text="复议调解和解率35%")
    done = SimpleNamespace(section_path="一、2024年度主要举措和成效 > (四)", text="纠错率14.8%")
    assert _other_years_heading(plan, ["2024"]) and not _other_years_heading(done, ["2024"])
    assert not _other_years_heading(plan, [])  # no year asked: every heading may answer


def test_a_count_by_a_value_of_the_time_limit_column():
    """"只写了长期坚持的有几项?": the column's own values say what may be filtered on."""
    from assistant.route_counts import value_filter

    item = lambda n, due, status="": SimpleNamespace(doc_id="d", kind="task", deadline=due, item_id=str(n), status=status)
    items = [item(1, "长期坚持"), item(2, "2025年6月底前"), item(3, "长期坚持"), item(4, "")]
    a = SimpleNamespace(items=items)
    query = SimpleNamespace(original="那张分工表有多少项的时限没写具体月份、只写了长期坚持?")
    keep, said = value_filter(a, query, items)
    assert [i.item_id for i in items if keep(i)] == ["1", "3"] and "长期坚持" in said
    assert value_filter(a, SimpleNamespace(original="长期坚持的任务由谁牵头?"), items) is None  # no count asked
    # a progress ledger's 完成状态 column: listed or counted by the value said
    items = [item(1, "6月底前", "已完成"), item(2, "9月底前", "滞后"), item(3, "长期", "序时推进"), item(4, "", "滞后")]
    a = SimpleNamespace(items=items)
    keep, said = value_filter(a, SimpleNamespace(original="台账里哪些任务滞后了?"), items)
    assert [i.item_id for i in items if keep(i)] == ["2", "4"] and "滞后" in said
    assert value_filter(a, SimpleNamespace(original="滞后的那项谁牵头?"), items) is None  # neither listed nor counted


def test_a_heading_the_asker_quotes_names_its_section():
    from assistant.sections import Section, find

    item = lambda n: SimpleNamespace(item_id=str(n), doc_id="d", text="任务", span=(n, n + 1))
    sections = [Section("d", ("二、重点任务", "依法履职"), (item(1), item(2))),
                Section("d", ("二、重点任务", "制度建设"), (item(3), item(4), item(5)))]
    match = find("任务清单“制度建设”这一类下面都有哪些任务?", sections, lambda t, x: 0.0, ("d",))
    assert match is not None and match.section.path[-1] == "制度建设"


def test_an_item_cited_by_its_number():
    from assistant.fields import cited_number, printed_number

    assert cited_number("第9项重大决策事项目录的完成时限") == 9
    assert cited_number("第十一条讲的是什么?") == 11
    assert cited_number("第9至12项由谁牵头?") is None and cited_number("第三部分有几条?") is None
    assert printed_number(SimpleNamespace(item_number="（3）", item_no=7)) == 3
    assert printed_number(SimpleNamespace(item_number="第十一条", item_no=11)) == 11
    assert printed_number(SimpleNamespace(item_number="", item_no=5)) == 5
    assert printed_number(SimpleNamespace(item_number="一二", item_no=4)) == 4  # no numeral: the ordinal


def test_a_collective_asked_by_what_each_member_is():
    """"我们是钧溪的镇政府", "碧岑的乡镇政府": the collective 各镇人民政府 / 各乡镇人民政府 of that place."""
    from assistant.unit_names import UnitNames, member_forms

    assert {"乡镇政府", "乡镇人民政府", "镇政府"} <= member_forms("各乡镇人民政府")
    assert member_forms("各有关部门") == set()  # 有关部门 is no body of its own
    item = lambda loc, units: SimpleNamespace(locality=loc, all_units=units)
    names = UnitNames([item("碧岑县", ("县司法局", "各乡镇人民政府")), item("钧溪市", ("市司法局", "各镇人民政府"))])
    assert names.find("碧岑的乡镇政府要承担几项?", ("碧岑县",)).name == "各乡镇人民政府"
    assert names.find("我们是钧溪的镇政府,哪些把我们列进了责任单位?", ("钧溪市",)).name == "各镇人民政府"
    assert names.find("碧岑县司法局牵头几项?", ("碧岑县",)).name == "县司法局"


def test_a_unit_asked_from_below_is_the_collective_the_document_addresses():
    """A county's bureau reading its city's plan, a township reading its county's: the document
    names them only all together (各县（市、区）司法局, 各乡镇, 各镇(街道)), never another place's
    unit of the same name."""
    from assistant.unit_names import UnitNames, member_forms

    assert member_forms("各县（市、区）司法局") == {"县司法局"}  # its level kept: 司法局 is the city's own
    assert {"县人民政府", "县政府"} <= member_forms("各县（市、区）人民政府")
    item = lambda loc, units: SimpleNamespace(locality=loc, all_units=units)
    names = UnitNames([item("檀峰市", ("市司法局", "各县（市、区）司法局")), item("乌县", ("县司法局", "各乡镇(管委会)")),
                       item("乌县", ("县财政局", "各乡镇(管委会)")), item("霁川县", ("县司法局", "各乡镇")),
                       item("松屿区", ("区司法局", "各镇（街道）"))])
    assert names.find("檀峰下面县里的司法局问一下,有哪些任务点了我们?", ("檀峰市",)).name == "各县（市、区）司法局"
    assert names.find("檀峰市司法局牵头哪些?", ("檀峰市",)).name == "市司法局"
    assert names.find("乌县的县司法局牵头哪些?", ("乌县",)).name == "县司法局"
    assert names.find("我们是霁川一个乡镇,哪些任务要我们做?", ("霁川县",)).name == "各乡镇"
    assert names.find("我们街道这边,松屿的方案有啥要做的?", ("松屿区",)).name == "各镇（街道）"
    assert names.find("我们是县水磨沟乡政府的,有哪些要落实?", ("乌县",)).name == "各乡镇(管委会)"
    assert names.find("乡镇执法改革是谁牵头?", ("霁川县",)) is None  # 乡镇 as a topic is no asker
    # the townships asking are every name the place's notes give them all together
    names = UnitNames([item("鹤汀市", ("市司法局", "各镇人民政府", "街道办事处")), item("鹤汀市", ("市应急管理局", "各镇(街道)")),
                       item("钧溪市", ("各镇人民政府",))])
    assert names.township_kin("各镇(街道)", ("鹤汀市",)) == ["各镇(街道)", "各镇人民政府", "街道办事处"]
    assert names.township_kin("市司法局", ("鹤汀市",)) == ["市司法局"]


def test_the_items_asked_then_who_does_them_is_a_units_task_list():
    from assistant.understand import understand

    names = {"各乡镇(管委会)", "县司法局"}
    assert understand("有哪些任务要县司法局落实?", known_units=names).intent == "unit_tasks"
    assert understand("哪几项要由县司法局负责?", known_units=names).intent == "unit_tasks"
    assert understand("哪些任务要由哪个单位落实?", known_units=names).intent != "unit_tasks"
    # the items whose unit column holds a unit
    assert understand("责任单位包含县司法局的是哪些?", known_units=names).intent == "unit_tasks"
    assert understand("配合单位里有县司法局的有哪几条?", known_units=names).unit == "县司法局"


def test_money_counted_by_what_it_pays():
    assert asked_kind("今年根治欠薪要帮农民工追回多少欠薪?").name == "money"


@pytest.mark.parametrize("question", [
    "我是新密市商务局的,今年这份安排给我们派了啥活?是挑头还是跟着干?",
    "市商务局在新密那份安排里出现过几次?当的牵头还是配合?",
    # where the asker works, said with 在 or as "我X局的", then whether anything is theirs
    "我在市商务局,新密那份安排里有我们的事吗?",
    "我市商务局的,新密安排里我们领着干的、给人打下手的各有哪些?",
    "市商务局在新密那份安排里总共被点了几次名?",
    # the share of the tasks a unit leads is counted from its list
    "新密那份安排里市商务局当牵头的占几成?",
])
def test_a_named_unit_and_the_tasks_handed_to_it(question):
    from assistant.understand import understand
    from assistant.unit_names import UnitNames

    names = UnitNames([SimpleNamespace(locality="新密市", all_units=("市商务局", "市司法局"))])
    query = understand(question, known_units=names, known_localities=("新密市",))
    assert (query.intent, query.unit) == ("unit_tasks", "市商务局")


def test_a_count_of_time_limits_falling_in_a_month():
    """"完成时限落在2024年12月(含“12月底前”)的有几项": every limit in that month, whatever its day."""
    from assistant.route_counts import field_filter

    keep, said = field_filter("岚峪那20项任务,完成时限落在2024年12月(含“12月底前”)的有几项?")
    due = lambda d: SimpleNamespace(deadline=d, text="")
    assert [keep(due(d)) for d in ("2024年12月", "2024年12月底前", "2024年11月", "长期坚持", "")] == \
        [True, True, False, False, False]
    assert "2024年12月" in said


def test_an_asker_who_says_who_they_are_and_asks_for_a_list_of_tasks():
    from assistant.understand import understand

    q = understand("我是蕖山市委编办的，三年行动方案里派给我们的活有哪些", known_units={"市委编办"},
                   known_localities=("蕖山市",))
    assert q.intent == "unit_tasks" and q.unit == "市委编办"
    q = understand("我是蕖山市委编办的，这项工作什么时候完成?", known_units={"市委编办"}, known_localities=("蕖山市",))
    assert q.intent != "unit_tasks"  # a date asked, not a list


def test_a_units_list_says_how_its_leads_and_parts_divide():
    from assistant.unit_lists import unit_tasks_text

    names = frozenset({"县司法局"})
    alone = _item(item_id="a", section="一、 1.", lead_units=("县司法局",))
    shared = _item(item_id="b", section="一、 2.", lead_units=("县司法局", "县委编办"))
    text = unit_tasks_text("县司法局", [alone, shared], "lead", names=names)
    assert "其中单独牵头1项、与其他单位共同牵头1项" in text
    helped = _item(item_id="c", section="二、 3.", lead_units=(), responsible_units=("县司法局",))
    text = unit_tasks_text("县司法局", [alone, helped], "any", names=names)
    assert "1项没有牵头单位" in text


def test_a_years_end_is_its_last_day_and_bodies_of_several_kinds_add_up():
    from datetime import date

    from assistant.compute import month_ends_in
    from assistant.compute_differences import _BODIES, _BODIES_ASKED

    assert month_ends_in("2023年底前基本建成全市基层政务公开标准体系", 2023) == [(date(2023, 12, 31), "2023年底前")]
    assert month_ends_in("2024年底前基本建成", 2023) == []  # another year's end is not this document's
    assert _BODIES.search("全县18个乡镇和42个县直部门主要负责人全部完成年终述法")
    assert _BODIES.search("年内对不少于3个乡镇、5个县直部门开展法治督察")
    assert not _BODIES.search("新增“一件事”场景15个、主题服务23个")  # not bodies
    assert _BODIES_ASKED.search("涉及多少个单位?") and not _BODIES_ASKED.search("涉及多少个乡镇?")


def test_a_reports_plans_for_next_year_are_plans_and_what_was_done_is_not_in_them():
    from assistant.value_kind import is_plan, missing_reason

    plan_point = _item(kind="point", doc_kind="情况报告", title="漱泉县人民政府关于2024年度法治政府建设情况的报告",
                       section_path="四、2025年度推进法治政府建设的主要安排 > 四是",
                       text="力争创成市级法治政府建设示范县。")
    result_point = _item(kind="point", doc_kind="情况报告", title=plan_point.title,
                         section_path="一、2024年法治政府建设工作情况 > （五）多元化解矛盾纠纷 > 一是",
                         text="全年收到行政复议申请97件，纠错12件。")
    assert is_plan(plan_point) and not is_plan(result_point)
    assert not is_plan(_item(kind="point", doc_kind="情况报告", title=plan_point.title,
                             section_path="二、2023年工作安排落实情况 > 一是"))  # what became of the plans
    assert missing_reason("那个示范县评上了吗?", [plan_point]).startswith("文件是工作计划")
    assert missing_reason("8个领域的监管执法一共查处了多少案件?", [plan_point]).startswith("文件是工作计划")
    assert missing_reason("行政复议纠错了多少件?", [result_point]) == ""


def test_a_place_with_its_documents_kind_and_a_comparison_asked_are_not_the_topic():
    from assistant.topic import topic_of

    topic = topic_of("行政调解要依法加强的领域，乌县方案和新密安排各列了哪些？有啥不同", ("乌鲁木齐县", "新密市"))
    assert "行政调解" in topic
    assert not any(w in topic for w in ("方案", "安排", "各列", "不同"))
    assert "应急预案" in topic_of("新密的应急预案怎么修订?", ("新密市",))  # a document word that is the topic stays


def test_items_counted_by_their_number_of_leads_with_the_count_asked_first():
    from assistant.unit_filters import count_filter

    assert count_filter("有几项是两家单位一起牵头的？")[1] == "牵头单位正好有两家"
    assert count_filter("牵头单位写了三家及以上的有几条?")[1] == "牵头单位有三家及以上"


def test_whether_there_is_a_lead_is_no_count_of_items_without_one():
    from assistant.route_counts import NO_LEAD

    assert not NO_LEAD.search("涉及县卫健委的有多少条？县卫健委有没有牵头的任务？")
    assert NO_LEAD.search("34项中,没有明确写出牵头单位的有多少项?")
    assert NO_LEAD.search("几项没写牵头单位?")


def test_a_chain_in_other_word_orders_reads_as_the_usual_one():
    from assistant.route_chain import ROLE_PATTERN, _canonical

    for question, first in [("在松屿建立行政调解事项清单那条里，牵头食品安全专项行动的那个局是什么角色？", "牵头食品安全专项行动"),
                            ("阜康推广双随机是由某个单位牵头的，这个单位在放管服那条里担任什么角色？", "牵头阜康推广双随机")]:
        m = ROLE_PATTERN.match(_canonical(question))
        assert m and m.group("first") == first and "角色" in m.group("rest")


def test_a_section_listed_in_so_many_words():
    from assistant import sections

    q = "请列一下乌县方案“深化放管服改革”这个小标题下的各条，以及每条的牵头单位。"
    assert sections.asks_contents(q) and sections.LISTS_ITEMS.search(q)
    # 工作安排 is one word that says "the document", not 工作 + a stray 安排
    assert "安" not in sections._heading_topic("工作安排中关于行政决策制度的那一大部分包含哪几项")


def test_a_lead_written_with_its_other_name_in_brackets_counts_as_the_unit():
    from assistant.unit_lists import lead_split, role_groups

    item = SimpleNamespace(lead_units=("市市场监管局(市知识产权局)",), responsible_units=(), participating_units=("市公安局",),
                           units_raw="主办单位：市市场监管局（市知识产权局）；协办单位：市公安局", text="")
    names = frozenset({"市市场监管局"})
    assert list(role_groups([item], names)) == ["牵头"]
    assert lead_split([item], names) == ([item], [])


def test_a_unit_said_by_the_first_characters_of_its_words():
    """市监局, 文旅局: the short name's characters stand in the name in order, start as it starts and
    end as it ends; four or more may keep only the words that tell it apart (执法监督科); taken only
    when one unit of the place fits."""
    from assistant.unit_names import UnitNames, _abbreviates

    assert _abbreviates("市监局", "市市场监督管理局") and _abbreviates("文旅局", "县文化和旅游局")
    assert _abbreviates("执法监督科", "行政执法协调监督科")
    assert not _abbreviates("司法局", "县司法局")  # said in full: a form, not an abbreviation
    assert not _abbreviates("政局", "市市场监督管理局") and not _abbreviates("市政局", "市市场监督管理局")
    item = lambda loc, units: SimpleNamespace(locality=loc, all_units=units)
    names = UnitNames([item("钧溪市", ("市市场监督管理局", "市司法局")), item("蘩川区", ("行政执法协调监督科", "法律事务科")),
                       item("乌县", ("县司法局",))])
    assert names.find("我们是钧溪市监局的,牵头几项?", ("钧溪市",)).name == "市市场监督管理局"
    # the place named has no 区司法局: the office said after it is the one asked about
    assert names.find("蘩川区司法局执法监督科这边问下,我们科几项?", ("蘩川区",)).name == "行政执法协调监督科"


def test_a_chain_said_as_the_lead_of_a():
    """"管权责清单的牵头单位还挑了哪些别的担子?" is "牵头A的那个单位,还牵头哪些?"; "…那个科,在别的任务里
    还有份吗?" asks every other item naming it, in any part."""
    from assistant.route_chain import PATTERNS, ROLE_PATTERN, _canonical

    text = _canonical("苈川那份要点里,管权责清单的牵头单位还挑了哪些别的担子?")
    assert text.startswith("苈川那份要点里,牵头管权责清单的那个单位,") and any(p.match(text) for p in PATTERNS)
    assert _canonical("权责清单的牵头单位是谁?") == "权责清单的牵头单位是谁?"  # one question, no chain
    assert ROLE_PATTERN.match("菰滨市监局牵头执法人员法治培训的那个科,在别的任务里还有份吗?")


def test_a_bureaus_own_plan_named_by_its_issuer():
    """"菰滨县市场监管局的执法案卷评查…": the issuer of the bureau's own plan names the document, so
    its name leaves the topic (a government's name, also a unit's, stays)."""
    from assistant.titles import Titles
    from assistant.understand import Query

    item = lambda doc, issuer, units: SimpleNamespace(doc_id=doc, title="2024年工作任务分工方案", locality="菰滨县",
                                                      issuer=issuer, all_units=units)
    titles = Titles([item("d1", "菰滨县市场监督管理局", ("法规科", "人事教育科"))])
    query = Query(text="菰滨县市场监管局的执法案卷评查,一年至少评多少卷", original="", lang="zh",
                  localities=("菰滨县",), intent="number", topic="市场监管局执法案卷评查 至少评卷")
    assert "市场监管局" not in titles.without_title(query).topic
    titles = Titles([item("d2", "菰滨县人民政府", ("县司法局",))])
    assert titles.without_title(query).topic == query.topic


def test_a_name_is_held_only_by_the_clause_that_says_the_thing_named():
    """"是个什么项目?": a quote two clauses before the project names something else."""
    from assistant.value_kind import KINDS, holds

    name = next(k for k in KINDS if k.name == "name")
    aim = SimpleNamespace(text="行政执法“三项制度”全面落实，力争创成省级法治政府建设示范项目1个。")
    assert not holds(name, [aim], "力争创成的那个示范项目,是个什么项目?")
    named = SimpleNamespace(text="制定政府规章2个，即《城市养犬管理办法》《秸秆禁烧管理办法》。")
    assert holds(name, [named], "制定的2个政府规章叫什么名字?")


def test_a_leader_is_held_by_the_tasks_own_leader_column():
    """"是哪位县领导分管的?" is declined only when neither the task's text nor its fields name a
    leader: a 牵头领导 column holds one its text never says."""
    from assistant.value_kind import KINDS, holds

    leader = next(k for k in KINDS if k.name == "leader")
    bare = SimpleNamespace(text="开展规范性文件专项清理，9月底前公布。", units_raw="责任单位：县司法局")
    led = SimpleNamespace(text="开展行政执法质量提升行动。", units_raw="牵头领导：县政府分管副县长；牵头单位：县司法局")
    assert not holds(leader, [bare], "专项清理那项是哪位县领导分管的")
    assert holds(leader, [led], "执法质量提升行动是哪位县领导分管的")


def test_a_section_said_after_its_bureau_is_the_one_asking():
    """"我是苕岙交通局法规股的": the 股 said right after its bureau is the unit asked about, found by
    how its name ends (政策法规股) or by its telling words, when one unit of the place fits; a
    bureau's 办公室 is not the government's."""
    from assistant.unit_names import UnitNames

    item = lambda loc, units: SimpleNamespace(locality=loc, all_units=units)
    names = UnitNames([item("苕岙县", ("县交通运输局", "政策法规股", "运输管理股", "办公室")),
                       item("蓼汀县", ("县交通运输局", "法规股"))])
    assert names.find("我是苕岙交通局法规股的,我们股牵头几项?", ("苕岙县",)).name == "政策法规股"
    assert names.find("苕岙交通局运管股牵头几项?", ("苕岙县",)).name == "运输管理股"
    assert names.find("苕岙交通局牵头几项?", ("苕岙县",)).name == "县交通运输局"
    assert names.find("苕岙交通局办公室牵头几项?", ("苕岙县",)).name == "办公室"


def test_two_units_compared_after_what_is_said_of_the_first():
    """"县司法局挂牵头的,比县政府办公室多几项?": a comma may stand before 比."""
    from assistant.unit_names import UnitNames

    item = lambda loc, units: SimpleNamespace(locality=loc, all_units=units)
    names = UnitNames([item("芷泾县", ("县司法局", "县政府办公室"))])
    pair = names.find_pair("芷泾分工表上县司法局挂牵头的,比县政府办公室多几项?各多少", ("芷泾县",))
    assert pair and [m.name for m in pair] == ["县司法局", "县政府办公室"]


@pytest.mark.parametrize("question, intent", [
    ("莳源政务公开那条(主动公开不少于2500条),按职责分工负责的都有哪些单位?", "responsible"),
    ("政务公开那条,负责的一共有哪几家单位?", "responsible"),
    ("那一条括号里排第一的是司法局,后面还有哪些?", "responsible"),
    ("这条其余的是哪些单位?", "responsible"),
    ("那一条后面还有什么要求?", "other"),
])
def test_the_units_of_an_item_asked_with_a_word_between(question, intent):
    assert detect_intent(question) == intent


def test_only_the_part_asked_when_the_document_gives_a_unit_both():
    """"只是配合单位的有几条?": the items where it is 配合, not those where it is 责任单位, when the
    document gives it both parts; a document that gives it one part lists all of them."""
    from assistant.unit_lists import of_part_asked

    names = frozenset({"县司法局"})
    mk = lambda resp, part, raw: SimpleNamespace(lead_units=("县委编办",), responsible_units=resp,
                                                 participating_units=part, units_raw=raw, text="")
    helping = mk((), ("县司法局",), "牵头单位：县委编办；配合单位：县司法局")
    charged = mk(("县司法局",), (), "牵头单位：县委编办；责任单位：县司法局")
    assert of_part_asked([helping, charged], names, "我们只是配合单位的有几条?") == [helping]
    assert of_part_asked([helping, charged], names, "只当责任单位的有几条?") == [charged]
    assert of_part_asked([helping, charged], names, "不牵头的有几条?") == [helping, charged]
    assert of_part_asked([helping], names, "只是配合的有几条?") == [helping]


def test_a_section_named_with_its_documents_title_words():
    """"蓁溪那份重点任务第五部分执法这块": 重点 is the title's (重点工作任务), not a part's
    (加强重点领域执法); "执法规范那一段列了几点" names a section by its heading's words."""
    from assistant.sections import Section, _part_named, _topic_in, _without_words_of, asks_contents, Match

    assert _without_words_of("重点 执法", "蓁溪县2025年法治政府建设重点工作任务").split() == ["执法"]
    assert asks_contents("执法规范那一段列了几点?") and not asks_contents("明天几点钟开会?")
    title = "蓁溪县2025年法治政府建设重点工作任务"
    it = lambda path: SimpleNamespace(title=title, section_path=path, doc_id="d", span=(0, 1), kind="task")
    five = Section("d", ("五、严格规范公正文明执法",), (it("五、严格规范公正文明执法 > (九)"), it("五、严格规范公正文明执法 > (十一)加强重点领域执法")))
    inner = Section("d", ("五、严格规范公正文明执法", "(十一)加强重点领域执法"), five.items[1:])
    words = lambda a, b: sum(w in b for w in a.split()) / max(1, len(a.split())) if a.strip() else None
    assert _topic_in("重点 执法", inner).split() == ["执法"]
    found = _part_named("那份重点任务第五部分执法这块,几条", Match(five, "number", 1.0), [five, inner], words, ("d",))
    assert found.section is five


def test_a_counter_asked_with_its_noun():
    from assistant.fields import counter_of, other_counter

    assert counter_of("这块占几分,分成哪几个小项?") == "个"
    assert counter_of("下面有几个二级指标?") == "个"
    assert other_counter("点") == "项"  # "共4点,即下列4项"


def test_members_named_one_by_one_by_their_titles():
    """"贯彻的是哪两个规定?": two 《…》 titles, each in a sentence of its own, list them."""
    from assistant.value_kind import KINDS, holds

    members = next(k for k in KINDS if k.name == "members")
    item = SimpleNamespace(text="推进法律顾问制度。贯彻落实《某市人民政府法律顾问工作规则》,强化激励保障。"
                                "贯彻落实《某省公职律师管理实施办法》等有关规定。", units_raw="")
    assert members.asks.search("那条贯彻的是哪两个规定?") and holds(members, [item], "那条贯彻的是哪两个规定?")
    bare = SimpleNamespace(text="推进法律顾问制度,贯彻落实有关规定。", units_raw="")
    assert not holds(members, [bare], "那条贯彻的是哪两个规定?")


def test_a_role_column_said_to_hold_a_unit_counts_that_roles_units():
    """"配合栏里写了“各乡镇人民政府”的有几项": a table's columns leave no unit note to search, so
    the role's own units are read."""
    from dataclasses import replace

    from assistant.route_counts import field_filter
    from corpus.types import TaskItem

    def row(n, part=(), resp=()):
        return TaskItem(item_id=f"t{n}", doc_id="d", doc="d.xlsx", title="t", locality="岚峪县", section=f"{n}.",
                        section_path=f"{n}.", text="开展工作。", span=(n, n + 1), lead_units=("县司法局",),
                        responsible_units=resp, participating_units=part, kind="task")

    keep, said = field_filter("那张清单上配合栏里写了“各乡镇人民政府”的有几项,都是啥")
    assert said == "配合栏写“各乡镇人民政府”"
    assert [keep(i) for i in (row(1, part=("各乡镇人民政府",)), row(2, resp=("各乡镇人民政府",)), row(3))] == [True, False, False]
    # never less than the unit note says: a note the parser read into other names still counts
    assert keep(replace(row(4), units_raw="(配合单位:各乡镇人民政府、街道办事处)"))
