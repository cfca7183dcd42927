"""Old office formats (.doc, .wps, .rtf, .xls, .et), converted by a real LibreOffice (`make install`
puts it there) and read like .docx / .xlsx; files that portals serve under an old name read as what
they are; a broken file or a missing LibreOffice gets a message."""
from __future__ import annotations

import subprocess

import docx
import openpyxl
import pytest

from corpus import legacy
from corpus.errors import DocumentError
from corpus.load import load
from corpus.pipeline import read_document


def _plan_docx(path):
    d = docx.Document()
    d.add_paragraph("某县2024年法治政府建设工作要点")
    d.add_paragraph("一、依法全面履行政府职能")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("序号", "工作任务", "牵头单位"), ("1", "公布权责清单。", "县委编办"),
                             ("2", "推行证明事项告知承诺制。", "县司法局")]):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.add_paragraph("二、保障措施")  # Word always ends a body with a paragraph; LibreOffice's .doc needs it
    d.save(path)
    return path


def _convert(path, to: str, suffix: str):
    assert legacy.soffice(), "LibreOffice is missing: `make install` installs it"
    subprocess.run([legacy.soffice(), "--headless", "--convert-to", to, "--outdir", str(path.parent), str(path)],
                   capture_output=True, timeout=120, check=True)
    converted = path.with_suffix("." + to)
    return converted.rename(converted.with_suffix(suffix))


@pytest.mark.slow
@pytest.mark.parametrize("to,suffix", [("doc", ".doc"), ("doc", ".wps"), ("rtf", ".rtf")])
def test_word_97_wps_and_rtf_read_like_the_docx(tmp_path, to, suffix):
    source = _plan_docx(tmp_path / "plan.docx")
    old = _convert(source, to, suffix)
    assert old.read_bytes()[:5] in (legacy._OLE[:5], b"{\\rtf")
    assert load(old) == load(source)
    tasks = [(i.text, i.lead_units) for i in read_document(old, locality="某县").items if i.kind == "task"]
    assert tasks == [("公布权责清单。", ("县委编办",)), ("推行证明事项告知承诺制。", ("县司法局",))]


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xls", ".et"])
def test_excel_97_and_wps_sheets_read_like_the_xlsx(tmp_path, suffix):
    book = openpyxl.Workbook()
    for row in [("序号", "工作任务", "牵头单位", "完成时限"), (1, "公布权责清单", "县委编办", "2024年6月底前")]:
        book.active.append(row)
    source = tmp_path / "tasks.xlsx"
    book.save(source)
    old = _convert(source, "xls", suffix)
    assert old.read_bytes()[:8] == legacy._OLE
    assert load(old) == load(source)


def test_a_renamed_docx_or_a_web_page_saved_as_doc_is_read_as_what_it_is(tmp_path):
    source = _plan_docx(tmp_path / "plan.docx")
    renamed = tmp_path / "renamed.doc"
    renamed.write_bytes(source.read_bytes())
    assert load(renamed) == load(source)
    page = tmp_path / "page.doc"
    page.write_bytes("<html><body><p>一、总体要求</p><table><tr><td>1</td><td>公布权责清单</td><td>县委编办</td>"
                     "</tr></table></body></html>".encode("gb18030"))
    assert "公布权责清单\t县委编办" in load(page)


def test_a_broken_old_file_or_no_libreoffice_gets_a_message(tmp_path, monkeypatch):
    broken = tmp_path / "broken.doc"
    broken.write_bytes(legacy._OLE + b"\x00" * 600)  # a compound file header and nothing readable
    with pytest.raises(DocumentError, match="另存为 .docx"):
        load(broken)
    sheet = tmp_path / "notes.et"
    sheet.write_bytes("随便写的几个字".encode("utf-8"))
    with pytest.raises(DocumentError, match="另存为 .xlsx"):
        load(sheet)
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    with pytest.raises(DocumentError, match="需要 LibreOffice"):
        load(broken)
