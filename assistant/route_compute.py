"""Questions that need arithmetic: the operands are found in the items, code computes the result.

- difference ("受理的比收到的少了多少件?", "…成功率相差几个百分点?"), sum ("建议和提案一共多少件?"),
  share ("撤销加确认违法的占多大比例?"), ratio ("是…的几倍?", "平均每家被检查了几次?"), a count
  from a rate ("按优秀率算,至少多少卷?"), time between two dates, the day a validity period ends;
- two places named: one figure of each ("A比B多几项?"), or each place's own computation ("各…");
- items counted from their fields ("几项没写牵头单位?"): assistant.route_counts.
Which number stands for each thing the question names is assistant.operands' job. The answer gives
the result first, then the working, then the source sentences; when the items do not hold every
operand, the question goes the ordinary way.
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import replace
from typing import Callable, Iterator

from assistant import compute, enumerations, fields, operands, route_counts, route_dates, route_given, sections, unit_filters
from assistant.compute import Computed, Number
from assistant.gates import OPERAND_MIN, REL_MIN, REL_MIN_NAMED
from assistant.understand import Query, detect_intent, operand_topic, place_words, topic_of
from assistant.verify import unsupported_values
from corpus.text import sentences
from corpus.types import TaskItem
from index.localities import locality_variants

TASK_KINDS = ("task", "point")
_SHARE = re.compile(r"占(了)?(多大|多少|几成|百分之几)|占比|比例|比重|百分之(几|多少)|几成")
_AVERAGE = re.compile(r"平均(下来|算下来|算来|起来|算)?[,，]?每|人均|每(家|个|人|件|户)平均|平均一|[每一]个?[\u4e00-\u9fff]{1,4}平均|摊到每|摊下来")
_DIFF = re.compile(r"相差|差距|差(了)?(几|多少)|比.{1,24}(多|少|高|低)[办做收受审查]?(了|出)?(多少|几)")
_SUM = re.compile(r"一共|合计|总共|加起来|加在一起|加到一起|加一块|合起来|合在一起|加总|共计|总计|之和|总和")
_COMPARED = re.compile(r"(多|少|高|低|早|晚)[办做收受审查]?(了|出)?(多少|几).*$")  # "…比B多几项?": what follows B


def route(a, query: Query, hits) -> Callable | None:
    """The computing answer when the question asks for one and the items hold the operands."""
    q = query.original
    if query.intent == "which_doc":
        return None  # "哪个县把优秀等次比例卡在20%以内?" asks where a figure is said, not to compute one
    items = _candidates(a, query, hits)
    plan = route_dates.doc_gap(a, query, items) or route_dates.page_gap(a, query, items)  # documents' own dates
    if plan:
        return _answer(plan)
    if not items:
        return None
    overall = route_counts.status_breakdown(a, query, items)  # a ledger asked how it stands overall
    if overall:
        return overall
    if route_counts.NO_LEAD.search(q) and not sections.names_number(q):  # in a numbered section: its list says it
        return route_counts.answer_no_lead(a, query, items)
    plan = _unit_count(a, query, items)
    if plan:
        return _answer(plan)
    by_field = route_counts.role_filter(a, query) or route_counts.with_unit(
        a, query, route_counts.field_filter(q) or route_counts.value_filter(a, query, items))
    by_units = unit_filters.clause_filters(q, route_counts.doc_tasks(a, items[0].doc_id))
    if len(query.localities) == 1 and (by_field or by_units):
        if not by_field:  # "有几条的牵头单位不少于三家?牵头单位最多的一条有几家?": each clause's items
            keep, said, *steps = by_units[0]
            return route_counts.answer_by_field(a, query, items, keep, said, more=tuple(by_units[1:]), steps=tuple(steps),
                                                leads=route_counts.unit_among(a, query))
        return route_counts.answer_by_field(a, query, items, *by_field, more=tuple(by_units))
    listed = _listed_count(a, query, items)  # "乌县列了几个领域?": the members of a list counted
    if listed:
        return listed
    both = _parts_answer(a, query, items)  # two computations asked: both, or the usual way
    if both:
        return both
    each = _in_each_place(a, query)
    if each:
        return each
    for op in _ops():
        plan = op(a, query, items)
        if plan:
            return _answer(_with_units_asked(query, plan))  # None when it would state a value it cannot support
    return None


def _with_units_asked(query: Query, plan):
    """"…3月底前,中间只有几天?谁牵头": the other part asks who does the item computed on; the
    answer says it after the result, from that item's notes."""
    item, text, *rest = plan
    parts = [p for p in re.split(r"[,，;；?？]", query.original) if p.strip()]
    if (len(parts) < 2 or item.kind not in TASK_KINDS or not (item.lead_units or item.responsible_units)
            or not any(detect_intent(p) in ("lead", "responsible") for p in parts[1:])):
        return plan
    others = [i for i in (rest[2] if len(rest) > 2 else []) if i.kind in TASK_KINDS and i.locality != item.locality
              and (i.lead_units or i.responsible_units)]
    if not others:
        return (item, f"{text};{fields.units_phrase(item)}", *rest)
    # one item of each place computed on ("两县加起来…是不是都归编办挑头?"): each place's units
    said = ";".join(f"{i.locality}{fields.units_phrase(i)}" for i in [item, *others])
    return (item, f"{text};{said}", *rest)


def _ops():
    return (route_given.applied, route_dates.expiry, route_dates.before_period_end, route_dates.places_gap, route_dates.gap, route_dates.month_gap, _change_rate, _share, _share_of_figures_said, _average, _times, _scaled,
            _difference, _less_parts, _remainder, _sum, _bodies_total)


