"""The things a sentence lists: "加大食品药品、公共卫生、…、个人信息安全等…领域执法力度" lists 12 fields.

People ask how many ("乌县列了几个领域?", "还要公示几类信息?") where the document lists the members
and never states their number. A list is a run of three or more short phrases joined by 、, its
last member ending at 等 or the end of its clause, and "A和B" in that last place counted as two.
The first member is cut back to the others' usual length, since the run starts after the verb
that governs it ("进一步实现行政强制、…" lists 行政强制).
"""
from __future__ import annotations

import re
from statistics import median

_MEMBER = r"[\u4e00-\u9fff“”\"]{2,14}"
_RUN = re.compile(rf"(?:{_MEMBER}、){{2,}}{_MEMBER}")
_LAST_JOIN = re.compile(r"(?<=[\u4e00-\u9fff”\"])(?:和|及|以及|与)(?=[\u4e00-\u9fff“\"])")
_TAIL = re.compile(r"等.*$")


def lists_in(sentence: str) -> list[list[str]]:
    """Every list of three or more members in the sentence, each member as written."""
    found = []
    for m in _RUN.finditer(sentence):
        members = m.group(0).split("、")
        last = _TAIL.sub("", members[-1])
        joined = _LAST_JOIN.split(last, maxsplit=1)
        members[-1:] = [p for p in joined if len(p) >= 2] if len(joined) == 2 and all(len(p) >= 2 for p in joined) else [last]
        usual = round(median(len(p) for p in members[1:]))
        if len(members[0]) > usual + 1:  # the words before the list are not its first member
            members[0] = members[0][-usual:]
        if len(members) >= 3 and all(len(p) >= 2 for p in members):
            found.append(members)
    return found
