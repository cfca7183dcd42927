"""Answers from the parsed item fields, no LLM: unit names must be exact (a unit's own tasks:
`route_unit_tasks`).

- units ("行政复议体制改革由哪个单位牵头?"): the best item per locality, one line each;
- chain ("牵头X的单位还牵头…"): the lead unit of X, then its other items on the topic;
- documents ("阜康市的工作要点是哪一年的?", "收录了哪些文件?"): title, date and kind of each document.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from assistant import fields, mark_notes, unit_checks, unit_lists, unstated_units, value_kind
from assistant.compute import Computed
from assistant.gates import REL_MIN, REL_MIN_AGREED, REL_MIN_NAMED, REL_SHARE, SENTENCE_MIN  # calibrated: eval/calibrate.py
from assistant.place_readings import own_readings
from assistant.route_sections import gist
from assistant.topic import topic_of
from assistant.intents import LEAD_ASK, detect_intent
from assistant.understand import Query
from assistant.unit_reading import ASKS_ROLE, FIRST_PERSON
from corpus.ditto import pointers
from corpus.note_rules import read_rules
from corpus.unit_codes import has_codes, is_legend
from corpus.text import normalize, sentences
from corpus.units import LABELS
from corpus.types import TaskItem

TASK_KINDS = ("task", "point")
CHAIN = re.compile(r"^(?P<first>.+?)的(那个|这个|该)?(单位|部门),?(?P<rest>.*(还|也|同时).*)$")


def _kept(a, query: Query, hits) -> list[tuple[TaskItem, float]]:
    """Each place's best item, when it is on topic enough to answer from."""
    picks = pick_per_locality(a, query, hits)
    top = max((rel for _, rel in picks), default=0.0)
    if query.localities:
        kept = [(i, r) for i, r in picks if r >= REL_MIN_NAMED or (r >= REL_MIN_AGREED and agreed(hits, i))]
        return kept + _by_own_words(a, query, {i.locality for i, _ in kept})
    return [(i, r) for i, r in picks if r >= REL_MIN and r >= REL_SHARE * top]


def _by_own_words(a, query: Query, found: set[str]) -> list[tuple[TaskItem, float]]:
    """For each place compared but not yet found, its item read from what the question asks of
    that place alone (assistant.place_readings)."""
    kept = []
    for loc, subs in own_readings(query).items():
        if loc in found:
            continue
        for sub in subs:
            picks = [(i, r) for i, r in pick_per_locality(a, sub, a.searcher.search(sub.text, k=6, localities=[loc]))
                     if r >= REL_MIN_NAMED]
            if picks:
                kept += picks
                break
    return kept


def _among_units_items(a, query: Query) -> list[tuple[TaskItem, float]]:
    """"县委宣传部是不是挑头管了一条监督方面的活?": a unit's part in a task the asker describes
    loosely. The task is one of those the plan names the unit in: the best of them on what the
    question says besides the unit's name, when it is on topic enough."""
    mention = a.unit_names.find(query.original, query.localities)
    said = mention.said if mention else query.unit
    topic = topic_of(query.original.replace(said, " "), query.localities)
    if not topic:
        return []
    sub = replace(query, topic=topic)
    scored = sorted(((a.relevance(sub, i), i) for i in a.searcher.select(locality=query.localities[0], unit=query.unit)),
                    key=lambda s: -s[0])
    if not scored:
        return []
    # naming the unit is a second reading of which task is meant, as both engines agreeing is: the
    # lower bar of that case, and the best clearly ahead of the unit's other tasks
    (rel, item), second = scored[0], (scored[1][0] if len(scored) > 1 else 0.0)
    return [(item, rel)] if rel >= REL_MIN_AGREED and rel >= second + 0.1 else []


