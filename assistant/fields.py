"""Answers built from TaskItem fields alone: who leads, who is responsible, what a unit leads.

No LLM here: the unit names come from the parsed fields, so they are exactly the documents'
(canonical forms expand abbreviations like 县政府办 -> 县政府办公室, within one locality only).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assistant import compute
from corpus.text import normalize, number_in
from corpus.types import TaskItem
from corpus.ditto import points_elsewhere
from corpus.units import LABELS, nfkc, variants

SEP = "、"
# a collective, not a unit named: 各乡镇人民政府, 有关部门, 县属相关部门, 成员单位
COLLECTIVE = re.compile(r"^各|有关|相关|成员单位|各部门|各单位|等部门")
LIST_CHARS, LISTING_MIN, LISTING_MAX = 1200, 80, 320  # a unit's task list: its length, and each task's share
LONG_LIST = 4  # a list of this many units named is counted for the reader ("点名的单位共10家")


def names_as_printed(units, item: TaskItem | None = None) -> str:
    if not item:
        return SEP.join(units)
    shown = [_as_printed(u, item) for u in units]
    printed = item.units_raw or item.text or ""
    merged: list[str] = []
    for name in shown:  # two names the document glues ("各部门各单位") are shown glued, as printed
        if merged and merged[-1].startswith("各") and name.startswith("各") and merged[-1] + name in printed:
            merged[-1] += name
        else:
            merged.append(name)
    return SEP.join(merged)



def _as_printed(unit: str, item: TaskItem) -> str:
    """The unit as this item prints it, with the full name when that differs: "县卫健委(即县卫生
    健康委)". The asker checks the answer against the document, which says 县卫健委."""
    printed = item.units_raw or item.text
    if not printed or unit in printed:
        return unit
    shown = next((v for v in sorted(variants(unit, item.locality), key=len, reverse=True)
                  if v != unit and v in printed), "")
    return f"{shown}(即{unit})" if shown else unit


# an item cited by its number: 第9项, 第十一条 (not a range, 第9至12项, nor a part, 第三部分)
_ITEM_CITED = re.compile(r"第([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:项|条)(?![至到—\-~、和及与])")


def cited_number(question: str) -> int | None:
    """The item number a question cites ("第9项…"), or None."""
    m = _ITEM_CITED.search(question)
    return number_in(m.group(1)) if m else None


def printed_number(item: TaskItem) -> int | None:
    """The number the document prints on the item (3 for "3.", "（3）", "第三条")."""
    n = number_in(item.item_number)
    return item.item_no if n is None else n


def listed_section(item: TaskItem) -> str:
    """The item's place as printed, and as people cite it: "二、 5." reads "二、 5.(第5项)" (askers
    and plans alike say 第5项), and so does an item numbered in running order where its number was
    lost ("•[53]" reads "•[53](第53项)", "[11]" "[11](第11项)"); other numbers as printed."""
    return re.sub(r"(?<=\s)(?:(\d{1,3})[.．]|•?\[(\d{1,3})\])$", lambda m: f"{m.group(0)}(第{m.group(1) or m.group(2)}项)",
                  item.section)


def short_heading(item: TaskItem, limit: int = 28) -> str:
    from assistant.understand import INSTRUCTION

    head = item.heading or item.text
    # a sub-number opening the cell ("1.全面落实…") would read as part of the section's number
    head = re.sub(r"^\s*(\d{1,2}[.．、]|[(（]\d{1,2}[)）])\s*", "", head) or head
    if INSTRUCTION.search(head):  # a document's text that tries to instruct is never echoed
        return item.section
    return head if len(head) <= limit else head[:limit] + "…"


