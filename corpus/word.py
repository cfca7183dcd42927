"""Word (.docx) files -> lines in body order (python-docx): paragraphs with the numbers Word gives
them, tables as rows with merged cells carried, content controls and layout tables opened, tracked
changes read as accepted, text boxes read once, and a table pasted in as a picture read by OCR."""
from __future__ import annotations

import re

from corpus import scan
from corpus.cells import cell_text, row_line
from corpus.units import BOLD, looks_like_unit_list
from corpus.docx_numbers import ListNumbers
from corpus.errors import DocumentError
from corpus.paged import placed_lines


def read_docx(data: bytes, name: str) -> str:
    import io

    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a broken zip, an encrypted file, not a docx
        hint = "加密的文件请先解除密码 (encrypted?)" if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" else "文件已损坏或不是 .docx"
        raise DocumentError(f"{name}: not a readable .docx file ({exc.__class__.__name__}; {hint}).") from exc
    text = "\n".join(_docx_blocks(document.element.body, document, ListNumbers(document)))
    if BOLD_KEY.search(text):  # the document says what bold means: read its tables again, marking it
        text = "\n".join(_docx_blocks(document.element.body, document, ListNumbers(document), bold=True))
    if not text.strip():
        raise DocumentError(f"{name}: the .docx has no text.")
    return text


# "单位名称加粗的为牵头单位": a table's unit names printed bold are marked with BOLD, a mark whose
# meaning the document's key gives (corpus.note_rules)
BOLD_KEY = re.compile(r"加粗|粗体")


def _docx_blocks(element, parent, numbers: ListNumbers, bold: bool = False) -> list[str]:
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
                lines.extend(_docx_blocks(box, parent, numbers, bold))
            lines.extend(_docx_pictures(child, parent))
        elif child.tag == qn("w:tbl"):
            table = Table(child, parent)
            if child.find(".//" + qn("w:tc") + "/" + qn("w:tbl")) is not None:
                seen = set()
                for row in table.rows:
                    for cell in row.cells:
                        if cell._tc not in seen:
                            seen.add(cell._tc)
                            lines.extend(_docx_blocks(cell._tc, cell, numbers, bold))
            else:
                lines.extend(_docx_table(table, bold))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                lines.extend(_docx_blocks(content, parent, numbers, bold))
    return lines



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
        if image.width < scan.PICTURE_MIN[0] or image.height < scan.PICTURE_MIN[1]:
            continue
        try:
            out += [ln["text"] for ln in placed_lines(scan.read_image(image)) if ln["text"].strip()]
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


def _bold_marked(paragraph) -> str:
    """The paragraph's text with BOLD after each name printed bold ("县司法局\ue000、县财政局")."""
    out = []
    for run in paragraph.runs:
        text = run.text
        strong = run.bold or (run.bold is None and run.style is not None and run.style.font.bold)
        core = text.rstrip("、，,；; \u3000")
        out.append(core + BOLD + text[len(core):] if strong and core.strip() else text)
    return "".join(out).replace(BOLD + BOLD, BOLD)


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


def _docx_table(table, bold: bool = False) -> list[str]:
    rows = []
    for n, row in enumerate(table.rows):
        # `row.cells` repeats a merged cell for every grid column and row it spans, so merged
        # text reaches each row (python-docx resolves vMerge continuation to the top cell).
        # A horizontally merged cell keeps its grid columns (so every later cell stays under its
        # header) but holds its text only in the first of them.
        cells, previous = [], None
        for cell in row.cells:
            same = cell._tc is previous
            previous = cell._tc
            text = "" if same else cell_text([paragraph_text(p._p) for p in cell.paragraphs])
            if bold and n and text and looks_like_unit_list(text):  # not the header row
                text = cell_text([_bold_marked(p) for p in cell.paragraphs])
            cells.append(text)
        rows.append(row_line(cells))
    return rows
