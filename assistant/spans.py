"""Which clauses of a long sentence a number answer quotes: the clause holding the value asked,
the clauses that add words of the question, and the value's bound said after it; what is left out
is marked with "…".
"""
from __future__ import annotations

import re

from assistant.evidence import answers_measure
from corpus.text import normalize

_CLAUSE = re.compile(r"[^,，;；]+[,，;；]?")
SPAN_GAIN = 0.1  # a neighbouring clause joins the quoted span when it adds this much coverage


# "卷数和优秀率", "件数、办结率": two measures named together, then asked
_TWO_MEASURES = re.compile(r"([\u4e00-\u9fff]{0,3}?(?:数|率|量))(?:和|及|与|跟|、)([\u4e00-\u9fff]{0,3}?(?:数|率|量))")


def measures_asked(part: str) -> list[str]:
    """Each measure of "…卷数和优秀率各是多少" asked on its own ("卷数是多少", "优秀率是多少"), or []."""
    m = _TWO_MEASURES.search(part)
    if not m or not re.search(r"多少|几", part[m.end():]):
        return []
    return [f"{m.group(1)}是多少", f"{m.group(2)}是多少"]


def answering_span(a, topic: str, part: str, sentence: str) -> tuple[int, int] | None:
    """Which clauses of a long sentence answer a number question, as (first, last) clause: the
    clause holding the value asked that best covers the question, every clause holding such a
    value and one of the question's rarest terms, and neighbours as far as they add words of the
    question. "…事项53项,截止11月底,共办理“跨省通办”业务6927件,…" answers "办了多少件" with
    "截止11月底,…业务6927件", not with every figure of the sentence. None: quote it whole."""
    clauses = _CLAUSE.findall(sentence)
    if len(sentence) <= 60 or len(clauses) < 3:
        return None
    cover = [a.evidence.coverage(topic, c) or 0.0 for c in clauses]
    answering = [n for n, c in enumerate(clauses) if answers_measure(part, c)]
    if not answering or max(cover[n] for n in answering) <= 0:
        return None
    # of equal cover, the clause holding more of the question's own words (线下 of "线下办理了多少件"
    # against 共办理…6927件); then the first, in document order
    from assistant.evidence import jieba_module

    words = {w for w in jieba_module().lcut(topic, HMM=False) if len(w) >= 2}
    best = max(answering, key=lambda n: (round(cover[n], 2), sum(w in clauses[n] for w in words), -n))
    keys = a.evidence.key_grams(topic)
    marked = [n for n in answering if any(k in normalize(clauses[n]) for k in keys)]
    # several measures asked at once ("评查卷数和优秀率各是多少"): a clause for each
    for measure in measures_asked(part):
        own = [n for n, c in enumerate(clauses) if answers_measure(measure, c)]
        if own:
            marked.append(max(own, key=lambda n: (round(cover[n], 2), -n)))
    lo, hi = min([best, *marked]), max([best, *marked])

    def gain(lo2: int, hi2: int) -> float:
        return ((a.evidence.coverage(topic, "".join(clauses[lo2:hi2 + 1])) or 0.0)
                - (a.evidence.coverage(topic, "".join(clauses[lo:hi + 1])) or 0.0))

    # a neighbour joins only when it covers words of the question the span lacks ("截止11月底")
    while lo > 0 and gain(lo - 1, hi) >= SPAN_GAIN:
        lo -= 1
    while hi + 1 < len(clauses) and gain(lo, hi + 1) >= SPAN_GAIN:
        hi += 1
    # a value's bound, said in the clause after it ("一般为7个工作日,最长不超过15个工作日"), is part of it
    while hi + 1 < len(clauses) and _BOUND.match(clauses[hi + 1]) and answers_measure(part, clauses[hi + 1]):
        hi += 1
    return lo, hi


_BOUND = re.compile(r"(最长|最短|最多|最少|最高|最低|最迟|至多|至少|一般不|原则上|特殊情况|确需延长|可以?延长|不得超过|不超过)")


def quoted(sentence: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return sentence
    clauses = _CLAUSE.findall(sentence)
    if span == (0, len(clauses) - 1):
        return sentence
    # what is left out is marked, so two clauses never read as one sentence the document does not have
    head = "…" if span[0] > 0 else ""
    tail = "…" if span[1] < len(clauses) - 1 else ""
    return head + "".join(clauses[span[0]:span[1] + 1]).rstrip(",，;；") + tail