# "…涉及多少个单位?" of "全县18个乡镇和42个县直部门…": bodies of several kinds, counted in one
# enumeration, asked as one count of 单位 (the word that covers them all)
_BODIES_ASKED = re.compile(r"(多少|几)个?(单位|地方|主体|机构)")
_BODY_KIND = r"[\u4e00-\u9fff]{0,6}?(?:乡镇|镇|街道|部门|单位|村|社区|机关|办事处|政府)"
_BODIES = re.compile(rf"(?P<n>\d+)个(?P<kind>{_BODY_KIND})(?:(?:[、和及与]|以及)(?P<n2>\d+)个(?P<kind2>{_BODY_KIND}))+")


def _bodies_total(a, query, items):
    m = _BODIES_ASKED.search(query.original)
    if not m or len(query.localities) > 1:
        return None
    best = None
    for item in items:
        for sent in sentences(item.text):
            found = _BODIES.search(sent)
            if not found:
                continue
            cover = a.evidence.coverage(query.topic, sent) or 0.0
            if cover >= OPERAND_MIN and (best is None or cover > best[0]):
                best = (cover, item, sent, found.group(0))
    if best is None:
        return None
    _, item, sent, run = best
    parts = [n for n in compute.numbers_in(sent) if n.unit == "个" and f"{n.text}个" in run]
    if len(parts) < 2:
        return None
    step = compute.total(parts)
    return item, f"合计{step.result}个。计算:{step.working}", [step], [sent]


# "政府投资项目的时限是社会投资项目的几倍?": A is B times what
_TIMES = re.compile(r"(?P<a>[^,，?？]{2,40}?)[,，]?(是|为|相当于)(?P<b>[^,，?？]{2,40}?)的(几|多少)倍")
# "按优秀率折算,优秀的大概有多少卷?": a count times a rate of it, both in one sentence
_SCALED = re.compile(r"(按|以|照)(照)?(?P<rate>[\u4e00-\u9fff]{1,12}?率|下限|这个|此|标准|要求|规定|比例)(来)?(折算|算|计算|推算|换算)")
_RATE_NAMED = re.compile(r"[\u4e00-\u9fff]{1,4}?率")


# "漱泉去年会前学法搞了几次?跟碧岑今年的下限比是几倍?": A is what the question asked before
_TIMES_AFTER = re.compile(r"^(?P<a>.{2,60}?)[?？,，;；]\s*(跟|和|与|同)(?P<b>[^,，?？]{1,30}?)(相)?比(起来|较)?[,，]?(是|为|有)?(几|多少)倍|"
                          # "拿漱泉去年公开的条数和钧溪今年的目标比,是几倍?", "…是后者的几倍": A against B
                          r"(拿|把)(?P<a2>[^?？]{2,60}?)(和|跟|与|同)(?P<b2>[^,，?？]{1,30}?)(相)?比(起来|较)?[,，]?(是|为|有)?(后者的)?(几|多少)倍")


# "免证办的目标比跨省通办的目标多出几倍?": said as more, asked as times; both are given
_TIMES_MORE = re.compile(r"(?P<a>[^,，?？]{2,40}?)比(?P<b>[^,，?？]{2,40}?)多(出)?(了)?(来)?(几|多少)倍")


def _times(a, query, items):
    more = _TIMES_MORE.search(query.original)
    m = _TIMES_AFTER.search(query.original) or _TIMES.search(query.original) or more  # the more particular first
    if not m:
        return None
    said_a, said_b = (m.group("a"), m.group("b")) if m.groupdict().get("a") else (m.group("a2"), m.group("b2"))
    parts = [operand_topic(said_a, query), operand_topic(said_b, query)]
    if len(query.localities) == 2:  # "漱泉去年公开的条数,是钧溪今年目标的几倍?": one figure of each place
        # A's words say what both figures are, with the clause before them ("新增共享数据目录,松屿定的
        # 是钧溪的几倍?"); B is named short ("钧溪今年目标")
        found = operands.each_place(a, query, operand_topic(query.original[:m.start()] + said_a, query) or parts[1], None)
        if not found or found[0][1].unit != found[1][1].unit or not found[1][1].value:
            return None
        steps = compute.one_decimal(compute.ratio(found[0][1], found[1][1]))
        return _places_plan(found, _times_head(steps), steps)
    if not all(parts):
        return None
    for item in items:
        chosen = operands.pick(a, item, parts, None, query)
        if chosen and chosen[0].unit == chosen[1].unit and chosen[1].value:
            text, steps = _ratio(chosen[0], chosen[1], more)
            return item, text, steps, [n.sentence for n in chosen]
    found = operands.pick_across(a, items, parts, None, query)  # each under its own point of one report
    if not found or found[0][1].unit != found[1][1].unit or not found[1][1].value:
        return None
    text, steps = _ratio(found[0][1], found[1][1], more)
    holders = list(dict.fromkeys(i for i, _ in found))
    return holders[0], text, steps, [n.sentence for _, n in found], holders[1:]


def _ratio(x: Number, y: Number, more) -> tuple[str, list[Computed]]:
    """"是4倍。计算:…"; asked "多出几倍", which people read both ways, the difference too."""
    steps = compute.one_decimal(compute.ratio(x, y))
    text = f"{_times_head(steps)}。计算:{steps[0].working}"
    if more:
        diff = compute.difference(x, y)
        text, steps = f"{text};多{diff.working.split(' = ')[1]}。计算:{diff.working}", [*steps, diff]
    return text, steps


