"""A unit's work in documents that print no unit note: the sentences that make it their subject.

Older opinions and notices give work without role labels (`县政府法制办要对清理工作实施督促和指导`,
`由县政府法制办公室进行统一审核`): asked what such a unit has to do, the reply lists those sentences,
item by item, and says that the document assigns no roles by label. Only documents with no unit note
anywhere are read this way: one that prints notes has said whom each of its items is given to.
"""
from __future__ import annotations

import re

from assistant.actors import subject_sentences
from corpus.types import TaskItem


def same_body(a: str, b: str) -> bool:
    """Two ways of printing one body's name: 县政府法制办公室 / 县政府法制办, 市法制办 / 市政府法制办."""
    return _key(a) == _key(b)


def _key(name: str) -> str:
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    name = re.sub(r"办公室$", "办", name)
    return re.sub(r"^(县|区|市)(人民)?政府(?=.{2,})", r"\1", name)


def acting_sentences(items: list[TaskItem], unit: str) -> list[tuple[TaskItem, str, str]]:
    """(item, sentence, the unit's name as the sentence prints it) for each sentence of `items` whose
    subject is `unit`, in document order."""
    found = []
    for item in sorted(items, key=lambda i: (i.doc_id, i.span[0])):
        for names, sentence in subject_sentences(item.text)[0]:
            printed = next((n for n in names if same_body(n, unit)), "")
            if printed:
                found.append((item, sentence, printed))
    return found


def unlabelled(items) -> list[TaskItem]:
    """The items of documents that print no unit note anywhere."""
    labelled = {i.doc_id for i in items if i.all_units}
    return [i for i in items if i.doc_id not in labelled]
