"""A unit's items as a list: its part in each (牵头, 责任单位, 配合 …) in the document's own words,
the items counted by part, and each item shown with what the asker checks it by (its first words,
the names it quotes, who it works with, its time limit)."""
from __future__ import annotations

import re
from dataclasses import replace

from assistant.fields import (SEP, listed_section, lead_word, names_as_printed, other_counter, part_word,
                              resp_label, resp_word, short_heading)
from assistant.gates import REL_MIN_NAMED  # calibrated: eval/calibrate.py
from corpus.text import normalize
from corpus.types import TaskItem


def items_about(evidence, topics: list[str], items: list[TaskItem]) -> list[TaskItem]:
    """The items about any of `topics`: by their headings (七、(二十)深化行政复议体制改革), not by a
    passing mention in their text (an 法治教育培训 item naming 行政复议 among the skills to train);
    by their text when no heading says it."""

    def about(text: str) -> bool:
        return any((evidence.coverage(t, text) or 0.0) >= REL_MIN_NAMED for t in topics)

    return ([i for i in items if about(f"{i.section_path}{i.heading}")]
            or [i for i in items if about(f"{i.section_path}{i.text}")])

LIST_CHARS, LISTING_MIN, LISTING_MAX = 1200, 80, 320  # a unit's task list: its length, and each task's share


def _listing(item: TaskItem, limit: int = 80) -> str:
    """An item in a list, and the names it gives in quotes that the cut leaves out ("一支队伍管执法"):
    a task is known by its initiatives' names as much as by its first words."""
    shown = _listing_start(item, limit)
    said = normalize(shown)
    names = [n for n in dict.fromkeys(_QUOTED.findall(item.text)) if normalize(n) not in said][:3]
    return f"{shown}(另含{'、'.join(f'“{n}”' for n in names)})" if names and shown.endswith("…") else shown


_QUOTED = re.compile(r"“([^“”]{2,12})”")


def _listing_start(item: TaskItem, limit: int) -> str:
    """Its heading, and when the heading is a bare title ("深化政务公开"), the start of what follows
    it, which says what the task is."""
    head = short_heading(item, limit)
    cut = item.heading and item.text.startswith(item.heading) and item.text[len(item.heading):][:1] not in ("", *"。.;；:： \n")
    if cut:  # the parser keeps a heading's first words only: list the sentence it cut
        return short_heading(replace(item, heading=""), limit)
    rest = item.text[len(item.heading):].lstrip("。.;；:： \n") if item.heading and item.text.startswith(item.heading) else ""
    room = limit - len(head) - 1
    if not rest or head.endswith("…") or room < 10:
        return head
    # a long first sentence is a sentence, not a title: what follows it goes on after "。"
    glue = "。" if len(head) >= 30 else ":"
    return f"{head}{glue}{rest[:room]}…" if len(rest) > room else f"{head}{glue}{rest}"


def _role_note(item: TaskItem, names: frozenset[str], role: str) -> str:
    """What the unit is in this item, when the list does not say it: "(与县委巡察组共同牵头)" in
    a list of what it leads, "(牵头)" / "(责任单位)" / "(配合)" in a list of everything it is in."""
    lead = item.lead_units or ()
    others = [u for u in lead if u not in names]
    if role == "lead" or any(u in names for u in lead):
        if role == "lead":  # a list of what it leads: only a shared lead needs saying
            shared = f"与{names_as_printed(others)}共同{lead_word(item)}" if others and len(others) < len(lead) else ""
        else:
            shared = f"与{names_as_printed(others, item)}共同{lead_word(item)}" if others else lead_word(item)
        said = [p for p in (shared, _helpers(item, names)) if p]
        return f"({';'.join(said)})" if said else ""
    # who leads it and whom else the item lists say whom the unit works with: "(责任单位,县委编办牵头,
    # 同列县财政局)" ("是主办还是协办?" asks alongside whom, as much as under whom)
    led = f",{names_as_printed(lead, item)}{lead_word(item)}" if lead else (",没有牵头单位" if item.lead_units == () else "")
    peers = [u for u in (*item.responsible_units, *item.participating_units) if not is_named(u, names)]
    led += f",同列{names_as_printed(peers, item)}" if peers else ""
    return f"({_part_of(item, names)}{led})"


def _due(item: TaskItem) -> str:
    """"(完成时限:2024年12月底前)": the time limit a table's column gives a task, which a unit asking
    for its tasks needs beside each (a limit in the task's own words is in its text already)."""
    return f"(完成时限:{item.deadline})" if item.deadline and item.deadline not in item.text else ""


