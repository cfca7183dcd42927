"""Stage 1, load: a file -> its text in document order, tables kept as tables.

Every format comes out the same way: plain lines, and each table row as one line of
tab-separated cells (`TABLE_SEP`), so the later stages read a .docx table, an HTML table, a PDF
table and a tab-separated .txt alike. Merged cells are carried to every row they span; a cell
holding several paragraphs keeps them, joined by `CELL_BREAK`.

Libraries: python-docx (Word body order, real tables), pdfplumber (PDF text lines and tables by
position; a scanned page is recognised by `scan`, RapidOCR), `ofd` (OFD 版式文档: zipfile and
the standard XML parser), BeautifulSoup with lxml (portal pages). Every failure is a `DocumentError` saying what
to do with the file.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from corpus import ofd, placed, scan
from corpus.docx_numbers import ListNumbers
from corpus.errors import DocumentError
from corpus.units import LABEL_RE

TABLE_SEP = "\t"
CELL_BREAK = "<br>"  # paragraphs inside one table cell (the Markdown exports write the same)
PAGE_NUMBER = re.compile(r"^\s*(?:[—－\-–]\s*\d{1,3}\s*[—－\-–]|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUPPORTED = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm", ".xlsx", ".csv", ".ofd"}
MAX_BYTES = 20 * 1024 * 1024
_OLD_OFFICE = {".doc": "Word 97-2003 (.doc)", ".wps": "WPS (.wps)", ".et": "WPS 表格", ".xls": "Excel 97-2003"}


def decode(data: bytes, name: str = "file") -> str:
    """Bytes -> text. Tries UTF-8 (with or without BOM), UTF-16 with a BOM, then GB18030
    (a superset of GBK and GB2312, the encodings Chinese government sites still serve)."""
    if not data.strip():
        raise DocumentError(f"{name} 是空文件 (empty): nothing to index.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{name} looks like a binary file, not text. Supported: .txt .md .html .docx .pdf")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise DocumentError(
        f"{name}: cannot decode the text (tried UTF-8 and GB18030/GBK). Save it as UTF-8 and retry."
    )


def _mostly_text(text: str) -> bool:
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad <= max(2, len(text) // 200)


def load(path: str | Path) -> str:
    """The document's text: lines, with table rows as tab-separated cells."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file.")
    if path.is_dir():
        raise DocumentError(f"{path} is a folder; give the files inside it.")
    suffix = path.suffix.lower()
    if suffix in _OLD_OFFICE:
        modern = ".xlsx" if suffix in (".et", ".xls") else ".docx"
        raise DocumentError(f"{path.name}: {_OLD_OFFICE[suffix]} 格式无法读取,请另存为 {modern} 后再上传 "
                            f"(save it as {modern} and retry).")
    if suffix not in SUPPORTED:
        raise DocumentError(f"{path.name}: unsupported file type {suffix!r}. "
                            "Supported: .txt .md .html .docx .pdf .ofd .xlsx .csv")
    if path.stat().st_size > MAX_BYTES:
        raise DocumentError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB.")
    data = path.read_bytes()
    if suffix == ".docx":
        return _docx(data, path.name)
    if suffix == ".pdf":
        return _pdf(data, path.name)
    if suffix == ".xlsx":
        return _xlsx(data, path.name)
    if suffix == ".ofd":
        return _ofd(data, path.name)
    text = decode(data, path.name)
    if suffix == ".csv":
        return _csv(text)
    if suffix in (".html", ".htm") or _looks_like_html(text):
        return _html(text, path.name)
    return _spreadsheet_rows(text.replace("\r\n", "\n").replace("\r", "\n"))


def read_text(path: str | Path) -> str:  # the name the rest of the code knew
    return load(path)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


def _row_line(cells: list[str]) -> str:
    clean = [" ".join(c.replace(TABLE_SEP, " ").split("\n")).strip() if CELL_BREAK not in c else c
             for c in cells]
    return TABLE_SEP.join(clean)


def _cell_text(paragraphs: list[str]) -> str:
    return CELL_BREAK.join(p.strip() for p in paragraphs if p.strip())


# --- rows copied out of a spreadsheet ------------------------------------------------------------

