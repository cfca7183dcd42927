"""A unit's part in another item: "牵头A的那个局,在B那条里是什么角色?", "X在B那条里有它吗?",
"A由谁牵头?它在别的任务里还出现吗?". The unit is A's lead (assistant.chain_steps.resolve) or is
named; the answer gives its role in the item about B, or every other item naming it with its role.
"""
from __future__ import annotations

import re
from typing import Iterator

from assistant import fields, unit_lists
from assistant.chain_steps import (LIST_MAX, MIN_A, MIN_B_HEADING, MIN_B_TEXT, ROLE_ASK, TASK_KINDS, coverage_of,
                                   first_sentence, resolve, said_as)
from assistant.compute import Computed
from assistant.topic import topic_of
from assistant.understand import Query
from corpus.text import normalize
from corpus.types import TaskItem


def _role_names(item: TaskItem) -> tuple[tuple[str, str], ...]:
    """Each unit field and its role as the item's document labels it (参加单位, 协办单位, 配合单位)."""
    return (("lead_units", "牵头单位"), ("responsible_units", "责任单位"),
            ("participating_units", f"{fields.part_word(item)}单位"))


_PARTNER = re.compile(r"(跟|和|与|同)(?P<unit>[^,，?？]{2,20}?)(一块儿?|一起|共同|联合|搭伙)")
_ROLE_REST = re.compile(rf"{ROLE_ASK}|在|那条|那项|这条|这项|里面|里|中|当中|方面|还|也|别的|其他|其它|另外的?|条款|条目|任务|事项|工作|"
                        r"出现过?|没有|没|吗|不|[?？,，。]")


def role_answer(a, query: Query, first: str, rest: str) -> Iterator[dict]:
    """"牵头A的那个局,在B那条里是什么角色?": A's lead unit, then its role in the item about B."""
    partner = _PARTNER.search(first)  # "跟县纪委监委一块儿牵头A的那个单位": A's other lead
    said_partner = partner.group("unit") if partner else ""
    if partner:
        first = first[:partner.start()] + first[partner.end():]
    scored = [s for s in resolve(a, query, first) if s[0] >= MIN_A]
    b_topic = topic_of(_ROLE_REST.sub(" ", rest), query.localities).strip()
    if not scored:
        yield a.not_found(query, [], extra="(没有找到前半句说的那项任务,请换个说法再问。)")
        return
    head = scored[0][1]
    if not b_topic:  # "…在别的条款里还出现没?当的啥角色?": every other item that names it
        yield from _roles_elsewhere(a, query, head)
        return
    same_doc = [i for i in a.items if i.doc_id == head.doc_id and i.kind in TASK_KINDS and i.item_id != head.item_id]
    # a unit said absent from the wrong item is a wrong answer: B must be named, not resembled
    named = [i for i in same_doc if _names_it(b_topic, f"{i.section_path}{i.text}")]
    ranked = sorted(((_b_score(a, b_topic, i), i) for i in named), key=lambda p: -p[0])
    if not ranked or ranked[0][0] < MIN_B_HEADING:
        yield a.not_found(query, [], extra=f"(没有找到“{b_topic}”那项任务。)")
        return
    target = ranked[0][1]
    partners = {u for u in head.lead_units if said_partner and said_as(a, u, said_partner, head.locality)}
    asked = [u for u in head.lead_units if u not in partners] or list(head.lead_units)
    lines = [fields.role_in(target, _names_of(a, unit), unit) for unit in asked]
    if fields.ASKS_POSITION.search(query.original):  # "…在那条里排第几、算什么角色?"
        lines = [line + (f"{unit}{where}。" if (where := fields.position_in(target, _names_of(a, unit))) else "")
                 for line, unit in zip(lines, asked)]
    listed = _units_listed(target)
    lines.append(f"依据:{head.locality}{head.section}“{fields.short_heading(head, 30)}”由{'、'.join(head.lead_units)}"
                 f"牵头[1];{target.section}“{fields.short_heading(target, 30)}”:{listed or '未写明单位'}[2]。")
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", [(head, a.quote(query, head)), (target, a.quote(query, target))], "fields")


def _units_listed(item: TaskItem) -> str:
    """"X牵头,Y负责,Z配合": an item's units by role, in the item's own words."""
    return ",".join(f"{'、'.join(getattr(item, field))}{verb}" for field, verb in
                    (("lead_units", fields.lead_word(item)), ("responsible_units", fields.resp_word(item)),
                     ("participating_units", fields.part_word(item)))
                    if getattr(item, field))


def b_topic_of(said_b: str, query: Query) -> str:
    return topic_of(_ROLE_REST.sub(" ", said_b), query.localities).strip()


