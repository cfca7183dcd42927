"""Answers drafted by the LLM from the two or three best items, and summaries of a subsection.

The LLM sees excerpts of the items (prompt tokens dominate latency); its draft is streamed and
verified by `assistant.draft`. When there is no model, it is busy, or its draft fails the checks,
the verbatim supporting sentence answers instead (path "extractive"); when even that does not
cover the question, the answer is not_found with the nearest items.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import replace
from typing import Iterator

from assistant import prompts
from assistant.draft import stream_draft
from assistant.evidence import ASKED_COUNT, answers_measure, as_count, measure_pattern
from assistant import fields
from assistant.extract import extractive_text, value_first
from assistant.place_readings import own_readings
from assistant.llm.gate import LLMBusy
from assistant.gates import REL_MIN, REL_MIN_AGREED, REL_MIN_NAMED, SENTENCE_MIN
from assistant.route_fields import TASK_KINDS
from assistant.context_items import context, other_years_heading
from assistant.support import excerpt, question_parts, sentences_in_order, support
from assistant.topic import topic_of
from assistant.intents import LEAD_ASK, detect_intent
from assistant.understand import Query
from assistant.value_kind import asked_kind, missing_reason
from corpus.errors import PolicyQAError
from corpus.text import sentences
from corpus.types import TaskItem

log = logging.getLogger("policyqa.assistant")
EXCERPT_CHARS = (150, 110)  # the best item, then each further one (~1.8 characters a token)


# An item of a place the question names may score low as a whole (the asker's words are not the
# item's: 压减…下降幅度 of "…同比下降20%以上") while one of its sentences covers the question well:
# that sentence carries it.
SENTENCE_CARRIES = 0.6


def _sentence_carries(query: Query, rel: float, found) -> bool:
    """`found`: the item's support, worked out only when needed."""
    if not query.localities or rel < REL_MIN_AGREED:
        return False
    best = found()
    return bool(best) and best[2] >= SENTENCE_CARRIES


# Counts people ask of anything (个, 项, 件, 名, 次…) say little of what is counted; these say it.
_GENERIC_COUNTS = {"个", "项", "件", "家", "名", "人", "次", "天", "日", "条", "户", "所", "类"}


def _measure_carries(query: Query, rel: float, item: TaskItem, hits, found) -> bool:
    """A number asked in a particular measure in a named place ("执法队员一年得学够多少个学时?"):
    the asker's words are their own (队员, 学够), but the best-ranked item whose answering sentence
    states that very measure (…培训不少于60学时) is the one. `found`: the item's support."""
    if query.intent != "number" or len(query.localities) != 1 or rel < REL_MIN_AGREED or not hits or hits[0].item is not item:
        return False
    count = ASKED_COUNT.search(as_count(query.original))
    if not count or count.group(2).lstrip("个") in _GENERIC_COUNTS:
        return False
    best = found()
    return bool(best) and answers_measure(query.original, best[1])


