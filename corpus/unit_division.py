"""Division of labour listed by unit: each unit, then the items it leads and supports by number.

The other way round from `assignments` (item → units), some plans end with a 责任分工 section that
names each unit once:

    （一）县司法局：牵头第1、3、4项，配合第6项。
    （二）县委编办、县财政局：共同牵头第2项任务；
    县委宣传部负责第6、7项任务。
    （四）县财政局：配合第三部分全部任务。

A line is such a passage when it opens with unit names (before a colon or a role word) and every
clause after them is a role word with items (第N项, ranges and lists as `assignments.numbers`
reads them) or a whole section (第三部分 / 第一部分第1—3项). 牵头/主办 lead, 负责/承办 responsible,
配合/参与/协助/协办 participating. The line is a note, not an item: it is cited with the items it
assigns, which add up the units every line gives them.
"""
from __future__ import annotations

import re

from corpus.assignments import NUM
from corpus.assignments import merged, numbers, printed
from corpus.drafts import Draft, lines_where
from corpus.text import number_in
from corpus.units import Units, looks_like_unit, nfkc

_ROLES = {"牵头": "lead", "主办": "lead", "负责": "responsible", "承办": "responsible",
          "配合": "participating", "参与": "participating", "协助": "participating", "协办": "participating"}
_ROLE = "|".join(_ROLES)
_REF = rf"第?\s*(?:{NUM})(?![一二三四五六七八九十]|\s*(?:部分|章|节|大项|方面))\s*(?:项|条)?"  # 第三部分 is a section
_REFS = rf"{_REF}(?:\s*(?:[、,，和及与—–\-~～至到])\s*{_REF})*\s*(?:项|条)?"
_SECTION = r"第(?P<sec>[一二三四五六七八九十]{1,3})(?:部分|章|节|大项|方面)"
_MARKER = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)")
_OPENING = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?(?P<units>[^：:。；;，,]{2,60}?)\s*"
                      rf"(?:[:：]\s*|(?=(?:共同|主要|具体)?(?:{_ROLE})))(?P<rest>.+)$")
_CLAUSE = re.compile(rf"(?:(?:共同|主要|具体|协同)?(?P<role>{_ROLE})(?:实施|落实|完成|推进)?)?\s*"
                     rf"(?:{_SECTION}(?:的)?\s*)?(?P<refs>{_REFS})?\s*(?:中的)?(?:全部|所有|各项)?(?:的)?"
                     r"(?:重点)?(?:任务|工作|事项)?")
_BETWEEN = re.compile(r"(?:[\s，,；;]|以及|及|和)*")


def clauses(line: str) -> list[tuple[list[str], str, int | None, list[int]]]:
    """(units, role, section number or None, item numbers) for each clause of a by-unit line; []
    when the line is not one (no unit names first, or text that is not role-and-items clauses).
    A clause without a role word goes on with the role before it (牵头第5项，第13—14项及第三部分…)."""
    m = _OPENING.match(nfkc(line).strip())
    if not m:
        return []
    names = [n.strip() for n in re.split(r"[、,，和及与]", m.group("units")) if n.strip()]
    if not names or not all(looks_like_unit(n) or n.startswith(("各", "有关")) for n in names):
        return []
    rest = m.group("rest").strip().rstrip("。；;")
    out, pos, role = [], 0, None
    while pos < len(rest):
        pos = _BETWEEN.match(rest, pos).end()
        c = _CLAUSE.match(rest, pos)
        if pos >= len(rest):
            break
        if not c or c.end() == pos:
            return []  # words that are not clauses: a sentence about the unit, not a division
        role = _ROLES[c.group("role")] if c.group("role") else role
        section = number_in(c.group("sec")) if c.group("sec") else None
        refs = numbers(c.group("refs")) if c.group("refs") else []
        if role is None or (section is None and not refs):
            return []
        out.append((names, role, section, refs))
        pos = c.end()
    return out


def apply(text: str, drafts: list[Draft]) -> list[Draft]:
    """Give the items each by-unit line names their units; the lines become notes."""
    passages = lines_where(text, lambda line: bool(clauses(line)))
    if len(passages) < 2:  # a division lists several units; one line alone may be a sentence
        return drafts
    spans = [(a, b) for a, b, _ in passages]
    out = []
    for d in drafts:  # a by-unit line parsed as an item (（一）县司法局：…) is a note
        if d.kind == "task" and any(a <= d.start and d.end <= b + 1 for a, b in spans):
            d = Draft("closing", d.start, d.end, list(d.path))
        out.append(d)
    tasks = [d for d in out if d.kind == "task" and d.start < spans[0][0]]
    assigned: set[int] = set()
    for start, end, line in passages:
        for names, role, section, refs in clauses(line):
            for target in _targets(tasks, section, refs):
                if target.units is not None and not target.units.empty and id(target) not in assigned:
                    continue  # an item's own note wins over the division
                assigned.add(id(target))
                units = Units()
                units.add(role, names)
                units.has_lead_marker = role == "lead"
                target.units = merged(target.units, units)
                note = _MARKER.sub("", line)  # as the note's own item prints it, without （一）
                if note not in target.notes:
                    target.notes.append(note)
    return out


def _targets(tasks: list[Draft], section: int | None, refs: list[int]) -> list[Draft]:
    if section is not None:
        tasks = [d for d in tasks if d.path and number_in(nfkc(d.path[0][0])) == section]
    if not refs:
        return tasks
    found = []
    for n in refs:
        same = [d for d in tasks if printed(d) == n]
        if same:
            found.append(same[-1] if section is not None else same[0])
    return found
