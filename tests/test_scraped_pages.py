"""Conventions of plans and notices as public pages serve them (seen in real published excerpts,
written here for fictional places): a page whose line breaks became spaces, a 落款 dated in Chinese
numerals, a notice title whose verb stands before the place, a layout table left as runs of bars, a
part of prose that gives its work to units (`由A牵头`), and an older plan that names its units only
as the subjects of its sentences."""
from __future__ import annotations

from corpus.clean import clean
from corpus.flat_lines import restore_breaks
from corpus.metadata import read_metadata
from corpus.pipeline import parse_text
from assistant.actors import actor_sentences
from assistant.evidence import answers_measure

ONE_LINE = ("岑川市人民政府办公室关于印发《2011年依法行政工作任务分解表》的通知 岑府办发〔2011〕12号 "
            "各县(市、区)人民政府,市各委、办、局: 现将今年依法行政工作任务分解表印发给你们,请认真贯彻执行。 "
            "二〇一一年三月八日 2011年依法行政工作任务分解表 序号 工 作 内 容 责任部门 完成时限 "
            "一、推进依法行政规划落实 1 制定年度依法行政工作意见 各县市区政府,政府各部门 四月份 "
            "2 清理公布行政执法主体资格名单 各地政府法制办 二季度 "
            "二、健全考核体系 3 探索建立依法行政考核指标体系,开展年终考核 市政府法制办、市监察局 全年")


def test_a_page_whose_line_breaks_became_spaces_is_cut_back_into_lines_and_its_table_read():
    lines = restore_breaks([ONE_LINE])
    assert "工作内容" in lines and "责任部门" in lines  # the header spaced out letter by letter, joined
    assert "2011年依法行政工作任务分解表" in lines
    doc = parse_text(ONE_LINE, file="flat.txt")
    tasks = [(i.item_number, i.responsible_units, i.deadline) for i in doc.items if i.kind == "task"]
    assert tasks == [("1", ("各县市区政府", "政府各部门"), "四月份"), ("2", ("各地政府法制办",), "二季度"),
                     ("3", ("市政府法制办", "市监察局"), "全年")]
    assert doc.doc.date == "2011-03-08"  # the 落款 in Chinese numerals, once it stands on its own line


def test_an_ordinary_paragraph_keeps_its_stray_spaces():
    para = "全面推进政务公开。" * 20 + "按照 规定 公开"
    assert restore_breaks([para]) == [para]
    table = "1  规范行政执法  县司法局  长期" * 8  # columns apart by runs of spaces: not lost breaks
    assert restore_breaks([table]) == [table]


def test_a_signature_dated_in_chinese_numerals():
    for date, want in (("二○○六年一月二十五日", "2006-01-25"), ("二00九年四月二日", "2009-04-02"),
                       ("二〇一〇年十二月三十日", "2010-12-30")):
        text = f"关于印发《岑川县规范性文件清理工作方案》的通知\n各乡镇人民政府:\n现印发给你们。\n岑川县人民政府\n{date}\n"
        assert read_metadata(text).date == want


def test_the_place_stands_after_a_notice_titles_verb_or_a_reports_year():
    assert read_metadata("关于公布岑川县人民政府2019年度重大行政决策目录的通知\n正文").locality == "岑川县"
    assert read_metadata("2020年岑山区法治政府建设情况报告\n正文").locality == "岑山区"


def test_a_layout_tables_bars_and_a_breadcrumb_are_chrome():
    text = clean("您所在的位置:首页 > 政务公开 > 通知公告\n关于公布岑川县决策目录的通知 | ||||||||\n|\n||||||||\n正文。\n")
    assert [ln for ln in text.split("\n") if ln] == ["关于公布岑川县决策目录的通知", "正文。"]