def unit_sentence(item: TaskItem, n: int, intent: str, lang: str = "zh", with_locality: bool = True) -> str:
    """The units first ("县司法局牵头,县委组织部、县政府办公室负责。"), then the item they come from."""
    loc = f"{item.locality}" if with_locality else ""
    where = f"{item.section}“{short_heading(item)}”"
    said = _said_in_text(item)  # the sentence assigning the units, when the heading does not
    source = f"依据:{where}[{n}]" + (f",分工原文:“{said}”" if said else "") + "。"
    lead, resp, part = item.lead_units, item.responsible_units, item.participating_units
    if lang == "en":
        return _unit_sentence_en(item, n, intent)
    prefix = f"{loc}:" if loc else ""
    if item.kind == "point" and lead == () and not resp:
        return f"{prefix}{item.title}是情况报告,没有写明牵头单位或责任单位;相关内容见{where}[{n}]。"
    if lead is None:
        text = f"{prefix}无法确定牵头单位:{where}的单位信息在原文中缺失(文本不完整)"
        if resp:
            text += f";可辨认的单位有{names_as_printed(resp, item)}"
        return text + f"[{n}]。"
    if intent == "responsible" and resp:  # with none listed, the answer starts with who leads
        text = f"{prefix}{names_as_printed(resp, item)}{resp_word(item)}"
        if part:
            text += f",{names_as_printed(part, item)}{part_word(item)}"
        text += f";{names_as_printed(lead, item)}牵头" if lead else f";{no_lead(item)}"
        note = _note_of_units(item.units_raw)
        if note and not said and _not_named_in(note, [*(lead or ()), *(resp or ()), *(part or ())], item):
            text += f"(原文:“{note}”)"
        return f"{text}。{source}"
    return f"{prefix}{units_phrase(item)}。{source}"


def units_phrase(item: TaskItem) -> str:
    """"县司法局牵头,县委组织部、县政府办公室负责": who does an item, the lead first."""
    lead, resp, part = item.lead_units, item.responsible_units, item.participating_units
    text = f"{names_as_printed(lead, item)}牵头" if lead else no_lead(item)
    if resp:
        text += f",{names_as_printed(resp, item)}{resp_word(item)}"
    if part:
        text += f",{names_as_printed(part, item)}{part_word(item)}"
    note = _note_of_units(item.units_raw)
    # no lead: the note as printed says how the work is shared; a note that points elsewhere
    # (`牵头单位：同第8项`) is shown beside the units it was read as
    if note and not _said_in_text(item) and (not lead or _not_named_in(note, [*lead, *(resp or ()), *(part or ())], item)):
        text += f"(原文:“{note}”)"
    return text


def _not_named_in(note: str, units, item: TaskItem) -> bool:
    """The note points to another row's units (`同上`, `同第8项`) and some unit the answer gives is
    printed in it under no name of its own."""
    note = nfkc(note)
    return points_elsewhere(note) and any(not any(nfkc(v) in note for v in variants(u, item.locality)) for u in units)


SAID_CHARS = 60  # how much of an assignment sentence a unit answer quotes


def _said_in_text(item: TaskItem) -> str:
    """The words inside the item's text that assign its units (`清单由A、B分别牵头制定`), when its
    heading does not hold them: the heading of a 纪要's 议定事项 is often another sentence."""
    raw = item.units_raw or ""
    if not raw or raw not in (item.text or "") or raw in (item.heading or ""):
        return ""
    return raw if len(raw) <= SAID_CHARS else raw[:SAID_CHARS] + "…"


def _note_of_units(raw: str) -> str:
    """The note as printed, less what names no unit of the task (督办单位：区司法局 supervises it)."""
    kept = [seg for seg in re.split(r"[；;]", raw or "") if not re.match(rf"\s*({'|'.join(LABELS['supervisor'])})", seg)]
    return "；".join(seg.strip() for seg in kept if seg.strip())


_PART_LABELS = (("参加单位", "参加"), ("协办单位", "协办"), ("参与单位", "参与"), ("配合单位", "配合"))


def part_word(item: TaskItem) -> str:
    """The supporting role as the document labels it (参加单位 -> 参加, 协办单位 -> 协办); a table
    column gives no label to read here, and 配合 is what such columns say most often."""
    return next((word for label, word in _PART_LABELS if label in item.units_raw), "配合")


