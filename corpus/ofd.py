"""OFD (GB/T 33190, 版式文档), the fixed-layout format Chinese portals publish beside or instead of
PDF: a zip of XML parts. `OFD.xml` names the document root; `Document.xml` lists the pages (and
the template pages they draw first); each page's `Content.xml` places text objects and paths.

A text object has a boundary (x y w h, in millimetres from the page's top left, y downwards), a
font size and TextCode runs whose X, Y (the baseline) are relative to the boundary, with DeltaX
giving the advance of each following character (`g 4 5.29` repeats 5.29 four times). Converters
write a line as one object, or split it at a bold run or a punctuation mark; paths draw the
rules of tables. Pieces and rules go to `placed`, which rebuilds lines and table rows.
Read with zipfile and the standard library's XML parser; nothing else is needed.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

from corpus import placed
from corpus.errors import DocumentError

_GAP = 1.0  # mm: rules closer than this are one rule; a rule this far off level is still level


def read(data: bytes, name: str) -> list[placed.Page]:
    """The document's pages, each as text pieces and table rows placed by position."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        root = _xml(archive, "OFD.xml")
        doc_path = _text(root, "DocRoot").strip().lstrip("/")
        document = _xml(archive, doc_path)
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError) as exc:
        raise DocumentError(f"{name}: 不是可读的OFD文件 (not a readable .ofd file: {exc.__class__.__name__}).") from exc
    base = posixpath.dirname(doc_path)
    templates = {t.get("ID"): t.get("BaseLoc", "") for t in _all(document, "TemplatePage")}
    pages = []
    for page in _all(document, "Page"):
        location = _resolve(base, page.get("BaseLoc", ""))
        try:
            content = _xml(archive, location)
        except (KeyError, ET.ParseError):
            continue  # a page part missing from the zip: the other pages are still read
        parts = [content]
        for used in _all(content, "Template"):
            loc = templates.get(used.get("TemplateID"))
            if loc:
                try:
                    parts.insert(0, _xml(archive, _resolve(base, loc)))
                except (KeyError, ET.ParseError):
                    pass
        try:
            pages.append(_page(parts))
        except (ValueError, TypeError, IndexError) as exc:  # a number that is no number, a broken path
            raise DocumentError(f"{name}: OFD文件的第{len(pages) + 1}页无法读取 (page {len(pages) + 1} is damaged: "
                                f"{exc.__class__.__name__}).") from exc
    return pages


def _page(parts: list[ET.Element]) -> placed.Page:
    pieces, horizontal, vertical = [], [], []
    for part in parts:
        for obj in part.iter():
            tag = _local(obj.tag)
            if tag == "TextObject":
                pieces += _text_pieces(obj)
            elif tag == "PathObject":
                for seg in _segments(obj):
                    (horizontal if seg[0] == "h" else vertical).append(seg[1:])
    out = placed.Page()
    rules = _joined(horizontal)

    def has_rule(y: float, x0: float, x1: float) -> bool:  # rules cover most of the cell's bottom edge
        covered = sum(max(0.0, min(b, x1) - max(a, x0)) for ry, a, b in rules if abs(ry - y) <= _GAP)
        return covered >= 0.5 * (x1 - x0)

    for table in placed.tables(rules, _joined(vertical), gap=_GAP, has_rule=has_rule):
        inside = [p for p in pieces if table.holds(p)]
        pieces = [p for p in pieces if not table.holds(p)]
        out.rows += table.rows(inside)
    out.lines = placed.lines_of(pieces)
    return out