def test_a_part_of_prose_that_gives_its_work_to_units_is_a_task():
    text = ("岑川县社区法治宣传方案\n一、宣传内容\n宣传宪法和民法典。\n二、工作方式\n"
            "对各场所进行责任主体划分,由县依法治县办牵头,各单位共同参与。\n三、工作要求\n"
            "1.各单位要制作宣传专栏。\n2.各社区要开展宣传活动。\n")
    doc = parse_text(text, file="prose.txt")
    part = next(i for i in doc.items if "责任主体划分" in i.text)
    assert part.kind == "task" and part.lead_units == ("县依法治县办",)


def _actors(text, topic="", heading=""):
    return [names for names, _ in actor_sentences(text, topic, heading)]


def test_units_named_as_the_subjects_of_a_plans_sentences():
    assert _actors("对上报结果,由县政府法制办公室进行统一审核。") == [["县政府法制办公室"]]
    assert _actors("县政府法制办要对清理工作实施督促和指导。") == [["县政府法制办"]]
    assert _actors("各乡镇人民政府和县直各部门要统筹考虑。") == [["各乡镇人民政府", "县直各部门"]]
    assert _actors("重大执法决定作出前,必须经本部门(单位)法制机构进行法制审核。") == [["本部门(单位)法制机构"]]
    assert _actors("行政执法部门依据错案追究制度作出的决定,应当在30日内报市监察机关备案。") == [["行政执法部门"]]
    # of several, the sentence about what is asked
    two = "县司法局要组织培训。县市场监管局要开展抽查。"
    assert _actors(two, "开展抽查") == [["县市场监管局"]]
    # a body the text only mentions, after a verb, is no actor; nor a unit's possession
    assert _actors("县司法局的职责是指导清理。") == []
    assert _actors("评查结果向同级司法行政机关报备。") == []
    assert _actors("发现违纪问题的,移送县纪委监委处理。") == []
    assert _actors("邀请县人民法院参加案卷评查。") == []


def test_a_sentence_that_opens_with_a_bare_modal_has_the_last_ones_subject():
    speech = "县长要求,各乡镇、县级各部门要深化公正执法,锚定目标;要严格落实重大行政决策程序。要深化权力监督。"
    assert _actors(speech, "重大行政决策程序") == [["各乡镇", "县级各部门"]]
    assert _actors("各级政府及其执法部门要高度重视。") == [["各级政府及其执法部门"]]  # 及其: one name


def test_an_item_asked_by_its_heading_gives_every_sentences_units():
    text = "加强工作领导。县政府要高度重视。县司法局、县人社局要密切配合,做好各项工作。"
    assert _actors(text, "加强工作领导 这部分", heading="加强工作领导") == [["县政府"], ["县司法局", "县人社局"]]
    assert _actors(text, "密切配合", heading="加强工作领导") == [["县司法局", "县人社局"]]


def test_a_time_of_year_said_in_words_answers_when():
    assert answers_measure("每年什么时候报告?", "区政府每年第一季度向区委报告上一年度法治政府建设情况。")
    assert answers_measure("意见要在什么时候出台?", "出台年度推进依法行政工作的意见,四月份完成。")
    assert not answers_measure("什么时候报告?", "区政府向区委报告法治政府建设情况。")


OLD_PLAN = ("岑川县规范性文件清理工作方案\n一、清理范围\n县政府及其部门制发的规范性文件。\n二、工作步骤\n"
            "(一)自查阶段。各单位对本单位制发的规范性文件逐件清理,提出处理意见。\n"
            "(二)统一审核阶段。对上报的清理结果,由县政府法制办公室进行统一审核,报县政府常务会议审议。\n"
            "(三)总结阶段。县政府对清理工作进行总结,对漏清错清的单位提出批评。\n")
LABELLED = ("岑山县2024年依法行政工作要点\n一、重点任务\n1.开展规范性文件清理。由县政府法制办公室进行统一审核。\n"
            "2.加强行政执法监督。(县司法局牵头,县直各部门负责)\n3.推进政务公开。(县政府办公室牵头)\n")


