"""A note that assigns every task of its section at once, set after them:

    1．……
    2．……
    以上任务由县司法局牵头，县直各部门按职责分工负责。
    （本部分任务牵头单位：县政府办公室；责任单位：县直各部门）

The note is cut out of the item it follows (it is not that item's text) and kept as a note of its
own; every task of the section above it that names no unit of its own gets the note's units.
"""
from __future__ import annotations

import re

from corpus.assignments import merged
from corpus.drafts import Draft, lines_where
from corpus.notes import finish
from corpus.units import NoteRules, Units, nfkc, parse_note

# what the note is about: all the tasks above it (以上任务, 本部分任务, 上述各项工作均…)
_ABOVE = r"(?:以上|上述|本部分|本节|本章|本方面|以上各项|上述各项)(?:各项|所列)?(?:任务|工作|措施|事项|内容)?(?:均|统一|的)?\s*"
_NOTE = re.compile(rf"^[（(]?\s*{_ABOVE}(?:由|牵头单位\s*[:：为]|责任单位\s*[:：为]|[:：])")


def is_note(line: str) -> bool:
    return bool(_NOTE.match(nfkc(line).strip()))


def apply(text: str, drafts: list[Draft], rules: NoteRules | None) -> list[Draft]:
    notes = lines_where(text, is_note)
    if not notes:
        return drafts
    out = list(drafts)
    tasks = [d for d in drafts if d.kind == "task"]
    done = 0  # a section ends at the note before
    for start, end, line in notes:
        units = _units_of(line)
        owner = next((d for d in tasks if d.start <= start < d.end), None)
        # (a bracketed note alone under the last item was taken as that item's note)
        owner = owner or next((d for d in reversed(tasks) if d.start < start and any(
            nfkc(n) in nfkc(line) for n in d.notes)), None)
        if owner is None or units.empty:
            continue
        owner.end = min(owner.end, start)  # the note is not that item's text: its own units are read again
        owner.notes = [n for n in owner.notes if nfkc(n) not in nfkc(line)]
        owner.units = None
        finish(owner, rules, text[owner.start:owner.end])
        out.insert(out.index(owner) + 1, Draft("closing", start, end, list(owner.path)))
        section = owner.path[:1]
        for d in tasks:
            if done <= d.start < start and d.path[:1] == section and (d.units is None or d.units.empty):
                d.units = merged(None, units)  # a copy each
                d.notes.append(line)
        done = end
    return out


def _units_of(line: str) -> Units:
    body = re.sub(r"^[（(]?\s*", "", nfkc(line).strip()).rstrip("）)。 ")
    body = re.sub(rf"^{_ABOVE}(?:由)?", "", body)
    return parse_note(body.lstrip(":： "), default_role="responsible")

