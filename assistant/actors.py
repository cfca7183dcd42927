"""Who an item's own sentences give the work to, when it prints no unit note.

Older plans and notices often assign work without role labels: the unit is the subject of the
sentence (`县政府法制办要对规范性文件清理工作实施督促和指导`, `由县政府法制办公室进行统一审核`).
Asked who leads such an item, the reply says the document names no lead, then who its text says
does the work, in the document's words — never a unit it only mentions (`报县纪委监委`, `邀请县人民法院`),
which stands after a verb, not first in its clause.
"""
from __future__ import annotations

import re

from corpus.text import sentences
from corpus.units import looks_like_unit, split_names

# `由A（和B）进行/负责/组织/统一…`, `经A进行（法制审核）`, or a clause that opens with the units
_BY = re.compile(r"(?:由|经)(?P<units>[^，,。；;由经]{2,40}?)(?:进行|负责|组织|统一|具体|牵头|承担|实施|会同|抓好|审核|审查)")
_OPENING = 30  # characters: a subject longer than this is no unit name
# what follows a subject: a modal, a role verb, or the manner or ground of what it does
_AFTER_SUBJECT = re.compile(r"要|应当?|须|必须|负责|牵头|将|具体|依据|依照|按照|根据|在|对|于|每年|定期|统一|会同|组织|"
                            r"进行|制定|建立|开展|及时|切实|认真|积极|主动|共同|分别")


def actor_sentence(text: str, topic: str = "") -> tuple[list[str], str] | None:
    """(the units, the sentence as printed) of the sentence whose clause gives the work to units by
    name — of several, the one sharing most of `topic`'s character pairs; None when none does."""
    found = []
    for sentence in sentences(text):
        names = _actors(sentence)
        if names:
            found.append((names, sentence.strip()))
    if not found:
        return None
    pairs = {topic[i:i + 2] for i in range(len(topic) - 1)}
    return max(found, key=lambda f: sum(1 for i in range(len(f[1]) - 1) if f[1][i:i + 2] in pairs))


def _actors(sentence: str) -> list[str]:
    for clause in re.split(r"[，,；;]", sentence):
        clause = clause.strip()
        m = _BY.search(clause)
        names = split_names(m.group("units")) if m else []
        if names and all(looks_like_unit(n) for n in names):
            return names
        subject = _subject(clause)
        if subject:
            return subject
    return []


def _subject(clause: str) -> list[str]:
    """The units a clause opens with as its subject (`行政执法部门依据…`, `县司法局要…`): the longest
    opening whose names all read as units and that a modal or a verb of doing follows (not `的`:
    `县司法局的职责`; not `移送县纪委监委处理`, whose opening is a verb's)."""
    for end in range(min(len(clause) - 1, _OPENING), 1, -1):
        if not _AFTER_SUBJECT.match(clause, end):
            continue
        names = split_names(clause[:end])
        if names and all(looks_like_unit(n) for n in names):
            return names
    return []
