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

# `由A（和B）进行/负责/组织/统一…`, or a clause that opens with the units and a modal or a role verb
_BY = re.compile(r"由(?P<units>[^，,。；;由]{2,40}?)(?:进行|负责|组织|统一|具体|牵头|承担|实施|会同|抓好)")
_SUBJECT = re.compile(r"^(?P<units>[^，,。；;：:]{2,40}?)(?:要|应当?|须|必须|负责|牵头|将|具体)")


def actor_sentence(text: str) -> tuple[list[str], str] | None:
    """(the units, the sentence as printed) of the first sentence whose clause gives the work to
    units by name; None when no sentence does."""
    for sentence in sentences(text):
        for clause in re.split(r"[，,；;]", sentence):
            clause = clause.strip()
            for m in (_BY.search(clause), _SUBJECT.match(clause)):
                names = split_names(m.group("units")) if m else []
                if names and all(looks_like_unit(n) for n in names):
                    return names, sentence.strip()
    return None
