"""The assistant: understand -> retrieve -> answer from fields, or draft with the LLM and verify.

Routes, by intent:
- unit_tasks ("县司法局牵头哪些任务"): every matching item, from the parsed fields;
- lead / responsible: the best item per locality, from the parsed fields (no LLM: the unit names
  must be exact), one answer per locality when the question names none;
- chain ("牵头X的单位还牵头哪项…"): the lead unit of X, then its other items;
- which_doc and everything else: the LLM drafts from the two or three best items, each sentence
  is verified before it is shown; a failed draft is replaced by the quoted supporting sentence.
Any route whose best evidence does not cover the question says so (status not_found) and lists
the nearest items instead of guessing.
"""
from __future__ import annotations

import contextlib
import logging
import re
import time
from typing import Iterator

from assistant import fields, prompts
from assistant.evidence import Evidence, answers_measure
from assistant.extract import extractive_text
from assistant.types import Answer, Citation
from assistant.understand import Query, understand
from assistant.llm.gate import LLMBusy
from assistant.verify import check_sentence, clause_supported, is_empty, split_sentences
from corpus.errors import PolicyQAError
from corpus.select import filter_items
from corpus.types import TaskItem

log = logging.getLogger("policyqa.assistant")
TASK_KINDS = ("task", "point")
REL_MIN = 0.45  # with no locality named, an item covering less of the question is not about it
REL_MIN_NAMED = 0.3  # within a named locality retrieval is reliable (R@1 0.97): a lower floor
REL_SHARE = 0.75  # with no locality named, a locality must come this close to the best one
SENTENCE_MIN = 0.35  # a quoted sentence must cover this much of the question to stand alone
CHAIN = re.compile(r"^(?P<first>.+?)的(那个|这个|该)?(单位|部门)[,,]?(?P<rest>.*(还|也|同时).*)$")


