"""A plan whose units live in an attached 分工表 that points back to its items.

    二、重点任务
    1．动态调整权责清单。……            (no unit note in the plan)
    ……
    附件  重点任务分工表
    序号  重点任务                        牵头单位    配合单位          完成时限
    1    第1项　动态调整权责清单           县委编办    县司法局、…       2025年6月底前
    7    第7、8项  乡镇综合行政执法改革、…  县司法局    …
    9    包容审慎监管                      县市场监管局 …

The items are the plan's; each row of the table gives its units and time limit to the items it
names, by number (第N项, 第N、M项, 第N—M项) or by title (the row's task matches an item's heading).
The table's own 序号 is never taken for an item number: rows may cover two items, or none. A row
stays in the document as a note of its own, cited with the items it assigns.
"""
from __future__ import annotations

import re

from corpus import assignments
from corpus.drafts import Draft
from corpus.units import Units, nfkc

_ATTACHMENT_LINE = re.compile(r"\n[ \t\u3000]*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?[^\n]*")
_SERIAL_RANGE = re.compile(r"^\d{1,3}\s*[—–\-~～、,，]\s*\d{1,3}$")
MIN_LINKED = 0.6  # this share of the rows must point back to the plan for the table to be its 分工表
_REFS = re.compile(r"^\s*第\s*[0-9一二三四五六七八九十]{1,3}(?:\s*(?:[、,，和及与—–\-~～至到])\s*第?\s*[0-9一二三四五六七八九十]{1,3})*\s*项")


def join(plan: list[Draft], table: list[Draft], text: str) -> list[Draft] | None:
    """The plan's drafts with units from the table's rows, or None when the table is not an
    attachment that points back to the plan (it is then read as a task table of its own)."""
    tasks = [d for d in plan if d.kind == "task"]
    end_of_plan = plan[-1].end if plan else 0
    rows = [d for d in table if d.kind == "task" and d.start >= end_of_plan]
    if len(tasks) < 3 or not rows or sum(1 for d in tasks if d.units is not None and not d.units.empty) > len(tasks) // 5:
        return None
    links = [(row, _targets(row, tasks, text)) for row in rows]
    if sum(1 for _, found in links if found) < MIN_LINKED * len(rows):
        return None
    linked = {id(d) for _, found in links for d in found}
    shapes = {_shape(d.number) for d in tasks if id(d) in linked}
    for d in tasks:  # a plan's 保障措施 (（一）加强组织领导…) is no task the table could assign
        if id(d) not in linked and _shape(d.number) not in shapes:
            d.kind = "prose"
    _end_before_attachment(plan[-1], text)
    out = list(plan)
    after = [d for d in table if d.start >= end_of_plan and d.kind != "task"]
    where = [(_attachment_title(text, rows[0].start),) * 2]
    for row, found in links:
        line_start = text.rfind("\n", 0, row.start) + 1
        line_end = text.find("\n", row.end)
        line_end = len(text) if line_end < 0 else line_end
        out.append(Draft("closing", line_start, line_end, where))  # the row, searchable and citable
        for item in found:
            if item.units is not None and not item.units.empty and not item.notes:
                continue  # the plan's own note wins
            item.units = assignments.merged(item.units, row.units or Units())
            item.deadline = item.deadline or row.deadline
            item.notes.append(text[line_start:line_end].strip())
    out += after
    return sorted(out, key=lambda d: d.start)


def _end_before_attachment(last: Draft, text: str) -> None:
    """The plan's last item ends where the attachment begins: its `附件` line and title are the
    table's, not the task's."""
    head = _ATTACHMENT_LINE.search(text, last.start, last.end)
    if head and head.start() > last.start:
        last.end = head.start()


def _targets(row: Draft, tasks: list[Draft], text: str) -> list[Draft]:
    """The plan items a row names: by the numbers it cites, else by its title."""
    cell = nfkc(text[row.start:row.end].split("\t")[0]).strip()
    covered = _SERIAL_RANGE.match(nfkc(row.number or ""))
    if covered:  # 序号 `12—13`: a serial is one number, so a range is the items the row covers
        wanted = assignments.numbers(f"第{covered.group(0)}项")
        found = [d for n in wanted for d in tasks if assignments.printed(d) == n]
        if len(found) == len(wanted):
            return found
    refs = _REFS.match(cell)
    if refs:
        wanted = assignments.numbers(refs.group(0))
        found = [d for n in wanted for d in tasks if assignments.printed(d) == n]
        if len(found) == len(wanted):
            return found
        cell = cell[refs.end():]
    title = re.sub(r"^[\s　:：]+", "", cell)
    if len(title) < 4:
        return []
    scored = sorted(((_title_match(title, nfkc(text[d.start:d.end])), k) for k, d in enumerate(tasks)), reverse=True)
    best, k = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    return [tasks[k]] if best >= 0.8 and best > runner_up else []


def _shape(number: str) -> str:
    """A printed number's family: 1 and 12 alike, （一） and （十二） alike."""
    return re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "0", nfkc(number or "")))


def _attachment_title(text: str, first_row: int) -> str:
    """The table's own title: the nearest line above it that is not a row (`附件`, if none)."""
    lines = [ln.strip() for ln in text[:first_row].split("\n")[-6:] if ln.strip() and "\t" not in ln]
    return lines[-1][:40] if lines else "附件"


def _title_match(title: str, item: str) -> float:
    """How much of a row's title the item's heading holds: whole (a short title the heading
    contains), else the share of its character pairs found in the heading."""
    heading = re.split(r"[。；;]", re.sub(r"^\s*\d{1,3}\s*[.．、]\s*", "", item), maxsplit=1)[0]
    if title in heading or heading in title:
        return 1.0
    pairs = {title[i:i + 2] for i in range(len(title) - 1)}
    return sum(1 for p in pairs if p in heading) / max(1, len(pairs))


