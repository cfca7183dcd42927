"""The document a question names, when its header gave it no place.

Many published pages show no place in a title or a signature: the tail of an opinion, a news item,
a report whose title was cut off. Their items have no locality, so naming a place does not reach
them, and a question about one ("2009年4月那份…方案里…", "福田区2023年…") is answered from every
locality's plan at once. People name such a document the ways it does name itself:
  - by a place its opening speaks of (福田区司法局2023年…; 江西出台…): jieba's place words and
    names with a level (县/区/市/镇/街道…) in the title and the first lines;
  - by its date (2006年1月25日那份…, 2009年4月那份…): the date of its 落款, or a year in its title;
  - by a quoted phrase only it prints (提出“西部名市丝路名都”的那份要点…).
The question is then searched in those documents only. Documents with a place are left to the
locality search: this only reaches the ones it cannot.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from corpus.gazetteer import quiet_jieba
from corpus.text import normalize

OPENING_CHARS = 240  # how much of a document's start may name its place
_PLACE_WITH_LEVEL = re.compile(r"[\u4e00-\u9fff]{2,6}(?:自治区|街道|省|市|县|区|镇|乡)")
_LEVELS = ("自治区", "街道", "省", "市", "县", "区", "镇", "乡")
_COUNTRY = {"中国", "我国", "全国", "中华人民共和国"}  # every document's country names none of them
# not a place however it ends: parts of a place, or a place's own words (全县, 本区…)
_NOT_PLACE = re.compile(r"^(各|全|本|我|该|此|每|市|县|区|乡|镇|社区|园区|城区|辖区|小区|景区|片区|下辖|所在|相关)")
# "那份推行行政执法责任制的实施意见": a document named by its kind, up to the kind's word
_REFERENCE = re.compile(r"(?:那|这)份\s*[^,，。?？;；]{0,24}(?:意见|方案|通知|要点|报告|办法|规定|文件|材料|清单|计划|规划|细则|总结|表)"
                        r"(?=[里中,，的\s]|$|第|提出|要求|规定|对|明确|有|是|怎么|如何)")
# "2006年1月25日那份…", "2009年4月那份…", "那份2006年…": a date said of a document
_DATE = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")


def _jieba():
    import jieba.posseg

    quiet_jieba()
    return jieba.posseg


@lru_cache(maxsize=4096)
def place_words(opening: str) -> frozenset[str]:
    """Places an opening speaks of, as jieba cuts its words: the ones it tags as places (江西, 宁夏)
    and names ending in a level (福田区, 罗店镇)."""
    return frozenset(w.word for w in _jieba().lcut(opening)
                     if not _NOT_PLACE.match(w.word) and w.word not in _COUNTRY
                     and (_PLACE_WITH_LEVEL.fullmatch(w.word) or w.flag == "ns" and len(w.word) >= 2
                          and not w.word.endswith(_LEVELS)))  # (治区 of 依法治区 is no place)


class NamedDocuments:
    """The corpus's documents without a place: {doc_id: (place words, date, title)}."""

    def __init__(self, items):
        first: dict[str, list] = {}
        for i in items:
            if not i.locality:
                first.setdefault(i.doc_id, []).append(i)
        self.docs, self.texts = {}, {}
        for doc_id, its in first.items():
            its.sort(key=lambda i: i.span[0])
            opening = f"{its[0].title}\n" + "".join(i.text for i in its)[:OPENING_CHARS]
            self.docs[doc_id] = (place_words(opening), its[0].date or "", its[0].title or "")
            self.texts[doc_id] = normalize("".join(i.text for i in its))

    def named(self, question: str) -> tuple[str, ...]:
        """The placeless documents the question names by a place they speak of, else by their date."""
        if not self.docs:
            return ()
        text = normalize(question)
        by_place = tuple(d for d, (places, _, _) in self.docs.items() if any(p in text for p in places))
        if by_place:
            return by_place
        return tuple(d for d, (_, date, title) in self.docs.items() if any(_same_date(m, date, title)
                                                                            for m in _DATE.finditer(text)))

    def scoped(self, query):
        """The query searched in the documents it names, when it names no place the corpus knows;
        the words that name the document ("2006年1月那份…实施意见") leave its topic, as a title's do
        (they say which document, not which part of it)."""
        if query.localities or query.docs:
            return query
        docs = self.named(query.original)
        topic = query.topic
        if not docs and _REFERENCE.search(query.original):
            # "提出建设“西部名市丝路名都”的那份要点…": a phrase of its own that only it prints
            for phrase in query.phrases:
                holding = tuple(d for d, text in self.texts.items() if normalize(phrase) in text)
                if len(holding) == 1:
                    said = normalize(phrase)  # (the topic's words may be cut short of it: 西部名市丝路名)
                    docs, topic = holding, " ".join(w for w in topic.split() if not (len(w) >= 2 and w in said))
                    break
        if not docs:
            return query
        topic = _REFERENCE.sub(" ", topic)
        for m in _DATE.finditer(query.original):  # (the topic keeps 2009年 and 4月 as words apart)
            for part in re.findall(r"\d+[年月日]", m.group(0)):
                topic = re.sub(rf"(?<!\d){part}", " ", topic)
        return replace(query, docs=docs, topic=topic if re.search(r"[\u4e00-\u9fff]{2}", topic) else query.topic)


def _same_date(m: re.Match, date: str, title: str) -> bool:
    year, month, day = m.groups()
    if not date:
        return not month and f"{year}年" in title
    try:
        y, mo, d = (int(x) for x in date.split("-"))
    except ValueError:  # (a date the header gave only in part)
        return False
    if int(year) != y:
        return False
    return (not month or int(month) == mo) and (not day or int(day) == d)
