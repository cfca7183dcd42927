"""How well a text covers what a question is about: IDF-weighted character-bigram coverage.

Used to gate answers (is the best item really about this?), to choose each locality's answer,
and to pick the supporting sentence. A bigram the corpus never uses (有效期 when no document
gives one) weighs the most, so a question about something absent scores low.
"""
from __future__ import annotations

import re
from functools import lru_cache

from corpus.text import normalize, sentences

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_YEAR = re.compile(r"(?:19|20)\d{2}年")
# (a share said in words is a number: 三分之二, 一半)
_NUMBER = re.compile(r"\d|[一二三四五六七八九十百两半]+(个|项|次|轮|届|年|天|日|期|名|人|学时|小时|家|大项|%)|每[年季月周日天]|季度|月底|年底|年内|"
                     r"[一二三四五六七八九十两]+分之[一二三四五六七八九十]|一半|半数")

# "是根据哪个文件制定的?", "是按哪个文件的要求来的?": the document a rule or a plan rests on
ASKS_BASIS = re.compile(r"(根据|依据|按照|依照|按|贯彻|落实)[^,?]{0,8}?(哪个|哪份|哪一个|什么|啥)(文件|规定|方案|通知|意见|办法|条例|精神)")

# What kind of value a number question asks for: the measure words an answer must carry.
_MEASURES = [
    (re.compile(r"学时"), r"学时"),
    # a time limit asked ("几月底前要弄完?"): a date the thing is due before, not one it starts
    # from ("自2022年1月1日起")
    (re.compile(r"(几月|哪天|几号|(什么|啥)时候|何时)(底|末|份)?(之|以)?前"),
     r"(\d+月(底|末|中旬|上旬|下旬|\d+日)?|年底|年末|\d{4}年)(之|以)?前|年内|月底|年底"),
    (re.compile(r"比例|百分|percent|((?<!频)率|满意度|知晓度|占比)[^,，?？。]{0,6}?(多少|几|多高)|(差|高|低|降|升|提高|下降|减少|增加|多|少)了?(几|多少)个?点(?!位)", re.I), r"%|％|百分之|[一二三四五六七八九十半\d]成(?!功|立|效|果|本|为|员)|[一二三四五六七八九十两]+分之[一二三四五六七八九十]|一半|半数|过半"),
    # a duration, not a date: 5年 or 五年, never 2021年
    (re.compile(r"几年|多少年|有效期"), r"(?<!\d)\d{1,2}年|[一二三四五六七八九十两半]+年|年内"),
    (re.compile(r"多久|多长|多少天|几天|多少日|几日|多少个工作日|频次|how (long|often)|how many days", re.I),
     r"\d+个?(工作日|自然日|日|天|月|年|周|小时)|[一二三四五六七八九十两半]+个?(工作日|日|天|月|年|周)|每[年季月周日天半]|季度|定期"),
    # the day asked: a sentence naming only a year (《…2024年…》) does not say which day, nor
    # does the 号 of a document number (霁法委办发〔2023〕3号)
    (re.compile(r"哪天|哪一天|哪几天|哪些天|哪几日|几号|几月几"), r"\d+日(?!内|以内|之内)|(?<![〔〕\[\]\d])\d+号|月底|月末|月初|年底|年末|上旬|中旬|下旬"),
    # the year asked: a year, not the year inside a 文号 (新密办〔2023〕9号)
    (re.compile(r"哪年|哪一年|哪个年份|什么年份"), r"\d{4}年(?!度)|年底|年内|年末"),
    # the month asked: 年内 does not say which month
    (re.compile(r"几月份?|哪个月"), r"\d+月|年底|年末|年初|上半年|下半年|[一二三四1-4]季度"),
    # (a time of year said in words: 每年第一季度, 四月份, 上半年, 年初)
    (re.compile(r"(什么|啥)(时候|时间)|多会儿?|何时|截止|when|deadline", re.I),
     r"\d+月|\d+日|月底|年底|年内|\d{4}年|前|[一二三四五六七八九十]{1,2}月份?|[一二三四1-4]季度|[上下]半年|年初|[上中下]旬"),
    # a time limit is a date or a duration: 完成时限 2024年6月底前; 办理时限 0.5个工作日
    (re.compile(r"期限|时限|时间节点|时间安排|进度安排"),
     r"[一二三四五六七八九十]{1,2}月份?|[一二三四1-4]季度|[上下]半年|\d+月|\d+日|月底|年底|年内|\d{4}年|前|(\d+(\.\d+)?|[一二三四五六七八九十两半]+)个?(工作日|自然日|日|天|月|年|周|小时)"),
    (re.compile(r"多少名|几名|多少人|几人"), r"\d+(名|人|余人)|[一二三四五六七八九十百千]+(名|人)"),
    # the document a rule rests on ("是按哪个文件的要求来的?"): a sentence naming one by its title
    (ASKS_BASIS, r"《[^》]{2,}》"),
    (re.compile(r"多少项|几项|几大项"), r"\d+(大)?项|[一二三四五六七八九十]+(大)?项"),
    (re.compile(r"多少个|几个"), r"\d+个|[一二三四五六七八九十]+个"),
    (re.compile(r"几次|多少次"), r"\d+次|[一二三四五六七八九十]+次|\d+(\.\d+)?"),
]


