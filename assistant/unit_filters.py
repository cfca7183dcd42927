"""Filters of a document's items by how many units they list in one role, as askers put them:
"牵头单位不少于三家的有几条?", "有几项的牵头单位正好是两个?", "只列了一个单位的任务有几项?",
"括号里只写了一个单位的是哪几条?", "三个以上部门共同牵头的有哪些?", "哪条压根没写协办单位?".

A filter is read from one clause of the question: a role word (or 单位 for any role), a count said
in words or digits, and how the count is compared (只/正好 = that many, 不少于/以上 = at least,
超过/不止 = more than). The role, the comparison and the count may come in either order, as
people write them. The items' parsed unit fields are what is counted.
"""
from __future__ import annotations

import re

from assistant import fields
from assistant.compute import Computed
from corpus.text import normalize
from corpus.types import TaskItem

# (field, words naming the role); 单位/部门 alone is a unit in any role
ROLES = (("lead_units", "牵头|主办|领衔|挑头|打头|主抓|牵总"),
         ("participating_units", "协办|配合|参加|参与|协同"),
         ("responsible_units", "责任单位|责任部门|负责单位|负责"))
ROLE_PATTERNS = tuple((field, re.compile(words)) for field, words in ROLES)
_ROLE = "|".join(words for _, words in ROLES)
_N = r"(?P<n>[一两二三四五六七八九十]|\d{1,2}|好几|多)"  # 好几家/多家: two or more
_EQUAL = r"只|仅|就|正好|恰好|刚好|刚刚好"
_AT_LEAST = r"不少于|至少|起码|达到"
_MORE_THAN = r"超过|多于|不止|大于"
_BEFORE = rf"(?P<cmp>{_EQUAL}|{_AT_LEAST}|{_MORE_THAN})?(是|为|有|写了|列了|写|列|填了|挂了)?(?P<cmp2>{_EQUAL})?"
_AFTER = r"(?P<more>及以上|以上|或以上|或更多|往上|多)?"
_COUNTED = r"(家|个)"
# "牵头单位不少于三家", "牵头单位一栏写了三家以上", "协办单位正好是两个"
_ROLE_FIRST = re.compile(rf"(?P<role>{_ROLE})(单位|部门)?[^?？,，;；]{{0,6}}?{_BEFORE}{_N}{_COUNTED}(单位|部门)?{_AFTER}")
# "只列了一个单位", "括号里只写了一家牵头单位", "写了三个以上单位"
_COUNT_FIRST = re.compile(rf"{_BEFORE}{_N}{_COUNTED}{_AFTER}(?P<role>{_ROLE})?(?P<body>单位|部门)")
# "三个以上部门共同牵头", "两家单位并排当牵头", "好几家单位一起挂牵头"
_JOINT = re.compile(rf"{_N}{_COUNTED}(单位|部门)?{_AFTER}[^?？,，、]{{0,4}}?(?P<role>{_ROLE})")
# "另外两家单位一起牵头": units besides one named, not the items' count
_BESIDES = re.compile(r"(另外|另|其他|其余|和|与|跟|同)$")
# items asked for, not units ("牵头单位有两家,都有哪些?" asks one item's units)
ASKS_ITEMS = re.compile(r"(几|多少)[项条]|哪(几|些)[项条]|哪几个(任务|条目|事项)|哪些(任务|条目|事项|工作|措施)|是哪[项条]|哪一?[项条]|"
                        r"(任务|条目|事项)有哪些|的(有|是)哪些")  # "…共同牵头的有哪些?": the items so described

# "哪条压根没写协办单位?", "没有配合单位的有几项?", "有没有压根没括号的": a role (or every role) left empty
# ("后面根本没带括号": 带/加/附 a bracket is to write one)
_EMPTY = re.compile(rf"(?<!有)(没|未|无)有?(写|列|标|注|明确|写明|列明|带|加|附)?(任何)?(?P<role>{_ROLE})?(单位|部门|括号|括注)")
_CN = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LABEL = {"lead_units": "牵头单位", "participating_units": "配合单位", "responsible_units": "责任单位", "all_units": "单位"}


