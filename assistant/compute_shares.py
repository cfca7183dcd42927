"""Shares, ratios and averages computed from the figures of the items: "占多大比例?", "是…的几倍?",
"按优秀率折算…多少卷?", "压缩了百分之几?", "平均每家…几次?". Each returns a plan
(assistant.computed_answer) or None when the items do not hold its operands."""
from __future__ import annotations

import re

from assistant import compute, operands
from assistant.compute import Computed, Number
from assistant.computed_answer import places_plan
from assistant.sections import TASK_KINDS
from assistant.topic import operand_topic, topic_of
from corpus.text import sentences
from corpus.types import TaskItem

_SHARE = re.compile(r"占(了)?(多大|多少|几成|百分之几)|占比|比例|比重|百分之(几|多少)|几成")
_AVERAGE = re.compile(r"平均(下来|算下来|算来|起来|算)?[,，]?每|人均|每(家|个|人|件|户)平均|平均一|[每一]个?[\u4e00-\u9fff]{1,4}平均|摊到每|摊下来")


# "政府投资项目的时限是社会投资项目的几倍?": A is B times what
TIMES = re.compile(r"(?P<a>[^,，?？]{2,40}?)[,，]?(是|为|相当于)(?P<b>[^,，?？]{2,40}?)的(几|多少)倍")
# "按优秀率折算,优秀的大概有多少卷?": a count times a rate of it, both in one sentence
_SCALED = re.compile(r"(按|以|照)(照)?(?P<rate>[\u4e00-\u9fff]{1,12}?率|下限|这个|此|标准|要求|规定|比例)(来)?(折算|算|计算|推算|换算)")
_RATE_NAMED = re.compile(r"[\u4e00-\u9fff]{1,4}?率")


# "漱泉去年会前学法搞了几次?跟碧岑今年的下限比是几倍?": A is what the question asked before
TIMES_AFTER = re.compile(r"^(?P<a>.{2,60}?)[?？,，;；]\s*(跟|和|与|同)(?P<b>[^,，?？]{1,30}?)(相)?比(起来|较)?[,，]?(是|为|有)?(几|多少)倍|"
                          # "拿漱泉去年公开的条数和钧溪今年的目标比,是几倍?", "…是后者的几倍": A against B
                          r"(拿|把)(?P<a2>[^?？]{2,60}?)(和|跟|与|同)(?P<b2>[^,，?？]{1,30}?)(相)?比(起来|较)?[,，]?(是|为|有)?(后者的)?(几|多少)倍")


# "免证办的目标比跨省通办的目标多出几倍?", "A跟B相比,多了几倍": said as more, asked as times; both are given
_TIMES_MORE = re.compile(r"(?P<a>[^,，?？]{2,40}?)比(?P<b>[^,，?？]{2,40}?)多(出)?(了)?(来)?(几|多少)倍|"
                         r"(?P<a2>[^,，?？]{2,40}?)(跟|和|与|同)(?P<b2>[^,，?？]{2,40}?)(相)?比(起来|较)?[,，]?多(出)?(了)?(来)?(几|多少)倍")


def times(a, query, items):
    more = _TIMES_MORE.search(query.original)
    m = TIMES_AFTER.search(query.original) or TIMES.search(query.original) or more  # the more particular first
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
        return places_plan(found, _times_head(steps), steps)
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


def scaled(a, query, items):
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


def change_rate(a, query, items):
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


# "出庭应诉率要达到百分之多少?": a rate the document states, asked by its name, not a share to compute
_NAMED_RATE = re.compile(r"率(要|需要|应|应当|能|得)?(达到|提高到|提升到|保持在?|控制在|不低于|为|是|有)?(百分之|多少|几)")


def share(a, query, items):
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
        if not chosen and len(parts) > 1 and part_text:
            # "以调解和解方式结案的": a 和 inside one term (调解和解), not two parts added up
            parts = [operand_topic(part_text, query)]
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


def share_of_figures_said(a, query, items):
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


def average(a, query, items):
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


def _counted(q: str, item: TaskItem, step: Computed, unit: str, sentence: str):
    """A count computed from a rate, asked "至少/最多…": a whole number of what is counted."""
    steps, word = compute.whole_as_asked(step, unit, q)
    return item, f"{word or '约'}{steps[-1].result}{unit}。计算:" + ";".join(s.working for s in steps), steps, [sentence]


def _rsplit(text: str, pattern: str) -> tuple[str, str, str]:
    pieces = re.split(f"({pattern})", text)
    if len(pieces) < 3:
        return text, "", ""
    return "".join(pieces[:-2]), pieces[-2], pieces[-1]