# Fillers of spoken questions: words that say nothing about the policy asked about.
_FILLER = {"这个", "那个", "这件", "这条", "这项", "那条", "一下", "事情", "地方", "材料", "文件", "里面", "那边",
           "这边", "需要", "应该", "可以", "分别", "一样", "还是", "或者", "现在", "今年", "我们", "你们", "他们",
           "具体", "相关", "情况", "问题", "规定", "提出", "然后", "告诉", "讲", "说", "摊子", "一摊",
           # the document's own year said relative to now, and estimates: "去年摸排出来的…大概多少"
           "去年", "明年", "前年", "当年", "出来", "大概", "大约", "左右", "差不多",
           # how the document is printed, not what it is about: "括号里列了三家,按通知的说法…"
           "括号", "说法", "原文", "字样", "写法", "一栏", "表格", "表里"}


# Words that point at something instead of naming it ("那项", "这块", "那几家", "下面"): a
# demonstrative with a classifier or a place word says which, never what.
_POINTING = re.compile(r"[这那该此哪本每各](一|几|两)?(个|件|条|项|份|块|些|类|部分|段|次|家|种|样|边|里|儿|位|批|回|句|章|节|款|摊子?)?"
                       r"|(上|下|里|外|前|后)(面|边|头)|一共|总共|总之|到底|其中|自己|别的|其他|其它|另外")


# Two spellings of one word: a question and a document may use either; and the spoken name staff
# use for what the documents write formally (一把手 is a unit's 主要负责人).
_VARIANT = {"截止": "截至", "其它": "其他", "帐": "账", "一把手": "主要负责人"}
_VARIANT_RE = re.compile("|".join(_VARIANT))


def _variants(text: str) -> str:
    return _VARIANT_RE.sub(lambda m: _VARIANT[m.group(0)], text)


@lru_cache(maxsize=1)
def jieba_module():
    """jieba, its dictionary loaded on first use (about a second) and quiet."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


# Parts of speech that frame a question, never name its topic: adverbs, place and time words
# (之前, 以后), numerals, pronouns, prepositions, conjunctions, particles. "要在什么时候之前全部督察
# 一遍" is about 督察: 之前 and 一遍, words no document uses, would otherwise weigh as an absent
# topic. Those the documents use (依据, 不少于, 日常) stay: there they tell items apart.
_FRAME_POS = ("d", "f", "m", "r", "p", "c", "u", "y", "e", "o")


@lru_cache(maxsize=1)
def _posseg():
    jieba_module()
    import jieba.posseg

    return jieba.posseg


def _frames(word: str, flag: str, idf: dict[str, float]) -> bool:
    return flag.startswith(_FRAME_POS) and not any(word[i:i + 2] in idf for i in range(len(word) - 1))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """The text's words with their part of speech, fillers and pointing words left out."""
    words = []
    for part in text.split():  # a space in a topic stands for a separator the asker wrote (、，)
        words += [(p.word, p.flag) for p in _posseg().lcut(_variants(normalize(part)))
                  if _CJK_RUN.fullmatch(p.word) and p.word not in _FILLER and not _POINTING.fullmatch(p.word)]
    return tuple(words)


