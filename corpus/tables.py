"""Task tables: map a header row's cells to roles (text, units by role, deadline, …).

A plan's 任务分工表 names its columns in a few dozen ways; the role of a column is what its
header says, never its position. A column a header cannot map is reported, not guessed.
"""
from __future__ import annotations

import re
import unicodedata

from corpus.periods import is_label
from corpus.units import LABELS, looks_like_unit

_ROLE_WORDS = {
    "no": ("序号", "编号", "序"),
    "category": ("任务类别", "类别", "工作类别", "领域", "板块", "重点领域", "任务分类", "工作板块", "项目类别",
                 # a 考核评价指标 table: its items are the second-level indicators under the first
                 "一级指标", "考核项目", "考核类别", "评价项目", "考核维度", "评价维度",
                 # a 整改方案: the problem a report found, over the measures that answer it
                 "反馈问题", "存在问题", "问题表现", "主要问题", "问题描述", "突出问题", "问题清单", "整改问题",
                 # a 重大行政决策事项目录: the kind of decision (重大公共政策, 重要规划…)
                 "事项分类", "事项类别", "决策类别", "决策事项类别"),
    "text": ("工作任务", "任务", "任务内容", "具体措施", "主要任务", "重点任务", "工作内容", "工作措施",
             "具体任务", "工作举措", "目标任务", "具体工作", "主要内容", "任务事项", "工作要求",
             "具体内容", "改革任务", "措施", "工作目标", "任务名称", "主要措施", "重点工作",
             "具体举措", "主要举措", "推进措施", "落实措施", "工作事项",
             # a 任务承接清单: what this place does to take over a task of its parent's plan
             "承接举措", "承接措施", "贯彻举措", "落实举措", "承接任务",
             "二级指标", "三级指标", "考核内容", "考核指标", "指标内容", "评价内容", "考核要点", "指标名称",
             "评分标准", "评分细则", "考核标准", "评价标准", "评分办法", "计分方法",
             # a 重大行政决策事项目录: each decision to be made is a row
             "事项名称", "决策事项", "决策事项名称", "重大行政决策事项", "事项内容"),
    "lead": LABELS["lead"] + ("牵头",),
    "responsible": LABELS["responsible"],
    "participating": LABELS["participating"],
    "deadline": LABELS["deadline"] + ("时限", "时间安排", "进度安排",
                                      "承办时间", "拟决策时间", "计划决策时间", "决策时间", "计划完成时间"),
    # an assessment's points for an indicator (考核评价指标): a field of its own, like a time limit
    "score": ("分值", "分数", "标准分", "满分", "基本分"),
    # a plan's targets, a column per period under 分年度目标 (2026年 / 2027年 / 2028年, 一季度 … 四季度):
    # part of the task's text, never its category
    "target": ("实施计划", "工作计划", "整改目标", "整改要求", "完成标志", "工作标准", "成果形式", "预期成果", "分年度目标", "年度目标", "阶段目标", "分年度任务", "年度任务", "季度目标", "分季度目标",
               "季度推进目标", "年度推进目标", "推进目标", "阶段性目标", "节点目标"),
    # a progress ledger (推进情况台账): what was done so far, and the state it puts the task in
    "progress": ("进展情况", "工作进展", "推进情况", "落实情况", "完成情况", "进度情况", "工作完成情况", "目前进展"),
    "status": ("完成状态", "进展状态", "推进状态", "任务状态", "状态", "是否完成", "完成进度"),
    # a person (牵头领导, 责任人): never a unit; kept with the row, said when asked who the person is
    "leader": LABELS["leader"],
    "remark": ("备注",),
    "ignore": ("联系人", "权重", "考核方式",
                                  "考核方法", "佐证材料", "评分方式"),
}
HEADER_WORDS = {w for words in _ROLE_WORDS.values() for w in words}
_WORD_ROLE = {w: role for role, words in _ROLE_WORDS.items() for w in words}


def _norm(cell: str) -> str:
    """A header cell as a bare name: width forms, spaces, a qualifier in brackets (`责任科室（单位）`)
    and a trailing colon dropped."""
    cell = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell))
    return re.sub(r"\([^)]*\)|[:：]$", "", cell) or cell


_BY_LENGTH = sorted(_WORD_ROLE, key=len, reverse=True)


def is_period(cell: str) -> bool:
    """A column label that is a period of a plan's targets (2026年, 二季度, 上半年)."""
    return is_label(_norm(cell))


# a header qualified by this document's own level (我市承接举措, 本级牵头单位): the plain name's role
_OWN_LEVEL = re.compile(r"^(?:我|本)(?:市|县|区|州|省|旗|镇|街道|级|地)")
# qualified by another place or level (甗州市牵头单位, 省级责任单位, 上级要点任务)
_OTHER_LEVEL = re.compile(r"^(?:对应的?|承接的?|原)?(?:上级|省级|市级|国家|中央|[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|地区|县|区))(?P<rest>.{2,})$")