def resp_word(item: TaskItem) -> str:
    """"按职责分工负责" when that is how the item's note names the role (新密: "…牵头,有关部门按职责
    分工负责"), else 负责 (a note with a 责任单位 label says who; its 按职责分工 is an aside)."""
    raw = item.units_raw
    return "按职责分工负责" if "按职责分工负责" in raw and "责任单位" not in raw else "负责"


def role_in(item: TaskItem, names: frozenset[str], unit: str) -> str:
    """"县发改委是牵头还是配合?": the unit's part in the item, said first and in the item's terms
    (主办 / 协办 where the document says so)."""
    lead, word = item.lead_units or (), lead_word(item)
    if any(u in names for u in lead):
        others = [u for u in lead if u not in names]
        return f"{unit}是{word}单位" + (f"(与{names_as_printed(others, item)}共同{word})" if others else "") + "。"
    if any(u in names for u in item.responsible_units):
        return f"{unit}是责任单位,不是{word}单位" + _who_leads(item) + "。"
    if any(u in names for u in item.participating_units):
        return f"{unit}是{part_word(item)}单位,不是{word}单位" + _who_leads(item) + "。"
    return f"这项任务没有列{unit}(不是{word}、责任或{part_word(item)}单位)。"


ASKS_POSITION = re.compile(r"排(在)?第几|第几(位|个)|排(在)?(哪|什么位置)")
_CN_ORDINAL = "一二三四五六七八九十"


def position_in(item: TaskItem, names: frozenset[str]) -> str:
    """"…在那条里排第几?": the unit's place among the units the item's note prints, "排第二位"."""
    printed = item.units_raw or item.text
    order = sorted(item.all_units, key=lambda u: printed.find(u) if u in printed else len(printed))
    at = next((k for k, u in enumerate(order) if u in names), None)
    return f"在这一条列出的单位中排第{_CN_ORDINAL[at]}位" if at is not None and at < len(_CN_ORDINAL) else ""


def _who_leads(item: TaskItem) -> str:
    """"(牵头的是X)", or that the item has none: either way the asker learns who does lead."""
    if item.lead_units:
        return f"({lead_word(item)}的是{names_as_printed(item.lead_units, item)})"
    return f"(这一条没有{lead_word(item)}单位)" if item.lead_units == () else ""


def counter_of(question: str, items=()) -> str:
    """The word the asker counts tasks in: 几条/多少条/哪些条款 -> 条, 讲了哪几点 -> 点 (not 几点钟);
    when the question has none, points numbered 一是、二是 are counted as 点, anything else in 项."""
    if re.search(r"[几多少]条|哪些条|哪一?条|条款|条数", question):  # "牵头的条数", "哪条把我们列进去了": counted in 条
        return "条"
    if re.search(r"哪几点|(几|多少)点(要求|内容|意见|措施|做法|经验|成效|任务)|(几|多少)点[?？]?$", question):
        return "点"
    if re.search(r"[几多少]项", question):
        return "项"
    if re.search(r"(几|多少)个(小项|子项|方面|(二级|三级)?指标|事项|任务|措施)", question):  # "分成哪几个小项?"
        return "个"
    if re.search(r"(\d+|(?<!哪)[一两二三四五六七八九十])条", question) or items and all(re.fullmatch(r"第.+条", i.item_number or "") for i in items):
        return "条"  # "那17条措施里…", "只有一条": the asker's own word; articles (第八条) are counted as 条
    return "点" if items and all(i.item_number.endswith("是") for i in items) else "项"


def other_counter(counter: str) -> str:
    """Plans number tasks as 项 and askers count them in 条, or the other way round: a summary
    counts in the asker's word and says a list's length in this one, so either reads true."""
    return {"条": "项", "项": "条", "点": "项"}.get(counter, counter)  # "共4点,即下列4项"


