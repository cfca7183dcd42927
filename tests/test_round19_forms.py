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
