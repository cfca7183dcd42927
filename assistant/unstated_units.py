"""What to say when the one item a unit question lands on names no unit.

Before declining, what the document does say instead: the units its own sentences give the work
to (in a document that prints no unit note anywhere), the body an action names when the question
asks of the action and not of a role, the author of a department's report on its own year, or the
document's note explaining a blank or placeholder cell. Otherwise the reply says no unit is
written, quoting the item and what its unit column holds.
"""
from __future__ import annotations

import re
from typing import Iterator

from assistant import fields, mark_notes
from assistant.actors import actor_sentences, own_work_of
from assistant.gates import SENTENCE_MIN  # calibrated: eval/calibrate.py
from assistant.understand import Query
from corpus.text import sentences
from corpus.types import TaskItem

NAMES_A_BODY = re.compile(r"局|委员会|办公室|中心|小组|指挥部|法院|检察院|(?<![个直各关级])部门|[州市县区]委(?!托)")


def names_no_unit(item: TaskItem) -> bool:
    """A task item whose note names no unit (a report's points never do: a report is answered
    "not stated" with what it reports, corpus-notes 002)."""
    return (item.kind == "task" and item.lead_units == () and not item.responsible_units and not item.participating_units
            and not any(w.startswith("文件约定") and _rule_names_a_unit(w) for w in item.warnings))


def unreadable_units(item: TaskItem) -> bool:
    """A task whose unit note the text lost (lead unknown, not "none") with no unit left to read."""
    return item.kind == "task" and item.lead_units is None and not item.responsible_units and not item.participating_units


def _rule_names_a_unit(rule: str) -> bool:
    """The document's rule for items without a lead names who leads them (`未明确牵头单位的，由县司法局
    牵头`); a rule that hands them to the units each lists (`由所列责任单位各自落实`) gives an item that
    lists none nobody."""
    return "所列" not in rule and "列明" not in rule and bool(re.search(r"(局|办公室|办|委|院|政府|中心)(牵头|负责)", rule))


# the words of a role (who leads, does, joins): a question with none asks whom an action names
_ROLE_ASKED = re.compile(r"牵头|负责|责任|配合|协办|协助|主办|承担|落实|参与|参加|挑头|主抓|分工|抓总|谁来(干|做|办|管)")


def _body_told(a, query: Query, item: TaskItem) -> str:
    """The item's sentence that answers which body an action names ("…划给哪个部门了?" -> "…统一划入
    县行政审批局"), when the question asks of the action, not of a role, and the sentence that covers
    it names a body; or ""."""
    if _ROLE_ASKED.search(query.original) or query.lang == "en":
        return ""
    from assistant.support import support

    found = support(a, query, item)
    if not found or found[2] < SENTENCE_MIN or not NAMES_A_BODY.search(found[1]):
        return ""
    return found[1]


def reply(a, query: Query, hits, item: TaskItem) -> Iterator[dict]:
    """The item asked about names no unit at all, and the document states no rule for such items:
    who does it is not in the documents, and the reply says so, quoting the item — unless its own
    sentences give the work to units by name (`由县政府法制办公室进行统一审核`) in a document that
    prints no unit note anywhere: one that does, and prints none here, has given this item to
    nobody."""
    labelled = any(i.all_units for i in a.searcher.maps.by_doc.get(item.doc_id, ()))
    acting = [] if labelled else actor_sentences(item.text, query.topic, item.heading)
    if acting:
        who = fields.SEP.join(dict.fromkeys(n for names, _ in acting for n in names))
        said = "".join(f"“{sentence}”[{n}]" for n, (_, sentence) in enumerate(acting, start=1))
        text = (f"文件没有用牵头、责任单位的说法写这一项;按原文,这项工作由{who}承担:"
                f"{item.locality}{item.section}{said}")
        yield a.final(query, text, "answered", [(item, sentence) for _, sentence in acting], "fields")
        return
    told = _body_told(a, query, item)
    if told:  # "行政许可事项都划给哪个部门了?": an action's body, which its sentence names
        text = (f"文件没有用牵头、责任单位的说法写这一项;原文:{item.locality}{item.section}“{told}”[1]")
        yield a.final(query, text, "answered", [(item, told)], "fields")
        return
    author = "" if labelled else own_work_of(item)
    if author:  # a department's report on its own year: what it did, it did itself
        quote = a.quote(query, item)
        cited = [(item, quote)]
        # the opening that names the author is cited too: the reply names no body its citations lack
        opening = next((i for i in sorted(a.searcher.maps.by_doc.get(item.doc_id, ()), key=lambda i: i.span[0])
                        if author in i.text), None)
        said = next((x for x in sentences(opening.text) if author in x), "") if opening else ""
        if said and opening is not item:
            cited.append((opening, said.strip()))
        source = f";材料开头:“{said.strip()}”[2]" if len(cited) > 1 else ""
        text = (f"文件没有用牵头、责任单位的说法写这一项;这份材料是{author}写的自身工作情况,这一项写的是"
                f"{author}自己的工作:{item.locality}{item.section}“{quote}”[1]{source}")
        yield a.final(query, text, "answered", cited, "fields")
        return
    note = mark_notes.explained(a.searcher.maps.by_doc.get(item.doc_id, ()), item)
    if note:  # a placeholder the document explains (主办单位为“待明确”的任务，责任分工尚未确定): its answer
        text = (f"{item.locality}:该项没有确定的单位,单位栏原文:“{item.units_raw}”。依据:{item.section}"
                f"“{fields.short_heading(item)}”[1]。文件说明:“{note[1]}”[2]")
        yield a.final(query, text, "answered", [(item, a.quote(query, item)), note], "fields")
        return
    # a table row's blank or placeholder cells (主办单位：待明确) are what the document says instead
    shown = f"原文单位栏:“{item.units_raw}”" if item.units_raw else "该项没有列出任何单位"
    reason = f"文件没有写明这一项由哪个单位牵头或负责({shown})"
    yield a.not_found(query, hits, nearest_rule=(reason, item))
