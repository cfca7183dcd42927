"""Text out of a picture: a scanned PDF page with no text layer (a 红头文件 printed, stamped and
scanned, as portals often publish them), a page whose text layer is noise, a task table pasted into a
Word file as a picture.

The recogniser is RapidOCR (PP-OCRv4 detection and recognition, run by onnxruntime); its models
ship inside the `rapidocr-onnxruntime` wheel, so nothing is downloaded. The page is straightened
first (a scan sits a little askew, which also hides a table's ruled lines from a row count), then
recognised once. Ruled tables are read from their lines: the rules cut the page into cells, and the
pieces of text in one cell, wrapped or not, are that cell's text; a row becomes one tab-separated
line, as every other loader gives a table row. Text outside tables comes back as positioned lines
for the PDF loader to unwrap like any other page.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from corpus import placed
from corpus.errors import DocumentError

RESOLUTION = 200  # dpi the page is rendered at; the recogniser scales its input to 2000 px anyway
MIN_SCORE = 0.5  # below this a piece is noise: the curved text of a red seal, a speck
PICTURE_MIN = (600, 200)  # pixels; a smaller picture is a logo, an emblem or a seal, not a page of text


@lru_cache(maxsize=1)
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:  # the product's install puts it in; a bare `pip install` may not
        raise DocumentError("这个PDF是扫描件,识别文字需要 rapidocr-onnxruntime,请运行 make install "
                            "(a scanned PDF needs OCR: run `make install`).") from exc
    return RapidOCR()


def is_scanned(page) -> bool:
    """A page to read from its picture: pictures and not one character of text, or a text layer
    that is no text (a font without a Unicode map gives `(cid:123)` or private-use code points
    for every glyph, so the page prints fine and reads as noise)."""
    if not page.chars:
        return bool(page.images)
    return garbled([c.get("text", "") for c in page.chars])


def garbled(chars: list[str]) -> bool:
    """Most of a page's characters unreadable: unmapped glyphs (cid:N) or private-use code points."""
    bad = sum(1 for c in chars if c.startswith("(cid:") or any("\ue000" <= ch <= "\uf8ff" for ch in c))
    return len(chars) >= 20 and bad > 0.5 * len(chars)


def read_page(page) -> placed.Page:
    """The pdfplumber page's text, recognised from its picture."""
    return read_image(page.to_image(resolution=RESOLUTION).original, scale=72 / RESOLUTION)


def read_image(image, scale: float = 1.0) -> placed.Page:
    """A picture's text (a scanned page, a table pasted into a Word file as a picture); positions
    times `scale` (a PDF page's are given back in points)."""
    image = without_seals(straightened(image.convert("RGB")))
    gray = np.asarray(image.convert("L"))
    result, _ = _engine()(np.asarray(image)[:, :, ::-1], use_cls=False)  # the engine wants BGR
    pieces = [_piece(box, _corrected(text)) for box, text, score in (result or [])
              if score >= MIN_SCORE and text.strip()]
    out = placed.Page()
    for table in _tables(gray):
        inside = [p for p in pieces if table.holds(p)]
        pieces = [p for p in pieces if not table.holds(p)]
        rows = table.rows(inside, empty_cell=lambda box: _alone(image, gray, box))
        out.rows += [(top * scale, row) for top, row in rows]
    for line in placed.lines_of(pieces):
        out.lines.append({k: (v * scale if k != "text" else v) for k, v in line.items()})
    return out