def test_asked_who_leads_an_older_plan_that_names_units_only_as_subjects(tmp_path):
    from tests.small_plans import assistant_over

    a = assistant_over(tmp_path, old_txt=OLD_PLAN, new_txt=LABELLED)
    d = a.answer("岑川县规范性文件清理方案里,上报的清理结果统一审核由哪个部门牵头?").to_dict()
    assert d["status"] == "answered" and "县政府法制办公室" in d["answer"] and "没有" in d["answer"]
    # a plan that prints unit notes and none for this item has given it to nobody
    d = a.answer("岑山县工作要点第1项开展规范性文件清理由哪个单位牵头?").to_dict()
    assert d["status"] == "not_found" and "县政府法制办公室" not in d["answer"].split("相关的规定")[0]


def test_a_notices_attachment_list_is_one_line_not_tasks_under_the_last_paragraph():
    text = ("岑川县规范性文件清理工作方案\n一、工作步骤\n(一)自查。各单位逐件清理。\n(二)审核。县司法局统一审核。\n"
            "二、有关要求\n(一)加强领导。各单位要高度重视。\n(二)加强督导。县司法局要实施督促和指导。\n"
            "附件:\n1.废止的规范性文件目录\n2.现行有效的规范性文件目录\n二〇〇九年四月二日\n")
    doc = parse_text(text, file="plan.txt")
    assert [i.item_number for i in doc.items if i.kind == "task"] == ["(一)", "(二)", "(一)", "(二)"]
    assert "加强督导" in doc.items[-1].text  # its paragraph kept, not taken for a heading over 1. 2.
    assert "附件: 1.废止的规范性文件目录 2.现行有效的规范性文件目录" in clean(text)


def test_a_plan_republished_in_traditional_characters_is_read_in_simplified():
    text = ("岑陽市2022年深化放管服改革工作要點\n一、推動審批全鏈條優化\n"
            "1.全面實施行政許可事項清單管理。2022年10月底前編制並公布市、縣兩級行政許可事項清單。"
            "(市政府辦公室、市司法局牽頭,市級各有關部門及各縣市區政府按職責分工負責)\n"
            "2.深化相對集中行政許可權改革。(市行政審批局牽頭)\n3.推進證明事項告知承諾制。(市司法局牽頭)\n")
    doc = parse_text(text, file="plan.txt")
    first = next(i for i in doc.items if i.kind == "task")
    assert first.lead_units == ("市政府办公室", "市司法局")
    assert first.responsible_units == ("市级各有关部门", "各县市区政府")
    assert doc.doc.locality == "岑阳市"
    plain = "全面实施行政许可事项清单管理。"
    assert clean(plain) == plain  # a Simplified text is left as it is


def test_a_news_reports_place_is_where_its_opening_says_the_work_took_place():
    assert read_metadata("近日,岑川县在县会展中心召开依法治县工作推进会。会议要求…").locality == "岑川县"
    # a place named in passing is not the page's
    assert read_metadata("会议指出,全县各级各部门要落实。根据岑州市要求,本县推进工作。").locality == ""


# A county's own report names itself only bare. The stem must be a real place name (jieba's
# dictionary is the gazetteer), so these sentences are made up around real stems.
SELF_NAMED = ("今年以来,我县坚持以习近平法治思想为指导,县委、县政府高度重视,一体推进法治武定、法治政府、"
              "法治社会建设。县司法局牵头开展行政执法案卷评查。")


def test_a_report_that_calls_itself_only_我县_is_placed_by_the_stem_it_names_itself_with():
    meta = read_metadata(SELF_NAMED)
    assert (meta.locality, meta.level) == ("武定县", "县")


def test_a_bare_stem_is_no_place_when_it_is_a_common_word_or_the_text_names_another_county_whole():
    from corpus.gazetteer import self_named_place

    assert self_named_place("我县扎实推进平安建设,全县上下维护和平稳定。") == ("", "")  # 平安, 和平: words
    # 青阳 said whole (青阳县) is a county the text speaks of, not itself
    assert self_named_place("我县组织赴青阳县学习,借鉴青阳经验。") == ("", "")
    assert self_named_place("一体推进法治武定建设。") == ("", "")  # no 我县 / 县委: no level to give it
    # a district that was a county (铜梁县 in the dictionary) takes the level it gives itself
    assert self_named_place("区委、区政府高度重视,区司法局落实市委实施方案和铜梁具体举措。") == ("铜梁区", "区")


