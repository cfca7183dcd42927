"""An item cited by where it stands in the outline, in the words people use for it.

Plans number their parts 一、二、…, their sub-parts (一)(二)…, and the items under them 1. 2. or
①②; askers cite a task by that place as readily as by its words:
"第十部分（三十）下面头一条", "第五部分第（三）条", "（三）下面第②条", "最后一部分那条",
"三、（六）", "一、（一）②". `address_of` reads the place a question cites; `addressed` finds the
items standing there in one place's documents (the item parser has written every item's place
as "PART、(SUB) N." in `TaskItem.section`).

An address that names only a part, or a sub-part holding several items, names a section, not an
item: the section routes answer that. An address beyond the document's last part ("第九部分" of
a plan of eight) names nothing, which the answer says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import cn_to_int
from corpus.types import TaskItem

_CN = "[一二三四五六七八九十]"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_NUM = rf"(?:{_CN}{{1,3}}|\d{{1,2}}|[{_CIRCLED}])"
_KIND = r"(?:条|项|点|个任务|件)"
LAST = -1

# the part: "第十部分", "第二大项", "十、", "最后一部分"
_PART = re.compile(rf"第({_CN}{{1,3}})(?:部分|大部分|大项|大块|板块|章)|(最后|末)一?(?:个|大)?(?:部分|大项|板块|章)|"
                   rf"(?<!{_CN})({_CN}{{1,3}})、")
# the sub-part: "（三十）", "第（三）条", "第三小节"
_SUB = re.compile(rf"第?[(（]({_CN}{{1,4}})[)）](?:{_KIND}|小节|节)?|第({_CN}{{1,3}})(?:小节|小项)")
# the item within: "下面头一条", "第②条", "里第2项", "最后一条"; right after the place also "②", " 3."
_WITHIN_WORDS = (rf"(?:下面|下边|底下|里面?|中|当中|项下|条下)?的?"
                 rf"(?:(头一|第一|首)|(最后一|末)|第({_NUM}))(?:{_KIND})|([{_CIRCLED}])")
_WITHIN_NEAR = re.compile(_WITHIN_WORDS)
_WITHIN_AT = re.compile(rf"{_WITHIN_WORDS}|\s*(\d{{1,2}})(?![\d%％年月日号个项条件次天家名人])")


@dataclass(frozen=True)
class Address:
    part: int | None = None  # 1-based; LAST for "最后一部分"
    sub: int | None = None
    n: int | None = None  # the item's printed number or its place under the section; LAST for "最后一条"


def cn_numeral(n: int) -> str:
    """34 -> '三十四' (what headings use, 1..99)."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (f"{digits[tens] if tens > 1 else ''}十" if tens else "") + (digits[ones] if ones else "")


def _num(token: str) -> int:
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    return cn_to_int(token)


def address_of(question: str) -> Address | None:
    """The outline place a question cites, or None when it cites none."""
    part_m = _PART.search(question)
    sub_m = _SUB.search(question, part_m.end() if part_m else 0) or (_SUB.search(question) if part_m else None)
    if not part_m and not sub_m:
        return None
    part = sub = n = None
    if part_m:
        part = LAST if part_m.group(2) else cn_to_int(part_m.group(1) or part_m.group(3))
    if sub_m:
        sub = cn_to_int(sub_m.group(1) or sub_m.group(2))
    after = (sub_m or part_m).end()
    within = _WITHIN_AT.match(question, after) or _WITHIN_NEAR.search(question[after:after + 12])
    if within:
        if within.group(1):
            n = 1
        elif within.group(2):
            n = LAST
        else:
            token = within.group(3) or within.group(4) or within.group(5)
            n = _num(token)
    return Address(part=part, sub=sub, n=n)


_OWN = re.compile(rf"^({_CN}{{1,3}})、\s*(?:\(({_CN}{{1,4}})\))?")


def _place(item: TaskItem) -> tuple[int, int | None] | None:
    m = _OWN.match(item.section or "")
    if not m:
        return None
    return cn_to_int(m.group(1)), (cn_to_int(m.group(2)) if m.group(2) else None)


def parts_of(items: list[TaskItem]) -> list[int]:
    """The part numbers the items stand under, in order."""
    return sorted({p[0] for i in items if (p := _place(i))})


def addressed(address: Address, items: list[TaskItem]) -> list[TaskItem]:
    """The items of one place's documents (task items, in document order) standing at the address:
    the one item it names, or every item of the section it names."""
    parts = parts_of(items)
    if not parts:
        return []
    part = parts[-1] if address.part == LAST else address.part
    here = [i for i in items if (p := _place(i)) and (part is None or p[0] == part)
            and (address.sub is None or p[1] == address.sub)]
    if part is None and len({_place(i)[0] for i in here}) > 1:
        return []  # "（三）" with no part, where sub-parts restart in every part: which is not said
    if address.n is None or not here:
        return here
    if address.n == LAST:
        return here[-1:]
    printed = [i for i in here if _printed(i) == address.n]
    if len(printed) == 1:
        return printed
    return here[address.n - 1:address.n] if address.n <= len(here) else []


def beyond_parts(address: Address, items: list[TaskItem]) -> bool:
    """The address names a part past the last one the place's documents have ("第九部分" of a plan
    of eight)."""
    parts = parts_of(items)
    return bool(parts) and address.part not in (None, LAST) and address.part > parts[-1]


def _printed(item: TaskItem) -> int | None:
    m = re.search(r"(\d{1,3})[.．]$|•?\[(\d{1,3})\]$", item.section or "")
    if m:
        return int(m.group(1) or m.group(2))
    return None