def _helpers(item: TaskItem, names: frozenset[str]) -> str:
    """Who works with the lead on an item it leads, in the item's own role words
    ("责任单位:县委组织部、县政府办公室" / "配合:县委组织部"): whom the lead has to call on."""
    parts = []
    for units, word in ((item.responsible_units, resp_label(item) or resp_word(item)),
                        (item.participating_units, part_word(item))):
        units = [u for u in units or () if not is_named(u, names)]
        if units:
            parts.append(f"{word}:{names_as_printed(units, item)}")
    return ";".join(parts)


def _part_of(item: TaskItem, names: frozenset[str]) -> str:
    """A unit's supporting part in an item, in the document's words: 责任部门 where the note is
    labelled so, 负责 / 按职责分工负责 where the note says it that way, 责任单位, 协办, 参加, 配合."""
    if any(u in names for u in item.responsible_units) and resp_label(item) == "责任部门":
        return "责任部门"
    return counted_part(item, names)


def is_named(unit: str, names: frozenset[str]) -> bool:
    """`unit` is one of `names`, or is one with its other name in brackets after it
    ("市市场监管局(市知识产权局)" is 市市场监管局)."""
    return unit in names or re.sub(r"[(（][^()（）]*[)）]$", "", unit) in names


def counted_part(item: TaskItem, names: frozenset[str]) -> str:
    """A unit's part in an item as the item's own unit note words it, for counting: 责任单位 where a
    label says so, 负责 / 按职责分工负责 where the note is "(县司法局负责)", else 责任单位 or 配合."""
    if any(is_named(u, names) for u in item.lead_units or ()):
        return "牵头"
    if not any(is_named(u, names) for u in item.responsible_units):
        return part_word(item)
    note = item.units_raw or item.text[-60:]
    if "责任单位" in note or "负责" not in note:
        return "责任单位"
    return "按职责分工负责" if "按职责分工负责" in note else "负责"


def role_groups(items: list[TaskItem], names: frozenset[str]) -> dict[str, list[TaskItem]]:
    """A unit's items by its part in them (牵头, 责任单位, 配合 …), the largest group first."""
    groups: dict[str, list[TaskItem]] = {}
    for i in items:
        groups.setdefault(counted_part(i, names), []).append(i)
    return dict(sorted(groups.items(), key=lambda g: -len(g[1])))


_RESPONSIBLE_PARTS = ("责任单位", "负责", "按职责分工负责")
# the one part asked in "只是配合的", "光当责任单位的" (unit_reading.ONLY_SUPPORT reads it too)
ONLY_PART = (r"(只|光|仅|仅仅|单纯)(是|当|做|作为|负责|担任){0,2}"
             r"(?P<part>配合|协办|参与|参加|协助|按职责|责任单位|配合单位|协办单位)")
_ONLY_PART = re.compile(ONLY_PART)


def of_part_asked(items: list[TaskItem], names: frozenset[str], question: str) -> list[TaskItem]:
    """A unit's non-lead items narrowed to the one part asked ("只是配合单位的有几条?" is not its
    责任单位 items), when the document gives it both parts; else all of them, since many documents
    call every unit but the lead 配合 or 责任单位 alike."""
    asked = _ONLY_PART.search(question)
    groups = role_groups(items, names)
    responsible = [i for part, its in groups.items() if part in _RESPONSIBLE_PARTS for i in its]
    if not asked or not responsible or len(responsible) == len(items):
        return items
    if asked.group("part") in ("责任单位", "按职责"):
        return responsible
    return [i for i in items if i not in responsible]


def _role_counts(items: list[TaskItem], names: frozenset[str], counter: str) -> str:
    """"其中牵头8项、责任单位3项": how a unit's items divide by its part in them."""
    groups = role_groups(items, names)
    return _by_part(groups, counter) if len(groups) > 1 else ""


def _by_part(groups: dict[str, list[TaskItem]], counter: str) -> str:
    return "、".join(f"{part}{len(its)}{counter}" for part, its in groups.items())


def _part_said(part: str) -> str:
    """配合 -> 配合单位, 负责 -> 负责单位, 责任单位 as it is."""
    return part if part.endswith("单位") else f"{part.removeprefix('按职责分工')}单位"


def _support_counts(items: list[TaskItem], names: frozenset[str], counter: str) -> str:
    """"配合2项", "责任单位1项、配合1项": a unit's non-lead items counted by the part the document
    gives it, in the document's own label (a generic "责任单位或配合单位" when no name is known)."""
    if not names:
        return f"是责任单位或配合单位{len(items)}{counter}"
    return _by_part(role_groups(items, names), counter)


def _support_parts(items: list[TaskItem], names: frozenset[str]) -> str:
    if not names:
        return "责任单位或配合单位"
    # the parts as roles: 配合单位, 责任单位, 负责单位 (a note "(县司法局负责)" makes one 负责)
    return "或".join(dict.fromkeys(p if p.endswith("单位") else f"{p.removeprefix('按职责分工')}单位"
                                   for p in role_groups(items, names)))