def _times_head(steps: list[Computed]) -> str:
    """"约2.8倍" when the ratio was rounded to one decimal, "是2倍" when it is exact."""
    return f"{'约' if len(steps) > 1 else '是'}{steps[-1].result}倍"


def _scaled(a, query, items):
    q = query.original
    m = _SCALED.search(q)
    asked = re.search(r"(几|多少)(?P<unit>[\u4e00-\u9fff])", q[m.end():]) if m else None
    if not m or not asked:
        return None
    rate_word = re.split(r"[的和与及、]", m.group("rate"))[-1]  # "按各自的下限和优秀率算": 优秀率
    if not rate_word.endswith("率"):  # "合格率要到95%,照下限算…": the rate the question names
        named = [r for r in _RATE_NAMED.findall(q[:m.start()]) if r not in ("效率", "频率")]
        rate_word = named[-1][-3:] if named else "率"
    for item in items[:2]:
        for sentence in sentences(item.text):
            nums = compute.numbers_in(sentence)
            rates = [n for n in nums if n.unit == "%" and rate_word in f"{n.label}{n.context}"]
            if not rates:
                continue
            rate = rates[0]
            bases = [n for n in nums if n.unit == asked.group("unit") and sentence.find(n.text) < sentence.find(rate.text)]
            if bases:
                return _counted(q, item, compute.product(bases[-1], rate), bases[-1].unit, sentence)
    return None


# "由5个工作日压缩至3个工作日…压缩了百分之几?": the change over where it started
_CHANGE_ASK = re.compile(r"(压缩|减少|下降|降低|缩短|缩减|提高|增加|增长|提升|上升)了?(约|大约)?(百分之几|百分之多少|多少百分比|几成|多少%|多大比例|多少比例|的?幅度)")
_CHANGE = re.compile(r"(由|从)(?P<a>\d+(?:\.\d+)?)(个工作日|个月|%|[\u4e00-\u9fff]{0,2}?)[^，,。；;\d]{0,4}?"
                     r"(压缩|减少|下降|降低|缩短|缩减|减|降|提高|增加|增长|提升|上升|升)(至|到|为)(?P<b>\d+(?:\.\d+)?)")


def _change_rate(a, query, items):
    if not _CHANGE_ASK.search(query.original) or "百分点" in query.original:
        return None
    topic = topic_of(query.original, query.localities)
    found = [(a.evidence.coverage(topic, s) or 0.0, item, s, m) for item in items for s in sentences(item.text)
             for m in _CHANGE.finditer(s) if float(m.group("a")) > 0]
    if not found:
        return None
    _, item, sentence, m = max(found, key=lambda f: f[0])
    numbers = {n.text: n for n in compute.numbers_in(sentence)}
    start, end = numbers.get(m.group("a")), numbers.get(m.group("b"))
    if start is None or end is None or start.unit == "%":
        return None  # a rate that moved ("由96%降至91%") moved by points: the difference says it
    change = compute.difference(start, end)
    step = compute.share(change, start)
    return item, f"约{step.result}%。计算:{change.working};{step.working}", [change, step], [sentence]


def _parts_answer(a, query: Query, items: list[TaskItem]) -> Callable | None:
    """"…化解比例大概多少?还剩多少没化解?": each part a computation of its own, on the items the
    whole question found and about its topic; answered only when every part is computed."""
    parts = [c for p in re.split(r"[?？;；]", query.original) if p.strip() for c in _asks_after_comma(p)]
    if len(parts) < 2:
        return None
    # the first part names what the later ones ask about: "伊犁…信访突出问题,化解比例多少?还剩多少?"
    subject = re.split(r"[,，]", parts[0])[0] if re.search(r"[,，]", parts[0]) else ""
    plans = []
    compared = ""  # "A是B的几倍?差几个工作日?": the later part compares the same two things
    for n, part in enumerate(parts):
        text = f"{subject}里,{part}" if n and subject and subject not in part else part  # the whole it is of
        sub = replace(query, original=text, text=text, topic=topic_of(text, query.localities))
        plan = next((p for p in (op(a, sub, items) for op in _ops()) if p), None)
        if plan is None and n and compared:
            text = f"{compared}{part}"
            sub = replace(query, original=text, text=text, topic=topic_of(text, query.localities))
            plan = next((p for p in (op(a, sub, items) for op in _ops()) if p), None)
        if plan is None:
            return None
        pair = _TIMES_AFTER.search(part) or _TIMES.search(part)
        if pair:
            said_a, said_b = (pair.group("a"), pair.group("b")) if pair.groupdict().get("a") else (pair.group("a2"), pair.group("b2"))
            compared = f"{said_a}和{said_b}"
        plans.append(plan)
    return _answer_all(plans)


# "…各给了多少天?哪边宽裕、多几天": which place's result is larger, and by how much
# (which one is asked: "至少几次" of each place asks no comparison)
_WHICH_MORE = re.compile(r"(哪边|哪个|哪家|哪里|哪地|谁)(的)?[^,，?？]{0,6}(多|少|宽裕|宽松|紧|长|短|高|低|大|小)")


def _which_more(q: str, plans: list) -> tuple | None:
    """The two places' last results compared, when the question asks which is more: a step on
    the results shown ("235天 − 200天 = 35天"), said for the place with the larger one."""
    if len(plans) != 2 or not _WHICH_MORE.search(q):
        return None
    ends = []
    for item, _, steps, *_ in plans:
        last = steps[-1] if steps else None
        unit = re.search(rf"(?<![\d.]){re.escape(last.result)}(\D{{1,3}})$", last.working) if last else None
        if not unit or re.search(r"[\d年月日]", unit.group(1)):
            return None
        ends.append((item, Decimal(last.result), last.result, unit.group(1)))
    (hi, v1, r1, u1), (lo, v2, r2, u2) = sorted(ends, key=lambda e: -e[1])
    if u1 != u2 or v1 == v2:
        return None
    result = compute.fmt(v1 - v2)
    step = Computed(result, (r1, r2), f"{r1}{u1} − {r2}{u2} = {result}{u1}")
    return hi, f"比{lo.locality}多{result}{u1}。计算:{step.working}", [step], []


