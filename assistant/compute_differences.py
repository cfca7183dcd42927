"""Differences, remainders and sums computed from the figures of the items: "相差几个百分点?",
"没受理的有几件?", "除掉…剩下的有几件?", "一共多少件?", "涉及多少个单位?". Each returns a plan
(assistant.computed_answer) or None when the items do not hold its operands."""
from __future__ import annotations

import re

from assistant import compute, operands, route_counts
from assistant.compute import Number
from assistant.computed_answer import places_plan
from assistant.gates import OPERAND_MIN
from assistant.topic import operand_topic, place_words, words_before_places
from corpus.text import sentences
from corpus.types import TaskItem

DIFF = re.compile(r"相差|差距|差(了)?(几|多少)|比.{1,24}(多|少|高|低)[办做收受审查]?(了|出)?(多少|几)|"
                  # "…定了多少个，霁川要求多少个，墨川多几个?": the two said before, one named as the more
                  r"(?<=[,，])[^,，?？比]{1,8}?(?<![至最不])(多|少|高|低)(了|出)?(多少|几)")
_SUM = re.compile(r"一共|合计|总共|加起来|加在一起|加到一起|加一块|合起来|合在一起|加总|共计|总计|之和|总和")
_COMPARED = re.compile(r"(多|少|高|低|早|晚)[办做收受审查]?(了|出)?(多少|几).*$")  # "…比B多几项?": what follows B


# "…涉及多少个单位?" of "全县18个乡镇和42个县直部门…": bodies of several kinds, counted in one
# enumeration, asked as one count of 单位 (the word that covers them all)
_BODIES_ASKED = re.compile(r"(多少|几)个?(单位|地方|主体|机构)")
_BODY_KIND = r"[\u4e00-\u9fff]{0,6}?(?:乡镇|镇|街道|部门|单位|村|社区|机关|办事处|政府)"
_BODIES = re.compile(rf"(?P<n>\d+)个(?P<kind>{_BODY_KIND})(?:(?:[、和及与]|以及)(?P<n2>\d+)个(?P<kind2>{_BODY_KIND}))+")


def bodies_total(a, query, items):
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


# "收到的申请里,没受理的有几件?": the whole less the part done
_NOT_DONE = re.compile(r"(?P<whole>[^,，]+?)(里|中|当中|之中)[,，]?([^,，?]{0,6}?时|其中)?(?P<neg>没有?|未|尚未|还没有?)(?P<done>[\u4e00-\u9fff]{1,6}?)的"
                       r"[^,，?]{0,6}?(有|是)?(几|多少)")


# "人民调解去年没调成的纠纷有多少件?": the whole is not named, the sentence counting it is
_NOT_DONE_BARE = re.compile(r"(没有?|未|尚未|还没有?)[\u4e00-\u9fff]{1,6}?的[^,，?]{0,8}?(有|是)?(几|多少)|"
                            r"(还)?剩(下|余)?(了)?[^,，?]{0,4}?(几|多少)")


# "除掉废止和修改的,剩下的有几件?": the whole less the parts named, all three in one sentence
_LESS_PARTS = re.compile(r"(除掉|除去|去掉|扣除|扣掉|刨去|刨掉|刨除|减去|减掉|排除)(?P<parts>[^,，?？的]{1,30}?)(的|以外|之外)?[,，]"
                         r"[^?？]{0,12}?(剩下|还剩|其余|剩余|余下|其他|其它)[^?？]{0,12}?(几|多少)")


def less_parts(a, query, items):
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


# "受理审查时间一共压缩了几个工作日?" of "由5个工作日压缩至3个工作日": a change stated from one figure
# to another is the difference of the two
_CHANGE_WORDS = r"压缩|压减|减少|降低|下降|缩短|缩减|提高|增加|提升|扩大|增长"
_CHANGE_ASKED = re.compile(rf"(?:{_CHANGE_WORDS})了?(?:几|多少)")
_FROM_TO = re.compile(rf"[由从](?P<x>\d+(?:\.\d+)?)(?P<unit>[^\d，,。；;]{{0,6}}?)(?:{_CHANGE_WORDS}|调整)(?:至|到|为)"
                      rf"(?P<y>\d+(?:\.\d+)?)(?P=unit)")


def changed_by(a, query, items):
    if not _CHANGE_ASKED.search(query.original) or len(query.localities) > 1 or not items:
        return None
    item = items[0]  # (the item the question is about; a figure changed elsewhere answers nothing)
    for sentence in sentences(item.text):
        m = _FROM_TO.search(sentence)
        if not m:
            continue
        numbers = compute.numbers_in(sentence[m.start():m.end()])
        if len(numbers) == 2 and numbers[0].unit == numbers[1].unit:
            x, y = (Number(n.value, n.text, n.unit, n.label, n.context, sentence) for n in numbers)
            step = compute.difference(x, y)
            return item, f"{step.result}{step.working.rsplit(step.result, 1)[1]}。计算:{step.working}", [step], [sentence]
    return None


def remainder(a, query, items):
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
    # "调解的纠纷里,没调成的有几件?" of "调解纠纷3342件,调解成功3301件": the part done in other words
    return _remainder_in_one_sentence(a, query, items[:1], unit or operands.COUNTS)


def _remainder_in_one_sentence(a, query, items, unit):
    """The whole less the part done, when one sentence about the question counts both in the unit
    asked ("调解各类矛盾纠纷5208件,调解成功5142件"): the whole is stated first and is the larger."""
    found = operands.two_in_one_sentence(a, query, items, unit)
    if not found or found[1].value <= found[2].value:
        return None
    item, whole, done = found
    step = compute.difference(whole, done)
    return item, f"{step.result}{step.working.rsplit(step.result, 1)[1]}。计算:{step.working}", [step], [whole.sentence]


def difference(a, query, items):
    q = query.original
    m = DIFF.search(q)
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
        shared = operand_topic(words_before_places(q[:m.start()], query.localities), query)
        found = operands.each_place(a, query, operand_topic(q[:m.start()], query), unit, own, shared)
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


def _difference_plan(found: list[tuple[TaskItem, Number]]):
    (first, x), (second, y) = found
    if x.unit != y.unit:
        return None
    step = compute.difference(x, y)
    others = [second] if second.item_id != first.item_id else []
    label = "" if not others or first.locality == second.locality else f"{first.locality}{x.text}{x.unit},{second.locality}{y.text}{y.unit}。"
    return (first, f"相差{step.working.split(' = ')[1]}。{label}计算:{step.working}", [step], [x.sentence, y.sentence], others)


def summed(a, query, items):
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
        return places_plan(found, f"合计{step.result}{found[0][1].unit}", [step])
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
