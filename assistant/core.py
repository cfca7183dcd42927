"""The assistant: understand -> retrieve -> route -> one answer with citations.

Routes that claim a question when the items answer it, before the routing by intent:
- chain ("牵头A的那个单位,在B方面还牵头哪些?"): route_chain;
- computation ("…相差几个百分点?", "…占多大比例?", "几项没写牵头单位?"): route_compute;
- a section named by number, heading or period ("第三部分有几条?"): route_sections.
Routes, by intent:
- unit_tasks ("县司法局牵头哪些任务"): every matching item, from the parsed fields;
- lead / responsible: the best item per locality, from the parsed fields (no LLM: the unit names
  must be exact), one answer per locality when the question names none;
- chain ("牵头X的单位还牵头哪项…"): the lead unit of X, then its other items;
- doc_info ("阜康市的工作要点是哪一年的?"): title, date and kind of the documents, from the manifest;
- summary: the relevant items of one subsection, each quoted;
- which_doc and everything else: the LLM drafts from the two or three best items, each sentence
  is verified before it is shown; a failed draft is replaced by the quoted supporting sentence.
Any route whose best evidence does not cover the question says so (status not_found) and lists
the nearest items instead of guessing. The routes live in route_fields / route_drafted and use
the helpers below (`final`, `not_found`, `relevance`, `quote`).
"""
from __future__ import annotations

import logging
import re
import time
from functools import cached_property
from typing import Iterator

from assistant import (fields, outline_address, prompts, read_places, titles, route_chain, route_neighbours, route_compute, route_documents, route_drafted,
                       route_fields, route_places, route_section_sizes, route_sections, route_two_units, route_unit_tasks)
from assistant.draft import LABELS, HoldBack
from assistant.evidence import Evidence
from assistant.named_documents import NamedDocuments
from assistant.types import Answer, Citation
from assistant.unit_names import UnitNames
from assistant.understand import Query, understand
from corpus.gazetteer import stem_opening
from corpus.text import normalize
from corpus.types import TaskItem
from index.localities import locality_words, short_forms

log = logging.getLogger("policyqa.assistant")
NEAR_MIN = 0.2  # an item listed as near a question nobody could answer covers this much of it