def _without_unit_part(a, query: Query) -> Query | None:
    """The question without its parts that only ask about the unit it names ("统计局在两边是什么
    角色"): what is left names the item, and its topic is what the item must be on. None when no
    part is left or none was dropped."""
    if not query.unit:
        return None
    mention = a.unit_names.find(query.original, query.localities)
    # (clauses too: "X那条,市监察局是配合单位吗?一起配合的还有谁?" names the item in its first)
    parts = [p for p in re.split(r"[?？;；,，\s]", query.original) if p.strip()]
    rest = [p for p in parts if not (mention and mention.said in p)]
    if not rest or len(rest) == len(parts):
        return None
    return replace(query, topic=topic_of("，".join(rest), query.localities))


# "A那条和B那条，牵头单位一样吗?", "第一条X和第二条Y，主办单位是不是同一家?": two items of one
# place named side by side, and whether their units agree
_SAME_ASKED = re.compile(r"一样|相同|同一(家|个)|一致|是一家|一回事")
_TWO_ITEMS = re.compile(r"^(?P<a>[^,，?？]{4,}?)(?:那条|那项|这条|这项|那一条|那一项)?(?:和|跟|与|同)"
                        r"(?P<b>[^,，?？]{4,}?)(?:那条|那项|这条|这项|那一条|那一项)?[,，]")


# "…那条和…那条,我们局分别算什么角色?": one unit's part in each of two items
_EACH_ROLE = re.compile(r"分别(算|是|当|担任)?(什么|啥|哪种|哪个)(角色|身份)|各(算|是)(什么|啥)(角色|身份)|分别(是|算)(牵头|配合|负责)还是")


def _two_items(a, query: Query) -> list[tuple[TaskItem, float]] | None:
    """The best item for each of two items the question compares (their units, or one unit's part
    in each), when each part finds its own in the place named; None otherwise."""
    text = re.split(r"[。!！]", query.text)[-1] if re.search(r"[。!！].", query.text) else query.text  # (after a self-introduction)
    m = _TWO_ITEMS.match(text)
    asked = text[m.end():] if m else ""
    if not m or len(query.localities) != 1 or not (_SAME_ASKED.search(asked) or (query.unit and _EACH_ROLE.search(asked))):
        return None
    found = []
    for part in (m.group("a"), m.group("b")):
        sub = replace(query, text=part, original=part, topic=topic_of(part, query.localities))
        hits = a.numbered_first(sub, a.searcher.search(part, k=6, localities=list(query.localities)))
        kept = _kept(a, sub, hits)
        if not kept:
            return None
        found.append(kept[0])
    return found if found[0][0].item_id != found[1][0].item_id else None


def _same_units(pair: list[tuple[TaskItem, float]], intent: str) -> str:
    """"两项的牵头单位相同(都是X)" or "不同": the comparison asked, from the items' fields."""
    (one, _), (two, _) = pair
    role, field = (("责任单位", "responsible_units") if intent == "responsible"
                   else (f"{fields.lead_word(one)}单位", "lead_units"))
    first, second = getattr(one, field) or (), getattr(two, field) or ()
    if not first and not second:
        return f"两项都没有写{role}。"
    if set(first) == set(second):
        return f"两项的{role}相同,都是{fields.SEP.join(first)}。"
    return f"两项的{role}不同。"


def pick_per_locality(a, query: Query, hits) -> list[tuple[TaskItem, float]]:
    by_loc: dict[str, list[TaskItem]] = {}
    for h in hits:
        if h.item.kind in TASK_KINDS:
            by_loc.setdefault(h.item.locality, []).append(h.item)
    picks = []
    for loc, items in by_loc.items():
        if query.localities and loc not in query.localities:
            continue
        # Rank order, unless a lower-ranked one (of the top six) is clearly more on topic.
        scored = [(a.relevance(query, it), it) for it in items[:6]]
        best = scored[0]
        for rel, it in scored[1:]:
            if rel > best[0] + 0.15:
                best = (rel, it)
        picks.append((best[1], best[0]))
    return picks


def agreed(hits, item: TaskItem) -> bool:
    """Both engines, keyword and dense, rank this item first: two independent readings of the
    question agree, which a paraphrase sharing few words with the item still gets."""
    return any(h.item.item_id == item.item_id and h.bm25_rank == 1 and h.dense_rank == 1 for h in hits)


