"""Questions answered by counting items on their fields: "几项没写牵头单位?", "完成时限写的是“长期坚持”的有几项?",
"两个单位搭伙牵头的是哪几项?", "限6月底前干完的有几项?", "X牵头的那几条里,有几条把Y列成了责任单位?".

The items of one document are filtered by a field (lead units, a role of a named unit, the time
limit, a quoted value) and counted and listed in document order; the count is the asker's filter
applied to parsed fields, so the answer cites every item it counts.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterator

from assistant import compute, deadlines, fields, unit_filters, unit_lists
from assistant.compute import Computed, Number
from assistant.intents import LEAD_ASK
from assistant.understand import Query
from corpus.periods import PERIOD, target_for, targets
from corpus.types import TaskItem
from corpus.units import nfkc

TASK_KINDS = ("task", "point")
ASKS_SHARE = re.compile(r"占(了)?[^?？,，;；]{0,6}?(多大|多少|几成|百分之几|一半|半数)|占比|比例|比重|百分之(几|多少)|几成|过半|超过一半|一半了")
# (有没有牵头 asks whether there is a lead, not for the items without one; a count never reaches
# across a question mark into the next question)
_NOT_SAID = r"(?<!有)(没|未|无)有?(写|明确|列明|标明|注明|写明|写出|列出|标出|落实|指定|确定|定|设|安排|点名|到){0,3}(谁|哪个单位)?"
# (counted or listed: "几项没写牵头单位?", "哪些任务没有设牵头单位?")
NO_LEAD = re.compile(rf"((几|多少)[项条]|哪(些|几)[项条]?(任务|事项|工作)?)[^?？]{{0,8}}{_NOT_SAID}牵头|"
                     rf"{_NOT_SAID}牵头(单位)?的[^?？]{{0,6}}((几|多少)[项条]|哪(些|几))")

# "一共多少项,其中…的有几项?": the whole counted before the part the filter picks
# (the whole said as such, 一共 / 多少事项: "…的有几条?其中X参与的…" narrows the filtered items instead)
_ASKS_WHOLE = re.compile(r"((一共|总共|总计|合计|全文|整个)[^?？,，]{0,6}?(多少|几)[个项条件]?|(多少|几)[个项条件]?(事项|任务))"
                         r"[^?？,，]{0,4}[,，、?？]?\s*(其中|这里面|里面|当中|这些里)")


def answer_no_lead(a, query: Query, items: list[TaskItem]) -> Callable:
    return answer_by_field(a, query, items, lambda i: i.lead_units == (), "没有写牵头单位",
                            empty="的任务都写明了牵头单位", unreadable=lambda i: i.lead_units is None)


# "完成时限写的是“长期坚持”的有几项?", "牵头单位一栏写了三家的有几项?": items counted by a field
_ASKS_COUNT = r"[^?]{0,12}?((几|多少)[项条]|哪(些|几)[项条])"  # how many items, or which items
_DEADLINE = r"(完成时限|时限|完成时间|时间节点|完成期限)"
_DEADLINE_IS = (re.compile(_DEADLINE + r"[^?]{0,8}?[“\"](?P<value>[^”\"]{1,10})[”\"]"  # quoted, maybe one of several
                           r"((或者?|和|、|及|以及)[“\"][^”\"]{1,10}[”\"]([^?？,，]{0,10}?的)?)*的?" + _ASKS_COUNT),
                # ("为12月底前(2024年)的": the year in brackets after the limit is its year)
                re.compile(_DEADLINE + r"(写的是|写的|写着|写|是|为)(?P<value>[^?,的“”()]{1,8})(\((?P<year>(19|20)\d{2})年?\))?的" + _ASKS_COUNT),
                # "有多少项任务的完成时限写的是“全年”?": the count asked first
                re.compile(r"(几|多少)[项条][^?？]{0,8}?" + _DEADLINE + r"[^?？]{0,8}?[“\"](?P<value>[^”\"]{1,10})[”\"]"))
# "牵头领导写“县委常委、常务副县长”的有几项?": any field (or the text) holding the quoted words
# (a field said to be written so, not a heading quoted: "“制度建设”这一类有几项?" is a section)
_QUOTED_IS = re.compile(r"(?P<field>[\u4e00-\u9fff]{2,6}?)(一栏|栏)?(?P<verb>写的是|写的|写着|写了|写|填的是|填的|填|挂的是|挂着|挂|列的是|列着|列|标的是|标着|是|为)"
                        r"[“\"](?P<value>[^”\"]{1,20})[”\"]的?" + _ASKS_COUNT)
_ROLE_VALUES = {"牵头", "配合", "负责", "协办", "主办", "参与", "责任", "牵头单位", "配合单位", "责任单位"}
_EMPTY_MARKS = {"—", "——", "-", "--", "/", "／", "无", "空", "空白", "－"}


# "定到100%的有几条?": a percentage set as a target, unquoted
_FIGURE_IS = re.compile(r"(定到|定为|定在|达到|提到|写到|写成|要求到?|设为)(?P<value>\d{1,3}(\.\d+)?[%％])的?" + _ASKS_COUNT)
# "限6月底前干完的有几项?": a time limit said as a date, the items due then
# ("10月底以前(含10月底)的任务有几项?": the same, said with 以前 and what it includes)
_DUE_BY = re.compile(r"(?P<value>(\d{4}年)?\d{1,2}月(底|末|中旬|上旬|下旬|\d{1,2}日)?[以之]?前|年底[以之]?前)"
                     r"(?P<upto>\(含[^()]{0,8}\)|及以前|及之前|及更早|或更早)?[^?,]{0,4}?"
                     r"(干完|完成|办完|做完|办结|完工|到期)?的" + _ASKS_COUNT)
# "完成时限落在2024年12月的有几项?": a month, not a time limit before it (12月底前 is _DUE_BY's)
_IN_MONTH = re.compile(r"(落在|定在|在|为|是)(?P<value>(\d{4}年)?\d{1,2}月)(?![底末\d]|份?[前内])[^?？]{0,16}?的" + _ASKS_COUNT)
_MONTH = re.compile(r"(?:(\d{4})年)?(\d{1,2})月|(年底|年末)")
_PERIOD_ENDS = {"上半年": 6, "一季度": 3, "前三季度": 9, "二季度": 6, "三季度": 9}
_PERIOD = re.compile(r"上半年|第?一季度|前三季度")
CN_DIGIT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def doc_tasks(a, doc_id: str) -> list[TaskItem]:
    """A document's tasks (and report points) in text order."""
    return sorted((i for i in a.items if i.doc_id == doc_id and i.kind in TASK_KINDS), key=lambda i: i.span[0])