def brief_list(items: list[TaskItem]) -> str:
    """"四、 10.(第10项)深化乡镇综合行政执法改革…;…": the items a count is of, each by its number
    and its first words, so the asker sees what was counted."""
    return ";".join(f"{listed_section(i)}{short_heading(i, 16)}" for i in items)


def _points(item: TaskItem) -> str:
    return f"({item.score}分)" if item.score else ""


def lead_split(items: list[TaskItem], names: frozenset[str]) -> tuple[list[TaskItem], list[TaskItem]]:
    """The items a unit leads, as (alone, with other leads)."""
    led = [i for i in items if any(is_named(u, names) for u in (i.lead_units or ()))]
    shared = [i for i in led if any(not is_named(u, names) for u in i.lead_units)]
    return [i for i in led if i not in shared], shared


def without_lead(items: list[TaskItem]) -> list[TaskItem]:
    """Items whose notes name no lead at all (the document's own rule says who answers for them)."""
    return [i for i in items if i.lead_units == ()]


def _lead_word_of(items: list[TaskItem]) -> str:
    """The lead role in the items' own word: 主办 when every item's note says 主办单位, else 牵头."""
    return "主办" if items and all(lead_word(i) == "主办" for i in items) else "牵头"


def _breakdown(items: list[TaskItem], names: frozenset[str], role: str, counter: str) -> str:
    """"其中单独牵头4项、与其他单位共同牵头4项" / "其中2项没有牵头单位": what an asker checks a
    unit's list by next, said when the list holds both kinds."""
    parts = []
    alone, shared = lead_split(items, names)
    word = _lead_word_of(items)
    if alone and shared:
        parts.append(f"单独{word}{len(alone)}{counter}、与其他单位共同{word}{len(shared)}{counter}")
    if role != "lead" and (none := without_lead(items)):
        parts.append(f"{len(none)}{counter}没有牵头单位")
    return ";".join(parts)


def _in(localities: str) -> str:
    """"(岚峪县)" after a count; nothing for a page that never names its place."""
    return f"({localities})" if localities else ""