def field_of(role_words: str | None) -> str:
    return next((field for field, words in ROLES if role_words and re.fullmatch(words, role_words)), "all_units")


def label_of(role_words: str | None, field: str) -> str:
    """The role as the asker named it when it is a column's name (协办单位, 参加单位), else the usual one."""
    if role_words in ("协办", "配合", "参加", "主办", "协同"):
        return f"{role_words}单位"
    return _LABEL[field]


def units_in(item: TaskItem, field: str) -> tuple[str, ...]:
    return tuple(getattr(item, field) or ())


def count_filter(clause: str):
    """(keep, how to say it) for a clause that filters items by how many units a role lists, or None."""
    for pattern in (_ROLE_FIRST, _JOINT, _COUNT_FIRST):
        m = pattern.search(clause)
        if not m or _BESIDES.search(clause[:m.start()]):
            continue
        field = field_of(m.group("role"))
        if m.group("n") in ("好几", "多"):
            if field == "all_units":
                continue
            return (lambda i, f=field: len(units_in(i, f)) >= 2), f"{_LABEL[field]}不止一家"
        n = int(m.group("n")) if m.group("n").isdigit() else _CN[m.group("n")]
        if pattern is _JOINT and n == 1:
            continue  # "市司法局自己一家牵头的": that unit's items alone, not the items with one lead
        cmp = m.groupdict().get("cmp") or ""
        more = m.group("more") or ""
        said_n = f"{'一两三四五六七八九十'[n - 1] if n <= 10 else n}{'家' if field != 'all_units' else '个'}"
        label = label_of(m.group("role"), field)
        if field == "all_units":
            if re.fullmatch(_MORE_THAN, cmp) or more == "多":
                return (lambda i, n=n: len(i.all_units) > n), f"写了超过{said_n}单位"
            if re.fullmatch(_AT_LEAST, cmp) or more:
                return (lambda i, n=n: len(i.all_units) >= n), f"写了{said_n}及以上单位"
            if not cmp and not m.groupdict().get("cmp2"):
                continue  # "三个单位" without 只/正好 may be anything the asker counts
            return (lambda i, n=n: len(i.all_units) == n), f"只写了{said_n}单位"
        if re.fullmatch(_MORE_THAN, cmp) or more == "多":
            return (lambda i, f=field, n=n: len(units_in(i, f)) > n), f"{label}超过{said_n}"
        if re.fullmatch(_AT_LEAST, cmp) or more:
            return (lambda i, f=field, n=n: len(units_in(i, f)) >= n), f"{label}有{said_n}及以上"
        return (lambda i, f=field, n=n: len(units_in(i, f)) == n), f"{label}{'只' if n == 1 else '正好'}有{said_n}"
    return None


def empty_filter(clause: str):
    """(keep, how to say it) for a clause asking for items that name no unit in a role, or None
    (no lead is assistant.route_counts.NO_LEAD's: its answer also says who is responsible)."""
    m = _EMPTY.search(clause)
    if not m:
        return None
    field = field_of(m.group("role"))
    if field == "lead_units":
        return None
    label = "单位(没有括号)" if m.group(0).endswith(("括号", "括注")) else label_of(m.group("role"), field)
    return (lambda i, f=field: not units_in(i, f)), f"没有写{label}"


# "单位括注中没把“各乡（镇）、街道”写进去的是哪几条?": the items whose units do not include the words quoted
_LEFT_OUT = re.compile(r"(没|未|没有)(把|将)?[“\"](?P<value>[^”\"]{2,20})[”\"](写|列|放|加|纳)(进去|进来|进|入|上)?|"
                       r"(不含|不包括|没有包括|没包括|没有|没)[“\"](?P<value2>[^”\"]{2,20})[”\"]的")


