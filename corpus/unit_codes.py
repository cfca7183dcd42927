"""Unit cells that hold codes (`A3`, `B14、B13`, `08`) to save the table's width, decoded by a legend
elsewhere in the document: a table headed 代码 | 单位名称 (its own sheet, or under the table). The
codes read as the units they stand for; the cells as printed stay the item's note, so an answer can
show both, and cite the legend that decodes them."""
from __future__ import annotations

import re

from corpus.drafts import Line
from corpus.units import Units, looks_like_unit, nfkc, split_names

_CODE_HEAD = re.compile(r"^(单位)?(代码|编码|代号)$")
_NAME_HEAD = re.compile(r"^(单位)?(名称|全称)$|^单位$")
_CODE = re.compile(r"[A-Z]{0,2}\d{1,3}|[A-Z]\d{0,2}")


def legend_header(cells: list[str]) -> tuple[int, int] | None:
    """(the code column, the name column) of a legend's header row, or None."""
    heads = [re.sub(r"\s+", "", nfkc(c)) for c in cells]
    code = next((i for i, c in enumerate(heads) if _CODE_HEAD.match(c)), None)
    name = next((i for i, c in enumerate(heads) if _NAME_HEAD.match(c)), None)
    return (code, name) if code is not None and name is not None else None


def read_codes(lines: list[Line]) -> dict[str, str]:
    """{code: unit name} from the rows under every legend header in the document."""
    codes: dict[str, str] = {}
    columns = None
    for ln in lines:
        if ln.row is None:
            columns = None
            continue
        found = legend_header(ln.row)
        if found:
            columns = found
            continue
        if columns is None or max(columns) >= len(ln.row):
            continue
        code, name = _key(ln.row[columns[0]]), ln.row[columns[1]].strip()
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
