"""Bad input to the loader and the generic fallback: a clear message, never a traceback."""
from __future__ import annotations

import pytest

from corpus.errors import DocumentError
from corpus.parse import document_from_file, parse_document
from corpus.units import split_units


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(DocumentError, match="empty"):
        document_from_file(path)


def test_binary_file(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DocumentError, match="binary"):
        document_from_file(path)


def test_gbk_file_is_decoded(tmp_path):
    text = "某县法治政府建设工作要点\n一、加强组织领导\n(一)落实第一责任人职责。每年开展2次督查。\n牵头单位:县司法局\n责任单位:县委办、各乡镇\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    doc = document_from_file(path, locality="某县")
    items = parse_document(doc)
    task = next(i for i in items if "第一责任人" in i.text)
    assert task.lead_units == ("县司法局",)
    assert task.responsible_units == ("县委办", "各乡镇")
    assert task.locality == "某县"


def test_unsupported_and_missing(tmp_path):
    with pytest.raises(DocumentError, match="unsupported"):
        document_from_file(tmp_path / "a.xlsx")
    with pytest.raises(DocumentError, match="no such file"):
        document_from_file(tmp_path / "missing.txt")


def test_unstructured_file_falls_back_to_paragraphs(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("这是一段没有标题的文字。\n\n这是第二段,也没有编号。\n", encoding="utf-8")
    items = parse_document(document_from_file(path))
    assert [i.text for i in items] == ["这是一段没有标题的文字。", "这是第二段,也没有编号。"]


def test_generic_bracket_note(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("一、总则\n加强执法监督。〔县司法局牵头,县财政局按职责分工负责〕\n", encoding="utf-8")
    item = parse_document(document_from_file(path, locality="某县"))[0]
    assert item.lead_units == ("县司法局",) and item.responsible_units == ("县财政局",)
    assert "牵头" not in item.text


def test_bundled_file_added_again_keeps_its_layout():
    from corpus.parse import documents_dir
    doc = document_from_file(documents_dir() / "000_e5cb4a57eaca61ed.txt")
    assert doc.layout == "general" and doc.locality == "乌鲁木齐县" and doc.doc_id == "000"


@pytest.mark.parametrize("text,expected", [
    ("县司法局按职责分工负责,县属相关部门参加", [("县司法局", ""), ("县属相关部门", "participating")]),
    ("市司法局市委巡察办", [("市司法局", ""), ("市委巡察办", "")]),
    ("有关部门各乡(镇)、街道", [("有关部门", ""), ("各乡(镇)、街道", "")]),
    ("市委市政府督查局", [("市委市政府督查局", "")]),
    ("县委组织部、县人大常委会办公室及县属各行政执法部门按职责分工负责",
     [("县委组织部", ""), ("县人大常委会办公室", ""), ("县属各行政执法部门", "")]),
    ("县市场监督管理局等部门,各乡镇(管委会)", [("县市场监督管理局", ""), ("各乡镇(管委会)", "")]),
])
def test_split_units(text, expected):
    assert split_units(text) == expected


def test_docx_file_is_parsed(tmp_path):
    import docx

    document = docx.Document()
    for line in ["某县法治政府建设工作要点", "一、加强组织领导", "(一)落实第一责任人职责,每年听取两次汇报。",
                 "牵头单位:县委办", "责任单位:县司法局"]:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    items = parse_document(document_from_file(path, locality="某县"))
    task = next(i for i in items if "第一责任人" in i.text)
    assert task.lead_units == ("县委办",) and task.responsible_units == ("县司法局",)


def test_broken_pdf_and_docx_are_messages(tmp_path):
    for name in ("scan.pdf", "plan.docx"):
        path = tmp_path / name
        path.write_bytes(b"not really a " + name.encode())
        with pytest.raises(DocumentError, match="not a readable"):
            document_from_file(path)


def _bureau_table(table, rows):
    for cells, values in zip([table.rows[0].cells] + [table.add_row().cells for _ in rows[1:]], rows):
        for cell, value in zip(cells, values):
            cell.text = value


def test_docx_task_table_inside_a_layout_table_and_a_content_control(tmp_path):
    """A task table nested in a layout cell is read as a table; text in a content control
    (w:sdt) is read in its place."""
    import copy

    import docx
    from docx.oxml import OxmlElement

    from corpus.pipeline import read_document

    d = docx.Document()
    for text in ("栎阳县林业局关于印发《栎阳县林业局2025年法治政府建设工作要点》的通知", "栎林发〔2025〕3号",
                 "局机关各股室：", "栎阳县林业局", "2025年3月8日"):
        d.add_paragraph(text)
    cell = d.add_table(rows=1, cols=1).rows[0].cells[0]
    _bureau_table(cell.add_table(rows=1, cols=4), [["序号", "工作任务", "牵头股室", "配合股室"],
                                                    ["1", "推进执法规范化", "政策法规股", "办公室"]])
    # the last paragraph moved into a content control
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    para = d.add_paragraph("2、加强普法宣传。（办公室牵头，森林资源管理股配合）")
    content.append(copy.deepcopy(para._p))
    para._p.addnext(sdt)
    para._p.getparent().remove(para._p)
    path = tmp_path / "bureau.docx"
    d.save(path)
    tasks = [i for i in read_document(path).items if i.kind == "task"]
    assert tasks[0].lead_units == ("政策法规股",) and tasks[0].participating_units == ("办公室",)
    assert read_document(path).doc.text.count("加强普法宣传") == 1


def test_docx_that_is_one_table_with_title_and_signature_rows(tmp_path):
    import docx

    from corpus.pipeline import read_document

    d = docx.Document()
    table = d.add_table(rows=1, cols=4)
    merged = table.rows[0].cells[0].merge(table.rows[0].cells[3])
    merged.text = "栎阳县林业局2025年法治政府建设重点任务分解表"
    header = table.add_row().cells
    for cell, value in zip(header, ["序号", "重点任务", "责任股室", "完成时间"]):
        cell.text = value
    row = table.add_row().cells
    for cell, value in zip(row, ["1", "推进严格规范公正文明执法", "政策法规股（牵头）、森林资源管理股", "2025年12月底前"]):
        cell.text = value
    last = table.add_row().cells
    last[0].merge(last[3]).text = "栎阳县林业局　2025年3月8日"
    path = tmp_path / "table.docx"
    d.save(path)
    parsed = read_document(path)
    assert (parsed.doc.locality, parsed.doc.date, parsed.doc.issuer) == ("栎阳县", "2025-03-08", "栎阳县林业局")
    tasks = [i for i in parsed.items if i.kind == "task"]
    assert len(tasks) == 1 and tasks[0].lead_units == ("政策法规股",)
    assert "分解表" not in tasks[0].section  # the title row is a caption, not a section heading


def test_xlsx_task_table_with_merged_category_and_wrapped_cells(tmp_path):
    """A 分工表 kept as an Excel workbook: a title row merged across the table, a category merged
    down over its tasks, a cell with a line break, an empty 配合单位 cell."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    rows = [["栎阳县2025年法治政府建设重点任务分工表", None, None, None, None],
            ["序号", "任务类别", "工作任务", "牵头单位", "配合单位"],
            [1, "依法行政", "推进行政规范性文件合法性审核全覆盖", "县司法局", "县直各部门\n各乡镇"],
            [2, None, "开展行政执法案卷评查", "县司法局", None],
            [3, "普法宣传", "落实“谁执法谁普法”责任制", "县委宣传部", "县司法局"]]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("B3:B4")
    path = tmp_path / "分工表.xlsx"
    book.save(path)
    items = [i for i in parse_document(document_from_file(path, locality="栎阳县")) if i.kind == "task"]
    assert [i.text[:8] for i in items] == ["推进行政规范性文", "开展行政执法案卷", "落实“谁执法谁普"]
    first, second, third = items
    assert first.lead_units == ("县司法局",) and first.participating_units == ("县直各部门", "各乡镇")
    assert second.lead_units == ("县司法局",) and second.participating_units == ()
    assert "依法行政" in second.section_path  # the merged category reaches its second task
    assert third.lead_units == ("县委宣传部",)


def test_rows_copied_out_of_excel_into_text(tmp_path):
    """Excel copies a cell holding a line break in double quotes ("" inside): each row is still
    one task, its cell's lines joined, and the notice above the table is kept."""
    text = ("关于印发任务分工的通知\n各乡镇、县直各部门：现将分工表印发给你们。\n"
            "序号\t工作任务\t牵头单位\t配合单位\n"
            '1\t"推行""一网通办""改革\n年内事项全覆盖"\t县政务服务中心\t"县司法局\n县财政局"\n'
            "2\t规范涉企行政检查\t县司法局\t\n")
    path = tmp_path / "分工表.txt"
    path.write_text(text, encoding="utf-8")
    items = [i for i in parse_document(document_from_file(path, locality="栎阳县")) if i.kind == "task"]
    assert len(items) == 2
    assert '推行"一网通办"改革' in items[0].text and "年内事项全覆盖" in items[0].text
    assert items[0].lead_units == ("县政务服务中心",)
    assert items[0].participating_units == ("县司法局", "县财政局")
    assert items[1].lead_units == ("县司法局",) and items[1].participating_units == ()


def test_damaged_xlsx_is_a_message(tmp_path):
    path = tmp_path / "分工表.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(DocumentError, match="Excel"):
        document_from_file(path)