def value_filter(a, query: Query, items: list[TaskItem]):
    """(what the items must have, how to say it) when the question counts items and names, word
    for word, a value of the document's 完成时限 column ("只写了长期坚持的有几项?"), or lists or
    counts them by a value of a ledger's 完成状态 column ("哪些任务滞后?", "已完成的有几项?"): the
    columns' own values say what the asker may filter on, whatever words frame them."""
    if not items:
        return None
    doc = items[0].doc_id
    tasks = [i for i in a.items if i.doc_id == doc and i.kind in TASK_KINDS]  # (which, not in what order)
    statuses = {i.status.strip() for i in tasks if i.status}
    said = [v for v in statuses if len(v) >= 2 and v in query.original]
    if said and re.search(r"几|多少|哪些|哪几|哪项|哪条|有啥|有什么|列一下|都有", query.original):
        value = max(said, key=len)
        return (lambda i: (i.status or "").strip() == value), f"完成状态为“{value}”"
    if not re.search(r"(几|多少)[项条]", query.original):
        return None
    values = {i.deadline.strip() for i in tasks if i.deadline}
    said = [v for v in values if len(v) >= 3 and v in query.original]
    if not said:
        return None
    value = max(said, key=len)
    return (lambda i: (i.deadline or "").strip() == value), f"完成时限为“{value}”"