def drafted(a, query: Query, hits, timings) -> Iterator[dict]:
    unavailable = ""
    supports: dict[str, object] = {}

    readings = own_readings(query)

    def supported(item: TaskItem):  # each item's supporting sentences, worked out once per question
        if item.item_id not in supports:
            found = support(a, query, item)
            # places compared: a place no sentence answers by the whole question may be answered by
            # what is asked of it alone (not otherwise: "…岚峪的目标和漱泉的实际,卷数和优秀率各是多少?"
            # asks the words after the last place of both)
            for sub in readings.get(item.locality, ()) if not (found and found[2] >= SENTENCE_MIN) else ():
                alone = support(a, sub, item)
                if alone and (not found or alone[2] > found[2]):
                    found = alone
            supports[item.item_id] = found
        return supports[item.item_id]

    floor = REL_MIN_NAMED if query.localities else REL_MIN
    years = re.findall(r"(?:19|20)\d\d(?=年)", query.original)
    # 2022 ≠ 2021; two places compared may each be asked of its own year ("漱泉2025年的目标和岚峪
    # 2024年清单里的要求"): then an item needs one of them
    has_year = any if len(query.localities) > 1 and years else all  # (any([]) is False)
    chosen_context = [(i, r) for i, r in context(a, query, hits)
                      if (r >= floor or _sentence_carries(query, r, lambda: supported(i))
                          or _measure_carries(query, r, i, hits, lambda: supported(i)))
                      and has_year(y in f"{i.title}{i.section_path}{i.text}" for y in years)
                      and not other_years_heading(i, years)]
    if not chosen_context:
        yield a.not_found(query, hits)
        return
    reason = missing_reason(query.original, [i for i, _ in chosen_context])
    kind = asked_kind(query.original)
    if not reason and kind and kind.name in ("name", "money", "rank", "units", "persons", "places", "members", "contact"):
        # The value must be in the sentence that answers the question, not just somewhere in the
        # item: "2个政府规章叫什么名字?" is not answered by the names of 8 planned projects.
        found = [supported(i) for i, _ in chosen_context[:2]]
        if not any(p and kind.holds.search(p[1]) for p in found):
            reason = f"文件没有写明{kind.missing}"
    if reason:  # money, a rank, a name, an actual result of a plan: no cited sentence holds it
        yield a.not_found(query, hits, nearest_rule=(reason, chosen_context[0][0]))
        return
    if query.intent == "summary":
        yield from summary(a, query, chosen_context, hits)
        return
    items = [i for i, _ in chosen_context]
    picks = [p for p in (supported(item) for item in items) if p]
    top = items[0]
    if top.score and fields.ASKS_POINTS.search(query.original) and len(query.localities) <= 1:
        # an indicator's 分值 column answers "这项多少分?"
        text = fields.points_sentence(top, 1)
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered", [(top, top.text[:80])], "fields")
        return
    if (top.deadline and fields.ASKS_WHEN.search(query.original) and len(query.localities) <= 1
            and not (picks and picks[0][0] is top and answers_measure(query.original, picks[0][1]))):
        # a table's 完成时限 column answers when the row's text does not say
        text = fields.deadline_sentence(top, 1)
        value = _value_part(a, query, top)
        if value:  # "…压到多少?这项啥时候要完成?": the value asked first, then the time limit
            text = f"{top.locality}:“{value}”[1]。\n" + text
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "answered", [(top, value or top.text[:80])], "fields")
        return
    # The best item must stand on its own; another named locality may come in lower (cross-doc).
    strong = [p for n, p in enumerate(picks)
              if p[2] >= SENTENCE_MIN or (n and len(query.localities) > 1 and p[2] >= SENTENCE_MIN - 0.1)]
    # Several places named, or none named and several places' documents answer: each is quoted under
    # its own name (a drafted sentence blurs whose figure is whose, or drops one place's half).
    spread = len(query.localities) > 1 or (not query.localities and len({i.locality for i in items}) > 1)
    # a question of two parts, the second answered by another item ("持证上岗咋落实的?“三项制度”
    # 又放进了哪些考核里?" of a report's 四是 and 三是): each part's own item is quoted; the model,
    # which reads one or two excerpts, would answer one part or mix them
    elsewhere = _parts_elsewhere(a, query, strong[0], items) if strong and len(query.localities) <= 1 and not spread else []
    if a.llm is not None and query.intent != "which_doc" and not spread and not elsewhere:
        if (query.intent == "number" and len(query.localities) <= 1 and strong and strong[0][0] is items[0]
                and len(items) > 1):
            # The best item already holds a sentence with the value asked for: the second one would
            # only add prompt tokens (~0.8 s before the first streamed text) and a chance to cite it.
            items = items[:1]
        started = time.perf_counter()
        verified, said_not_found = [], False
        try:
            sources = [(i, excerpt(a, query, i, EXCERPT_CHARS[min(n, 1)])) for n, i in enumerate(items)]
            messages = prompts.messages(query.text, sources, "en" if query.lang == "en" else "zh")
            for event in stream_draft(a.llm, messages, items, a.known_units, a.holdback,
                                      a.max_tokens, a.generation_timeout_s):
                if event["type"] in ("delta", "replace"):
                    yield event
                elif event["type"] == "sentence":
                    verified.append(event)
                elif event["type"] == "not_found":
                    said_not_found = True
        except (LLMBusy, PolicyQAError) as exc:
            # Busy model, unreachable server, broken model: the quoted source still answers, and
            # the reader is told why there is no drafted answer.
            log.warning("drafting skipped, answering extractively: %s", exc)
            verified, said_not_found = [], False
            if not isinstance(exc, LLMBusy):
                unavailable = ("(The language model is unavailable; quoting the source.)" if query.lang == "en"
                               else "(生成模型暂时不可用,以下直接引用原文。)")
        timings["generate_s"] = time.perf_counter() - started
        if verified and query.intent == "number" and not answers_measure(query.original, "".join(v["text"] for v in verified)):
            verified = []  # it answered something, but not the value that was asked for
        if verified:
            yield from _verified_answer(a, query, items, verified)
            return
        if said_not_found and not strong:
            # the model found no answer in the excerpts: declined below as without it, naming
            # what the item leaves unstated and quoting it, so the refusal is checkable too
            yield {"type": "replace", "text": ""}
    compared = (query.intent == "number" and query.lang != "en"
                and len({i.locality for i in items if i.locality in query.localities}) > 1)
    if not strong and not compared:
        unstated = _unstated_value(query, top)
        yield a.not_found(query, hits, nearest_rule=(unstated, top) if unstated else None)
        return
    if len(query.localities) <= 1 and _counts_not_split(query.original, "".join([strong[0][1], *(q for _, q in elsewhere)])):
        # "那12件里,撤销的几件、变更的几件?" of "撤销、变更、确认违法等纠错12件": one figure for them all
        yield a.not_found(query, hits, nearest_rule=("文件没有分别写明各自的数字", strong[0][0]))
        return
    notes: dict[str, str] = {}
    if len(query.localities) > 1 or spread:
        chosen = [(i, s) for i, s, _ in strong]
        measure = measure_pattern(query.original)
        # A place whose document covers the task but gives no value of the kind asked is still
        # named, with what it says: "统计执法检查几次?" — one county says 2次, another only a rate.
        # A place the question names is answered from its item even when no one sentence covers
        # the question well: the asker compares the places, and the item passed the item gate.
        for item in items:
            if item.locality in {i.locality for i, _ in chosen}:
                continue
            if query.intent == "number" and (strong or item.locality in query.localities):
                quote = a.quote(query, item)
                chosen.append((item, quote))
                # (a figure the question states for one place, "跟澄江的100%比", is that place's own)
                if not (strong or measure is None) and measure.search(quote):
                    continue
                notes[item.item_id] = "(没有写明所问的数值)" if query.lang != "en" else " (no such figure given)"
            elif item.locality in query.localities:
                chosen.append((item, a.quote(query, item)))
    else:
        chosen = [(strong[0][0], strong[0][1]), *elsewhere]
    if query.lang != "en":
        for item, quote in chosen:
            # who leads the task quoted: the unit to call about it (the fields say it exactly); every
            # unit when the others are asked too ("…跟着干的单位一样吗?")
            if _ASKS_OTHER_UNITS.search(query.original) and (item.lead_units or item.responsible_units):
                notes[item.item_id] = notes.get(item.item_id, "") + f"({fields.units_phrase(item)})"
            elif item.lead_units:
                notes[item.item_id] = notes.get(item.item_id, "") + f"({fields.names_as_printed(item.lead_units, item)}{fields.lead_word(item)})"
            elif item.responsible_units and (_ASKS_WHO.search(query.original) or LEAD_ASK.search(query.original)):
                # "…这条归谁管?" of a task with no lead: who is responsible, and that none leads
                notes[item.item_id] = notes.get(item.item_id, "") + f"({fields.units_phrase(item)})"
            if fields.ASKS_WHEN.search(query.original) and item.deadline and item.deadline not in quote:
                # "…各要搞几个乡镇,期限呢?": a table's 完成时限 column says when
                notes[item.item_id] = notes.get(item.item_id, "") + f"(完成时限:{item.deadline})"
    text = extractive_text(chosen, query.lang, notes)
    lead = value_first(query.original, chosen[0][1]) if len(chosen) == 1 and query.lang != "en" else ""
    if lead and query.intent == "number":  # the value first, then where it comes from
        text = f"{chosen[0][0].locality}:{lead}[1]。\n{text}"
    if unavailable:
        text = f"{unavailable}\n{text}"
    yield {"type": "replace", "text": text}
    yield a.final(query, text, "answered", chosen, "extractive")


