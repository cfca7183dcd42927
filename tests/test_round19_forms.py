"""Four forms of round 19 of the layouts, as conventions of how such documents are written: a 任务承接清单
that quotes its parent's task and lead beside its own division, a speech whose tasks are 第一，… paragraphs
with spoken assignments, an infographic's cards (a number over a title, role words in bold, a key under
the cards), and the questions asked of them: how an item's units divide the work, when it is due after
what it requires, which firm builds it (not in a plan), and which tasks have no lead."""
from __future__ import annotations

from corpus.pipeline import parse_text, read_document
from corpus.tables import header_roles
from tests.small_plans import assistant_over


def _tasks(doc):
    return [(i.item_number, i.lead_units, i.responsible_units, i.participating_units) for i in doc.items
            if i.kind == "task"]


TAKE_OVER = ("芩源市贯彻落实《岑州市2026年法治政府建设工作要点》任务承接清单\n"
             "序号\t岑州市要点任务\t岑州市牵头单位\t我市承接举措\t牵头单位\t配合单位\t完成时限\n"
             "一、政府职能\n"
             "1\t动态调整行政许可事项清单。\t市政务服务管理局\t6月底前完成本级行政许可事项清单调整。\t市政务服务中心\t市司法局\t2026年6月底前\n"
             "2\t全面落实行政执法“三项制度”。\t市司法局\t每个执法部门抽查案卷不少于15卷。\t/\t市直各行政执法部门\t长期\n"
             "3\t公开法治政府建设年度报告。\t市司法局\t4月1日前向社会公开上一年度报告。\t/\t/\t2026年4月1日前\n"
             "注：1.“岑州市要点任务”“岑州市牵头单位”两栏照录上级文件，不是我市任务分工。\n"
             "2.我市“牵头单位”栏为“/”的，不设牵头单位，由“配合单位”栏所列单位按职责分工负责。\n")


def test_a_parent_plans_columns_are_quoted_beside_the_row_never_its_units():
    roles = header_roles(["序号", "岑州市要点任务", "岑州市牵头单位", "我市承接举措", "牵头单位", "配合单位", "完成时限"])
    assert roles == {0: "no", 1: "quoted:岑州市要点任务", 2: "quoted:岑州市牵头单位", 3: "text", 4: "lead",
                     5: "participating", 6: "deadline"}
    # without a plain column of the same role, a qualified name is this plan's own (a county's 市级牵头单位)
    assert header_roles(["序号", "重点任务", "市级牵头单位", "县级责任单位"]) == {0: "no", 1: "text", 2: "lead",
                                                                              3: "responsible"}
    doc = parse_text(TAKE_OVER, file="list.txt")
    assert _tasks(doc) == [
        ("1", ("市政务服务中心",), (), ("市司法局",)),
        ("2", (), ("市直各行政执法部门",), ()),  # 注2: no lead, the supporting units responsible
        ("3", (), (), ()),
    ]
    first = next(i for i in doc.items if i.kind == "task")
    assert first.heading == "动态调整行政许可事项清单。"  # the task taken over names the row
    assert "6月底前完成本级行政许可事项清单调整" in first.text and "岑州市牵头单位：市政务服务管理局" in first.text


SPEECH = ("苓川县人民政府门户网站\n"
          "首页 > 政务公开 > 领导讲话\n"
          "在全县法治政府建设工作会议上的讲话\n"
          "县委副书记、县长　某某\n"
          "（2026年3月9日）\n"
          "来源：苓川县人民政府办公室　　发布时间：2026-03-10 09:00\n"
          "同志们：\n"
          "一、回顾过去一年\n"
          "　　县司法局牵头审查合同40件。\n"
          "二、今年重点抓好三件事\n"
          "　　第一，要清理证明事项，年内取消不少于10项。由县发展改革局牵头，县司法局配合。\n"
          "　　第二，要规范涉企检查。这项工作由分管副县长牵头协调，县市场监管局具体牵头，县司法局配合。\n"
          "　　第三，要管好规范性文件。这件事不设牵头单位，由县司法局和各乡镇人民政府按职责分工负责。\n"
          "三、压实责任\n"
          "　　第一，要落实述法制度。由县委依法治县办牵头，县委组织部配合。\n"
          "【打印本页】【关闭窗口】\n"
          "主办：苓川县人民政府办公室　　网站标识码：3300000001\n")