# "一季度就有目标的是哪几项", "2027年没安排目标的": a plan's targets by period (a column per period,
# each cell said with its period in the item's text: `一季度：…；二季度：—`)
_PERIOD_TARGET = re.compile(rf"(?P<period>{PERIOD}|今年|明年|后年)"
                            r"(?:就|才|还|已经?|都)?(?P<neg>没有?|未|不)?(?:安排|有|设|布置)了?(?:具体)?的?目标")
_YEARS_ON = {"今年": 0, "明年": 1, "后年": 2}


def field_filter(question: str):
    """(what the items must have, how to say it), or None."""
    m = _PERIOD_TARGET.search(question)
    if m:
        said = m.group("period")

        def period_of(i: TaskItem) -> str:  # 今年 / 明年 / 后年: the year of the plan's date, and after
            return f"{int(i.date[:4]) + _YEARS_ON[said]}年" if said in _YEARS_ON and i.date[:4].isdigit() else said

        has = lambda i: (target_for(i.text, period_of(i)) or "—") not in ("—", "-", "/", "")
        if m.group("neg"):  # (only in a plan whose items give targets by period)
            return (lambda i: bool(targets(i.text)) and not has(i)), f"{said}没有安排目标"
        return has, f"{said}有目标"
    m = next(filter(None, (p.search(question) for p in _DEADLINE_IS)), None)
    if m:
        value = m.group("value").strip()
        if "year" in m.groupdict() and m.group("year") and not value.startswith(m.group("year")):
            value = f"{m.group('year')}年{value}"
        # "写“长期坚持”或者“持续推进”的": either value
        values = [value] + re.findall(r"[“\"]([^”\"]{1,10})[”\"]", question[m.end("value"):])[:3]
        values = values[:1] + [v for v in values[1:] if re.search(rf"(或者?|和|、|及|以及)[“\"]{re.escape(v)}", question)]
        said = "”或“".join(values)
        return (lambda i: any(v in (i.deadline or "") for v in values)), f"完成时限为“{said}”"
    m = _QUOTED_IS.search(question)
    if m and m.group("value").strip() in _ROLE_VALUES:
        m = None  # "我们股挂“牵头”的是哪几项": the unit's part asked, not a field's value
    # the role the field names, and the word it is named by ("配合栏里" -> participating_units, 配合)
    role, word = next(((f, w.group(0)) for f, words in unit_filters.ROLE_PATTERNS if (w := words.search(m.group("field")))),
                      ("", "")) if m else ("", "")
    if role and m.group("value").strip() in _EMPTY_MARKS:
        # "牵头单位栏是“—”的有几项?": a unit column left empty (— / 无) is one that names no unit
        return (lambda i: not getattr(i, role)), f"{m.group('field')}为“{m.group('value').strip()}”(未写明)"
    if m and (m.group("verb") not in ("是", "为") or re.search(r"(领导|单位|部门|时限|时间|节点|期限|备注|栏)$", m.group("field"))):
        # the field as printed (牵头领导：…), its time limit, or the task's own words
        value = m.group("value").strip()
        field = re.split(r"里|中|的", m.group("field"))[-1]  # "清单里牵头领导" -> 牵头领导
        if role and not re.search(r"领导|时限|时间|期限|备注", m.group("field")):
            # "配合栏里写了“各乡镇人民政府”的": that role's units (a table's columns leave no note)
            return (lambda i: any(value in u for u in getattr(i, role) or ()) or value in i.units_raw), f"{word}栏写“{value}”"
        return (lambda i: value in f"{i.units_raw}\n{i.deadline}\n{i.text}"), f"{field}写“{value}”"
    m = _FIGURE_IS.search(question)
    if m:  # "把哪项指标定到100%的一共有几条?": the items whose text sets that figure
        value = m.group("value").replace("％", "%")
        return (lambda i: bool(re.search(rf"(?<![\d.]){re.escape(value)}", nfkc(i.text)))), f"指标写到{value}"
    m = _IN_MONTH.search(question)
    if m:  # "完成时限落在2024年12月(含“12月底前”)的有几项": every limit in that month
        asked = _month_of(m.group("value"))
        return (lambda i: _in_month(i.deadline, asked)), f"完成时限在{m.group('value')}"
    m = _PERIOD.search(question)
    if m and re.search(_ASKS_COUNT, question[m.end():]):  # "完成时限在上半年的有几项?": every limit up to its last month
        asked = (0, _PERIOD_ENDS[m.group(0).lstrip("第")])
        return (lambda i: _due_by(i.deadline, asked)), f"完成时限在{m.group(0)}(含{asked[1]}月底前)"
    m = _DUE_BY.search(question)
    if m:  # the column, or the task's own words when the document has no column
        value = m.group("value")
        if m.group("upto"):  # "卡在9月底前(含)的": every limit up to that month, not only that one
            asked = _month_of(value)
            return (lambda i: _due_by(i.deadline, asked) if i.deadline else value in i.text), f"完成时限在{value}(含)"
        return (lambda i: value in (i.deadline or i.text)), f"完成时限为{value}"
    return None


