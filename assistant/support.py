"""Which items and sentences an answer may use: the context items of a question (the best per
named place, or per place that comes close, or the best of one place), an item's excerpt for the
model, and the sentences of an item that support each part of the question.

`assistant.route_drafted` answers from them; the unit and section routes and the gate calibration
use them too.
"""
from __future__ import annotations

import re

from assistant import fields
from assistant.evidence import ASKS_BASIS, answers_measure
from assistant.gates import REL_MIN, REL_MIN_NAMED, SENTENCE_MIN
from assistant.understand import Query, detect_intent, topic_of
from corpus.text import normalize, sentences
from corpus.types import TaskItem

def context(a, query: Query, hits) -> list[tuple[TaskItem, float]]:
    """The items the answer may use, with their relevance: the best per named locality; with no
    place named, the best of each place that comes close to the best; else the two (three for a
    summary) best-ranked of the one place, most relevant first."""
    ranked = [h.item for h in hits]
    spread = _per_locality(a, query, ranked) if not query.localities and query.intent != "summary" else []
    if len(query.localities) > 1:
        scored = [best for loc in query.localities if (best := _best_of_place(a, query, ranked, loc))]
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


def _best_of_place(a, query: Query, ranked: list[TaskItem], locality: str) -> tuple[TaskItem, float] | None:
    """A question naming several places asks each the same thing: the most relevant of the place's
    three best-ranked items. The place gets its own search when the shared ranking holds fewer
    than three of its items, so one place's document cannot crowd the other's out of eight hits."""
    own = [i for i in ranked if i.locality == locality][:3]
    if len(own) < 3:
        seen = {i.item_id for i in own}
        own += [h.item for h in a.searcher.search(query.text, k=3, localities=[locality], locality=locality)
                if h.item.item_id not in seen][:3 - len(own)]
    scored = [(i, a.relevance(query, i)) for i in own]
    return max(scored, key=lambda p: p[1], default=None)  # ties: the better-ranked


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


def excerpt(a, query: Query, item: TaskItem, limit: int) -> str:
    """The item's sentences that best cover the question, in text order, within `limit` chars."""
    if len(item.text) <= limit:
        return item.text
    parts = sentences(item.text)
    scored = sorted(range(len(parts)), key=lambda n: -(a.evidence.coverage(query.topic, parts[n]) or 0.0))
    keep, size = set(), 0
    for n in scored:
        if size + len(parts[n]) > limit and keep:
            break
        keep.add(n)
        size += len(parts[n])
    return "…".join(parts[n] for n in sorted(_with_announced_lists(parts, keep)))


_ANNOUNCES_LIST = re.compile(r"下列|以下|如下")
# (…那段都安排了些什么, 各说了啥: the whole of it asked, in the words people use for "what all")
_ASKS_FOR_LIST = re.compile(r"哪些|哪几|哪方面|些(什么|啥)|(各|都)(说|讲|写)了?(些)?(什么|啥)|which|what")
# asking what is required or laid down about a topic, as a whole: answered by all it says of it
_ASKS_RULES = re.compile(r"(什么|啥|哪些)(要求|规定|安排|措施)|(怎么|咋|如何)(规定|要求|安排|说)的?|要求(是|有)?(什么|啥|哪些)")
RUNNER_UP_SHARE = 0.6  # a part's second sentence joins when its first is another part's too
RULES_SHARE = 0.8  # a further sentence joins the answer when it covers this share of the best one's cover
_ENUMERATED = re.compile(r"^\s*(\d+[.、．]|[(\uff08]\d+[)\uff09]|[一二三四五六七八九十]+、)")


def _with_announced_lists(parts: list[str], keep: set[int]) -> set[int]:
    """A kept sentence that announces a list ("作出下列行政执法行为决定…") brings the list with it:
    the list is the answer to "哪些…", and shares no words with the question."""
    keep = set(keep)
    for n in sorted(keep):
        if _ANNOUNCES_LIST.search(parts[n]):
            m = n + 1
            while m < len(parts) and _ENUMERATED.match(parts[m]):
                keep.add(m)
                m += 1
    return keep


# a run-in heading: a numbered short phrase standing as its own sentence ("二、压实工作责任。"),
# the sentences after it, up to the next numbered one, its body
_RUN_IN_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])\s*[^，,；;。:：]{2,14}。?$")
RUN_IN_BODY_MAX = 3  # sentences


