"""What a question about the documents themselves is answered from: each document's title, date,
kind, 文号, issuer and addressee (the manifest of the collection), the sentence of its opening that
names what it rests on, and, for a 政策解读, the document it explains.

    documents  the route for doc_info questions ("阜康市的工作要点是哪一年的?", "文号多少?")
"""
from __future__ import annotations

import re
from typing import Iterator

from assistant import fields
from assistant.evidence import ASKS_BASIS
from assistant.intents import DOCUMENTS_OF_A_KIND
from assistant.understand import Query
from corpus.metadata import DOC_NO
from corpus.text import normalize, sentences
from corpus.types import TaskItem


_RESTS_ON = re.compile(r"(根据|依据|按照|依照|为(深入)?贯彻落实)[^。]{0,40}?《")  # not a title's 贯彻落实《…》


def _opening_sentence(a, first: TaskItem, n: int, quote) -> tuple[TaskItem, str] | None:
    """(item, quote) for the first sentence of the document's first `n` items, in reading order,
    of which `quote` makes a quote (it returns None for a sentence it does not take)."""
    opening = sorted((i for i in a.items if i.doc_id == first.doc_id), key=lambda i: i.span[0])[:n]
    for item in opening:
        for sentence in sentences(item.text):
            said = quote(sentence)
            if said:
                return item, said
    return None


def _basis(a, first: TaskItem) -> tuple[TaskItem, str] | None:
    """The sentence of a document's opening that names what it rests on ("根据…《…》精神,结合…
    实际,制定本方案"), from 根据 on: a heading run into the sentence (the title line) is not quoted."""
    def rests_on(sentence: str) -> str | None:
        m = _RESTS_ON.search(sentence)
        return sentence[m.start():].strip() if m else None
    return _opening_sentence(a, first, 3, rests_on)


# "解读的是哪个文件,文号多少?": a 政策解读 (or a 通报) explains another document, named with its 文号
# in the reading's opening ("…印发了《X》（X政办发〔2026〕6号）")
_ASKS_EXPLAINED = re.compile(r"解读(的是|了)?[^,，?？]{0,6}?(哪个|哪份|什么|啥)(文件|要点|方案|通知)|解读的[^,，?？]{0,8}?文号")


def _explained(a, first: TaskItem) -> tuple[TaskItem, str] | None:
    """The sentence of a reading's opening that names the document it explains with its 文号."""
    def names_a_document(sentence: str) -> str | None:
        return sentence.strip() if DOC_NO.search(sentence) and ("《" in sentence or "印发" in sentence) else None
    return _opening_sentence(a, first, 4, names_a_document)


_ASKS_DAY = re.compile(r"哪天|哪一天|几号|几月几|日期|什么时候(印发|发布|发|出)|何时")
_ASKS_DOC_NO = re.compile(r"文号|字号")
_ASKS_ISSUER = re.compile(r"谁(发|印发|出)|哪个(单位|部门|机关)(发|印发|出)|发文(单位|机关)|哪个机关|印发机关")
_ASKS_ADDRESSEE = re.compile(r"(报|发|送|交|给)(给|到)?(谁|哪)|主送|下发(给|到)|抄送")


def _missing_fields(question: str, item: TaskItem) -> list[str]:
    """The document fields the question asks for, when none of them is given (a date given only
    as a year does not say the day asked for); [] when something asked is there."""
    asked = [(_ASKS_DAY, "印发日期", re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.date or "")),
             (_ASKS_DOC_NO, "文号", item.doc_no), (_ASKS_ISSUER, "发文机关", item.issuer),
             (_ASKS_ADDRESSEE, "主送机关", item.addressee)]
    asked = [(name, value) for pattern, name, value in asked if pattern.search(question)]
    return [name for name, _ in asked] if asked and not any(value for _, value in asked) else []


# a leader asked about with the units: 牵头领导, who heads it (挂帅), a post (县长, 分管副县长)
_ASKS_STATUS = re.compile(r"正式(印发|发布|出台)?的?(稿|版|文件|文本)?[吗么]?|征求意见稿|草案|送审稿|讨论稿|定稿")
_DRAFT = re.compile(r"征求意见稿|草案|送审稿|讨论稿|修改稿")