_PARTS = r"牵头|领衔|挑头|主办|主抓|负责|参与|参加|配合|协办|承担"


def with_unit(a, query: Query, by_field):
    """A field filter narrowed to a named unit's items, when the question names the unit with its
    part ("县司法局领衔、时限卡在2024年12月的任务一共几项"): leads when a lead word is said, else
    any part; the filter as it is when no unit is named."""
    if not by_field or not query.unit:
        return by_field
    mention = a.unit_names.find(query.original, query.localities)
    # the unit must be tied to its part where it is named ("县司法局领衔、…", "X牵头的"), not merely
    # named elsewhere in the question (the asker's own unit, a clause asking who leads each)
    tied = mention and re.search(re.escape(mention.said) + r"[^,，?？;；]{0,3}?(" + _PARTS + ")", query.original)
    if not tied:
        return by_field
    keep, said, *rest = by_field
    names = frozenset(a.searcher.maps.names_for(query.unit)) | {query.unit}
    leads = bool(LEAD_ASK.search(tied.group(1)))

    def named(item: TaskItem) -> bool:
        units = (item.lead_units or ()) if leads else item.all_units
        return keep(item) and any(unit_lists.is_named(u, names) for u in units)

    return (named, f"{query.unit}{'牵头' if leads else '参与'}、{said}", *rest)


def _in_month(deadline: str, asked: tuple[int, int] | None) -> bool:
    due = _month_of(deadline)
    return bool(due and asked) and due[1] == asked[1] and (not due[0] or not asked[0] or due[0] == asked[0])


def _month_of(text: str) -> tuple[int, int] | None:
    """(year or 0, month) of the first month a time limit names: "2024年6月底前" -> (2024, 6), "年底前" -> (0, 12)."""
    m = _MONTH.search(text or "")
    if not m:
        return None
    return (0, 12) if m.group(3) else (int(m.group(1) or 0), int(m.group(2)))


def _due_by(deadline: str, asked: tuple[int, int] | None) -> bool:
    """A time limit column falls on or before the month asked ("全年", "长期坚持" never do); a year
    not said on one side is the document's own."""
    due = _month_of(deadline)
    if not due or not asked:
        return False
    if due[0] and asked[0] and due[0] != asked[0]:
        return due[0] < asked[0]
    return due[1] <= asked[1]


# "X牵头的那几条里,有几条把Y列成了责任单位?", "有几条的配合单位里有Y?": items counted by a unit's role
_SCOPE_SPLIT = re.compile(r"(里|中|当中|之中)[,，]?(?=[^,，]*(几|多少)[项条])")