# "…是后者的几倍,相差多少个工作日?": a second computation asked after a comma, of the same things
_ASK = re.compile(r"几|多少")
_SECOND_ASK = re.compile(r"^(那|又|还|再|两者|二者)?(相差|差|一共|合计|总共|占|多|少)[^,，]*(几|多少)")


def _asks_after_comma(part: str) -> list[str]:
    for m in re.finditer(r"[,，]", part):
        before, after = part[:m.start()], part[m.end():]
        if _ASK.search(before) and _SECOND_ASK.search(after):
            return [before, *_asks_after_comma(after)]
    return [part]


# "岚峪和钧溪按各自的下限算,至少各要多少卷?": the same computation asked of each place
_EACH = re.compile(r"各自|分别|各(要|需|需要|得|应|应当|能|是|有|为|该|多少|几)")


def _in_each_place(a, query: Query) -> Callable | None:
    """Two places and 各/分别, asking no comparison: each place's own computation on its own
    items, answered when every place has one."""
    q = query.original
    if len(query.localities) != 2 or not _EACH.search(q) or _DIFF.search(q) or _TIMES.search(q):
        return None
    plans = []
    for place in query.localities:
        text = q
        for other in query.localities:
            for variant in (locality_variants(other) if other != place else ()):
                text = text.replace(variant, "")
        sub = replace(query, original=text, text=text, localities=(place,), topic=topic_of(text, (place,)))
        items = sorted([h.item for h in a.searcher.search(sub.topic or text, k=4, localities=[place])][:2],
                       key=lambda i: -a.relevance(sub, i))
        plan = next((p for p in (op(a, sub, items) for op in _ops()) if p), None) if items else None
        if plan is None:
            return None
        plans.append(plan)
    compared = _which_more(q, plans)
    return _answer_all(plans + [compared] if compared else plans)


def _candidates(a, query: Query, hits) -> list[TaskItem]:
    """The best-ranked items, up to four, the most relevant first; two per locality when several
    are named."""
    pool = [h.item for h in hits if not query.localities or h.item.locality in query.localities]
    if len(query.localities) > 1:
        pool = [i for loc in query.localities for i in [i for i in pool if i.locality == loc][:2]]
    n = fields.cited_number(query.original)
    if pool and n is not None and fields.printed_number(pool[0]) == n:
        return [pool[0]] + sorted(pool[1:4], key=lambda i: -a.relevance(query, i))  # "第9项…": that item
    return sorted(pool[:4], key=lambda i: -a.relevance(query, i))


# --- operations -----------------------------------------------------------------------------
# "行政调解那条,责任单位一共点名了几家?": the units of one item, counted by role
_UNIT_COUNT = re.compile(r"(?P<role>牵头单位|责任单位|配合单位|参加单位|协办单位|(点名|列出|列了|写了|写明)[^?,]{0,10}?(单位|部门))"
                         r"[^?,]{0,10}?(?<!哪)(几|多少)(?P<counter>家|个)")
_ROLE_GROUPS = {"牵头单位": ("lead_units",), "责任单位": ("responsible_units",), "配合单位": ("participating_units",),
                "参加单位": ("participating_units",), "协办单位": ("participating_units",)}
_COLLECTIVE = fields.COLLECTIVE


def _unit_count(a, query, items):
    m = _UNIT_COUNT.search(query.original)
    if not m or not items or a.relevance(query, items[0]) < (REL_MIN_NAMED if query.localities else REL_MIN):
        return None
    item, counter = items[0], m.group("counter")
    groups = _ROLE_GROUPS.get(m.group("role"), ("lead_units", "responsible_units", "participating_units"))
    units = [u for g in groups for u in (getattr(item, g) or ())]
    if not units:
        return None
    named = [u for u in units if not _COLLECTIVE.search(u)]
    rest = [u for u in units if u not in named]
    role = m.group("role") if m.group("role") in _ROLE_GROUPS else "这一项"
    step = Computed(str(len(named)), tuple(named), f"{len(named)}{counter}")
    text = f"{role}共点名{len(named)}{counter}单位:{'、'.join(named)}" + (f"(另有{'、'.join(rest)})" if rest else "")
    return item, text, [step], [item.units_raw] if item.units_raw and item.units_raw in item.text else []


# "出庭应诉率要达到百分之多少?": a rate the document states, asked by its name, not a share to compute
_NAMED_RATE = re.compile(r"率(要|需要|应|应当|能|得)?(达到|提高到|提升到|保持在?|控制在|不低于|为|是|有)?(百分之|多少|几)")


