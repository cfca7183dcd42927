"""The first step of a two-step unit question, and the measures both kinds of second step use:
`resolve` finds A's item ("牵头A的那个单位…": the item whose heading, then text, best covers A);
`coverage_of`, `first_sentence` and `said_as` read an item's words and the unit names in it.
"""
from __future__ import annotations

import re

from assistant.question_text import quoted_phrases
from assistant.topic import topic_of
from assistant.understand import Query
from corpus.text import normalize
from corpus.types import TaskItem

TASK_KINDS = ("task", "point")


# "…在B那条里是什么角色?" / "…是牵头还是配合?": the unit's role in another item
ROLE_ASK = (r"(是|算|当|担任)(的|个)?是?(什么|啥|哪种)角色|是牵头还是|(牵头|配合|负责)还是(配合|参与|负责|牵头)|(什么|啥)身份|"
            # "…在B那条里有它吗?", "…算啥?", "…还挂牵头吗?": whether and how it is named in B
            r"有(没有)?它(吗|么|没有?)?|有没有(这个|该)?(单位|部门|局)|算(啥|什么)|(还|也)?(挂|是|算)牵头(吗|么|没有?)|"
            r"是不是(也|还)?(牵头|负责)|(也|还)(牵头|负责)(吗|么|没有?)|"
            # "…在别的任务里还有份吗?", "还露面没": whether it is named elsewhere, in any part
            r"(还|也)有(没有)?(它的)?份|(还|也)(出现|露面|露脸|挂名|被点名)")


HEADING_WEIGHT = 0.6  # A is named by its heading more often than by a phrase deep in the text
MIN_A = 0.45
MIN_B_HEADING = 0.5
MIN_B_TEXT = 0.8
LIST_MAX = 8


def resolve(a, query: Query, first: str) -> list[tuple[float, TaskItem]]:
    topic = topic_of(first, query.localities)
    found = [hit.item for hit in a.searcher.search(first, k=8, localities=list(query.localities) or None)]
    phrases = [normalize(p) for p in quoted_phrases(first)]
    says: set[str] = set()  # A quoted ("牵头“139”工作模式那家单位") is the item that says it, wherever it ranks
    if phrases:
        says = {i.item_id for i in a.items if all(p in normalize(i.text) for p in phrases)
                and (not query.localities or i.locality in query.localities)}
        ranked = {i.item_id for i in found}
        found = ([i for i in found if i.item_id in says] + [i for i in a.items if i.item_id in says - ranked]) or found
    scored = []
    for rank, item in enumerate(found):
        if item.kind not in TASK_KINDS or not item.lead_units:
            continue
        head = a.evidence.coverage(topic, f"{item.section_path}{item.heading}") or 0.0
        whole = a.relevance(Query(**{**query.__dict__, "topic": topic}), item)
        pinned = 1.0 if item.item_id in says else 0.0
        scored.append((pinned + HEADING_WEIGHT * head + (1 - HEADING_WEIGHT) * whole - 0.01 * rank, item))
    return sorted(scored, key=lambda s: -s[0])


def said_as(a, unit: str, text: str, locality: str) -> str:
    """How `text` names `unit`: in full, or by a short form the unit names know; "" if not."""
    if unit in text:
        return unit
    mention = a.unit_names.find(text, (locality,))
    return mention.said if mention and mention.name == unit else ""


def coverage_of(a, topic: str, text: str) -> float:
    return a.evidence.coverage(topic, text) or 0.0


def first_sentence(item: TaskItem) -> str:
    return re.split(r"(?<=[。;；])", item.text, maxsplit=1)[0]