CATALOGUE = """岑川县人民政府关于公布2026年度重大行政决策事项目录的通知
各乡镇人民政府,县政府各部门:
现将《岑川县2026年度重大行政决策事项目录》印发给你们,承办单位要严格履行决策程序。
岑川县人民政府
2026年3月2日
序号 | 事项名称 | 事项分类 | 承办 单位 | 拟决策时间 |
1 | 岑川县城区停车设施专项规划 | 重要规划 | 县住建局 | 2026年6月 |
2 | 岑川县农村供水工程运行管理办法 | 重大公共政策 | 县水利局 | 2026年9月 |
抄送:县委办公室 | 县人大常委会办公室"""


def test_a_decision_catalogue_rendered_as_bar_joined_cells_is_read_as_a_table_of_承办单位():
    doc = parse_text(CATALOGUE, file="catalogue.txt")
    rows = [(i.responsible_units, i.deadline) for i in doc.items if i.kind == "task"]
    assert rows == [(("县住建局",), "2026年6月"), (("县水利局",), "2026年9月")]
    # a line with bars but no header above it is prose
    assert "抄送" in clean("前言\n抄送:县委办公室 | 县人大常委会办公室 | 县政协办公室")


def test_a_document_with_no_place_is_named_by_a_place_its_opening_speaks_of_or_by_its_date():
    from types import SimpleNamespace as Item

    from assistant.named_documents import NamedDocuments

    items = [Item(doc_id="a", locality="", span=(0, 9), title="", date="2006-01-25",
                  text="各县(市)、区人民政府要于2006年4月20日前报告推行情况。"),
             Item(doc_id="b", locality="", span=(0, 9), title="2023年工作总结", date="",
                  text="2023年,福田区司法局坚持依法行政,牵头构建法治政府建设新格局。"),
             Item(doc_id="c", locality="岑川县", span=(0, 9), title="岑川县方案", date="2006-01-25", text="…")]
    named = NamedDocuments(items)
    assert named.named("福田区2023年组织多少人参加学法考试?") == ("b",)
    assert named.named("2006年1月25日那份实施意见由谁牵头?") == ("a",)  # (c has a place: its own search)
    assert named.named("2006年1月那份意见要求什么时候前报告?") == ("a",)
    assert named.named("2006年3月那份意见…") == ()
    assert named.named("那份2023年工作总结里…") == ("b",)  # a year in a title with no 落款 date


def test_a_phrase_only_one_placeless_document_prints_names_that_document():
    from types import SimpleNamespace as Item

    from assistant.named_documents import NamedDocuments
    from assistant.understand import Query

    items = [Item(doc_id="a", locality="", span=(0, 9), title="全文", date="",
                  text="全面落实“三个一批”工作法,建设岑川名城。"),
             Item(doc_id="b", locality="", span=(0, 9), title="", date="", text="推进依法行政。")]
    question = "提出“三个一批”工作法的那份要点,清单管理由谁牵头?"
    query = Query(text=question, original=question, lang="zh", localities=(), intent="lead",
                  topic="提出 三个一批 工作法 那份要点 清单管理", phrases=("三个一批",))
    scoped = NamedDocuments(items).scoped(query)
    assert scoped.docs == ("a",) and "三个一批" not in scoped.topic and "清单管理" in scoped.topic
    plain = Query(**{**query.__dict__, "original": "“三个一批”是什么?", "text": "“三个一批”是什么?"})
    assert NamedDocuments(items).scoped(plain).docs == ()  # the phrase is what is asked: no document named