# asked below what a unit note says: which of the named unit's own 科室 or which person
_ASKS_FINER = re.compile(r"(具体)?(是)?哪个(科室|股室|处室|科|股|处)|(科室|股室|处室)(是|叫)哪(个|一个)|责任人是谁|经办人|(具体)?(由)?谁(来)?经办|"
                         r"联系人|联系电话|联系方式|(办公|手机)?电话")
_UNIT_BY_TAIL = re.compile(r"(分局|局|委|办|中心|单位|部门)(里|内部|那边|这边)")


def _finer_than_written(query: Query, item: TaskItem) -> str:
    """"市司法局具体哪个科室牵头、责任人是谁?": the asker names the unit and asks for its office or
    the person; the item names units only. The reason to decline, or "" when the item goes that
    far (a bureau's own plan names its 科室, a ledger its 责任人)."""
    names = [*(item.lead_units or ()), *item.responsible_units, *item.participating_units]
    said = (query.unit or next((n for n in names if n in query.original or n[1:] in query.original), "")
            or _UNIT_BY_TAIL.search(query.original))  # "分局里具体哪个科室": the unit by its kind
    if not said or not _ASKS_FINER.search(query.original):
        return ""
    if any(re.search(r"(科|股|室|处)$", n) for n in names) or _LEADER_LINE.search(item.units_raw or ""):
        return ""
    who = fields.SEP.join(item.lead_units or names) or "所列单位"
    return f"文件只写到单位({who}),没有写明具体科室或责任人"