def _share(a, query, items):
    m = _SHARE.search(query.original)
    if not m or _NAMED_RATE.search(query.original):
        return None
    head = query.original[:m.start()]
    relative = re.search(r"(相当于|是|占)(?P<whole>[^,，?]{2,30}?)的?$", head)
    if relative and len(head[:relative.start()].strip(",，")) >= 2:
        # "A相当于B的百分之几?", "A是B的几成?", "A,占B的百分之几?": A is the part, B the whole
        part_text, whole_phrase = head[:relative.start()], operand_topic(relative.group("whole"), query)
    else:
        # "X里,A和B占…" / "X中A占…": X is the whole, A and B the parts
        whole_phrase, _, part_text = _rsplit(head, r"[,\uff0c]|里|当中|之中|中(?![心央国期间])")
        whole_phrase = operand_topic(whole_phrase, query) if part_text else ""
    if not operands.split_phrases(part_text or head, query):
        return None
    for item in items:
        parts = operands.split_phrases(part_text or head, query, item.text)
        chosen = operands.pick(a, item, parts + ([whole_phrase] if whole_phrase else []), unit=None, query=query)
        if not chosen:
            continue
        numerator, whole = chosen[:len(parts)], chosen[len(parts)] if whole_phrase else None
        if whole is None:
            whole = operands.largest_same_unit(item, numerator)
        if whole is None or whole.value == 0 or whole in numerator:
            continue
        if any(n.unit == "%" for n in [*numerator, whole]):
            return None  # a share of counts: a rate the item states ("联合抽查占比不低于25%") is quoted
        steps = []
        part: Computed | Number = numerator[0]
        if len(numerator) > 1:
            part = compute.total(numerator)
            steps.append(part)
        steps.append(compute.share(part, whole))
        text = f"约占{steps[-1].result}%。计算:" + ";".join(s.working for s in steps)
        return item, text, steps, [n.sentence for n in [*numerator, whole]]
    return None


def _share_of_figures_said(a, query, items):
    """"去年开了26次常务会议,会前学法12次,算下来大概几成的常务会议搞了会前学法?": the asker states
    both figures, of one unit, and asks what share the smaller is of the larger. Each must be where
    the document states it (in different points, often), and both are cited."""
    q = query.original
    if not _SHARE.search(q) or _NAMED_RATE.search(q):
        return None
    said = [n for n in compute.numbers_in(q) if n.unit and n.unit not in ("%", "个百分点")]
    if len(said) != 2 or said[0].unit != said[1].unit or said[0].value == said[1].value:
        return None
    part, whole = sorted(said, key=lambda n: n.value)
    doc = [i for i in a.items if i.doc_id == items[0].doc_id and i.kind in TASK_KINDS]
    found = []
    for n in (part, whole):
        stated = re.compile(rf"(?<![\d.]){re.escape(n.text)}\s*{re.escape(n.unit)}")
        where = next(((i, s) for i in [*items, *doc] for s in sentences(i.text) if stated.search(s)), None)
        if where is None:
            return None  # a figure the document does not state is not computed on as if it did
        found.append(where)
    step = compute.share(part, whole)
    (item, first), (other, second) = found
    if other.item_id == item.item_id:
        return item, f"约{step.result}%。计算:{step.working}", [step], list(dict.fromkeys([first, second]))
    return item, f"约{step.result}%。计算:{step.working}", [step], [first, second], [other]


def _average(a, query, items):
    q = query.original
    m = _AVERAGE.search(q)
    if not m:
        return None
    # 平均每家, 平均一家; or "每个主题服务摊下来办了多少件": the thing each is of, named before
    per = (re.search(r"[每一](家|个|人|件|户|次|名|项)", q[m.start():])
           or re.search(r"每(家|个|人|件|户|次|名|项)[^,，?？]*$", q[:m.start()]))
    asked = re.search(r"(几|多少)(次|件|个|项|家|人|名|元|万元|天)", q)
    if not per or not asked:
        return None
    for item in items:
        nums = [n for s in sentences(item.text) for n in compute.numbers_in(s)]
        num = [n for n in nums if n.unit == asked.group(2)]
        den = [n for n in nums if n.unit == per.group(1) or (per.group(1) in "个家" and n.unit in "个家")]
        pairs = [(x, y) for x in num for y in den if x.sentence == y.sentence and y.value]
        if pairs:
            topic = topic_of(q, query.localities)
            x, y = max(pairs, key=lambda p: operands.fit(a, topic, p[0]) + operands.fit(a, topic, p[1]))
            steps = compute.one_decimal(compute.ratio(x, y))
            return item, f"平均约{steps[-1].result}{x.unit}。计算:{steps[0].working}", steps, [x.sentence]
    return None


# "收到的申请里,没受理的有几件?": the whole less the part done
_NOT_DONE = re.compile(r"(?P<whole>[^,，]+?)(里|中|当中|之中)[,，]?([^,，?]{0,6}?时|其中)?(?P<neg>没有?|未|尚未|还没有?)(?P<done>[\u4e00-\u9fff]{1,6}?)的"
                       r"[^,，?]{0,6}?(有|是)?(几|多少)")


# "人民调解去年没调成的纠纷有多少件?": the whole is not named, the sentence counting it is
_NOT_DONE_BARE = re.compile(r"(没有?|未|尚未|还没有?)[\u4e00-\u9fff]{1,6}?的[^,，?]{0,8}?(有|是)?(几|多少)|"
                            r"(还)?剩(下|余)?(了)?[^,，?]{0,4}?(几|多少)")


# "除掉废止和修改的,剩下的有几件?": the whole less the parts named, all three in one sentence
_LESS_PARTS = re.compile(r"(除掉|除去|去掉|扣除|扣掉|刨去|刨掉|刨除|减去|减掉|排除)(?P<parts>[^,，?？的]{1,30}?)(的|以外|之外)?[,，]"
                         r"[^?？]{0,12}?(剩下|还剩|其余|剩余|余下|其他|其它)[^?？]{0,12}?(几|多少)")