def left_out_filter(clause: str):
    """(keep, how to say it) for a clause asking for the items whose unit notes leave out the
    words it quotes, or None."""
    m = _LEFT_OUT.search(clause)
    if not m:
        return None
    value = normalize(m.group("value") or m.group("value2"))
    # (the words are the asker's, not the cited items': an answer names no unit its citations lack)
    return (lambda i: value not in normalize(f"{i.units_raw}{''.join(i.all_units)}")), "单位中没有写所问单位"


# "牵头单位最多的一条有几家?", "协办单位写得最多的是哪条、几家": the item whose role lists the most units
# (the role's 单位 is said: "哪个单位牵头的最多" ranks units, not items)
_MOST = re.compile(rf"(?P<role>{_ROLE})(单位|部门)[^?？,，;；]{{0,6}}?最多|(单位|家)数最多|(列|写|点)(得|的|了)最多")
_WHICH_ITEM = re.compile(r"哪[条项一个]|几家|多少家|有几个")


def most_filter(clause: str, pool: list[TaskItem], before: str = ""):
    """(keep, how to say it) for the items (ties kept) whose role lists the most units, or None.
    `before`: the question before the clause, which may say what is listed ("括号里列的单位,哪条列得最多?")."""
    m = _MOST.search(clause)
    if not m or not _WHICH_ITEM.search(clause):
        return None
    if m.group("role"):
        field = field_of(m.group("role"))
    else:  # the role said last before it, or every unit when only 单位 is said
        said = re.findall(rf"{_ROLE}|单位|部门", before + clause[:m.start()])
        field = field_of(said[-1]) if said and said[-1] not in ("单位", "部门") else ("all_units" if said else "lead_units")
    top = max((len(units_in(i, field)) for i in pool), default=0)
    if top < 2:
        return None
    first = next(i for i in pool if len(units_in(i, field)) == top)
    # the count is the number of units the cited item lists, computed, not a figure of its text
    step = Computed(str(top), units_in(first, field), f"{top}家")
    return (lambda i, f=field, top=top: len(units_in(i, f)) == top), f"{label_of(m.group('role'), field)}最多(共{top}家)", step


def clause_filters(question: str, pool: list[TaskItem]) -> list[tuple]:
    """One (keep, how to say it) per clause of the question that filters items by their units:
    "有几条的牵头单位不少于三家?牵头单位最多的一条有几家?" gives two."""
    found = []
    clauses = re.split(r"[?？;；]", question)
    for n, clause in enumerate(clauses):
        # (a follow-up "有没有压根没括号的" asks for items as the clause before it did)
        if ASKS_ITEMS.search(clause) or found and re.search(r"有没有|有无|是否有", clause):
            got = count_filter(clause) or empty_filter(clause) or left_out_filter(clause)
            if got:
                found.append(got)
                continue
        got = most_filter(clause, pool, "".join(clauses[:n]))
        if got:
            found.append(got)
    return found


# "X牵头的那几条里,配合单位挂得最多的那条几家?": of the items another filter kept, the one whose role
# lists the most units (most_filter, above, does it over the whole document)
_MOST_UNITS = re.compile(r"最多的?(那|一|是哪)?[条项个]?[^?？]{0,6}?(几|多少)家|(单位|家)[^?？,，]{0,6}?最多的?(是)?(哪|那)")


def most_units(question: str, items: list[TaskItem]) -> tuple[TaskItem, str, tuple[str, ...]] | None:
    """(the item, its role's label, its units in that role) when the question asks which item
    lists the most units in one role (the role said last before 最多; 牵头 when none is)."""
    m = _MOST_UNITS.search(question)
    if not m:
        return None
    said = max(((w.end(), field) for field, words in ROLE_PATTERNS for w in words.finditer(question[:m.start()])),
               default=(0, "lead_units"))
    field = said[1]
    ranked = sorted(items, key=lambda i: -len(getattr(i, field) or ()))
    if not ranked or not getattr(ranked[0], field):
        return None
    label = {"lead_units": "牵头单位", "responsible_units": "责任单位"}.get(field, f"{fields.part_word(ranked[0])}单位")
    return ranked[0], label, tuple(getattr(ranked[0], field))
