"""What a document says its empty or placeholder lead cells mean.

A task table says "no lead" in its own way — a dash (`牵头单位：—`), a blank cell, a word (`待明确`) —
and explains it once, under the table or in the notice:
    "1.牵头单位栏为“—”的，不设牵头单位，由责任单位各自负责"
    "2.……未设主办单位的任务由责任单位按职责分别办理"
    "3.主办单位为“待明确”的任务，责任分工尚未确定，确定后由系统补录"
An answer about such a row quotes that sentence: it is the document's reason, where "文件未明确牵头"
is only ours. `explained(doc_items, item)` finds it.
"""
from __future__ import annotations

import re

from corpus.text import sentences
from corpus.types import TaskItem

BLANK = "（空白）"  # how corpus.table_items shows a blank role cell beside a filled one
# a lead cell that holds a mark instead of a unit
_PLACEHOLDER = re.compile(r"[—\-/－―]+|待明确|待定|暂无|暂缺|无|空")
_LEAD_LABEL = re.compile(r"牵头|主办|主责")
_ROLE_TALK = re.compile(r"单位|部门|牵头|主办|分工|负责")


def lead_cell(item: TaskItem) -> str:
    """The item's lead cell as printed (`—`, `待明确`, `（空白）`), when its note is a table's cells."""
    for part in re.split(r"[；;]", item.units_raw or ""):
        label, sep, value = part.partition("：")
        if sep and _LEAD_LABEL.search(label):
            return value.strip()
    return ""


def explained(doc_items, item: TaskItem) -> tuple[TaskItem, str] | None:
    """(passage, sentence): where the item's document says what its lead cell's mark means."""
    cell = lead_cell(item)
    if not cell or not (cell == BLANK or _PLACEHOLDER.fullmatch(cell)):
        return None
    label = next((w for w in ("主办", "主责", "牵头") if w in item.units_raw), "牵头")
    if cell == BLANK:
        says = re.compile(rf"(未设|不设|未列|未填|未明确|没有|无)[“\"]?{label}(单位|部门)|"
                          rf"{label}(单位|部门)[”\"]?栏?[^。；;]{{0,6}}(为空|空白|未填|空缺)")
    else:
        says = re.compile(rf"[“\"「]{re.escape(cell)}[”\"」]")
    notes = sorted((i for i in doc_items if i.kind not in ("task", "point")), key=lambda i: i.span[0])
    for passage in notes:
        # (a numbered note line may have been read as the heading of what follows it)
        for sentence in [*sentences(passage.text), *passage.section_path.split(" > ")]:
            for line in sentence.split("\n"):
                line = line.strip()
                if says.search(line) and _ROLE_TALK.search(line) and len(line) <= 120:
                    return passage, line
    return None
