"""A unit's lead count compared across two places.

"司法局挂牵头的条数,新密和阜康各几条?谁的占比高?", "乌县县司法局牵头的条数是绿园区司法局的几倍?":
the unit is found in each place's own names (司法局 is 市司法局 in one, 区司法局 in another), the
items it leads (alone or with others) are counted in that place's document, and the counts are
compared in code: a share of the document's tasks, a ratio or a difference, with the working.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterator

from assistant import compute, fields, route_counts, unit_lists
from assistant.compute import Computed, Number
from assistant.topic import place_words
from assistant.intents import LEAD_ASK
from assistant.understand import Query
from assistant.unit_reading import named_unit

_COUNT_ASKED = re.compile(r"条数|项数|(?<!哪)(几|多少)[条项个]|谁(更)?(多|少|高|低)|哪(个|边|家)(更)?(多|少|高|低)|几倍|"
                          r"占比|比例|比重|各(有)?(几|多少)")
# a count of something else ("两县加起来一共多少个乡镇?"): a figure in the tasks, not how many they lead
_OTHER_COUNT = re.compile(r"(几|多少)个(?!(任务|事项|工作|措施|条目|项目|牵头|条|项))[\u4e00-\u9fff]")
_TIMES = re.compile(r"(几|多少)倍")
_WHICH_MORE = re.compile(r"谁多|哪(个|边|家)多|多几|多多少|差几")
_SHARE = re.compile(r"占比|比例|比重|占(了)?[^?？,，;；]{0,6}?(几成|多少|百分之)")  # "各占全部任务几成"


def route(a, query: Query) -> Callable | None:
    q = query.original
    # one clause asks both a lead and a count ("…都是司法局挑头吗?两边…结案的比例各定了多少?" asks
    # who leads one task, then its targets)
    if len(query.localities) != 2 or not any(LEAD_ASK.search(c) and _COUNT_ASKED.search(c) for c in re.split(r"[?？;；]", q)):
        return None
    if _OTHER_COUNT.search(q) and not re.search(r"条数|项数|(?<!哪)(几|多少)[条项]", q):
        return None
    counted = []
    for place, said in zip(query.localities, place_words(q, query.localities)):
        # "乌县县司法局…是绿园区司法局的几倍": each place's own unit, said after its name
        unit = named_unit(said, a.unit_names, (place,)) or named_unit(q, a.unit_names, (place,))
        led = [i for i in a.searcher.select(unit=unit, role="lead") if i.locality == place] if unit else []
        if not led:
            return None  # a unit not found, or leading nothing there: the usual way
        doc = max({i.doc_id for i in led}, key=lambda d: sum(i.doc_id == d for i in led))
        led = [i for i in led if i.doc_id == doc]
        counted.append((place, unit, led, route_counts.doc_tasks(a, doc)))
    counter = fields.counter_of(q, [i for _, _, led, _ in counted for i in led])
    asks_share = bool(_SHARE.search(q))
    lines, steps, numbers, shares = [], [], [], []
    for place, unit, led, tasks in counted:
        count = Computed(str(len(led)), tuple(i.section for i in led), f"{len(led)}{counter}")
        whole = Computed(str(len(tasks)), tuple(i.section for i in tasks), f"{len(tasks)}{counter}")
        n = Number(Decimal(len(led)), str(len(led)), counter, "", "", "")
        share = compute.share(n, Number(Decimal(len(tasks)), str(len(tasks)), counter, "", "", ""))
        steps += [count, whole, share] if asks_share else [count]
        numbers.append(n)
        shares.append(Decimal(share.result))
        of_all = f";全文共{len(tasks)}{counter},占{share.result}%" if asks_share else ""
        listed = unit_lists.brief_list(led)
        lines.append(f"{place}:{unit}牵头{len(led)}{counter}(含共同牵头{of_all})" + (f":{listed}" if listed else ""))
    (p1, u1, *_), (p2, u2, *_) = counted
    p1, p2 = f"{p1}{u1}", f"{p2}{u2}"  # "乌鲁木齐县县司法局": the place and its unit, as counted
    if _TIMES.search(q) and numbers[1].value:
        ratio = compute.one_decimal(compute.ratio(numbers[0], numbers[1]))
        steps += ratio
        head = f"{p1}牵头的是{p2}的{ratio[-1].result}倍。计算:{ratio[0].working}"
    elif asks_share:
        higher = p1 if shares[0] > shares[1] else p2 if shares[1] > shares[0] else ""
        head = f"{higher}的占比高。" if higher else "两地占比相同。"
        if _WHICH_MORE.search(q) and numbers[0].value != numbers[1].value:  # "谁多?各占几成?": both
            diff = compute.difference(numbers[0], numbers[1])
            steps.append(diff)
            more = p1 if numbers[0].value > numbers[1].value else p2
            head = f"{more}多{diff.result}{counter}(计算:{diff.working});{head}"
    else:
        diff = compute.difference(numbers[0], numbers[1])
        steps.append(diff)
        more = p1 if numbers[0].value > numbers[1].value else p2
        head = (f"{more}多{diff.result}{counter}。计算:{diff.working}" if numbers[0].value != numbers[1].value
                else f"两地一样多,各{numbers[0].text}{counter}。")
    text = "\n".join([head, *lines])
    cited = [(i, i.text[:100]) for _, _, led, _ in counted for i in led]
    if asks_share:  # a share is of every task of the document: each is cited, the unit's first
        cited += [(i, i.text[:100]) for _, _, led, tasks in counted for i in tasks if i not in led]

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered", cited, "computed", computed=tuple(steps))

    return answer
