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
_ELIDED = re.compile(r"(?:同时[,，])?(?:要|应当|应|须|必须)(?!求)")  # a clause whose subject is the last one's
_MOST = 4  # sentences quoted when the question names the whole item
# a collective of places is a subject too (各乡镇、县级各部门要…), as a unit name need not say so
_COLLECTIVE = re.compile(r"^各(?:乡镇|乡|镇|街道|县|区|市|村|社区)")
# what follows a subject: a modal, a role verb, or the manner or ground of what it does
_AFTER_SUBJECT = re.compile(r"要|应当?|须|必须|负责|牵头|将|具体|依据|依照|按照|根据|在|对|于|每年|定期|统一|会同|组织|"
                            r"进行|制定|建立|开展|及时|切实|认真|积极|主动|共同|分别")


def subject_sentences(text: str) -> tuple[list[tuple[list[str], str]], list[tuple[list[str], str]]]:
    """([(units, sentence)] for every sentence that gives work to units by name, [the ones of them
    that name their subject themselves]). A sentence that opens with a bare modal (`要加强…`) has the
    subject of the one before it: `各乡镇、县级各部门要深化公正执法…;要深化依法行政…` gives both to
    the same units."""
    found, own, last = [], [], []
    for sentence in sentences(text):
        names = _actors(sentence)
        if names:
            own.append((names, sentence.strip()))
        elif last and _ELIDED.match(sentence.strip()):
            names = last
        if names:
            found.append((names, sentence.strip()))
            last = names
    return found, own


def actor_sentences(text: str, topic: str = "", heading: str = "") -> list[tuple[list[str], str]]:
    """[(the units, the sentence as printed)] of the sentences that give the work to units by name:
    the one sharing most of `topic`'s character pairs; every one that names its subject, in order,
    when the topic shares nothing with them beyond the item's heading (the question names the item,
    not a part of it)."""
    found, own = subject_sentences(text)
    if not found:
        return []
    named_by = {heading[i:i + 2] for i in range(len(heading) - 1)}
    pairs = {topic[i:i + 2] for i in range(len(topic) - 1)} - named_by

    def shared(f):
        return sum(1 for i in range(len(f[1]) - 1) if f[1][i:i + 2] in pairs)

    best = max(found, key=shared)
    return [best] if shared(best) else own[:_MOST]


def _actors(sentence: str) -> list[str]:
    for clause in re.split(r"[，,；;]", sentence):
        clause = clause.strip()
        m = _BY.search(clause)
        names = _names(m.group("units")) if m else []
        if names and all(_is_actor(n) for n in names):
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
        names = _names(clause[:end])
        if names and all(_is_actor(n) for n in names):
            return names
    return []


def _names(text: str) -> list[str]:
    """The names of a list as printed: `各级政府及其行政执法部门` stays whole (及其 is "and its")."""
    names: list[str] = []
    for name in split_names(text):
        if name.startswith("其") and names:
            names[-1] = f"{names[-1]}及{name}"
        else:
            names.append(name)
    return names


def _is_actor(name: str) -> bool:
    # (协同区委组织部将…: the subject is left out and a verb opens the clause)
    return not _VERB_FIRST.match(name) and (looks_like_unit(name) or bool(_COLLECTIVE.match(name)))


_VERB_FIRST = re.compile(r"协同|会同|联合|配合|协助|联同|组织|指导|督促|推动|邀请|依托|通过|牵头")


# a department, as the author of a report on its own work (not a government, whose report's points
# are every department's work)
_DEPARTMENT = re.compile(r"(司法局|局|委员会|委|办公室|办|中心)$")
_REPORT_TITLE = ("报告", "总结", "情况")


def own_work_of(item) -> str:
    """The department whose own report the item is a point of (`2023年,深圳市福田区司法局坚持…`, read
    as its issuer by corpus.metadata), or "": a point with no subject there is the author's own work."""
    issuer, title = getattr(item, "issuer", "") or "", item.title or ""
    # Only one body (a notice several offices sign gives work out), and only a page that is a report:
    # its title says so, or it has none and its opening sentence stands for one ("2023年,X区司法局坚持…,")
    opening = bool(re.search(r"[,，]", title)) and issuer in title[:40]
    report = not title or opening or any(k in title for k in _REPORT_TITLE)
    if not report or "、" in issuer or not _DEPARTMENT.search(issuer) or not looks_like_unit(issuer):
        return ""
    return issuer
