"""Which part of a document has the most (or fewest) tasks: "乌县方案哪一部分任务条目最多?最少的又是
哪部分,几条?", "18项任务分成六类,哪一类任务最多?最少的那类几项?".

The parts are the document's outline (assistant.sections): the shallowest level at which its tasks
fall under two or more headings. Every part is counted, the largest and smallest named (ties kept),
and every task cited, since the counts are of them all.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from assistant import fields, route_sections, sections
from assistant.compute import Computed
from assistant.sections import Section
from assistant.understand import Query

_PART = r"(部分|类|方面|块|章|节|板块|大项)"
ASKS = re.compile(rf"哪一?个?{_PART}[^?？,，;；]{{0,8}}?(最多|最少)|(最多|最少)的[^?？,，;；]{{0,4}}?(是)?(哪|那)一?个?{_PART}")
_FEWEST = re.compile(r"最少")
_MOST = re.compile(r"最多")


def route(a, query: Query, hits) -> Callable | None:
    if not ASKS.search(query.original) or len(query.localities) > 1:
        return None
    docs = route_sections.doc_order(a, query, hits)
    parts = _parts(route_sections.outline_of(a), docs[0]) if docs else []
    if len(parts) < 2:
        return None
    return lambda a, query, hits, timings: _answer(a, query, parts)


def _parts(outline: list[Section], doc_id: str) -> list[Section]:
    """The sections of the shallowest level that splits the document's tasks in two or more."""
    own = [s for s in outline if s.doc_id == doc_id]
    for depth in range(1, 1 + max((len(s.path) for s in own), default=0)):
        level = [s for s in own if len(s.path) == depth]
        if len(level) >= 2:
            return level
    return []


def _answer(a, query: Query, parts: list[Section]) -> Iterator[dict]:
    measure = fields.counter_of(query.original, [i for s in parts for i in s.items])
    sizes = [route_sections.count_items(list(s.items)) for s in parts]
    first = parts[0].items[0]
    name = lambda s: f"{sections.section_number(s)}{s.title}"  # noqa: E731 (one phrase, said three times)
    asked = []
    if _MOST.search(query.original):
        top = max(sizes)
        asked.append(f"最多的是{'、'.join(name(s) for s, n in zip(parts, sizes) if n == top)},{top}{measure}")
    if _FEWEST.search(query.original):
        low = min(sizes)
        asked.append(f"最少的是{'、'.join(name(s) for s, n in zip(parts, sizes) if n == low)},{low}{measure}")
    listed = ";".join(f"{name(s)}{n}{measure}" for s, n in zip(parts, sizes))
    text = (f"{first.locality}《{first.title}》中,{';'.join(asked)}。"
            f"各部分:{listed}(共{sum(sizes)}{measure})。")
    cited = [(i, i.text[:60]) for s in parts for i in s.items]
    steps = tuple(Computed(str(n), tuple(i.section for i in s.items), f"{n}{measure}") for s, n in zip(parts, sizes))
    steps += (Computed(str(sum(sizes)), tuple(str(n) for n in sizes), f"共{sum(sizes)}{measure}"),)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "fields", computed=steps)