def units(a, query: Query, hits, timings) -> Iterator[dict]:
    compared = _two_items(a, query) if query.lang != "en" else None
    keep = compared or _kept(a, query, hits)
    bare = _without_unit_part(a, query) if not keep else None
    if bare is not None:  # "…各是哪个单位牵头?统计局在两边是什么角色": the item is named by the rest
        keep = _kept(a, bare, hits)
    if not keep and query.unit and len(query.localities) == 1 and ASKS_ROLE.search(query.original):
        keep = _among_units_items(a, query)
    if not keep:
        if _told_in_prose(a, query, hits, REL_MIN_NAMED if query.localities else REL_MIN):
            # "第一责任人是谁?": the notice or the guarantee measures say who, in a sentence, not
            # in a unit field; the drafted route quotes it when a sentence covers the question
            from assistant.route_drafted import drafted

            yield from drafted(a, query, hits, timings)
            return
        yield a.not_found(query, hits)
        return
    if query.unit and not query.localities and len({i.locality for i, _ in keep}) > 1:
        # "…那条,市监察局是配合单位吗?" with no place named: the places that have the unit asked
        # about are where the asker is (another county's item does not list it)
        mention = a.unit_names.find(query.original)
        own = [(i, r) for i, r in keep if mention and i.locality in mention.localities]
        keep = own or keep
    keep = [pair for item, rel in keep
            for pair in sorted([(item, rel), *_siblings(a, query, item, rel)], key=lambda p: p[0].span[0])]
    if len(keep) == 1 and query.lang != "en" and unstated_units.names_no_unit(keep[0][0]) and not query.unit:
        yield from unstated_units.reply(a, query, hits, keep[0][0])
        return
    if len(keep) == 1 and query.lang != "en" and unstated_units.unreadable_units(keep[0][0]):
        # the item's unit note was cut off (a truncated text) and no unit survives: nothing to name
        reason = "这一项的单位信息在原文中缺失(文本不完整),无法确定由哪个单位牵头或负责"
        yield a.not_found(query, hits, nearest_rule=(reason, keep[0][0]))
        return
    finer = _finer_than_written(query, keep[0][0]) if len(keep) == 1 and query.lang != "en" else ""
    if finer:
        yield a.not_found(query, hits, nearest_rule=(finer, keep[0][0]))
        return
    # "哪家牵头单位完成得最好?有排名没": a rank or a result asked of who leads, which a plan's unit
    # notes do not hold
    # (not "括号中排在第一位的是哪个单位?": the order a note lists its units in says who leads)
    kind = getattr(value_kind.asked_kind(query.original), "name", "")
    ranked = kind == "rank" and not re.search(r"括号|括注|括弧|列在|写在|顺序", query.original)
    # a person's name or the leader in charge asked: a unit note names units, and a post at most
    person = kind in ("persons", "leader", "company")  # (or a firm: a note names public bodies)
    beyond = (value_kind.missing_reason(query.original, [i for i, _ in keep]) if query.lang != "en"
              and (value_kind.asks_actual_result(query.original) or ranked or person) else "")
    if beyond:
        yield a.not_found(query, hits, nearest_rule=(beyond, keep[0][0]))
        return
    # "哪些单位配合?" of an item that names its lead but no supporting unit: the reply says first
    # that none is listed, then who is (question writers differ on whether that is a refusal)
    asked = _SET_ASIDE.sub("", query.original)
    no_support = (len(keep) == 1 and query.lang != "en" and not query.unit and _ASKS_SUPPORT.search(asked)
                  and not LEAD_ASK.search(asked) and "负责" not in asked
                  and not keep[0][0].participating_units and not unstated_units.names_no_unit(keep[0][0]))
    first, lines, last = [], [], []  # what is said before the items' lines, each item's line, after them
    if compared and query.unit and _EACH_ROLE.search(query.original):
        names = frozenset(a.searcher.maps.names_for(query.unit)) | {query.unit}
        for n, (item, _) in enumerate(compared, start=1):  # the unit's part in each, in the item's terms
            listed = any(unit_lists.is_named(u, names) for u in item.all_units)
            said = fields.role_in(item, names, query.unit) if listed else fields.not_listed(item, "你们单位")
            first.append(f"{item.section}[{n}]:{said}")
    elif compared:
        first.append(_same_units(compared, query.intent))
    if query.premise and len(keep) == 1:  # "是县发改委牵头吧?": yes or no first, then who does
        led = frozenset(keep[0][0].lead_units or ())
        # (the guess is not repeated when wrong: an answer names no unit its citations do not)
        if query.premise in led:
            first.append(f"是的,{query.premise}牵头。")
        else:  # the guessed unit's real part in the item, when the item lists it ("是责任单位")
            names = frozenset(a.searcher.maps.names_for(query.premise)) | {query.premise}
            listed = any(unit_lists.is_named(u, names) for u in keep[0][0].all_units)
            first.append(f"不是,{fields.role_in(keep[0][0], names, query.premise)}" if listed else "不是。")
    elif len(keep) == 1 and query.lang != "en":
        # "区审计局、区财政局算共同牵头吗?", "责任单位是不是A和B?": the verdict first, then the division
        own = query.unit if FIRST_PERSON.search(query.original) else ""
        checked = unit_checks.verdict(query.original, keep[0][0], a.unit_names, query.localities, own,
                                      a.searcher.maps.names_for)
        if checked:
            first.append(checked)
    checked_already = bool(first)
    cited = []
    many = len(keep) > 1
    for n, (item, _) in enumerate(keep, start=1):
        line = fields.unit_sentence(item, n, query.intent, query.lang, with_locality=True)
        if no_support:
            line = line.replace(f"{item.locality}:", f"{item.locality}:文件没有写这一项的配合单位;", 1)
        quote = a.quote(query, item)
        if item.kind == "point" and _ASKS_DONE.search(query.original):
            quote = gist(item.text, 200)  # "…报告说做了啥": what a report point says it did is the whole point
        if item.kind == "point" and not item.lead_units and not item.responsible_units and query.lang != "en":
            line += f"报告中的相关内容:“{quote}”[{n}]"  # what the report says it did, in its words
        lines.append(line)
        cited.append((item, quote))
    for k, (item, _) in enumerate(keep):  # a note that points to another row (同第8项) cites that row
        note_at = lines[k].find("(原文:“")
        marks = ""
        for pointed in _pointed_rows(a, item) if note_at >= 0 else ():
            cited.append((pointed, pointed.units_raw or fields.short_heading(pointed, 30)))
            marks += f"[{len(cited)}]"
        if marks:
            end = lines[k].find("”)", note_at) + 2
            lines[k] = f"{lines[k][:end]}{marks}{lines[k][end:]}"
    explained = None
    if not many and query.lang != "en" and not keep[0][0].lead_units:
        # a lead cell left blank or marked (—, 待明确), and the document's own word on what that means
        explained = mark_notes.explained(a.searcher.maps.by_doc.get(keep[0][0].doc_id, ()), keep[0][0])
        if explained:
            cited.append(explained)
            last.append(f"文件说明:“{explained[1]}”[{len(cited)}]")
    if query.unit and not many and query.lang != "en" and ASKS_ROLE.search(query.original) and not checked_already:
        # "县发改委是牵头还是配合?", "我们是县审计局,…我们是牵头吗?": the unit's part comes first
        names = frozenset(a.searcher.maps.names_for(query.unit)) | {query.unit}
        listed = any(unit_lists.is_named(u, names) for u in keep[0][0].all_units)
        first.insert(0, fields.role_in(keep[0][0], names, query.unit) if listed else
                     fields.not_listed(keep[0][0], "你们单位" if FIRST_PERSON.search(query.original) else "你问的单位"))
    if not many and query.lang != "en" and _ASKS_LEADER.search(query.original):
        leader = _LEADER_LINE.search(keep[0][0].units_raw or "")
        if leader:  # "…是不是县长挂帅?": the leader is a person's post, printed apart from the units
            kind = "领导职务" if "领导" in leader.group(1) else "个人"
            line = f"{leader.group(1)}:{leader.group(2).strip()}({kind},不是单位)[1]。"
            # the leader first when it is all that is asked ("是哪位县领导分管的?"), after the units otherwise
            if re.search(r"单位|部门|科室|谁(牵头|负责)", query.original):
                last.append(line)
            else:
                first.insert(0, line)
    places = len({i.locality for i, _ in keep})
    counts = ()
    if query.intent == "responsible" and not many and query.lang != "en":
        # a long list of units is counted, the collectives ("有关部门", "各乡(镇)") apart
        item = keep[0][0]
        listed = [*item.responsible_units, *item.participating_units]
        named = [u for u in listed if not fields.COLLECTIVE.search(u)]
        if len(named) >= fields.LONG_LIST:
            rest = [u for u in listed if u not in named]
            last.append(f"点名的单位共{len(named)}家" + (f"(另有{fields.SEP.join(rest)})" if rest else "") + "。")
            counts = (Computed(str(len(named)), tuple(named), f"{len(named)}家"),)
    other = _other_part(query)
    if other is not None and (not many or places == len(keep)) and query.lang != "en":
        # "…是咋要求的?这条谁牵头?": the unit, then the sentences that answer the other part, for
        # each place compared ("乌县和新密各要干啥、谁牵头?")
        from assistant.support import support

        for n, (item, _) in enumerate(keep):
            found = support(a, other, item)
            if item.deadline and fields.ASKS_WHEN.search(other.original) and not (found and item.deadline in found[1]):
                continue  # "…牵头栏写的谁?多会儿完成?": its column is given below
            # the item is already chosen by the unit part: its best sentence for the other part needs
            # only to cover it in part (half the gate a sentence must pass to choose an item)
            if found and found[2] >= SENTENCE_MIN / 2:
                lines[n] += f"\n原文:“{found[1]}”[{n + 1}]"
                cited[n] = (item, found[1])
    if query.lang != "en":
        # "执法人员每年不少于60学时培训…两边各是谁牵头?": an item named by a figure of its own is
        # quoted where it says it, so the asker sees it is the task they meant
        for n, (item, _) in enumerate(keep):
            said = _figure_said(query.original, item)
            if said and said not in lines[n]:
                lines[n] += f"\n原文:“{said}”[{n + 1}]"
                cited[n] = (item, said)
    if query.lang != "en":
        # the time limit a table's column gives the task goes with who does it: asked ("谁挑头?配合的
        # 是谁,啥时候完成?") or not, it is what the unit named has to act on
        for n, (item, _) in enumerate(keep):
            if item.deadline and item.deadline not in lines[n]:
                lines[n] += f"完成时限:{item.deadline}[{n + 1}]。"
    rule = _reading_rule(a, keep[0][0]) if not many and query.lang != "en" and _ASKS_WHY_LEAD.search(query.original) else None
    if rule and explained and rule[1] == explained[1]:
        rule = None  # said already
    if rule:  # "哪个算牵头?凭啥?": the document's own rule for reading its notes, quoted and cited
        cited.append(rule)
        last.append(f"文件约定:“{rule[1]}”[{len(cited)}]")
    lines = first + lines + last
    missing = [loc for loc in query.localities if loc not in {i.locality for i, _ in keep}]
    for loc in missing:
        note = "(该文件文本不完整)" if loc in a.truncated_localities else ""
        lines.append(f"{loc}:收录的文件中没有找到这项任务{note}。" if query.lang != "en"
                     else f"{loc}: no such task in the documents.")
    if many and not query.localities and places > 1:
        head = ("The documents differ by locality:" if query.lang == "en"
                else "不同地方的文件分工不同,请按您所在地区查看:")
        text = head + "\n" + "\n".join(f"- {line}" for line in lines)
    elif many and places == 1 and query.lang != "en" and not compared:
        head = f"这个问题对应{keep[0][0].locality}文件中的{len(keep)}项任务,分工各不相同:"
        text = head + "\n" + "\n".join(f"- {line}" for line in lines)
    else:
        text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    # a unit asked of what a report says it did, where the report names no unit at all: the
    # question cannot be answered from it (the answer says so and quotes what the report does say)
    # (a report sentence that itself names bodies, "州发改委、财政局…为成员", answers in its words)
    unstated = all(i.kind == "point" and not i.lead_units and not i.responsible_units for i, _ in keep)
    unstated = unstated and not any(unstated_units.NAMES_A_BODY.search(quote) for _, quote in cited)
    status = "not_found" if unstated and _ASKS_A_UNIT.search(query.original) and not missing else "answered"
    yield a.final(query, text, status, cited, "fields", computed=counts)


