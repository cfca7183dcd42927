"""Paged files -> lines: PDF pages (pdfplumber: text lines and ruled tables by position), scanned
pages and pages whose text layer is noise (`scan`, OCR), pictures of pages (.jpg/.png, a scanner's
multi-page .tif; OCR too) and OFD pages (`ofd`). A paragraph wrapped
into visual lines is one line again, within a page and across a page break; running headers and
footers are dropped; a table row is one tab-separated line, merged cells carried."""
from __future__ import annotations

import hashlib
import re
from collections import Counter

from corpus import ofd, placed, scan
from corpus.cells import TABLE_SEP, cell_text, row_line
from corpus.errors import DocumentError
from corpus.units import LABEL_RE, looks_like_unit
from corpus.text import paren_open

PAGE_NUMBER = re.compile(r"^\s*(?:[—－\-–]\s*\d{1,3}\s*[—－\-–]|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")


def read_pdf(data: bytes, name: str) -> str:
    import io
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the user's business
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
        pages = list(pdf.pages)
    except Exception as exc:
        kind = exc.__class__.__name__
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower() or "Password" in kind:
            raise DocumentError(f"{name}: 这个PDF有密码保护,请提供未加密的版本 (encrypted PDF).") from exc
        raise DocumentError(f"{name}: not a readable .pdf file ({kind}; 文件已损坏?).") from exc
    digest = hashlib.sha256(data).hexdigest()
    try:
        if digest in _RECOGNISED:  # a scan read before, in this process (the library re-reads every upload)
            sheets = _RECOGNISED[digest]
        else:
            scanned = [scan.is_scanned(page) for page in pages]
            sheets = _across_pages(_without_running_lines([_pdf_page(p, s) for p, s in zip(pages, scanned)]))
            if any(scanned):
                _remember(digest, sheets)
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(f"{name}: the PDF could not be read ({exc.__class__.__name__}).") from exc
    finally:
        pdf.close()
    text = "\n".join(line for sheet in sheets for line in sheet)
    if not text.strip():
        raise DocumentError(f"{name}: 这个PDF没有文字层,也没有识别出文字,请提供可复制文字的版本 "
                            "(no text layer, and none could be recognised: send the original).")
    return text


PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}


def read_pictures(data: bytes, name: str) -> str:
    """A page photographed or scanned to a picture (a multi-page .tif: one page a frame), each
    page read by OCR as a scanned PDF page is."""
    import io

    from PIL import Image, ImageOps, ImageSequence

    digest = hashlib.sha256(data).hexdigest()
    if digest not in _RECOGNISED:
        try:
            with Image.open(io.BytesIO(data)) as picture:
                # a phone photo is stored sideways with an orientation tag: turn it as it is shown
                frames = [ImageOps.exif_transpose(frame.convert("RGB")) for frame in ImageSequence.Iterator(picture)]
        except Exception as exc:
            raise DocumentError(f"{name}: 不是可读的图片 (not a readable picture: {exc.__class__.__name__}).") from exc
        frames = [f for f in frames if f.width >= scan.PICTURE_MIN[0] and f.height >= scan.PICTURE_MIN[1]]
        if not frames:
            raise DocumentError(f"{name}: 图片太小,无法识别文字;请提供清晰的扫描件 (the picture is too small to read).")
        # positions as on an A4 page in points, the scale every other paged reader gives
        pages = [placed_lines(scan.read_image(f, scale=(842 if f.width > f.height else 595) / f.width)) for f in frames]
        _remember(digest, _across_pages(_without_running_lines(pages)))
    text = "\n".join(line for sheet in _RECOGNISED[digest] for line in sheet)
    if not text.strip():
        raise DocumentError(f"{name}: 图片中没有识别出文字,请提供清晰的扫描件或原文件 (no text recognised).")
    return text


# the lines of scanned PDFs and pictures, by the file's hash: recognition takes seconds a page, and the document
# library reads every document again whenever one is added
_RECOGNISED: dict[str, list[list[str]]] = {}


def _remember(digest: str, sheets: list[list[str]]) -> None:
    _RECOGNISED[digest] = sheets
    while len(_RECOGNISED) > 32:  # the oldest out first
        _RECOGNISED.pop(next(iter(_RECOGNISED)))