def unit_tasks_text(unit: str, items: list[TaskItem], role: str, lang: str = "zh", counter: str = "项",
                    names: frozenset[str] = frozenset(), elsewhere: list[TaskItem] = (),
                    list_elsewhere: bool = False) -> str:
    """`counter`: the word the asker counts in (几条 -> 共9条); `names`: the stored forms of the
    unit (its role in each item is read by them); `elsewhere`: items where a unit asked about as
    lead only takes part, named after the list so the asker sees the whole of its work, and
    listed like the led ones when the question asks about that part too (`list_elsewhere`:
    "…有要我们牵头的吗?当责任单位的又有几条?")."""
    word = _lead_word_of(items)  # 主办 in a list whose notes say 主办单位
    verb = {"lead": word, "sole": f"单独{word}"}.get(role, "参与")
    role = "lead" if role == "sole" else role  # (each listed item is one it leads)
    each = other_counter(counter)
    if lang == "en":
        head = f"{unit} {'leads' if role == 'lead' else 'takes part in'} {len(items)} task item(s):"
        lines = [f"[{n}] {i.locality} {i.section} {short_heading(i, 40)}" for n, i in enumerate(items, start=1)]
        return "\n".join([head, *lines])
    localities = SEP.join(dict.fromkeys(i.locality for i in items if i.locality))
    if localities and not all(i.locality for i in items):
        localities += "及未写地名的文件"  # (a page that never names its place counts in the total too)
    head = f"{unit}{verb}的任务共{len(items)}{counter}{_in(localities)},即以下{len(items)}{each}:"
    split = _breakdown(items, names, role, counter) if names else ""
    if split:
        head = f"{unit}{verb}的任务共{len(items)}{counter}{_in(localities)},其中{split}。以下{len(items)}{each}:"
    if role == "support":  # asked only for what it takes part in without leading
        counts = _role_counts(items, names, counter) if names else ""
        head = (f"{unit}不牵头、是{_support_parts(items, names)}的任务共{len(items)}{counter}{_in(localities)}"
                + (f",其中{counts}。以下{len(items)}{each}:" if counts else f",即以下{len(items)}{each}:"))
        role = "any"
    elif role == "none_led":  # asked what it leads: it leads none, and takes part in these
        split = _breakdown(items, names, "any", counter) if names else ""
        head = (f"{unit}在文件中没有牵头的任务;是责任单位或配合单位的共{len(items)}{counter}{_in(localities)},"
                + (f"其中{split}。以下{len(items)}{each}:" if split else f"即以下{len(items)}{each}:"))
        role = "any"
    elif role != "lead" and names and (counts := _role_counts(items, names, counter)):
        head = (f"{unit}{verb}的任务共{len(items)}{counter}{_in(localities)},其中{counts}"
                f"{';' + split if split else ''}。以下{len(items)}{each}:")
    elif role != "lead" and names and len(parts := role_groups(items, names)) == 1 and "牵头" not in parts:
        # one part in all of them: said, and that it leads none ("…要参与哪些?有牵头的吗")
        head = (f"{unit}{verb}的任务共{len(items)}{counter}{_in(localities)},都是{_part_said(next(iter(parts)))},"
                f"没有牵头的{'(其中' + split + ')' if split else ''}。以下{len(items)}{each}:")
    # a short list shows more of each task: the asker checks it by what it says, not by its number
    limit = max(LISTING_MIN, min(LISTING_MAX, LIST_CHARS // max(1, len(items) + (len(elsewhere) if list_elsewhere else 0))))
    lines = [f"[{n}] {listed_section(i)} {_listing(i, limit)}{_role_note(i, names, role) if names else ''}{_due(i)}{_points(i)}"
             for n, i in enumerate(items, start=1)]
    if elsewhere and list_elsewhere:
        if role == "lead":  # both parts listed: the whole first ("共涉及3条")
            supporting = _support_counts(elsewhere, names, counter)
            total = len(items) + len(elsewhere)
            head = (f"{unit}共涉及{total}{counter}{_in(localities)},即以下{total}{each},其中牵头{len(items)}{counter}、"
                    f"{supporting}。牵头的{len(items)}{each}:")
        counts = _role_counts(elsewhere, names, counter) if names else ""
        parts = f"(其中{counts})" if counts else ""
        lines.append(f"{unit}不牵头、是{_support_parts(elsewhere, names)}的共{len(elsewhere)}{each}{parts}:")
        lines += [f"[{n}] {listed_section(i)} {_listing(i, limit)}{_role_note(i, names, 'any') if names else ''}{_due(i)}"
                  for n, i in enumerate(elsewhere, start=len(items) + 1)]
    elif elsewhere:
        lines.append(not_leading_line(unit, elsewhere, len(items) + 1, names, counter))
    return "\n".join([head, *lines])


NOT_LEADING_NAMED = 5  # up to this many items named without leading, each is shown with its heading


def not_leading_line(unit: str, items: list[TaskItem], first: int, names: frozenset[str] = frozenset(),
                     counter: str = "项", scope: str = "") -> str:
    """"另外,县司法局不牵头、是责任单位或配合的有2项:四、 10.“…”(配合)[5]、…。": after what a unit
    leads, where it is named without leading, each item cited (`first`: the first one's number).
    One wording for every answer that says it; `scope` narrows it ("同一方面"). Past a few items
    each is named by its number alone: the line follows a list, and must not outgrow it."""
    parts = _support_parts(items, names)
    said = []
    named = len(items) <= NOT_LEADING_NAMED
    for n, item in enumerate(items, start=first):
        name = f"{listed_section(item)}“{short_heading(item, 20)}”" if named else item.section
        # who it works with: each item named says who leads it ("跟着干的" asks under whom)
        notes = [counted_part(item, names)] if names and "或" in parts else []
        if named and item.lead_units is not None:
            notes.append(f"{names_as_printed(item.lead_units, item)}牵头" if item.lead_units else "没有牵头单位")
        said.append(f"{name}{'(' + ','.join(notes) + ')' if notes else ''}[{n}]")
    return f"另外,{scope}{unit}不牵头、是{parts}的有{len(items)}{counter}:{SEP.join(said)}。"


def unit_tasks_on_topic_text(unit: str, within: list[TaskItem], items: list[TaskItem], role: str, topic: str,
                             counter: str = "项", names: frozenset[str] = frozenset()) -> str:
    """A unit's items narrowed to a topic (or a part of its document). The size of the whole list
    is not said: only the items of the topic are cited, and a count states what its citations hold."""
    verb = "牵头" if role == "lead" else "参与"
    each = other_counter(counter)
    localities = SEP.join(dict.fromkeys(i.locality for i in within))
    head = (f"{unit}{verb}的任务中,与“{topic}”有关的有{len(within)}{counter}"
            f"({localities}),即以下{len(within)}{each}:")
    limit = max(LISTING_MIN, min(LISTING_MAX, LIST_CHARS // max(1, len(within))))
    lines = [f"[{n}] {listed_section(i)} {_listing(i, limit)}{_role_note(i, names, role) if names else ''}{_due(i)}"
             for n, i in enumerate(within, start=1)]
    return "\n".join([head, *lines])
