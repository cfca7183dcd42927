"""An annual report: `(N)` paragraphs made of `一是…二是…` points, no units (002 伊犁州).

Each lowest-level point is one item: every `一是/二是…` clause, every `1.`–`5.` line under a
heading that stands alone, and every `(N)` paragraph that has no sub-points. The `(N)` heading
sentence is the item's context, not an item. Sub-points are split only in the first section
(achievements); the work-plan paragraphs of the second section stay whole.
"""
from __future__ import annotations

import re

from corpus.layouts._build import SECTION_RE, SUBSECTION_RE, lines_of, make_item
from corpus.text import first_sentence
from corpus.types import PolicyDoc, TaskItem

ORDINAL_RE = re.compile(r"[一二三四五六七八九十]是")
ARABIC_RE = re.compile(r"^\s*(\d{1,2})\s*[.．]")


def clean(raw: str) -> str:
    return raw.replace("\r\n", "\n")


def parse(doc: PolicyDoc, split_sections: tuple[int, ...] = (1,)) -> list[TaskItem]:
    items: list[TaskItem] = []
    section_no, section, section_full = 0, "", ""
    sub, sub_full = "", ""
    for line in lines_of(doc.text):
        if line.blank:
            continue
        text = line.text
        sec, subm, arabic = SECTION_RE.match(text), SUBSECTION_RE.match(text), ARABIC_RE.match(text)
        if sec and "。" not in text[:40]:
            section_no += 1
            section, section_full = f"{sec.group(1)}、", text.strip()
            sub = sub_full = ""
            continue
        if not section:
            items.append(make_item(doc, f"p{line.no}", "前言", "前言", line.start, line.end,
                                   kind="preamble"))
            continue
        if subm:
            sub = f"({subm.group(1)})"
            body_start = line.start + subm.start(2)
            heading = first_sentence(subm.group(2), limit=80)
            sub_full = f"{sub}{heading}"
            body = doc.text[body_start : line.end]
            marks = list(ORDINAL_RE.finditer(body)) if section_no in split_sections else []
            if len(body) <= len(heading) + 2:
                continue  # the heading stands alone: its points follow as 1. 2. … lines
            if not marks:
                items.append(make_item(doc, f"{section_no}.{subm.group(1)}", f"{section}{sub}",
                                       f"{section_full} > {sub_full}", body_start, line.end,
                                       kind="point", heading=heading))
                continue
            for i, m in enumerate(marks):
                end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
                tag = m.group(0)
                items.append(make_item(
                    doc, f"{section_no}.{subm.group(1)}.{tag}", f"{section}{sub} {tag}",
                    f"{section_full} > {sub_full} > {tag}", body_start + m.start(),
                    body_start + end, kind="point", heading=heading))
        elif arabic and sub:
            n = arabic.group(1)
            items.append(make_item(doc, f"{section_no}.{sub.strip('()')}.{n}", f"{section}{sub} {n}.",
                                   f"{section_full} > {sub_full} > {n}.",
                                   line.start + arabic.end(), line.end, kind="point",
                                   item_no=int(n), heading=sub_full))
        else:
            items.append(make_item(doc, f"c{line.no}", f"{section}", section_full or "结尾",
                                   line.start, line.end, kind="closing"))
    return items
