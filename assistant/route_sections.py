"""Questions about a section: what is under it, how many items, who leads them.

"依法决策那部分主要有哪些措施?", "第三部分下面有几条任务?", "(二)讲了啥?", "2022年打算做哪些?"
The section comes from the items' heading paths (`assistant.sections`); the answer says how many
items it holds first, then lists each with its lead units and the gist of its text, citing every
item. A question that names no section (by number, heading or period) goes the ordinary way.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from assistant import fields, sections
from assistant.compute import Computed
from assistant.sections import Match, Section
from assistant.topic import topic_of
from assistant.understand import Query
from corpus.text import sentences
from corpus.types import TaskItem

# asking which items have no lead ("哪些没写牵头单位?", "有没有没写牵头的?")
NO_LEAD = re.compile(r"(没|未|无)有?(写|明确|列明|标明|注明|写明){0,2}(谁|哪个单位)?牵头")
_ASKS_UNITS = re.compile(r"(单位|部门|机构|机关)(都|还)?(有|是)?(哪些|哪几个|哪几家|谁)|哪些(单位|部门|机构)")
ANSWER_CHARS = 1100  # the whole list; each item gets its share, at least ITEM_CHARS_MIN
ITEM_CHARS_MIN = 70
SINGLE_ITEM_CHARS = 600


def route(a, query: Query, hits) -> Callable | None:
    if query.intent == "doc_info" or query.lang == "en":
        return None
    if query.intent == "unit_tasks" and not sections.NUMBERED.search(query.original):
        return None  # a unit's tasks in a section named by its number: that section's list, then the unit's
    # (each of several places asked, "各由谁" is each place's: not one document's section)
    each = len(query.localities) <= 1 and sections.asks_each_of_part(query.original)
    if not (sections.asks_contents(query.original) or each):
        return None
    asks_units = query.intent in ("lead", "responsible") or _ASKS_UNITS.search(query.original)
    if asks_units and not (sections.LISTS_ITEMS.search(query.original) or each):
        return None  # "…有哪些部门负责?", "协办单位都有哪些?" ask for units, not for a section
    # "…那一大块一共几条任务?是不是全归应急局牵头?": the section is named in the part that asks
    # for its contents; the other part is answered from the list (its leads are shown)
    asking = next((p for p in re.split(r"[?;]", query.original) if sections.asks_contents(p)), query.original)
    # a clause that only asks ("一共几条", "分别要求啥") says nothing of which section
    clauses = [c for c in re.split(r"[,，]", asking) if topic_of(c, query.localities).strip()]
    # "复议应诉那一类几项，时间节点各是啥": when the clauses together name no section, the one that
    # names a part (那一类, 这块, 第三部分) and asks what it holds, in one place's document
    alone = ([c for c in clauses if sections.NAMES_A_PART.search(c) and sections.asks_contents(c)]
             if len(clauses) > 1 and len(query.localities) <= 1 else [])
    found = (sections.find(text, outline_of(a), a.evidence.coverage, doc_order(a, query, hits), query.localities)
             for text in (",".join(clauses) or asking, *alone))
    match = next((m for m in found if m is not None), None)
    if match is None:
        return None
    if match.how == "heading" and len(match.section.items) == 1:
        # a "section" of one item found by its words is that item: "共享数据目录要求多少条?" asks
        # the figure in its text, not how many items it has
        return None
    return lambda a, query, hits, timings: _answer(a, query, match)


def outline_of(a) -> list[Section]:
    cached = getattr(a, "_sections", None)
    if cached is None:
        cached = sections.outline(tuple(a.items))
        a._sections = cached
    return cached


def doc_order(a, query: Query, hits) -> tuple[str, ...]:
    """The documents the question may mean, best first: the named localities' (ranked by the
    search), else those of the three best hits."""
    ranked = list(dict.fromkeys(h.item.doc_id for h in hits))
    if query.localities:
        own = list(dict.fromkeys(i.doc_id for i in a.items if i.locality in query.localities))
        return tuple(sorted(own, key=lambda d: ranked.index(d) if d in ranked else len(ranked)))
    return tuple(ranked[:3])


def _answer(a, query: Query, match: Match) -> Iterator[dict]:
    section = match.section
    items = list(section.items)
    parts = section.parts()
    first = items[0]
    where = f"{first.locality}《{first.title}》{sections.section_number(section)}{section.title}"
    measure = fields.counter_of(query.original, items)  # in the question's own word, else the document's
    when = bool(fields.ASKS_WHEN.search(query.original))
    # a short list has room for every unit of each item, whom the lead works with
    every_role = bool(_ASKS_EVERY_ROLE.search(query.original)) or len(items) <= SHORT_LIST
    counts: list[Computed] = []
    if len(items) == 1:
        text = f"{where}:共1{measure}[1]。\n{_line(items[0], 1, SINGLE_ITEM_CHARS, when, every_role)}"
        cited = [(items[0], _quote(items[0]))]
    else:
        budget = max(ITEM_CHARS_MIN, ANSWER_CHARS // len(items))
        groups = [p for p in parts if p[0] and len(p[1]) > 1]
        each = fields.other_counter(measure)
        head = f"{where}:共{count_items(items)}{measure}"
        counts.append(Computed(str(count_items(items)), tuple(i.section for i in items), f"共{count_items(items)}{measure}"))
        if groups:
            heads = [_marker(p[0]) for p in parts if p[0]]
            head += f"(分列在{len(heads)}个小标题下:" + "、".join(heads) + ")"
            counts.append(Computed(str(len(heads)), tuple(heads), f"{len(heads)}个小标题"))
        head += f",即下列{count_items(items)}{each}" if each != measure else ""
        lines, cited, n = [head + "。"], [], 0
        for heading, its in parts:
            if heading and len(its) > 1:
                lines.append(f"{heading}({count_items(its)}{measure}):")
                counts.append(Computed(str(count_items(its)), tuple(i.section for i in its), f"{heading}下{count_items(its)}{measure}"))
            for item in its:
                n += 1
                lines.append(_line(item, n, budget, when, every_role))
                cited.append((item, _quote(item)))
        text = "\n".join(lines)
    if query.intent == "unit_tasks" and query.unit:
        names = set(a.searcher.maps.names_for(query.unit))
        led = [n for n, (i, _) in enumerate(cited, start=1) if names & set(i.lead_units or ())]
        text += (f"\n其中{query.unit}牵头的有{len(led)}{measure}:" + "、".join(f"[{n}]" for n in led) + "。"
                 if led else f"\n其中没有{query.unit}牵头的{measure}目。")
        counts.append(Computed(str(len(led)), tuple(cited[n - 1][0].section for n in led), f"{len(led)}{measure}"))
    if NO_LEAD.search(query.original):  # "…几项?哪些没写牵头单位?": the list answers, then the ones asked
        bare = [n for n, (i, _) in enumerate(cited, start=1) if i.lead_units == ()]
        text += (f"\n其中没有写牵头单位的{len(bare)}{measure}:" + "、".join(f"[{n}]" for n in bare) + "。"
                 if bare else f"\n这些{measure}目都写明了牵头单位。")
        counts.append(Computed(str(len(bare)), tuple(cited[n - 1][0].section for n in bare), f"{len(bare)}{measure}"))
    if fields.ASKS_POINTS.search(query.original):  # "这一块总共多少分?"
        said, step = fields.points_total([i for i, _ in cited])
        text += f"\n{said}" if said else ""
        counts += [step] if step else []
    if _cut_inside(a, items):
        text += "\n(该文件文本在这一部分中途截断,后面的内容不在资料中,这部分的条目可能不全。)"
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "fields", computed=tuple(counts))


def _cut_inside(a, items: list[TaskItem]) -> bool:
    """The document's text breaks off in this section: it holds the last item of a truncated text."""
    doc = [i for i in a.items if i.doc_id == items[0].doc_id]
    if not any(i.truncated for i in doc):
        return False
    last = max((i for i in doc if i.kind in ("task", "point")), key=lambda i: i.span[0])
    return any(i.item_id == last.item_id for i in items)