# why a unit is the lead, or how the notes are read: "凭啥?", "括号里第一个就是牵头吗?"
_ASKS_WHY_LEAD = re.compile(r"凭啥|凭什么|为什么|为啥|依据(是)?什么|根据(是)?什么|依据(在哪|何在|是啥)|有(什么|啥)依据|怎么(看|判断|确定|知道)|咋(看|知道|判断)|"
                            r"括号里?(第一个|排(在)?第一|打头|的顺序)|(排|列)在(第一|首位|最前)")


def _reading_rule(a, item: TaskItem) -> tuple[TaskItem, str] | None:
    """(passage, sentence) where the item's document says how to read its unit notes ("排在第一位
    的为牵头单位", "标注★的为牵头单位"), when one does and the item's note is read by it."""
    if not item.units_raw:
        return None
    for other in sorted((i for i in a.items if i.doc_id == item.doc_id and i.kind not in TASK_KINDS), key=lambda i: i.span[0]):
        for sentence in sentences(other.text):
            for line in sentence.split("\n"):  # (not the title line a first sentence runs on from)
                if read_rules(line):
                    return other, line.strip()
    return None


_ASKS_A_UNIT = re.compile(r"牵头|负责|单位|部门|挑头|牵总|主抓")
# (not "42个县直部门", "各部门": a count or a collective names nobody who did it)
HEADING_SAYS_ALL = 0.95


