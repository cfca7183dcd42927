"""What a question is about: the question minus its places, its asking words and its roles.

Relevance, search and the operands of a computation all use the topic, so an asking word left in
it ("多少", "牵头") would dilute every score.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.question_text import without_instructions
from corpus.units import LABELS
from index.localities import locality_variants

if TYPE_CHECKING:
    from assistant.understand import Query

# The role words people ask with are the documents' own labels (corpus.units.LABELS: 牵头单位,
# 主办单位, …) plus the words people use for leading (挑头, 打头, 唱主角 …).
LEAD_WORDS = "|".join(sorted({w.replace("单位", "").replace("部门", "") for w in LABELS["lead"]} | {"牵头", "主办", "主责", "主抓", "归口", "打头", "挑头", "领头", "领衔", "带头", "挂帅", "挑大梁", "唱主角", "领着干", "牵总"}, key=len, reverse=True))

_PUNCTUATION = re.compile(r"[?!。,、:;“”\"'《》()\s]")  # the question is in half-width forms (clean_question)

# Words that say what is asked, not what it is about: removed before measuring relevance.
_ASKING = re.compile(
    # "建成个什么样的体系", "建了个啥机制": the classifier and 样(的) go with the asking word
    r"(?<![这那哪])一?个(?=什么|啥)|(?:(?<=什么)|(?<=啥))样(的|子)?|"
    r"(什么|啥)时(候|间)|何时|几时|多会儿?|哪会儿|啥|"  # asking when: the value asked, never the topic
    r"(拿来|拿去|用来)?干(嘛|啥|什么)|咋|哪一?天|几月几[日号]?|几号|"  # colloquial what for / how: 督查结果拿来干嘛; the day asked
    # a count asked with its classifier (办了多少件业务 -> 办业务, not 办件业务), and "actual" /
    # "so far": what kind of value is asked (assistant.value_kind), not what it is about
    r"(多少|几)(个工作日|大项|个|项|件|家|名|人|次|轮|届|期|天|日|批|类|条|户|所|支|场|位|份|年|月|周)|实际上?|已经|后果|"
    r"哪里|哪儿|由?哪(个|些|几|家|一|项)?(个)?(单位|部门|科室|股室|处室|地方|文件|材料|份|科|股|处)?|方面|任务|事项|谁(来)?|什么|多少|几|多久|除了|是不是|有没有|多长|是否|吗|呢|"
    # the roles asked about (配合单位有哪些): what is asked, like 牵头单位
    r"(配合|协办|参加|参与|协同)(单位|部门|科室|股室)|"
    # "讲话里说…", "一图读懂里…": where the asker read it, not what it is about
    r"(讲话稿?|一图读懂|图解|会议纪要)(里|中|上)(说|讲|提到)?的?|"
    # "几个单位是怎么分工的": the division asked, every role
    r"(单位|部门)?(之间)?(是)?(怎么|如何|怎样)(分工|分的工)的?|"
    r"牵头(单位)?|责任(单位|部门)|负责(?!人)|有哪些|请问|一下|这件事|这条|这项|那一条|那条|那项|那一项|这一项|[这那]一?张卡片?|文件里|提到|要求|"
    r"个?小时|学时|[一每]年|全年|分别|各自|"
    r"期限|时限|截止(日期|时间)?|完成时间|"  # the time asked for, like 什么时候: never what it is about  # units of the value asked and the period: people and documents word them differently
    r"另外|此外|"  # "另外还要落实个啥制度?": a further part, not its topic
    # "今年…至少要覆盖多少个单位?": the bound and the year asked qualify the value (value_kind reads
    # them from the question); the documents write 不少于 / 年内 / 2025年, never the asker's words
    r"(?:今|去|明|前)年|至少|起码|最少|最多|至多|顶多|"
    # "我们这边核个数:…": the asker checking a figure, not what it is about
    r"核(?:一下|个数|下数)|(?:核实|核对|确认)一下|(?:我们|咱们?)?这边|"
    # where the asker read the units, not what the task is about: "括号中写了三个单位", "按照通知的规定"
    # ("括号里第一个写的是市委组织部": the order read, and the unit then named, are the asker's reading)
    r"括[号注弧](里|中|内)?(第一个|排在?第一位?|打头的?|最前面?的?)?(写|列|注)?(的)?了?([一二三四五六七八九十两\d]+(个|家))?(单位|部门)?|"
    r"(按照?|根据|依照)(文件|通知|要点|方案)?(的|里)?(规定|约定|说法|要求)|"
    # "各列了哪些?有啥不同?": each place asked, and a comparison asked, not what it is about
    r"(?:各自?|分别)(?:列|写|提|定|规定|安排|部署)了?|有(?:啥|什么)(?:不同|区别|差别|差异|两样)|"
    # "各定了什么目标?", "各是啥结果?": the kind of thing asked, not what it is about (工作目标 as a
    # heading stays)
    r"(?<=什么)(目标|指标|结果|效果)|(?<=啥)(目标|指标|结果|效果)|(?<=哪些)(目标|指标)|"
    # the role asked (挑大梁, 领衔, 主办), like 牵头: what is asked, not what about; "各主办单位要…"
    # names who does something, and stays
    rf"(?:{LEAD_WORDS})(?!单位|部门)|"
    r"那就是|是|的|了|在|和|都|也|还|要|归|由|把|对|搞|怎么|如何|为|与|及|按|啊|吧|呀|呗|"
    + _PUNCTUATION.pattern
)


def topic_of(text: str, localities: tuple[str, ...] = ()) -> str:
    text = without_instructions(text)
    for loc in localities:
        for variant in locality_variants(loc):
            # "乌县方案和新密安排": a place and its document's kind name the document, not the topic
            text = re.sub(re.escape(variant) + _PLACES_DOC, " ", text)
    # a date is a word of its own: "11月底线下办理" is 11月底 + 线下办理, not …底线…
    text = _DATE_WORD.sub(lambda m: f"{m.group(0)} ", text)
    return _without_asking(text)


# (the kind as people shorten a title: 分解方案, 工作任务分解方案, 实施方案, 工作要点 …)
# (and the other things a place publishes: a speech, a 一图读懂, a 督查通报, a 会议纪要, a 台账)
_PLACES_DOC = (r"(?:的)?(?:这份|那份|那个|这个|那篇|这篇)?(?:(?:工作任务|任务)?(?:分解|分工)?(?:实施|工作|推进|整改|承接)?"
               r"(?:方案|安排|要点|清单|报告|文件|细则|分工表|计划|讲话稿?|一图读懂|图解|解读|通报|会议纪要|纪要|台账)(?:里|中|上)?)?")
_DATE_WORD = re.compile(r"\d+(年|月|日|号)(底|初|末|中旬|上旬|下旬)?(前|后|起)?")


def place_words(q: str, places: tuple[str, ...]) -> list[str]:
    """What the question says of each place: the words from its first mention to the next place's
    ("棠川的“法律进乡村”和" / "墨川的“法治进街道”…"); "" for every place when one is not found."""
    at = [min((q.find(v) for v in locality_variants(p) if v in q), default=-1) for p in places]
    if -1 in at:
        return ["" for _ in places]
    ends = sorted(at) + [len(q)]
    return [q[start:ends[ends.index(start) + 1]] for start in at]


def words_before_places(q: str, places: tuple[str, ...]) -> str:
    """The words before the first place named, which may name what is compared in each
    ("全年审计项目墨川定了多少个，霁川…")."""
    at = [v_at for p in places for v in locality_variants(p) if (v_at := q.find(v)) >= 0]
    return q[:min(at)].strip(" ,，;；") if at else ""


def operand_topic(text: str, query: Query) -> str:
    """What a phrase naming an operand of a computation is about: its topic, the computing words
    (一共, 相差, 平均…) and what follows them dropped."""
    return topic_of(re.sub(r"(一共|合计|总共|加起来|相差|差距|平均).*$", "", text), query.localities)


# One-character function words of _ASKING: removed only where they stand as a word.
_FUNCTION_CHARS = set("是的在和都也还要归由把对搞为与及按")
_POINTERS = {"这件事", "这条", "这项", "那一条", "那条", "那项", "那一项", "这一项", "那张卡片", "这张卡片", "那张", "这张"}


def _without_asking(text: str) -> str:
    """The text minus asking words. A one-character function word is removed only where it is a
    word of its own: 在 goes from "在哪里" but stays in 存在, 要 stays in 要点, 对 in 应对 (half a
    word leaves a stray character, and the question loses the word the documents use)."""
    from assistant.evidence import jieba_module

    bounds, at = {0}, 0
    for word in jieba_module().lcut(text, HMM=False):  # dictionary words only: no guessed merges like 要配
        at += len(word)
        bounds.add(at)

    def drop(m: re.Match) -> str:
        inside_word = m.start() not in bounds or m.end() not in bounds
        if _PUNCTUATION.fullmatch(m.group(0)) or m.group(0) in _POINTERS:
            # a separator stays one: 府院、府检 must not read as 府院府检 (院府); and a word pointing
            # at the item ends the words before it: "权责清单那项调完" is not 权责清单调完 (单调)
            return " "
        return m.group(0) if m.group(0) in _FUNCTION_CHARS and inside_word else ""

    return re.sub(r"\s+", " ", _ASKING.sub(drop, text)).strip()
