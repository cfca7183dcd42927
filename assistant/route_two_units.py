"""Two units of one place asked together.

"霁川的县市场监管局和县行政审批局,有没有两家都挂名的任务?各自什么角色": the items that name both,
with each one's part in them. "苌泽那份清单,区司法局挂牵头的条数比区发改局多几条?", "安全生产综合
协调股和政策法规股,谁牵头的任务多?": each one's lead count (alone and with others) in that place's
document, compared in code with the working. Both units are found by their joined names
(`UnitNames.find_pair`); anything else about them is the usual routes' work.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterator

from assistant import compute, fields, unit_lists
from assistant.compute import Computed, Number
from assistant.intents import LEAD_ASK
from assistant.understand import Query

# the items both are named in: 都挂名, 共同的活, 同时出现, 一起干的, 交集, 重合
_COMMON = re.compile(r"都(被|有|在|出现|涉及|参与|点名|列|挂|写)|共同(的|参与|承担|负责)?(活|任务|事|工作|条)|共同(负责|承担|参与)的|"
                     r"同时(被|出现|涉及|列|写|点)|一起(干|做|负责|承担|参与)|交集|重合|重叠|共有的|都有份")
# the two asked as leading together ("一起挑头的活", "共同牵头的"), not who leads each ("各是谁牵头")
_BOTH_LEAD = re.compile(r"(一起|共同|一块儿?|联合|同时|都)(是|来)?(挑头|牵头|主办|领头|挂帅)")
# the two lead counts compared: 谁牵头的多, 哪家挂牵头的多, 比B多几条, 各几条
_COMPARED = re.compile(r"(谁|哪(家|个|边))[^,，。?？]{0,10}(多|少)|多(几|多少)|少(几|多少)|各(自|是|有)?[^,，。?？]{0,8}(几|多少)|"
                       r"一样多|差(几|多少)")


def route(a, query: Query) -> Callable | None:
    q = query.original
    pair = a.unit_names.find_pair(q, query.localities)
    if not pair:
        return None
    first, second = (m.name for m in pair)
    places = _shared_places(a, first, second, query.localities)
    if len(places) != 1:
        return None  # a unit of two places, or of none the question names: not a pair of one place
    place = places[0]
    if _COMMON.search(q) and not (LEAD_ASK.search(q) and _COMPARED.search(q)):
        return _answer(*_named_together(a, query, place, first, second), path="fields")
    if LEAD_ASK.search(q) and _COMPARED.search(q):
        return _answer(*_compared(a, query, place, first, second), path="computed")
    return None


def _answer(text: str, cited: list, steps: tuple, path: str):
    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered", cited, path, computed=steps)

    return answer


def _shared_places(a, first: str, second: str, localities: tuple[str, ...]) -> list[str]:
    where = [{i.locality for i in a.searcher.select(unit=u, role="any")} for u in (first, second)]
    both = where[0] & where[1]
    return sorted(both & set(localities)) if localities else sorted(both)


def _names(a, unit: str) -> frozenset[str]:
    return frozenset(a.searcher.maps.names_for(unit)) | {unit}


def _items(a, unit: str, place: str, role: str = "any"):
    return [i for i in a.searcher.select(unit=unit, role=role) if i.locality == place]


def _named_together(a, query: Query, place: str, first: str, second: str) -> tuple[str, list, tuple]:
    firsts, seconds = _items(a, first, place), _items(a, second, place)
    items = [i for i in firsts if i in seconds]
    if not items:  # none in common is an answer too: each one's items are what shows it
        counter = fields.counter_of(query.original, firsts + seconds)
        text = (f"没有。{place or '收录'}的文件中没有同时列出{first}和{second}的任务:{first}出现在{len(firsts)}{counter},"
                f"{second}出现在{len(seconds)}{counter},互不重合。")
        steps = tuple(Computed(str(len(g)), tuple(i.section for i in g), f"{len(g)}{counter}") for g in (firsts, seconds))
        return text, [(i, i.text[:100]) for i in firsts + seconds], steps
    counter = fields.counter_of(query.original, items)
    where = f"({place})" if place else ""  # (a page that never names its place: no empty brackets)
    names = (_names(a, first), _names(a, second))
    yes = "有," if re.search(r"有没有|有无|是否|有吗|有么|有没", query.original) else ""
    lines = [f"{yes}{first}和{second}都被列出的任务共{len(items)}{counter}{where},即以下{len(items)}{fields.other_counter(counter)}:"]
    steps = [Computed(str(len(items)), tuple(i.section for i in items), f"{len(items)}{counter}")]
    both_lead = [i for i in items if all(any(unit_lists.is_named(u, ns) for u in i.lead_units or ()) for ns in names)]
    if _BOTH_LEAD.search(query.original) and len(both_lead) < len(items):
        # "有没有一起挑头的活?除此之外两家还同时出现在哪条": the items both lead first, then the rest
        items = both_lead + [i for i in items if i not in both_lead]
        rest = len(items) - len(both_lead)
        lines = [f"{'有' if both_lead else '没有'}。{first}和{second}一起牵头的有{len(both_lead)}{counter}"
                 f"{where};另有{rest}{counter}两家都被列出、但不是一起牵头:"]
        steps += [Computed(str(len(g)), tuple(i.section for i in g), f"{len(g)}{counter}")
                  for g in (both_lead, items[len(both_lead):])]  # (none led together is a count too)
    for n, item in enumerate(items, start=1):
        # who leads it, then the part of each of the two that does not ("各是谁牵头?", "各自什么角色?")
        lead = f"{fields.names_as_printed(item.lead_units, item)}{fields.lead_word(item)}" if item.lead_units else "没有牵头单位"
        parts = [_said_part(unit, _part(item, ns)) for unit, ns in zip((first, second), names)
                 if not any(unit_lists.is_named(u, ns) for u in item.lead_units or ())]
        lines.append(f"[{n}] {fields.listed_section(item)} {fields.short_heading(item, 40)}({';'.join([lead, *parts])})")
    return "\n".join(lines), [(i, i.text[:100]) for i in items], tuple(steps)


def _said_part(unit: str, part: str) -> str:
    return f"{unit}为{part}" if part.endswith("单位") else f"{unit}{part}"  # 区司法局为责任单位, 县市场监管局配合


def _part(item, names: frozenset[str]) -> str:
    """The unit's part in one item, in the item's words: 牵头 (共同牵头 when others lead with it),
    责任单位, 配合 / 协办 / 参加."""
    part = unit_lists.counted_part(item, names)
    if part == "牵头":
        part = fields.lead_word(item)
        if any(not unit_lists.is_named(u, names) for u in item.lead_units or ()):
            part = "共同" + part
    return part


def _compared(a, query: Query, place: str, first: str, second: str) -> tuple[str, list, tuple]:
    counted = []
    for unit in (first, second):
        led = _items(a, unit, place, role="lead")
        alone, shared = unit_lists.lead_split(led, _names(a, unit))
        counted.append((unit, led, alone, shared))
    counter = fields.counter_of(query.original, [i for _, led, _, _ in counted for i in led])
    numbers = [Number(Decimal(len(led)), str(len(led)), counter, "", "", "") for _, led, _, _ in counted]
    # every count said (each one's leads, alone and with others) is of the cited items
    steps = [Computed(str(len(group)), tuple(i.section for i in group), f"{len(group)}{counter}")
             for _, led, alone, shared in counted for group in (led, alone, shared) if group]
    diff = compute.difference(numbers[0], numbers[1])
    if numbers[0].value == numbers[1].value:
        head = f"一样多,各牵头{numbers[0].text}{counter}。"
    else:
        steps.append(diff)
        more = first if numbers[0].value > numbers[1].value else second
        head = f"{more}牵头的多,多{diff.result}{counter}。计算:{diff.working}"
    lines = [head]
    for unit, led, alone, shared in counted:
        split = f"(单独牵头{len(alone)}{counter}、与其他单位共同牵头{len(shared)}{counter})" if shared else ""
        listed = unit_lists.brief_list(led)
        lines.append(f"{place}{unit}牵头{len(led)}{counter}{split}" + (f":{listed}" if listed else ""))
    cited = [(i, i.text[:100]) for _, led, _, _ in counted for i in led]
    return "\n".join(lines), cited, tuple(steps)
