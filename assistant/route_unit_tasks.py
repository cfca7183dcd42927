"""A unit's own tasks, from the parsed item fields ("县司法局牵头哪些任务", "我们局今年牵头几项、配合几项?"):
every item the unit leads or takes part in, narrowed to a part or a topic the asker names, with the
time limits, the share of the whole document, and the items it joins without leading when asked.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from assistant import (acting_tasks, compute, deadlines, fields, own_reports, route_counts, route_sections, sections,
                       unit_lists)
from assistant.compute import Computed
from assistant.route_fields import TASK_KINDS
from assistant.topic import LEAD_WORDS, topic_of
from assistant.intents import LEAD_ASK
from assistant.understand import Query
from assistant.unit_reading import ONLY_SUPPORT as _ONLY_SUPPORT
from corpus.types import TaskItem


def unit_tasks(a, query: Query, hits, timings) -> Iterator[dict]:
    if not query.unit:
        text = ("Which unit? Give its full name, e.g. 县司法局." if query.lang == "en"
                else "请告诉我是哪个单位(写全称,例如“县司法局”“市司法局”),我来列出它牵头和参与的任务。")
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "clarify", [], "fields")
        return
    # "分别是牵头还是配合", "摊上了啥?有牵头的吗?": every role, whether any is a lead asked after
    either = re.search(rf"({LEAD_WORDS})还是|还是({LEAD_WORDS})|有(没有)?(它|我们|咱们?|他们|其)?(牵头|挑头|主办)的(吗|么|没有?)?",
                       query.text)  # (挑头还是跟着干: any part asked)
    role = "lead" if (LEAD_ASK.search(query.text) or "lead" in query.text.lower()) and not either else "any"
    if _ONLY_SUPPORT.search(query.text) and not LEAD_ASK.search(_ONLY_SUPPORT.sub("", query.text)):
        role = "support"  # "不挑头、只配合的有哪几条?": the items it takes part in, not leads (not
        # "我们牵头的有哪些?还有没有只是配合的", which asks both)
    items = _select(a, query, role="any" if role == "support" else role)  # in document order
    if role == "lead" and _NOT_LED.search(query.original) and not _PART_WORDS.search(query.original) and items:
        # "不是司法局牵头的任务有几条?各是谁牵头": the document's other tasks, as a count by a field
        names = _names(a, query) | {query.unit}
        here = [i for i in items if not query.localities or i.locality in query.localities] or items
        answer = route_counts.answer_by_field(a, query, here, lambda i: not names & set(i.lead_units or ()),
                                              f"{query.unit}不是牵头单位", rest_said=f"由{query.unit}牵头",
                                              named=query.unit)
        yield from answer(a, query, hits, timings)
        return
    if role == "support":
        named = _names(a, query) | {query.unit}
        led = [i for i in items if named & set(i.lead_units)]
        items = [i for i in items if i not in led]
        role = "support" if led else "none_led"  # it leads nothing at all: say so first
    if query.localities:
        items = [i for i in items if i.locality in query.localities]
    if query.docs:  # "2009年那份…方案里,县政府法制办要做哪些?": that document's only
        items = [i for i in items if i.doc_id in query.docs]
    if role in ("support", "none_led"):  # (of the places asked: another may give it the other part)
        items = unit_lists.of_part_asked(items, _names(a, query) | {query.unit}, query.text)
    if not items and role == "lead":
        # "县公安局有没有挑头的活?光配合的有几项?": it leads none, and where it takes part is the answer
        items = [i for i in _select(a, query, role="any")
                 if not query.localities or i.locality in query.localities]
        role = "none_led" if items else role
    if not items:
        # in sentences that make it their subject, or in a report it wrote on its own work
        acting = (_acting(a, query) or (own_reports.own_work_reply(a, query) if role == "any" else None)
                  or (_acting(a, query, labelled=True) if role == "any" else None))
        if acting:
            yield {"type": "delta", "text": acting[0]}
            yield a.final(query, acting[0], "answered", acting[1], "fields")
            return
        yield a.not_found(query, hits, extra=f"({query.unit}在文件中没有{'牵头' if role == 'lead' else '承担'}的任务。)")
        return
    if (role == "lead" and _SOLE.search(query.original)
            and (not _JOINT.search(query.original) or _JOINT_LEFT_OUT.search(query.original))
            and not _SOLE_CHECKED.search(query.original)):
        # "市司法局一家独自挑头的条目有多少?": the items it leads alone, not those led with others
        alone = unit_lists.lead_split(items, _names(a, query))[0]
        if alone:
            items, role = alone, "sole"
    counter = fields.counter_of(query.original, items)
    names = _names(a, query)
    if deadlines.asks(query.original):  # "…牵头的活,哪一项完成时限最早?"
        yield from _first_due(a, query, items, role, counter)
        return
    in_part = _part_of_list(a, query, items)
    topic, within = in_part[:2] if in_part else _topic_of_list(a, query, items)
    if within:
        # "…行政复议、行政应诉方面我们挑头的是哪几条": the unit's items on that topic only
        text = unit_lists.unit_tasks_on_topic_text(query.unit, within, items, role, topic, counter, names)
        cited = [(i, i.text[:100]) for i in within]
        counts = (Computed(str(len(within)), tuple(i.section for i in within), f"{len(within)}{counter}"),)
        if role == "lead":  # on the same topic, where it is named without leading: said after the list
            others = [i for i in _select(a, query, role="any") if i not in items
                      and (not query.localities or i.locality in query.localities)]
            if in_part:  # "(六)那一小节,我们打头的是哪几项?只挂责任单位的又是哪项": the same part's, when asked
                also = [i for i in others if i in in_part[2]] if _ASKS_PART.search(query.original) else []
            else:
                also = _topic_of_list(a, query, others, some=False)[1] if others else []
            if also:
                text += "\n" + unit_lists.not_leading_line(query.unit, also, len(within) + 1, names, counter,
                                                       scope="同一部分" if in_part else "同一方面")
                cited += [(i, i.units_raw or i.text[:100]) for i in also]
                counts += (Computed(str(len(also)), tuple(i.section for i in also), f"{len(also)}{counter}"),)
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered", cited, "fields", computed=counts)
        return
    elsewhere = []
    if role == "lead":
        led = {i.item_id for i in items}
        elsewhere = [i for i in _select(a, query, role="any")
                     if i.item_id not in led and (not query.localities or i.locality in query.localities)]
    asks_part = bool(_ASKS_PART.search(query.original))
    text = unit_lists.unit_tasks_text(query.unit, items, role, query.lang, counter, names, elsewhere, asks_part)
    points, step = fields.points_total(items) if fields.ASKS_POINTS.search(query.original) else ("", None)
    text += f"\n{points}" if points else ""  # "…挂牵头的指标,分值加起来多少?"
    # ("我们牵头的有几条、只负责的有几条?合计多少条": the sum of its two parts, which the list gives)
    whole, whole_steps = _whole_document(a, query, items, role, counter) if not (asks_part and elsewhere and not
                                                                                 _ASKS_SHARE_OF_ALL.search(query.original)) else ("", ())
    text = f"{whole}\n{text}" if whole else text
    yield {"type": "delta", "text": text}
    groups = [items, elsewhere, [*items, *elsewhere]]
    if role in ("any", "support"):  # "其中牵头8项、责任单位3项"
        groups += list(unit_lists.role_groups(items, names).values())
    if elsewhere and asks_part:  # "(其中负责2条、配合1条)"
        groups += list(unit_lists.role_groups(elsewhere, names).values())
    groups += [*unit_lists.lead_split(items, names), unit_lists.without_lead(items)]  # "其中单独牵头4项…"
    counts = tuple(Computed(str(len(group)), tuple(i.section for i in group), f"{len(group)}{counter}")
                   for group in groups if group) + ((step,) if step else ()) + whole_steps  # from the cited items
    cited = [*items, *elsewhere]
    if whole:  # the whole count is over every task of the document: each is cited, the unit's first
        cited += [i for i in route_counts.doc_tasks(a, items[0].doc_id) if i not in cited]
    yield a.final(query, text, "answered", [(i, i.text[:100]) for i in cited], "fields",
                  computed=counts)  # each quote is what the list shows of the item


def _acting(a, query: Query, labelled: bool = False) -> tuple[str, list] | None:
    """(reply, citations) listing what a document with no unit notes gives the unit to do in its
    sentences (see assistant.acting_tasks), or None when no such sentence names it. `labelled`:
    in documents that print notes too, for a unit that no note names (a plan's 县财政局要保障经费
    in a paragraph with no note): the work its sentences give it is all the document gives it."""
    pool = [i for i in (a.items if labelled else acting_tasks.unlabelled(a.items))
            if (not query.docs or i.doc_id in query.docs) and (not query.localities or i.locality in query.localities)]
    found = acting_tasks.acting_sentences(pool, query.unit)
    if not found:
        return None
    # (the unit as the document prints it, which the citations hold: 市法制办, asked as 市政府法制办)
    printed = found[0][2]
    said = (f"文件没有把{printed}列为任何一项的牵头或责任单位" if labelled else "文件没有用牵头、责任单位的说法分工")
    lines = [f"{said};按原文,{printed}要做的有{len(found)}处:"]
    lines += [f"[{n}] {item.locality}{fields.listed_section(item)}“{sentence}”"
              for n, (item, sentence, _) in enumerate(found, start=1)]
    return "\n".join(lines), [(item, sentence) for item, sentence, _ in found]


def _select(a, query: Query, role: str) -> list[TaskItem]:
    """The items of the unit asked about, and of its kin: a township asking is every township
    collective of its place (各镇人民政府、街道办事处 in one note, 各镇(街道) in another)."""
    kin = a.unit_names.township_kin(query.unit, query.localities)
    if len(kin) == 1:
        return a.searcher.select(unit=query.unit, role=role)
    found = {i.item_id: i for unit in kin for i in a.searcher.select(unit=unit, role=role)}
    return sorted(found.values(), key=lambda i: (i.doc_id, i.span[0]))


def _names(a, query: Query) -> frozenset[str]:
    kin = a.unit_names.township_kin(query.unit, query.localities)
    return frozenset(n for unit in kin for n in (unit, *a.searcher.maps.names_for(unit)))


def _first_due(a, query: Query, items: list[TaskItem], role: str, counter: str) -> Iterator[dict]:
    latest = deadlines.asks_latest(query.original)
    first, undated = deadlines.first_due(items, latest)
    doing = {"lead": "牵头", "sole": "单独牵头"}.get(role, "承担")
    if first is None:
        yield a.not_found(query, [], extra=f"({query.unit}{doing}的任务都没有写具体的完成日期。)")
        return
    dated = sorted((i for i in items if i not in undated), key=lambda i: deadlines.due(i)[0], reverse=latest)
    limit = deadlines.due(first)[1]
    # every number said is of the cited items (the dated ones): the undated are not counted aloud
    lines = [f"{query.unit}{doing}的任务中写了具体完成时限的有{len(dated)}{counter},{'最晚' if latest else '最早'}的是"
             f"{first.locality}{fields.listed_section(first)}“{fields.short_heading(first, 40)}”({limit})[1]。",
             "按完成时限排列:" + ";".join(f"{fields.listed_section(i)}“{fields.short_heading(i, 16)}”({deadlines.due(i)[1]})[{n}]"
                                          for n, i in enumerate(dated, start=1))]
    if undated:
        lines.append(f"其余的没有写具体日期(如“{undated[0].deadline or '长期坚持'}”),不参与比较。")
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", [(i, i.text[:100]) for i in dated], "fields")


# the asker wants the unit's share of the whole list too: "一共多少项?市司法局牵头的占几项?"
_ASKS_SHARE_OF_ALL = re.compile(r"全部|全文|所有任务|占(了)?[^?？,，]{0,6}?(几|多少|比|百分之)|比例|比重")
_ASKS_WHOLE = re.compile(r"一共|总共|共有|共计|总数|合计|全部(任务)?(有)?(多少|几)|占(了)?(几|多少|比|百分之)|比例|比重")


def _whole_document(a, query: Query, items: list[TaskItem], role: str, counter: str) -> tuple[str, tuple]:
    """("荪汀市《…》共16项任务,市司法局牵头7项,占43.8%。", the counts) when the question asks how many
    tasks the list has in all, or the unit's share of it, and the unit's items are in one document;
    of one section when the question names one ("第五部分执法那一大块,县司法局挑头的占几成?")."""
    if not _ASKS_WHOLE.search(query.original) or len({i.doc_id for i in items}) != 1:
        return "", ()
    tasks = route_counts.doc_tasks(a, items[0].doc_id)
    where = f"{items[0].locality}《{items[0].title}》"
    part = _named_part(a, query, items[0].doc_id)
    if part is not None and len(part.items) < len(tasks):
        tasks = [i for i in part.items if i.kind in TASK_KINDS]
        items = [i for i in items if i in tasks]
        where += f"{sections.section_number(part)}{part.title}"
    if len(tasks) <= len(items) or not items:
        return "", ()
    total = Computed(str(len(tasks)), tuple(i.section for i in tasks), f"{len(tasks)}{counter}")
    part = Computed(str(len(items)), tuple(i.section for i in items), f"{len(items)}{counter}")
    pct = compute.share(part, compute.Number(Decimal(len(tasks)), str(len(tasks)), counter, "", "", ""))
    doing = {"lead": "牵头", "sole": "单独牵头"}.get(role, "承担")
    half = ""
    if re.search(r"过半|一半|半数", query.original):  # "占全部的比例过半了吗?"
        half = ",超过一半" if 2 * len(items) > len(tasks) else (",正好一半" if 2 * len(items) == len(tasks) else ",不到一半")
    text = (f"{where}共{len(tasks)}{counter}任务,{query.unit}{doing}{len(items)}{counter},"
            f"占{pct.result}%({len(items)}{counter} ÷ {len(tasks)}{counter} ≈ {pct.result}%){half}。")
    return text, (total, part, pct)


# the tasks a unit does not lead ("不是司法局牵头的有几条?"); not "不是我们牵头、只把我们列在责任单位
# 里的", which asks the asker's own items where it only takes part
# (not 是不是…主办的: a yes-or-no question, "是不是把共同主办的也算进去了")
_NOT_LED = re.compile(r"((?<!是)不是|不由|并非)(?P<who>[^,，。?？我咱本]{2,12}?)(牵头|挑头|主办|领头)的")
_PART_WORDS = re.compile(r"责任单位|配合|参与|参加|协办|列[在进入]|写[进到了]|点[名到了]|挂名")


# a lead alone, not with others: 单独, 独自, 一家独自, 独家, 自己一家
_SOLE = re.compile(r"单独|独自|独家|一家(独|单)|自己一家|独立(牵头|挑头|主办)|光(它|我们)一家")
# "…牵头的有几条?是不是都是单独牵头": whether all are led alone is checked against every item it
# leads (the list's own split says it), not a filter to those it leads alone
_SOLE_CHECKED = re.compile(r"(是不是|是否|都是|全是|全都是?)[^,，?？]{0,3}(单独|独自|独家|一家(独|单))|(单独|独自|独家)[^,，?？]{0,6}(吗|么|吧)")
# (both asked: "单独牵头和跟人一起牵头的各几项")
_JOINT = re.compile(r"共同|一起|联合|合牵|跟(人|别人|其他|别的)|与(其他|别的)|和(其他|别的)")
# ... unless the joint ones are left out in so many words: "联合牵头的除外", "一起牵头的不算"
_JOINT_LEFT_OUT = re.compile(r"(共同|一起|联合|合牵)[^,，?？]{0,8}?(除外|不算|不要算|不计|排除在外)|(除去|去掉|不含|不算|不包括)[^,，?？]{0,6}?(共同|一起|联合|合牵)")


# the words that name a part (sections' own list less 方面: "行政复议方面" narrows a unit's list by
# topic, _topic_of_list below, not to a section of the document)
_A_PART = re.compile(r"部分|大块|那块|这块|板块|章|节|[那这]一?类|类别|栏目")


# the other part asked too: "…哪些挂了我们?哪项是我们牵头?" asks every item that names the unit
_ASKS_PART = re.compile(r"责任单位|配合|参与|参加|协办|协助|打下手|(只|光|仅|单)[^?？,，]{0,6}负责|分工负责|(挂|写|列)了?(我们|咱|名)|点到|点了|点名|被点|提到|出现|涉及|有关|"
                        r"露[了过]?(几次)?面|露脸|有份|列进|列入|写进|写到|有(我们|咱们?|我局|本单位)(几|多少|哪)")


def _part_of_list(a, query: Query, items: list[TaskItem]) -> tuple[str, list[TaskItem], tuple] | None:
    """(the part, the unit's items in it, every item of the part) when the question names a part of the unit's one
    document ("“行政执法”那一类里我们牵头几条", "第三部分我们负责哪些"); a share of the part asked
    is `_whole_document`'s."""
    if (_ASKS_WHOLE.search(query.original) or len({i.doc_id for i in items}) != 1
            or re.search(r"(其他|其它|别的|其余)(部分|地方|条目|板块)", query.original)):
        return None  # "…科技保障那部分有我们的事吗?其他部分呢?": the whole list, part by part
    part = _named_part(a, query, items[0].doc_id)
    if part is None:
        return None
    within = [i for i in items if i in part.items]
    if not within or len(within) == len(items):
        return None
    return f"{sections.section_number(part)}{part.title}", within, tuple(part.items)


def _named_part(a, query: Query, doc_id: str):
    """The section of the unit's document the question names by its number or as a part
    ("第五部分", "执法那一大块"), the unit's own name left out of the words that find it."""
    if not (sections.NUMBERED.search(query.original) or _A_PART.search(query.original)):
        return None
    q = query.original
    for name in sorted({query.unit, *a.searcher.maps.names_for(query.unit)}, key=len, reverse=True):
        q = q.replace(name, " ") if name else q
    match = sections.find(q, route_sections.outline_of(a), a.evidence.coverage, (doc_id,), query.localities)
    return match.section if match else None


# a topic the asker narrows a unit's list to: "行政复议方面", "执法这块", "跟营商环境有关的"
_ON_TOPIC = re.compile(r"(?:在|关于|涉及|跟|和|与)?(?P<topic>[\u4e00-\u9fff、和及与“”\"]{2,24}?)(?:方面|领域|这块|这一块|这一方面|相关|有关)")
# "复议、出庭应诉、调解这几条里": the topics listed, then the items pointed at
_ON_TOPICS = re.compile(r"(?P<topic>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)这(几|些|两|三)(条|项|块)")


_DOC_PLACE = re.compile(r"^.*?(方案|要点|清单|文件|通知|安排|分工表|细则|计划)(里|中|上|当中)")


def _topic_of_list(a, query: Query, items: list[TaskItem], some: bool = True) -> tuple[str, list[TaskItem]]:
    """(the topic, the unit's items about it) when the question narrows the list to a topic that
    some but not all of them are about (`some`; any of them otherwise); ("", []) otherwise."""
    for m in [*_ON_TOPIC.finditer(query.text), *_ON_TOPICS.finditer(query.text)]:
        said = re.split(r"在|关于|涉及", _DOC_PLACE.sub("", m.group("topic")))[-1]
        for name in sorted({query.unit, *a.searcher.maps.names_for(query.unit)}, key=len, reverse=True):
            said = said.replace(name, "") if name else said  # "司法局这块": the unit itself, not a topic
        topic = topic_of(said, query.localities)
        if not a.evidence.has_content(topic):
            continue
        # "复议、出庭应诉、调解这几条里": a list of topics, an item about any one of them
        topics = [t for t in (topic_of(p, query.localities) for p in re.split(r"[、和及与]", said)) if len(t) >= 2]
        within = unit_lists.items_about(a.evidence, topics if len(topics) >= 2 else [topic], items)
        if within and (len(within) < len(items) or not some):
            return said.strip("“”\"、和及与"), within
    return "", []
