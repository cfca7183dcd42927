"""Units assigned apart from the items, by item number.

Some plans print their tasks without unit notes and assign them in a passage of their own, at the
end of a section or of the document:

    责任分工：第1项由县委编办牵头，县司法局配合；第2项、第3项分别由县政务服务中心、县发展改革局牵头，
    县直有关部门配合；第4—5项由县司法局负责；第9至12项由县司法局牵头，…，其中第10项由县市场监管局配合。

A passage is a paragraph made of such clauses (a label such as 责任分工： may open it). Each clause
names items (第N项, 第N、M项, 第N—M项, 第N至M项, （N）) and says who does them in the words a unit
note uses (parse_note); `分别由A、B牵头` gives the n-th item the n-th unit. The passage is cut from
the item it follows (it is not that item's text) and kept as a note of its own, and each item it
names gets its units, nearest section first when numbers restart in every section.
"""
from __future__ import annotations

import re

from corpus.drafts import Draft, lines_where
from corpus.notes import finish
from corpus.text import number_in
from corpus.units import NoteRules, Units, looks_like_unit, nfkc, parse_note

NUM = r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}"  # an item's number in a clause: 7, 十二
_ONE = rf"第?[(（]?(?:{NUM})[)）]?(?:项|条)?"
_REFS = rf"{_ONE}(?:\s*(?:[、,，和及与—–\-~～至到]|或)\s*{_ONE})*\s*(?:项|条)?"
# a clause: the items it names, then who does them (由… / ：…)
# the body runs to the clause's end: a ；, a 。, or the next clause (其中第10项…, ，第5项…)
# (the items' titles may follow their numbers: 第17项“落实述法和年度报告制度”由…)
_CLAUSE = re.compile(rf"(?:其中|以上)?(?P<refs>第\s*{_REFS})(?:“[^”]{{1,40}}”|《[^》]{{1,40}}》)?(?:任务|工作)?\s*(?P<how>分别)?\s*(?:由|[:：])\s*"
                     # "以上第13—15项：第13、14项由…；第15项由…": a heading of clauses, not one
                     r"(?!第\s*[0-9一二三四五六七八九十(（])"
                     r"(?P<body>(?:(?!其中第|[，,]\s*第\s*[0-9一二三四五六七八九十(（])[^；;。])+)")
_LABEL = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*)?(?:责任分工|任务分工|分工|职责分工|责任落实|牵头及责任单位|责任单位|注|备注|说明)\s*[:：]\s*")
# "（以上第13—15项：第13、14项由…；第15项由…）": a range heading its clauses
_CLAUSES_HEADING = re.compile(rf"^[(（]?\s*(?:以上)?第\s*{_REFS}\s*[:：]\s*(?=第)")
_RANGE = re.compile(rf"(?P<a>{NUM})\s*[)）]?(?:项|条)?\s*(?:[—–\-~～至到])\s*第?[(（]?(?P<b>{NUM})")
_ROLE = re.compile(r"牵头|负责|配合|参与|协办|承办|主办")


def numbers(refs: str) -> list[int]:
    """The item numbers a reference names: 第1项 -> [1], 第2项、第3项 -> [2, 3], 第4—5项 -> [4, 5],
    第9至12项 -> [9, 10, 11, 12], 第（3）项 -> [3]."""
    refs = nfkc(refs)
    out: list[int] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(refs):
        a, b = number_in(m.group("a")), number_in(m.group("b"))
        if a and b and a < b <= a + 60:
            out += range(a, b + 1)
            taken.append(m.span())
    for m in re.finditer(NUM, refs):
        if any(s <= m.start() < e for s, e in taken):
            continue
        n = number_in(m.group(0))
        if n and n not in out:
            out.append(n)
    return sorted(set(out), key=out.index)