def test_a_speechs_points_are_its_tasks_and_its_chrome_is_not_text():
    doc = parse_text(SPEECH, file="speech.txt")
    assert _tasks(doc) == [
        ("第一", ("县发展改革局",), (), ("县司法局",)),
        ("第二", ("县市场监管局",), (), ("县司法局",)),  # the 副县长 is a person
        ("第三", (), ("县司法局", "各乡镇人民政府"), ()),
        ("第一", ("县委依法治县办",), (), ("县委组织部",)),  # numbering restarts in 三、, footer not a lead
    ]
    first = doc.items[0]
    assert (first.title, first.date, first.locality) == ("在全县法治政府建设工作会议上的讲话", "2026-03-09", "苓川县")


CARDS = ("<html><body><div>当前位置：首页 > 政策解读</div>"
         "<h1>一图读懂｜《芗塘区2026年法治政府建设工作要点》</h1>"
         "<h3>板块一　职能履行</h3>"
         "<div class='card'><span class='no'>01</span><h4>权责清单调整</h4><p>6月底前完成权责清单动态调整。</p>"
         "<p class='dw'><b>牵头</b>区委编办 <b>参与</b>区司法局</p></div>"
         "<div class='card'><span class='no'>02</span><h4>执法人员培训</h4><p>每人每年培训不少于60学时。</p>"
         "<p class='dw'><b>挂帅</b>区政府分管副区长 <b>牵头</b>区司法局 <b>落实</b>区直各部门</p></div>"
         "<div class='card'><span class='no'>03</span><h4>年度报告</h4><p>4月1日前公开年度报告。</p></div>"
         "<p>说明：卡片中“牵头”为牵头单位，“参与”为配合单位，“落实”为责任单位；“挂帅”为分管区领导。"
         "未标“牵头”的任务由“落实”单位按职责分工负责。</p></body></html>")


def test_an_infographics_cards_are_items_with_their_labelled_units(tmp_path):
    path = tmp_path / "cards.html"
    path.write_text(CARDS, "utf-8")
    assert _tasks(read_document(path)) == [
        ("01", ("区委编办",), (), ("区司法局",)),
        ("02", ("区司法局",), ("区直各部门",), ()),  # 挂帅 names a leader, never a unit
        ("03", (), (), ()),  # the key under the cards is not the last card's unit note
    ]


def test_questions_on_such_plans(tmp_path):
    a = assistant_over(tmp_path, speech_txt=SPEECH, list_txt=TAKE_OVER)
    division = a.answer("苓川讲话里涉企检查那一条，几个单位是怎么分工的？")
    assert division.status == "answered" and "县市场监管局" in division.text and "县司法局配合" in division.text
    due = a.answer("芩源承接清单里行政许可事项清单调整有什么要求？几时完成？")
    assert "2026年6月底前" in due.text
    firm = a.answer("苓川要清理证明事项，讲话里说由哪家公司承办了吗？")
    assert firm.status == "not_found" and "企业" in firm.text
    no_lead = a.answer("芩源承接清单里哪些任务没有设牵头单位？")
    assert "2项" in no_lead.text and "三项制度" in no_lead.text and "年度报告" in no_lead.text


# --- round 20: two more renderings of each form ------------------------------------------------------