def _pointed_rows(a, item: TaskItem) -> list[TaskItem]:
    """The rows a ditto note points to, in the item's document: `同第8项` item 8, `同上` the row above;
    for a note of codes, the legend that decodes them."""
    above, numbers = pointers(item.units_raw or "")
    if has_codes(item.units_raw or ""):  # the legend that decodes the note's codes
        return [i for i in a.items if i.doc_id == item.doc_id and i.kind not in TASK_KINDS
                and any(is_legend(line) for line in i.text.split("\n"))][:1]
    if not above and not numbers:
        return []
    rows = [i for i in a.items if i.doc_id == item.doc_id and i.kind in TASK_KINDS and i.item_id != item.item_id]
    found = [next((i for i in rows if fields.printed_number(i) == n), None) for n in numbers]
    if above:
        found.append(max((i for i in rows if i.span[0] < item.span[0]), key=lambda i: i.span[0], default=None))
    return list({i.item_id: i for i in found if i is not None}.values())


def _siblings(a, query: Query, item: TaskItem, rel: float) -> list[tuple[TaskItem, float]]:
    """Items under the same subheading that the question fits exactly as well, with other leads,
    when it is the subheading that matches: "政务诚信建设谁牵头?" names a subheading whose two items
    have different leads, and naming one of them would be half the answer."""
    parent = item.section_path.rsplit(" > ", 1)[0]
    own = a.evidence.coverage(query.topic, f"{item.heading}{item.text}")
    if parent == item.section_path or own is None:
        return []
    if own >= 0.5:
        # the item's own words answer the question: it is the one meant ("…那条"), unless a
        # neighbour's heading says all the question says as well ("管规范性文件的那条" of
        # 加强行政规范性文件监督管理 and 开展规范性文件清理): the asker gets both, each with its units
        if (a.evidence.coverage(query.topic, item.heading) or 0.0) < HEADING_SAYS_ALL:
            return []
        return [(other, rel) for other in a.searcher.select(doc=item.doc_id)
                if other.item_id != item.item_id and other.kind in TASK_KINDS
                and other.section_path.rsplit(" > ", 1)[0] == parent
                and (other.lead_units, other.responsible_units) != (item.lead_units, item.responsible_units)
                and (a.evidence.coverage(query.topic, other.heading) or 0.0) >= HEADING_SAYS_ALL][:2]
    out = []
    for other in a.searcher.select(doc=item.doc_id):
        if (other.item_id != item.item_id and other.section_path.rsplit(" > ", 1)[0] == parent
                and set(other.lead_units or ()) != set(item.lead_units or ())
                and a.relevance(query, other) >= rel - 0.01):
            out.append((other, rel))
    return sorted(out, key=lambda p: p[0].span[0])[:3]