def clauses(paragraph: str) -> list[tuple[list[int], Units, str]]:
    """(item numbers, their units, the clause as printed) for each clause of an assignment passage."""
    text = _CLAUSES_HEADING.sub("", _LABEL.sub("", nfkc(paragraph).strip()))
    out = []
    for m in _CLAUSE.finditer(text):
        nums = numbers(m.group("refs"))
        body = m.group("body").strip(" ，,")
        if body.count(")") > body.count("("):  # the passage's own closing bracket: "…配合）" (nfkc)
            body = body[:body.rindex(")")].rstrip(" ，,")
        if not nums or not _ROLE.search(body):
            continue
        clause = m.group(0).strip(" ，,")
        if m.group("how"):  # 分别由A、B牵头，C配合: the n-th item, the n-th unit
            first, _, rest = body.partition("，") if "，" in body else body.partition(",")
            each = parse_note(first)
            shared = parse_note(rest) if rest else Units()
            for role in ("lead", "responsible", "participating"):
                names = getattr(each, role)
                if len(names) == len(nums):
                    for n, name in zip(nums, names):
                        units = Units()
                        units.add(role, [name])
                        for r in ("lead", "responsible", "participating"):
                            units.add(r, getattr(shared, r))
                        units.has_lead_marker = bool(units.lead)
                        out.append(([n], units, clause))
                    break
            continue
        out.append((nums, _units_only(parse_note(body)), clause))
    return out


def _units_only(units: Units) -> Units:
    """A clause's body may run on past its units (…按职责分工负责，不列入本表): names only."""
    for role in ("lead", "responsible", "participating"):
        setattr(units, role, [n for n in getattr(units, role) if looks_like_unit(n) or n.startswith(("各", "有关", "相关"))])
    return units


def is_passage(paragraph: str) -> bool:
    """A paragraph that assigns units by item number: clauses make up most of it."""
    text = _CLAUSES_HEADING.sub("", _LABEL.sub("", nfkc(paragraph).strip()))
    found = list(_CLAUSE.finditer(text))
    if not found or found[0].start() > 4:
        return False
    covered = sum(len(m.group(0)) for m in found)
    return covered >= 0.6 * len(text.rstrip("。；; "))


def apply(text: str, drafts: list[Draft], rules: NoteRules | None = None) -> list[Draft]:
    """Cut each assignment passage out of the item it follows and give the items it names their
    units. Items that already carry units keep them."""
    passages = lines_where(text, is_passage)
    if not passages:
        return drafts
    tasks = [d for d in drafts if d.kind == "task"]
    out = list(drafts)
    assigned: set[int] = set()  # items given units here: a later clause adds to them (其中第10项…)
    for start, end, paragraph in passages:
        owner = next((d for d in tasks if d.start <= start < d.end), None)
        # "（以上第1—3项由…牵头）" on the line after item 3 may have been read as item 3's own bracket
        noted = next((d for d in reversed(tasks) if d.start < start and any(
            nfkc(n) in nfkc(paragraph) for n in d.notes)), None)
        owner = owner or noted
        section = owner.path[:1] if owner else []
        if owner:
            owner.end = min(owner.end, start)  # the passage is not that item's text
            out.insert(out.index(owner) + 1, Draft("closing", start, end, list(owner.path)))
        if noted:  # its units are read again without the passage (its own bracket, if any, stays)
            noted.notes = [n for n in noted.notes if nfkc(n) not in nfkc(paragraph)]
            noted.units = None
            finish(noted, rules, text[noted.start:noted.end])
        before = [d for d in tasks if d.start < start]
        for nums, units, clause in clauses(paragraph):
            for n in nums:
                # the nearest item numbered n before the passage, in its own section first
                same = [d for d in before if printed(d) == n and d.path[:1] == section]
                target = (same or [d for d in before if printed(d) == n] or [None])[-1]
                if target is None or (target.units is not None and not target.units.empty
                                      and id(target) not in assigned):
                    continue
                assigned.add(id(target))
                target.units = merged(target.units, units)
                target.notes.append(_as_printed(clause, paragraph))
    return out


def _as_printed(clause: str, paragraph: str) -> str:
    """The clause as the document prints it (clauses are read from the NFKC form: ，→,)."""
    at = nfkc(paragraph).find(clause)
    if at >= 0 and len(nfkc(paragraph)) == len(paragraph):
        return paragraph[at:at + len(clause)]
    return clause


def printed(d: Draft) -> int | None:
    """The number the document prints on the item (numbers may restart in every section, where the
    draft's ordinal does not)."""
    n = number_in(nfkc(d.number or ""))
    return d.number_int if n is None else n


def merged(old: Units | None, new: Units) -> Units:
    units = Units()
    for source in (old, new):
        if source is None:
            continue
        for role in ("lead", "responsible", "participating"):
            units.add(role, getattr(source, role))
        units.deadline = units.deadline or source.deadline
        units.has_lead_marker = units.has_lead_marker or source.has_lead_marker
    return units
