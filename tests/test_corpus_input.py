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