def units_named(a, text: str, localities, limit: int = 4) -> list[str]:
    """The units `text` names ("城管、交通、农委这几个局"), each once, in the order found."""
    found: list[str] = []
    while len(found) < limit and (mention := a.unit_names.find(text, localities)):
        said = next((s for s in (mention.said, mention.said.removesuffix("局")) if len(s) >= 2 and s in text), "")
        if not said or mention.name in found:
            break
        found.append(mention.name)
        text = text.replace(said, "\u3000" * len(said))
    return found


def unit_in_b(a, query: Query, units: list[str], said_b: str) -> Iterator[dict]:
    """Named units' part in the item the question names by its words (B), in the places asked."""
    b_topic = b_topic_of(said_b, query)
    pool = [i for i in a.items if i.kind in TASK_KINDS and (not query.localities or i.locality in query.localities)]
    named = [i for i in pool if _names_it(b_topic, f"{i.section_path}{i.text}")]
    ranked = sorted(((_b_score(a, b_topic, i), i) for i in named), key=lambda p: -p[0])
    if not b_topic or not ranked or ranked[0][0] < MIN_B_HEADING:
        yield a.not_found(query, [], extra=f"(没有找到“{said_b}”那项任务。)")
        return
    target = ranked[0][1]
    listed = _units_listed(target)
    said: dict[str, list[str]] = {}  # units with the same part said once: "市城管局、市交通局是责任单位…"
    absent = "你问的单位" if len(units) == 1 else "你问的其余单位"
    for unit in units:
        names = _names_of(a, unit)
        if any(unit_lists.is_named(u, names) for u in target.all_units):
            said.setdefault(fields.role_in(target, names, unit).removeprefix(unit), []).append(unit)
        else:  # (a unit the item does not list is not named: its name is in no citation)
            said.setdefault(fields.not_listed(target, absent), []).append("")
    text = ("".join(f"{'、'.join(u for u in us if u)}{part}" for part, us in said.items()) + "\n"
            f"依据:{target.locality}{target.section}“{fields.short_heading(target, 30)}”:{listed or '未写明单位'}[1]。")
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", [(target, a.quote(query, target))], "fields")


# "市市场监管局（市知识产权局）": one body under its second name (另一块牌子), named either way
_SECOND_NAME = re.compile(r"[(（][^()（）]{2,12}(局|委|办|中心|院|会)[)）]$")


def _names_of(a, unit: str) -> frozenset[str]:
    return frozenset({unit, _SECOND_NAME.sub("", unit), *a.searcher.maps.names_for(unit)})


def _b_score(a, topic: str, item: TaskItem) -> float:
    """How well an item is the one B names: by its heading and first sentence, or by its whole text
    when that covers B almost fully ("加强基层司法所建设那条" is the second sentence of its item)."""
    head = coverage_of(a, topic, f"{item.section_path}{item.heading}{first_sentence(item)}")
    whole = coverage_of(a, topic, item.text)
    return max(head, whole - 0.01 if whole >= MIN_B_TEXT else 0.0)  # a tie goes to the heading


def _roles_elsewhere(a, query: Query, head: TaskItem) -> Iterator[dict]:
    cited = [(head, a.quote(query, head))]
    lines = [f"{'、'.join(head.lead_units)}。{head.locality}{head.section}“{fields.short_heading(head, 30)}”"
             f"由{'、'.join(head.lead_units)}牵头[1]。"]
    counts = []
    for unit in head.lead_units:
        others = [i for i in a.items if i.doc_id == head.doc_id and i.kind in TASK_KINDS
                  and i.item_id != head.item_id and unit in i.all_units]
        if not others:
            lines.append(f"{unit}在其他条目里没有出现。")
            continue
        others = sorted(others, key=lambda i: i.span[0])
        lines.append(f"{unit}在其他{len(others)}项里出现" + (f",前{LIST_MAX}项是:" if len(others) > LIST_MAX else ":"))
        # the count said is of the items cited: every one, the first LIST_MAX of them listed
        counts.append(Computed(str(len(others)), tuple(i.section for i in others), f"{len(others)}项"))
        for n, item in enumerate(others):
            cited.append((item, a.quote(query, item)))
            if n < LIST_MAX:
                roles = "、".join(name for field, name in _role_names(item) if unit in (getattr(item, field) or ()))
                lines.append(f"[{len(cited)}] {fields.listed_section(item)}“{fields.short_heading(item, 30)}”:{roles}")
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "fields", computed=tuple(counts))


def _names_it(topic: str, text: str) -> bool:
    """Does `text` hold a word of `topic` whole (four characters running, or the whole of a
    shorter piece)? "公共法律服务" resembles "公共服务…法律" by its bigrams but names another task."""
    from difflib import SequenceMatcher

    text = normalize(text)
    for piece in normalize(topic).split():
        match = SequenceMatcher(None, piece, text, autojunk=False).find_longest_match(0, len(piece), 0, len(text))
        if match.size >= min(4, len(piece)):
            return True
    return False