def role_filter(a, query: Query):
    """(what the items must have, how to say it) when the question counts the items where a named
    unit holds a role, optionally among the items another unit leads; None otherwise."""
    q = query.original
    if re.search(r"(哪些|哪几|几项|几条|多少)[^?？]*[?？,，;；]\s*其中", q):
        return None  # "…被点名的条目有哪些?其中哪几条是它牵头?": its whole list, by part (unit_tasks)
    parts = _SCOPE_SPLIT.split(q, maxsplit=1)
    scope, asked = (parts[0], parts[-1]) if len(parts) > 1 else ("", q)
    # the count comes first and the unit and its role are what the counted items have:
    # "有几条把Y列成了责任单位", "有几项的配合单位里有Y" (not "Y负责的工作有几项要求")
    count = re.search(r"(几|多少)[项条]", asked)
    filtered = re.split(r"[?;]", asked[count.end():])[0] if count else ""  # within the counting clause
    unit = a.unit_names.find(filtered, query.localities) if filtered else None
    role = next((field for field, words in unit_filters.ROLE_PATTERNS if words.search(filtered)), None)
    if not role and re.search(r"单位|部门|列|出现|涉及", filtered):
        role = "all_units"  # "有几条把县人民法院列进了单位里?": in any role
    if not unit or not role:
        return None
    names = set(a.searcher.maps.names_for(unit.name))
    said = f"{unit.name}为{ {'lead_units': '牵头单位', 'responsible_units': '责任单位', 'participating_units': '配合单位', 'all_units': '单位(牵头、负责或参加)'}[role]}"
    leader = a.unit_names.find(scope, query.localities) if scope and "牵头" in scope else None
    lead_names = set(a.searcher.maps.names_for(leader.name)) if leader else set()
    if leader:
        said = f"{leader.name}牵头、{said}"

    # "有几条不是司法局牵头的?": the items where it does not hold the role
    at = filtered.find(unit.said)
    # ("是不是…" asks whether, it negates nothing)
    negated = at > 0 and bool(re.search(r"((?<!是)不是|不由|并非|没让|没有让)[^,，?？]{0,3}$", filtered[:at]))
    rest_said = ""
    if negated:
        rest_said = "" if leader else f"中{said}"  # the items left are those where it does hold the role
        said = said.replace("为", "不是", 1)
    named = unit.name if negated else ""

    def keep(item: TaskItem) -> bool:
        has_role = bool(names & set(getattr(item, role) or ()))
        return has_role != negated and (not leader or bool(lead_names & set(item.lead_units or ())))

    # with every role counted, which of them it leads ("有它牵头的吗?")
    return (keep, said, "", None, (unit.name, names), rest_said, named) if role == "all_units" else (keep, said, "", None, None, rest_said, named)


