"""The one way from a file to task items: load → clean → metadata → outline → items → units →
deadline. `read_document` is what `policyqa ingest`, `policyqa items` and the admin upload call;
it returns the document, its items and the warnings a person should check before trusting them.

Two quirks of the bundled corpus are handled by their own readers, chosen by what the text looks
like, never by file name (`_quirk`): a paged web preview whose items run together with no line
breaks (001) and paragraphs whose numbering markers are mostly lost (003). Everything else — the
other three bundled documents included — goes through the general stages.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus import assignments
from corpus import clean as cleaning
from corpus import items as itemizing
from corpus import note_rules, section_notes, table_items, unit_division, unit_headings
from corpus.load import TEXT_SUFFIXES, load
from corpus.metadata import next_document, read_metadata, trailing_signature
from corpus.text import first_sentence
from corpus.types import PolicyDoc, TaskItem
from corpus.units import canonical_all, nfkc

_NO_LEAD_RULE = re.compile(r"未(?:明确|标注|注明|列明)牵头单位的[^。]{0,40}")


@dataclass(frozen=True)
class ParsedDocument:
    doc: PolicyDoc
    items: list[TaskItem]
    warnings: list[str] = field(default_factory=list)  # document-level doubts, in Chinese

    def to_dict(self) -> dict:
        return {"document": self.doc.meta(), "items": [i.to_dict() for i in self.items],
                "warnings": list(self.warnings)}


def read_document(path: str | Path, *, locality: str = "", title: str = "", doc_id: str = "",
                  overrides: dict | None = None) -> ParsedDocument:
    """Parse one file. `locality` / `title` / `overrides` are what a person decided; they win over
    what the text says. Raises `DocumentError` with a message for the user when unreadable."""
    path = Path(path)
    raw = load(path)
    return parse_text(raw, file=path.name, locality=locality, title=title, doc_id=doc_id,
                      overrides=overrides)


def parse_text(raw: str, *, file: str, locality: str = "", title: str = "", doc_id: str = "",
               overrides: dict | None = None) -> ParsedDocument:
    doc, header_end, locality_known = document_of(raw, file=file, locality=locality, title=title,
                                                  doc_id=doc_id, overrides=overrides)
    items = _items(doc, header_end)
    return ParsedDocument(doc, items, _warnings(doc, items, doc.text, locality_known))


def document_of(raw: str, *, file: str, locality: str = "", title: str = "", doc_id: str = "",
                overrides: dict | None = None) -> tuple[PolicyDoc, int, bool]:
    """The stages up to metadata: (the document, the line where its notice ends, whether its
    locality is known). For callers that want the document and build its items later."""
    text = cleaning.clean(raw, plain_text=Path(file).suffix.lower() in TEXT_SUFFIXES)
    meta = read_metadata(text)
    end = next_document(text, meta.doc_no)
    if end is not None:  # the start of the next document on the same pages is not this one's
        text = text[:end].rstrip() + "\n"
    fields = {
        "doc_id": doc_id or hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10],
        "file": file, "title": meta.title or _first_line(text), "locality": meta.locality,
        "kind": meta.kind, "issuer": meta.issuer, "date": meta.date, "doc_no": meta.doc_no,
        "addressee": meta.addressee, "level": meta.level, "unit_prefix": meta.level if meta.level in ("县", "区", "市") else "",
    }
    for key, value in (overrides or {}).items():
        if key in PolicyDoc.__dataclass_fields__ and value not in (None, ""):
            fields[key] = value
    if locality:
        fields["locality"] = locality
    if title:
        fields["title"] = title
    doc = PolicyDoc(**fields, layout=_quirk(text) or "general", text=text)
    return doc, meta.header_end, bool(locality or meta.locality)


def items_of(doc: PolicyDoc) -> list[TaskItem]:
    """The items of a document already cleaned (its text is `doc.text`)."""
    return _items(doc, read_metadata(doc.text).header_end)


def _first_line(text: str) -> str:
    return next((ln.strip()[:60] for ln in text.split("\n") if ln.strip()), "")


def _quirk(text: str) -> str:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if lines and max(len(ln) for ln in lines) > 3000 and len(re.findall(r"牵头单位\s*[:：]", text)) >= 5:
        return "paged_inline"  # a whole plan on one line (a paged preview joined back together)
    damaged = sum(bool(re.match(r"^[一二三四五六七八九十]{1,3}\)", ln.strip())) for ln in lines)
    notes = sum(bool(re.search(r"按职责(?:分工)?负责〕?\s*$", ln)) for ln in lines)
    if damaged >= 5 and notes >= 10:
        return "bracket_notes"  # `(N)` markers mostly lost: items are paragraphs in order
    return ""


def _items(doc: PolicyDoc, header_end_line: int) -> list[TaskItem]:
    if doc.layout in ("paged_inline", "bracket_notes"):
        from corpus.layouts import bracket_notes, paged_inline

        return (paged_inline if doc.layout == "paged_inline" else bracket_notes).parse(doc)
    text = doc.text
    rules = note_rules.read_rules(text)
    body_start = _offset_of_line(text, header_end_line)
    drafts = assignments.apply(text, itemizing.build(text, body_start, rules), rules)
    drafts = unit_division.apply(text, drafts)
    drafts = unit_headings.apply(text, section_notes.apply(text, drafts, rules))
    drafts = _safeguards_are_prose(drafts, text)
    closing = trailing_signature(text)
    if closing is not None and any(d.start < closing < d.end for d in drafts):
        # the 落款 after the last task is the document's, not the task's text: an item of its own
        for d in drafts:
            if d.start < closing < d.end:
                d.end = len(text[:closing].rstrip())
        drafts.append(itemizing.Draft("closing", closing, len(text.rstrip()), []))
    out: list[TaskItem] = []
    if body_start > 0 and text[:body_start].strip():
        start = len(text[:body_start]) - len(text[:body_start].lstrip())
        out.append(_item(doc, "p0", itemizing.Draft("preamble", start, body_start, []), ordinal=0))
    rule = document_rule(text)
    ordinal = 0
    for d in drafts:
        if rule and d.kind == "task" and d.units is not None and not d.units.lead:
            d.notes_rule = rule
        if d.kind == "task" and itemizing.is_closing(text[d.start:d.end], d.units):
            d.kind = "closing"
        if d.kind == "task":
            ordinal += 1
            if "报告" in doc.kind:
                d.kind = "point"  # a report's points state what was done, not tasks with owners
            out.append(_item(doc, str(ordinal), d, ordinal))
        else:
            out.append(_item(doc, f"{d.kind[0]}{d.start}", d, 0))
    return [i for i in out if i.text]


# (and the opening 总体要求 / 指导思想 / 工作目标, which says why and to what end)
_SAFEGUARDS = re.compile(r"保障|组织实施|工作要求|组织领导|有关要求|实施步骤|工作步骤|总体要求|指导思想|工作目标|基本原则")


def _safeguards_are_prose(drafts: list[itemizing.Draft], text: str) -> list[itemizing.Draft]:
    """A plan's closing 保障措施 / 组织实施 / 工作要求 section says how the tasks are to be carried out
    (and its opening 总体要求 why)
    (压实工作责任, 强化督查考核); where the plan's tasks name their units and none of that section's
    entries does, its entries are prose, not tasks to count or to assign."""
    tasks = [d for d in drafts if d.kind == "task"]
    has_units = [d for d in tasks if d.units is not None and not d.units.empty]
    if len(has_units) < max(3, 0.6 * len(tasks)):
        return drafts
    sections: dict[tuple, list[itemizing.Draft]] = {}
    for d in tasks:
        if d.path and _SAFEGUARDS.search(nfkc(d.path[0][1])[:16]):
            sections.setdefault(tuple(d.path[0]), []).append(d)
        elif not d.path and _SAFEGUARDS.search(nfkc(text[d.start:d.end].split("\n", 1)[0])[:16]):
            sections.setdefault((d.number, d.start), []).append(d)  # a top-level section of prose alone
    for entries in sections.values():
        if all(d.units is None or d.units.empty for d in entries):
            for d in entries:
                d.kind = "prose"
    return drafts


def _offset_of_line(text: str, line_index: int) -> int:
    if line_index <= 0:
        return 0
    pos = 0
    for _ in range(line_index):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _joined(tokens: list[str]) -> str:
    """Heading numbers run together (四、(十三)), apart where two would read as one (1 1.2)."""
    out = ""
    for t in tokens:
        out += (" " if out and out[-1].isdigit() and t[:1].isdigit() else "") + t
    return out


def _short(token: str) -> str:
    return nfkc(token).strip()


def _item(doc: PolicyDoc, local_id: str, d: itemizing.Draft, ordinal: int) -> TaskItem:
    start, end = d.start, d.end
    while start < end and doc.text[start] in " \t\n\u00a0\u3000•·":
        start += 1
    while end > start and doc.text[end - 1] in " \t\n\u00a0\u3000":
        end -= 1
    text = row_text = doc.text[start:end]
    if d.periods:  # a plan's targets, each said with its period (`2027年：压减至8天`)
        text += "\n" + "；".join(f"{label}：{cell}" for label, cell in d.periods)
    if d.quoted:  # the parent plan's task and lead this row takes over: searchable, never this item's units
        text += "\n" + d.quoted
    if d.progress:  # a ledger row's progress is said with the task: it answers what was done so far
        text += f"\n进展情况:{d.progress}"
    tokens = [_short(t) for t, _ in d.path]
    if d.kind in ("task", "point"):
        own = _short(d.number) if d.number else (f"•[{d.number_int}]" if d.inferred else "")
        if own and re.fullmatch(r"\d+", own):
            own += "."
        parents = _joined([t for t in tokens if not t.endswith("是")])
        glue = "" if own.startswith("(") else " "  # 四、(十三) but 七、(二十) 49. and 一、(九) 三是
        section = (parents + glue + own).strip() or "正文"
    else:
        section = _joined(tokens) or {"preamble": "前言", "closing": "落款"}.get(d.kind, "正文")
    full = " > ".join([h for _, h in d.path] + ([d.number] if d.number else []))
    units = d.units
    lead: tuple[str, ...] | None = ()
    resp: tuple[str, ...] = ()
    part: tuple[str, ...] = ()
    if units is not None:
        lead = canonical_all(units.lead, doc.locality)
        resp = canonical_all(units.responsible, doc.locality)
        part = canonical_all(units.participating, doc.locality)
    warnings = []
    if d.kind == "task" and (units is None or units.empty):  # report points carry no units by nature
        warnings.append("未找到责任单位")
    if getattr(d, "notes_rule", ""):
        warnings.append("文件约定: " + d.notes_rule)
    return TaskItem(
        item_id=f"{doc.doc_id}-{local_id}", doc_id=doc.doc_id, doc=doc.file, title=doc.title,
        locality=doc.locality, section=section, section_path=full or section, text=text,
        span=(start, end), item_no=d.number_int if d.kind in ("task", "point") else None,
        item_no_inferred=d.inferred,
        # a card's own title line, else the first sentence (a row: its first text cell)
        heading=d.title.strip() or first_sentence(re.sub(r"^[一二三四五六七八九十]+是", "", row_text.strip()).split("\t")[0].split("\n")[0]),
        lead_units=lead, responsible_units=resp, participating_units=part,
        units_raw="；".join(d.notes) or d.printed_units, doc_kind=doc.kind, date=doc.date, kind=d.kind,
        deadline=d.deadline, score=d.score, score_checked=d.score_checked, status=d.status, item_number=d.number,
        warnings=tuple(warnings),
        doc_no=doc.doc_no, issuer=doc.issuer, addressee=doc.addressee,
    )


def _warnings(doc: PolicyDoc, items: list[TaskItem], text: str, locality_known: bool) -> list[str]:
    out = []
    tasks = [i for i in items if i.kind in ("task", "point")]
    if not locality_known:
        out.append("未能从文件中识别所属地区 (locality unknown): 请在上传时填写地区。")
    if not tasks:
        out.append("未识别出任务条目: 文件没有可识别的编号结构,已按段落处理。")
    with_units = [i for i in tasks if i.all_units]
    if tasks and with_units and len(with_units) < len(tasks):
        missing = [i.section for i in tasks if not i.all_units]
        out.append(f"{len(missing)} 个条目没有找到责任单位,而文件其他条目有: " + "、".join(missing[:8]))
    cols = table_items.unmapped(text)
    if cols:
        out.append("表格中有无法识别的列: " + "、".join(dict.fromkeys(cols)))
    if table_items.has_unmapped_table(text):
        out.append("文件中有表格,但表头无法识别(需要“牵头单位”“责任单位”等列名): 表格行已按普通段落处理。")
    rule = document_rule(text)
    if rule:
        out.append("文件约定: " + rule)
    return out


def document_rule(text: str) -> str:
    """A rule the document states for items without a lead ("未明确牵头单位的，由…分别负责")."""
    m = _NO_LEAD_RULE.search(nfkc(text[:8000]))
    return m.group(0) if m else ""


def with_overrides(parsed: ParsedDocument, **fields) -> ParsedDocument:
    doc = replace(parsed.doc, **{k: v for k, v in fields.items() if v})
    return ParsedDocument(doc, parsed.items, parsed.warnings)