def _less_parts(a, query, items):
    m = _LESS_PARTS.search(query.original)
    if not m or len(query.localities) > 1:
        return None
    parts = operands.split_phrases(m.group("parts"), query)
    unit = operands.asked_unit(query.original[m.end() - 2:])
    if not parts:
        return None
    for item in items[:2]:
        chosen = operands.pick(a, item, parts, unit, query)
        if not chosen or len({n.unit for n in chosen}) != 1 or not all(_same_part(n, chosen[0]) for n in chosen):
            continue  # the parts are counted in one part of one sentence (between its ；)
        first = chosen[0]
        # the whole: the figure in the same unit that the part states before its parts (a number's
        # context runs from the part's start to the end of its clause: an earlier clause's is shorter)
        before = [n for n in compute.numbers_in(first.sentence) if n.unit == first.unit and n not in chosen
                  and _same_part(n, first) and (len(n.context) < len(first.context) or n.context == first.context
                                                and n.context.find(n.text) < first.context.find(first.text))]
        if not before or before[-1].value <= sum(n.value for n in chosen):
            continue
        steps = compute.less(before[-1], chosen)
        working = " − ".join(f"{n.text}{n.unit}" for n in [before[-1], *chosen]) + f" = {steps[-1].result}{chosen[0].unit}"
        return item, f"{steps[-1].result}{chosen[0].unit}。计算:{working}", steps, [chosen[0].sentence]
    return None


def _same_part(x: Number, y: Number) -> bool:
    return x.sentence == y.sentence and (x.context.startswith(y.context) or y.context.startswith(x.context))


def _remainder(a, query, items):
    m = _NOT_DONE.search(query.original)
    if len(query.localities) > 1:
        return None
    if not m:
        bare = _NOT_DONE_BARE.search(query.original)
        if not bare:
            return None
        unit = operands.asked_unit(query.original[bare.start():]) or operands.COUNTS
        return _remainder_in_one_sentence(a, query, items[:1], unit)
    whole, done = operand_topic(m.group("whole"), query), operand_topic(m.group("done"), query)
    unit = operands.asked_unit(query.original[m.end() - 2:])
    if not whole or not done:
        return None
    for item in items:
        chosen = operands.pick(a, item, [whole, done], unit, query)
        if chosen and chosen[0].unit == chosen[1].unit and chosen[0].value > chosen[1].value:
            step = compute.difference(*chosen)
            return item, f"{step.result}{step.working.rsplit(step.result, 1)[1]}。计算:{step.working}", [step], [n.sentence for n in chosen]
    return None


def _remainder_in_one_sentence(a, query, items, unit):
    """The whole less the part done, when one sentence about the question counts both in the unit
    asked ("调解各类矛盾纠纷5208件,调解成功5142件"): the whole is stated first and is the larger."""
    found = operands.two_in_one_sentence(a, query, items, unit)
    if not found or found[1].value <= found[2].value:
        return None
    item, whole, done = found
    step = compute.difference(whole, done)
    return item, f"{step.result}{step.working.rsplit(step.result, 1)[1]}。计算:{step.working}", [step], [whole.sentence]


def _difference(a, query, items):
    q = query.original
    m = _DIFF.search(q)
    if not m:
        return None
    unit = operands.asked_unit(q[m.start():])
    if len(query.localities) == 2:  # "墨川区和钧溪市的败诉率目标差几个百分点?": the same thing in each
        # each place's own words ("普法活动场次,棠川的“法律进乡村”和墨川的“法治进街道”…差几场?", "钧溪要
        # 评估的赋权执法事项,比松屿下放镇街的事项多几项?"); the whole question's words find the
        # measure where a place's own do not ("新密今年定的目标比伊犁最后确定下来的多几项?")
        own = tuple(operand_topic(w, query) for w in place_words(q[:m.start()], query.localities))
        if q[m.start()] == "比":
            own = (operand_topic(q[:m.start()], query), operand_topic(_COMPARED.sub("", q[m.start() + 1:]), query))
        found = operands.each_place(a, query, operand_topic(q[:m.start()], query), unit, own)
        return _difference_plan(found) if found else None
    if q[m.start()] == "比":  # "A比B少多少": A is before 比, B after it
        parts = [operand_topic(q[:m.start()], query), operand_topic(_COMPARED.sub("", q[m.start() + 1:]), query)]
    else:
        parts = operands.split_phrases(q[:m.start()], query)
    parts = [p for p in parts if p]
    if len(parts) != 2:
        return None
    for item in items:
        chosen = operands.pick(a, item, parts, unit, query)
        if chosen and chosen[0].unit == chosen[1].unit:
            return _difference_plan([(item, n) for n in chosen])
    found = operands.pick_across(a, items, parts, unit, query)
    if found:
        return _difference_plan(found)
    return _difference_in_one_sentence(a, query, items[:1], unit) if len(query.localities) <= 1 else None


def _difference_in_one_sentence(a, query, items, unit):
    """"…州里梳理的清单和自治区最后确定的差了几项?" asked of "梳理…事项清单58项,经区级调整并确定
    实现…事项53项": a sentence about the question that counts exactly two things in the unit asked
    states the two sides of the difference, even when the question names them in other words."""
    found = operands.two_in_one_sentence(a, query, items, unit)
    return _difference_plan([(found[0], found[1]), (found[0], found[2])]) if found else None


def _places_plan(found: list[tuple[TaskItem, Number]], head: str, steps: list[Computed]):
    """A result from one figure of each of two places, each figure named with its place."""
    (first, x), (second, y) = found
    label = f"{first.locality}{x.text}{x.unit},{second.locality}{y.text}{y.unit}。"
    return first, f"{head}。{label}计算:{steps[0].working}", steps, [x.sentence, y.sentence], [second]


