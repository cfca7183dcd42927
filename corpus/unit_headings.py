"""Tasks led by the unit named before them: a section's heading, or the task's own opening.

    一、区司法局（牵头7项）
    1．严格行政规范性文件合法性审核……（区政府办公室配合）
    四、区委编办、区司法局（共同牵头1项）

A heading that is nothing but unit names (a count of its tasks in brackets allowed) gives every
task under it those units as leads, unless the task names a lead of its own; the units a task
names itself (配合, 参与, 责任单位) are kept beside them. So does a task that opens with its unit:

    1．【县司法局】推进……（县委编办配合）
    3．县委编办、县司法局：推进……。配合单位：各乡镇人民政府
"""
from __future__ import annotations

import re

from corpus.drafts import Draft
from corpus.outline import marker_of
from corpus.units import Units, looks_like_unit, nfkc, split_names

# what an organ's name ends with (a heading like 一、推进政府职能依法全面履行 names none)
_ORGAN = re.compile(r"(局|委|办|院|部|中心|政府|办事处|所|队|处|科|股|室|委员会|小组|厅|站|人民政府|管委会)$")
# the bracket after the names: how many tasks the unit leads (（牵头7项）, （共同牵头1项）, （共3项）)
_COUNT = re.compile(r"[(（](共同)?(牵头|负责|共)?\s*[0-9一二三四五六七八九十]+\s*项[)）]\s*$")


def heading_units(heading: str) -> list[str]:
    """The units a heading consists of, or [] when it says anything else."""
    text = nfkc(heading).strip()
    m = marker_of(text)
    if m:
        text = text[len(m.token):] if text.startswith(m.token) else text
    text = _COUNT.sub("", text.strip(" 、.．")).strip()
    if not text or re.search(r"[。；;，,：:]", text):
        return []
    names = split_names(text)
    return names if names and all(_ORGAN.search(re.sub(r"\([^)]*\)$", "", n)) and looks_like_unit(n) for n in names) else []


# the task's opening: its number, then 【units】 or units followed by a colon
_OPENING = re.compile(r"^\s*(?:\d{1,3}\s*[.．、]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、)?\s*"
                      r"(?:【(?P<bracketed>[^】]{2,40})】|(?P<said>[^，,。；;：:（(【]{2,40})[：:])")


def opening_units(text: str) -> list[str]:
    """The units a task opens with, or []."""
    m = _OPENING.match(nfkc(text))
    return heading_units(m.group("bracketed") or m.group("said")) if m else []


def apply(text: str, drafts: list[Draft]) -> list[Draft]:
    """Give the tasks under a unit heading, or opening with their unit, their lead."""
    for d in drafts:
        if d.kind != "task":
            continue
        leads = (opening_units(text[d.start:d.end])
                 or next((u for _, heading in reversed(d.path) if (u := heading_units(heading))), []))
        if not leads or (d.units is not None and d.units.lead):
            continue
        units = Units()
        units.add("lead", leads)
        for role in ("responsible", "participating"):
            units.add(role, [n for n in getattr(d.units, role, []) if n not in leads] if d.units else [])
        units.deadline = d.units.deadline if d.units else ""
        units.has_lead_marker = True
        d.units = units
    return drafts
