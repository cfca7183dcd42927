"""Extractive answers: the supporting sentence of the best item(s), quoted with its citation.

The fallback whenever a draft cannot be verified, and the whole answer with `--llm none`.
"""
from __future__ import annotations

import re

from assistant.evidence import measure_pattern
from corpus.types import TaskItem

_CLAUSE = re.compile(r"[^,，;；。]+")


def quote_line(item: TaskItem, sentence: str, n: int, lang: str = "zh") -> str:
    if lang == "en":
        return f"{item.locality}, {item.title}, {item.section}: “{sentence}” [{n}]"
    return f"据{item.locality}《{item.title}》{item.section}:“{sentence}”[{n}]"


def extractive_text(picks: list[tuple[TaskItem, str]], lang: str = "zh", notes: dict[str, str] | None = None) -> str:
    """`notes`: item_id -> what to say after its quote (a place that gives no figure)."""
    notes = notes or {}
    lines = [quote_line(item, sentence, n, lang) + notes.get(item.item_id, "")
             for n, (item, sentence) in enumerate(picks, start=1)]
    return "\n".join(lines)


def value_first(question: str, sentence: str) -> str:
    """The clause that states the value a number question asks for, to open the answer ("每年3月1日
    前" before the quoted sentence); "" when the kind asked is unclear or the sentence states such
    a value in more than one clause (the quote, read whole, is then the answer)."""
    pattern = measure_pattern(question)
    if pattern is None:
        return ""
    clauses = [c.group(0).strip() for c in _CLAUSE.finditer(sentence.replace("…", "。"))]
    holding = [c for c in clauses if pattern.search(c)]
    return holding[0] if len(holding) == 1 and len(holding[0]) <= 60 else ""