_SAYS_WHO = re.compile(r"牵头|负责|责任人|责任主体|主管|单位|部门|机关|机构")


def _told_in_prose(a, query: Query, hits, floor: float) -> bool:
    """A text that is no task item (the notice, the guarantee measures) is the best-ranked
    relevant hit, and its sentence that answers the question says who: the answer is there, in
    words rather than in a unit field."""
    from assistant.support import support

    for h in hits[:3]:
        if a.relevance(query, h.item) >= floor:
            if h.item.kind in TASK_KINDS:
                return False
            found = support(a, query, h.item)
            return bool(found and found[2] >= SENTENCE_MIN and (_SAYS_WHO.search(found[1])
                        or any(u in found[1] for u in a.known_units)))
    return False


_NAMES_THE_ITEM = re.compile(r"(那|这|该)(条|项|个任务|件事|一条|一项)\s*$")


def _other_part(query: Query) -> Query | None:
    """The part of a two-part question that asks something other than who: "…咋要求的?" of
    "…咋要求的?这条谁牵头?", as a query of its own; None when every part asks who."""
    # "谁牵头?" is a part, also after a comma: "…各要干啥、谁牵头?"
    parts = [p for p in re.split(r"[?;。]|[,、](?=由?(?:谁|哪个(?:单位|部门))[^,、“”?]{0,8}(?:[?]|$))", query.original) if len(p.strip()) > 2]
    # "…轮训60学时那项,谁挑头?啥时候要完成": a part ending in 那项 names the item, it asks nothing
    others = [p for p in parts if detect_intent(p) not in ("lead", "responsible", "unit_tasks")
              and not _NAMES_THE_ITEM.search(p)]
    if len(parts) < 2 or not others:
        return None
    part = others[0]
    return replace(query, original=part, text=part, intent=detect_intent(part),
                   topic=topic_of(part, query.localities))


