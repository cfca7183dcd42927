"""Which number of the items stands for each thing a computing question names (assistant.route_compute).

A number is matched to a phrase of the question by the words of its clause and sentence
(`fit`), with the unit the question asks for; `pick` finds one distinct number per phrase in
one item, `pick_across` in several points of one report, `each_place` one per place named, and
`two_in_one_sentence` the two figures of one sentence that counts two things in the unit asked.
"""
from __future__ import annotations

import re

from assistant import compute
from assistant.compute import Number
from assistant.gates import OPERAND_MIN
from assistant.topic import operand_topic
from assistant.understand import Query
from corpus.text import normalize, sentences
from corpus.types import TaskItem

_JOIN = re.compile(r"和|与|及|以及|加上|加|、|跟")
_ASKED_UNIT = [(re.compile(r"百分点|(几|多少)个?点|比例|比重|百分之|率"), "%"), (re.compile(r"(几|多少)件"), "件"),
               (re.compile(r"(几|多少)次"), "次"), (re.compile(r"(几|多少)家"), "家"),
               (re.compile(r"(几|多少)(个|项)"), None), (re.compile(r"(几|多少)(人|名)"), "人")]

# "还剩多少没化解?" names no unit: any unit things are counted in, the same on both sides
COUNTS = ("件", "项", "家", "次", "人", "名", "条", "个", "户", "所", "场", "批", "类")


def two_in_one_sentence(a, query, items, unit) -> tuple[TaskItem, Number, Number] | None:
    """The sentence best covering the question that counts exactly two different things in the unit
    asked (or counted: 几项 counts 项), with its two figures in the order written."""
    counted = re.search(r"(几|多少)个?(项|件|家|次|人|名|条|个)", query.original)
    unit = unit or (counted.group(2) if counted else None)
    if not unit or unit == "%":  # rates are told apart by their subjects, never by position
        return None
    best = None
    for item in items:
        # (a sentence of parts, `行政调解…1218件，调解成功1164件；人民调解…3342件，调解成功3301件`: each part too)
        for s in [part for whole in sentences(item.text) for part in dict.fromkeys([whole, *re.split(r"(?<=[；;])", whole)]) if part]:
            nums = [n for n in compute.numbers_in(s) if n.unit == unit or (unit == COUNTS and n.unit in COUNTS)]
            if len({n.unit for n in nums}) > 1:
                continue
            cover = a.evidence.coverage(query.topic, s) or 0.0
            if len(nums) == 2 and nums[0].value != nums[1].value and cover >= OPERAND_MIN and (not best or cover > best[0]):
                best = (cover, item, nums)
    if not best:
        return None
    _, item, (x, y) = best
    return item, x, y


def each_place(a, query: Query, topic: str, unit: str | None,
                own: tuple[str, ...] = (), shared: str = "") -> list[tuple[TaskItem, Number]] | None:
    """The figure standing for `topic` in each place the question names, in the order named; each
    place searched on its own, since one place's items may rank below the other's. `own`: each
    place's own words when the question gives them ("A比B…"): the better-standing figure of the
    two readings is taken; `shared`: the words said before every place, read with each place's own."""
    found = []
    for k, loc in enumerate(query.localities):
        mine = own[k] if k < len(own) else ""
        both = f"{shared} {mine}".strip() if shared and mine else ""
        readings = [t for t in dict.fromkeys((mine, both, topic)) if t]
        # (with shared words, every figure is judged by the place's whole description: "不少于" alone
        # fits any floor of the document, "审计项目…不少于" the one asked)
        picks = [(p, fit(a, both or t, p[1])) for t in readings
                 for p in [best(a, _items_of_place(a, t, loc), t, unit)] if p]
        if not picks:
            return None
        item, n = max(picks, key=lambda ps: ps[1])[0]
        if k < len(own) and own[k]:  # of the figures of that measure in its sentence, the one its own words name
            same = [m for m in compute.numbers_in(n.sentence) if m.unit == n.unit]
            n = max(same, key=lambda m: (fit(a, own[k], m), m == n))
        found.append((item, n))
    return found


