"""OFD files (GB/T 33190) read by position: a notice whose lines are text objects — some split at a
bold run or a punctuation mark, as converters write them — and a table drawn with path rules cell by
cell, a cell's text wrapping onto two lines. Built here as a zip of XML, nothing of a real file."""
from __future__ import annotations

import io
import zipfile

import pytest

from corpus.errors import DocumentError
from corpus.load import load
from corpus.pipeline import read_document

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
SIZE = 5.6  # mm, about 三号


def _text_object(i: int, x: float, y: float, text: str, size: float = SIZE) -> str:
    width = size * len(text)
    deltas = f"g {len(text) - 1} {size}" if len(text) > 1 else ""
    return (f'<ofd:TextObject ID="{i}" Boundary="{x} {y} {width + 2} {size * 1.4}" Font="3" Size="{size}">'
            f'<ofd:TextCode X="0" Y="{size}" DeltaX="{deltas}">{text}</ofd:TextCode></ofd:TextObject>')


def _rule(i: int, x0, y0, x1, y1) -> str:
    return (f'<ofd:PathObject ID="{i}" Boundary="{min(x0, x1)} {min(y0, y1)} {abs(x1 - x0) + 0.3} {abs(y1 - y0) + 0.3}" '
            f'LineWidth="0.25"><ofd:AbbreviatedData>M 0 0 L {abs(x1 - x0)} {abs(y1 - y0)}</ofd:AbbreviatedData></ofd:PathObject>')


