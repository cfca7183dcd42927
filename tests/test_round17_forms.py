"""Real published forms of round 17: a multi-year plan whose table has the years as columns, a
督查通报 that re-lists tasks with their units in a bracket after the title (wrapped over printed
lines, and changed in the progress text), and a 政策解读 in questions and answers whose answers
assign the units in sentences (`A是这项工作的牵头单位`, `牵头单位为A`, `A、B、C分别牵头…`)."""
from __future__ import annotations

from corpus.notes import assignment_sentence
from corpus.pipeline import parse_text


YEAR_TABLE = ("棠湾区法治政府建设三年行动重点任务分年度推进表\n"
              "序号\t重点任务\t分年度目标\t\t\t牵头单位\t责任单位\n"
              "序号\t重点任务\t2026年\t2027年\t2028年\t牵头单位\t责任单位\n"
              "1\t权责清单动态管理\t完成区级部门权责清单全面梳理\t建立衔接机制\t实现常态化\t区委编办\t区直各部门\n"
              "2\t落实合法性审查全覆盖\t街道合法性审查全覆盖\t—\t—\t—\t区司法局、各街道办事处\n")


def test_a_multi_year_plans_year_targets_are_the_tasks_text():
    tasks = [i for i in parse_text(YEAR_TABLE, file="plan.txt").items if i.kind == "task"]
    assert [(i.lead_units, i.responsible_units) for i in tasks] == [
        (("区委编办",), ("区直各部门",)), ((), ("区司法局", "各街道办事处"))]
    assert "完成区级部门权责清单全面梳理" in tasks[0].text and "实现常态化" in tasks[0].text
    assert tasks[0].section_path.count("权责清单动态管理") == 0  # the task's name is no category


BULLETIN = ("关于2026年上半年重点任务推进情况的通报\n"
            "二、需要加快推进的任务\n"
            "（一）进度滞后的任务\n"
            "1．第2项“动态调整权责清单”（牵头单位：县委编办；配合单位：县直各部门；完成时限：2026年6月底前）。截至6月30\n"
            "日，仍有11个部门未报送权责清单调整意见。\n"
            "2．第5项“推进‘高效办成一件事’”（牵头单位：\n"
            "县政务服务中心；配合单位：县数据局、县直各部门；完成时限：\n"
            "2026年9月底前）。目前仅上线3个。自7月1日起该项任务改由县数据局牵头，县政务服务中心改为配合单位，其他配合单位不变。\n"
            "3．第22项“加强行政执法人员培训”（原分工未明确牵头单位，由县直各行政执法部门按职责分工负责；完成时限：\n"
            "2026年12月底前）。执法人员人均培训23学时。\n")


def test_a_bulletins_bracket_after_the_title_is_the_note_wrapped_lines_and_a_change_included():
    assert [u[1:] for u in _units(BULLETIN)] == [
        (("县委编办",), (), ("县直各部门",), "2026年6月底前"),
        (("县数据局",), (), ("县直各部门", "县政务服务中心"), "2026年9月底前"),  # 改由县数据局牵头
        ((), ("县直各行政执法部门",), (), "2026年12月底前"),  # 未明确牵头单位 names no unit
    ]
    progress = [i for i in parse_text(BULLETIN, file="b.txt").items if i.kind == "task"][0].text
    assert "仍有11个部门" in progress  # the progress after the bracket stays the item's text


def _units(text: str):
    return [(i.item_no, i.lead_units, i.responsible_units, i.participating_units, i.deadline)
            for i in parse_text(text, file="plan.txt").items if i.kind == "task"]



QA = ("《棠溪县2026年法治政府建设工作要点》政策解读\n"
      "问一：《要点》是在什么背景下出台的？\n"
      "答：县司法局会同县委编办起草了《要点》。\n"
      "问二：重大行政决策方面有什么新要求？\n"
      "答：《要点》第5项要求，决策事项目录于4月15日前公布。县政府办公室是这项工作的牵头单位，县司法局、县发展和改革局是配合单位。\n"
      "问三：政务数据共享谁来抓？\n"
      "答：《要点》第8项要求，年内完成数据共享。这项工作的牵头单位为县数据局，配合单位为县直各部门。\n"
      "问四：“免罚轻罚”清单还要扩容吗？\n"
      "答：要扩容。县市场监管局、县交通运输局分别牵头本领域清单的制定和调整，县司法局负责汇总审核。\n"
      "问五：出庭应诉有什么要求？\n"
      "答：出庭应诉率保持100%。这项工作由县政府分管副县长统筹，县司法局牵头，县人民法院配合，各乡镇人民政府负责本单位负责人出庭应诉工作。\n")