def _items_of_place(a, text: str, locality: str) -> list[TaskItem]:
    """The place's best items for `text`, its own only: the search fills up from other places when
    the place holds fewer items than asked for, and a figure of another place is not this one's."""
    return [h.item for h in a.searcher.search(text, k=4, localities=[locality]) if h.item.locality == locality]


def best(a, items: list[TaskItem], phrase: str, unit: str | None) -> tuple[TaskItem, Number] | None:
    """The number of `items` (the best-ranked first) that best stands for `phrase`."""
    scored = [(fit(a, phrase, n), -k, item, n) for k, item in enumerate(items)
              for s in sentences(item.text) for n in compute.numbers_in(s) if not unit or n.unit == unit]
    if not scored:
        return None
    score, _, item, n = max(scored, key=lambda t: (t[0], t[1]))
    if score >= OPERAND_MIN:
        return item, n
    # the place's best-ranked item holds exactly one figure in the unit asked, in words of the
    # question's own in part ("两边行动次数的下限差几次?" of "…联合执法检查不少于8次"): that figure
    own = [t for t in scored if t[1] == 0]
    if unit and len(own) == 1 and own[0][0] >= OPERAND_MIN / 2:
        return own[0][2], own[0][3]
    return None


def split_phrases(text: str, query: Query, written: str = "") -> list[str]:
    """'行政调解和人民调解的成功率' -> ['行政调解成功率', '人民调解成功率']. A joining character the
    document (`written`) prints inside one stretch of words ("调解和解结案") joins nothing."""
    clauses = [c for c in re.split(r"[,\uff0c?？]", text) if c.strip()]
    # the clause right before the sum word names the parts; or, when that one only asks ("…、
    # …、…中心组法治专题学习,最少各几次?合起来最少几次?"), the nearest clause before it that does
    said = [_phrases_of(c, query, written) for c in reversed(clauses)]
    return next((p for p in said if len(p) >= 2), said[0] if said else [])


def _phrases_of(text: str, query: Query, written: str) -> list[str]:
    cuts = [m for m in _JOIN.finditer(text) if not (written and m.start() >= 2
                                                    and text[m.start() - 2:m.end() + 2] in written)]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(text)]
    parts = [p for p in (text[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)) if p.strip()]
    if len(parts) > 1 and "的" in parts[-1]:
        last, _, shared = parts[-1].rpartition("的")
        parts = [p + shared for p in parts[:-1]] + [last + shared]
    return [c for c in (operand_topic(p, query) for p in parts) if c]


def fit(a, phrase: str, n: Number) -> float:
    label = a.evidence.coverage(phrase, n.label) or 0.0
    context = a.evidence.coverage(phrase, n.context) or 0.0
    return (context + 0.5 * label) / 1.5  # the sentence up to it must say it; its own clause decides ties


def pick(a, item: TaskItem, phrases: list[str], unit: str | None, query: Query) -> list[Number] | None:
    """One distinct number of `item` for each phrase, or None when one is not found: from the
    sentence that best covers the whole question when it holds them all ("修订完善村规民约…的,村和
    社区加起来" is 697个村、296个社区, not the 示范村(社区) counts of the sentence before it), else from
    any sentence of the item."""
    said = [(s, [n for n in compute.numbers_in(s) if not unit or n.unit == unit]) for s in sentences(item.text)]
    cover, _, scene = max(((a.evidence.coverage(query.topic, s) or 0.0, -k, nums) for k, (s, nums) in enumerate(said)),
                          default=(0.0, 0, []))
    if len(scene) >= len(phrases) and cover >= OPERAND_MIN:
        chosen = _pick_among(a, item, phrases, scene)
        if chosen:
            return chosen
    return _pick_among(a, item, phrases, [n for _, nums in said for n in nums])


