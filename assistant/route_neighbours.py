"""The item next to a named one: "绿园推“四个平台一张网”那项，紧接着的下一项是管什么的？谁挑头",
"鹤汀要点第20项…那它前一项和后一项各是谁牵头?".

A plan is read in its order, and people point at a task by the one beside it. The named item is
found the way any item is (its number, a quoted phrase, its words), then the task before or after
it in the same document is answered: where it is, what it says, who does it. Both neighbours
when both are asked. The first or last task has no neighbour on that side, and the answer says so.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterator

from assistant import fields, route_counts
from assistant.question_text import quoted_phrases
from assistant.route_sections import gist
from assistant.topic import topic_of
from assistant.understand import Query
from corpus.types import TaskItem

_ONE = r"(项|条|个任务|个事项|个(?=[是呢?？,，]))"
_AFTER = re.compile(rf"(紧接着|紧挨着|接下来|往下|再往下|之后|后边|后面|下边|下面)?的?(?<!最)(下一|后一|后面一|后边一|下边一|下面一){_ONE}")
_BEFORE = re.compile(rf"(紧挨着|往上|再往上|之前|前边|前面|上边|上面)?的?(?<!最)(上一|前一|前面一|前边一|上边一|上面一){_ONE}")
# two items named before it: 前一项 / 后一项 may then be the former and the latter of them
_TWO_NAMED = re.compile(r"(和|跟|与|及|同)[^,，?？]{2,30}?(那|这)(一)?(条|项)|(那|这)(条|项).{2,40}?(那|这)(条|项)|两(条|项)")
_SAME_ASKED = re.compile(r"一样|相同|同一|是不是一(个|家)|一回事")
MIN_ANCHOR = 0.5  # how well the rest of the question must name the item pointed from
GIST_CHARS = 120


def route(a, query: Query, hits) -> Callable | None:
    if query.lang == "en" or query.intent == "doc_info":
        return None
    after, before = _AFTER.search(query.text), _BEFORE.search(query.text)
    if not (after or before):
        return None
    first = min(m.start() for m in (after, before) if m)
    if _TWO_NAMED.search(query.text[:first]) and not re.search(r"下一|上一|下面一|上面一|下边一|上边一", query.text):
        return None  # "A那条和B那条，前一项谁牵头": the former of the two named, not a neighbour
    anchor = _anchor(a, query, query.text[:first])
    if anchor is None:
        return None  # the item pointed from is not found: the question goes the ordinary way
    sides = [s for s, m in (("before", before), ("after", after)) if m]
    return lambda a, query, hits, timings: _answer(a, query, anchor, sides)


def _anchor(a, query: Query, said: str) -> TaskItem | None:
    """The task the words before "下一项" name, when they name one well enough."""
    said = re.sub(r"(那|它|其|这)$", "", said.strip(" ,，"))
    topic = topic_of(said, query.localities)
    if len(re.sub(r"\W", "", topic)) < 2:
        return None
    own = replace(query, text=said, original=said, topic=topic, phrases=quoted_phrases(said))
    hits = a.searcher.search(said, k=8, localities=list(query.localities) or None)
    hits = a.numbered_first(own, a.quoted_first(own, hits))
    for hit in hits:
        if hit.item.kind in route_counts.TASK_KINDS and a.relevance(own, hit.item) >= MIN_ANCHOR:
            return hit.item
    return None


def _answer(a, query: Query, anchor: TaskItem, sides: list[str]) -> Iterator[dict]:
    tasks = route_counts.doc_tasks(a, anchor.doc_id)
    at = next(n for n, i in enumerate(tasks) if i.item_id == anchor.item_id)
    when = bool(fields.ASKS_WHEN.search(query.original))
    # the item pointed from with its own units: the asker often compares the two ("…和它下一项是不是同一家牵头")
    lines = [f"{anchor.locality}{fields.listed_section(anchor)}“{fields.short_heading(anchor, 24)}”"
             f"({fields.units_phrase(anchor)})[1]"
             + ("的前一项和后一项:" if len(sides) == 2 else "的前一项:" if sides == ["before"] else "的下一项:")]
    cited = [(anchor, a.quote(query, anchor))]
    neighbours = []
    for side in sides:
        n = at - 1 if side == "before" else at + 1
        word = "前一项" if side == "before" else "下一项"
        if not 0 <= n < len(tasks):
            lines.append(f"{word}:没有,这是文件的{'第一' if side == 'before' else '最后一'}项任务。")
            continue
        item = tasks[n]
        neighbours.append(item)
        cited.append((item, gist(item.text, GIST_CHARS)))
        due = f";完成时限:{item.deadline}" if when and item.deadline else ""
        lines.append(f"{word}是{fields.listed_section(item)}“{fields.short_heading(item, 30)}”,"
                     f"{fields.units_phrase(item)}{due}[{len(cited)}]:{gist(item.text, GIST_CHARS)}")
    if neighbours and _SAME_ASKED.search(query.original):
        same = all(set(i.lead_units or ()) == set(anchor.lead_units or ()) for i in neighbours) and anchor.lead_units
        lines.insert(0, "牵头单位相同。" if same else "牵头单位不同。")
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "fields")
