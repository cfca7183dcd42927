"""Word's automatic list numbers, which python-docx leaves out of a paragraph's text.

A plan typed with Word's numbering ("1．", "（一）", "一、" drawn by Word, not typed) reads, through
python-docx, as items with no numbers: the outline then sees one long preamble. The numbers are
rebuilt here from numbering.xml the way Word draws them: each list (numId) counts its levels from
their start value, a level restarts when a higher one advances, and the level's text pattern
(`%1．`, `（%2）`) with its number format (decimal, chineseCounting …) gives the label.
"""
from __future__ import annotations

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (as plans number sections)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "") if n < 100 else str(n)


def _letter(n: int, upper: bool) -> str:
    text = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text.upper() if upper else text


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographDigital": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n),
    "ideographTraditional": lambda n: _TIANGAN[n - 1] if 0 < n <= len(_TIANGAN) else str(n),
    "lowerLetter": lambda n: _letter(n, False),
    "upperLetter": lambda n: _letter(n, True),
}


class ListNumbers:
    """`label(paragraph_element)`: the number Word draws before a paragraph, "" when none. Call it
    for every body paragraph in order: it counts."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self._qn = qn
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.style_numbers: dict[str, tuple[str, int]] = {}  # a list style's own numbering
        self.counts: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: nothing is auto-numbered
        abstract = {a.get(qn("w:abstractNumId")): self._levels(a) for a in numbering.findall(qn("w:abstractNum"))}
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):  # "restart at 1" makes a new numId
                start = override.find(qn("w:startOverride"))
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(qn("w:val"))), *levels[ilvl][1:])
            self.levels[num.get(qn("w:numId"))] = levels
        for style in document.styles.element.findall(qn("w:style")):
            found = self._num_pr(style.find(qn("w:pPr")))
            if found:
                self.style_numbers[style.get(qn("w:styleId"))] = found

    def _levels(self, abstract) -> dict[int, tuple[int, str, str]]:
        qn = self._qn
        out = {}
        for lvl in abstract.findall(qn("w:lvl")):
            start, fmt, text = lvl.find(qn("w:start")), lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText"))
            out[int(lvl.get(qn("w:ilvl"), "0"))] = (
                int(start.get(qn("w:val"))) if start is not None else 1,
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "")
        return out

    def _num_pr(self, p_pr) -> tuple[str, int] | None:
        qn = self._qn
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if num_pr is None:
            return None
        num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        if num_id is None:
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0

    def label(self, p) -> str:
        qn = self._qn
        p_pr = p.find(qn("w:pPr"))
        found = self._num_pr(p_pr)
        if found is None and p_pr is not None:
            style = p_pr.find(qn("w:pStyle"))
            found = self.style_numbers.get(style.get(qn("w:val"))) if style is not None else None
        if found is None or found[0] not in self.levels or found[1] not in self.levels[found[0]]:
            return ""  # numId 0 switches numbering off
        num_id, ilvl = found
        levels = self.levels[num_id]
        start, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:  # a higher level advancing restarts the lower
            del counts[deeper]
        for n in range(9):
            if f"%{n + 1}" in text:
                level = levels.get(n, (1, "decimal", ""))
                value = counts.get(n, level[0])
                text = text.replace(f"%{n + 1}", _FORMATS.get(level[1], str)(value))
        return text
