"""Task lists grouped by unit: a section's heading names the unit that leads its tasks.

    一、区司法局（牵头7项）
    1．严格行政规范性文件合法性审核……（区政府办公室配合）
    四、区委编办、区司法局（共同牵头1项）

A heading that is nothing but unit names (a count of its tasks in brackets allowed) gives every
task under it those units as leads, unless the task names a lead of its own; the units a task
names itself (配合, 参与, 责任单位) are kept beside them.
"""
from __future__ import annotations

import re

from corpus.drafts import Draft
from corpus.outline import marker_of
from corpus.units import Units, looks_like_unit, nfkc, split_names

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
    return names if names and all(looks_like_unit(n) or n.startswith("各") for n in names) else []


def apply(drafts: list[Draft]) -> list[Draft]:
    """Give the tasks under a unit heading their lead."""
    for d in drafts:
        if d.kind != "task":
            continue
        leads = next((u for _, heading in reversed(d.path) if (u := heading_units(heading))), [])
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