def role_of(cell: str) -> str:
    """The role a header names: exactly, or by the longest known header word it contains
    (`主要工作任务` → text, `责任单位及责任人` → responsible)."""
    name = _OWN_LEVEL.sub("", _norm(cell)) or _norm(cell)
    if name in _WORD_ROLE:
        return _WORD_ROLE[name]
    if is_period(name):
        return "target"
    if len(name) > 12:
        return ""  # a sentence, not a header
    return next((_WORD_ROLE[w] for w in _BY_LENGTH if len(w) >= 2 and w in name), "")


def header_roles(cells: list[str]) -> dict[int, str]:
    """{column: role} when `cells` read as a task table's header, else {}.

    A header needs a text column and at least one unit column, and most of its cells known.
    When 工作任务 stands beside 具体措施 (or another text column), it is the group category."""
    roles = _quoted_columns(cells, {i: role_of(c) for i, c in enumerate(cells)})
    known = sum(1 for r in roles.values() if r)
    texts = [i for i, r in roles.items() if r == "text"]
    units = [i for i, r in roles.items() if r in ("lead", "responsible", "participating")]
    if texts and not units:
        matrix = _matrix(cells, roles)
        if matrix:
            return matrix
    if not texts or not units or known < max(3, (len(cells) + 1) // 2):
        return {}
    if len(texts) >= 2 and "category" not in roles.values():
        # (beside a column that names the category, 任务类别, the first text column is the task's
        # own name: 任务类别 / 重点任务 / 具体内容)
        roles[texts[0]] = "category"
    return {i: (f"leader:{_norm(cells[i])}" if r == "leader" else r) for i, r in roles.items() if r}


def _quoted_columns(cells: list[str], roles: dict[int, str]) -> dict[int, str]:
    """A 任务承接清单 quotes its parent's plan beside its own division: `甗州市要点任务 / 甗州市牵头单位 /
    我市承接举措 / 牵头单位`. A column named by another place or level, beside a column of the same role
    named plainly or by 我市/本级, is that other plan's: `quoted:<name>`, said with the item, never
    its text's heading or its units. With no plain column of that role, the qualifier is this
    document's own way of naming it (a county's `市级牵头单位` in a plan where the city leads), unchanged."""
    names = {i: _norm(c) for i, c in enumerate(cells)}
    other = {i for i, r in roles.items() if r in ("text", "lead", "responsible", "participating", "deadline")
             and not _OWN_LEVEL.match(names[i]) and _OTHER_LEVEL.match(names[i])
             and role_of(_OTHER_LEVEL.match(names[i])["rest"]) == r}
    plain = {roles[i] for i, r in roles.items() if r and i not in other}
    # (beside this plan's own task column, the other plan's task column marks all its columns as
    # quoted: `上级任务 / 省级牵头单位 / 我县落实措施 / 责任单位`)
    parent = any(roles[i] == "text" for i in other) and "text" in plain
    return {i: (f"quoted:{names[i]}" if i in other and (r in plain or parent) else r) for i, r in roles.items()}


def quoted_role(name: str) -> str:
    """The role a quoted column has in the other plan (`甗州市要点任务` → text)."""
    m = _OTHER_LEVEL.match(name)
    return role_of(m["rest"]) if m else ""


def _matrix(cells: list[str], roles: dict[int, str]) -> dict[int, str]:
    """A responsibility matrix: beside the task, a column per unit (县司法局 | 县委编办 | 各乡镇人民政府),
    its cells marking the unit's part (●/○, 牵头/配合). Each such column maps to `unit:<name>`; every
    other cell of the header must be a known header word."""
    names = {i: _norm(c) for i, c in enumerate(cells) if not roles[i] and c.strip()}
    if len(names) < 2 or not all(looks_like_unit(n) or n.startswith("各") for n in names.values()):
        return {}
    out = {i: r for i, r in roles.items() if r}
    out.update({i: f"unit:{cells[i].strip()}" for i in names})
    return out


def unmapped_columns(cells: list[str]) -> list[str]:
    roles = header_roles(cells)
    return [c for i, c in enumerate(cells) if i not in roles and c.strip()]



def continuation_roles(cells: list[str]) -> dict[int, str]:
    """{column: role} when `cells` head a table of units apart from their tasks: a 序号 column, unit
    or deadline columns, and nothing else (`序号/牵头单位/配合单位/完成时限`). A wide table printed
    without fitting the page puts these columns on pages of their own, its rows linked to the task
    rows only by their numbers."""
    roles = _numbered_header(cells, {"no", "lead", "responsible", "participating", "deadline"})
    return roles if len(roles) >= 3 and {"lead", "responsible", "participating"} & set(roles.values()) else {}


def tasks_apart_roles(cells: list[str]) -> dict[int, str]:
    """{column: role} when `cells` head the task pages of such a table: a 序号 column and text columns
    only (`序号/重点任务/具体措施`)."""
    roles = _numbered_header(cells, {"no", "text", "category"})
    return roles if "text" in roles.values() else {}


def _numbered_header(cells: list[str], allowed: set[str]) -> dict[int, str]:
    """Every cell a known header word of an allowed role, the first and only one 序号."""
    roles = {i: role_of(c) for i, c in enumerate(cells) if c.strip()}
    kinds = list(roles.values())
    if len(roles) < 2 or len(roles) != len(cells) or kinds[0] != "no" or kinds.count("no") != 1:
        return {}
    return roles if set(kinds) <= allowed else {}
