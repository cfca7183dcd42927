"""A scanned PDF (pages that are pictures, no text layer) read by OCR: a page printed askew with
noise and a red seal, and a ruled table whose cells wrap and hold lone characters. The pages are
drawn here with PIL and a CJK font, so nothing of a real document is needed."""
from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from corpus.load import load
from corpus.pipeline import read_document

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="needs fonts-noto-cjk (make test installs it)")
W, H = 1654, 2339  # A4 at 200 dpi

PLAN = [
    "　　一、依法全面履行政府职能",
    "　　1．动态调整县级政府部门权责清单，年内完成一次集中调整，调整结果及时向社会公布。（县委编办牵头，县司法局配合）",
    "　　2．深化“放管服”改革，政务服务事项网上可办率达到95%以上，推动更多事项掌上办、就近办。（县政务服务中心牵头）",
    "　　二、严格规范公正文明执法",
    "　　3．行政执法人员每年培训不少于60学时，新任执法人员岗前培训不少于40学时。",
    "　　牵头单位：县司法局　配合单位：各乡镇人民政府",
    "　　4．推行“首违不罚”清单制度，适时调整清单，对轻微违法行为依法不予处罚。（县市场监管局、县交通运输局负责）",
]
TABLE = [("序号", "重点任务", "牵头单位", "配合单位"),
         ("1", "完善行政复议案件审理机制", "县司法局", "县法院"),
         ("2", "开展规范性文件清理，清理结果向社会公布", "县政府办公室", "县司法局、县财政局"),
         ("3", "推进公共法律服务平台建设", "县司法局", "")]


def _page():
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (W, H), (238, 237, 233))
    return image, ImageDraw.Draw(image)


def _font(size: int):
    from PIL import ImageFont
    return ImageFont.truetype(str(FONT), size)


def _scanned(image, angle: float, seed: int):
    """Specks of grey, and the sheet a little askew on the glass."""
    rnd = random.Random(seed)
    px = image.load()
    for _ in range(20000):
        g = rnd.randint(150, 225)
        px[rnd.randrange(W), rnd.randrange(H)] = (g, g, g)
    return image.rotate(angle, fillcolor=(238, 237, 233), resample=3)