def count_items(items: list[TaskItem]) -> int:
    """Tasks, not paragraphs: a task's second paragraph with its own unit note (八、(二十) 续段) is
    listed on its own line but is the same task."""
    return sum(1 for i in items if not i.section.endswith("续段"))


# "分别谁负责?", "配合的是谁?": the question asks who does each item in every role, not only who leads
SHORT_LIST = 5
_ASKS_EVERY_ROLE = re.compile(r"(谁|哪些单位|哪家|哪个单位)[^,，?？]{0,4}(负责|配合|参与|干|管)|(负责|配合|责任)单位")


def _line(item: TaskItem, n: int, limit: int, when: bool = False, every_role: bool = False) -> str:
    """One item of the list: who leads it (or that nobody is named to), what it says, and its
    time limit when the question asks when ("都是谁牵头、啥时候完成?"); asked who does it in
    every role ("分别谁负责?"), every unit of its note with its role."""
    if item.lead_units and every_role and (item.responsible_units or item.participating_units):
        lead = f"({fields.units_phrase(item)})"
    elif item.lead_units:
        lead = f"(牵头:{'、'.join(item.lead_units)})"
    elif item.lead_units == () and item.kind == "task" and item.all_units:
        lead = f"(没有牵头单位,{fields.names_as_printed(item.all_units, item)}{fields.resp_word(item)})"
    elif item.lead_units == () and item.kind == "task":
        lead = "(没有写单位)"  # not borrowed from the item before it
    else:
        lead = ""
    due = f"(完成时限:{item.deadline})" if when and item.deadline else ""
    points = f"({item.score}分)" if item.score else ""
    return f"[{n}] {fields.listed_section(item)}{lead}{points}:{gist(item.text, limit)}{due}"


def gist(text: str, limit: int) -> str:
    """The item's first sentences, within `limit` characters (at least the first one, cut)."""
    out = ""
    for s in sentences(text.replace("\n", "")):
        if out and len(out) + len(s) > limit:
            break
        out += s.strip()
    return out if len(out) <= limit + 40 else out[:limit] + "…"


def _quote(item: TaskItem) -> str:
    parts = sentences(item.text)
    return parts[0].strip() if parts else item.text[:60]


def _marker(heading: str) -> str:
    return Section("", (heading,), ()).marker or heading[:8]
