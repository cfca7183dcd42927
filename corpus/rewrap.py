"""Text copied out of a PDF viewer: every visual line of the page is a line of the text.

A paragraph arrives cut into lines of about one page width (28–40 characters), mid-word and
mid-figure ("…年内对不少于3个乡镇、5个县直部门开展法" / "治督察"), and each page break leaves its
page number and a running header (the title again) between two halves of a sentence. The PDF
loader joins wrapped lines by their position on the page (`corpus.paged._unwrapped`); plain text
has no positions, only this convention: most lines run to the same width, and a line that runs
to it without ending a sentence goes on in the next line, unless the next line starts something
of its own (a heading number, a bracketed note, a unit label).

A text is taken to be wrapped only when that is plainly so: many lines of one narrow width that
stop mid-sentence. A document typed or saved with one paragraph per line never is.
"""
from __future__ import annotations

import re
from collections import Counter

from corpus.cells import TABLE_SEP
from corpus.paged import ENDS_SENTENCE, STARTS_OWN
from corpus.notes import trailing_note
from corpus.outline import shi_points
from corpus.units import LABEL_RE

MAX_WIDTH = 60  # a wrapped page is narrower than this many characters
MIN_CUT_SHARE = 0.5  # at least this share of the lines that run to full width must stop mid-sentence
_FULL = 0.75  # a line this close to the page width runs to its edge (a converter cuts unevenly)
_HEADING_FULL = 0.95  # a heading alone on its line must fill it: most headings are short anyway
_OPEN = "（(〔【《“"
# a line a notice sets on its own: its 文号, its date
_OWN_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号\s*$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_TITLE_END = re.compile(r"(方案|要点|计划|清单|通知|意见|办法|报告|细则|规划|措施|分工表)([(（][^)）]{0,16}[)）])?$")
_PUNCTUATION = re.compile(r"[，,。；;、：:]")
_NOTE_WORDS = re.compile(r"[、，,；;：:]|牵头|负责|配合|参与|协办|主办")
_ROLE_WORD = re.compile(r"^[【\[]?(牵头|责任|配合|参加|协办|主办|完成)")
_RUN_IN = re.compile(r"^[一二三四五六七八九十]+是")
_NUMBERED = re.compile(r"^[（(〔【\[]\s*([一二三四五六七八九十]+|\d{1,2})\s*[）)〕】\]]")
_CLOSE = "）)〕】》”"


def width(line: str) -> int:
    """How far a line runs, in characters. A viewer lays a digit at half a character's width, so
    a line holding figures has more characters than the page is wide, never fewer: a line that
    reaches the page width reaches it in this count too."""
    return len(line.rstrip())


# a copied article's picture and its caption are lines of their own: what follows starts anew
_CAPTIONED = re.compile(r"^(\[(图片|视频|音频)\]|▲)")


def unwrap(lines: list[str], page_number: re.Pattern) -> list[str]:
    """The lines of a hard-wrapped text rejoined into paragraphs, its page numbers and running
    headers dropped; any other text unchanged."""
    page = _page_width(lines)
    if page is None:
        return lines
    out: list[str] = []
    full = cut = False  # the line before ran to the page's edge; and stopped mid-sentence there
    kept = _without_page_furniture(lines, page_number)
    # a copied PDF has no blank lines of its own, and a stray one never ends a paragraph; a text
    # whose lines are often followed by one (a pasted article) ends its paragraphs with them
    own_blanks = sum(1 for a, b in zip(kept, kept[1:]) if a.strip() and not b.strip()) >= 0.15 * max(1, sum(1 for x in kept if x.strip()))
    if own_blanks:
        return kept  # (not hard-wrapped: a pasted article's lines are its paragraphs)
    for line in kept:
        text = line.strip()
        if not text:
            continue
        if out and not _CAPTIONED.match(out[-1].strip()) and (
                _continues(text, cut) or _unclosed(out[-1]) or (full and _runs_in(out[-1], text))):
            out[-1] += text
        else:
            out.append(line.rstrip())
        full = _reaches_edge(line, page)
        cut = full and not _ends(out[-1])
    return out