def _without_running_lines(sheets: list[list[dict]]) -> list[list[dict]]:
    """A running header or footer (the same first or last line on two pages or more, `XX县人民政府规范
    性文件 X政发〔2025〕11号`) is no part of the text: left in, it lands inside the item a page break
    cuts, even inside its unit list."""
    def running(line: str, seen: Counter) -> bool:
        # what a running header carries (a 文号, 文件, 规范性文件); a line repeated at the top of
        # every page that names a task (a task card's title) stays, and so does a table's header row
        return (seen[line.strip()] >= 2 and TABLE_SEP not in line and not LABEL_RE.search(line)
                and bool(re.search(r"〔\d{4}〕\d+号|文件", line)))

    firsts = Counter(s[0]["text"].strip() for s in sheets if s)
    lasts = Counter(s[-1]["text"].strip() for s in sheets if s)
    out = []
    for sheet in sheets:
        if len(sheet) > 1 and running(sheet[0]["text"], firsts):
            sheet = sheet[1:]
        if len(sheet) > 1 and running(sheet[-1]["text"], lasts):
            sheet = sheet[:-1]
        out.append(sheet)
    return out


def _pdf_page(page, scanned: bool) -> list[dict]:
    """Text lines outside tables and table rows, merged by their vertical position; a scanned page
    (`scan.is_scanned`) recognised from its picture."""
    if scanned:
        return placed_lines(scan.read_page(page))
    tables = page.find_tables()
    gutter = None if tables else _gutter(page)
    if gutter is not None:
        return _unwrapped(_two_columns(page, gutter))
    boxes = [t.bbox for t in tables]
    placed: list[tuple[float, int, list[dict]]] = []
    for t in tables:
        rows = [{"text": row_line([_pdf_cell(c or "") for c in row])} for row in _spans_carried(t)]
        placed.append((t.bbox[1], 1, rows))

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    body = page.filter(lambda obj: obj.get("object_type") != "char" or outside(obj))
    for line in _unwrapped(body.extract_text_lines(return_chars=False)):
        placed.append((line["top"], 0, [line]))
    placed.sort(key=lambda p: (p[0], p[1]))
    return [ln for _, _, chunk in placed for ln in chunk]


def _gutter(page) -> float | None:
    """Where a page set in two columns (a 政府公报 page) divides them: a band near the middle,
    at least 6 pt wide, that far fewer lines' ink crosses than the columns' text beside it, with
    text on both sides of it; None for a page in one column."""
    chars = [c for c in page.chars if c.get("text", "").strip()]
    if len(chars) < 200:
        return None
    lo, width = int(page.width * 0.3), int(page.width * 0.4)
    lines_at = [set() for _ in range(width)]  # x (pt) -> the lines (by top) with ink there
    for c in chars:
        for x in range(max(0, int(c["x0"]) - lo), min(width, int(c["x1"]) - lo + 1)):
            lines_at[x].add(round(c["top"] / 3))
    # few lines' ink where the columns' text has most (the lines across the gutter: a title, the
    # running header, the page number, are a few per page)
    typical = sorted(len(s) for s in lines_at)[int(0.75 * width)]
    runs, start = [], None
    for x in range(width + 1):
        empty = x < width and len(lines_at[x]) <= 0.3 * typical
        if empty and start is None:
            start = x
        elif not empty and start is not None:
            runs.append((start, x))
            start = None
    runs = [(a, b) for a, b in runs if b - a >= 6 and 0 < a and b < width]  # ink on both sides
    if not runs:
        return None
    a, b = min(runs, key=lambda r: abs((r[0] + r[1]) / 2 - width / 2))
    middle = lo + (a + b) / 2
    left = sum(1 for c in chars if c["x1"] < middle) / len(chars)
    return middle if 0.25 < left < 0.75 else None


def _two_columns(page, gutter: float) -> list[dict]:
    """The page's lines in reading order: a line across the gutter (the title, a running header,
    the page number) where it stands; between two such lines, the left column's lines, then the
    right column's. Each column's lines are given x from the column's own left margin, so a
    paragraph running on from the foot of the left column to the head of the right one unwraps
    like any other."""
    # a line with ink in the middle of the gutter runs across it (column text leaves it blank), and
    # so does a running header or footer in the page's margin, set left and right of the gutter
    # (the running header alternates between left and right pages, so it is dropped here, in the
    # margin, rather than as a line every page repeats)
    physical = page.extract_text_lines(return_chars=True)
    running = _running_ends(physical, page.height)
    across = [(ln["top"], ln["bottom"]) for n, ln in enumerate(physical)
              if n in running or any(c["x0"] < gutter + 2 and c["x1"] > gutter - 2 for c in ln["chars"])]
    dropped = {(physical[n]["top"], physical[n]["bottom"]) for n in running}
    out: list[dict] = []
    edge = 0.0
    for top, bottom in sorted(across) + [(page.height, page.height)]:
        if top - edge > 1:
            for x0, x1 in ((0, gutter), (gutter, page.width)):
                lines = page.within_bbox((x0, edge, x1, top)).extract_text_lines(return_chars=False)
                left = min((ln["x0"] for ln in lines), default=0.0)
                out += [{**ln, "x0": ln["x0"] - left, "x1": ln["x1"] - left} for ln in lines]
        if bottom > top and (top, bottom) not in dropped:
            out += page.within_bbox((0, top - 0.5, page.width, bottom + 0.5)).extract_text_lines(return_chars=False)
        edge = max(edge, bottom + 0.5)
    return out