@lru_cache(maxsize=8192)
def _abbreviation(word: str) -> re.Pattern:
    """A short name's characters in order, a few apart, inside one phrase: 综合执法局 in
    综合行政执法局, 镇街 in 镇（街道）, 市场监管局 in 市场监督管理局."""
    return re.compile("[^，。；、,;]{0,3}?".join(map(re.escape, word)))


def _may_abbreviate(word: str, flag: str) -> bool:
    """Names are shortened (市场监管局, 镇街: jieba tags short names j, places ns, bodies nt); a
    loose match of any other two-character word finds too much (不少 in 不得少于, 证件 in 证…件)."""
    return len(word) >= 3 or flag in ("j", "ns", "nt")


def _word_grams(text: str, idf: dict[str, float] | None) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """Each word of `text` with its bigrams and whether it may be a short name; with `idf`, words
    that only frame the question are left out. A lone one-character word stands for itself only
    when it is the whole text."""
    out = []
    words = list(_words(text))
    # two one-character words the documents write as one term: 述 + 法 = 述法 (年终述法). Only
    # where one half is a bound morpheme (jieba tags vg, ng, …, or j) that cannot stand alone:
    # 会 + 有 are two words, whatever the corpus prints side by side.
    glued = set()
    for n in range(len(words) - 1):
        pair = words[n][0] + words[n + 1][0]
        bound = any(f.endswith("g") or f == "j" for _, f in words[n:n + 2])
        if (idf is not None and len(pair) == 2 and bound and pair in idf and n not in glued
                and not _is_word(pair) and pair in text):
            glued |= {n, n + 1}
            out.append((pair, (pair,), False))
    for n, (word, flag) in enumerate(words):
        if n in glued or idf is not None and _frames(word, flag, idf):
            continue
        if len(word) == 1:
            if "".join(_CJK_RUN.findall(text)) == word:
                out.append((word, (word,), False))
            continue
        out.append((word, tuple(word[i: i + 2] for i in range(len(word) - 1)), _may_abbreviate(word, flag)))
    return tuple(out)


# Parts of speech that name things: nouns of every kind (n, nr, ns, nt, nz), verbal and adjectival
# nouns (vn, an), short names (j), set phrases (l, i). A question about something the documents
# lack names it with one of these (奖金, 编制数, 经费).
_NAMING_POS = ("n", "vn", "an", "j", "l", "i")


@lru_cache(maxsize=4096)
def _unnamed(text: str) -> frozenset:
    """Bigrams of the text's words that name nothing, and of no word that does."""
    naming, other = set(), set()
    for word, flag in _words(text):
        grams = {word[i:i + 2] for i in range(len(word) - 1)}
        (naming if flag.startswith(_NAMING_POS) else other).update(grams)
    return frozenset(other - naming)


@lru_cache(maxsize=4096)
def bigrams(text: str) -> tuple[str, ...]:
    """Character bigrams inside each content word of `text` (jieba words), never across two
    words: '督查这个事' gives 督查, not 查这 / 这个 / 个事, which no document would contain."""
    return tuple(dict.fromkeys(g for _, grams, _ in _word_grams(text, None) for g in grams))


@lru_cache(maxsize=8192)
def _is_word(gram: str) -> bool:
    return jieba_module().dt.FREQ.get(gram, 0) > 0


@lru_cache(maxsize=256)
def _title_text(title: str) -> str:
    return _variants(normalize(title))