def _reaches_edge(line: str, page: float) -> bool:
    """A line that runs to the page's edge. A heading or a title alone on its line (no sentence
    punctuation) must fill it all: most are short, and one that ends near the edge ends there."""
    heading = (STARTS_OWN.match(line.strip()) or _TITLE_END.search(line.rstrip())) and not _PUNCTUATION.search(line)
    return width(line) >= (_HEADING_FULL if heading else _FULL) * page


def _page_width(lines: list[str]) -> float | None:
    """The width most lines run to, when the text is wrapped at one; None when it is not."""
    body = [ln for ln in lines if ln.strip() and TABLE_SEP not in ln]
    if len(body) < 10:
        return None
    widths = sorted(width(ln) for ln in body)
    page = widths[int(0.9 * (len(widths) - 1))]
    if page > MAX_WIDTH or page < 12:
        return None
    full = [ln for ln in body if _reaches_edge(ln, page)]
    cut = sum(1 for ln in full if not _ends(ln))
    return page if cut >= 8 and cut >= MIN_CUT_SHARE * len(full) else None


def _without_page_furniture(lines: list[str], page_number: re.Pattern) -> list[str]:
    """Page numbers, and a running header or footer: a line repeated beside page numbers."""
    marks = {n for n, ln in enumerate(lines) if page_number.match(ln.strip())}
    beside = Counter(lines[n + d].strip() for n in marks for d in (-1, 1)
                     if 0 <= n + d < len(lines) and n + d not in marks and lines[n + d].strip())
    running = {text for text, count in beside.items() if count >= 2}
    keep = []
    for n, ln in enumerate(lines):
        if n in marks:
            continue
        if ln.strip() in running and ((n - 1) in marks or (n + 1) in marks):
            continue
        keep.append(ln)
    return keep


def _ends(line: str) -> bool:
    """A line that ends a sentence or a unit note. A bracket closing a name (`与镇（街道）`) ends
    nothing: only one after a sentence's end, or holding a list or a role word, is a note."""
    line = line.rstrip()
    if not line.endswith(ENDS_SENTENCE):
        return False
    if line[-1] in "”】》〕":  # a quotation or title closed: a sentence ends only if it ended inside
        return line[:-1].endswith(("。", "！", "？", "!", "?"))
    if line[-1] not in _CLOSE[:2]:
        return True
    at, note = trailing_note(line, False)
    return bool(note) and (line[:at].endswith(ENDS_SENTENCE) or bool(_NOTE_WORDS.search(note)))


def _continues(text: str, cut: bool) -> bool:
    """After a line cut mid-sentence, a line goes on with it unless it starts something of its
    own; a bracket that numbers nothing (`村（社区）…`, a unit note) goes on too."""
    return cut and (not _starts_own(text) or (text[0] in _OPEN and not _NUMBERED.match(text)))


def _starts_own(text: str) -> bool:
    """A heading or list number, a bracket, a unit label (`责任单位：`, not the word 责任 that a
    wrap left at the start of a line: "…压实主体" + "责任。制定…"), a 文号 or a date alone."""
    if LABEL_RE.match(text) or _OWN_LINE.match(text):
        return True
    return bool(STARTS_OWN.match(text)) and not _ROLE_WORD.match(text)


def _runs_in(paragraph: str, text: str) -> bool:
    """A report's next run-in point (二是…) goes on with its paragraph even after a sentence ends
    at the edge, when the point before it ran in mid-paragraph ("（五）…纠纷。一是…"); when that
    point started its own line, each point is a paragraph of its own."""
    if not _RUN_IN.match(text):
        return False
    points = shi_points(paragraph + text)  # counted up from 一是
    return len(points) >= 2 and points[-1][0] == len(paragraph) and points[-2][0] > 0


def _unclosed(line: str) -> bool:
    """A bracket opened and not closed: a note or a name goes on in the next line."""
    depth = 0
    for ch in line:
        depth += ch in _OPEN
        depth -= ch in _CLOSE and depth > 0
    return depth > 0