def _parts_elsewhere(a, query: Query, first, items: list[TaskItem]) -> list[tuple[TaskItem, str]]:
    """For each part of a question that asks something of its own which the first quote does not
    cover, the best sentence of another item of the same document (the items found, and the
    first one's neighbours under its heading), when it covers that part well."""
    top, quote = first[0], first[1]
    parts = [p for p, asks in question_parts(query.original) if asks]
    if len(parts) < 2:
        return []
    neighbours = [i for i in a.searcher.select(doc=top.doc_id, kinds=TASK_KINDS)
                  if i.doc_id == top.doc_id and _parent(i.section) == _parent(top.section)]
    candidates = [i for i in dict.fromkeys([*items, *neighbours]) if i.doc_id == top.doc_id and i is not top]
    out: list[tuple[TaskItem, str]] = []
    for part in parts:
        topic = topic_of(part, query.localities)
        if not a.evidence.has_content(topic) or (a.evidence.coverage(topic, quote) or 0.0) >= SENTENCE_MIN:
            continue
        sub = replace(query, original=part, text=part, topic=topic,
                      phrases=tuple(p for p in query.phrases if p in part))  # (the other part's quoted words are not this one's)
        found = [f for f in (support(a, sub, i) for i in candidates) if f and f[2] >= SENTENCE_MIN]
        if found:
            best = max(found, key=lambda f: f[2])
            if all(best[0] is not i for i, _ in out):
                out.append((best[0], best[1]))
    return out


