"""Which of a unit's tasks is due first (or last): "县司法局牵头的活,哪一项完成时限最早?"

A task's time limit is read from its 完成时限 field, else from its text: "2025年7月底", "7月底前",
"6月30日前", "年底前". A limit with no day to it ("长期坚持", "全年", "持续推进") is left out of the
comparison and said so. A month's end counts as its last day; a year not written is the document's.
"""
from __future__ import annotations

import calendar
import re

from assistant.route_dates import year_of
from corpus.types import TaskItem

ASKS = re.compile(r"(完成时限|时限|截止|期限|完成|到期|时间节点)[^?？,，]{0,6}(最早|最晚|最先|最迟|最靠前|最靠后|更早|更晚)|"
                  r"(最早|最晚|最先|最迟|更早|更晚)[^?？,，]{0,4}(完成|到期|截止)")
_LATEST = re.compile(r"最晚|最迟|最靠后|更晚")
_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末|中旬|上旬|下旬)?|(?:(\d{4})年)?(年底|年末)")


def asks(question: str) -> bool:
    return bool(ASKS.search(question))


def asks_latest(question: str) -> bool:
    return bool(_LATEST.search(question))


def due(item: TaskItem) -> tuple[tuple[int, int, int], str] | None:
    """(year, month, day) of the item's time limit and the limit as written, or None."""
    for source in (item.deadline, item.text):
        m = _DAY.search(source or "")
        if not m:
            continue
        year = int(m.group(1) or m.group(4) or year_of(item) or 0)
        if not year:
            continue
        if m.group(5):  # 年底
            return (year, 12, 31), m.group(0)
        month = int(m.group(2))
        if not 1 <= month <= 12:
            continue
        day = int(m.group(3)) if m.group(3) else {"中旬": 20, "上旬": 10}.get(m.group(0)[-2:], calendar.monthrange(year, month)[1])
        return (year, month, day), m.group(0)
    return None


def first_due(items: list[TaskItem], latest: bool = False) -> tuple[TaskItem | None, list[TaskItem]]:
    """The item due first (or last) among those with a dated limit, and those without one."""
    dated = [(due(i), i) for i in items]
    undated = [i for d, i in dated if d is None]
    dated = [(d, i) for d, i in dated if d is not None]
    if not dated:
        return None, undated
    pick = (max if latest else min)(dated, key=lambda pair: pair[0][0])
    return pick[1], undated
