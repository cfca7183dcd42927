"""Questions that need arithmetic: the operands are found in the items, code computes the result.

- difference ("受理的比收到的少了多少件?", "…成功率相差几个百分点?"), sum ("建议和提案一共多少件?"),
  share ("撤销加确认违法的占多大比例?"), ratio ("是…的几倍?", "平均每家被检查了几次?"), a count
  from a rate ("按优秀率算,至少多少卷?"), time between two dates, the day a validity period ends;
- two places named: one figure of each ("A比B多几项?"), or each place's own computation ("各…");
- items counted from their fields ("几项没写牵头单位?"): assistant.route_counts.
This module decides which computation a question asks and runs it on the best items; the
operations are in assistant.compute_shares, compute_differences, compute_members and route_dates,
and assistant.computed_answer makes their plans into answers. Which number stands for each thing
the question names is assistant.operands' job. The answer gives the result first, then the working,
then the source sentences; when the items do not hold every operand, the question goes the
ordinary way.
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import replace
from typing import Callable

from assistant import (compute, compute_differences, compute_members, compute_shares, computed_answer, fields,
                       route_counts, route_dates, route_given, sections, unit_filters)
from assistant.compute import Computed
from assistant.topic import topic_of
from assistant.understand import Query, detect_intent
from corpus.types import TaskItem
from index.localities import locality_variants

TASK_KINDS = ("task", "point")


def route(a, query: Query, hits) -> Callable | None:
    """The computing answer when the question asks for one and the items hold the operands."""
    q = query.original
    if query.intent == "which_doc":
        return None  # "哪个县把优秀等次比例卡在20%以内?" asks where a figure is said, not to compute one
    items = _candidates(a, query, hits)
    plan = route_dates.doc_gap(a, query, items) or route_dates.page_gap(a, query, items)  # documents' own dates
    if plan:
        return computed_answer.answer(plan)
    if not items:
        return None
    overall = route_counts.status_breakdown(a, query, items)  # a ledger asked how it stands overall
    if overall:
        return overall
    if route_counts.NO_LEAD.search(q) and not sections.names_number(q):  # in a numbered section: its list says it
        return route_counts.answer_no_lead(a, query, items)
    plan = compute_members.unit_count(a, query, items)
    if plan:
        return computed_answer.answer(plan)
    by_field = route_counts.role_filter(a, query) or route_counts.with_unit(
        a, query, route_counts.field_filter(q) or route_counts.value_filter(a, query, items))
    by_units = unit_filters.clause_filters(q, route_counts.doc_tasks(a, items[0].doc_id))
    if len(query.localities) == 1 and (by_field or by_units):
        if not by_field:  # "有几条的牵头单位不少于三家?牵头单位最多的一条有几家?": each clause's items
            keep, said, *steps = by_units[0]
            return route_counts.answer_by_field(a, query, items, keep, said, more=tuple(by_units[1:]), steps=tuple(steps),
                                                leads=route_counts.unit_among(a, query))
        return route_counts.answer_by_field(a, query, items, *by_field, more=tuple(by_units))
    listed = compute_members.listed_count(a, query, items)  # "乌县列了几个领域?": the members of a list counted
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
            return computed_answer.answer(_with_units_asked(query, plan))  # None when it would state a value it cannot support
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
    """Every computation, the more particular first: the first whose operands are found answers."""
    return (route_given.applied, route_dates.expiry, route_dates.before_period_end, route_dates.places_gap,
            route_dates.gap, route_dates.month_gap,
            compute_shares.change_rate, compute_shares.share, compute_shares.share_of_figures_said,
            compute_shares.average, compute_shares.times, compute_shares.scaled,
            compute_differences.changed_by, compute_differences.difference, compute_differences.less_parts,
            compute_differences.remainder,
            compute_differences.summed, compute_differences.bodies_total)


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
        pair = compute_shares.TIMES_AFTER.search(part) or compute_shares.TIMES.search(part)
        if pair:
            said_a, said_b = (pair.group("a"), pair.group("b")) if pair.groupdict().get("a") else (pair.group("a2"), pair.group("b2"))
            compared = f"{said_a}和{said_b}"
        plans.append(plan)
    return computed_answer.answer_all(plans)


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
    if len(query.localities) != 2 or not _EACH.search(q) or compute_differences.DIFF.search(q) or compute_shares.TIMES.search(q):
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
    return computed_answer.answer_all(plans + [compared] if compared else plans)


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