_COUNT_ASKED = re.compile(r"(几|多少)(个|件|项|名|家|次|人|条|所|户)")


def _counts_not_split(question: str, quoted: str) -> bool:
    """Several counts asked of one kind ("撤销的几件、变更的几件") while the quoted sentences give
    fewer figures of that kind: the document counts them together, not each."""
    asked = _COUNT_ASKED.findall(question)
    if len(asked) < 2 or len({unit for _, unit in asked}) != 1:
        return False
    unit = asked[0][1]
    given = re.findall(rf"\d+(?:\.\d+)?\s*{unit}", quoted)
    return 0 < len(given) < len(asked)


_ASKS_TIME = re.compile(r"几月|哪天|哪几天|几号|哪一?年|(什么|啥)时候|何时|多会儿?|期限|时限|截止")


def _unstated_value(query: Query, item: TaskItem) -> str:
    """"…要求几月底前弄完?" of the item about it that gives no such value: what the reply says the
    document does not state (then quotes the item as the related rule), or "" to refuse plainly."""
    if query.intent != "number" or len(query.localities) > 1 or not measure_pattern(query.original):
        return ""
    if any(answers_measure(query.original, s) for s in sentences(item.text)):
        return ""  # it holds such a value; the question's words just do not reach it
    return "文件没有写明" + ("具体时间" if _ASKS_TIME.search(query.original) else "所问的数字")


