"""Fallback for a document of unknown layout: headings and paragraphs, units when labelled.

Heading lines (`一、` `(一)` `第一章`…, short, no full stop) build the section path; every other
paragraph is an item. Units are taken from label lines that follow a paragraph (`牵头单位:`),
from labels inside it, or from a bracket note `〔…牵头…〕` at its end. A file with no structure
at all still gives one item per paragraph, so a new policy file is usable at once.
"""
from __future__ import annotations

import re

from corpus.layouts._build import LABEL_RE, lines_of, make_item, parse_labels, units_from_roles
from corpus.layouts.bracket_notes import note_units, split_note
from corpus.types import PolicyDoc, TaskItem

HEADING_RE = re.compile(
    r"^\s*(第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+、|[(\uff08][一二三四五六七八九十]+[)\uff09]|#+\s)"
)
MAX_PARAGRAPH = 1200  # characters; longer paragraphs are cut at sentence ends


def clean(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def parse(doc: PolicyDoc) -> list[TaskItem]:
    items: list[TaskItem] = []
    path: list[str] = []
    pending: tuple | None = None  # (start, end, line no, units lines)

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        start, end, no, unit_lines = pending
        paragraph = doc.text[start:end]
        fields: dict = {}
        inline = LABEL_RE.search(paragraph)
        raw = "\n".join(unit_lines)
        if unit_lines:
            fields = units_from_roles(parse_labels(raw), doc.locality)
        elif inline and inline.start() > 0:
            raw = paragraph[inline.start():]
            fields = units_from_roles(parse_labels(raw), doc.locality)
            end = start + inline.start()
        else:
            at, note, damaged = split_note(paragraph, doc.locality)
            if note and not damaged:
                raw, fields, end = note, note_units(note, doc.locality, False), start + at
        section = " ".join(p.split(" ")[0][:12] for p in path[-2:]) or "正文"
        items.append(make_item(doc, f"g{no}", section, " > ".join(path) or "正文", start, end,
                               units_raw=raw, **fields))
        pending = None

    for line in lines_of(doc.text):
        if line.blank:
            continue
        text = line.text.strip()
        if LABEL_RE.match(text) and pending is not None:
            pending[3].append(text)
            continue
        if HEADING_RE.match(text) and len(text) <= 40 and "。" not in text:
            flush()
            level = 0 if re.match(r"^(第|[一二三四五六七八九十]+、|#\s)", text) else 1
            path = path[:level] + [text]
            continue
        flush()
        # Very long paragraphs become several items so each stays a readable citation.
        start = line.start
        while line.end - start > MAX_PARAGRAPH:
            cut = doc.text.rfind("。", start, start + MAX_PARAGRAPH) + 1 or start + MAX_PARAGRAPH
            pending = (start, cut, f"{line.no}.{start}", [])
            flush()
            start = cut
        pending = (start, line.end, str(line.no), [])
    flush()
    return [i for i in items if i.text]