def answer_by_field(a, query: Query, items: list[TaskItem], keep, said: str, empty: str = "",
                     unreadable=None, leads=None, rest_said: str = "", named: str = "", more: tuple = (),
                     steps: tuple = ()) -> Callable:
    """The items of the document that `keep` picks, counted and listed in document order.
    `unreadable`: items whose field cannot be read (truncated text), said so after the list.
    `rest_said`: what the items not picked have in common ("有几条不是司法局牵头": 由市司法局牵头),
    said with the first of them cited, where the unit the answer names is printed. `named`: that
    unit; when no item cited prints it (it leads nothing here), it is said as 你问的单位.
    `more`: further (keep, how to say it) the question asks in its other clauses, each answered
    after the first in the same way; `steps`: what else the first one computed."""
    docs = list(dict.fromkeys(i.doc_id for i in items))[:1]

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        pool = doc_tasks(a, docs[0]) if docs else []
        found = [i for i in pool if keep(i)]
        head = pool[0] if pool else items[0]
        if not found:
            text = f"{head.locality}《{head.title}》{empty or f'中没有{said}的任务'}[1]。"
            yield {"type": "delta", "text": text}
            # the document is cited by its first task: the reader can open it, and its title (the
            # answer names it) is the citation's
            yield a.final(query, text, "answered", [(head, head.units_raw or head.text[:60])], "fields")
            return
        rest = [i for i in pool if i not in found]
        if named and rest_said and not rest and not any(named in f"{i.units_raw}{i.text}" for i in found):
            said_here = said.replace(named, "你问的单位")
        else:
            said_here = said
        # each item with its lead: who to ask about it ("…有几项?各是谁牵头?" asks it outright),
        # and its time limit when the question asks about time ("…哪项最早到期?")
        when = bool(fields.ASKS_WHEN.search(query.original) or deadlines.asks(query.original))
        # a short list has room for more of each task's words: the asker checks it by what it says
        room = SHORT_HEAD if len(found) > FEW else LONGER_HEAD
        names = "、".join(f"{fields.listed_section(i)}“{_short(i, room)}”{_led_by(i, when)}[{n}]" for n, i in enumerate(found, start=1))
        word = fields.counter_of(query.original)
        text = f"{len(found)}{word}。{head.locality}《{head.title}》中{said_here}的任务有{len(found)}{word}:{names}。"
        whole = _ASKS_WHOLE.search(query.original) and len(pool) > len(found)
        if whole:  # "议定了多少事项,其中没写牵头单位的有几项?": the whole first, then its part and the rest
            text = (f"{head.locality}《{head.title}》共{len(pool)}{word}任务,其中{said}的{len(found)}{word},"
                    f"其余{len(pool) - len(found)}{word}。{said}的{len(found)}{word}:{names}。")
        if deadlines.asks(query.original) and len(found) > 1:
            latest = deadlines.asks_latest(query.original)
            first, _ = deadlines.first_due(found, latest)
            if first:
                text += (f"其中{'最晚' if latest else '最早'}到期的是{fields.listed_section(first)}“{_short(first)}”"
                         f"({first.deadline or deadlines.due(first)[1]})[{found.index(first) + 1}]。")
        extra = tuple(steps)
        if leads:  # (the unit, its stored names[, whether only leading counts]): which of the items it leads
            name, names, *only = leads
            only_leads = only[0] if only else True
            led = [(n, i) for n, i in enumerate(found, start=1)
                   if names & set((i.lead_units or ()) if only_leads else i.all_units)]
            verb = "牵头" if only_leads else "参与"
            text += (f"其中{name}{verb}的有{len(led)}{word}:{'、'.join(f'[{n}]' for n, _ in led)}。" if led
                     else f"其中没有{name}{verb}的。")
            extra += (Computed(str(len(led)), tuple(i.section for _, i in led), f"{len(led)}{word}"),)
        most = None if more else unit_filters.most_units(query.original, found)
        if steps and len(found) == 1 and not more and "最多" in said:  # the filter kept the item with the most units
            most = (found[0], said.split("最多")[0], tuple(steps[0].operands))
        if most:
            item, label, units = most
            led = f",{fields.names_as_printed(item.lead_units, item)}牵头" if item.lead_units and label != "牵头单位" else ""
            said_most = (f"{label}最多的是{fields.listed_section(item)}“{_short(item)}”,共{len(units)}家:"
                         f"{fields.SEP.join(units)}{led}[{found.index(item) + 1}]。")
            # (the items kept are the ones with the most units: the count before it says nothing more)
            text = f"{head.locality}《{head.title}》中{said_most}" if steps and len(found) == 1 else text + f"其中{said_most}"
            extra += (Computed(str(len(units)), units, f"{len(units)}家"),)
        cited = list(found)
        for also_keep, also_said, *also_steps in more:  # each further clause: its items, numbered on from the first list
            also = [i for i in pool if also_keep(i)]
            cited += [i for i in also if i not in cited]
            listed = "、".join(f"{fields.listed_section(i)}“{_short(i)}”{_led_by(i)}[{cited.index(i) + 1}]" for i in also)
            text += f"{also_said}的任务有{len(also)}{word}:{listed}。" if also else f"没有{also_said}的任务。"
            extra += (Computed(str(len(also)), tuple(i.section for i in also), f"{len(also)}{word}"), *also_steps)
        if whole:
            extra += (Computed(str(len(pool)), tuple(i.section for i in pool), f"{len(pool)}{word}"),
                      Computed(str(len(pool) - len(found)), tuple(i.section for i in pool if i not in found),
                               f"{len(pool) - len(found)}{word}"))
            cited += [i for i in pool if i not in cited]
        elif ASKS_SHARE.search(query.original) and len(pool) > len(found):
            # "…有几项,占一半了吗?": of every task of the document, each of them cited
            of_all = compute.share(Number(Decimal(len(found)), str(len(found)), word, "", "", ""),
                                   Number(Decimal(len(pool)), str(len(pool)), word, "", "", ""))
            half = ""
            if re.search(r"一半|半数|过半", query.original):
                half = "超过一半," if 2 * len(found) > len(pool) else "正好一半," if 2 * len(found) == len(pool) else "不到一半,"
            text += f"全文共{len(pool)}{word},{half}占{of_all.result}%(计算:{of_all.working})。"
            extra += (Computed(str(len(pool)), tuple(i.section for i in pool), f"{len(pool)}{word}"), of_all)
            cited += [i for i in pool if i not in cited]
        if rest_said and rest and not whole:
            cited.append(rest[0])
            # (not counted: a count is said only of items the answer cites, and the rest are many)
            text += f"其余各{word}{rest_said},如{fields.listed_section(rest[0])}“{_short(rest[0])}”[{len(cited)}]。"
        if unreadable and any(unreadable(i) for i in pool):
            text += "另有任务的单位信息因文本不完整无法辨认。"
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered", [(i, i.units_raw or i.deadline or i.text[:60]) for i in cited], "fields",
                      computed=(Computed(str(len(found)), tuple(i.section for i in found), f"{len(found)}{word}"), *extra))

    return answer


