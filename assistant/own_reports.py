"""A department's report on its own year, asked what the department did ("武汉市司法局2023年在抓考核
落实上具体干了啥?", "市司法局去年做了哪些工作?").

A report a single department writes about itself (`武汉市司法局关于2023年度法治政府建设情况的报告`)
prints no unit note: every point is the author's own work (see assistant.actors.own_work_of). Asked
for that department's work, the reply lists the report's points — the ones about the topic the
question names when some are, else every point by its heading — and says whose report it is.
"""
from __future__ import annotations

from assistant import unit_lists
from assistant.actors import own_work_of
from assistant.route_sections import gist
from corpus.types import TaskItem

_MOST_QUOTED = 4  # points quoted whole; a longer list gives each point's heading only


def local_name(author: str, locality: str) -> str:
    """The author as the report's own unit notes would print it: 武汉市司法局 in 武汉市 is 市司法局."""
    if locality and author.startswith(locality) and len(author) > len(locality) + 1:
        return locality[-1] + author[len(locality):]
    return author


def reports_by(a, unit: str, names, localities=(), docs=()) -> list[TaskItem]:
    """The points, in document order, of the reports that `unit` (or one of `names`) wrote about its
    own work, in the places or documents asked."""
    wanted = {unit, *names}
    found = []
    for doc_id, items in a.searcher.maps.by_doc.items():
        first = items[0] if items else None
        if first is None or (localities and first.locality not in localities) or (docs and doc_id not in docs):
            continue
        author = own_work_of(first)
        if author and (author in wanted or local_name(author, first.locality) in wanted):
            found += sorted((i for i in items if i.kind in ("task", "point")), key=lambda i: i.span[0])
    return list({i.item_id: i for i in found}.values())


def own_work_reply(a, query) -> tuple[str, list] | None:
    """(reply, citations) for a department asked what it did, from its own report; None when no
    report in the places asked is that department's."""
    names = a.searcher.maps.names_for(query.unit)
    items = reports_by(a, query.unit, names, query.localities, query.docs)
    if not items:
        return None
    author = own_work_of(items[0])
    topic = query.topic
    for name in sorted({query.unit, author, local_name(author, items[0].locality), *names}, key=len, reverse=True):
        topic = topic.replace(name, "")  # the unit is who is asked about, not what
    chosen = unit_lists.items_about(a.evidence, [topic], items) if a.evidence.has_content(topic) else []
    titles = "".join(f"《{t}》" for t in dict.fromkeys(i.title for i in items))  # (two years' reports: both)
    which = "这份材料" if len({i.doc_id for i in items}) == 1 else "这些材料"
    head = f"{which}是{author}写的自身工作情况({titles}),其中写的都是{author}自己的工作"
    if chosen and len(chosen) <= _MOST_QUOTED:
        lines = [head + f";与所问有关的是{len(chosen)}处:"]
        cited = [(i, gist(i.text, 200)) for i in chosen]
        lines += [f"[{n}] {i.locality}{i.section}“{quote}”" for n, (i, quote) in enumerate(cited, start=1)]
    else:
        chosen = chosen or items
        lines = [head + f",共{len(chosen)}点:"]
        cited = [(i, i.heading or gist(i.text, 60)) for i in chosen]
        lines += [f"[{n}] {i.locality}{i.section}“{quote}”" for n, (i, quote) in enumerate(cited, start=1)]
    return "\n".join(lines), cited