def _spreadsheet_rows(text: str) -> str:
    """A task table copied out of Excel or WPS into plain text: cells separated by tabs, and a cell
    holding a line break wrapped in double quotes ("" for a quote inside). Read with the csv
    module between the first and the last line holding a tab (and on while a quoted cell is still
    open), each row becomes one line and a cell's own lines are joined by CELL_BREAK, as a Word
    table's are; the prose around the table is left as it is."""
    lines = text.split("\n")
    tabbed = [n for n, line in enumerate(lines) if "\t" in line]
    if not tabbed or not any(cell.startswith('"') for n in tabbed for cell in lines[n].split("\t")):
        return text  # no quoted cell: each row is one line already
    first, last = tabbed[0], tabbed[-1]
    while last + 1 < len(lines) and "\n".join(lines[first:last + 1]).count('"') % 2:
        last += 1  # the table's last cell is quoted and its closing line has no tab
    import csv
    import io

    block = io.StringIO("\n".join(lines[first:last + 1]), newline="")
    rows = csv.reader(block, delimiter="\t", quotechar='"', doublequote=True, strict=False)
    table = [_row_line([_cell_text(cell.split("\n")) for cell in row]) for row in rows]
    return "\n".join(lines[:first] + table + lines[last + 1:])


def _csv(text: str) -> str:
    """A task list saved by Excel or an OA system as CSV (GBK or UTF-8 with a BOM, `decode` reads
    both): each record a table row, a quoted cell's commas and line breaks kept inside it (its
    lines joined by CELL_BREAK), the empty columns Excel leaves at the right dropped, so a title
    row (the title in the first cell, commas after it) is a line of text. A file that is really
    tab-separated is read with tabs."""
    import csv
    import io

    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    lines = [_row_line([_cell_text(cell.split("\n")) for cell in row]).rstrip("\t") for row in rows]
    return "\n".join(line for line in lines if line.strip())


