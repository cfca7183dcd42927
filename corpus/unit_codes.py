"""Unit cells that hold codes (`A3`, `B14、B13`, `08`) to save the table's width, decoded by a legend
elsewhere in the document: a table headed 代码 | 单位名称 (its own sheet, or under the table), or a
paragraph that pairs them (`注：A1—县发展和改革局；A2—县财政局；…`). The
codes read as the units they stand for; the cells as printed stay the item's note, so an answer can
show both, and cite the legend that decodes them."""
from __future__ import annotations

import re

from corpus.drafts import Line
from corpus.units import Units, looks_like_unit, nfkc, split_names

_CODE_HEAD = re.compile(r"^(单位)?(代码|编码|代号)$")
_NAME_HEAD = re.compile(r"^(单位)?(名称|全称)$|^单位$")
_CODE = re.compile(r"[A-Z]{0,2}\d{1,3}|[A-Z]\d{0,2}")
# one pair of a legend written as text: `A1—县发展和改革局`, `B2：县财政局`, `03为县司法局`
_PAIR = re.compile(r"(?<![A-Za-zＡ-Ｚ\d])(?P<code>[A-Za-zＡ-Ｚ]{1,2}\d{0,3}|\d{1,3})\s*(?:[—–－\-]+|[:：=＝]|为|即|代表)\s*"
                   r"(?P<name>[^；;，,、。\s（()）]{2,30}(?:[（(][^（）()]{1,20}[）)])?)")
_PAIRS_AT_LEAST = 3  # (fewer is a sentence that happens to hold a number and a name)


def legend_header(cells: list[str]) -> list[tuple[int, int]]:
    """[(a code column, its name column)] of a legend's header row, [] when it is none. A wide legend
    repeats the pair across the row (代码 | 单位名称 | 代码 | 单位名称) to keep the sheet short."""
    heads = [re.sub(r"\s+", "", nfkc(c)) for c in cells]
    codes = [i for i, c in enumerate(heads) if _CODE_HEAD.match(c)]
    names = [i for i, c in enumerate(heads) if _NAME_HEAD.match(c)]
    return [(code, next(n for n in names if n > code)) for code in codes if any(n > code for n in names)]


def legend_pairs(text: str) -> dict[str, str]:
    """{code: unit name} of a legend written as a paragraph; {} when the text is none."""
    pairs = {_key(m.group("code")): m.group("name") for m in _PAIR.finditer(text)
             if looks_like_unit(m.group("name")) or m.group("name").startswith("各")}
    return pairs if len(pairs) >= _PAIRS_AT_LEAST else {}


def is_legend(line: str) -> bool:
    """A line of a legend: its header row, or a paragraph pairing codes and names."""
    return bool(legend_header(line.split("\t")) or legend_pairs(line))


def read_codes(lines: list[Line]) -> dict[str, str]:
    """{code: unit name} from the rows under every legend header in the document, and from every
    paragraph that pairs them."""
    codes: dict[str, str] = {}
    columns: list[tuple[int, int]] = []
    for ln in lines:
        if ln.row is None:
            columns = []
            codes.update(legend_pairs(ln.text))
            continue
        found = legend_header(ln.row)
        if found:
            columns = found
            continue
        for at_code, at_name in columns:
            if at_name >= len(ln.row):
                continue
            code, name = _key(ln.row[at_code]), ln.row[at_name].strip()
            if _CODE.fullmatch(code) and (looks_like_unit(name) or name.startswith("各")):
                codes[code] = name
    return codes


def _key(cell: str) -> str:
    key = re.sub(r"\s+", "", nfkc(cell)).upper()
    return key.lstrip("0") or "0" if key.isdigit() else key  # (a sheet may keep 08 as text, or as 8)


def is_code(name: str) -> bool:
    return bool(_CODE.fullmatch(_key(name)))


def has_codes(note: str) -> bool:
    """A printed unit note that names some unit by a code (`牵头单位：B4；配合单位：B2、B10`)."""
    return any(is_code(n) for segment in re.split(r"[；;]", note)
               for n in split_names(segment.split("：", 1)[-1].split(":", 1)[-1]))


def decoded(units: Units, codes: dict[str, str]) -> Units:
    """The units with every code read as the unit it stands for (a code the legend lacks is kept)."""
    out = Units(deadline=units.deadline, has_lead_marker=units.has_lead_marker)
    for role in ("lead", "responsible", "participating"):
        out.add(role, [codes.get(_key(n), n) if is_code(n) else n for n in getattr(units, role)])
    return out