def _text_pieces(obj: ET.Element) -> list[dict]:
    bx, by = _box(obj.get("Boundary", "0 0 0 0"))[:2]
    size = float(obj.get("Size", "3.5") or 3.5)
    ctm = _numbers(obj.get("CTM", "")) or [1, 0, 0, 1, 0, 0]
    out = []
    x = y = 0.0
    for code in obj:
        if _local(code.tag) != "TextCode" or not (code.text or "").strip("\n"):
            continue
        x = float(code.get("X", x))
        y = float(code.get("Y", y))
        text = code.text
        advances = _deltas(code.get("DeltaX", ""), len(text) - 1, size)
        width = sum(advances) + size * (0.5 if text[-1].isascii() else 1.0)
        (x0, base), (x1, _) = _apply(ctm, x, y), _apply(ctm, x + width, y)
        height = size * abs(ctm[3]) if ctm[3] else size
        if text.strip():
            out.append(placed.piece(bx + x0, by + base - 0.85 * height, bx + x1, by + base + 0.15 * height,
                                    text.strip()))
    return out


def _deltas(spec: str, count: int, size: float) -> list[float]:
    """DeltaX written out: numbers, and `g N d` for N times d; a missing one advances one em."""
    values, tokens = [], spec.split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            values += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
            i += 3
        else:
            values.append(float(tokens[i]))
            i += 1
    return (values + [size] * count)[:count]


def _segments(obj: ET.Element) -> list[tuple[str, float, float, float]]:
    """The straight level or upright strokes of a path, in page millimetres: ("h", y, x0, x1) and
    ("v", x, y0, y1). Curves and slanted strokes are no table rules."""
    bx, by = _box(obj.get("Boundary", "0 0 0 0"))[:2]
    ctm = _numbers(obj.get("CTM", "")) or [1, 0, 0, 1, 0, 0]
    data = next((e.text or "" for e in _all(obj, "AbbreviatedData")), "")
    out, start, current = [], None, None
    for op, args in re.findall(r"([MLCQABSZ])\s*([-\d.\s]*)", data):
        nums = _numbers(args)
        if op == "M" and len(nums) >= 2:
            current = start = _apply(ctm, nums[0], nums[1])
        elif op == "L" and len(nums) >= 2 and current is not None:
            nxt = _apply(ctm, nums[0], nums[1])
            out.append(_stroke(current, nxt, bx, by))
            current = nxt
        elif op in ("C", "Z") and current is not None and start is not None:  # close the shape
            out.append(_stroke(current, start, bx, by))
            current = start
        elif op in "QBA" and len(nums) >= 2:
            current = _apply(ctm, nums[-2], nums[-1])
    return [s for s in out if s]


def _stroke(a, b, bx: float, by: float):
    (x0, y0), (x1, y1) = a, b
    if abs(y1 - y0) < 0.3 and abs(x1 - x0) >= 2:
        return ("h", by + y0, bx + min(x0, x1), bx + max(x0, x1))
    if abs(x1 - x0) < 0.3 and abs(y1 - y0) >= 2:
        return ("v", bx + x0, by + min(y0, y1), by + max(y0, y1))
    return None


def _joined(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules drawn cell by cell joined into one: on one line, each piece starting where the last
    ended."""
    out: list[list[float]] = []
    for pos, a, b in sorted(rules, key=lambda r: (round(r[0] / _GAP), r[1])):
        last = out[-1] if out else None
        if last and abs(last[0] - pos) < _GAP and a <= last[2] + _GAP:
            last[2] = max(last[2], b)
        else:
            out.append([pos, a, b])
    return [tuple(r) for r in out]


def _apply(ctm: list[float], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = (ctm + [0] * 6)[:6]
    return a * x + c * y + e, b * x + d * y + f


def _box(spec: str) -> list[float]:
    nums = _numbers(spec)
    return (nums + [0.0] * 4)[:4]


def _numbers(spec: str) -> list[float]:
    try:
        return [float(v) for v in spec.split()]
    except ValueError:
        return []


def _resolve(base: str, location: str) -> str:
    if location.startswith("/"):
        return location.lstrip("/")
    return posixpath.normpath(posixpath.join(base, location))


def _xml(archive: zipfile.ZipFile, path: str) -> ET.Element:
    return ET.fromstring(archive.read(path))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _all(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if _local(e.tag) == name]


def _text(root: ET.Element, name: str) -> str:
    found = _all(root, name)
    if not found:
        raise ValueError(f"no {name}")
    return found[0].text or ""