def _counted(q: str, item: TaskItem, step: Computed, unit: str, sentence: str):
    """A count computed from a rate, asked "至少/最多…": a whole number of what is counted."""
    steps, word = compute.whole_as_asked(step, unit, q)
    return item, f"{word or '约'}{steps[-1].result}{unit}。计算:" + ";".join(s.working for s in steps), steps, [sentence]


def _difference_plan(found: list[tuple[TaskItem, Number]]):
    (first, x), (second, y) = found
    if x.unit != y.unit:
        return None
    step = compute.difference(x, y)
    others = [second] if second.item_id != first.item_id else []
    label = "" if not others or first.locality == second.locality else f"{first.locality}{x.text}{x.unit},{second.locality}{y.text}{y.unit}。"
    return (first, f"相差{step.working.split(' = ')[1]}。{label}计算:{step.working}", [step], [x.sentence, y.sentence], others)


def _sum(a, query, items):
    q = query.original
    m = _SUM.search(q)
    if not m:
        return None
    if len(query.localities) == 2:  # "霁川县和鹤汀市一共…": one figure of each place
        tail = q[[x.end() for x in _SUM.finditer(q)][-1]:]
        topic = " ".join(t for t in (operand_topic(q[:m.start()], query),
                                     operand_topic(re.sub(r"(了)?(多少|几).*$", "", tail), query)) if t)
        found = operands.each_place(a, query, topic, operands.asked_unit(q[m.start():]))
        if not found or found[0][1].unit != found[1][1].unit or found[0][1].unit == "%":
            return None
        step = compute.total([n for _, n in found])
        return _places_plan(found, f"合计{step.result}{found[0][1].unit}", [step])
    # the parts are named before a sum word: the first ("A和B加起来,一共…") or a later one
    # ("一共多少个点?把A这一层和B那一层加总")
    first, parts = m, []
    for m in _SUM.finditer(q):
        parts = operands.split_phrases(q[:m.start()], query)
        if len(parts) >= 2:
            break
    if len(parts) < 2:
        return _sum_of_kinds(a, query, items)
    # "A和B加起来,一共调解成功了多少件?": what is summed is named after the sum word
    tail = q[[x.end() for x in _SUM.finditer(q)][-1]:]  # after the last sum word
    measure = operand_topic(re.sub(r"(了)?(多少|几).*$", "", tail), query)
    if measure:
        parts = [f"{p}{measure}" for p in parts]
    unit = operands.asked_unit(q[first.start():])
    for item in items:
        chosen = operands.pick(a, item, parts, unit, query)
        if chosen and len({n.unit for n in chosen}) == 1 and chosen[0].unit != "%":  # rates never add up
            step = compute.total(chosen)
            return item, f"合计{step.result}{chosen[0].unit}。计算:{step.working}", [step], [n.sentence for n in chosen]
    found = operands.pick_across(a, items, parts, unit, query)
    if not found or len({n.unit for _, n in found}) != 1 or found[0][1].unit == "%":
        # "把国家级、自治区级和州级…全部加起来": no part matched a figure on its own words, but one
        # stretch of a sentence counts as many things as the question names
        return _sum_of_kinds(a, query, items, len(parts), operand_topic(q[:m.start()], query))
    step = compute.total([n for _, n in found])
    holders = list(dict.fromkeys(i for i, _ in found))
    return (holders[0], f"合计{step.result}{found[0][1].unit}。计算:{step.working}", [step],
            [n.sentence for _, n in found], holders[1:])


# --- matching phrases to numbers ------------------------------------------------------------


# "列了几个领域?", "还要公示几类信息?": how many things a list names (not 几个工作日, 几个月)
_ASKS_MEMBERS = re.compile(r"(?<!哪)(几|多少)(个|类|种|大类|方面)(?!工作日|月|小时|百分点|点|人|单位|部门)(?P<noun>[\u4e00-\u9fff]{2})?")
_MORE_MEMBERS = re.compile(r"多出(来)?的?|多了?(哪些|哪几)|(不同|区别|差别)(在|是)|(哪些|哪几).{0,6}没(有|列|写|提)")


def _listed_count(a, query: Query, items: list[TaskItem]) -> Callable | None:
    """The members of the list in the sentence best covering the question, counted, in each place
    named; with two places and "多出来的是哪些", the members one lists and the other does not."""
    q = query.original
    asked = _ASKS_MEMBERS.search(q)
    if not asked or len(query.localities) > 2:
        return None
    topic = operand_topic(q[:asked.start()], query) or query.topic
    counter = asked.group(2)
    # what is counted ("几个领域", "几类信息") must be what the list is of: said after its members
    noun = next((m.group("noun") for m in _ASKS_MEMBERS.finditer(q) if m.group("noun")), "")
    if not noun:
        return None
    if len(query.localities) == 2:
        found = []
        for place in query.localities:
            own = [h.item for h in a.searcher.search(topic, k=4, localities=[place])][:2]
            found.append(_best_list(a, topic, own, counter, noun))
        if not all(found):
            return None
    else:
        best = _best_list(a, topic, items[:2], counter, noun)
        if not best:
            return None
        found = [best]
    lines, cited, steps = [], [], []
    for item, sentence, members in found:
        cited.append((item, sentence))
        lines.append(f"{item.locality}:{len(members)}{counter}——{'、'.join(members)}[{len(cited)}]。")
        steps.append(Computed(str(len(members)), tuple(members), f"{len(members)}{counter}"))
    if len(found) == 2 and _MORE_MEMBERS.search(q):
        (first, _, one), (second, _, two) = found
        only = [m for m in one if m not in two]
        other = [m for m in two if m not in one]
        lines.append(f"{first.locality}多出的{len(only)}{counter}:{'、'.join(only) or '无'}"
                     + (f";{second.locality}多出的:{'、'.join(other)}" if other else "") + "。")
        steps.append(Computed(str(len(only)), tuple(only), f"{len(only)}{counter}"))
    lines += [f"原文:“{sentence}”[{n}]" for n, (_, sentence) in enumerate(cited, start=1)]
    body = "\n".join(lines)

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        yield {"type": "delta", "text": body}
        yield a.final(query, body, "answered", cited, "computed", computed=tuple(steps))

    return answer