class Assistant:
    def __init__(self, searcher, llm=None, max_question_chars: int = 2000,
                 generation_timeout_s: float = 40.0, max_tokens: int = 200):
        self.searcher = searcher
        self.llm = llm
        self.max_question_chars = max_question_chars
        self.generation_timeout_s = generation_timeout_s
        self.max_tokens = max_tokens
        self.evidence = Evidence(searcher.bm25.idf)
        self.items: list[TaskItem] = list(searcher.items.values())
        self.known_units = {u for i in self.items for u in i.all_units}
        self.truncated_localities = {i.locality for i in self.items if i.truncated}

    # --- public -------------------------------------------------------------------------------
    def answer(self, question: str, locality: str = "", history=None, id: str | None = None) -> Answer:
        final = None
        for event in self.stream(question, locality=locality, history=history, id=id):
            if event["type"] == "final":
                final = event["answer"]
        return final

    def stream(self, question: str, locality: str = "", history=None, id: str | None = None) -> Iterator[dict]:
        """Events: {'type': 'delta', 'text'} as text is ready, then {'type': 'final', 'answer'}."""
        started = time.perf_counter()
        query = understand(question, history, self.max_question_chars, self.known_units,
                           tuple(self.searcher.localities))
        if locality and not query.localities:
            query = Query(**{**query.__dict__, "localities": (locality,)})
        hits = self.searcher.search(query.text, k=8, localities=list(query.localities) or None)
        retrieved = time.perf_counter()
        timings = {"retrieve_s": retrieved - started}
        route = self._route(query)
        answer = None
        for event in route(query, hits, timings):
            if event["type"] == "final":
                answer = event["answer"]
            else:
                yield event
        note = self._language_note(query.lang)
        text = f"{note}\n{answer.text}" if note else answer.text
        timings["total_s"] = time.perf_counter() - started
        timings.setdefault("generate_s", 0.0)
        answer = Answer(question=query.original, text=text, status=answer.status, lang=_answer_lang(query.lang),
                        citations=answer.citations, intent=query.intent, path=answer.path,
                        timings=timings, id=id, suggestions=answer.suggestions)
        yield {"type": "final", "answer": answer}

    # --- routing ------------------------------------------------------------------------------
    def _route(self, query: Query):
        if query.intent == "unit_tasks":
            return self._unit_tasks
        if query.intent in ("lead", "responsible", "unit_tasks") and CHAIN.match(query.text):
            return self._chain
        if query.intent in ("lead", "responsible"):
            return self._units
        return self._drafted

    @staticmethod
    def _language_note(lang: str) -> str:
        if lang in ("zh", "en"):
            return ""
        return "(目前支持中文和英文提问,以下用中文回答。)"

    def _final(self, query: Query, text: str, status: str, cited: list[tuple[TaskItem, str]],
               path: str, hits=None) -> dict:
        citations = tuple(Citation(n, item, quote) for n, (item, quote) in enumerate(cited, start=1))
        suggestions = tuple(h.item.item_id for h in (hits or [])[:3]) if status == "not_found" else ()
        return {"type": "final", "answer": Answer(query.original, text, status, query.lang, citations,
                                                  query.intent, path, suggestions=suggestions)}

    def _relevance(self, query: Query, item: TaskItem) -> float:
        rel = self.evidence.item_relevance(query.topic, item)
        return 1.0 if rel is None else rel  # no Chinese topic (an English question): trust the rank

    def _quote(self, query: Query, item: TaskItem) -> str:
        best = self.evidence.best_sentences(query.topic, item, want_number=query.intent == "number")
        return best[0][1] if best else item.text[:80]

    # --- not found ----------------------------------------------------------------------------
    def _not_found(self, query: Query, hits, extra: str = "") -> dict:
        near = [h.item for h in hits if h.item.kind in TASK_KINDS][:3]
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
        return self._final(query, text, "not_found", [], "refusal", hits)

    # --- unit questions from fields -----------------------------------------------------------
    def _pick_per_locality(self, query: Query, hits) -> list[tuple[TaskItem, float]]:
        by_loc: dict[str, list[TaskItem]] = {}
        for h in hits:
            if h.item.kind in TASK_KINDS:
                by_loc.setdefault(h.item.locality, []).append(h.item)
        picks = []
        for loc, items in by_loc.items():
            if query.localities and loc not in query.localities:
                continue
            # Rank order, unless a lower-ranked one of the top three is clearly more on topic.
            scored = [(self._relevance(query, it), it) for it in items[:3]]
            best = scored[0]
            for rel, it in scored[1:]:
                if rel > best[0] + 0.15:
                    best = (rel, it)
            picks.append((best[1], best[0]))
        return picks

    def _units(self, query: Query, hits, timings) -> Iterator[dict]:
        picks = self._pick_per_locality(query, hits)
        if not picks:
            yield self._not_found(query, hits)
            return
        top = max(rel for _, rel in picks)
        if query.localities:
            keep = [(i, r) for i, r in picks if r >= REL_MIN_NAMED]
        else:
            keep = [(i, r) for i, r in picks if r >= REL_MIN and r >= REL_SHARE * top]
        if not keep:
            yield self._not_found(query, hits)
            return
        lines = []
        cited = []
        many = len(keep) > 1
        for n, (item, _) in enumerate(keep, start=1):
            lines.append(fields.unit_sentence(item, n, query.intent, query.lang, with_locality=True))
            cited.append((item, self._quote(query, item)))
        missing = [loc for loc in query.localities if loc not in {i.locality for i, _ in keep}]
        for loc in missing:
            note = "(该文件文本不完整)" if loc in self.truncated_localities else ""
            lines.append(f"{loc}:收录的文件中没有找到这项任务{note}。" if query.lang != "en"
                         else f"{loc}: no such task in the documents.")
        if many and not query.localities:
            head = ("The documents differ by locality:" if query.lang == "en"
                    else "不同地方的文件分工不同,请按您所在地区查看:")
            text = head + "\n" + "\n".join(f"- {line}" for line in lines)
        else:
            text = "\n".join(lines)
        yield {"type": "delta", "text": text}
        yield self._final(query, text, "answered", cited, "fields")

    def _unit_tasks(self, query: Query, hits, timings) -> Iterator[dict]:
        if not query.unit:
            text = ("Which unit? Give its full name, e.g. 县司法局." if query.lang == "en"
                    else "请告诉我是哪个单位(写全称,例如“县司法局”“市司法局”),我来列出它牵头和参与的任务。")
            yield {"type": "delta", "text": text}
            yield self._final(query, text, "clarify", [], "fields")
            return
        role = "lead" if "牵头" in query.text or "lead" in query.text.lower() else "any"
        items = sorted(filter_items(self.items, unit=query.unit, role=role),
                       key=lambda i: (i.doc_id, i.span[0]))
        if query.localities:
            items = [i for i in items if i.locality in query.localities]
        if not items:
            yield self._not_found(query, hits, extra=f"({query.unit}在文件中没有{'牵头' if role == 'lead' else '承担'}的任务。)")
            return
        text = fields.unit_tasks_text(query.unit, items, role, query.lang)
        yield {"type": "delta", "text": text}
        yield self._final(query, text, "answered", [(i, fields.short_heading(i, 60)) for i in items], "fields")

    def _chain(self, query: Query, hits, timings) -> Iterator[dict]:
        """'新密市牵头法律顾问工作的那个单位,是否也牵头规范性文件监督管理?'"""
        m = CHAIN.match(query.text)
        first_q = Query(**{**query.__dict__, "text": m.group("first"), "topic": _topic(m.group("first"), query)})
        first_hits = self.searcher.search(first_q.text, k=5, localities=list(query.localities) or None)
        picks = [(i, r) for i, r in self._pick_per_locality(first_q, first_hits) if i.lead_units and r >= REL_MIN]
        if not picks:
            yield from self._units(query, hits, timings)
            return
        first, _ = picks[0]
        rest_topic = _topic(m.group("rest"), query)
        cited = [(first, self._quote(first_q, first))]
        lines = [fields.unit_sentence(first, 1, "lead", query.lang)]
        for unit in first.lead_units:
            led = [i for i in filter_items(self.items, locality=first.locality, unit=unit, role="lead")
                   if i.item_id != first.item_id]
            scored = sorted(((self.evidence.coverage(rest_topic, f"{i.section_path}{i.text}") or 0.0, i) for i in led),
                            key=lambda s: -s[0])
            relevant = [i for s, i in scored if s >= REL_MIN_NAMED][:3]
            for item in relevant:
                n = len(cited) + 1
                cited.append((item, self._quote(Query(**{**query.__dict__, "topic": rest_topic}), item)))
                lines.append(f"{unit}也牵头{item.section}“{fields.short_heading(item, 30)}”[{n}]。")
            if not relevant:
                lines.append(f"在{first.locality}的文件中,没有找到{unit}牵头的与此相关的其他任务。")
        text = "\n".join(lines)
        yield {"type": "delta", "text": text}
        yield self._final(query, text, "answered", cited, "fields")

    # --- drafted answers ----------------------------------------------------------------------
    def _context(self, query: Query, hits) -> list[tuple[TaskItem, float]]:
        """The two or three items the answer may use: the best per named locality, else the top."""
        ranked = [h.item for h in hits]
        if len(query.localities) > 1:
            chosen = []
            for loc in query.localities:
                chosen += [i for i in ranked if i.locality == loc][:1]
        else:
            pool = [i for i in ranked if not query.localities or i.locality in query.localities]
            chosen = pool[: 3 if query.intent == "summary" else 2]
        scored = [(i, self._relevance(query, i)) for i in chosen]
        # Prompt tokens dominate latency (186 tokens/s here): when the best item clearly carries
        # the question, the draft gets it alone.
        if len(scored) > 1 and len(query.localities) <= 1 and scored[0][1] >= scored[1][1] + 0.25:
            scored = scored[:1]
        return scored

    def _excerpt(self, query: Query, item: TaskItem, limit: int = 150) -> str:
        if len(item.text) <= limit:
            return item.text
        from corpus.text import sentences
        parts = sentences(item.text)
        scored = sorted(range(len(parts)), key=lambda n: -(self.evidence.coverage(query.topic, parts[n]) or 0.0))
        keep, size = set(), 0
        for n in scored:
            if size + len(parts[n]) > limit and keep:
                break
            keep.add(n)
            size += len(parts[n])
        return "…".join(parts[n] for n in sorted(keep))

    def _drafted(self, query: Query, hits, timings) -> Iterator[dict]:
        floor = REL_MIN_NAMED if query.localities else REL_MIN
        years = re.findall(r"(?:19|20)\d\d(?=年)", query.original)
        context = [(i, r) for i, r in self._context(query, hits) if r >= floor
                   and all(y in f"{i.title}{i.section_path}{i.text}" for y in years)]  # 2022 ≠ 2021
        if not context:
            yield self._not_found(query, hits)
            return
        if query.intent == "summary":
            yield from self._summary(query, context, hits)
            return
        want_number = query.intent == "number"
        picks = [p for p in (self._support(query, item) for item, _ in context) if p]
        # The best item must stand on its own; another named locality may come in lower (cross-doc).
        strong = [p for n, p in enumerate(picks)
                  if p[2] >= SENTENCE_MIN or (n and len(query.localities) > 1 and p[2] >= SENTENCE_MIN - 0.1)]
        if self.llm is not None and query.intent != "which_doc":
            started = time.perf_counter()
            verified, said_not_found = [], False
            try:
                for event in self._draft(query, [i for i, _ in context]):
                    if event["type"] in ("delta", "replace"):
                        yield event
                    elif event["type"] == "sentence":
                        verified.append(event)
                    elif event["type"] == "not_found":
                        said_not_found = True
            except (LLMBusy, PolicyQAError) as exc:
                # Busy model, unreachable server, broken model: the quoted source still answers.
                log.warning("drafting skipped, answering extractively: %s", exc)
                verified, said_not_found = [], False
            timings["generate_s"] = time.perf_counter() - started
            if verified and want_number and not answers_measure(query.original, "".join(v["text"] for v in verified)):
                verified = []  # it answered something, but not the value that was asked for
            if verified:
                cited_ns = sorted({n for v in verified for n in v["cited"]})
                renumber = {old: new for new, old in enumerate(cited_ns, start=1)}
                text = "".join(v["text"] for v in verified)
                text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)
                cited = [(context[n - 1][0], self._quote(query, context[n - 1][0])) for n in cited_ns]
                # The verbatim supporting sentence goes with every drafted answer: the reader can
                # check the draft against the document without opening it.
                support = self._support(query, cited[0][0])
                if support:
                    label = "Source" if query.lang == "en" else "原文"
                    text += f"\n{label}:“{support[1]}”[1]"
                    cited[0] = (cited[0][0], support[1])
                yield {"type": "replace", "text": text}
                yield self._final(query, text, "answered", cited, "llm")
                return
            if said_not_found and not strong:
                yield {"type": "replace", "text": ""}
                yield self._not_found(query, hits)
                return
        if not strong:
            yield self._not_found(query, hits)
            return
        if len(query.localities) > 1 or (not query.localities and len({p[0].locality for p in strong}) > 1):
            chosen = [(i, s) for i, s, _ in strong]
        else:
            chosen = [(strong[0][0], strong[0][1])]
        text = extractive_text(chosen, query.lang)
        yield {"type": "replace", "text": text}
        yield self._final(query, text, "answered", chosen, "extractive")

    def _support(self, query: Query, item: TaskItem):
        """(item, supporting sentences in text order, score) for each part of the question.

        A question may ask two things ("至少多长时间?每年几号前报?"): each part gets its own
        best sentence, and a number part only accepts a sentence with the kind of value asked."""
        parts = [p for p in re.split(r"[??;;]|,(?=[^,]*[??])", query.original) if len(p.strip()) > 3] or [query.original]
        chosen: dict[str, float] = {}
        for part in parts:
            topic = _topic(part, query) or query.topic
            number = query.intent == "number" or bool(re.search(r"多少|几|多久|何时|什么时候", part))
            ranked = self.evidence.best_sentences(topic, item, want_number=number, n=6)
            if number:
                ranked = [r for r in ranked if answers_measure(part, r[1])]
            if ranked:
                score, sentence = ranked[0]
                chosen[sentence] = max(chosen.get(sentence, 0.0), score)
        if not chosen:
            return None
        ordered = [s for s in _sentences_in_order(item.text) if s in chosen]
        return item, "".join(ordered), min(chosen.values())

    def _summary(self, query: Query, context, hits) -> Iterator[dict]:
        """'…方面安排了哪几项?': the relevant items of the best item's subsection, each quoted."""
        top = context[0][0]
        subsection = _parent(top.section)
        siblings = [i for i in self.items if i.doc_id == top.doc_id and i.kind in TASK_KINDS
                    and _parent(i.section) == subsection]
        ranked = {h.item.item_id for h in hits}
        chosen = [i for i in siblings if i.item_id in ranked or self._relevance(query, i) >= REL_MIN_NAMED]
        chosen = sorted(chosen or [top], key=lambda i: i.span[0])[:6]
        lines, cited = [], []
        for n, item in enumerate(chosen, start=1):
            lines.append(f"[{n}] {item.section}{_lead_note(item)}:{self._gist(query, item)}")
            cited.append((item, self._quote(query, item)))
        head = (f"{top.locality}《{top.title}》{subsection}的相关任务:" if query.lang != "en"
                else f"{top.locality}, {top.title}, {subsection}, related items:")
        text = head + "\n" + "\n".join(lines)
        yield {"type": "delta", "text": text}
        yield self._final(query, text, "answered", cited, "extractive")

    def _gist(self, query: Query, item: TaskItem, limit: int = 160) -> str:
        """The item's heading sentence plus the sentences that best cover the question, in order."""
        parts = _sentences_in_order(item.text)
        scores = [self.evidence.coverage(query.topic, p) or 0.0 for p in parts]
        keep = {0}
        for n in sorted(range(len(parts)), key=lambda n: -scores[n]):
            if sum(len(parts[k]) for k in keep) + len(parts[n]) > limit:
                break
            keep.add(n)
        return "".join(parts[n] for n in sorted(keep))

    def _draft(self, query: Query, items: list[TaskItem]) -> Iterator[dict]:
        """Stream the LLM's draft. A sentence is kept only when `check_sentence` passes; its clauses
        are shown as they complete when their facts are in the provided items, and taken back
        (a `replace` event) if the finished sentence fails."""
        sources = [(i, self._excerpt(query, i)) for i in items]
        msgs = prompts.messages(query.text, sources, "en" if query.lang == "en" else "zh")
        system = msgs[0]["content"]
        deadline = time.perf_counter() + self.generation_timeout_s
        buffer = ""
        confirmed = ""  # verified sentences shown so far
        provisional = ""  # clauses of the current sentence shown so far

        def handle(sentence: str):
            sentence = _strip_label(sentence)
            if not sentence or is_empty(sentence):
                return None
            if any(marker in sentence for marker in prompts.NOT_FOUND_MARKERS):
                return {"type": "not_found"}
            checked = check_sentence(sentence, items, self.known_units, system)
            if not checked.ok:
                return None
            return {"type": "sentence", "text": checked.text, "cited": checked.cited}

        def finish(sentence: str):
            nonlocal confirmed, provisional
            event = handle(sentence)
            if event and event["type"] == "sentence":
                yield event
                if event["text"].startswith(provisional):
                    yield {"type": "delta", "text": event["text"][len(provisional):]}
                else:
                    yield {"type": "replace", "text": confirmed + event["text"]}
                confirmed += event["text"]
            else:
                if event:
                    yield event
                if provisional:
                    yield {"type": "replace", "text": confirmed}
            provisional = ""

        with contextlib.closing(self.llm.stream(msgs, max_tokens=self.max_tokens)) as pieces:
            for piece in pieces:
                buffer += piece
                done, buffer = split_sentences(buffer)
                for sentence in done:
                    yield from finish(sentence)
                current = _strip_label(buffer)
                cut = max(current.rfind(","), current.rfind(","), current.rfind("、"))
                clause = current[: cut + 1] if cut >= 0 else ""
                if (len(clause) > len(provisional) and clause.startswith(provisional)
                        and not any(m in clause for m in prompts.NOT_FOUND_MARKERS)
                        and clause_supported(clause, items, self.known_units, system)):
                    yield {"type": "delta", "text": clause[len(provisional):]}
                    provisional = clause
                if time.perf_counter() > deadline:
                    break
        yield from finish(buffer)


def _strip_label(text: str) -> str:
    return re.sub(r"^\s*(答案|回答|Answer)\s*[::]\s*", "", text.lstrip())


def _topic(text: str, query: Query) -> str:
    from assistant.understand import topic_of
    return topic_of(text, query.localities)


def _parent(section: str) -> str:
    """The heading an item sits under: '二、(五) 6.' -> '二、(五)'; '一、(二)' -> '一、'."""
    if " " in section:
        return section.split(" ")[0]
    return re.sub(r"[((][一二三四五六七八九十]+[))].*$", "", section)


def _lead_note(item: TaskItem) -> str:
    if item.lead_units:
        return f"(牵头:{'、'.join(item.lead_units)})"
    return ""


def _sentences_in_order(text: str) -> list[str]:
    from corpus.text import sentences
    return [s.strip() for s in sentences(text)]


def _answer_lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"