def _verified_answer(a, query: Query, items: list[TaskItem], verified: list[dict]) -> Iterator[dict]:
    cited_ns = sorted({n for v in verified for n in v["cited"]})
    renumber = {old: new for new, old in enumerate(cited_ns, start=1)}
    text = "".join(v["text"] for v in verified)
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", text)
    cited = [(items[n - 1], a.quote(query, items[n - 1])) for n in cited_ns]
    # The verbatim supporting sentence goes with every drafted answer: the reader can check the
    # draft against the document without opening it.
    found = support(a, query, cited[0][0])
    if found:
        label = "Source" if query.lang == "en" else "原文"
        text += f"\n{label}:“{found[1]}”[1]"
        cited[0] = (cited[0][0], found[1])
    yield {"type": "replace", "text": text}
    yield a.final(query, text, "answered", cited, "llm")


def summary(a, query: Query, chosen_context, hits) -> Iterator[dict]:
    """'…方面安排了哪几项?': the relevant items of the best item's subsection, each quoted."""
    top = chosen_context[0][0]
    subsection = _parent(top.section)
    siblings = [i for i in a.searcher.select(doc=top.doc_id, kinds=TASK_KINDS)
                if i.doc_id == top.doc_id and _parent(i.section) == subsection]
    ranked = {h.item.item_id for h in hits}
    chosen = [i for i in siblings if i.item_id in ranked or a.relevance(query, i) >= REL_MIN_NAMED]
    chosen = sorted(chosen or [top], key=lambda i: i.span[0])[:6]
    lines, cited = [], []
    relevance = {i.item_id: a.relevance(query, i) for i in chosen}
    best = max(relevance.values())
    for n, item in enumerate(chosen, start=1):
        # The item the question is really about gets room for its long sentences ("…必审,…必核").
        limit = 400 if relevance[item.item_id] == best and best >= 0.9 else 160
        lines.append(f"[{n}] {item.section}{_lead_note(item)}:{_gist(a, query, item, limit)}")
        cited.append((item, a.quote(query, item)))
    head = (f"{top.locality}《{top.title}》{subsection}的相关任务:" if query.lang != "en"
            else f"{top.locality}, {top.title}, {subsection}, related items:")
    text = head + "\n" + "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "extractive")


def _gist(a, query: Query, item: TaskItem, limit: int = 160) -> str:
    """The item's heading sentence plus the sentences that best cover the question, in order."""
    parts = sentences_in_order(item.text)
    scores = [a.evidence.coverage(query.topic, p) or 0.0 for p in parts]
    keep = {0}
    for n in sorted(range(len(parts)), key=lambda n: -scores[n]):
        if sum(len(parts[k]) for k in keep) + len(parts[n]) > limit:
            break
        keep.add(n)
    return "".join(parts[n] for n in sorted(keep))


def _parent(section: str) -> str:
    """The heading an item sits under: '二、(五) 6.' -> '二、(五)'; '一、(二)' -> '一、'."""
    if " " in section:
        return section.split(" ")[0]
    return re.sub(r"[((][一二三四五六七八九十]+[))].*$", "", section)


_ASKS_WHO = re.compile(r"谁|哪个(单位|部门)|哪家|哪些(单位|部门)|哪几家")
_ASKS_OTHER_UNITS = re.compile(r"配合|跟着|协同|协办|参与|参加|一起干|责任单位|负责单位|(哪些|哪几家?)(单位|部门)")


def _lead_note(item: TaskItem) -> str:
    return f"(牵头:{'、'.join(item.lead_units)})" if item.lead_units else ""


def _value_part(a, query: Query, item: TaskItem) -> str:
    """The sentence of `item` answering the part of a two-part question that asks a value, not
    when ("…兑现时限要压到多少?这项啥时候要完成?"), or ""."""
    parts = [p for p in re.split(r"[?;。!]", query.original) if len(p.strip()) > 2]
    for part in parts:
        # (a part asking 多少 asks a value even when its topic is a 时限: 兑现时限要压到多少)
        if (fields.ASKS_WHEN.search(part) and not re.search(r"多少|几", part)) or detect_intent(part) != "number":
            continue
        sub = replace(query, original=part, text=part, intent="number", topic=topic_of(part, query.localities))
        found = support(a, sub, item)
        if found and answers_measure(part, found[1]):
            return found[1]
    return ""
