"""A place named in a question that a picture's text reading got one character wrong.

A scanned plan's place name is read by OCR, which misses the rare characters such names are made
of (葑湄区 read as 封湄区, 蒹原县 as 兼原县: the grass radical dropped). The asker writes the
right name, which matches no document. When the question names no place the documents know, a
name that differs from a scanned document's place in one character, and stands where a place
stands (opening the question, or before its level 县/区/市), is taken for that place: the answer
then says which place it read.
"""
from __future__ import annotations

import re

from corpus.paged import PICTURE_SUFFIXES

_LEVEL = re.compile(r"(自治县|自治州|县|区|市|州|旗|盟)$")
# what may precede a place that opens the question ("我们是", "请问")
_OPENING = re.compile(r"^(?:我们是|我是|请问|问下|问一下)?")
SCANNED = tuple(PICTURE_SUFFIXES) + (".pdf",)  # a PDF may be a scan too; a text PDF's names are exact


def scanned_places(items) -> tuple[str, ...]:
    return tuple(sorted({i.locality for i in items if i.locality and i.doc.lower().endswith(SCANNED)}))


def misread_place(question: str, places: tuple[str, ...]) -> tuple[str, str]:
    """(the one scanned document's place the question names with one character misread, the name
    as the question writes it), or ("", "")."""
    found: dict[str, str] = {}
    opening = _OPENING.match(question).end()
    ends = _word_ends(question)
    for place in places:
        short = _LEVEL.sub("", place)
        if len(short) < 2:
            continue
        for n in range(len(short)):
            pattern = re.escape(short[:n]) + r"[\u4e00-\u9fff]" + re.escape(short[n + 1:])
            for m in re.finditer(pattern, question):
                at_place = m.start() == opening or _LEVEL.match(question[m.end():m.end() + 3])
                # a place is a word of its own: not the 按原 of "按原则…"
                if at_place and m.group(0) != short and m.end() in ends:
                    found[place] = m.group(0)
    return next(iter(found.items())) if len(found) == 1 else ("", "")


def _word_ends(question: str) -> set[int]:
    from assistant.evidence import jieba_module

    ends, at = set(), 0
    for word in jieba_module().lcut(question, HMM=False):
        at += len(word)
        ends.add(at)
    return ends