def _plan_page(angle: float):
    image, d = _page()
    d.text((W // 2, 160), "梧桐县人民政府办公室文件", font=_font(78), fill=(200, 20, 20), anchor="mm")
    d.text((W // 2, 300), "梧政办发〔2025〕7号", font=_font(40), fill=(10, 10, 10), anchor="mm")
    d.line((150, 350, W - 150, 350), fill=(200, 20, 20), width=5)
    d.text((W // 2, 430), "梧桐县2025年法治政府建设工作要点", font=_font(40), fill=(15, 15, 15), anchor="mm")
    y, per_line = 520, 32  # justified: every full line reaches the right margin
    for paragraph in PLAN:
        for i in range(0, len(paragraph), per_line):
            for k, ch in enumerate(paragraph[i:i + per_line]):
                d.text((170 + k * 41, y), ch, font=_font(40), fill=(15, 15, 15))
            y += 72
    d.text((W - 260, 1900), "梧桐县人民政府办公室", font=_font(40), fill=(15, 15, 15), anchor="mm")
    d.text((W - 260, 1970), "2025年3月12日", font=_font(40), fill=(15, 15, 15), anchor="mm")
    _seal(image, (W - 260, 1950))  # stamped over the signature and the date
    d.text((W // 2, 2230), "—1—", font=_font(36), fill=(15, 15, 15), anchor="mm")
    return _scanned(image, angle, 1)


def _seal(image, centre):
    """A round red seal: a thick ring, a star and the issuer's name, printed over what is under it
    (multiplied, as ink is)."""
    from PIL import Image, ImageChops, ImageDraw
    layer = Image.new("RGB", image.size, (255, 255, 255))
    d = ImageDraw.Draw(layer)
    x, y = centre
    d.ellipse((x - 170, y - 170, x + 170, y + 170), outline=(215, 35, 35), width=10)
    d.text((x, y), "★", font=_font(110), fill=(215, 35, 35), anchor="mm")
    name = "梧桐县人民政府办公室"
    for k, ch in enumerate(name):  # the issuer's name around the ring, each character turned
        angle = math.radians(200 + k * 140 / (len(name) - 1))
        glyph = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((30, 30), ch, font=_font(48), fill=(215, 35, 35, 255), anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=3)
        layer.paste(glyph, (int(x + 125 * math.cos(angle)) - 30, int(y + 125 * math.sin(angle)) - 30), glyph)
    image.paste(ImageChops.multiply(image, layer))


def _table_page(angle: float):
    image, d = _page()
    d.text((W // 2, 180), "梧桐县2025年依法行政重点任务清单", font=_font(44), fill=(15, 15, 15), anchor="mm")
    cols, ys = [150, 260, 900, 1200, 1504], [260, 340, 420, 570, 650]
    for y in ys:
        d.line((cols[0], y, cols[-1], y), fill=(20, 20, 20), width=3)
    for x in cols:
        d.line((x, ys[0], x, ys[-1]), fill=(20, 20, 20), width=3)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            per_line = (cols[c + 1] - cols[c] - 20) // 36  # a long cell wraps inside its cell
            for k in range(0, len(text), per_line):
                d.text((cols[c] + 10, ys[r] + 14 + k // per_line * 46), text[k:k + per_line],
                       font=_font(34), fill=(15, 15, 15))
    return _scanned(image, angle, 2)


def _pdf(path: Path, *pages) -> Path:
    pages[0].save(path, save_all=True, append_images=list(pages[1:]), resolution=200)
    return path


def test_a_scanned_plan_is_read_by_ocr_and_split_into_items(tmp_path):
    parsed = read_document(_pdf(tmp_path / "scan.pdf", _plan_page(0.7)))
    assert parsed.doc.title == "梧桐县2025年法治政府建设工作要点"
    assert parsed.doc.date == "2025-03-12"
    tasks = {it.text[:6]: it for it in parsed.items if it.lead_units or it.responsible_units}
    assert len(tasks) == 4
    first = next(it for it in parsed.items if "动态调整" in it.text)
    assert "调整结果及时向社会公布" in first.text  # the line the page wrapped is one sentence again
    assert "县级政府部门权责清单" in first.text  # 门 in a Song face, read as 內 by the recogniser, put right
    assert first.lead_units == ("县委编办",) and first.participating_units == ("县司法局",)
    third = next(it for it in parsed.items if "60学时" in it.text)
    assert third.lead_units == ("县司法局",) and third.participating_units == ("各乡镇人民政府",)
    fourth = next(it for it in parsed.items if "首违不罚" in it.text)
    assert fourth.responsible_units == ("县市场监管局", "县交通运输局") and not fourth.lead_units


def test_a_scanned_ruled_table_keeps_its_rows_and_cells(tmp_path):
    lines = load(_pdf(tmp_path / "table.pdf", _table_page(-0.5))).split("\n")
    rows = [ln.split("\t") for ln in lines if "\t" in ln]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "配合单位"]
    # a cell wrapped onto two lines reads whole; a lone number the detector misses is still read
    assert rows[2] == ["2", "开展规范性文件清理，清理结果向社会公布", "县政府办公室", "县司法局、县财政局"]
    assert rows[3][:3] == ["3", "推进公共法律服务平台建设", "县司法局"] and rows[3][3] == ""


def test_a_scan_is_recognised_once_per_process(tmp_path, monkeypatch):
    """The library reads every document again when one is added: a scan read before is not
    recognised again (the recogniser is not called a second time)."""
    from corpus import scan

    path = _pdf(tmp_path / "again.pdf", _table_page(0.3))
    first = load(path)
    monkeypatch.setattr(scan, "read_page", lambda page: pytest.fail("recognised again"))
    assert load(path) == first


def test_a_task_table_pasted_into_a_word_file_as_a_picture_is_read(tmp_path):
    """Offices paste the printed 分工表 into the notice as a picture: its rows are read by OCR, in
    place; a small picture (an emblem, a seal) is not read."""
    import docx
    from docx.shared import Cm

    table_png, emblem_png = tmp_path / "table.png", tmp_path / "emblem.png"
    _table_page(0.0).crop((100, 150, 1554, 700)).save(table_png)
    _table_page(0.0).crop((150, 255, 900, 345)).save(emblem_png)  # a strip of the header: too small
    document = docx.Document()
    document.add_paragraph("梧桐县2025年依法行政重点任务清单")
    document.add_paragraph().add_run().add_picture(str(emblem_png), width=Cm(3))
    document.add_paragraph("附件：重点任务分工表")
    document.add_paragraph().add_run().add_picture(str(table_png), width=Cm(16))
    document.add_paragraph("梧桐县人民政府办公室")
    document.save(tmp_path / "notice.docx")
    lines = load(tmp_path / "notice.docx").split("\n")
    rows = [ln.split("\t") for ln in lines if "\t" in ln]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "配合单位"]
    assert rows[2] == ["2", "开展规范性文件清理，清理结果向社会公布", "县政府办公室", "县司法局、县财政局"]
    assert lines.index("附件：重点任务分工表") < lines.index("\t".join(rows[0])) < lines.index("梧桐县人民政府办公室")
    assert len([ln for ln in lines if "梧桐县2025年依法行政重点任务清单" in ln]) == 2  # the picture's title line too
    assert len([ln for ln in lines if ln.startswith("序号")]) == 1  # the small picture is not read


def test_a_text_layer_that_is_no_text_is_read_from_the_picture():
    """A font without a Unicode map prints fine and extracts as (cid:N) or private-use code points:
    such a page is recognised from its rendering, like a scan; a real text layer is kept."""
    from corpus.scan import garbled

    assert garbled(["(cid:12)"] * 30 + list("县司法局"))
    assert garbled(["\ue0a1", "\ue0b2"] * 20)
    assert not garbled(list("县司法局牵头，县法院配合。") * 5)
    assert not garbled(["(cid:3)"] * 5)  # too little to tell


def test_a_scan_without_the_ocr_package_says_how_to_install_it(tmp_path, monkeypatch):
    import sys

    from corpus import scan
    from corpus.errors import DocumentError

    path = _pdf(tmp_path / "noocr.pdf", _table_page(0.2))
    scan._engine.cache_clear()
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # as if it were not installed
    try:
        with pytest.raises(DocumentError, match="rapidocr-onnxruntime"):
            load(path)
    finally:
        scan._engine.cache_clear()


def test_a_unit_cell_merged_over_rows_of_a_scanned_table_reaches_each_row(tmp_path):
    """A 牵头单位 printed once over a group of tasks (a merged cell: no rule under it in its column)
    is every one of those tasks' lead, as a merged cell is in a Word or Excel table."""
    image, d = _page()
    cols, ys = [150, 260, 900, 1200, 1504], [260, 340, 420, 500, 580]
    for k, y in enumerate(ys):
        if k in (2, 3):  # the lead column's cell runs over rows 2–4: no rule under rows 2 and 3 there
            d.line((cols[0], y, cols[2], y), fill=(20, 20, 20), width=3)
            d.line((cols[3], y, cols[-1], y), fill=(20, 20, 20), width=3)
        else:
            d.line((cols[0], y, cols[-1], y), fill=(20, 20, 20), width=3)
    for x in cols:
        d.line((x, ys[0], x, ys[-1]), fill=(20, 20, 20), width=3)
    rows = [("序号", "重点任务", "牵头单位", "配合单位"), ("1", "完善行政复议案件审理机制", "", "县法院"),
            ("2", "推进公共法律服务平台建设", "", "各乡镇人民政府"), ("3", "开展法治宣传进万家活动", "", "县委宣传部")]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                d.text((cols[c] + 10, ys[r] + 20), text, font=_font(34), fill=(15, 15, 15))
    d.text((cols[2] + 10, ys[2] + 20), "县司法局", font=_font(34), fill=(15, 15, 15))  # once, in the middle
    lines = load(_pdf(tmp_path / "merged.pdf", _scanned(image, 0.3, 3))).split("\n")
    table = [ln.split("\t") for ln in lines if "\t" in ln]
    assert [r[2] for r in table[1:]] == ["县司法局"] * 3
    assert [r[3] for r in table[1:]] == ["县法院", "各乡镇人民政府", "县委宣传部"]


def test_a_word_file_with_a_picture_still_reads_without_the_ocr_package(tmp_path, monkeypatch):
    import sys

    import docx

    from corpus import scan

    png = tmp_path / "table.png"
    _table_page(0.0).crop((100, 150, 1554, 700)).save(png)
    document = docx.Document()
    document.add_paragraph("梧桐县2025年依法行政重点任务清单")
    document.add_paragraph().add_run().add_picture(str(png))
    document.save(tmp_path / "pic.docx")
    scan._engine.cache_clear()
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    try:
        assert load(tmp_path / "pic.docx") == "梧桐县2025年依法行政重点任务清单\n"
    finally:
        scan._engine.cache_clear()


def test_a_page_saved_as_a_picture_reads_as_the_scanned_pdf_does(tmp_path):
    """A phone photo stored sideways with its orientation tag, and a scanner's two-page .tif."""
    from PIL import Image

    def units(path):  # recognition differs by a stray space or stop between a picture and its PDF
        return [(i.kind, i.section, i.lead_units, i.participating_units) for i in read_document(path).items]

    plan, table = _plan_page(0.7), _table_page(-0.5)
    as_pdf = units(_pdf(tmp_path / "scan.pdf", plan, table))
    tif = tmp_path / "scan.tif"
    plan.copy().save(tif, save_all=True, append_images=[table.copy()], compression="tiff_lzw")  # fresh: the PDF writer left its settings on them
    assert units(tif) == as_pdf and sum(kind == "task" for kind, *_ in as_pdf) == 3
    photo = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show": the pixels are stored turned the other way
    plan.rotate(90, expand=True).save(photo, quality=92, exif=exif)
    parsed = read_document(photo)
    assert parsed.doc.title == "梧桐县2025年法治政府建设工作要点"
    assert next(it for it in parsed.items if "60学时" in it.text).lead_units == ("县司法局",)


def test_a_picture_too_small_or_broken_gets_a_message(tmp_path):
    from PIL import Image

    from corpus.errors import DocumentError

    small = tmp_path / "logo.png"
    Image.new("RGB", (120, 80), (255, 255, 255)).save(small)
    with pytest.raises(DocumentError, match="图片太小"):
        load(small)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(DocumentError, match="不是可读的图片"):
        load(broken)


def test_recognised_text_over_a_cells_rule_is_cut_at_the_rule_unless_the_cell_is_merged():
    """The recogniser may read two neighbouring cells as one box ("区人力资源社会保障局2025年10月底");
    a category row merged across the table has no rule inside and stays one cell."""
    from corpus import placed

    table = placed.Table(ys=[0, 20, 40], xs=[0, 100, 160], open_right=frozenset({(0, 0)}))
    # ten Chinese characters left of the rule at x=100 (10 pt each), then "2025年10月底": a digit half as wide
    joined = placed.piece(0, 22, 160, 38, "区人力资源社会保障局2025年10月底")
    category = placed.piece(2, 2, 150, 18, "一、依法全面履行政府职能")
    rows = table.rows([joined, category])
    assert rows[0][1].split("\t") == ["一、依法全面履行政府职能", ""]
    assert rows[1][1].split("\t") == ["区人力资源社会保障局", "2025年10月底"]
