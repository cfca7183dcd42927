"""A plan and its 附件 published as two files.

Portals publish a notice's attachments as separate downloads: the plan (工作要点, 实施方案) numbers
its tasks and names no unit, and `附件1` — a 任务分工表 — gives each task its units. The attachment
says which plan it divides: its head is `附件` (or `附件1`, `附件2：`) and then a title that names the
plan, in 《》 or followed by 任务分工(表) / 责任分工 / 分工方案 / 任务清单. Read together, the pair is
one document: the plan's text with the attachment after it, which is how an attachment printed
at the end of the same file is already read (`division_table`). File names are no help (portals
name downloads by number), so only the documents' own words pair them: the plan the attachment
names, or else the plan whose notice lists the attachment's title (`附件：重点任务分工表`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from corpus.types import PolicyDoc

_HEAD = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*(?P<rest>.*)$")
_QUOTED = re.compile(r"《([^》]{6,})》")
# what an attachment's title adds to the plan's title
_SUFFIX = re.compile(r"(的)?(重点)?(工作)?(任务|责任)?(分工|清单|台账)(表|方案|一览表)?$|(重点)?任务(分解)?表$")
_SPACES = re.compile(r"[\s\u3000]+")


def named_plan(text: str) -> str:
    """The title of the plan an attachment belongs to, from its head; "" when it is no attachment."""
    title = own_title(text)
    quoted = _QUOTED.search(title)
    if quoted:
        return quoted.group(1)
    plan = _SUFFIX.sub("", title)
    return plan if len(plan) >= 6 and plan != title else ""


def _key(title: str) -> str:
    return re.sub(r"[《》“”\"\s\u3000（）()]", "", title)


def own_title(text: str) -> str:
    """An attachment's own title: what follows its `附件N` head ("" when it has none)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:3]
    head = _HEAD.match(_SPACES.sub("", lines[0])) if lines else None
    if not head:
        return ""
    return _SPACES.sub("", head.group("rest") or (lines[1] if len(lines) > 1 else ""))


def _listed_attachments(text: str) -> set[str]:
    """The attachments a plan's notice lists (`附件：1．XX任务分工表`, `附件2：…`), by title."""
    found = set()
    for m in _LISTED.finditer(text):
        for title in re.split(r"\s*\d[.．、]\s*", m.group("titles")):
            if len(_key(title)) >= 4:
                found.add(_key(title))
    return found


_LISTED = re.compile(r"附\s*件\s*\d*\s*[：:]\s*(?P<titles>[^\n]{4,120})")


def plan_of(attachment: PolicyDoc, docs: list[PolicyDoc]) -> PolicyDoc | None:
    """The one document among `docs` that is the plan the attachment names, or, when its title
    names no plan (`附件` + `重点任务分工表`), the one whose notice lists it as its attachment."""
    others = [d for d in docs if d is not attachment]
    named = _key(named_plan(attachment.text))
    if named:
        matches = [d for d in others if _key(d.title) and
                   (_key(d.title) == named or _key(d.title) in named or named in _key(d.title))]
        exact = [d for d in matches if _key(d.title) == named]
        found = exact or matches
        if found:
            return found[0] if len(found) == 1 else None
    title = _key(own_title(attachment.text))
    if len(title) < 4:
        return None
    found = [d for d in others if title in _listed_attachments(d.text)]
    return found[0] if len(found) == 1 else None


def attachments_of(docs: list[PolicyDoc]) -> dict[str, str]:
    """{attachment's doc_id: its plan's doc_id} among `docs` (a plan is never itself attached)."""
    found: dict[str, str] = {}
    for doc in docs:
        plan = plan_of(doc, docs)
        if plan is not None and plan.doc_id not in found:
            found[doc.doc_id] = plan.doc_id
    return found


def paired(docs: list[PolicyDoc], attached: dict[str, str] | None = None) -> list[PolicyDoc]:
    """The documents with each attachment read as the last part of its plan (and not on its own).
    An attachment whose plan is not among them stays a document of its own."""
    attached = attachments_of(docs) if attached is None else attached
    out = []
    for doc in docs:
        if doc.doc_id in attached:
            continue
        extra = [a.text for a in docs if attached.get(a.doc_id) == doc.doc_id]
        out.append(replace(doc, text="\n".join([doc.text, *extra])) if extra else doc)
    return out