# asking when a task is due: answered by its 完成时限 column when the text does not say
# points asked: 多少分, 几分, 分值, 占多少分 (an assessment's indicators)
ASKS_POINTS = re.compile(r"(多少|几)分(?!之)|分值|分数|满分")


def points_sentence(item: TaskItem, n: int) -> str:
    return f"{item.locality}:{short_heading(item)}分值{item.score}分。依据:{item.section}[{n}]。"


def points_total(items: list[TaskItem]):
    """(the sentence, the computation) adding up the items' points, when every item has points
    that may be added (corpus.table_items: no cell shared by two indicators); else ("", None)."""
    if not items or not all(i.score for i in items):
        return "", None
    if not all(i.score_checked for i in items):
        shared = "、".join(i.section for i in items if not i.score_checked)
        return f"(分值合计未计算:{shared}的分值与相邻指标相同,可能是合并单元格共用一个分值。)", None
    step = compute.total([compute.Number(Decimal(i.score), i.score, "分", "", "", "") for i in items])
    return f"分值合计{step.result}分({step.working})。", step


ASKS_WHEN = re.compile(r"(什么|啥)时(候|间)|何时|多会儿?|哪会儿|时限|期限|截止|完成时间|完成日期|几月(底|份)?前|哪天前")


def deadline_sentence(item: TaskItem, n: int) -> str:
    """"…那条什么时候完成?" of a table row whose time limit is a column, not a sentence."""
    return f"{item.locality}:完成时限为{item.deadline}。依据:{item.section}“{short_heading(item)}”[{n}]。"


def no_lead(item: TaskItem) -> str:
    """What an item without a marked lead has. By the documents' convention it has no lead, and
    the answer says so plainly; a document's own rule for such items ("未明确牵头单位的，由县司法局
    牵头") gives them one, and then the answer quotes the rule instead."""
    rule = next((w.split(":", 1)[1].strip() for w in item.warnings if w.startswith("文件约定")), "")
    if rule:
        return f"该项未明确牵头单位(文件约定:{rule})"
    # in the document's own word first (主办), then in the asker's
    return ("该项没有主办单位,即没有牵头单位(文件未明确牵头)" if lead_word(item) == "主办"
            else "该项没有牵头单位(文件未明确牵头)")


def _unit_sentence_en(item: TaskItem, n: int, intent: str) -> str:
    where = f"{item.locality}, item {item.section}"
    lead, resp = item.lead_units, item.responsible_units
    if item.kind == "point" and lead == () and not resp:
        return f"{where}: the report names no lead or responsible unit [{n}]."
    if lead is None:
        return f"{where}: the unit information is missing from the source text (truncated), so the lead unit is unknown [{n}]."
    parts = [f"lead unit: {names_as_printed(lead)}" if lead else "no lead unit is designated"]
    if resp:
        parts.append(f"responsible units: {names_as_printed(resp)}")
    return f"{where}: " + "; ".join(parts) + f" [{n}]."


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
            shared = f"与{names_as_printed(others)}共同牵头" if others and len(others) < len(lead) else ""
        else:
            shared = f"与{names_as_printed(others, item)}共同牵头" if others else "牵头"
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


def resp_label(item: TaskItem) -> str:
    """The label the note puts on its responsible units, 责任单位 or 责任部门; "" when it has none."""
    return next((w for w in ("责任单位", "责任部门") if w in item.units_raw), "")


def lead_word(item: TaskItem) -> str:
    """The lead role as the document labels it: 主办 where its notes say 主办单位, else 牵头."""
    return "主办" if "主办" in item.units_raw else "牵头"


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
# the one part asked in "只是配合的", "光当责任单位的" (understand.ONLY_SUPPORT reads it too)
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


def _breakdown(items: list[TaskItem], names: frozenset[str], role: str, counter: str) -> str:
    """"其中单独牵头4项、与其他单位共同牵头4项" / "其中2项没有牵头单位": what an asker checks a
    unit's list by next, said when the list holds both kinds."""
    parts = []
    alone, shared = lead_split(items, names)
    if alone and shared:
        parts.append(f"单独牵头{len(alone)}{counter}、与其他单位共同牵头{len(shared)}{counter}")
    if role != "lead" and (none := without_lead(items)):
        parts.append(f"{len(none)}{counter}没有牵头单位")
    return ";".join(parts)


