"""Periods of a plan's targets — a year, a quarter, a half, a month — in one vocabulary: how a
column's label names one (`2027年度目标`, `第3季度`, `Q3`, `上半年`, `6月份`), how an item's text
says one (the label as printed, then `：` and the cell), and how a question asks for one. A period
is compared by its canonical form, so a column printed `Q3` is found when a question says 三季度.
"""
from __future__ import annotations

import re

# a quarter, a half or a month, alone or after a year
_SUB = r"(?:第?[一二三四1-4]季度|Q[1-4]|[上下]半年|(?:1[0-2]|[1-9])月份?)"
PERIOD = rf"(?:(?:19|20)\d{{2}}年度?{_SUB}?|{_SUB})"
_LABEL = re.compile(rf"{PERIOD}(?:目标|任务|节点|安排)?")
# a target said in an item's text: `…\n2027年：压减至8天；2028年：—`
_SAID = re.compile(rf"(?:^|[\n；])(?P<label>{PERIOD}(?:目标|任务|节点|安排)?)：(?P<cell>[^；\n]*)")
_QUARTERS = "一二三四"


def is_label(name: str) -> bool:
    """A column label (normalised: no spaces, no bracket) that names a period of targets."""
    return bool(_LABEL.fullmatch(name))


def canonical(period: str) -> str:
    """One spelling per period: 2027年度目标 → 2027年, 第3季度 / Q3 → 三季度, 6月份 → 6月,
    2026年Q1 → 2026年一季度."""
    p = re.sub(r"(目标|任务|节点|安排)$", "", period.strip())
    m = re.fullmatch(r"(?:(?P<year>(?:19|20)\d{2})年度?)?(?P<sub>.*)", p)
    sub = m.group("sub")
    quarter = re.fullmatch(r"第?([一二三四1-4])季度|Q([1-4])", sub)
    if quarter:
        n = quarter.group(1) or quarter.group(2)
        sub = (_QUARTERS[int(n) - 1] if n.isdigit() else n) + "季度"
    month = re.fullmatch(r"(\d+)月份?", sub)
    if month:
        sub = f"{int(month.group(1))}月"
    return (f"{m.group('year')}年" if m.group("year") else "") + sub


def targets(text: str) -> dict[str, str]:
    """{canonical period: the cell as printed} for the targets an item's text says by period."""
    return {canonical(m.group("label")): m.group("cell").strip() for m in _SAID.finditer(text)}


def target_for(text: str, period: str) -> str | None:
    """The item's target for `period` as printed ("—" when it has none), or None when its text says
    none by period. A period asked with its year (2026年一季度) is found in a one-year plan's
    columns that print the quarter alone."""
    said = targets(text)
    if not said:
        return None
    asked = canonical(period)
    if asked in said:
        return said[asked]
    alone = re.sub(r"^(?:19|20)\d{2}年", "", asked)
    return said.get(alone, "") if alone else ""
