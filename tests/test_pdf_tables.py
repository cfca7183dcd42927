"""A real PDF with a task table, printed by Chromium (as an office prints a page to PDF), read back
through the pipeline: text lines and table rows in page order, units from the table columns."""
from __future__ import annotations

import pytest

from eval.chromium import ARGS, CHROMIUM

pytestmark = pytest.mark.slow

HTML = """<html><head><meta charset="utf-8"><style>
body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 14px; }
table { border-collapse: collapse; } td, th { border: 1px solid #000; padding: 4px; }
</style></head><body>
<p>雾溪县人民政府办公室关于印发雾溪县2025年法治政府建设任务分工表的通知</p>
<p>雾政办发〔2025〕8号</p>
<p>各乡镇人民政府，县直各部门：现将任务分工表印发给你们，请认真落实。</p>
<p>雾溪县人民政府办公室</p><p>2025年2月10日</p>
<p>雾溪县2025年法治政府建设任务分工表</p>
<table>
<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
<tr><td>1</td><td>编制公布重大行政决策事项目录。</td><td>县政府办公室</td><td>县司法局</td><td>3月底前</td></tr>
<tr><td>2</td><td>开展行政执法案卷评查，全年不少于2次。</td><td>县司法局</td><td>县直各行政执法部门</td><td>全年</td></tr>
<tr><td>3</td><td>推进政务公开标准化建设。</td><td>县政务服务中心</td><td>—</td><td>11月底前</td></tr>
</table></body></html>"""


def _printed(html: str, path):
    """The page printed to PDF by Chromium, as an office prints a page or a spreadsheet."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM or not __import__("os").path.exists(CHROMIUM):
        pytest.fail("Chromium is not installed: `make test` installs it")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=str(path), format="A4")
        browser.close()
    return path


def test_pdf_table_rows_become_items(tmp_path):
    from corpus.pipeline import read_document

    parsed = read_document(_printed(HTML, tmp_path / "plan.pdf"))
    assert parsed.doc.locality == "雾溪县" and parsed.doc.date == "2025-02-10"
    assert parsed.doc.doc_no == "雾政办发〔2025〕8号"
    tasks = [i for i in parsed.items if i.kind == "task"]
    assert [i.lead_units for i in tasks] == [("县政府办公室",), ("县司法局",), ("县政务服务中心",)]
    assert tasks[1].participating_units == ("县直各行政执法部门",) and tasks[2].participating_units == ()
    assert [i.deadline for i in tasks] == ["3月底前", "全年", "11月底前"]
    assert "全年不少于2次" in tasks[1].text


def test_pdf_without_a_text_layer_says_so(tmp_path):
    """A PDF with nothing to read (a grey box here, no text and no picture) says so."""
    from corpus.errors import DocumentError
    from corpus.pipeline import read_document

    path = _printed("<html><body><div style='width:300px;height:300px;background:#888'></div></body></html>",
                    tmp_path / "blank.pdf")
    with pytest.raises(DocumentError, match="没有文字层"):
        read_document(path)


def test_a_pdf_table_cell_merged_over_rows_reaches_each_row(tmp_path):
    """An Excel 分工表 printed to PDF with one 牵头单位 cell over a group of tasks: every task in the
    group has that lead; a section row across the table stays one cell."""
    from corpus.load import load

    html = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC',sans-serif}"
            "table{border-collapse:collapse} td,th{border:1px solid #000;padding:4px}</style></head><body>"
            "<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>"
            "<tr><td colspan=4>一、严格规范公正文明执法</td></tr>"
            "<tr><td>1</td><td>完善行政复议案件审理机制</td><td rowspan=3>县司法局</td><td>县法院</td></tr>"
            "<tr><td>2</td><td>推进公共法律服务平台建设</td><td>各乡镇人民政府</td></tr>"
            "<tr><td>3</td><td>开展法治宣传进万家活动</td><td>县委宣传部</td></tr>"
            "<tr><td>4</td><td>深化政务公开</td><td>县政府办公室</td><td>县数据局</td></tr></table></body></html>")
    path = _printed(html, tmp_path / "merged.pdf")
    from corpus.clean import fix_radicals  # Chromium's CJK font maps some characters to radicals

    rows = [ln.split("\t") for ln in fix_radicals(load(path)).split("\n") if "\t" in ln]
    assert [r[2] for r in rows if r[0] in ("1", "2", "3")] == ["县司法局"] * 3
    assert next(r for r in rows if r[0] == "4")[2] == "县政府办公室"
    section = next(r for r in rows if "严格规范" in r[0])
    assert [c for c in section if c] == ["一、严格规范公正文明执法"]


GAZETTE_TASKS = [f"{n}．推进第{n}项重点改革，完善配套制度，年内出台实施办法不少于{n + 1}件，按季度报送工作进展，"
                 f"确保任务按期完成。（县发改委牵头，县财政局、县司法局配合）" for n in range(1, 40)]


def test_a_gazette_page_in_two_columns_reads_column_by_column(tmp_path):
    """A plan printed in a 政府公报: a running header and the title across the page, then two columns
    of text; a task runs on from the foot of the left column to the head of the right one, and
    from one page to the next."""
    from corpus.pipeline import read_document

    paras = "".join(f"<p>{t}</p>" for t in GAZETTE_TASKS)
    html = (f"<html><head><meta charset='utf-8'><style>body {{ font-family: 'Noto Serif CJK SC', serif; font-size: 13px; }}"
            f".cols {{ column-count: 2; column-gap: 10mm; text-align: justify; }} p {{ text-indent: 2em; margin: 0; }}"
            f"h1 {{ text-align: center; font-size: 20px; }} .hdr {{ text-align: center; font-size: 11px; }}</style></head>"
            f"<body><div class='hdr'>《梧桐市人民政府公报》 2025年第3期</div><h1>梧桐县2025年法治政府建设工作要点</h1>"
            f"<p>一、深化重点领域改革</p><div class='cols'>{paras}</div></body></html>")
    parsed = read_document(_printed(html, tmp_path / "gazette.pdf"))
    tasks = [i for i in parsed.items if i.kind == "task"]
    assert [i.item_no for i in tasks] == list(range(1, 40))  # in order: each column read whole
    assert all(i.lead_units == ("县发改委",) and i.participating_units == ("县财政局", "县司法局") for i in tasks)
    assert all("按季度报送工作进展，确保任务按期完成" in i.text for i in tasks)  # none cut at a column's foot