def test_a_policy_qa_page_has_an_item_per_question_its_units_in_the_answer():
    assert [(u[0], u[1], u[2], u[3]) for u in _units(QA)] == [
        (1, (), (), ()),  # the background: who drafted the plan is no role
        (2, ("县政府办公室",), (), ("县司法局", "县发展和改革局")),
        (3, ("县数据局",), (), ("县直各部门",)),
        (4, ("县市场监管局", "县交通运输局"), ("县司法局",), ()),
        (5, ("县司法局",), ("各乡镇人民政府",), ("县人民法院",)),  # a post (副县长) and 负责人 are no units
    ]


def test_a_clause_without_you_opens_a_note_only_for_a_lead_named_by_units():
    assert assignment_sentence("县司法局负责统筹协调，各乡镇、各部门要按职责分工抓好落实。") is None
    assert assignment_sentence("各牵头单位是第一责任单位，要制定具体措施。") is None
    assert assignment_sentence("行政机关负责人出庭应诉率保持100%。") is None


CODED = ("珣川市2026年法治政府建设重点任务分工表\n"
         "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
         "1\t动态调整权责清单，6月底前完成。\tA3\tE1、D1\t2026年6月底前\n"
         "2\t规范涉企收费，全年不新设涉企收费项目。\tB4\tB2、B10、国家税务总局珣川市税务局\t2026年12月底前\n"
         "3\t健全行政调解工作体系，调解成功率不低于92%。\tＢ３、B15\t08\t2026年10月底前\n"
         "注：牵头单位、配合单位栏以单位代码填写，代码与单位名称的对应关系见下表。\n"
         "代码\t单位名称\t类别\n"
         "A3\t市委编办\t党委部门\n"
         "B2\t市发展和改革局\t政府部门\n"
         "B3\t市司法局\t政府部门\n"
         "B4\t市财政局\t政府部门\n"
         "B10\t市市场监管局\t政府部门\n"
         "B15\t市信访局\t政府部门\n"
         "8\t市人民法院\t司法机关\n"
         "D1\t各镇人民政府\t镇（街道）\n"
         "E1\t市直各部门\t统称\n")


def test_unit_codes_read_as_the_units_their_legend_names():
    assert [u[1:4] for u in _units(CODED)] == [
        (("市委编办",), (), ("市直各部门", "各镇人民政府")),
        (("市财政局",), (), ("市发展和改革局", "市市场监管局", "国家税务总局珣川市税务局")),  # a full name kept
        (("市司法局", "市信访局"), (), ("市人民法院",)),  # a full-width code; 08 kept as 8 by a sheet
    ]
    kinds = [i.kind for i in parse_text(CODED, file="plan.txt").items]
    assert kinds.count("task") == 3  # the legend's rows are no tasks


def test_a_unit_answer_shows_the_codes_as_printed_and_cites_the_legend(tmp_path):
    from eval.metrics import ungrounded_values
    from tests.small_plans import assistant_over

    a = assistant_over(tmp_path, plan_txt=CODED)
    answer = a.answer("珣川市涉企收费那项谁牵头？")
    text = answer.text
    assert text.startswith("珣川市:市财政局牵头"), text
    assert "原文:“牵头单位：B4；配合单位：B2、B10、国家税务总局珣川市税务局”)[2]" in text, text
    assert "代码" in answer.citations[1].item.text and not ungrounded_values(answer.to_dict()), text


def test_a_title_with_the_addressees_run_on_after_it():
    from corpus.metadata import read_metadata

    meta = read_metadata("中共暾川县委全面依法治县委员会办公室\n暾法治办〔2026〕9号\n"
                         "关于2026年上半年法治政府建设重点任务推进情况的通报各乡镇人民政府，县直各部门：\n为推动…")
    assert meta.title == "关于2026年上半年法治政府建设重点任务推进情况的通报"
