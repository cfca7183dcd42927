"""Items from records: a table flattened to one field per line, as progress ledgers (台账) and
task lists pasted from a spreadsheet are published:

    序号：3
    任务名称：开展规范性文件清理
    牵头单位：县政府办公室
    配合单位：县司法局
    完成时限：2024年12月底
    进展情况：清理文件58件……

A record starts at its 序号 line or at a field a task table would call its text column
(`corpus.tables`: 任务名称, 工作任务, 重点任务…) and runs until the next record, a separator line
(-----) or a line that is not one of its fields. Unit and deadline fields are read by the unit
grammar in the role their name gives; the other fields (进展情况, 存在问题…) stay in the item's
text, where questions about them find them.
"""
from __future__ import annotations

import re

from corpus.drafts import Draft, Line
from corpus.outline import RANK
from corpus.tables import role_of
from corpus.units import UNIT_ROLES, NoteRules, parse_note

_FIELD = re.compile(r"^\s*[【\[]?([\u4e00-\u9fff]{2,8})[】\]]?\s*[:：]\s*(.*)$")
_SEPARATOR = re.compile(r"^\s*[-—_=*·.]{4,}\s*$")
MIN_RECORDS = 3
_NOTE_ROLES = (*UNIT_ROLES, "deadline")


def _field(ln: Line) -> tuple[str, str, str] | None:
    """(name, role, value) of a `名称：值` line, or None."""
    if ln.row is not None or (ln.marker is not None and ln.marker.family == "task"):
        return None  # 任务一：深化… is a task's label, not a field named 任务一
    m = _FIELD.match(ln.text)
    if not m:
        return None
    return m.group(1), role_of(m.group(1)), m.group(2)


def is_records(lines: list[Line]) -> bool:
    """Three or more text fields, most of them followed by a unit field before the next one."""
    # (an empty `整改措施：` heads the numbered measures under it: a heading, not a record's field)
    starts = [n for n, ln in enumerate(lines) if (f := _field(ln)) and f[1] == "text" and f[2].strip()]
    if len(starts) < MIN_RECORDS:
        return False
    with_units = 0
    for a, b in zip(starts, starts[1:] + [len(lines)]):
        if any((f := _field(ln)) and f[1] in UNIT_ROLES for ln in lines[a + 1:b]):
            with_units += 1
    return with_units >= 0.6 * len(starts)


def items_from_records(lines: list[Line], text: str, rules: NoteRules | None) -> list[Draft]:
    drafts: list[Draft] = []
    path: list[tuple[str, str]] = []
    current: Draft | None = None
    number = ""
    counter = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            units = parse_note("；".join(current.notes), default_role="responsible", rules=rules)
            current.units, current.deadline = units, units.deadline
            drafts.append(current)
        current = None

    title: Line | None = None  # "2 推进政务服务“一网通办”" right above its record's fields (a card)

    def loose(ln: Line) -> None:  # a line that opens no record: text of its own
        drafts.append(Draft("prose" if path or drafts else "preamble", ln.start, ln.end, list(path)))

    for ln in lines:
        if title is not None and not ((f := _field(ln)) and f[1] == "text"):
            loose(title)
            title = None
        if _SEPARATOR.match(ln.text):
            close()
            continue
        if current is not None and text[current.end:ln.start].count("\n") >= 2:
            close()  # a blank line ends a record
        field = _field(ln)
        role = field[1] if field else ""
        if role == "no":
            close()
            number = field[2].strip()
            continue
        if role == "text" and (current is None or current.heading):
            close()
            value_at = ln.start + ln.text.index(field[2]) if field[2] else ln.end
            named = ""
            if title is not None:  # the card's numbered title opens the item and names it
                number, value_at, named = title.marker.token, title.start + title.marker.end, title.text[title.marker.end:]
                title = None
            counter = int(number) if number.isdigit() else counter + 1
            current = Draft("task", value_at, ln.end, list(path), number=number, number_int=counter,
                            inferred=not number.isdigit(), heading=field[2], title=named)
            number = ""
            continue
        if current is not None and field:
            if role in _NOTE_ROLES:  # not 进展情况 and the like, which only mention units
                current.notes.append(ln.text.strip())
            current.end = ln.end
            continue
        if current is not None and not field and not ln.marker:
            current.end = ln.end  # a long field wrapped onto the next line
            continue
        close()
        if ln.marker and ln.marker.rank <= RANK["cnparen"] and len(ln.text) <= 40:
            path = [(ln.marker.token, ln.text)]
            continue
        if ln.marker and ln.marker.family in ("arabic", "decimal", "decimal3", "task") and len(ln.text) <= 40:
            title = ln
            continue
        loose(ln)
    close()
    if title is not None:
        loose(title)
    return drafts