def unit_tasks_text(unit: str, items: list[TaskItem], role: str, lang: str = "zh", counter: str = "项",
                    names: frozenset[str] = frozenset(), elsewhere: list[TaskItem] = (),
                    list_elsewhere: bool = False) -> str:
    """`counter`: the word the asker counts in (几条 -> 共9条); `names`: the stored forms of the
    unit (its role in each item is read by them); `elsewhere`: items where a unit asked about as
    lead only takes part, named after the list so the asker sees the whole of its work, and
    listed like the led ones when the question asks about that part too (`list_elsewhere`:
    "…有要我们牵头的吗?当责任单位的又有几条?")."""
    verb = {"lead": "牵头", "sole": "单独牵头"}.get(role, "参与")
    role = "lead" if role == "sole" else role  # (each listed item is one it leads)
    each = other_counter(counter)
    if lang == "en":
        head = f"{unit} {'leads' if role == 'lead' else 'takes part in'} {len(items)} task item(s):"
        lines = [f"[{n}] {i.locality} {i.section} {short_heading(i, 40)}" for n, i in enumerate(items, start=1)]
        return "\n".join([head, *lines])
    localities = SEP.join(dict.fromkeys(i.locality for i in items))
    head = f"{unit}{verb}的任务共{len(items)}{counter}({localities}),即以下{len(items)}{each}:"
    split = _breakdown(items, names, role, counter) if names else ""
    if split:
        head = f"{unit}{verb}的任务共{len(items)}{counter}({localities}),其中{split}。以下{len(items)}{each}:"
    if role == "support":  # asked only for what it takes part in without leading
        counts = _role_counts(items, names, counter) if names else ""
        head = (f"{unit}不牵头、是{_support_parts(items, names)}的任务共{len(items)}{counter}({localities})"
                + (f",其中{counts}。以下{len(items)}{each}:" if counts else f",即以下{len(items)}{each}:"))
        role = "any"
    elif role == "none_led":  # asked what it leads: it leads none, and takes part in these
        split = _breakdown(items, names, "any", counter) if names else ""
        head = (f"{unit}在文件中没有牵头的任务;是责任单位或配合单位的共{len(items)}{counter}({localities}),"
                + (f"其中{split}。以下{len(items)}{each}:" if split else f"即以下{len(items)}{each}:"))
        role = "any"
    elif role != "lead" and names and (counts := _role_counts(items, names, counter)):
        head = (f"{unit}{verb}的任务共{len(items)}{counter}({localities}),其中{counts}"
                f"{';' + split if split else ''}。以下{len(items)}{each}:")
    # a short list shows more of each task: the asker checks it by what it says, not by its number
    limit = max(LISTING_MIN, min(LISTING_MAX, LIST_CHARS // max(1, len(items) + (len(elsewhere) if list_elsewhere else 0))))
    lines = [f"[{n}] {listed_section(i)} {_listing(i, limit)}{_role_note(i, names, role) if names else ''}{_due(i)}{_points(i)}"
             for n, i in enumerate(items, start=1)]
    if elsewhere and list_elsewhere:
        if role == "lead":  # both parts listed: the whole first ("共涉及3条")
            supporting = _support_counts(elsewhere, names, counter)
            total = len(items) + len(elsewhere)
            head = (f"{unit}共涉及{total}{counter}({localities}),即以下{total}{each},其中牵头{len(items)}{counter}、"
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


def cn_date(date: str) -> str:
    """2024-03-18 -> 2024年3月18日 (and 2024-03 -> 2024年3月, 2024 -> 2024年), as documents write it."""
    parts = [p for p in (date or "").split("-") if p.isdigit()]
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, "年月日")) if parts else date
