"""Extractive answers: the supporting sentence of the best item(s), quoted with its citation.

The fallback whenever a draft cannot be verified, and the whole answer with `--llm none`.
"""
from __future__ import annotations

from corpus.types import TaskItem


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