def _xlsx(data: bytes, name: str) -> str:
    """A 分工表 kept as an Excel workbook (openpyxl): each sheet's rows as table rows, its name
    first. A merged cell holds its value in its top-left cell only; as in a Word table, the value
    reaches every row a vertical merge spans (a category over several tasks) and stays in the
    first column of a horizontal one (a section row across the table)."""
    import io

    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), data_only=True)  # formulas as their computed values
    except Exception as exc:  # a damaged or encrypted workbook: say so, never a traceback
        raise DocumentError(f"{name}: 无法读取这个 Excel 文件 (cannot read the workbook: {exc}).") from exc
    lines: list[str] = []
    for sheet in book.worksheets:
        grid = [[_xlsx_value(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            top, left = merged.min_row - 1, merged.min_col - 1
            for r in range(merged.min_row, merged.max_row):
                if r < len(grid) and left < len(grid[r]):
                    grid[r][left] = grid[top][left]
        rows = [_row_line([_cell_text(c.split("\n")) for c in row]).rstrip("\t") for row in grid]
        rows = [r for r in rows if r.strip()]
        if rows:
            lines += [sheet.title, *rows] if len(book.worksheets) > 1 else rows
    return "\n".join(lines)


def _xlsx_value(value) -> str:
    import datetime

    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 序号 1.0 is "1"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).strip()


# --- Word -------------------------------------------------------------------------------------

def _docx(data: bytes, name: str) -> str:
    import io

    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a broken zip, an encrypted file, not a docx
        hint = "加密的文件请先解除密码 (encrypted?)" if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" else "文件已损坏或不是 .docx"
        raise DocumentError(f"{name}: not a readable .docx file ({exc.__class__.__name__}; {hint}).") from exc
    text = "\n".join(_docx_blocks(document.element.body, document, ListNumbers(document)))
    if not text.strip():
        raise DocumentError(f"{name}: the .docx has no text.")
    return text


def _docx_blocks(element, parent, numbers: ListNumbers) -> list[str]:
    """Paragraphs and tables in document order, also inside content controls (w:sdt), and a
    table used for layout (a cell holding a table) read cell by cell, so the table inside it is
    read as a table. A paragraph Word numbers itself gets its number back (`numbers`)."""
    from docx.oxml.ns import qn
    from docx.table import Table

    lines: list[str] = []
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(numbers.label(child) + paragraph_text(child))
            for box in _text_boxes(child):  # a red header or a note set in a text box
                lines.extend(_docx_blocks(box, parent, numbers))
            lines.extend(_docx_pictures(child, parent))
        elif child.tag == qn("w:tbl"):
            table = Table(child, parent)
            if child.find(".//" + qn("w:tc") + "/" + qn("w:tbl")) is not None:
                seen = set()
                for row in table.rows:
                    for cell in row.cells:
                        if cell._tc not in seen:
                            seen.add(cell._tc)
                            lines.extend(_docx_blocks(cell._tc, cell, numbers))
            else:
                lines.extend(_docx_table(table))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                lines.extend(_docx_blocks(content, parent, numbers))
    return lines


# a picture smaller than this is a logo, an emblem or a seal, not a page of text (pixels)
PICTURE_MIN = (600, 200)


def _docx_pictures(paragraph, parent) -> list[str]:
    """The text of the pictures a paragraph holds: a task table pasted in as a picture (a scan of
    the printed 分工表), read by OCR like a scanned page."""
    import io

    from docx.oxml.ns import qn
    from PIL import Image

    out: list[str] = []
    for blip in paragraph.iter(qn("a:blip")):
        part = parent.part.related_parts.get(blip.get(qn("r:embed")))
        if part is None:
            continue
        try:
            image = Image.open(io.BytesIO(part.blob))
            image.load()
        except Exception:  # a metafile (.emf/.wmf) or a broken picture: nothing to read
            continue
        if image.width < PICTURE_MIN[0] or image.height < PICTURE_MIN[1]:
            continue
        try:
            out += [ln["text"] for ln in _placed_page(scan.read_image(image)) if ln["text"].strip()]
        except Exception:  # no OCR installed, a damaged model: the file's own text still reads
            continue
    return out


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# properties (a paragraph's tab stops are w:tab too), deleted text, field codes, text boxes
_SKIPPED = {_W + "pPr", _W + "rPr", _W + "sdtPr", _W + "del", _W + "moveFrom", _W + "txbxContent", _W + "instrText"}


def paragraph_text(p) -> str:
    """A Word paragraph's text as it reads with its tracked changes accepted: text inserted with
    修订 on (w:ins, which python-docx's `text` leaves out) is in, deleted text (w:del) is out. Text
    in a text box is the box's own paragraphs, not this one's."""
    out: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag == _W + "tab":
                out.append("\t")
            elif tag == _W + "cr" or (tag == _W + "br" and child.get(_W + "type") in (None, "textWrapping")):
                out.append("\n")  # a line break; a page or column break is no text (as python-docx reads it)
            else:
                walk(child)

    walk(p)
    return "".join(out)


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(paragraph) -> list:
    """The text boxes anchored in a paragraph, each once: Word writes a box twice, as a drawing
    and as a VML fallback for old readers, and only the first is read."""
    boxes = []

    def walk(element) -> None:
        for child in element:
            if child.tag == _FALLBACK:
                continue
            if child.tag == _W + "txbxContent":
                boxes.append(child)
            else:
                walk(child)

    walk(paragraph)
    return boxes


def _docx_table(table) -> list[str]:
    rows = []
    for row in table.rows:
        # `row.cells` repeats a merged cell for every grid column and row it spans, so merged
        # text reaches each row (python-docx resolves vMerge continuation to the top cell).
        # A horizontally merged cell keeps its grid columns (so every later cell stays under its
        # header) but holds its text only in the first of them.
        cells, previous = [], None
        for cell in row.cells:
            same = cell._tc is previous
            previous = cell._tc
            cells.append("" if same else _cell_text([paragraph_text(p._p) for p in cell.paragraphs]))
        rows.append(_row_line(cells))
    return rows


# --- HTML -------------------------------------------------------------------------------------

def _html(markup: str, name: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    lines: list[str] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is None:
            table.replace_with(soup.new_string("\n" + "\n".join(_html_table(table)) + "\n"))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    text = soup.get_text("\n")
    lines = [ln.strip() if TABLE_SEP not in ln else ln for ln in text.split("\n")]
    text = "\n".join(ln for ln in lines if ln.strip())
    if not text.strip():
        raise DocumentError(f"{name}: the page has no text.")
    return text


def _html_table(table) -> list[str]:
    """Rows of an HTML table with rowspan/colspan carried to every grid position they cover."""
    grid: dict[tuple[int, int], str] = {}
    n_rows = 0
    for r, tr in enumerate(table.find_all("tr")):
        n_rows = r + 1
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            for br in td.find_all("br"):
                br.replace_with(CELL_BREAK)
            paragraphs = [p.get_text(" ", strip=True) for p in td.find_all("p")] or [td.get_text(" ", strip=True)]
            text = _cell_text(paragraphs)
            rowspan = _span(td.get("rowspan"))
            colspan = _span(td.get("colspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text if dc == 0 else ""
            c += colspan
    rows = []
    for r in range(n_rows):
        cols = sorted(c for (rr, c) in grid if rr == r)
        cells = [grid[(r, c)] for c in range(cols[-1] + 1)] if cols else []
        # A horizontally merged cell counts once (its extra grid columns hold "").
        if any(cells):
            rows.append(_row_line([x for i, x in enumerate(cells) if x or not _covered(grid, r, i)]))
    return rows


def _covered(grid, r, c) -> bool:
    return c > 0 and (r, c) in grid and grid[(r, c)] == "" and grid.get((r, c - 1), "") != ""


def _span(value) -> int:
    try:
        return max(1, min(int(value), 200))
    except (TypeError, ValueError):
        return 1


# --- PDF --------------------------------------------------------------------------------------

def _pdf(data: bytes, name: str) -> str:
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
            sheets = _across_pages(_without_running_lines([_pdf_page(page) for page in pages]))
            if any(scan.is_scanned(page) for page in pages):
                _RECOGNISED[digest] = sheets
                while len(_RECOGNISED) > 32:
                    _RECOGNISED.pop(next(iter(_RECOGNISED)))
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


# the lines of scanned PDFs, by the file's hash: recognition takes seconds a page, and the document
# library reads every document again whenever one is added
_RECOGNISED: dict[str, list[list[str]]] = {}


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


def _pdf_page(page) -> list[dict]:
    """Text lines outside tables and table rows, merged by their vertical position."""
    if scan.is_scanned(page):
        return _placed_page(scan.read_page(page))
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    placed: list[tuple[float, int, list[dict]]] = []
    for t in tables:
        rows = [{"text": _row_line([_cell_text((c or "").split("\n")) for c in row])} for row in _spans_carried(t)]
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
                _UNIT_WORDS.search(_first_sentence(nxt)) and not _unclosed(last["text"])):
            continue
        last["text"] += nxt.strip()
        pages[k + 1] = pages[k + 1][1:]
    return [[ln["text"] for ln in page] for page in pages]


def _placed_page(page: placed.Page) -> list[dict]:
    """A page read by position (a scan, an OFD page): its lines unwrapped, its table rows in place."""
    lines = [(top, 1, {"text": row}) for top, row in page.rows]
    lines += [(line["top"], 0, line) for line in _unwrapped(page.lines)]
    return [line for _, _, line in sorted(lines, key=lambda p: (p[0], p[1]))]


def _ofd(data: bytes, name: str) -> str:
    pages = _across_pages(_without_running_lines([_placed_page(page) for page in ofd.read(data, name)]))
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
        if (prev is not None and prev.get("wraps") and ln["text"].strip() and not STARTS_OWN.match(ln["text"])
                and (_unclosed(prev["text"]) or not _UNIT_WORDS.search(_first_sentence(ln["text"])))
                and ln["top"] - prev["bottom"] < 2.5 * char):
            prev = {**prev, "text": prev["text"] + ln["text"].strip(), "x1": ln["x1"], "bottom": ln["bottom"]}
            out[-1] = prev
        else:
            out.append(dict(ln))
        last = out[-1]
        last["wraps"] = (abs(right - last["x1"]) < 1.5 * char and last["x0"] - left < 3 * char  # spans the width
                         and len(last["text"]) >= 0.8 * (right - left) / char  # in body type, not a red head,
                         and not _ends_sentence(last["text"])  # not a right-set 文号 or date
                         and (not _UNIT_WORDS.search(last["text"]) or _unclosed(last["text"])))
    return out


def _first_sentence(text: str) -> str:
    """Up to the first sentence end: a wrapped sentence's tail with its unit note after it
    (`结果向社会公布。（县委编办牵头）`) continues the line above; a unit line does not."""
    return re.split(r"[。；;]", text, maxsplit=1)[0]


def _unclosed(text: str) -> bool:
    """A bracket opened and not closed by the line's end (a unit note cut by the wrap)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")