# what a report says was done, asked: "伊犁报告说做了啥", "采取了哪些做法"
_ASKS_DONE = re.compile(r"(做|干|搞|办)了(啥|什么|哪些|些什么)|(采取|用)了?(哪些|什么|啥)(做法|举措|措施|办法)|(怎么|咋|如何)(做|干|搞)的")
_ASKS_LEADER = re.compile(r"领导(?!干部|班子|小组|体制|机制|作用)|挂帅|[县市区州]长|分管|责任人|牵头人")  # (领导干部 is a topic, not a post)
# the supporting units asked for, and nothing else (哪些单位配合? 配合单位有哪些? 谁来协助?)
_ASKS_SUPPORT = re.compile(r"(配合|协办|协助|协同|参与|参加)(单位|部门|方|的|者)?(是|有)?(谁|哪)|"
                           r"(单位|部门|谁)(来|去|要)?(配合|协办|协助|协同|参与|参加)|"
                           # "除了主办的还有协办单位吗?": whether any is listed
                           r"(有|还有)(没有)?(配合|协办|协助|协同|参与|参加)(单位|部门)(吗|么|没有?|[?？]|$)")
# "除了主办的,…": the role named only to set it aside
_SET_ASIDE = re.compile(r"除了[^,，?？]{0,12}?(的|之外|以外)")
_LEADER_LINE = re.compile("(" + "|".join(sorted(LABELS["leader"], key=len, reverse=True)) + r")\s*[:：]\s*([^；;\n]+)")


def chain(a, query: Query, hits, timings) -> Iterator[dict]:
    """'新密市牵头法律顾问工作的那个单位,是否也牵头规范性文件监督管理?'"""
    m = CHAIN.match(query.text)
    first_q = Query(**{**query.__dict__, "text": m.group("first"),
                       "topic": topic_of(m.group("first"), query.localities)})
    first_hits = a.searcher.search(first_q.text, k=5, localities=list(query.localities) or None)
    picks = [(i, r) for i, r in pick_per_locality(a, first_q, first_hits) if i.lead_units and r >= REL_MIN]
    if not picks:
        yield from units(a, query, hits, timings)
        return
    first, _ = picks[0]
    rest_topic = topic_of(m.group("rest"), query.localities)
    rest_q = Query(**{**query.__dict__, "topic": rest_topic})
    cited = [(first, a.quote(first_q, first))]
    lines = [fields.unit_sentence(first, 1, "lead", query.lang)]
    for unit in first.lead_units:
        led = [i for i in a.searcher.select(locality=first.locality, unit=unit, role="lead")
               if i.item_id != first.item_id]
        scored = sorted(((a.evidence.coverage(rest_topic, f"{i.section_path}{i.text}") or 0.0, i) for i in led),
                        key=lambda s: -s[0])
        relevant = [i for s, i in scored if s >= REL_MIN_NAMED][:3]
        for item in relevant:
            n = len(cited) + 1
            cited.append((item, a.quote(rest_q, item)))
            lines.append(f"{unit}也牵头{fields.listed_section(item)}“{fields.short_heading(item, 30)}”[{n}]。")
        if not relevant:
            lines.append(f"在{first.locality}的文件中,没有找到{unit}牵头的与此相关的其他任务。")
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, "answered", cited, "fields")


# "是正式印发稿吗?", "是不是征求意见稿?": what kind of text a document is, which its title says
_FIGURE = re.compile(r"(?<![第\d.])\d+(?:\.\d+)?(?:%|个工作日|个?学时|个?小时|(?![年月日号时])[\u4e00-\u9fff])")  # (a day or a month is a date, not a figure)


def _figure_said(question: str, item) -> str:
    """The sentence of the item holding a figure the question names ("不少于60学时", "合格率要到100%"),
    when the unit answer's heading does not show it; "" when the question names none of its figures."""
    text = normalize(item.text)
    heading = normalize(fields.short_heading(item))
    for figure in _FIGURE.findall(normalize(question)):
        if figure in text and figure not in heading:
            return next((s.strip() for s in sentences(item.text) if figure in normalize(s)), "")
    return ""
