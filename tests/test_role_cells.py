"""A task table's role cells as the document prints them: the column's own word for the role (主办单位),
a lead cell left blank or marked (—, 待明确), and the document's note on what such a cell means, quoted
and cited in the answer (hash index, no LLM)."""
from __future__ import annotations

from assistant.mark_notes import explained, lead_cell
from corpus.pipeline import parse_text
from eval.metrics import ungrounded_values
from tests.small_plans import assistant_over

EXPORT = ("莳川县2026年法治政府建设重点任务督办清单\n"
          "任务编号\t任务名称\t主办单位\t协办单位\t责任单位\t办结时限\n"
          "SC-01\t规范性文件合法性审核，审核时限一般不超过5个工作日。\t县司法局\t县政府办公室\t\t2026-12-31\n"
          "SC-02\t建立县、乡镇两级行政调解组织，调解成功率保持在90%以上。\t\t\t县司法局、各乡镇人民政府\t2026-12-31\n"
          "SC-03\t行政机关负责人出庭应诉率保持100%，旁听庭审每年不少于1次。\t待明确\t\t\t2026-12-31\n"
          "SC-04\t规范涉企行政检查，跨部门联合检查比例不低于35%。\t县司法局、县市场监管局\t\t\t2026-12-31\n"
          "说明：1.本清单由督办系统导出。\n"
          "2.主办单位对任务办理负总责；未设主办单位的任务，由责任单位按职责分别办理。\n"
          "3.主办单位为“待明确”的任务，责任分工尚未确定，确定后由系统补录。\n")

DASHED = ("蓠阳县2026年法治政府建设任务分工表\n"
          "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
          "1\t推进备案审查全覆盖，乡镇规范性文件全部报县政府备案。\t—\t各乡镇人民政府\t长期坚持\n"
          "2\t落实行政执法“三项制度”，法制审核率达到100%。\t县司法局\t县直各行政执法部门\t2026年12月底前\n"
          "注：1.“牵头单位”栏为“—”的，该项任务不设牵头单位，由责任单位各自负责。\n")


def _items(text: str):
    return [i for i in parse_text(text, file="plan.txt").items]


def test_a_rows_role_cells_are_kept_under_their_column_names():
    rows = {i.item_number: i for i in _items(EXPORT) if i.kind == "task"}
    assert rows["SC-02"].units_raw == "主办单位：（空白）；协办单位：（空白）；责任单位：县司法局、各乡镇人民政府"
    assert lead_cell(rows["SC-02"]) == "（空白）" and lead_cell(rows["SC-03"]) == "待明确"
    assert lead_cell(rows["SC-01"]) == "县司法局"
    row = next(i for i in _items(DASHED) if i.kind == "task" and i.item_no == 1)
    assert row.units_raw == "牵头单位：—；责任单位：各乡镇人民政府"


def test_the_documents_note_on_a_blank_or_marked_lead_cell_is_found():
    items = _items(EXPORT)
    rows = {i.item_number: i for i in items if i.kind == "task"}
    assert "未设主办单位的任务" in explained(items, rows["SC-02"])[1]
    assert "尚未确定" in explained(items, rows["SC-03"])[1]
    assert explained(items, rows["SC-01"]) is None  # a unit in the cell: nothing to explain
    items = _items(DASHED)
    assert "不设牵头单位" in explained(items, next(i for i in items if i.item_no == 1))[1]


def test_a_table_with_no_note_on_its_marks_explains_nothing():
    text = EXPORT.split("说明")[0]
    items = _items(text)
    assert all(explained(items, i) is None for i in items if i.kind == "task")


def test_a_lead_answer_says_the_role_in_the_documents_word_and_quotes_its_note(tmp_path):
    a = assistant_over(tmp_path, export_txt=EXPORT, table_txt=DASHED)
    answer = a.answer("莳川建县、乡镇两级行政调解组织那个任务，是县司法局主办的吧？")
    text = answer.text
    assert text.startswith("不是") and "没有主办单位" in text and "未设主办单位的任务" in text, text
    assert not ungrounded_values(answer.to_dict()), text
    answer = a.answer("蓠阳备案审查全覆盖那项由哪个单位牵头？")
    assert "不设牵头单位" in answer.text and "各乡镇人民政府负责" in answer.text, answer.text
    assert len(answer.citations) == 2, answer.text  # the row and the note under the table


def test_a_placeholder_the_document_explains_is_answered_with_it(tmp_path):
    a = assistant_over(tmp_path, export_txt=EXPORT)
    answer = a.answer("莳川县出庭应诉那条（旁听庭审每年至少1次）由哪个单位主办？")
    assert answer.status == "answered" and "待明确" in answer.text and "尚未确定" in answer.text, answer.text
    assert not ungrounded_values(answer.to_dict()), answer.text


def test_a_units_list_counts_in_the_documents_word_and_a_yes_no_question_is_no_negation(tmp_path):
    a = assistant_over(tmp_path, export_txt=EXPORT)
    text = a.answer("我是莳川县司法局的，督办清单里我们主办几项？是不是把共同主办的也算进去了").text
    # (是不是…主办的 asks yes or no: it does not ask for the tasks the unit does not lead)
    assert text.startswith("县司法局主办的任务共2项") and "单独主办1项、与其他单位共同主办1项" in text, text
