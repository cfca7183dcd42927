"""Answers built from TaskItem fields alone: who leads an item, who is responsible, its time limit,
in the document's own role words (a unit's list of items is assistant.unit_lists').

No LLM here: the unit names come from the parsed fields, so they are exactly the documents'
(canonical forms expand abbreviations like 县政府办 -> 县政府办公室, within one locality only).
"""
from __future__ import annotations

import re
from decimal import Decimal

from assistant import compute
from corpus.text import number_in
from corpus.types import TaskItem
from corpus.ditto import points_elsewhere
from corpus.unit_codes import has_codes
from corpus.units import LABELS, nfkc, variants

SEP = "、"
# a collective, not a unit named: 各乡镇人民政府, 有关部门, 县属相关部门, 成员单位
COLLECTIVE = re.compile(r"^各|有关|相关|成员单位|各部门|各单位|等部门")
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
ITEM_CITED = re.compile(r"第([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:项|条)(?![至到—\-~、和及与])|"
                         r"(?:编号|序号)(?:为|是)?([0-9]{1,3})(?![0-9.%])")  # "分工表中编号18的那项"


def cited_number(question: str) -> int | None:
    """The item number a question cites ("第9项…", "编号18的那项"), or None."""
    m = ITEM_CITED.search(question)
    return number_in(m.group(1) or m.group(2)) if m else None


# An item cited by its place in the outline, as printed: "三、（六）那条", "一、（一）②" (② reads 2 once
# normalised), "五、(十一) 32.". A part alone ("三、") names a section, not an item.
_CN = "[一二三四五六七八九十]"
_MARKER = re.compile(rf"(?:(?<!{_CN})({_CN}{{1,3}})、\s*)?(?:[(（]({_CN}{{1,4}})[)）])\s*(?:(\d{{1,2}})(?![\d%％年月日号个项条件次天家名人]))?|"
                     rf"(?<!{_CN})({_CN}{{1,3}})、\s*(\d{{1,2}})(?![\d%％年月日号个项条件次天家名人])")


def cited_marker(question: str) -> tuple[str, str, int | None] | None:
    """(part, sub-part, item number) of an item the question cites by its outline place, or None."""
    m = _MARKER.search(question)
    if not m:
        return None
    if m.group(2):
        return (m.group(1) or "", m.group(2), int(m.group(3)) if m.group(3) else None)
    return (m.group(4), "", int(m.group(5)))


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
    from assistant.question_text import INSTRUCTION

    head = item.heading or item.text
    # a sub-number opening the cell ("1.全面落实…") would read as part of the section's number
    head = re.sub(r"^\s*(\d{1,2}[.．、]|[(（]\d{1,2}[)）])\s*", "", head) or head
    if INSTRUCTION.search(head):  # a document's text that tries to instruct is never echoed
        return item.section
    cut = lambda t: t if len(t) <= limit else t[:limit] + "…"  # noqa: E731
    own, _, rest = item.text.partition("\n")
    if item.heading and item.heading not in own and item.heading in rest:
        # a 承接清单's row is named by the other plan's task it takes over (quoted under the row's own
        # text); what it does here follows
        # (each part quoted as printed: the caller's quotation marks close and reopen around the join)
        return f"{cut(head)}”,本地举措“{cut(re.split(r'(?<=[。；;])', own)[0])}"
    return cut(head)


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
    """The note points to another row's units (`同上`, `同第8项`) or names them by codes (`B4`), and
    some unit the answer gives is printed in it under no name of its own."""
    note = nfkc(note)
    return ((points_elsewhere(note) or has_codes(note))
            and any(not any(nfkc(v) in note for v in variants(u, item.locality)) for u in units))


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
    return not_listed(item, unit)


def not_listed(item: TaskItem, unit: str) -> str:
    """The item does not list the unit. Said of the asker's own unit as 你们单位 or of one the asker
    named as 你问的单位: that name is in no citation, and an answer names no unit its citations lack."""
    return f"这项任务没有列{unit}(不是{lead_word(item)}、责任或{part_word(item)}单位)。"


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


ASKS_WHEN = re.compile(r"(什么|啥)时(候|间)|何时|几时|多会儿?|哪会儿|时限|期限|截止|时间节点|完成时间|完成日期|几月(底|份)?前|哪天前")


def deadline_sentence(item: TaskItem, n: int) -> str:
    """"…那条什么时候完成?" of a table row whose time limit is a column, not a sentence."""
    return f"{item.locality}:完成时限为{item.deadline}。依据:{item.section}“{short_heading(item)}”[{n}]。"


def no_lead(item: TaskItem) -> str:
    """What an item without a marked lead has. By the documents' convention it has no lead, and
    the answer says so plainly; a document's own rule for such items ("未明确牵头单位的，由县司法局
    牵头") gives them one, and then the answer quotes the rule instead."""
    rule = next((w.split(":", 1)[1].strip() for w in item.warnings if w.startswith("文件约定")), "")
    if rule:
        return f"该项没有明确牵头单位(文件约定:{rule})"
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


def resp_label(item: TaskItem) -> str:
    """The label the note puts on its responsible units, 责任单位 or 责任部门; "" when it has none."""
    return next((w for w in ("责任单位", "责任部门") if w in item.units_raw), "")


def lead_word(item: TaskItem) -> str:
    """The lead role as the document labels it: 主办 where its notes say 主办单位, else 牵头."""
    return "主办" if "主办" in item.units_raw else "牵头"


def cn_date(date: str) -> str:
    """2024-03-18 -> 2024年3月18日 (and 2024-03 -> 2024年3月, 2024 -> 2024年), as documents write it."""
    parts = [p for p in (date or "").split("-") if p.isdigit()]
    return "".join(f"{int(p)}{unit}" for p, unit in zip(parts, "年月日")) if parts else date
