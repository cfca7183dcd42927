"""The items an answer may use: the best per named place, or per place that comes close to the
best, or the best of the one place, with their relevance.
"""
from __future__ import annotations

import re

from assistant.gates import REL_MIN, REL_MIN_NAMED
from assistant.place_readings import own_readings
from assistant.support import support
from assistant.understand import Query
from corpus.types import TaskItem

def context(a, query: Query, hits) -> list[tuple[TaskItem, float]]:
    """The items the answer may use, with their relevance: the best per named locality; with no
    place named, the best of each place that comes close to the best; else the two (three for a
    summary) best-ranked of the one place, most relevant first."""
    ranked = [h.item for h in hits]
    spread = _per_locality(a, query, ranked) if not query.localities and query.intent != "summary" else []
    if len(query.localities) > 1:
        readings = own_readings(query)
        scored = [best for loc in query.localities
                  if (best := _best_of_place(a, query, ranked, loc, readings.get(loc, ())))]
    elif len(spread) > 1:
        scored = spread  # no place named and several places' documents cover it: each answers
    else:
        places = query.localities or tuple(i.locality for i, _ in spread[:1])  # the one place that comes close
        pool = [i for i in ranked if not places or i.locality in places]
        want = 3 if query.intent == "summary" else 2
        candidates = [(i, a.relevance(query, i)) for i in pool[:5]]
        scored = candidates[:want]
        # For a number question, a lower-ranked item clearly more on topic takes the place of the
        # weakest chosen one (the hybrid rank can put a broad item mentioning 2021 above the one
        # about the question). Only there: the answer must then also hold the kind of value asked,
        # a second check open questions lack (D042 '…叫什么名字?' got a count instead of a refusal).
        floor = REL_MIN_NAMED if query.localities else REL_MIN
        for item, rel in candidates[want:]:
            weakest = min(range(len(scored)), key=lambda n: scored[n][1])
            # Other questions: only when no chosen item could be used at all ("第一责任人是谁?" ranks
            # two task items above the guarantee measure that says it), so an answer the ranked
            # items give is never replaced by one from a lexically closer item.
            usable = any(r >= floor for _, r in scored)
            if rel > scored[weakest][1] + 0.15 and (query.intent == "number" or (not usable and rel >= floor)):
                scored[weakest] = (item, rel)
        if query.intent == "number":
            scored = _holding_the_value(a, query, scored, candidates)
        scored.sort(key=lambda s: -s[1])
    # Prompt tokens dominate latency: when the best item clearly carries the question, the draft
    # gets it alone.
    if len(scored) > 1 and len(query.localities) <= 1 and scored[0][1] >= scored[1][1] + 0.25:
        scored = scored[:1]
    return scored


def _holding_the_value(a, query: Query, scored, candidates):
    """A number asked: a chosen item with no sentence holding it gives its place to one as close to
    the question that has one ("漱泉2024年行政复议纠错了多少件?": the 2025 plan and the problems
    section rank with the point that says 纠错12件)."""
    held = {i.item_id for i, _ in candidates if support(a, query, i)}
    if not held or all(i.item_id in held for i, _ in scored):
        return scored
    spare = [(i, r) for i, r in candidates if i.item_id in held and all(i.item_id != s.item_id for s, _ in scored)]
    out = []
    for item, rel in scored:
        if item.item_id not in held and spare and spare[0][1] >= rel - 0.15:
            out.append(spare.pop(0))
        else:
            out.append((item, rel))
    return out


MAX_LOCALITIES = 6  # fifteen documents: a task many places set is answered for each (政府信息公开年度报告: 4+)
# Stricter than a unit question's REL_SHARE: a quoted sentence from a loosely related item of
# another place reads as an answer, where a unit list is checked against its item's heading.
SPREAD_SHARE = 0.8


def other_years_heading(item: TaskItem, years: list[str]) -> bool:
    """The item sits under a heading that names other years than those asked: a report's
    "四、2025年工作打算" does not answer a question about 2024, whatever the report's title says."""
    if not years:
        return False
    named = set(re.findall(r"(?:19|20)\d\d(?=年)", item.section_path.replace(item.text, "")))
    return bool(named) and not named & set(years)


def _best_of_place(a, query: Query, ranked: list[TaskItem], locality: str,
                   readings=()) -> tuple[TaskItem, float] | None:
    """A question naming several places asks each the same thing: the most relevant of the place's
    three best-ranked items. The place gets its own search when the shared ranking holds fewer
    than three of its items, so one place's document cannot crowd the other's out of eight hits.
    When none is on topic by the whole question, the place's own `readings` (what the question
    asks of it alone) search and judge its items."""
    own = [i for i in ranked if i.locality == locality][:3]
    if len(own) < 3:
        seen = {i.item_id for i in own}
        own += [h.item for h in a.searcher.search(query.text, k=3, localities=[locality], locality=locality)
                if h.item.item_id not in seen][:3 - len(own)]
    # (an item under another year's heading is not what is asked of the place: "漱泉2024年评上的…"
    # is not answered from the report's 2025 plans)
    years = re.findall(r"(?:19|20)\d\d(?=年)", query.original)
    own = [i for i in own if not other_years_heading(i, years)]
    scored = [(i, a.relevance(query, i)) for i in own]
    best = max(scored, key=lambda p: p[1], default=None)  # ties: the better-ranked
    if best and best[1] >= REL_MIN_NAMED:
        return best
    for sub in readings:
        alone = [(h.item, a.relevance(sub, h.item)) for h in a.searcher.search(sub.text, k=3, localities=[locality])
                 if not other_years_heading(h.item, years)]
        found = max(alone, key=lambda p: p[1], default=None)
        if found and found[1] >= REL_MIN_NAMED:
            return found
    return best


def _per_locality(a, query: Query, ranked: list[TaskItem]) -> list[tuple[TaskItem, float]]:
    """The most relevant of each locality's three best-ranked items, for the localities that come
    close to the best one."""
    by_loc: dict[str, list[TaskItem]] = {}
    for item in ranked:
        by_loc.setdefault(item.locality, []).append(item)
    best = [max(((i, a.relevance(query, i)) for i in items[:3]), key=lambda p: p[1]) for items in by_loc.values()]
    top = max((r for _, r in best), default=0.0)
    keep = [(i, r) for i, r in best if r >= REL_MIN and r >= SPREAD_SHARE * top]
    return sorted(keep, key=lambda p: -p[1])[:MAX_LOCALITIES]
