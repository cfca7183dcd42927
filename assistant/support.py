"""Which sentences of an item an answer may use: the item's excerpt for the model, and the
sentences that support each part of the question (a sentence-level cover, with the clauses of a
long sentence that answer a number: assistant.spans).

`assistant.route_drafted` answers from them (with the items of assistant.context_items); the unit
and section routes and the gate calibration use them too.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from assistant import fields
from assistant.evidence import ASKS_BASIS, answers_measure
from assistant.gates import SENTENCE_MIN
from assistant import spans
from assistant.topic import topic_of
from assistant.understand import Query, detect_intent
from corpus.text import normalize, sentences
from corpus.types import TaskItem

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


_WHAT_TO_DO = re.compile(r"怎么办|咋办|怎么处理|如何处理|咋处理|怎么弄|咋弄|怎么做|如何做|咋做|怎么整|咋整")
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
        previous = said_before
        if not own_words:  # "…各提了什么要求?": the part asks, the clause before it says about what
            # ("行政机关如果败诉,需要做什么?报告给谁?": 败诉, not the 报告 the next part asks)
            topic = f"{said_before} {topic}".strip() if said_before else query.topic  # (with its own years, 各…结果)
        else:
            said_before = topic
        number, topic, ranked = _rank_part(a, query, item, part, asks, len(parts) == 1, topic, own_words, previous,
                                           chosen, dated)
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
            span = spans.answering_span(a, topic, part, sentence) if number else None
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
    return item, "".join(spans.quoted(in_order[n], trimmed.get(in_order[n])) for n in sorted(keep)), \
        min(chosen[c] for c in (asked or chosen))  # a sentence chosen by several parts counts its best


def _rank_part(a, query: Query, item: TaskItem, part: str, asks: bool, single: bool, topic: str, own_words: bool,
               previous: str, chosen: dict[str, float], dated: str) -> tuple[bool, str, list[tuple[float, str]]]:
    """(whether the part asks a value, the topic it was asked of, its sentences best first): the
    item's sentences ranked for one part of the question (`single`: the only one), each step a
    convention of how such a part is asked; `previous` is the last clause's topic with words of its
    own, `chosen` the sentences earlier parts chose."""
    # each part asks its own kind of thing: "几号前要交?督查结果拿来干嘛?" asks a date, then a
    # use; a part with no asking word of its own ("乡镇呢?") asks what the question asks
    # a target asked ("各定了什么目标?") is a figure or a date to reach: a number part too
    own = (detect_intent(part) == "number" or bool(re.search(r"多少|(?<!哪)几|多久|何时|什么时候|(什么|啥|哪些)(目标|指标)", part))
           or bool(ASKS_BASIS.search(part)))  # the document it rests on is a value of its own kind
    number = own or (query.intent == "number" and (single or not _ASKS_OWN.search(part)))
    ranked = a.evidence.best_sentences(topic, item, want_number=number, n=6)
    if asks and own_words and previous and ranked and ranked[0][0] == 0.0 and _WHAT_TO_DO.search(part):
        # "…确实得改政府承诺、改合同约定,方案让怎么办?": what to do is asked, and none of the part's
        # words is in the item the question found: it asks about what the clause before it said
        # (a value asked so, "分别设在哪里?", "叫啥名字", is one the item does not give)
        topic = f"{previous} {topic}"
        ranked = a.evidence.best_sentences(topic, item, want_number=number, n=6)
    if number:
        ranked = [r for r in ranked if answers_measure(part, r[1], dated, query.original)]
        # "…拿出个啥?最晚哪天报给谁?": a part whose words are all asking ones is about what
        # the part before it found; that sentence answers it when it holds the value asked
        held = [(chosen[c], c) for c in chosen if answers_measure(part, c, dated, query.original)]
        if held and (not ranked or ranked[0][0] < SENTENCE_MIN):
            ranked = [max(held)]
    ranked = _naming_first(part, _ties_by_shared_run(part, ranked))
    if ranked and _ASKS_FOR_LIST.search(part):  # "哪些环节?": of equals, the one listing most
        ties = [r for r in ranked if r[0] >= ranked[0][0] - 0.05]
        ranked = [max(ties, key=lambda r: r[1].count("、"))] + [r for r in ranked if r not in ties]
    # the quoted words answer the part that quotes them, and a part about the question's topic
    # ("“一号响应”这个提法,出自谁家的文件?"), not a part whose own words find their own sentence
    # ("…“一业一证”改革要达到什么效果?12345热线又要实现啥?")
    own_found = own_words and ranked and ranked[0][0] >= SENTENCE_MIN
    quoted = (query.phrases if single or not own_found
              else [p for p in query.phrases if normalize(p) in normalize(part)])
    if quoted:  # a sentence holding the words the asker quoted answers the part that quotes them
        quoting = [s.strip() for s in sentences(item.text) if all(normalize(p) in normalize(s) for p in quoted)
                   and (not number or answers_measure(part, s, dated, query.original))]
        ranked = [(1.0, quoting[0])] + ranked if quoting else ranked
    return number, topic, ranked


TIE = 0.02


def _ties_by_shared_run(part: str, ranked: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """Sentences that cover the part equally ("政务云…体系" and "政务数据…体系" for "政务云要建成个
    什么样的体系"): the one sharing the longest run of the asker's characters comes first."""
    if len(ranked) < 2 or ranked[1][0] < ranked[0][0] - TIE:
        return ranked
    tied = [r for r in ranked if r[0] >= ranked[0][0] - TIE]
    words = normalize(part)

    def run(sentence: str) -> int:  # (a run of one character is no run)
        s = normalize(sentence)
        size = SequenceMatcher(None, words, s, autojunk=False).find_longest_match(0, len(words), 0, len(s)).size
        return size if size >= 2 else 0

    best = max(tied, key=lambda r: run(r[1]))  # (max keeps the first of equals: the ranking's own order)
    return ranked if best is ranked[0] else [best] + [r for r in ranked if r is not best]


# "建了个啥机制?", "要建个什么监督机制?": the name of a mechanism (a system, a platform) is asked,
# and the sentence that answers sets one up by name ("建立驻站式监督机制"), not the one that only
# works on the kind ("加强行政执法监督机制建设")
_ASKS_NAMED = re.compile(r"(什么|啥|哪种|哪个|哪一种)(样的?)?(?P<noun>[\u4e00-\u9fff]{0,4}?(机制|制度|平台|体系|模式|系统|工作法|台账|清单))")
_SETS_UP = r"(建立|建成|构建|搭建|打造|健全|完善|推行|实行|实施|探索|创新|形成|推广|出台)"
NAMED_SHARE = 0.6  # a naming sentence this close to the best one answers instead


def _naming_first(part: str, ranked: list[tuple[float, str]]) -> list[tuple[float, str]]:
    asked = _ASKS_NAMED.search(part)
    if not asked or not ranked:
        return ranked
    noun = re.escape(asked.group("noun"))
    naming = [r for r in ranked if r[0] >= NAMED_SHARE * ranked[0][0]
              and re.search(rf"{_SETS_UP}[^,，。;；]{{1,30}}{noun}", r[1])]
    if not naming or naming[0] is ranked[0]:
        return ranked
    return [(max(naming[0][0], ranked[0][0]), naming[0][1])] + [r for r in ranked if r is not naming[0]]


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
