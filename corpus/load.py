"""Stage 1, load: a file -> its text in document order, tables kept as tables.

Every format comes out the same way: plain lines, and each table row as one line of
tab-separated cells (`TABLE_SEP`), so the later stages read a .docx table, an HTML table, a PDF
table and a tab-separated .txt alike. Merged cells are carried to every row they span; a cell
holding several paragraphs keeps them, joined by `CELL_BREAK`.

Here: plain text (any common Chinese encoding), CSV and Excel (openpyxl); portal pages are
`webpage`'s, Word files `word`'s, paged files (PDF, scans, pictures, OFD) `paged`'s, old Office files
are made modern by `legacy` first, and every table row is written the one way `cells` says. Every
failure is a `DocumentError` saying what to do with the file.
"""
from __future__ import annotations

import re
from pathlib import Path

from corpus.cells import CELL_BREAK, TABLE_SEP, cell_text as _cell_text, row_line as _row_line  # noqa: F401 (re-exported)
from corpus import legacy
from corpus.errors import DocumentError
from corpus.paged import PICTURE_SUFFIXES, read_ofd, read_pdf, read_pictures
from corpus.webpage import read_html
from corpus.word import read_docx

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUPPORTED = (TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm", ".xlsx", ".csv", ".ofd"} | set(legacy.FORMATS)
             | PICTURE_SUFFIXES)
MAX_BYTES = 20 * 1024 * 1024


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
    if suffix not in SUPPORTED:
        raise DocumentError(f"{path.name}: unsupported file type {suffix!r}. "
                            "Supported: .txt .md .html .docx .pdf .ofd .xlsx .csv .doc .wps .rtf .xls .et .jpg .png .tif")
    if path.stat().st_size > MAX_BYTES:
        raise DocumentError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB.")
    data = path.read_bytes()
    if suffix in legacy.FORMATS:
        data, suffix = legacy.modernise(data, path.name, suffix)
    if suffix == ".docx":
        return read_docx(data, path.name)
    if suffix == ".pdf":
        return read_pdf(data, path.name)
    if suffix == ".xlsx":
        return _xlsx(data, path.name)
    if suffix == ".ofd":
        return read_ofd(data, path.name)
    if suffix in PICTURE_SUFFIXES:
        return read_pictures(data, path.name)
    text = decode(data, path.name)
    if suffix == ".csv":
        return _csv(text)
    if suffix in (".html", ".htm") or _looks_like_html(text):
        return read_html(text, path.name)
    return _spreadsheet_rows(text.replace("\r\n", "\n").replace("\r", "\n"))


def read_text(path: str | Path) -> str:  # the name the rest of the code knew
    return load(path)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


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


_CONTACTS = re.compile(r"联络员|联系人|通讯录|联系方式")


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
        if len(book.worksheets) > 1 and _CONTACTS.search(sheet.title):
            continue  # a sheet of liaison officers and phone numbers: people to call, no task
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


# --- HTML -------------------------------------------------------------------------------------
