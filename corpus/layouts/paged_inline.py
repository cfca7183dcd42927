"""A docx preview scraped page by page, everything in one stream (001 绿园区).

The viewer cut the text every 300 characters and put a page marker `N、` at the start of each
line, often mid-word (`重要指` / `示精神`). `clean` drops the site boilerplate line, strips the
markers and joins the lines with no separator, so `好差评` is searchable again. In the joined
stream items are `N .` / `N,` / `N ` tokens, units follow inline as `牵头单位:X参加单位:Y` or
`责任单位:X`, and one item (11) lost its number entirely. The file stops inside item 28.
"""
from __future__ import annotations

import re

from corpus.layouts._build import LABEL_RE, make_item, parse_labels, units_from_roles
from corpus.text import cn_to_int, int_to_cn
from corpus.types import PolicyDoc, TaskItem
from corpus.units import looks_like_unit

PAGE_MARKER = re.compile(r"^\d+、")
SECTION_RE = re.compile(r"([一二三四五六七八九十]+)、(?=[\u4e00-\u9fff])")
SUBSECTION_RE = re.compile(r"\((-|[一二三四五六七八九十]+)\)")
STRONG_END = re.compile(r"(部门|分局|局|办|委|院|室|中心|政府|办事处)")


def clean(raw: str) -> str:
    lines = raw.replace("\r\n", "\n").split("\n")
    pages = [PAGE_MARKER.sub("", line, count=1) for line in lines if PAGE_MARKER.match(line)]
    return "".join(pages) if pages else raw


def _number_re(n: int) -> re.Pattern:
    return re.compile(rf"(?<!\d){n}(?:\s*[.,．]\s*|\s+)(?=[\u4e00-\u9fff“])")


def _find_items(text: str) -> list[tuple[int, int, int]]:
    """(number, token start, token end) for every surviving number, in order."""
    found, pos, n, misses = [], 0, 1, 0
    while misses < 2:
        m = _number_re(n).search(text, pos)
        nxt = _number_re(n + 1).search(text, pos)
        if m and (not nxt or m.start() < nxt.start()):
            found.append((n, m.start(), m.end()))
            pos, misses = m.end(), 0
        else:
            misses += 1
        n += 1
    return found


def _find_headings(text: str) -> tuple[list, list]:
    """Sections and subsections, found in order (each numeral must follow the previous one)."""
    sections, subsections = [], []
    expected = 1
    for m in SECTION_RE.finditer(text):
        if cn_to_int(m.group(1)) == expected:
            sections.append((expected, m.start(), m.end()))
            expected += 1
    expected = 1
    for m in SUBSECTION_RE.finditer(text):
        num = 1 if m.group(1) == "-" else cn_to_int(m.group(1))
        if num == expected:
            subsections.append((num, m.start(), m.end()))
            expected += 1
    return sections, subsections


def _split_lost_item(value: str) -> int | None:
    """Where a unit value runs into the text of an item whose number was lost, the cut offset.

    Unit lists in this file never contain `,` or `。`; when a value does, its last name is the
    start of a sentence: cut it after the earliest unit-like ending."""
    head = re.split(r"[,。;]", value, maxsplit=1)[0]
    if len(head) == len(value):
        return None
    last_start = max(head.rfind("、") + 1, 0)
    last = head[last_start:]
    for m in STRONG_END.finditer(last):
        if looks_like_unit(last[: m.end()]) and len(last) - m.end() >= 4:
            return last_start + m.end()
    return None


def parse(doc: PolicyDoc) -> list[TaskItem]:
    text = doc.text
    numbers = _find_items(text)
    sections, subsections = _find_headings(text)
    heading_starts = sorted([s for _, s, _ in sections] + [s for _, s, _ in subsections])
    item_starts = [s for _, s, _ in numbers]

    def title_at(marks, pos) -> tuple[int, str] | None:
        best = None
        for num, s, e in marks:
            if s <= pos:
                stop = min([p for p in heading_starts + item_starts if p > s] + [len(text)])
                body = text[e:stop]
                best = (num, re.split(r"[,。]", body, maxsplit=1)[0])
        return best

    def path(pos: int, tail: str) -> tuple[str, str]:
        sec, sub = title_at(sections, pos), title_at(subsections, pos)
        if sub and sec and subsections[sub[0] - 1][1] < sections[sec[0] - 1][1]:
            sub = None  # the subsection belongs to an earlier section
        short = (f"{int_to_cn(sec[0])}、" if sec else "") + (f"({int_to_cn(sub[0])})" if sub else "")
        full = " > ".join(
            p for p in (
                f"{int_to_cn(sec[0])}、{sec[1]}" if sec else "",
                f"({int_to_cn(sub[0])}){sub[1]}" if sub else "",
                tail,
            ) if p
        )
        return f"{short} {tail}".strip(), full

    def boundary_after(pos: int) -> int:
        return min([p for p in heading_starts + item_starts if p > pos] + [len(text)])

    items: list[TaskItem] = []
    first_item = numbers[0][1] if numbers else len(text)
    first_section = sections[0][1] if sections else first_item
    if first_section > 0:
        items.append(make_item(doc, "p0", "前言", "前言", 0, first_section, kind="preamble"))
    # Prose before the first task (001's 一、总体要求: guiding ideas, principles, goals).
    prose_end = max([s for _, s, _ in sections if s < first_item] + [first_section])
    if sections and prose_end > first_section:
        short, full = path(first_section, "")
        items.append(make_item(doc, "p1", short, full, first_section, prose_end, kind="prose"))

    queue = [(n, e, False) for n, _, e in numbers]
    while queue:
        n, start, inferred = queue.pop(0)
        stop = boundary_after(start)
        label = LABEL_RE.search(text, start, stop)
        text_end = label.start() if label else stop
        units_text = text[label.start() : stop] if label else ""
        truncated = stop == len(text) and not label
        if label:
            # A label value that runs into sentences is followed by an item whose number was lost.
            labels = list(LABEL_RE.finditer(units_text))
            for i, lab in enumerate(labels):
                value_end = labels[i + 1].start() if i + 1 < len(labels) else len(units_text)
                cut = _split_lost_item(units_text[lab.end() : value_end])
                if cut is not None:
                    lost_start = label.start() + lab.end() + cut
                    units_text = text[label.start() : lost_start]
                    queue.insert(0, (n + 1, lost_start, True))
                    break
        tail = f"[{n}]" if inferred else f"{n}."
        short, full = path(start, tail)
        fields = units_from_roles(parse_labels(units_text), doc.locality)
        if truncated:
            fields["lead_units"] = None  # the units were cut off with the text: unknown, not none
        items.append(
            make_item(doc, str(n), short, full, start, text_end, item_no=n,
                      item_no_inferred=inferred, units_raw=units_text.strip(),
                      truncated=truncated, **fields)
        )
    return items