def _with_run_in_bodies(parts: list[str], keep: set[int]) -> set[int]:
    """A kept run-in heading brings its body: "二、压实工作责任。" says what the paragraph is about,
    the sentences after it say what it requires."""
    keep = set(keep)
    for n in sorted(keep):
        if _RUN_IN_HEADING.match(parts[n]):
            for m in range(n + 1, min(n + 1 + RUN_IN_BODY_MAX, len(parts))):
                if _RUN_IN_HEADING.match(parts[m]) or _ENUMERATED.match(parts[m]):
                    break
                keep.add(m)
    return keep


def question_parts(question: str) -> list[tuple[str, bool]]:
    """The question's clauses, each with whether it asks something: in "檀峰这份措施发下来,各单位要
    先拿出个啥?最晚哪天报?" the first clause asks nothing. Its sentence is quoted with the others,
    but it is not a part the answer must cover ("信访事项按期办结率,两地各定的多少?" keeps its topic
    clause, whose sentence holds the figures)."""
    pieces = [p for p in re.split(r"[?;]|,(?=[^,]*\?)", question) if len(p.strip()) > 3] or [question]
    return [(p, n == len(pieces) - 1 or bool(_ASKS_ANY.search(p))) for n, p in enumerate(pieces)]


_ASKS_ANY = re.compile(r"什么|啥|哪|谁|怎|如何|咋|吗|呢|是否|能否|能不能|可不可以|干嘛|有没有|多少|几|多久|何时|\?")
_ASKS_OWN = re.compile(r"什么|啥|哪|谁|怎么|如何|咋|吗|是否|能否|能不能|可不可以|干嘛|有没有")