RECTIFY = ("芮溪县关于法治督察反馈问题的整改方案\n"
           "一、总体要求\n"
           "　　坚持问题导向，逐条整改。\n"
           "二、问题清单及整改措施\n"
           "问题一：行政执法“三项制度”落实不到位。\n"
           "　　具体表现：抽查案卷60卷，9卷记录缺失。\n"
           "　　责任领导：县委常委、常务副县长\n"
           "　　整改措施：\n"
           "　　（1）开展行政执法案卷集中评查。每个执法部门抽查案卷不少于20卷。\n"
           "　　牵头单位：县司法局；责任单位：县直各行政执法部门；整改时限：2026年10月31日前\n"
           "　　（2）更新法制审核目录清单。\n"
           "　　责任单位：县直各行政执法部门；整改时限：2026年9月30日前\n"
           "问题二：行政复议工作存在短板。\n"
           "　　具体表现：调解和解率偏低。\n"
           "　　整改措施：\n"
           "　　（1）建立行政复议调解和解工作机制。调解和解率提高到35%以上。\n"
           "　　牵头单位：县司法局；配合单位：县信访局；整改时限：2026年11月30日前\n")


def test_a_rectification_plans_problems_head_their_measures_and_an_empty_field_heads_them_too():
    doc = parse_text(RECTIFY, file="rectify.txt")
    tasks = [i for i in doc.items if i.kind == "task"]
    assert [(i.section_path, i.lead_units, i.responsible_units, i.participating_units, i.deadline) for i in tasks] == [
        ("二、问题清单及整改措施 > 问题一：行政执法“三项制度”落实不到位。 > （1）", ("县司法局",), ("县直各行政执法部门",), (),
         "2026年10月31日前"),
        ("二、问题清单及整改措施 > 问题一：行政执法“三项制度”落实不到位。 > （2）", (), ("县直各行政执法部门",), (),
         "2026年9月30日前"),
        ("二、问题清单及整改措施 > 问题二：行政复议工作存在短板。 > （1）", ("县司法局",), (), ("县信访局",), "2026年11月30日前"),
    ]


SPOKEN = ("在全区法治政府建设工作会议上的讲话\n"
          "（2026年4月8日）\n"
          "二、聚焦重点\n"
          "　　（一）要优化营商环境。新出台涉企政策100%经过审核。这件事区发展改革局要牵好头，区市场监管局、区司法局要主动配合。\n"
          "　　（二）要规范重大决策。目录5月底前公布。区政府办公室牵头负总责，区司法局负责合法性审查，各决策承办单位要按职责分工抓好落实。\n"
          "　　（三）要提升执法水平。每人培训不少于40学时。这项工作由各街道办事处、区直各行政执法部门分别负责，区里不再单独指定牵头部门。\n"
          "　　（四）要加强队伍建设。任前考试要逐人过关。区委组织部、区司法局要各负其责。\n"
          "三、压实责任\n"
          "首先，要落实述法制度。区委依法治区办要牵头建立述法评议制度，区委组织部要积极配合。\n"
          "其次，要强化督察。今年组织2轮督察。这项工作由区委依法治区办牵头。\n"
          "最后，要加强宣传引导。\n")


def test_a_speech_says_roles_in_its_own_words_and_counts_its_points_in_sequence():
    assert _tasks(parse_text(SPOKEN, file="speech2.txt")) == [
        ("（一）", ("区发展改革局",), (), ("区市场监管局", "区司法局")),
        ("（二）", ("区政府办公室",), ("区司法局", "各决策承办单位"), ()),
        ("（三）", (), ("各街道办事处", "区直各行政执法部门"), ()),  # "不再单独指定牵头部门" names no unit
        ("（四）", (), ("区委组织部", "区司法局"), ()),
        ("首先", ("区委依法治区办",), (), ("区委组织部",)),
        ("其次", ("区委依法治区办",), (), ()),
        ("最后", (), (), ()),
    ]


MD_CARDS = ("# 一图读懂｜芷源区2026年法治政府建设工作要点\n\n"
            "> **图例**：`牵头` 后为牵头单位；`协同` 后为配合单位；`落实` 后为责任单位；`督导` 后为分管区领导。\n\n"
            "## PART 1　转职能\n\n"
            "### NO.1　深化“放管服”改革\n\n"
            "年内新增集成服务事项12个。\n\n"
            "**牵头**｜区政务服务管理局　**协同**｜区发展改革局、区数据局\n\n"
            "### NO.2　重大行政决策目录化管理\n\n"
            "目录4月底前公布。\n\n"
            "**督导**｜区政府常务副区长　**牵头**｜区政府办公室　**落实**｜区司法局\n\n"
            "### NO.3　行政复议提质增效\n\n"
            "平均审结期限压缩至45日。\n\n"
            "**牵头**｜区司法局\n\n"
            "芷源区司法局\n"
            "2026年3月30日\n")