def test_a_unit_named_only_as_a_subject_has_those_sentences_as_its_work():
    from types import SimpleNamespace as Item

    from assistant.acting_tasks import acting_sentences, same_body, unlabelled

    items = [Item(doc_id="a", span=(0, 1), all_units=(), heading="",
                  text="对上报结果,由县政府法制办公室进行统一审核。县直各部门要统筹安排。"),
             Item(doc_id="a", span=(2, 3), all_units=(), heading="", text="县政府法制办要实施督促和指导。"),
             Item(doc_id="b", span=(0, 1), all_units=("县司法局",), heading="", text="县政府法制办要培训。")]
    pool = unlabelled(items)
    assert [i.doc_id for i in pool] == ["a", "a"]  # a document that prints notes has said whose work is whose
    found = acting_sentences(pool, "县政府法制办")
    assert [(s, n) for _, s, n in found] == [("对上报结果,由县政府法制办公室进行统一审核。", "县政府法制办公室"),
                                             ("县政府法制办要实施督促和指导。", "县政府法制办")]  # as printed
    assert same_body("市法制办", "市政府法制办") and not same_body("市司法局", "县司法局")


def test_a_page_of_no_known_kind_that_says_nothing_is_to_be_done_is_no_plan():
    from types import SimpleNamespace as Item

    from assistant.value_kind import is_plan

    def item(text, title=""):
        return Item(kind="task", status="", text=text, doc_kind="", title=title, section_path="一、")

    assert not is_plan(item("受理问题线索145条,纳入问题清单23条并全部整改到位。"))  # a report with no title
    assert is_plan(item("各乡镇要在6月底前完成清理。"))  # the same page's work still to do
    assert is_plan(item("受理问题线索145条。", title="岑川县2026年依法行政工作要点"))  # a plan's title says so


def test_a_departments_report_on_its_own_year_is_its_authors_work():
    from types import SimpleNamespace as Item

    from assistant.actors import own_work_of

    report = ("2025年,岑川市蕺塘区司法局坚持以习近平法治思想为指导,扎实推进法治政府建设。\n"
              "一、牵头构建法治政府建设新格局\n搭建法律顾问架构,全年开展合法性审查53件。")
    meta = read_metadata(report)
    assert meta.issuer == "岑川市蕺塘区司法局"
    point = Item(issuer=meta.issuer, title=report.split("\n")[0])  # (its opening stands for its title)
    assert own_work_of(point) == "岑川市蕺塘区司法局"
    assert own_work_of(Item(issuer="岑川县人民政府", title="")) == ""  # a government's report: every department's
    assert own_work_of(Item(issuer="岑川县司法局", title="岑川县2026年普法工作要点")) == ""  # a plan gives work out
    assert own_work_of(Item(issuer="中共岑川市委办公室、岑川市人民政府办公室", title="")) == ""  # a joint notice
    assert own_work_of(Item(issuer="岑川县司法局", title="岑川县司法局2025年法治政府建设情况报告")) == "岑川县司法局"


def test_a_bureau_of_another_district_does_not_name_a_reports_issuer():
    from types import SimpleNamespace as Item

    from assistant.titles import Titles
    from assistant.understand import Query

    report = Item(doc_id="d1", title="", locality="岑川区", issuer="岑川区司法局", all_units=())
    query = Query(text="蕺塘区司法局协同哪个部门开展述法?", original="", lang="zh", localities=(),
                  intent="lead", topic="蕺塘区司法局协同 开展述法")
    assert Titles([report]).without_title(query).localities == ()  # 区司法局: every district has one


def test_a_page_whose_opening_writes_its_place_whole_takes_no_bare_stem_from_its_footer():
    from corpus.gazetteer import self_named_place

    text = ("行政执法案卷是执法行为的有形载体。今年以来,牡丹区司法局聚焦严格规范公正文明执法目标,开展全区行政处罚案卷评查。\n"
            "强化部署。区司法局细化任务分工,明确评查标准。\n全区共评查案卷120卷。\n来源:菏泽司法微信公众号\n")
    assert self_named_place(text) == ("", "")  # not 菏泽区: the page is 牡丹区's, written whole