def support(a, query: Query, item: TaskItem):
    """(item, supporting sentences in text order, score) for each part of the question.

    A question may ask two things ("至少多长时间?每年几号前报?"): each part gets its own
    best sentence, and a number part only accepts a sentence with the kind of value asked."""
    parts = question_parts(query.original)
    dated = fields.cn_date(item.date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.date or "") else ""
    chosen: dict[str, float] = {}
    asked: set[str] = set()  # sentences chosen by a part that asks something
    trimmed: dict[str, tuple[int, int] | None] = {}  # sentence -> the clauses quoted (None: all)
    asked_before = scene_found = False
    part_picks: list[list[tuple[float, str]]] = []  # each asking part's two best sentences
    said_before = ""  # the last clause's topic that had words of its own
    for part, asks in parts:
        topic = topic_of(part, query.localities)
        own_words = a.evidence.has_content(topic)
        if not own_words:  # "…各提了什么要求?": the part asks, the clause before it says about what
            # ("行政机关如果败诉,需要做什么?报告给谁?": 败诉, not the 报告 the next part asks)
            topic = f"{said_before} {topic}".strip() if said_before else query.topic  # (with its own years, 各…结果)
        else:
            said_before = topic
        # each part asks its own kind of thing: "几号前要交?督查结果拿来干嘛?" asks a date, then a
        # use; a part with no asking word of its own ("乡镇呢?") asks what the question asks
        # a target asked ("各定了什么目标?") is a figure or a date to reach: a number part too
        own = (detect_intent(part) == "number" or bool(re.search(r"多少|(?<!哪)几|多久|何时|什么时候|(什么|啥|哪些)(目标|指标)", part))
               or bool(ASKS_BASIS.search(part)))  # the document it rests on is a value of its own kind
        number = own or (query.intent == "number" and (len(parts) == 1 or not _ASKS_OWN.search(part)))
        ranked = a.evidence.best_sentences(topic, item, want_number=number, n=6)
        if number:
            ranked = [r for r in ranked if answers_measure(part, r[1], dated, query.original)]
            # "…拿出个啥?最晚哪天报给谁?": a part whose words are all asking ones is about what
            # the part before it found; that sentence answers it when it holds the value asked
            held = [(chosen[c], c) for c in chosen if answers_measure(part, c, dated, query.original)]
            if held and (not ranked or ranked[0][0] < SENTENCE_MIN):
                ranked = [max(held)]
        if ranked and _ASKS_FOR_LIST.search(part):  # "哪些环节?": of equals, the one listing most
            ties = [r for r in ranked if r[0] >= ranked[0][0] - 0.05]
            ranked = [max(ties, key=lambda r: r[1].count("、"))] + [r for r in ranked if r not in ties]
        # the quoted words answer the part that quotes them, and a part about the question's topic
        # ("“一号响应”这个提法,出自谁家的文件?"), not a part whose own words find their own sentence
        # ("…“一业一证”改革要达到什么效果?12345热线又要实现啥?")
        own_found = own_words and ranked and ranked[0][0] >= SENTENCE_MIN
        quoted = (query.phrases if len(parts) == 1 or not own_found
                  else [p for p in query.phrases if normalize(p) in normalize(part)])
        if quoted:  # a sentence holding the words the asker quoted answers the part that quotes them
            quoting = [s.strip() for s in sentences(item.text) if all(normalize(p) in normalize(s) for p in quoted)
                       and (not number or answers_measure(part, s, dated, query.original))]
            ranked = [(1.0, quoting[0])] + ranked if quoting else ranked
        if ranked and asks and asked_before and ranked[0][0] < LATER_PART_MIN and len(re.sub(r"\W", "", topic)) <= 4:
            # "…时间节点是什么时候?报送到哪里?", "…给几个工作日,两地怎么定的?": a few words asked
            # after, of what was found: its whole sentence answers
            for s in asked:
                trimmed[s] = None
            continue
        if ranked and asks:
            part_picks.append(ranked[:2])
        if ranked:
            score, sentence = ranked[0]
            if asks and (asked_before or scene_found) and score >= LATER_PART_MIN:
                # a later part of a question whose earlier part found its item ("…能不能跟考核挂钩?
                # 另外还要落实个啥制度?") is asked of that item in few words of its own: a sentence of
                # the item that has some of them answers it
                score = max(score, SENTENCE_MIN)
            chosen[sentence] = max(chosen.get(sentence, 0.0), score)
            if not asks and own_words and score >= SENTENCE_MIN:
                scene_found = True  # "新密推进法律顾问、公职律师制度的那一条,…": the item is named first
            if asks:
                asked.add(sentence)
                asked_before = True
            # several parts answered by one sentence: the union of their spans; a part that asks
            # no value has no span (which clause answers "由谁审核?" is not known): the whole sentence
            # a clause that asks nothing ("伊犁跨省通办那块,") leaves the quoting to the parts that ask
            span = _answering_span(a, topic, part, sentence) if number else None
            had = trimmed.get(sentence, ())
            if not asks:
                pass
            elif span is None or had is None:
                trimmed[sentence] = None
            else:
                trimmed[sentence] = (min(span[0], had[0]), max(span[1], had[1])) if had else span
            if _ASKS_FOR_LIST.search(part):  # "哪些…": a close runner-up announcing a list is the answer
                for other_score, other in ranked[1:2]:
                    if _ANNOUNCES_LIST.search(other) and other_score >= 0.6 * score:
                        chosen[other] = max(chosen.get(other, 0.0), other_score)
            if asks and not number and _ASKS_RULES.search(part):
                # "…这块,各提了什么要求?": every sentence of the item about the topic is a requirement
                # asked for, not only the best one (up to two more, each nearly as good)
                for other_score, other in ranked[1:3]:
                    if other_score >= max(SENTENCE_MIN, RULES_SHARE * ranked[0][0]):
                        chosen[other] = max(chosen.get(other, 0.0), other_score)
                        trimmed[other] = None
        if asks and _ASKS_SCHEDULE.search(part) and (chosen or ranked):
            # "…时间节点是怎么排的?": every step of the item that has a time, in its order
            for other in sentences(item.text):
                if _STEP_TIME.search(other):
                    chosen[other.strip()] = max(chosen.get(other.strip(), 0.0), SENTENCE_MIN)
                    trimmed[other.strip()] = None
                    asked.add(other.strip())
    # two parts asking two things found the same sentence ("败诉了要做什么?报告给谁、抄送谁?"): the
    # part whose runner-up is nearly as good gets that one too, so each thing asked has its sentence
    firsts = [p[0][1] for p in part_picks]
    for pick in part_picks:
        if (firsts.count(pick[0][1]) > 1 and len(pick) > 1 and pick[1][1] not in chosen
                and pick[1][0] >= max(SENTENCE_MIN, RUNNER_UP_SHARE * pick[0][0])):
            chosen[pick[1][1]], trimmed[pick[1][1]] = pick[1][0], None
            asked.add(pick[1][1])
            break
    if not chosen or (any(asks for _, asks in parts) and not asked):
        return None  # no part that asks found a sentence: the clause that only names the topic does not answer
    in_order = sentences_in_order(item.text)
    if _names_item_asks_list(a, query, item, parts) and len(item.text) <= WHOLE_ITEM_CHARS:
        # "…加大重点领域依法治理那条,打算重点管哪几摊": the item named by its heading, what it lists
        # asked: every sentence of it is the list, not the one that shares most words with the heading
        for s in in_order:
            chosen.setdefault(s, min(chosen.values()))
            trimmed[s] = None
    keep = {n for n, s in enumerate(in_order) if s in chosen}
    keep = _cover(a, query, in_order, keep)
    keep = _with_run_in_bodies(in_order, _with_announced_lists(in_order, keep))
    return item, "".join(_quoted(in_order[n], trimmed.get(in_order[n])) for n in sorted(keep)), \
        min(chosen[c] for c in (asked or chosen))  # a sentence chosen by several parts counts its best