def _status(question: str, item: TaskItem) -> str:
    if not _ASKS_STATUS.search(question):
        return ""
    draft = _DRAFT.search(item.title or "")
    if draft:
        return f"不是正式印发稿:{item.locality}这份文件标题注明是“{draft.group(0)}”"
    if item.doc_no:
        return f"是正式印发的文件:{item.locality}这份文件有文号{item.doc_no}"
    return ""


def documents(a, query: Query, hits, timings) -> Iterator[dict]:
    """What the collection holds, per document: its title, date and kind, citing its opening."""
    first: dict[str, TaskItem] = a.searcher.maps.first_of_doc
    docs = [i for i in first.values() if not query.localities or i.locality in query.localities]
    named = [i for i in docs if i.doc_no and normalize(i.doc_no) in normalize(query.text)]
    docs = named or docs  # a question quoting a 文号 is about that document
    kind = DOCUMENTS_OF_A_KIND.search(query.original)
    if kind and not named:  # "哪几份是年度情况报告?": the documents of that kind, by their title or kind
        docs = [i for i in docs if kind.group("kind") in f"{i.title}{i.doc_kind}"]
    if not docs:
        yield a.not_found(query, hits)
        return
    # "是根据哪个文件制定的?文号多少?": the document it rests on (whose 文号 is the one asked)
    basis = _basis(a, docs[0]) if len(docs) == 1 and ASKS_BASIS.search(query.original) and query.lang != "en" else None
    explained = (_explained(a, docs[0]) if len(docs) == 1 and _ASKS_EXPLAINED.search(query.original)
                 and query.lang != "en" else None)
    missing = _missing_fields(query.original, docs[0]) if len(docs) == 1 and not basis and not explained else []
    status = _status(query.original, docs[0]) if len(docs) == 1 and query.lang != "en" else ""
    if missing and query.lang != "en":
        # every field asked for is absent: the document does not say, which is not an answer,
        # unless the question also asks what kind of text it is ("是正式印发稿吗?"), which its title says
        item = docs[0]
        text = (f"{status}[1]。" if status else "") + (
            f"文件没有写明{'和'.join(missing)}。{item.locality}:《{item.title}》"
            f"{',' + fields.cn_date(item.date) if item.date else ''}[1]。")
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered" if status else "not_found", [(item, item.text[:60])], "fields")
        return
    lines, cited = ([f"{status}[1]。"] if status else []), []
    if kind and not named and len(docs) > 1:
        lines.append(f"收录的文件中共{len(docs)}份{kind.group('kind')}:")
    for n, item in enumerate(docs, start=1):
        if query.lang == "en":
            date = item.date or "no date given"
        else:
            date = fields.cn_date(item.date) or "未注明日期"
        if query.lang == "en":
            extra = "".join(f", {v}" for v in (item.doc_no, item.issuer) if v)
            kind_said = f", {item.doc_kind}" if item.doc_kind else ""
            lines.append(f"{item.locality}: {item.title}, {date}{kind_said}{extra} [{n}].")
        else:
            extra = (f",文号{item.doc_no}" if item.doc_no else ",无文号") + (f",{item.issuer}印发" if item.issuer else "")
            if item.addressee and _ASKS_ADDRESSEE.search(query.original):
                extra += f",主送{item.addressee}"
            kind_said = f",{item.doc_kind}" if item.doc_kind else ""  # (a notice names no kind: no empty field)
            lines.append(f"{item.locality}:《{item.title}》,{date}{kind_said}{extra}[{n}]。")
        cited.append((item, item.text[:60]))
    if basis:
        holder, sentence = basis
        lines.append(f"制定依据:“{sentence}”[{len(cited) + 1}]。")
        cited.append((holder, sentence))
    if explained:
        holder, sentence = explained
        lines.append(f"解读的文件:“{sentence}”[{len(cited) + 1}]。")
        cited.append((holder, sentence))
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "fields")