class Evidence:
    def __init__(self, idf: dict[str, float]):
        self.idf = idf
        self._topics: dict[str, tuple] = {}  # topic -> (its words, its grams): a question scores every sentence
        self.unseen = max(idf.values(), default=1.0) * 1.2
        self.slight = min(idf.values(), default=0.1)

    def weight(self, gram: str) -> float:
        """The corpus IDF; for a bigram no document uses, the most when it is a word (有效期's 效期:
        a question about something absent), the least when it is not even one (号前, 建个, 报给:
        two halves of spoken words that segmentation glued, which say nothing about the topic)."""
        if gram in self.idf:
            return self.idf[gram]
        return self.unseen if _is_word(gram) else self.slight

    def _topic(self, topic: str) -> tuple:
        if topic not in self._topics:
            if len(self._topics) > 4096:
                self._topics.clear()
            words = _word_grams(topic, self.idf)
            self._topics[topic] = (words, tuple(dict.fromkeys(g for _, own, _ in words for g in own)),
                                   _unnamed(topic))
        return self._topics[topic]

    def topic_weight(self, topic: str, gram: str) -> float:
        """`weight`, except that a gram no document uses weighs little when it comes only from a
        word that names nothing (a verb, an adjective: 标的 of 牵头单位标的是哪个, 点到, 摸个底):
        the asker's own way of putting it, not a thing the documents lack."""
        if gram not in self.idf and gram in self._topic(topic)[2]:
            return self.slight
        return self.weight(gram)

    def word_grams(self, topic: str) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
        """The topic's words that say what it is about, with their bigrams."""
        return self._topic(topic)[0]

    def grams(self, topic: str) -> tuple[str, ...]:
        return self._topic(topic)[1]

    def has_content(self, topic: str) -> bool:
        """Does the topic hold a word of its own ("各提" of "新密和阜康各提了什么要求" does not: two
        halves glued, which no document and no dictionary has)?"""
        return any(g in self.idf or _is_word(g) for g in self.grams(topic))

    def coverage(self, topic: str, text: str, ignore: frozenset = frozenset()) -> float | None:
        """Share of the topic's weight found in `text`, 0..1; None when the topic has no Chinese."""
        grams = [g for g in self.grams(topic) if g not in ignore]
        if not grams:
            return None
        hay = _variants(normalize(text))
        found = {g for g in grams if g in hay}
        for word, own, short in self.word_grams(topic):  # a short name found as its full form counts whole
            if short and not set(own) <= found and _abbreviation(word).search(hay):
                found.update(own)
        total = sum(self.topic_weight(topic, g) for g in grams)
        return sum(self.topic_weight(topic, g) for g in grams if g in found) / total

    def key_grams(self, topic: str, n: int = 2, ignore: frozenset = frozenset()) -> list[str]:
        """The topic's rarest bigrams that the corpus uses at all: what the question is about."""
        known = [g for g in self.grams(topic) if g in self.idf and g not in ignore]
        return sorted(known, key=lambda g: -self.idf[g])[:n]

    def item_relevance(self, topic: str, item) -> float | None:
        """Coverage of the topic, halved when the item has none of the topic's rarest terms
        (绿园区's 管理体制改革 item is not about 行政复议体制改革)."""
        text = f"{item.section_path}{item.heading}{item.text}"
        # words of the document's own title (交通局, 营商环境若干措施) say which document is meant,
        # as a locality does, not which of its items: they are left out when others remain
        title = _title_text(item.title or "")
        ignore = frozenset(g for g in self.grams(topic) if g in title)
        if len(ignore) == len(self.grams(topic)):
            ignore = frozenset()
        score = self.coverage(topic, text, ignore)
        if score is None:
            return None
        keys = self.key_grams(topic, ignore=ignore)
        if keys and not any(k in _variants(normalize(text)) for k in keys):
            score *= 0.5
        return score

    def best_sentences(self, topic: str, item, want_number: bool = False, n: int = 1) -> list[tuple[float, str]]:
        scored = []
        heading = (getattr(item, "heading", "") or "").rstrip("。")
        years = set(_YEAR.findall(topic))  # "伊犁2021年…各是啥结果?": the sentence about that year
        for sentence in sentences(item.text):
            cover = self.coverage(topic, sentence)
            score = 0.5 if cover is None else cover  # no Chinese topic (English): rank decides
            if years & set(_YEAR.findall(sentence)):
                score += 0.1
            if want_number and _NUMBER.search(sentence):
                score += 0.15
            if heading and sentence.strip().rstrip("。") == heading:
                score -= 0.01  # a tie goes to the body: a run-in heading names what the body details
            scored.append((score, sentence.strip()))
        scored.sort(key=lambda pair: -pair[0])
        return scored[:n]