def test_markdown_cards_numbered_no_with_labels_after_a_bar():
    doc = parse_text(MD_CARDS, file="cards.md")
    assert _tasks(doc) == [
        ("NO.1", ("区政务服务管理局",), (), ("区发展改革局", "区数据局")),
        ("NO.2", ("区政府办公室",), ("区司法局",), ()),  # 督导 names a leader
        ("NO.3", ("区司法局",), (), ()),  # a label line is not a nav bar
    ]
    assert doc.items[0].date == "2026-03-30"  # a short line is not a wrapped one: the signature stays


WECHAT = ("图解｜2026年，芫塘县法治政府建设这样干！\n\n"
          "原创　芫塘司法　2026年04月02日 08:15\n\n"
          "近日，芫塘县人民政府办公室印发《芫塘县2026年法治政府建设工作要点》。\n\n"
          "📖阅读指南\n"
          "🚩后面是牵头单位\n"
          "🤝后面是配合单位\n"
          "📍后面是责任单位\n"
          "👤后面是分管县领导（是人，不是单位哦）\n\n"
          "🔴第一部分　依法全面履行政府职能\n\n"
          "①持续优化营商环境\n"
          "▪️年内再取消证明事项不少于10项\n"
          "▪️涉企政策公平竞争审查率100%\n"
          "🚩县发展改革局　🤝县市场监管局、县司法局\n\n"
          "②推进“高效办成一件事”\n"
          "▪️年内新增“一件事”集成办理事项8个\n"
          "📍县政务服务中心、县数据局\n\n"
          "③严格重大行政决策程序\n"
          "▪️目录5月31日前公布\n"
          "👤县政府常务副县长　🚩县政府办公室　📍县司法局\n")


def test_a_wechat_articles_emoji_key_and_bullets_under_numbered_cards():
    doc = parse_text(WECHAT, file="wechat.txt")
    assert _tasks(doc) == [
        ("①", ("县发展改革局",), (), ("县市场监管局", "县司法局")),  # its ▪️ bullets are its sub-points
        ("②", (), ("县政务服务中心", "县数据局"), ()),
        ("③", ("县政府办公室",), ("县司法局",), ()),
    ]
    first = doc.items[0]
    assert (first.date, first.locality) == ("2026-04-02", "芫塘县")  # the byline's date, the quoted plan's place


def test_a_pdf_cells_marked_names_one_per_line_stay_apart_and_other_levels_columns_are_quoted():
    from corpus.paged import _pdf_cell

    assert _pdf_cell("县发展改革局★\n县住房城乡建设局") == "县发展改革局★<br>县住房城乡建设局"
    assert _pdf_cell("不少于\n12名") == "不少于12名"
    roles = header_roles(["序号", "上级任务", "省级牵头单位", "我县落实措施", "责任单位", "完成时限"])
    assert roles == {0: "no", 1: "quoted:上级任务", 2: "quoted:省级牵头单位", 3: "text", 4: "responsible", 5: "deadline"}


def test_a_rare_place_character_is_kept_and_a_leader_guessed_as_lead_is_not_searched_for(tmp_path):
    from corpus.script import to_simplified

    assert to_simplified("湋源那个") == "湋源那个" and to_simplified("行政復議") == "行政复议"
    a = assistant_over(tmp_path, cards_md=MD_CARDS)
    answer = a.answer("芷源一图读懂里重大决策目录那张卡片，牵头的是常务副区长吗？")
    assert answer.status == "answered" and answer.text.startswith("芷源区:区政府办公室牵头")