class Assistant:
    def __init__(self, searcher, llm=None, max_question_chars: int = 2000,
                 generation_timeout_s: float = 40.0, max_tokens: int = 200, kinds=None):
        self.searcher = searcher
        self.kinds = kinds  # assistant.question_kinds.QuestionKinds, or None: the rules alone
        self.llm = llm
        self.max_question_chars = max_question_chars
        self.generation_timeout_s = generation_timeout_s
        self.max_tokens = max_tokens
        self.evidence = Evidence(searcher.bm25.idf)
        self.items: list[TaskItem] = list(searcher.items.values())
        self.known_units = {u for i in self.items for u in i.all_units}
        self.unit_names = UnitNames(self.items)
        self.titles = titles.Titles(self.items)
        self.named_documents = NamedDocuments(self.items)
        self.truncated_localities = {i.locality for i in self.items if i.truncated}
        self._addressed: dict = {}  # (outline place cited, locality) -> the items standing there
        self.scanned_places = read_places.scanned_places(self.items)
        # What a streamed draft must not show half-written (see assistant.draft).
        self.holdback = HoldBack(self.known_units | set(locality_words(tuple(searcher.localities)))
                                 | set(prompts.NOT_FOUND_MARKERS) | set(LABELS))

    # --- public -------------------------------------------------------------------------------
    def answer(self, question: str, locality: str = "", history=None, id: str | None = None) -> Answer:
        final = None
        for event in self.stream(question, locality=locality, history=history, id=id):
            if event["type"] == "final":
                final = event["answer"]
        return final

    def stream(self, question: str, locality: str = "", history=None, id: str | None = None) -> Iterator[dict]:
        """Events: {'type': 'delta' | 'replace', 'text'} as text is ready, then {'type': 'final', 'answer'}."""
        started = time.perf_counter()
        query = understand(question, history, self.max_question_chars, self.unit_names,
                           tuple(self.searcher.localities), self.kinds)
        if locality and not query.localities:
            query = Query(**{**query.__dict__, "localities": (locality,)})
        misread, said = ("", "") if query.localities else read_places.misread_place(query.original, self.scanned_places)
        if misread:  # "葑湄清单里…" of a scan read as 封湄区
            query = Query(**{**query.__dict__, "localities": (misread,)})
        query = self.named_documents.scoped(self.titles.without_title(query))
        place = self._unknown_place(query)
        if place:  # "青禾县…由哪个单位牵头?" with no 青禾县 document: not another county's item
            text = (f"收录的文件中没有{place}的文件,没有找到这个问题的答案。" if query.lang != "en"
                    else f"No document of {place} is in the collection.")
            yield {"type": "delta", "text": text}
            yield self.final(query, text, "not_found", [], "refusal")
            return
        beyond = self._beyond_outline(query)
        if beyond:
            text = f"{beyond},没有找到这个问题的答案。"
            yield {"type": "delta", "text": text}
            yield self.final(query, text, "not_found", [], "refusal")
            return
        hits = self.searcher.search(query.text, k=8, localities=list(query.localities) or None, docs=query.docs)
        hits = self.numbered_first(query, self.quoted_first(query, hits))
        timings = {"retrieve_s": time.perf_counter() - started}
        answer = None
        route = (route_neighbours.route(self, query, hits) or route_chain.route(self, query, hits) or route_places.route(self, query) or route_two_units.route(self, query)
                 or route_section_sizes.route(self, query, hits) or route_compute.route(self, query, hits)
                 or route_sections.route(self, query, hits) or self._route(query))  # the special routes claim a question only when the items answer it
        for event in route(self, query, hits, timings):
            if event["type"] == "final":
                answer = event["answer"]
            else:
                yield event
        note = self._language_note(query.lang)
        if misread:
            note = f"{note}\n" if note else ""
            note += f"(“{said}”按扫描件识别出的“{misread}”作答。)"
        text = f"{note}\n{answer.text}" if note else answer.text
        timings["total_s"] = time.perf_counter() - started
        timings.setdefault("generate_s", 0.0)
        answer = Answer(question=query.original, text=text, status=answer.status, lang=_answer_lang(query.lang),
                        citations=answer.citations, intent=query.intent, path=answer.path,
                        timings=timings, id=id, suggestions=answer.suggestions, computed=answer.computed)
        yield {"type": "final", "answer": answer}

    def warm_up(self) -> None:
        """Do the one-time work now, not during the first question: load jieba's dictionary and
        the caches of a field answer (0.7 s), and have the model read the fixed start of every
        prompt (~1.2 s; llama.cpp reuses the longest common token prefix of consecutive prompts).
        Best effort: a failure here is logged, and the first question simply pays the cost."""
        try:
            self.answer("行政复议体制改革由哪个单位牵头?")
            warm = getattr(self.llm, "warm", None)
            if warm is not None:
                warm(prompts.messages("", [], "zh"))
        except Exception as exc:  # noqa: BLE001 - never let warming stop the server
            log.warning("warm-up skipped: %s", exc)

    # --- helpers the routes share -------------------------------------------------------------
    def final(self, query: Query, text: str, status: str, cited: list[tuple[TaskItem, str]],
              path: str, hits=None, computed: tuple = ()) -> dict:
        cited = self._with_assignments(cited)
        citations = tuple(Citation(n, item, _verbatim(quote, item)) for n, (item, quote) in enumerate(cited, start=1))
        suggestions = tuple(h.item.item_id for h in (hits or [])[:3]) if status == "not_found" else ()
        return {"type": "final", "answer": Answer(query.original, text, status, query.lang, citations,
                                                  query.intent, path, suggestions=suggestions,
                                                  computed=computed)}

    def _with_assignments(self, cited: list[tuple[TaskItem, str]]) -> list[tuple[TaskItem, str]]:
        """An item whose units a separate passage assigns (责任分工：第4—5项由A牵头…) is cited with
        that passage too: it is where the unit named comes from, and what the reader checks."""
        extra = []
        for item, _ in cited:
            for note, clause in self._assigned_in.get(item.item_id, []):
                if all(note.item_id != c.item_id for c, _ in cited + extra):
                    extra.append((note, clause))
        return cited + extra if extra else cited

    @cached_property
    def _assigned_in(self) -> dict[str, list[tuple[TaskItem, str]]]:
        """{task item id: [(a passage of the document that assigns its units, the clause)]}: a 责任分工
        passage, the row of an attached 分工表 (corpus.division_table), the line of each unit in a
        division listed by unit, a section's note, or the heading whose note its measures share.
        Only when the passages together hold every clause of the item's note."""
        passages: dict[str, list[TaskItem]] = {}
        for i in self.items:
            if i.kind == "closing":
                passages.setdefault(i.doc_id, []).append(i)
        out = {}
        for item in self.items:
            if item.kind not in route_fields.TASK_KINDS or not item.units_raw:
                continue
            clauses = [c for c in item.units_raw.split("；") if c]
            if all(c in item.text for c in clauses):
                continue
            found: list[tuple[TaskItem, str]] = []
            for c in clauses:
                owner = next((p for p in passages.get(item.doc_id, []) if c in p.text), None)
                if owner is None:
                    found = []
                    break
                if all(owner.item_id != f.item_id for f, _ in found):
                    found.append((owner, c))
            if found:
                out[item.item_id] = found
        return out

    def relevance(self, query: Query, item: TaskItem) -> float:
        if query.phrases and self._quotes(query, item):
            return 1.0  # the asker quoted the document's own words, and this item has them
        if self._cited_by_number(query, item) or self._cited_by_marker(query, item):
            return 1.0  # "分解方案第45项…", "三、（六）那条": the asker named the item as the plan numbers it
        rel = self.evidence.item_relevance(query.topic, item)
        return 1.0 if rel is None else rel  # no Chinese topic (an English question): trust the rank

    def _unknown_place(self, query: Query) -> str:
        """A county, district or city the question opens with that no document names at all."""
        if query.localities:
            return ""
        if any(v in query.original for v in self._known_places):
            return ""  # "柳江那边三都镇…": a known place, with the parent it belongs to
        m = _OPENING_PLACE.match(query.original)
        if m:
            place = m.group(1)
            return "" if place in self._corpus_text else place
        # a place said bare, as askers do (咸阳那份放管服要点…): a stem the documents never print
        opening = _OPENING_WORDS.match(query.original).end()
        stem = stem_opening(query.original[opening:])
        return stem if stem and stem not in self._corpus_text else ""

    @cached_property
    def _known_places(self) -> frozenset[str]:
        """The documents' places by every name a question may use, and the town a title opens with
        (三都镇2025年…报告), which a town's documents have though their locality is left blank."""
        towns = {m.group(0) for i in self.items if (m := _TITLE_TOWN.match(i.title or ""))}
        return frozenset(v for loc in (*self.searcher.localities, *towns) for v in short_forms(loc))

    @cached_property
    def _corpus_text(self) -> str:
        """Every word the documents print (an Assistant's items never change; a new library gets
        a new Assistant)."""
        return "".join(f"{i.title}{i.issuer}{i.text}" for i in self.items)

    @staticmethod
    def _quotes(query: Query, item: TaskItem) -> bool:
        text = normalize(f"{item.title}{item.section_path}{item.text}")
        return all(normalize(p) in text for p in query.phrases)

    def quoted_first(self, query: Query, hits):
        """Hits holding every phrase the question quotes come first (a distinctive term quoted
        verbatim is the strongest evidence there is)."""
        if not query.phrases:
            return hits
        holding = [h for h in hits if self._quotes(query, h.item)]
        if not holding:
            extra = [i for i in self.items if i.kind in route_fields.TASK_KINDS and self._quotes(query, i)]
            if not extra or len(extra) > 6:
                return hits
            from index.search import Hit
            holding = [Hit(rank=0, score=1.0, item=i, chunk_id=f"{i.item_id}#0") for i in extra]
        rest = [h for h in hits if h.item.item_id not in {x.item.item_id for x in holding}]
        return holding + rest

    @staticmethod
    def _cited_number(query: Query) -> int | None:
        """The item number cited, unless it counts within an outline place cited with it ("第二部分
        （三）下面第二条": the second of (三), not item 2)."""
        return None if outline_address.address_of(query.original) else fields.cited_number(query.original)

    def _cited_by_number(self, query: Query, item: TaskItem) -> bool:
        n = self._cited_number(query)
        # (only where the number names one item of the place: numbers restarting by section, or two
        # documents of the place, leave it open)
        return (n is not None and item.kind in route_fields.TASK_KINDS and fields.printed_number(item) == n
                and item.locality in query.localities and self._numbers_in_place.get((item.locality, n)) == 1)

    def _cited_by_marker(self, query: Query, item: TaskItem) -> bool:
        return item.locality in query.localities and self.addressed(query, item.locality) == [item]

    def addressed(self, query: Query, locality: str) -> list[TaskItem]:
        """The task items of a place standing at the outline place the question cites ("第十部分
        （三十）下面头一条", "三、（六）"): one item, a section's items, or none. Relevance asks it
        of every hit, so each place is looked up once per question."""
        address = outline_address.address_of(query.original)
        if address is None:
            return []
        key = (address, locality)
        if key not in self._addressed:
            self._addressed[key] = outline_address.addressed(address, self._task_items(locality))
        return self._addressed[key]

    def _task_items(self, locality: str) -> list[TaskItem]:
        return [i for i in self.items if i.locality == locality and i.kind in route_fields.TASK_KINDS]

    def _beyond_outline(self, query: Query) -> str:
        """"碧岑清单第九部分第1项…" of a plan of eight parts: what the reply says is not there."""
        address = outline_address.address_of(query.original)
        if address is None or len(query.localities) != 1:
            return ""
        # (every item counts: a closing part of guarantee measures may hold prose and no task)
        items = [i for i in self.items if i.locality == query.localities[0]]
        if not outline_address.beyond_parts(address, items):
            return ""
        last = outline_address.parts_of(items)[-1]
        cn = outline_address.cn_numeral
        return f"{query.localities[0]}的文件只有{last}个部分(一至{cn(last)}),没有第{cn(address.part)}部分"

    @cached_property
    def _numbers_in_place(self) -> dict[tuple[str, int], int]:
        """How many task items of each place carry each printed number."""
        counts: dict[tuple[str, int], int] = {}
        for i in self.items:
            n = fields.printed_number(i) if i.kind in route_fields.TASK_KINDS else None
            if n is not None:
                counts[(i.locality, n)] = counts.get((i.locality, n), 0) + 1
        return counts

    def numbered_first(self, query: Query, hits):
        """"第9项…", "第十一条…": the item the question cites by its number, in the best-ranked
        document (of the named place), comes first; people cite items as the plan numbers them."""
        n, cited = self._cited_number(query), outline_address.address_of(query.original)
        if (n is None and cited is None) or not hits:
            return hits
        doc = hits[0].item.doc_id
        if n is not None:
            numbered = [i for i in self.items if i.doc_id == doc and i.kind in route_fields.TASK_KINDS
                        and fields.printed_number(i) == n]
        else:
            numbered = self.addressed(query, query.localities[0] if len(query.localities) == 1
                                      else hits[0].item.locality)
        if len(numbered) != 1:
            return hits  # numbers restart in every section: the number alone does not say which
        from index.search import Hit

        first = next((h for h in hits if h.item.item_id == numbered[0].item_id), None)
        first = first or Hit(rank=0, score=1.0, item=numbered[0], chunk_id=f"{numbered[0].item_id}#0")
        return [first] + [h for h in hits if h.item.item_id != numbered[0].item_id]

    def quote(self, query: Query, item: TaskItem) -> str:
        best = self.evidence.best_sentences(query.topic, item, want_number=query.intent == "number")
        return best[0][1] if best else item.text[:80]

    def not_found(self, query: Query, hits, extra: str = "", nearest_rule=None) -> dict:
        """`nearest_rule`: (what the documents do not state, the item closest to the question):
        the reply says so and quotes that item's best sentence as context, citing it."""
        # Near means about the question: an unrelated item listed as "相近" only misleads.
        near = [h.item for h in hits if h.item.kind != "preamble"
                and self.relevance(query, h.item) >= NEAR_MIN][:3]
        if nearest_rule and query.lang != "en":
            reason, item = nearest_rule
            quote = self.quote(query, item)
            text = (f"{reason},无法回答这个问题。相关的规定是:{item.locality}{item.section}“{quote}”[1]")
            return self.final(query, text, "not_found", [(item, quote)], "refusal", hits)
        if query.lang == "en":
            text = "The documents do not contain an answer to this question."
            if near:
                text += " Nearest items: " + "; ".join(f"{i.locality} {i.section}" for i in near) + "."
        else:
            text = "在收录的文件中没有找到这个问题的答案。"
            for loc in query.localities:
                if loc in self.truncated_localities:
                    text += f"({loc}的文件收录不完整,文本在中途截断,后面的内容不在资料中。)"
            text += extra
            if near:
                text += "\n相近的条目:" + ";".join(f"{i.locality}{i.section}“{fields.short_heading(i, 20)}”" for i in near)
        return self.final(query, text, "not_found", [], "refusal", hits)

    # --- routing ------------------------------------------------------------------------------
    @staticmethod
    def _route(query: Query):
        if query.intent == "unit_tasks":
            return route_unit_tasks.unit_tasks
        if query.intent == "doc_info":
            return route_documents.documents
        if query.intent in ("lead", "responsible") and route_fields.CHAIN.match(query.text):
            return route_fields.chain
        if query.intent in ("lead", "responsible"):
            return route_fields.units
        return route_drafted.drafted

    @staticmethod
    def _language_note(lang: str) -> str:
        if lang in ("zh", "en"):
            return ""
        return "(目前支持中文和英文提问,以下用中文回答。)"


# the town a document's title opens with (三都镇2025年法治政府建设年度报告)
_TITLE_TOWN = re.compile(r"^[\u4e00-\u9fff]{2,4}?(镇|乡|街道)(?=(19|20)\d{2}|关于|法治|人民政府|党委)")
_OPENING_WORDS = re.compile(r"^(?:请问|我们是|咱们是|我们|咱们|在)?")
# A place the question opens with: 青禾县…, 在青禾县…, 我们青禾县…
_OPENING_PLACE = re.compile(r"^(?:请问|我们是|咱们是|我们|咱们|在)?(?![哪那这每各本全该某此其是的在我咱你您县市区州])((?:(?![和与及跟同])[\u4e00-\u9fff]){2,4}?(?:县|区|市|州|旗|盟))(?![城乡镇区级委直属])")


def _verbatim(quote: str, item: TaskItem) -> str:
    """The citation keeps words of the item as printed (the page highlights them): a quote shown
    with … for what it leaves out is cited by its longest piece."""
    if not quote or quote in item.text or "…" not in quote:
        return quote
    pieces = [p for p in quote.split("…") if p and p in item.text]
    return max(pieces, key=len) if pieces else quote


def _answer_lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"
