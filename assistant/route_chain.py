"""Two-step unit questions: "牵头A的那个单位,在B方面还牵头哪些?" / "A由谁牵头?它还牵头什么?"

Step one finds A's item (the one whose heading, then text, best covers A) and its lead units; step
two lists that unit's other lead items in the same document, those about B when B is named, all of
them otherwise. The answer starts with the unit. It asks back only when A itself is ambiguous:
no locality named and the best items for A lie in different localities, equally close.

A unit's part in another item ("…在B那条里是什么角色?") is assistant.chain_roles; finding A's item
and the measures both use are assistant.chain_steps.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterator

from assistant import fields, sections, unit_lists
from assistant.chain_roles import b_topic_of, role_answer, unit_in_b, units_named
from assistant.chain_steps import (LIST_MAX, MIN_A, MIN_B_HEADING, MIN_B_TEXT, ROLE_ASK, TASK_KINDS, coverage_of,
                                   first_sentence, resolve, said_as)
from assistant.compute import Computed
from assistant.route_sections import gist, outline_of
from assistant.topic import LEAD_WORDS, topic_of
from assistant.understand import Query
from corpus.select import filter_items
from corpus.types import TaskItem


_THAT = r"(那个|这个|该|那家|这家|那几家|这几家|那两家|这两家|(那|这)[三四五六七八九十]家|那些|这些|那几个|几家)"
_UNIT_WORD = rf"{_THAT}?(单位|部门|机关|机构|局|委|办|科)?(里|中|当中)?"
# "牵头A的单位" / "牵头A那个单位" (a demonstrative may stand for 的)
_WHO = rf"(的{_UNIT_WORD}|{_THAT}(单位|部门|机关|机构|局|委|办|科)?(里|中|当中)?)"
_LEAD_VERB = rf"(负责|{LEAD_WORDS})"  # 牵头 and the words people say it with (挑头, 打头, 领头…)
_COUNTED_LEAD = rf"(挑|牵|牵头|主办|{LEAD_WORDS})了?(几|多少)[条项个件]?(头)?"
_ASK_MORE = r"(还|也|同时|另外|又|此外)(在)?(牵头|负责|主抓|抓|管|领着?干?|带头|挑了?|挂了?|担了?)"
ROLE_PATTERN = re.compile(rf"^(?P<first>.*?{_LEAD_VERB}[^,，?？]+?){_WHO}[,，]?(?P<rest>.*?({ROLE_ASK}).*)$")
PATTERNS = (
    # "牵头A的那个单位,在B方面还牵头哪些?"
    re.compile(rf"^(?P<first>.*?{_LEAD_VERB}[^,，?？]+?){_WHO}[,，]?(?P<rest>[^?？]*?{_ASK_MORE}.*)$"),
    # "A由两家共同牵头,其中的B另外还挑头了哪项?": the item, who leads it, then one of its leads
    re.compile(rf"^(?P<first>[^,，?？]+?(由|是)[^,，?？]{{0,6}}?{_LEAD_VERB}的?)[,，]\s*"
               rf"(?P<rest>其中[^?？]*?{_ASK_MORE}.*)$"),
    # "A由谁牵头?它/这个单位还牵头什么?"
    re.compile(rf"^(?P<first>.+?(谁|哪个单位|哪个部门|哪家)(来)?(牵头|负责)[^?？,，]*)[?？,，]\s*"
               # the unit pointed back to in any words: 它, 这家单位, 该部门, 那个局
               rf"(那?它|{_THAT}(单位|部门|机关|机构|局|委|办)?)(?P<rest>.*{_ASK_MORE}.*)$"),
    # "A那条是两家牵头,其中编办那家还牵头了哪些?", "A那项里列的责任单位,哪几家在别的任务里是牵头单位?":
    # the item named first by its words and 那条, then its units (one of them by name) asked about
    re.compile(rf"^(?P<first>[^,，?？]+?(那|这|该)一?(条|项|个任务))(?=[^,，?？]*[,，])"
               rf"(?P<rest>[^?？]*?({_ASK_MORE}|(别的|其他|其它|另外的?)[^?？,，]{{0,6}}?(是|当|也是|还是|挂|也)?(牵头|主办)|"
               # "…挂了四家牵头，这四家在整份安排里各挑了几条头?": each of its leads counted
               rf"{_THAT}[^?？,，]{{0,16}}?各(自)?{_COUNTED_LEAD}).*)$"),
)
_REST_WORDS = re.compile(r"在|方面|这块|那块|领域|上面|还|也|同时|另外|又|此外|牵头|负责|主抓|抓|管|领着?干?|带头|挑|挂|担子|了|哪些|哪项|哪几项|哪件|"
                         r"各自|分别|什么|啥|别的|其他|其它|条目|条款|工作|任务|事项|事|活|吗|呢|[?？,，。]|"
                         # the pointers and counting words of a question about that item's units
                         r"(那|这|该|两|几)(条|项|家|个)|一共|总共|整个|全部|(方案|文件|要点|清单|措施|分工表|安排|计划)(里|中)?|单位|部门|"
                         # where the asker looks (其中…那家, 今年安排里), not what B is about
                         r"里面|其中|(今|去|明)年|\d{4}年度?|整份|全文|各自|各|(这|那)?[两三四五六七八九十几]家|里|列的?|写的?|责任|"
                         r"协办|配合|主办|牵了?|头|没有?|几[条项个]|多少[条项个]?|[条项]|"
                         # whether it leads with another or takes another part ("有跟别人一起牵的吗",
                         # "有没有当配合单位"): asked of every item, not a topic B
                         r"有没有|有无|是不是|(跟|和|与|同)(别人|别的单位|其他单位|其它单位)?一起|共同|联合|当|作为|担任|出现|地方|角色")
_MOST = re.compile(r"谁(最多|多)|哪(家|个)(最多|多)|最多的")
AMBIGUOUS_GAP = 0.1


GIST_CHARS = 150


# "X出现在哪条?那条的牵头单位一共牵了几条头?", "X主办的那条,两家协办单位各自还主办了哪些?": the
# item is the one a named unit has, the second part asks about that item's units
_OF_THAT_ITEM = re.compile(rf"^(?P<first>[^?？]+?)(的那(条|项)|那(条|项)[^?？，,]{{0,12}})?[?？,，]\s*(?P<rest>[^?？]*?"
                           rf"({_ASK_MORE}|(一共|总共|共)[^?？]{{0,6}}(牵|主办)|(各自|别的|其他|其它)[^?？]{{0,8}}(牵头|主办|牵了)).*)$")


# The same chain in other word orders, put back into the one the patterns read:
# "在B那条里,牵头A的那个局是什么角色?" -> "牵头A的那个局,在B那条里是什么角色?"
_B_FIRST = re.compile(rf"^(在)?(?P<b>[^,，?？]{{2,40}}?(那|这)一?(条|项)(里|中|当中)?)[,，](?P<x>[^?？]*?{_LEAD_VERB}[^?？]+?)"
                      r"(?P<ask>(是|算|当|担任)(的|个)?是?(什么|啥|哪种)(角色|身份).*)$")
# "A是由某个单位牵头的,这个单位在B…" -> "牵头A的那个单位,在B…"
_BY_SOME = re.compile(rf"^(?P<a>[^,，?？]+?)(是)?由(某个|某一?家|一个|一家|哪个|哪家)?(单位|部门|局)?{_LEAD_VERB}的?[,，]\s*"
                      rf"(这个|该|那个|这家|那家)(单位|部门|局)?(?P<rest>.+)$")


# "管权责清单的牵头单位还挑了哪些别的担子?" -> "牵头管权责清单的那个单位,还挑了哪些别的担子?"
# ("A的那一项，其牵头单位在B…": the item named, then 其 pointing back at it)
_LEAD_OF_A = re.compile(r"(?P<a>[^,，?？]{2,30}?)((的)?那一?(条|项)[,，]其|(那(条|项))?的)(牵头|主办)(单位|部门|科室|股室)"
                        rf"(?P<rest>[,，]?.*?(还|也|另外|别的|其他|其它|{ROLE_ASK}).*)$")  # (the ask may be a second question)


def _canonical(text: str) -> str:
    m = _LEAD_OF_A.search(text)
    if m and not re.search(r"(是|为)(谁|哪)", m.group("rest")):
        return f"{text[:m.start()]}牵头{m.group('a')}的那个单位,{m.group('rest').lstrip(',，')}"
    m = _B_FIRST.match(text)
    if m:
        return f"{m.group('x')},在{m.group('b')}{m.group('ask')}"
    m = _BY_SOME.match(text)
    if m:
        return f"牵头{m.group('a')}的那个单位,{m.group('rest')}"
    return text


# "…其中市人社局到了行政调解工作那条还挂牵头吗?": a unit named, then its part in the item B names
_NAMED_IN_B = re.compile(rf"(?P<unit>[^,，?？;；]{{2,24}}?)[,，]?(在|到了?|于)(?P<b>[^,，?？;；]{{2,30}}?)(那|这)一?(条|项)(里|中|当中)?[,，]?"
                         rf"(?P<ask>[^?？]*?({ROLE_ASK}))")


def route(a, query: Query, hits) -> Callable | None:
    if query.intent == "doc_info" or query.lang == "en":
        return None
    named = _NAMED_IN_B.search(query.text)
    units = units_named(a, named.group("unit"), query.localities) if named else []
    b = named.group("b") if named else ""
    if (units and not re.search(rf"{_LEAD_VERB}[^,，?？]*?{_WHO}", named.group("unit"))
            and len(b_topic_of(b, query).replace(" ", "")) >= 2):  # (not "在霁川那条里": a place, no B)
        return lambda a, query, hits, timings: unit_in_b(a, query, units, b)
    canonical = _canonical(query.text)
    if canonical != query.text:
        query = replace(query, text=canonical)
    m = _OF_THAT_ITEM.match(query.text)
    if m:
        head = _only_item_of_unit(a, query, m.group("first"))
        if head is not None:
            rest = m.group("rest")
            return lambda a, query, hits, timings: _from_head(a, query, head, rest, by_unit=True)
    m = ROLE_PATTERN.match(query.text)
    if m:
        first, rest = m.group("first"), m.group("rest")
        return lambda a, query, hits, timings: role_answer(a, query, first, rest)
    for pattern in PATTERNS:
        m = pattern.match(query.text)
        if m:
            first, rest = m.group("first"), m.group("rest")
            return lambda a, query, hits, timings: _answer(a, query, first, rest)
    return None


def _answer(a, query: Query, first: str, rest: str) -> Iterator[dict]:
    scored = [s for s in resolve(a, query, first) if s[0] >= MIN_A]
    if not scored:
        yield a.not_found(query, [], extra="(没有找到前半句说的那项任务,请换个说法再问。)")
        return
    best_score, head = scored[0]
    rivals = [i for s, i in scored[1:] if i.locality != head.locality and s >= best_score - AMBIGUOUS_GAP]
    if not query.localities and rivals:
        places = "、".join(dict.fromkeys([head.locality] + [i.locality for i in rivals]))
        text = f"{places}的文件都有这项任务,牵头单位不同。请说明是哪个地方的(例如“{head.locality}{first}…”)。"
        yield {"type": "delta", "text": text}
        yield a.final(query, text, "clarify", [], "fields")
        return
    yield from _from_head(a, query, head, rest)


def _only_item_of_unit(a, query: Query, first: str) -> TaskItem | None:
    """The one task a unit named in `first` has (in the place asked about), as lead when the words
    say it leads it (X主办的那条), else in any role (X出现在哪条); None when it has none or several."""
    mention = a.unit_names.find(first, query.localities)
    if mention is None:
        return None
    role = "lead" if re.search(rf"{_LEAD_VERB}的", first) else "any"
    items = [i for i in a.searcher.select(unit=mention.name, role=role) if i.kind in TASK_KINDS
             and (not query.localities or i.locality in query.localities)]
    return items[0] if len(items) == 1 else None


# the second part asks about the item's supporting units, not its lead
# ("有没有当配合单位", "是不是配合单位" ask the unit's own part elsewhere: not its item's other units)
_SUPPORTING = re.compile(r"(?<![当是做算为任])(协办|配合|责任|参与|参加)(单位|部门|的|那)")


def _from_head(a, query: Query, head: TaskItem, rest: str, by_unit: bool = False) -> Iterator[dict]:
    """`by_unit`: the item was found as the one a unit has, so the asker has not seen it: say it."""
    supporting = _SUPPORTING.search(rest)
    owners = (head.participating_units or head.responsible_units) if supporting else head.lead_units
    said = {u: said_as(a, u, rest, head.locality) for u in owners}
    named = [u for u in owners if said[u]]
    if not supporting and not named:  # "A那条…,其中X那家还牵头了哪些?" with X one of its other units
        others = [u for u in head.all_units if u not in (head.lead_units or ()) and said_as(a, u, rest, head.locality)]
        if others:
            supporting, owners, named = True, others, others
            said = {u: said_as(a, u, rest, head.locality) for u in others}
    for unit in named:
        rest = rest.replace(said[unit], " ")
    part = _part_asked(a, query, head, rest)
    b_topic = topic_of(_REST_WORDS.sub(" ", rest), query.localities).strip() if part is None else ""
    if len(b_topic.replace(" ", "")) < 2:
        b_topic = ""  # a stray character (`…条目里`) names no topic
    units = tuple(named) or tuple(owners)  # "那几家里,市法院还牵头啥": the one named
    if not units:
        yield a.not_found(query, [], extra=f"({head.locality}{head.section}没有写明{'协办或配合单位' if supporting else '牵头单位'}。)")
        return
    counts: list[Computed] = []
    cited = [(head, a.quote(query, head))]
    role_said = ((fields.part_word(head) if set(units) & set(head.participating_units or ()) else fields.resp_word(head))
                 if supporting else "牵头")
    number = f"(第{head.item_number}项)" if (head.item_number or "").isdigit() else ""
    lines = [f"{'、'.join(units)}。{head.locality}{head.section}{number}“{fields.short_heading(head, 30)}”"
             f"由{fields.SEP.join(head.lead_units) + '牵头,' if supporting and head.lead_units else ''}"
             f"{'、'.join(units) if supporting else fields.SEP.join(head.lead_units)}{role_said}[1]" + (f":{gist(head.text, GIST_CHARS)}" if by_unit else "。")]
    whole = bool(re.search(rf"一共|总共|共[计有]?(几|多少)|各(自)?{_COUNTED_LEAD}", rest))
    leading: list[str] = []  # the units asked about that lead other items
    totals: dict[str, int] = {}  # each unit's leads in the whole document, when asked
    counter = fields.counter_of(query.original)  # 几条 -> 条
    for unit in units:
        led = [i for i in filter_items(a.items, locality=head.locality, unit=unit, role="lead")
               if i.item_id != head.item_id and i.doc_id == head.doc_id and i.kind in TASK_KINDS]
        if whole and not supporting:  # "一共牵了几条头": this one counted with the others
            total = len(led) + 1
            lines.append(f"{unit}在这份文件里一共牵头{total}{counter}(这一{counter}和下列{len(led)}{counter})。")
            counts.append(Computed(str(total), tuple(i.section for i in [head, *led]), f"{total}{counter}"))
            totals[unit] = total
        if part is not None:  # B is a section of the document: its items
            about = [i for i in led if i in part.items]
        elif b_topic:  # about B: its headings or its first sentence say B; else B is named in its text
            about = [i for i in led if coverage_of(a, b_topic, f"{i.section_path}{i.heading}{first_sentence(i)}") >= MIN_B_HEADING]
            about = about or [i for i in led if coverage_of(a, b_topic, i.text) >= MIN_B_TEXT]
        else:
            about = led
        about = sorted(about, key=lambda i: i.span[0])  # all counted and cited; the first LIST_MAX shown in full
        where = (f"在{sections.section_number(part)}“{part.title}”里" if part is not None
                 else f"在“{b_topic}”方面" if b_topic else "")
        # with no B asked, where else the unit is named without leading: what the asker checks next
        elsewhere = [] if (b_topic or part is not None) else [
            i for i in filter_items(a.items, locality=head.locality, unit=unit)
            if i.doc_id == head.doc_id and i.item_id != head.item_id and unit not in (i.lead_units or ())][:LIST_MAX]
        if not about:
            lines.append(f"{where}没有找到{unit}牵头的其他任务。" if where else f"{unit}没有牵头其他任务。")
            _add_elsewhere(lines, cited, unit, elsewhere)
            continue
        lines.append(f"{unit}{where}还牵头{len(about)}{counter}:" if len(units) > 1 or where
                     else f"它还牵头{len(about)}{counter}:")
        counts.append(Computed(str(len(about)), tuple(i.section for i in about), f"{len(about)}{counter}"))
        leading.append(unit)
        for item in about[:LIST_MAX]:
            n = len(cited) + 1
            quote = _about(a, b_topic, item)
            cited.append((item, quote))
            shared = [u for u in item.lead_units if u != unit]
            note = f"(与{'、'.join(shared)}共同牵头)" if shared else ""
            lines.append(f"[{n}] {fields.listed_section(item)}{note}:{quote}")
        if len(about) > LIST_MAX:  # the rest by their headings, each cited: every item counted is checkable
            rest_said = []
            for item in about[LIST_MAX:]:
                cited.append((item, item.text[:60]))
                rest_said.append(f"{fields.listed_section(item)}“{fields.short_heading(item, 12)}”[{len(cited)}]")
            lines.append(f"其余{len(about) - LIST_MAX}{counter}:" + "、".join(rest_said) + "。")
        _add_elsewhere(lines, cited, unit, elsewhere)
    if len(totals) > 1 and _MOST.search(rest):  # "…各挑了几条头?谁最多"
        top = max(totals.values())
        most = [u for u, n in totals.items() if n == top]
        lines.insert(1, f"牵头最多的是{'、'.join(most)}({top}{counter})。")
    if supporting and len(units) > 1 and re.search(r"哪(几|一)?家|哪些(单位|部门)|哪几个|谁", rest):
        # "哪几家在别的任务里也牵头?" asks which of them: those that do, first
        others = [u for u in units if u not in leading]
        lines[0] = (f"{'、'.join(leading)}在其他任务里牵头" if leading else "都没有在其他任务里牵头") + (
            f"({'、'.join(others)}没有)。" if leading and others else "。") + lines[0].split("。", 1)[1]
    status = "answered"
    if (b_topic or part is not None) and not leading and head.locality in a.truncated_localities:
        # nothing found in B, in a document cut off mid-text: what is missing may hold it, so no absence is claimed
        lines.append(f"({head.locality}的文件收录不完整,文本在中途截断,后面的内容不在资料中,无法确定是否还有。)")
        status = "not_found"
    text = "\n".join(lines)
    yield {"type": "delta", "text": text}
    yield a.final(query, text, status, cited, "fields", computed=tuple(counts))


def _part_asked(a, query: Query, head: TaskItem, rest: str):
    """The section of A's document that B names by its number or as a part ("在第四部分规范行政行为里",
    "在(五)那两条里"), or None: B is then a topic, read from its words."""
    if not (sections.NAMES_A_PART.search(rest) or re.search(r"[(（][一二三四五六七八九十]+[)）]", rest)):
        return None
    match = sections.find(rest, outline_of(a), a.evidence.coverage, (head.doc_id,), query.localities)
    return match.section if match is not None and len(match.section.items) > 1 else None


def _add_elsewhere(lines: list[str], cited: list, unit: str, items: list[TaskItem]) -> None:
    """"另外,X不牵头、是责任单位的有…": the items that name the unit in another part than lead, cited."""
    if not items:
        return
    lines.append(unit_lists.not_leading_line(unit, items, len(cited) + 1, frozenset({unit})))
    cited += [(item, item.units_raw or fields.short_heading(item, 30)) for item in items]


def _about(a, topic: str, item: TaskItem) -> str:
    """The item's first sentences: what it is about."""
    return gist(item.text, GIST_CHARS)
