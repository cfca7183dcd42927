"""A rule of the document applied to a figure the asker gives.

"阜康要求法制审核人员不少于执法人员的5%,一个有60名执法人员的局起码得配几名?": the rate is the
document's, 60名 is the asker's own, and code computes 60名 × 5% = 3名. The same for a quota per
thing ("每个执法岗位保证3名…", asked "我们有5个岗位的话"): 5个 × 3名 = 15名; and for what a cut
leaves ("承诺时限比法定时限压缩60%以上", asked of "一个法定20个工作日的事项"): 20 × (1 − 60%) = 8.

A civil servant asks this of their own office all the time; the document states the rule, never the
answer. The asker's figure is the one value the answer states that no citation holds: the answer
says it is the asker's ("按提问中的60名算"), and `Computed.given` records it so that the checks
(assistant.verify, eval.metrics) can tell it from a value the answer made up.
"""
from __future__ import annotations

import re

from assistant import compute
from assistant.compute import Computed, Number
from assistant.gates import OPERAND_MIN
from assistant.topic import topic_of
from assistant.understand import Query
from corpus.text import sentences
from corpus.types import TaskItem

# The asker speaks of a case of their own: "假如今年复议结了60件", "我们局有5个执法岗位的话",
# "一个有60名执法人员的局", "一个法定20个工作日的事项"
_OWN_CASE = re.compile(r"假如|假设|如果|要是|比如|比方|倘若|的话|一个[^,，。?？\d]{0,4}\d|(我们|我局|本单位|咱们)[^,，。?？]{0,6}\d")
_ASKED = re.compile(r"(几|多少)(?P<unit>个工作日|个|名|人|件|项|家|次|天|日|条|户|所|场|批|份|小时|学时)")
# the rate cuts something down: what is left is the rest of 100% (asked of the thing after the cut)
_CUT = re.compile(r"压缩|减少|降低|下降|缩短|压减|缩减|精简")
_CUT_ASKED = re.compile(r"(压缩|减少|降低|缩短|压减|缩减|少|减)(了|掉)?(几|多少)")


def given_figures(question: str) -> list[Number]:
    """The counts the asker gives of their own case (not rates: a rate they quote is the document's)."""
    if not _OWN_CASE.search(question):
        return []
    return [n for n in compute.numbers_in(question) if n.unit and n.unit not in ("%", "个百分点")]


def applied(a, query: Query, items: list[TaskItem]):
    """(item, text, steps, quotes) when the items hold a rule for the asker's figure, else None."""
    q = query.original
    given = given_figures(q)
    asked = _ASKED.search(q)
    if len(given) != 1 or not asked or asked.start() < q.find(given[0].text):
        return None  # one figure of the asker's, asked about after it
    base = given[0]
    # what the rule is about: the question less the clause of the asker's case
    clauses = re.split(r"[,，;；。?？!！]", q)
    topic = topic_of(" ".join(c for c in clauses if base.text + base.unit not in c), query.localities)
    found = []
    for item in items[:3]:
        for sentence in sentences(item.text):
            own = base.text + base.unit in sentence
            rule = own or _rule_in(sentence, base, asked.group("unit"))
            if rule:
                found.append((a.evidence.coverage(topic, sentence) or 0.0, item, sentence, rule))
    if not found:
        return None
    cover, item, sentence, rule = max(found, key=lambda f: f[0])
    if rule is True or cover < OPERAND_MIN:
        return None  # the figure is the document's own (the ordinary computations read it), or no rule is about it
    unit = asked.group("unit") if rule.unit == "%" else rule.unit
    *made, last = _steps(q, base, rule)
    rounded, word = compute.whole_as_asked(last, unit, q)
    steps = made + rounded
    text = (f"{word}{steps[-1].result}{_shown_unit(unit, base)}。按提问中的{base.text}{base.unit}{_what_counted(base)}计算:"
            + ";".join(s.working for s in steps))
    return item, text, steps, [sentence]


def _rule_in(sentence: str, base: Number, asked_unit: str) -> Number | None:
    """The sentence's rate of a thing counted like the asker's figure, or its quota per thing the
    asker counts ("每个执法岗位…3名", asked with "5个执法岗位")."""
    numbers = compute.numbers_in(sentence)
    rates = [n for n in numbers if n.unit == "%"]
    if rates and _same_measure(base.unit, asked_unit):
        return rates[0]
    thing = _thing_counted(base)
    quotas = [n for n in numbers if n.unit in compute.WHOLE_UNITS and n.unit != base.unit
              and thing and thing in sentence[:sentence.find(n.text)]]
    if quotas and not rates and _same_measure(quotas[0].unit, asked_unit):
        return quotas[0]
    return None


def _same_measure(unit: str, asked: str) -> bool:
    """名 and 人 count people alike; 个 is a measure word for anything, 天 and 日 are one."""
    alike = ({"名", "人", "个"}, {"天", "日"}, {"个工作日"})
    return unit == asked or any(unit in group and asked in group for group in alike)


def _thing_counted(base: Number) -> str:
    """"5个执法岗位的话" -> 岗位: the last two characters of what the figure counts."""
    m = re.match(r"[\u4e00-\u9fff]{2,8}", base.context.split(base.text + base.unit, 1)[-1])
    return m.group(0)[:4][-2:] if m else ""


def _steps(q: str, base: Number, rule: Number) -> list[Computed]:
    given = (base.text,)
    if rule.unit != "%":
        return [compute.per_each(base, rule, given)]
    clause = rule.context
    if _CUT.search(clause[:clause.find(rule.text)]) and not _CUT_ASKED.search(q):
        return compute.after_cut(base, rule, given)
    return [compute.product(base, rule, given)]


def _what_counted(base: Number) -> str:
    """"60名执法人员的局" -> 执法人员: said back with the asker's figure."""
    rest = re.split(r"[,，;；。?？!！]", base.context.split(base.text + base.unit, 1)[-1])[0]
    m = re.match(r"(?!的)[\u4e00-\u9fff]{1,8}?(?=的|$)", rest)
    return m.group(0) if m else ""


def _shown_unit(unit: str, base: Number) -> str:
    return base.unit if unit == "个" and base.unit != "个" else unit
