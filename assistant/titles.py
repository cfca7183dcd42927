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
from difflib import SequenceMatcher

from assistant.unit_names import short_forms
from corpus.text import normalize

MIN_CHARS = 6
_DOC_KIND = re.compile(r"措施|方案|要点|安排|清单|报告|意见|办法|通知|规划|规定|细则|分工|台账|计划")


class Titles:
    """The corpus's titles, normalised once: {doc_id: (normalised title, locality)}."""

    def __init__(self, items):
        self.docs = {i.doc_id: (normalize(i.title), i.locality) for i in items}
        # a bureau's own plan is named by its issuer ("菰滨县市场监管局的执法案卷评查…"): the issuer's
        # name, as people shorten it, says which document, not which part, unless its tasks name
        # that body as a unit too
        units: dict[str, set[str]] = {}
        for i in items:
            units.setdefault(i.doc_id, set()).update(getattr(i, "all_units", ()))
        self.issuers: dict[str, tuple[set[str], str]] = {}
        for i in items:
            issuer = getattr(i, "issuer", "")
            if i.doc_id in self.issuers or not issuer or issuer in units[i.doc_id]:
                continue
            own = re.sub(r"^中共", "", issuer)  # a party body's name opens with 中共: 中共霁川县委…办公室
            body = own[len(i.locality) - 1:] if i.locality and own.startswith(i.locality[:-1]) else issuer
            # (not its level and a kind of body, 区司法局 of 静安区司法局: every district has one)
            level = i.locality[-1:] if i.locality else ""
            forms = {f for f in short_forms(body) if len(f) >= 4 and f not in units[i.doc_id]
                     and not (level and f.startswith(level))}
            if forms and not re.search(r"政府$|委员会$|党委$", body):  # a government's plan: its name is also a unit's
                self.issuers[i.doc_id] = (forms, i.locality)

    def reference(self, question: str) -> tuple[str, str] | None:
        """(the stretch of the question, locality) when the question names one document by its title."""
        text = normalize(question)
        best = ""
        for title, _ in self.docs.values():
            m = SequenceMatcher(None, text, title, autojunk=False).find_longest_match(0, len(text), 0, len(title))
            stretch = text[m.a:m.a + m.size]
            if m.size >= MIN_CHARS and m.size > len(best) and _DOC_KIND.search(stretch):
                best = stretch
        owners = [loc for title, loc in self.docs.values() if best and best in title]
        return (best, owners[0]) if len(owners) == 1 else None

    def without_title(self, query):
        """The query with a title reference, or its issuer's name, taken out of its search text and
        topic (see above)."""
        return self._without_issuer(self._without_title(query))

    def _without_issuer(self, query):
        for forms, locality in self.issuers.values():
            if query.localities and locality not in query.localities:
                continue
            said = max((f for f in forms if f in query.topic), key=len, default="")
            topic = query.topic.replace(said, "") if said else ""
            if said and len(re.findall(r"[\u4e00-\u9fff]", topic)) >= 4:
                return replace(query, text=query.text.replace(said, " "), topic=topic,
                               localities=query.localities or ((locality,) if locality else ()))
        return query

    def _without_title(self, query):
        ref = self.reference(query.original)
        if not ref:
            return query
        stretch, locality = ref
        topic = query.topic.replace(stretch, "")
        if len(re.findall(r"[\u4e00-\u9fff]", topic)) < 2:
            return query  # the title is all the question says: keep it
        return replace(query, text=normalize(query.text).replace(stretch, " "), topic=topic,
                       localities=query.localities or ((locality,) if locality else ()))