_AMONG = re.compile(r"其中[^?？;；]*")


def unit_among(a, query: Query) -> tuple[str, frozenset[str], bool] | None:
    """"…有几条?其中带县司法局的是哪几条?": the unit the items counted are narrowed to, and
    whether only its leading counts (其中县司法局牵头的), or None."""
    m = _AMONG.search(query.original)
    mention = a.unit_names.find(m.group(0), query.localities) if m else None
    if not mention:
        return None
    names = frozenset(a.searcher.maps.names_for(mention.name)) | {mention.name}
    return mention.name, names, bool(LEAD_ASK.search(m.group(0)))


def _led_by(item: TaskItem, when: bool = False) -> str:
    led = f"{fields.names_as_printed(item.lead_units, item)}牵头" if item.lead_units else "没有牵头单位"
    due = item.deadline or (deadlines.due(item) or (None, ""))[1]
    return f"({led};完成时限:{due})" if when and due else f"({led})"


FEW, SHORT_HEAD, LONGER_HEAD = 5, 20, 40


def _short(item: TaskItem, limit: int = SHORT_HEAD) -> str:
    from assistant.fields import short_heading

    return short_heading(item, limit)


# "上半年任务总体推进得怎么样?", "整体完成情况如何?": the ledger's states counted, not one task's progress
ASKS_OVERALL = re.compile(r"(总体|整体|总的|全部|所有|各项|这些|上半年|全年)[^?,，]{0,10}(推进|进展|完成|落实)(得|的)?(怎么样|咋样|如何|情况|进度)|"
                          r"(推进|进展|完成|落实)(情况|进度)?(总体|整体)(怎么样|咋样|如何)")


def status_breakdown(a, query: Query, items: list[TaskItem]) -> Callable | None:
    """A progress ledger asked how it stands overall: its tasks counted by 完成状态, in the order the
    states first appear, the tasks behind (滞后, 未启动…) named. None when the document has no states."""
    if not items or not ASKS_OVERALL.search(query.original):
        return None
    pool = doc_tasks(a, items[0].doc_id)
    states = [i.status for i in pool if i.status]
    if len(states) < 3:
        return None
    order = list(dict.fromkeys(states))

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        head = pool[0]
        parts = "、".join(f"{s}{states.count(s)}项" for s in order)
        behind = [i for i in pool if re.search(r"滞后|未启动|未完成|暂缓|逾期", i.status or "")]
        names = "、".join(f"{fields.listed_section(i)}“{_short(i)}”({i.status})[{n}]" for n, i in enumerate(behind, start=1))
        text = f"{head.locality}《{head.title}》共{len(pool)}项任务:{parts}。" + (f"未按进度的是:{names}。" if behind else "")
        yield {"type": "delta", "text": text}
        # every task counted is cited (the counts are checked against what is cited), those behind first
        cited = [(i, i.text[:60]) for i in behind] + [(i, i.text[:60]) for i in pool if i.status and i not in behind]
        yield a.final(query, text, "answered", cited, "fields",
                      computed=tuple(Computed(str(states.count(s)), tuple(i.section for i in pool if i.status == s),
                                              f"{states.count(s)}项") for s in order))

    return answer
