"""Items on their own lines, each followed by unit label lines (000 乌鲁木齐县, 004 阜康市).

Two item styles share this parser:
- arabic (000): `(N)` lines are subsection headings; items are `N.` lines, and `  • ` lines are
  items whose number was lost (counted on, so every surviving number lines up);
- paren (004): `（N）` paragraphs are the items; `1.` lines after one are a sub-list of that item.
A `牵头单位…` / `责任单位…` / `责任部门…` line belongs to the item above it, never to itself.
"""
from __future__ import annotations

import re

from corpus.layouts._build import (
    LABEL_RE,
    SECTION_RE,
    SUBSECTION_RE,
    Line,
    lines_of,
    make_item,
    parse_labels,
    units_from_roles,
)
from corpus.text import cn_to_int, first_sentence
from corpus.types import PolicyDoc, TaskItem

ARABIC_RE = re.compile(r"^\s*(\d{1,3})\s*[.．]\s*(?=\S)")
BULLET_RE = re.compile(r"^\s*•\s*")
# Web-page residue that is not document text.
NOISE_RE = re.compile(r"^(相关文件[::]|微信“扫一扫”|.*分享至朋友圈)")


def clean(raw: str) -> str:
    return raw.replace("\r\n", "\n")


class _Open:
    """An item being collected: its lines so far and its unit lines."""

    def __init__(self, no: int | None, inferred: bool, first: Line, text_start: int):
        self.no, self.inferred = no, inferred
        self.start, self.end = text_start, first.end
        self.units: list[str] = []

    def extend(self, line: Line) -> None:
        self.end = line.end


def parse(doc: PolicyDoc, style: str = "arabic") -> list[TaskItem]:
    items: list[TaskItem] = []
    section = subsection = ""
    section_full = subsection_full = ""
    counter = 0
    current: _Open | None = None
    prose: list[Line] = []

    def path(tail: str) -> tuple[str, str]:
        short = f"{section}{subsection} {tail}".strip()
        full = " > ".join(p for p in (section_full, subsection_full, tail) if p)
        return short, full

    def flush_prose() -> None:
        if prose:
            short, full = path("")
            kind = "preamble" if not section else "prose"
            items.append(
                make_item(doc, f"{kind[0]}{prose[0].no}", short or "前言", full or "前言",
                          prose[0].start, prose[-1].end, kind=kind)
            )
            prose.clear()

    def flush_item() -> None:
        nonlocal current
        if current is None:
            return
        roles = parse_labels("\n".join(current.units))
        no = current.no
        if style == "paren":
            tail, local = "", str(no)
        else:
            tail = f"•[{no}]" if current.inferred else f"{no}."
            local = str(no)
        short, full = path(tail)
        items.append(
            make_item(doc, local, short, full, current.start, current.end,
                      item_no=no, item_no_inferred=current.inferred,
                      units_raw="\n".join(current.units), **units_from_roles(roles, doc.locality))
        )
        current = None

    for line in lines_of(doc.text):
        text = line.text
        if line.blank or NOISE_RE.match(text.strip()):
            continue
        if LABEL_RE.match(text.strip()):
            if current is not None:
                current.units.append(text.strip())
            continue
        sec = SECTION_RE.match(text)
        sub = SUBSECTION_RE.match(text)
        arabic = ARABIC_RE.match(text)
        bullet = BULLET_RE.match(text)
        if sec and len(text) < 60 and "。" not in text:
            flush_item(), flush_prose()
            section, section_full = f"{sec.group(1)}、", text.strip()
            subsection = subsection_full = ""
        elif style == "arabic" and sub and len(text) < 60:
            flush_item(), flush_prose()
            subsection, subsection_full = f"({sub.group(1)})", text.strip()
        elif style == "paren" and sub and section:
            flush_item(), flush_prose()
            no = cn_to_int(sub.group(1))
            current = _Open(no, False, line, line.start + sub.start(2))
            subsection = f"({sub.group(1)})"
            subsection_full = subsection + first_sentence(sub.group(2))
        elif style == "arabic" and (arabic or bullet) and section:
            flush_item(), flush_prose()
            if arabic:
                counter = int(arabic.group(1))  # a surviving number is the truth
                current = _Open(counter, False, line, line.start + arabic.end())
            else:
                counter += 1
                current = _Open(counter, True, line, line.start + bullet.end())
        elif current is not None and not current.units and style == "paren":
            current.extend(line)  # a sub-list line (004 (十三) 1.–3.) belongs to its item
        else:
            flush_item()
            prose.append(line)
            if section and len(prose) > 0:
                flush_prose()
    flush_item(), flush_prose()
    return items


def parse_paren(doc: PolicyDoc) -> list[TaskItem]:
    return parse(doc, style="paren")
