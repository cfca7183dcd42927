"""Counting the members of one thing: the units an item names for a role ("责任单位一共点名了几家?")
and the members of a list a sentence names ("列了几个领域?"), in one place or two."""
from __future__ import annotations

import re
from typing import Callable, Iterator

from assistant import enumerations, fields
from assistant.compute import Computed
from assistant.gates import OPERAND_MIN, REL_MIN, REL_MIN_NAMED
from assistant.topic import operand_topic
from assistant.understand import Query
from corpus.text import sentences
from corpus.types import TaskItem

# "行政调解那条,责任单位一共点名了几家?": the units of one item, counted by role
_UNIT_COUNT = re.compile(r"(?P<role>牵头单位|责任单位|配合单位|参加单位|协办单位|(点名|列出|列了|写了|写明)[^?,]{0,10}?(单位|部门))"
                         r"[^?,]{0,10}?(?<!哪)(几|多少)(?P<counter>家|个)")
_ROLE_GROUPS = {"牵头单位": ("lead_units",), "责任单位": ("responsible_units",), "配合单位": ("participating_units",),
                "参加单位": ("participating_units",), "协办单位": ("participating_units",)}
_COLLECTIVE = fields.COLLECTIVE


def unit_count(a, query, items):
    m = _UNIT_COUNT.search(query.original)
    if not m or not items or a.relevance(query, items[0]) < (REL_MIN_NAMED if query.localities else REL_MIN):
        return None
    item, counter = items[0], m.group("counter")
    groups = _ROLE_GROUPS.get(m.group("role"), ("lead_units", "responsible_units", "participating_units"))
    units = [u for g in groups for u in (getattr(item, g) or ())]
    if not units:
        return None
    named = [u for u in units if not _COLLECTIVE.search(u)]
    rest = [u for u in units if u not in named]
    role = m.group("role") if m.group("role") in _ROLE_GROUPS else "这一项"
    step = Computed(str(len(named)), tuple(named), f"{len(named)}{counter}")
    text = f"{role}共点名{len(named)}{counter}单位:{'、'.join(named)}" + (f"(另有{'、'.join(rest)})" if rest else "")
    if role != "这一项":  # the count of one role, then who does the item in every role
        text += f";这一项的分工是{fields.units_phrase(item)}"
    return item, text, [step], [item.units_raw] if item.units_raw and item.units_raw in item.text else []


# "列了几个领域?", "还要公示几类信息?": how many things a list names (not 几个工作日, 几个月)
_ASKS_MEMBERS = re.compile(r"(?<!哪)(几|多少)(个|类|种|大类|方面)(?!工作日|月|小时|百分点|点|人|单位|部门)(?P<noun>[\u4e00-\u9fff]{2})?")
_MORE_MEMBERS = re.compile(r"多出(来)?的?|多了?(哪些|哪几)|(不同|区别|差别)(在|是)|(哪些|哪几).{0,6}没(有|列|写|提)")


def listed_count(a, query: Query, items: list[TaskItem]) -> Callable | None:
    """The members of the list in the sentence best covering the question, counted, in each place
    named; with two places and "多出来的是哪些", the members one lists and the other does not."""
    q = query.original
    asked = _ASKS_MEMBERS.search(q)
    if not asked or len(query.localities) > 2:
        return None
    topic = operand_topic(q[:asked.start()], query) or query.topic
    counter = asked.group(2)
    # what is counted ("几个领域", "几类信息") must be what the list is of: said after its members
    noun = next((m.group("noun") for m in _ASKS_MEMBERS.finditer(q) if m.group("noun")), "")
    if not noun:
        return None
    if len(query.localities) == 2:
        found = []
        for place in query.localities:
            own = [h.item for h in a.searcher.search(topic, k=4, localities=[place])][:2]
            found.append(_best_list(a, topic, own, counter, noun))
        if not all(found):
            return None
    else:
        best = _best_list(a, topic, items[:2], counter, noun)
        if not best:
            return None
        found = [best]
    lines, cited, steps = [], [], []
    for item, sentence, members in found:
        cited.append((item, sentence))
        lines.append(f"{item.locality}:{len(members)}{counter}——{'、'.join(members)}[{len(cited)}]。")
        steps.append(Computed(str(len(members)), tuple(members), f"{len(members)}{counter}"))
    if len(found) == 2 and _MORE_MEMBERS.search(q):
        (first, _, one), (second, _, two) = found
        only = [m for m in one if m not in two]
        other = [m for m in two if m not in one]
        lines.append(f"{first.locality}多出的{len(only)}{counter}:{'、'.join(only) or '无'}"
                     + (f";{second.locality}多出的:{'、'.join(other)}" if other else "") + "。")
        steps.append(Computed(str(len(only)), tuple(only), f"{len(only)}{counter}"))
    lines += [f"原文:“{sentence}”[{n}]" for n, (_, sentence) in enumerate(cited, start=1)]
    body = "\n".join(lines)

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        yield {"type": "delta", "text": body}
        yield a.final(query, body, "answered", cited, "computed", computed=tuple(steps))

    return answer


LIST_NOUN_WINDOW = 16  # "…个人信息安全等关系群众切身利益的重点领域": how far after its members a list says what they are


def _best_list(a, topic: str, items: list[TaskItem], counter: str, noun: str):
    """(item, sentence, members) of the list of `noun` whose sentence best covers the topic, when
    the sentence does not state the count itself (then the number is the answer, not a count)."""
    best = None
    for item in items:
        for sentence in sentences(item.text):
            lists = [m for m in enumerations.lists_in(sentence)
                     if noun in sentence[(end := sentence.find(m[-1]) + len(m[-1])):end + LIST_NOUN_WINDOW]]
            if not lists or re.search(rf"\d+{counter}", sentence):
                continue
            cover = a.evidence.coverage(topic, sentence) or 0.0
            if cover >= OPERAND_MIN and (best is None or cover > best[0]):
                best = (cover, item, sentence, max(lists, key=len))
    return best[1:] if best else None