def _ofd(pages: list[list[str]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                              f'<ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                              f'</ofd:DocBody></ofd:OFD>')
        listed = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>'
                                         f'<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                                         f'</ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
        for k, objects in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml",
                       f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="{k}0">{"".join(objects)}</ofd:Layer>'
                       f'</ofd:Content></ofd:Page>')
    return buf.getvalue()


def _notice() -> list[str]:
    objs, y, n = [], 30.0, 0

    def line(text, x=28.0):
        nonlocal y, n
        n += 1
        objs.append(_text_object(n, x, y, text))
        y += 9.5

    def paragraph(text, per=27):  # justified: every full line reaches the right margin
        for k in range(0, len(text), per):
            line(text[k:k + per])

    line("梧桐县人民政府办公室文件", 45)
    line("梧政办发〔2025〕7号", 75)
    line("梧桐县2025年法治政府建设工作要点", 40)
    paragraph("为深入推进依法行政，加快建设法治政府，根据上级有关部署，结合本县实际，制定本要点。")
    line("一、依法全面履行政府职能")
    paragraph("1．动态调整县级政府部门权责清单，年内完成一次集中调整，调整结果及时向社会公布。（县委编办牵头，县司法局配合）")
    # a line split into three objects: the bold label, the units, the full-width punctuation
    n += 3
    objs += [_text_object(n - 2, 28, y, "2．深化“放管服”改革。"), _text_object(n - 1, 28 + 5.6 * 12, y, "（县政务服务中心牵头"),
             _text_object(n, 28 + 5.6 * 22, y, "）")]
    y += 9.5
    paragraph("3．行政执法人员每年培训不少于60学时，新任执法人员岗前培训不少于40学时。")
    line("牵头单位：县司法局　配合单位：各乡镇人民政府")
    line("梧桐县人民政府办公室", 120)
    line("2025年3月12日", 125)
    objs.append(_text_object(99, 98, 280, "—1—", 4.5))
    return objs


def _table() -> list[str]:
    cols, ys = [20, 32, 110, 150, 190], [40, 50, 60, 74, 84]
    rows = [("序号", "重点任务", "牵头单位", "配合单位"),
            ("4", "完善行政复议案件审理机制", "县司法局", "县法院"),
            ("5", "开展规范性文件清理，清理结果向社会公布", "县政府办公室", "县司法局、县财政局"),
            ("6", "推进公共法律服务平台建设", "县司法局", "/")]
    objs, n = [_text_object(1, 60, 25, "附件：重点任务分工表")], 100
    for r in range(len(ys) - 1):  # rules drawn cell by cell, as converters do
        for c in range(len(cols) - 1):
            n += 2
            objs += [_rule(n, cols[c], ys[r], cols[c + 1], ys[r]), _rule(n + 1, cols[c], ys[r], cols[c], ys[r + 1])]
    objs += [_rule(n + 1, cols[0], ys[-1], cols[-1], ys[-1]), _rule(n + 2, cols[-1], ys[0], cols[-1], ys[-1])]
    size = 4.2
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            per = int((cols[c + 1] - cols[c] - 2) // size)
            for k in range(0, len(text), per):  # a long cell wraps inside its cell
                n += 1
                objs.append(_text_object(n, cols[c] + 1, ys[r] + 1 + (k // per) * 5, text[k:k + per], size))
    return objs


def test_an_ofd_notice_reads_as_lines_and_items(tmp_path):
    path = tmp_path / "notice.ofd"
    path.write_bytes(_ofd([_notice()]))
    text = load(path)
    assert "1．动态调整县级政府部门权责清单，年内完成一次集中调整，调整结果及时向社会公布。（县委编办牵头，县司法局配合）" in text
    assert "2．深化“放管服”改革。（县政务服务中心牵头）" in text  # three objects, one line
    assert "新任执法人员岗前培训不少于40学时。" in text
    parsed = read_document(path)
    assert parsed.doc.title == "梧桐县2025年法治政府建设工作要点" and parsed.doc.date == "2025-03-12"
    tasks = [it for it in parsed.items if it.kind == "task"]
    assert [t.lead_units for t in tasks] == [("县委编办",), ("县政务服务中心",), ("县司法局",)]
    assert tasks[2].participating_units == ("各乡镇人民政府",)


def test_an_ofd_table_drawn_with_rules_keeps_rows_and_wrapped_cells(tmp_path):
    path = tmp_path / "table.ofd"
    path.write_bytes(_ofd([_table()]))
    rows = [ln.split("\t") for ln in load(path).split("\n") if "\t" in ln]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "配合单位"]
    assert rows[2] == ["5", "开展规范性文件清理，清理结果向社会公布", "县政府办公室", "县司法局、县财政局"]
    assert len(rows) == 4


def test_a_damaged_ofd_says_so(tmp_path):
    path = tmp_path / "bad.ofd"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError, match="OFD"):
        load(path)


def test_a_paragraph_cut_by_a_page_break_is_one_line_again(tmp_path):
    """The last line of a page runs to the margin mid-sentence and the next page goes on: one line
    (the page number between them aside); a page ending a sentence, or a next page opening with a
    number, stays apart."""
    def page(lines: list[str], number: int) -> list[str]:
        objs = [_text_object(k + 1, 28, 30 + 9.5 * k, text) for k, text in enumerate(lines)]
        return objs + [_text_object(99, 98, 280, f"—{number}—", 4.5)]

    def wrapped(text: str, per: int = 27) -> list[str]:  # justified: full lines reach the margin
        return [text[k:k + per] for k in range(0, len(text), per)]

    preamble = wrapped("为深入推进依法行政，加快建设法治政府，根据上级有关部署，结合本县实际，制定本要点。各乡镇、各部门要认真贯彻落实。")
    item = wrapped("1．动态调整县级政府部门权责清单，年内完成一次集中调整，调整结果及时向社会公布。（县委编办牵头，县司法局配合）")
    last = wrapped("3．行政执法人员每年培训不少于60学时，新任执法人员岗前培训不少于40学时。（县司法局牵头）")
    first, second = preamble + item[:2], item[2:] + last  # the item's third line opens page 2
    third = ["2．深化“放管服”改革。（县政务服务中心牵头）"]
    path = tmp_path / "pages.ofd"
    path.write_bytes(_ofd([page(first, 1), page(second, 2), page(third, 3)]))
    text = load(path)
    assert "调整结果及时向社会公布。（县委编办牵头，县司法局配合）" in text
    assert "\n2．深化“放管服”改革。" in text  # page 2 ends its sentence; page 3 opens with a number
    assert "本县实际，制定本要点。各乡镇" in text


def test_an_ofd_cell_merged_over_two_rows_reaches_both(tmp_path):
    cols, ys = [20, 32, 110, 150, 190], [40, 50, 60, 70]
    objs, n = [], 100
    for r in range(len(ys) - 1):
        for c in range(len(cols) - 1):
            n += 2
            if not (r == 2 and c == 2):  # no rule between rows 1 and 2 in the lead column: one cell
                objs.append(_rule(n, cols[c], ys[r], cols[c + 1], ys[r]))
            objs.append(_rule(n + 1, cols[c], ys[r], cols[c], ys[r + 1]))
    objs += [_rule(n + 2, cols[0], ys[-1], cols[-1], ys[-1]), _rule(n + 3, cols[-1], ys[0], cols[-1], ys[-1])]
    for r, row in enumerate([("序号", "重点任务", "牵头单位", "配合单位"), ("1", "完善行政复议机制", "", "县法院"),
                             ("2", "推进公共法律服务", "", "各乡镇")]):
        for c, text in enumerate(row):
            if text:
                n += 1
                objs.append(_text_object(n, cols[c] + 1, ys[r] + 2, text, 4.2))
    objs.append(_text_object(n + 1, cols[2] + 1, 57, "县司法局", 4.2))  # once, across the two rows
    path = tmp_path / "merged.ofd"
    path.write_bytes(_ofd([objs]))
    rows = [ln.split("\t") for ln in load(path).split("\n") if "\t" in ln]
    assert [r[2] for r in rows[1:]] == ["县司法局", "县司法局"] and [r[3] for r in rows[1:]] == ["县法院", "各乡镇"]


def test_an_ofd_page_with_a_broken_number_says_which_page(tmp_path):
    page = [_text_object(1, 28, 30, "梧桐县人民政府办公室文件").replace('X="0"', 'X="零"')]
    path = tmp_path / "broken.ofd"
    path.write_bytes(_ofd([page]))
    with pytest.raises(DocumentError, match="第1页"):
        load(path)