def _lead_in_dropped(phrase: str) -> list[str]:
    """"一个部门一年里“一把手”讲法、组织本单位看庭审视频、…": the first part of a list carries the
    clause's lead-in, which is every part's scene, not its own words. The phrase, and the phrase
    without its first words (as long as two words or four characters remain)."""
    words = phrase.split()
    return [phrase] + [" ".join(words[k:]) for k in range(1, len(words))
                       if len(words) - k >= 2 or len("".join(words[k:])) >= 4]


def _pick_among(a, item: TaskItem, phrases: list[str], nums: list[Number]) -> list[Number] | None:
    chosen: list[Number] = []
    for at, phrase in enumerate(phrases):
        said = _lead_in_dropped(phrase) if at == 0 and len(phrases) > 1 else [phrase]
        scored = sorted(((max(fit(a, p, n) for p in said), k, n) for k, n in enumerate(nums) if n not in chosen
                         and tells_apart(a, phrase, phrases, f"{item.heading}{n.context}")),
                        key=lambda t: (-t[0], t[1]))
        if not scored or scored[0][0] < OPERAND_MIN:
            return None
        chosen.append(scored[0][2])
    return chosen


def pick_across(a, items: list[TaskItem], phrases: list[str], unit: str | None,
                 query: Query) -> list[tuple[TaskItem, Number]] | None:
    """One number for each phrase from any item of the best item's document, when no single item
    holds them all: a report states each result under its own point ("人民调解…成功率98.7%" in one,
    "行政调解…成功率95.8%" in another). A number's item heading counts as its label, since the point
    names its subject once, in the heading. Only for a question about one place: two places
    named ("霁川县和鹤汀市一共…") mean one operand from each, never two from one of them."""
    if len(query.localities) > 1:
        return None
    same_doc = [i for i in items if i.doc_id == items[0].doc_id]
    chosen: list[tuple[TaskItem, Number]] = []
    for phrase in phrases:
        scored = [(max(fit(a, phrase, n), fit_in_item(a, phrase, n, item)), -k, item, n)
                  for k, item in enumerate(same_doc) for s in sentences(item.text)
                  for n in compute.numbers_in(s) if (not unit or n.unit == unit) and all(n != c for _, c in chosen)
                  and tells_apart(a, phrase, phrases, f"{item.heading}{n.context}")]
        if not scored:
            return None
        score, _, item, n = max(scored, key=lambda t: (t[0], t[1]))
        if score < OPERAND_MIN:
            return None
        chosen.append((item, n))
    return chosen if len({id(i) for i, _ in chosen}) > 1 else None


def tells_apart(a, phrase: str, phrases: list[str], text: str) -> bool:
    """Of "人民调解调解成功" and "行政调解调解成功", a number whose words hold what sets another apart
    (人民) and nothing of this one's (行政) is not this one's: what they share says nothing of which."""
    from assistant.evidence import bigrams

    text = normalize(text)
    others = [o for o in phrases if o != phrase]
    shared = {g for o in others for g in bigrams(o)}
    own = [g for g in bigrams(phrase) if g not in shared and g in a.evidence.idf]
    theirs = [g for o in others for g in bigrams(o) if g not in bigrams(phrase) and g in a.evidence.idf]
    # a number whose words name another operand's subject, and not this one's, is that one's
    return any(g in text for g in own) or not any(g in text for g in theirs)


def fit_in_item(a, phrase: str, n: Number, item: TaskItem) -> float:
    context = a.evidence.coverage(phrase, f"{item.heading}{n.context}") or 0.0
    label = a.evidence.coverage(phrase, n.label) or 0.0
    return (context + 0.5 * label) / 1.5


def asked_unit(text: str) -> str | None:
    for pattern, unit in _ASKED_UNIT:
        if pattern.search(text):
            return unit
    return None


def largest_same_unit(item: TaskItem, parts: list[Number]) -> Number | None:
    same = [n for n in compute.numbers_in(parts[0].sentence) if n.unit == parts[0].unit and n not in parts]
    return max(same, key=lambda n: n.value) if same else None