WHOLE_ITEM_CHARS = 400
HEADING_NAMED = 0.75  # share of an item's heading the question says when it names it (people drop 力度, 工作)


def _names_item_asks_list(a, query: Query, item: TaskItem, parts) -> bool:
    """The question names the item by (most of) its heading and asks a list of what it holds."""
    heading = (item.heading or "").strip()
    if not any(_ASKS_FOR_LIST.search(p) for p, asks in parts if asks):
        return False
    # (a part without a heading of its own, "二、工作目标", is named by its title in the path)
    title = re.sub(r"^[一二三四五六七八九十]+、\s*", "", item.section_path.split(" > ")[-1]) if item.kind == "prose" else ""
    first_line = heading.split("\n")[0]  # a title line that opens the item's text ("工作目标\n到2025年底…")
    return any(len(h) >= 4 and (a.evidence.coverage(h, query.topic) or 0.0) >= HEADING_NAMED
               for h in (heading, first_line, title))


# a schedule asked: its steps are the sentences with a time ("3月底前…；6月底前…；每季度…")
_ASKS_SCHEDULE = re.compile(r"时间节点|时间安排|进度安排|怎么排|如何安排|分几步|几个阶段|哪几步")
_STEP_TIME = re.compile(r"\d{1,2}月(底|末|中旬|上旬|下旬|\d{1,2}日)?(之|以)?前|年底前|年内|每(季度|月|年|半年)|\d{4}年\d{1,2}月")
LATER_PART_MIN = 0.15  # a later part's sentence in the item found by an earlier part covers this much of it
_CLAUSE = re.compile(r"[^,，;；]+[,，;；]?")
SPAN_GAIN = 0.1  # a neighbouring clause joins the quoted span when it adds this much coverage


def _answering_span(a, topic: str, part: str, sentence: str) -> tuple[int, int] | None:
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


def _quoted(sentence: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return sentence
    clauses = _CLAUSE.findall(sentence)
    if span == (0, len(clauses) - 1):
        return sentence
    # what is left out is marked, so two clauses never read as one sentence the document does not have
    head = "…" if span[0] > 0 else ""
    tail = "…" if span[1] < len(clauses) - 1 else ""
    return head + "".join(clauses[span[0]:span[1] + 1]).rstrip(",，;；") + tail


_HOW = re.compile(r"怎么|如何|咋|具体|哪些|哪几|什么|啥|内容|要求|措施|做法|办法|后果")
COVER_GAIN = 0.15  # a further sentence joins the evidence when it covers this much more of the question
COVER_CHARS = 320


def _cover(a, query: Query, parts: list[str], keep: set[int]) -> set[int]:
    """A sentence-level cover of the question: the sentences chosen so far, plus those of the
    same item that add words of the question not yet covered (a two-part question's second
    half is often the next sentence). A heading sentence asked "怎么/具体…" brings the sentence
    after it, which is where the measures are."""
    keep = set(keep)
    topic = query.topic
    if not topic or not parts:
        return keep
    covered = a.evidence.coverage(topic, "".join(parts[n] for n in sorted(keep))) or 0.0
    while len(keep) < 4 and sum(len(parts[n]) for n in keep) < COVER_CHARS:
        best, gain = None, 0.0
        for n in range(len(parts)):
            if n in keep:
                continue
            union = a.evidence.coverage(topic, "".join(parts[m] for m in sorted(keep | {n}))) or 0.0
            if union - covered > gain:
                best, gain = n, union - covered
        if best is None or gain < COVER_GAIN:
            break
        keep.add(best)
        covered += gain
    if _HOW.search(query.original) and all(_heading_like(parts[n]) for n in keep):
        # "…具体怎么弄?" answered by a (run-in) heading alone says nothing: the measures follow it
        keep |= {n + 1 for n in keep if n + 1 < len(parts)}
    return keep


def _heading_like(sentence: str) -> bool:
    return len(sentence) <= 40 and not re.search(r"[,，;；:：]", sentence)


def sentences_in_order(text: str) -> list[str]:
    return [s.strip() for s in sentences(text)]