LIST_NOUN_WINDOW = 16  # "…个人信息安全等关系群众切身利益的重点领域": how far after its members a list says what they are


def _best_list(a, topic: str, items: list[TaskItem], counter: str, noun: str):
    """(item, sentence, members) of the list of `noun` whose sentence best covers the topic, when
    the sentence does not state the count itself (then the number is the answer, not a count)."""
    best = None
    for item in items:
        for sentence in sentences(item.text):
            lists = [m for m in enumerations.lists_in(sentence)
                     if noun in sentence[(end := sentence.find(m[-1]) + len(m[-1])):end + LIST_NOUN_WINDOW]]
            if not lists or re.search(rf"\d+{counter}", sentence):
                continue
            cover = a.evidence.coverage(topic, sentence) or 0.0
            if cover >= OPERAND_MIN and (best is None or cover > best[0]):
                best = (cover, item, sentence, max(lists, key=len))
    return best[1:] if best else None


# "告知承诺事项,两类合计多少项?": the parts counted by number, not named
_KINDS_SUMMED = re.compile(r"(?P<n>[两二三四五六七八九])(类|种|者|块|部分|个方面|方面)")
_COUNTED = re.compile(r"(几|多少)个?(?P<unit>项|件|家|次|人|名|条|个|户|所|场|批|类)")


def _sum_of_kinds(a, query, items, parts: int = 0, scene: str = ""):
    """The figures of the one stretch of a sentence (between its ；) that best covers the question
    and counts exactly as many things, in the unit asked, as the question says there are ("两类合计")
    or names (`parts`)."""
    q = query.original
    kinds, counted = _KINDS_SUMMED.search(q), _COUNTED.search(q)
    if not (kinds or parts >= 2) or not counted or len(query.localities) > 1:
        return None
    n, unit = (route_counts.CN_DIGIT[kinds.group("n")] if kinds else parts), counted.group("unit")
    topic = (operand_topic(q[:kinds.start()], query) if kinds else scene) or query.topic  # the scene, before "两类合计"
    best = None
    for item in items[:2]:
        for sent in sentences(item.text):
            nums = [x for x in compute.numbers_in(sent) if x.unit == unit]
            for x in nums:
                stretch = [y for y in nums if _same_part(x, y)]
                cover = a.evidence.coverage(topic, max((y.context for y in stretch), key=len)) or 0.0
                if len(stretch) == n and cover >= OPERAND_MIN and (best is None or cover > best[0]):
                    best = (cover, item, stretch)
    if best is None:
        return None
    _, item, stretch = best
    step = compute.total(stretch)
    return item, f"合计{step.result}{unit}。计算:{step.working}", [step], [stretch[0].sentence]



def _rsplit(text: str, pattern: str) -> tuple[str, str, str]:
    pieces = re.split(f"({pattern})", text)
    if len(pieces) < 3:
        return text, "", ""
    return "".join(pieces[:-2]), pieces[-2], pieces[-1]


# --- answers --------------------------------------------------------------------------------
def _answer(plan) -> Callable | None:
    return _answer_all([plan])


def _answer_all(plans) -> Callable | None:
    """One answer for one or more computations: each result with its citation marks, then the
    sentences its operands come from."""
    plans = list({plan[1]: plan for plan in plans}.values())  # two parts answered by one result: once
    cited: list[tuple[TaskItem, str]] = []
    lines, quoted, steps = [], [], []
    for item, text, plan_steps, quotes, *rest in plans:
        own = [(item, quotes[0] if quotes else item.text[:80])]
        own += [(other, quotes[n] if len(quotes) > n else other.text[:80]) for n, other in enumerate(rest[0] if rest else [], start=1)]
        marks = ""
        for pair in own:
            known = next((k for k, (c, _) in enumerate(cited, start=1) if c.item_id == pair[0].item_id), 0)
            if not known:
                cited.append(pair)
                known = len(cited)
            marks += f"[{known}]"
        lines.append(f"{text}{marks}。")
        quoted += quotes
        steps += plan_steps
    if len({c.locality for c, _ in cited}) == 1:
        lines[0] = f"{cited[0][0].locality}:{lines[0]}"
    else:  # several places: a result from one place's item says which place it is
        # (a result that names its places itself keeps its words; one that does not says whose it is)
        lines = [f"{plan[0].locality}:{line}" if not (plan[4:] and plan[4]) or plan[0].locality not in line else line
                 for plan, line in zip(plans, lines)]
    for quote in dict.fromkeys(quoted):
        owner = next((k for k, (c, _) in enumerate(cited, start=1) if quote in c.text), 1)
        lines.append(f"原文:“{' '.join(quote.split())}”[{owner}]")
    body = "\n".join(lines)
    if unsupported_values(body, [c for c, _ in cited], steps):
        return None  # never: operands are read from these items; the check keeps it so

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        yield {"type": "delta", "text": body}
        yield a.final(query, body, "answered", cited, "computed", computed=tuple(steps))

    return answer
