"""A document named by its own title: "檀峰那个优化营商环境若干措施啥时候开始施行?".

People refer to a document by a stretch of its title. Those words are in every item of that
document (each chunk carries its title), so for search and relevance they say nothing about
*which part* is asked: they are taken out of the searched text and the topic, and the document's
locality is taken as named. A stretch counts when it is long, names a kind of document (措施,
方案, 要点…) and belongs to one document only — "法治政府建设工作要点" names no document.
"""
from __future__ import annotations

import re
from dataclasses import replace

from corpus.text import normalize

MIN_CHARS = 6
_DOC_KIND = re.compile(r"措施|方案|要点|安排|清单|报告|意见|办法|通知|规划|规定|细则|分工|台账|计划")


def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def title_reference(question: str, docs: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """(the stretch of the question, doc_id, locality) when the question names one document by
    its title; `docs`: doc_id -> (title, locality)."""
    text = normalize(question)
    found: dict[str, list[str]] = {}
    for doc_id, (title, _) in docs.items():
        stretch = _longest_common(text, normalize(title))
        if len(stretch) >= MIN_CHARS and _DOC_KIND.search(stretch):
            found.setdefault(stretch, []).append(doc_id)
    if not found:
        return None
    stretch = max(found, key=len)
    owners = [d for d in docs if stretch in normalize(docs[d][0])]
    if len(owners) != 1:
        return None
    return stretch, owners[0], docs[owners[0]][1]


def without_title(query, docs: dict[str, tuple[str, str]]):
    """The query with a title reference taken out of its search text and topic (see above)."""
    ref = title_reference(query.original, docs)
    if not ref:
        return query
    stretch, _, locality = ref
    text = normalize(query.text).replace(stretch, " ")
    topic = query.topic.replace(stretch, "")
    if len(re.findall(r"[\u4e00-\u9fff]", topic)) < 2:
        return query  # the title is all the question says: keep it
    localities = query.localities or ((locality,) if locality else ())
    return replace(query, text=text, topic=topic, localities=localities)