# the year a thing is for ("纳入2025年度…考核") and a document number's year and serial say no quantity
# (a question about time has a measure of its own, which a year answers: "什么时间之前" -> "2025年前")
_NOT_A_QUANTITY = re.compile(r"(19|20)\d{2}\s*年度?|[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(_NOT_A_QUANTITY.sub(" ", text)))


# (辆, 台, 座, 间, 分: things and points counted by their own classifier, "几辆执法车", "平均考了多少分")
# (几个点 / 几个百分点 asks percentage points, a difference of two rates: not a count of 个)
ASKED_COUNT = re.compile(r"(多少|(?<!哪)几)(个工作日|大项|个?学时|个?小时|个(?!(百分)?点(?!位))|项|件|家|名|人|次|轮|届|期|天|日|批|类|条|户|所|支|场|本|份|卷|张|篇|页|字|起|宗|例|套|辆|台|座|间|分)")


_DURATION = "工作日|自然日|月|小时|季度|星期|百分点"
_OWN_CLASSIFIER = (("项", "事项|项目|任务|措施|指标|清单"), ("条", "条款|条目|意见|建议|规定"), ("件", "案件|案子|事件|文件"))
_NOUN_CLASSIFIERS = {"项", "件", "家", "户", "所", "支", "场", "批", "类", "条", "期", "大项",
                     "本", "份", "卷", "张", "篇", "起", "宗", "例", "套"}  # not 次/轮/届: events


# "户数是多少" asks what "多少户" asks: a count named by its classifier and 数
_COUNT_NOUN = re.compile(r"的?(户|人|件|次|卷|家|项|条|名|所|场|批)数(量)?(是|为|有|一共|共|总共|大概|大约)*(多少|几)个?")


def as_count(question: str) -> str:
    """The question with a count asked as "X数是多少" written as "多少X"."""
    return _COUNT_NOUN.sub(lambda m: f"多少{m.group(1)}", question)


def measure_pattern(question: str) -> re.Pattern | None:
    """The value pattern a number question asks for (几年 -> N年), or None when unclear."""
    question = as_count(question)
    count = ASKED_COUNT.search(question)
    if count and not re.search(r"多久|多长|几号|几月", question):
        word = count.group(2)
        if word == "个学时":  # "多少个学时" asks 学时 as "多少学时" does
            word = "学时"
        if word == "个":  # 几个 X: the number may be followed by 个, or by X's own classifier
            # (几个“法律明白人” is answered "不少于5名“法律明白人”"; people only for people, not
            # 多少个部门 by "3名人员"), never by a span of time
            noun = question[count.end():count.end() + 10]
            people = "|名|人|位" if re.match(r"[“\"]?[\u4e00-\u9fff]{0,6}(人|员|者|师|官|干部|代表|委员)", noun) else ""
            # a thing with a classifier of its own: 多少个事项 is answered "120项", 几个案件 "12件"
            own = next((f"|{c}" for c, names in _OWN_CLASSIFIER if re.match(rf"[“\"]?[\u4e00-\u9fff]{{0,4}}({names})", noun)), "")
            return re.compile(rf"(\d+|[一二三四五六七八九十百千两]+)(个(?!{_DURATION})|家|所|支|处|户|套|台|座{people}{own})")
        hours = "(学时|个?小时)"  # training is counted in 学时; people ask in 小时
        days = "(个?(工作|自然)?日|天)"  # 多少天 is answered in 日, 工作日 or 自然日 as often as in 天
        word = {"名": "(名|人)", "人": "(人|名)", "天": days, "日": days, "个工作日": "个?工作日", "学时": hours,
                "小时": hours, "个小时": hours}.get(word, word)
        if word in _NOUN_CLASSIFIERS:  # 多少户 is answered "示范户1905个": 个 counts any thing
            word = f"({word}|个(?!{_DURATION}))"  # (but 20个工作日 is a span of time, not 20 things)
        # a count of days is never the day of a date: not the 31日 of 1月31日
        not_a_date = r"(?<![\d月])" if "日" in word else ""
        return re.compile(rf"{not_a_date}(\d+(\.\d+)?|[一二三四五六七八九十百千万两]+)余?{word}")
    for asks, answer in _MEASURES:
        if asks.search(question):
            return re.compile(answer)
    return None


# asked of a document's issue (印发, 落款…): its own date answers only this
ASKS_ISSUE = re.compile(r"印发|发布|下发|签发|出台|落款|成文|发文|(发|出)的")


def answers_measure(question: str, text: str, own_date: str = "", whole: str = "") -> bool:
    """Does `text` hold the kind of value `question` asks for? (Any number when unclear.)

    `own_date` is the date of the text's document as its 落款 writes it (2023年4月6日): it dates
    the document, so it answers only a question about the document's issue, not "第五次会议是
    哪天开的?" asked of the notice that names the meeting and ends with that date."""
    if own_date and not ASKS_ISSUE.search(question):
        text = text.replace(own_date, "")
    pattern = measure_pattern(question)
    if not pattern:
        return has_number(text)
    for said in _stated(whole or question):  # `question` may be one part of it ("…120项,里面…占几项?")
        text = text.replace(said, " ")
    counted = _counted(question)
    if not counted:
        return bool(pattern.search(text))
    # people or bodies counted ("法律顾问总数是多少人?"): the number must count them, in a clause
    # that names them, not "公职律师30人" beside "…聘用专业法律顾问"
    return any(_names(counted, clause) for clause in re.split(r"[，,；;。]", text) if pattern.search(clause))


# a yes/no check of a figure the asker states ("是不是120项?"): the figure is the answer
_CHECKS = re.compile(r"是不是|是否|对不对|对吗|吗[?？]?$|没错吧|吧[?？]?$")


@lru_cache(maxsize=1024)
def _stated(question: str) -> tuple[str, ...]:
    """The figures a question itself states, with their unit ("120项"): what it starts from, not
    its answer ("清单不少于120项,里面市场监管领域占几项?" is not answered by the sentence saying
    120项), unless the question checks one of them. Cached: answers_measure runs per sentence."""
    if _CHECKS.search(question):
        return ()
    return tuple(set(re.findall(r"\d+(?:\.\d+)?[^\d\s,，。?？、]?", question)))


# What a count of people or bodies counts: the noun after 多少名/几家 ("多少名执法人员"), else the
# words before it, without the words that frame the count ("…法律顾问总数是多少人")
_COUNT_ASKED = re.compile(r"(?:多少|几)个?(?:名|人|户|家)(?P<after>[\u4e00-\u9fff]{2,8})?|"
                          # "查出多少个问题", "几起案件": the thing named after its classifier
                          # (not 单位, 部门, 方面: words for any body, which 3个乡镇、5个县直部门 count too)
                          r"(?:多少|几)(?:个|起)(?P<thing>(?!工作日|自然日|月|小时|百分点|季度|星期|周|人|名|单位|部门|机构|方面|地方)[\u4e00-\u9fff]{2,6})")
_COUNT_FRAME = re.compile(r"(总数|总人数|人数|户数|数量|总共|一共|共|合计|累计|大概|大约|不少于|不低于|至少|达到|超过|"
                          r"有|是|为|要|能|会|的)+$")
_NOT_NOUN = re.compile(r"^(吗|呢|了|啊|左右|以上|以内|次|呀)")


@lru_cache(maxsize=1024)
def _counted(question: str) -> str:
    question = as_count(question)
    m = _COUNT_ASKED.search(question)
    if not m:
        return ""
    if m.group("thing"):  # the nouns right after the classifier: 问题 of "多少个问题被整改了"
        thing = ""
        for word in _posseg().lcut(m.group("thing")):
            # right after its classifier a word is what is counted, even one tagged a verb (几个编制)
            if not word.flag.startswith(("n", "vn")) and (thing or not word.flag.startswith("v")):
                break
            thing += word.word
        return thing if len(thing) >= 2 else ""
    after = m.group("after") or ""
    if after and not _NOT_NOUN.match(after):
        return re.split(r"[吗呢了啊呀]", after)[0]
    before = re.split(r"[,，、;；?？]|里|中|的(?=.)", question[:m.start()])[-1]
    before = _COUNT_FRAME.sub("", before)
    if not before or before.endswith("了"):  # "培训了多少人": a verb, not what is counted
        return ""
    return before[-8:] if len(before) >= 2 else ""


def _names(counted: str, clause: str) -> bool:
    """Does the clause name what is counted? Half of its character pairs (执法人员 ~ 行政执法人员)."""
    pairs = {counted[n:n + 2] for n in range(len(counted) - 1)}
    return sum(p in clause for p in pairs) >= max(1, len(pairs) / 2)