def straightened(image, max_degrees: float = 2.0, step: float = 0.1):
    """The page turned so its lines of text run level: the angle whose row profile is sharpest
    (text lines and blank leading alternate most strongly when level), searched on a small copy."""
    small = image.convert("L").resize((image.width // 4, image.height // 4))
    ink = lambda im: (np.asarray(im) < 128).sum(axis=1).astype(float)  # noqa: E731 - dark pixels per row
    best, best_score = 0.0, -1.0
    for i in range(int(-max_degrees / step), int(max_degrees / step) + 1):
        angle = i * step
        profile = ink(small.rotate(angle, fillcolor=255))
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best, best_score = angle, score
    if abs(best) < step / 2:
        return image
    return image.rotate(best, fillcolor=(255, 255, 255), resample=3)  # bicubic


def without_seals(image):
    """The page with the red of its seals taken out: a round seal stamped over the signature and
    the date hides them from the recogniser, which reads through it once only the black is left.
    A seal is a red blob about as tall as it is wide and a few centimetres across; the red of a
    红头 (a wide band of large characters) and of a rule is kept."""
    import cv2  # opencv-python-headless, which the recogniser needs anyway

    rgb = np.asarray(image).astype(np.int16)
    red = (rgb[:, :, 0] > 120) & (rgb[:, :, 0] - rgb[:, :, 1] > 50) & (rgb[:, :, 0] - rgb[:, :, 2] > 50)
    if red.sum() < 500:
        return image
    step = 4  # components on a quarter-size mask, the seal's ring and star joined by a dilation
    small = cv2.dilate(red[::step, ::step].astype(np.uint8), np.ones((7, 7), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(small)
    out = np.asarray(image).copy()
    background = np.median(out.reshape(-1, 3), axis=0).astype(np.uint8)
    for x, y, w, h, _area in stats[1:count]:
        if 0.7 <= w / max(h, 1) <= 1.4 and min(w, h) * step >= 0.08 * image.width:
            box = (slice(y * step, (y + h) * step), slice(x * step, (x + w) * step))
            out[box][red[box]] = background
    from PIL import Image

    return Image.fromarray(out)


# What the recogniser is known to misread in these documents, where the misreading is sure: 门
# printed in a Song face comes out as 內/内, and no unit name ends in 部内 (县属相关部门, 县直各部门
# before a 、, a role word or the end of a note), nor does 政府/相关/各 come before one.
_MISREAD = ((re.compile(r"部[內内](?=$|[、，,。；;：:）)\s]|按|负责|牵头|配合|单位|要|和|及|等)"), "部门"),
            (re.compile(r"(政府|相关|有关|职能|主管|各)部[內内]"), r"\1部门"),
            (re.compile("內"), "内"),  # the traditional form is never printed in these documents
            # the recogniser spaces out a figure whose digits print wide apart ("不少于6 0学时")
            (re.compile(r"(?<=\d) (?=\d)"), ""),
            # and reads the full-width point after an item's number as a full stop ("2。深化…")
            (re.compile(r"^(\d{1,2})。(?=[\u4e00-\u9fff“])"), r"\1．"))


def _corrected(text: str) -> str:
    for pattern, right in _MISREAD:
        text = pattern.sub(right, text)
    return text


def _piece(box, text: str) -> dict:
    xs, ys = [p[0] for p in box], [p[1] for p in box]
    return placed.piece(min(xs), min(ys), max(xs), max(ys), text.strip())


def _alone(image, gray: np.ndarray, box: tuple) -> str:
    """A cell the detector found empty though it has ink: a lone character (a row's number `7`)
    is too small for the detector to find, so the cell is read as one piece."""
    pad = 6  # clear of the rules
    x0, y0, x1, y1 = (round(box[0]) + pad, round(box[1]) + pad, round(box[2]) - pad, round(box[3]) - pad)
    if x1 - x0 < 8 or y1 - y0 < 8 or (gray[y0:y1, x0:x1] < 140).sum() < 20:
        return ""
    result, _ = _engine()(np.asarray(image.crop((x0, y0, x1, y1)))[:, :, ::-1], use_det=False, use_cls=False)
    text, score = (result or [("", 0.0)])[0][:2]
    return text.strip() if score >= MIN_SCORE else ""


def _runs(mask: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """Per row of a boolean mask, every run of True at least min_length long: (row, start, end).
    Text never makes one that long; a rule, even broken by a merged cell, does."""
    found = []
    for i, row in enumerate(mask):
        if row.sum() < min_length:
            continue
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
        found += [(i, int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if b - a >= min_length]
    return found


def _thickened(mask: np.ndarray, by: int = 3) -> np.ndarray:
    """Each row ORed with its neighbours `by` rows away."""
    out = mask.copy()
    for k in range(1, by + 1):
        out[k:] |= mask[:-k]
        out[:-k] |= mask[k:]
    return out


def _tables(gray: np.ndarray) -> list[placed.Table]:
    """The page's ruled tables, from its long dark runs (a rule left a pixel or two off level by
    the straightening still reads as one run)."""
    dark = gray < 140
    height, width = dark.shape
    vertical = _runs(_thickened(dark.T), max(40, height // 40))  # (x, y0, y1)
    thick = _thickened(dark)
    horizontal = _runs(thick, max(80, width // 20))  # (y, x0, x1): pieces of rules

    def has_rule(y: float, x0: float, x1: float) -> bool:  # ink along most of the cell's bottom edge
        band = thick[max(0, round(y) - 2):round(y) + 3, round(x0) + 8:max(round(x0) + 9, round(x1) - 8)]
        return band.size > 0 and band.any(axis=0).mean() >= 0.5

    return placed.tables(horizontal, vertical, gap=8, has_rule=has_rule, rules_right=True)
