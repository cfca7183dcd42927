"""Helpers shared by the layout parsers: lines with offsets, labels, and the TaskItem builder."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import first_sentence
from corpus.types import PolicyDoc, TaskItem
from corpus.units import unit_lists

CN_NUM = "一二三四五六七八九十"
SECTION_RE = re.compile(rf"^\s*([{CN_NUM}]+)、\s*(.*)$")
SUBSECTION_RE = re.compile(rf"^\s*[(\uff08]([{CN_NUM}]+|-)[)\uff09]\s*(.*)$")
# Labels that introduce a unit list (the subset the two quirk readers meet).
LABEL_RE = re.compile(r"(牵头单位|责任单位|责任部门|参加单位|配合单位)\s*[:\uff1a]")
ROLE_OF_LABEL = {
    "牵头单位": "lead",
    "责任单位": "responsible",
    "责任部门": "responsible",  # 004 (十) spells it so; same meaning
    "参加单位": "participating",
    "配合单位": "participating",
}


@dataclass
class Line:
    no: int  # 1-based, as `cat -n`
    start: int  # offset of the first character in the document text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.replace("\u00a0", "").strip()


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for no, line in enumerate(text.split("\n"), start=1):
        out.append(Line(no, pos, line))
        pos += len(line) + 1
    return out


def parse_labels(units_text: str) -> dict[str, str]:
    """'牵头单位:X;责任单位:Y' -> {'lead': 'X', 'responsible': 'Y'} (values concatenated per role)."""
    roles: dict[str, str] = {}
    matches = list(LABEL_RE.finditer(units_text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(units_text)
        value = units_text[m.end() : end].strip(" ;;,,。\n")
        role = ROLE_OF_LABEL[m.group(1)]
        roles[role] = f"{roles[role]}、{value}" if role in roles else value
    return roles


def units_from_roles(roles: dict[str, str], locality: str) -> dict:
    """Role texts -> the TaskItem unit fields. No 牵头 label means no lead: never borrowed."""
    lead, lead_part = unit_lists(roles.get("lead", ""), locality)
    resp, resp_part = unit_lists(roles.get("responsible", ""), locality)
    part, part_part = unit_lists(roles.get("participating", ""), locality)
    participating = tuple(dict.fromkeys(part + part_part + lead_part + resp_part))
    return {"lead_units": lead, "responsible_units": resp, "participating_units": participating}


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so the slice has no surrounding whitespace."""
    while start < end and text[start] in " \t\n\u00a0\u3000•":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0\u3000":
        end -= 1
    return start, end


def make_item(
    doc: PolicyDoc,
    local_id: str,
    section: str,
    section_path: str,
    start: int,
    end: int,
    *,
    kind: str = "task",
    heading: str | None = None,
    **fields,
) -> TaskItem:
    start, end = strip_span(doc.text, start, end)
    text = doc.text[start:end]
    return TaskItem(
        item_id=f"{doc.doc_id}-{local_id}",
        doc_id=doc.doc_id,
        doc=doc.file,
        title=doc.title,
        locality=doc.locality,
        section=section,
        section_path=section_path,
        text=text,
        span=(start, end),
        heading=first_sentence(text) if heading is None else heading,
        doc_kind=doc.kind,
        date=doc.date,
        doc_no=doc.doc_no,
        issuer=doc.issuer,
        addressee=doc.addressee,
        kind=kind,
        **fields,
    )
