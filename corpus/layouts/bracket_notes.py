"""Paragraph items with a unit note at the end in 〔〕 (003 新密市).

`〔X、Y牵头,Z、有关部门,各乡(镇)、街道按职责分工负责〕`: lead before 牵头, responsible after.
The file is badly damaged, so nothing here trusts a single mark:
- item markers survive as `(N)`, `N)`, `)` or not at all, so items are paragraphs, numbered in
  order, and the surviving numbers are checks; a marker-less paragraph is a continuation of the
  item above only when the numbers prove there is one paragraph too many (line 92);
- brackets are lost at either end, so a note is anchored on its ending `按职责分工负责〕?` and
  starts at `〔` or after the last `。`; a note that does not read as a unit list is `damaged`;
- the first lines are web metadata rendered as bullets, not items.
"""
from __future__ import annotations

import re

from corpus.layouts._build import lines_of, make_item, units_from_roles
from corpus.text import cn_to_int, first_sentence, int_to_cn
from corpus.types import PolicyDoc, TaskItem
from corpus.units import canonical, looks_like_unit, split_units, unit_lists

CN = "一二三四五六七八九十"
SECTION_RE = re.compile(rf"^([{CN}]+)、?(?=[\u4e00-\u9fff])")
MARKER_RE = re.compile(rf"^\(?([{CN}]*)\)")
NOTE_END_RE = re.compile(r"按职责(?:分工)?负责〕?\s*$")


def clean(raw: str) -> str:
    return raw.replace("\r\n", "\n")


def split_note(paragraph: str, locality: str = "") -> tuple[int, str, bool]:
    """(offset where the note starts, note text, damaged). Offset == len when there is no note."""
    end = NOTE_END_RE.search(paragraph)
    if not end:
        return len(paragraph), "", False
    body = paragraph[: end.start()]
    bracket = body.rfind("〔")
    period = body.rfind("。")
    start = bracket if bracket > period else period + 1
    note = paragraph[start:].strip("〔〕 ")
    names = [n for n, _ in split_units(note.replace("牵头", "、"))]
    damaged = not names or not all(looks_like_unit(canonical(n, locality)) for n in names)
    return start, note, damaged


def note_units(note: str, locality: str, damaged: bool) -> dict:
    if damaged:
        # The lead cannot be told from the damaged text; keep only the names that read as units.
        names = [n for n, _ in split_units(note.replace("牵头", "、"))
                 if looks_like_unit(canonical(n, locality))]
        resp, _ = unit_lists("、".join(names), locality)
        return {"lead_units": None, "responsible_units": resp, "participating_units": ()}
    lead, _, rest = note.rpartition("牵头") if "牵头" in note else ("", "", note)
    return units_from_roles({"lead": lead, "responsible": rest}, locality)


def parse(doc: PolicyDoc) -> list[TaskItem]:
    # 1. Sections and their paragraphs.
    sections: list[tuple[str, str, list]] = []  # (short, full title, paragraphs)
    preamble = []
    expected = 1
    for line in lines_of(doc.text):
        if line.blank or line.text.lstrip().startswith("•") or line.text.startswith("主办单位"):
            continue
        m = SECTION_RE.match(line.text)
        if m and cn_to_int(m.group(1)) == expected and len(line.text) < 60 and "。" not in line.text:
            sections.append((f"{int_to_cn(expected)}、", line.text.strip(), []))
            expected += 1
        elif sections:
            sections[-1][2].append(line)
        else:
            preamble.append(line)

    items: list[TaskItem] = []
    if preamble:
        items.append(make_item(doc, "p0", "前言", "前言", preamble[0].start, preamble[-1].end,
                               kind="preamble"))

    # 2. Paragraph numbering: markers are checks, paragraphs are the truth.
    flat = [(si, line) for si, (_, _, paras) in enumerate(sections) for line in paras]
    numbers: list[int | None] = []
    for _, line in flat:
        m = MARKER_RE.match(line.text)
        numbers.append(cn_to_int(m.group(1)) if m and m.group(1) else None)
    roles = _assign(flat, numbers)

    # 3. Items.
    for (si, line), (role, no) in zip(flat, roles):
        short_sec, full_sec, _ = sections[si]
        marker = MARKER_RE.match(line.text)
        body_off = marker.end() if marker else 0
        paragraph = line.text[body_off:]
        note_at, note, damaged = split_note(paragraph, doc.locality)
        if damaged and "。" in paragraph:
            note_at = len(paragraph)  # keep the whole garbled paragraph as text
        start, end = line.start + body_off, line.start + body_off + note_at
        sub = f"({int_to_cn(no)})" if no else ""
        heading = first_sentence(paragraph)
        if role == "task":
            local, tail, kind = str(no), "", "task"
        elif role == "continuation":
            local, tail, kind = f"{no}b", " 续段", "task"
        else:
            local, tail, kind = f"c{line.no}", " 结语", "closing"
        fields = note_units(note, doc.locality, damaged) if note else {}
        items.append(make_item(
            doc, local, f"{short_sec}{sub}{tail}", f"{full_sec} > {sub}{heading}{tail}",
            start, end, kind=kind, heading=heading, item_no=no if role == "task" else None,
            item_no_inferred=role == "task" and not (marker and marker.group(1)),
            units_raw=note, damaged=damaged, **fields))
    return items


def _assign(flat, numbers) -> list[tuple[str, int | None]]:
    """Give each paragraph a role (task / continuation / closing) and its item number.

    Between two paragraphs with a surviving number a and b, there are b-a-1 items; extra
    paragraphs without any marker are continuations of the paragraph before them. Paragraphs
    without markers after the last numbered item close the document."""
    known = [i for i, n in enumerate(numbers) if n is not None]
    out: list[tuple[str, int | None]] = [("task", None)] * len(flat)
    prev_i, prev_n = -1, 0
    for k in known + [None]:
        if k is None:
            for j in range(prev_i + 1, len(flat)):
                out[j] = ("closing", prev_n)
            break
        run = list(range(prev_i + 1, k))
        extra = len(run) - (numbers[k] - prev_n - 1)
        n = prev_n
        for j in run:
            has_marker = bool(MARKER_RE.match(flat[j][1].text))
            follows_item = j - 1 >= 0 and (j - 1 == prev_i or out[j - 1][0] == "task")
            if extra > 0 and not has_marker and follows_item and j - 1 >= 0:
                out[j] = ("continuation", n)
                extra -= 1
            else:
                n += 1
                out[j] = ("task", n)
        out[k] = ("task", numbers[k])
        prev_i, prev_n = k, numbers[k]
    return out