def _running_ends(lines: list[dict], height: float) -> set[int]:
    """The first and last of a page's lines when they stand apart from the text in its margins
    (a running header in the top sixth, a page number in the bottom sixth, each further from its
    neighbour than twice the usual space between lines)."""
    if len(lines) < 4:
        return set()
    gaps = sorted(b["top"] - a["bottom"] for a, b in zip(lines, lines[1:]))
    usual = max(1.0, gaps[len(gaps) // 2])
    ends = set()
    if lines[0]["bottom"] < height / 6 and lines[1]["top"] - lines[0]["bottom"] > 2 * usual:
        ends.add(0)
    if lines[-1]["top"] > height * 5 / 6 and lines[-1]["top"] - lines[-2]["bottom"] > 2 * usual:
        ends.add(len(lines) - 1)
    return ends


_ENDS_PARAGRAPH = re.compile(r"[。；;：:！？!?]$")
_OPENS_PARAGRAPH = re.compile(r"^(?:\d{1,2}\s*[.．、]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳•·])")


_UNIT_MARKS = re.compile(r"[●○◎★☆▲△■□◆◇√✓✔※✱⭐*]|[(（](牵头|配合|负责|协办|主办)[)）]")


def _pdf_cell(cell: str) -> str:
    """A cell's lines as the page wraps them are one text: `不少于` / `12名` is `不少于12名`, a unit list
    wrapped after its 、 one list. A line ends a paragraph only after a sentence's end or before a
    line that opens with a number; a cell of bare unit names, one per line, keeps them apart."""
    lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
    # (a name may carry the mark a key gives it: 县司法局★, 县司法局（牵头）)
    if len(lines) > 1 and all(looks_like_unit(_UNIT_MARKS.sub("", ln)) for ln in lines):
        return cell_text(lines)
    paragraphs: list[str] = []
    for ln in lines:
        if paragraphs and not _ENDS_PARAGRAPH.search(paragraphs[-1]) and not _OPENS_PARAGRAPH.match(ln):
            paragraphs[-1] += ln
        else:
            paragraphs.append(ln)
    return cell_text(paragraphs)


def _spans_carried(table) -> list[list[str | None]]:
    """A pdfplumber table's cells, a cell merged over several rows (a 牵头单位 over a group of
    tasks) given to every row it spans, as in a Word or Excel table; a cell merged across columns
    (a section row) stays in its first column."""
    data = table.extract()
    rows = table.rows
    for r in range(1, len(data)):
        for c in range(len(data[r])):
            if data[r][c] is not None or c >= len(rows[r].cells) or rows[r].cells[c] is not None:
                continue
            for k in range(r - 1, -1, -1):  # the cell above that starts this column's span
                above = rows[k].cells[c] if c < len(rows[k].cells) else None
                if above is not None:
                    if above[3] > rows[r].bbox[1] + 1:  # it reaches below this row's top
                        data[r][c] = data[k][c]
                    break
    return data


def _across_pages(pages: list[list[dict]]) -> list[list[str]]:
    """Each page's lines, a paragraph the page break cut joined again: when a page's last line of
    text (its page number aside) runs to the margin mid-sentence and the next page opens with no
    number, label or unit line of its own, the opening line continues it."""
    pages = [[dict(ln) for ln in page] for page in pages]
    for k in range(len(pages) - 1):
        body = [ln for ln in pages[k] if not PAGE_NUMBER.match(ln["text"])]
        if not body or not body[-1].get("wraps") or not pages[k + 1]:
            continue
        last, nxt = body[-1], pages[k + 1][0]["text"]
        if TABLE_SEP in nxt or STARTS_OWN.match(nxt) or (
                _UNIT_WORDS.search(_first_sentence(nxt)) and not paren_open(last["text"])):
            continue
        last["text"] += nxt.strip()
        pages[k + 1] = pages[k + 1][1:]
    return [[ln["text"] for ln in page] for page in pages]


def placed_lines(page: placed.Page) -> list[dict]:
    """A page read by position (a scan, an OFD page): its lines unwrapped, its table rows in place."""
    lines = [(top, 1, {"text": row}) for top, row in page.rows]
    lines += [(line["top"], 0, line) for line in _unwrapped(page.lines)]
    return [line for _, _, line in sorted(lines, key=lambda p: (p[0], p[1]))]


def read_ofd(data: bytes, name: str) -> str:
    pages = _across_pages(_without_running_lines([placed_lines(page) for page in ofd.read(data, name)]))
    text = "\n".join(line for sheet in pages for line in sheet)
    if not text.strip():
        raise DocumentError(f"{name}: 这个OFD文件里没有文字 (the OFD file holds no text: a scan?).")
    return text


# A line that starts something of its own: a heading or list number, a bracket (a unit note, a
# sub-point), or a unit label.
STARTS_OWN = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[(（〔【\[]|\d{1,3}\s*[.、．](?!\d)|\d{1,3}\s*[.、．](?=\d{1,2}\s*[月日]|\d{4}\s*年)|"
                         r"[①-⑳]|第[一二三四五六七八九十百\d]+[条项章节部分]|[【\[]?(牵头|责任|配合|参加|协办|主办|完成)"
                         r"|附件|[—–-]\s*\d)")
# Unit lines are left as printed: the item parser reads their labels line by line, wraps included.
_UNIT_WORDS = re.compile(r"(牵头|责任|配合|参加|协办|主办|参与)(单位|部门|科室|股室)|牵头|配合|按职责分工")
ENDS_SENTENCE = tuple("。；;：:！!？?）)”】")
_ROLE_FIRST = re.compile(r"^\s*(牵头|责任|配合|参加|协办|主办|参与|负责)")


def _ends_sentence(line: str) -> bool:
    """A closing quote ends a sentence only after a sentence's end (`…。”`); after a quoted name
    (`组织开展“宪法宣传周”` + `“民法典宣传月”等活动`) the line runs on."""
    line = line.rstrip()
    if line.endswith("”") and not line[:-1].endswith(("。", "！", "？", "!", "?", "；")):
        return False
    return line.endswith(ENDS_SENTENCE)


def _mode(values: list[float], step: float) -> tuple[float, int]:
    """The most common value, to within `step`, and how many share it."""
    value, count = Counter(round(v / step) for v in values).most_common(1)[0]
    return value * step, count


def _unwrapped(lines: list[dict]) -> list[dict]:
    """A paragraph wrapped into visual lines is one line again ("…在执法决定作出之日起20个工" +
    "作日内公开"), so a figure, a name or a sentence cut by the wrap reads whole. A line wraps when it
    runs to the text's right edge and does not end a sentence; the next line then continues it
    unless it starts something of its own (a number, a unit label). A line set to the right (a 文号,
    a date) or centred (a title) does not span the width, and never wraps."""
    if not lines:
        return lines
    widths = sorted((ln["x1"] - ln["x0"]) / max(1, len(ln["text"])) for ln in lines if ln["text"].strip())
    char = widths[len(widths) // 2] if widths else 10.0
    # the body's margins: where most lines end and start (a printed page's header and footer
    # lines run wider, a short last line of a paragraph ends early)
    (right, filled), (left, _) = _mode([ln["x1"] for ln in lines], char), _mode([ln["x0"] for ln in lines], char)
    if filled < 3 or (right - left) / char < 12:
        return lines  # too little running text on the page to tell a margin
    out: list[dict] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.get("wraps") and ln["text"].strip()
                # a unit note cut by the wrap goes on with its role word ("…县司法局" + "配合）")
                and (not STARTS_OWN.match(ln["text"]) or paren_open(prev["text"]) and _ROLE_FIRST.match(ln["text"]))
                and (paren_open(prev["text"]) or not _UNIT_WORDS.search(_first_sentence(ln["text"])))
                and ln["top"] - prev["bottom"] < 2.5 * char):
            prev = {**prev, "text": prev["text"] + ln["text"].strip(), "x1": ln["x1"], "bottom": ln["bottom"]}
            out[-1] = prev
        else:
            out.append(dict(ln))
        last = out[-1]
        last["wraps"] = (abs(right - last["x1"]) < 1.5 * char and last["x0"] - left < 3 * char  # spans the width
                         and len(last["text"]) >= 0.8 * (right - left) / char  # in body type, not a red head,
                         and not _ends_sentence(last["text"])  # not a right-set 文号 or date
                         and (not _UNIT_WORDS.search(last["text"]) or paren_open(last["text"])))
    return out


def _first_sentence(text: str) -> str:
    """Up to the first sentence end: a wrapped sentence's tail with its unit note after it
    (`结果向社会公布。（县委编办牵头）`) continues the line above; a unit line does not."""
    return re.split(r"[。；;]", text, maxsplit=1)[0]


