"""Listing task items for the CLI and the API: filter by locality, document and unit role."""
from __future__ import annotations

import csv
import io
import json

from corpus.types import TaskItem

COLUMNS = ("item_id", "locality", "section", "lead_units", "responsible_units",
           "participating_units", "deadline", "text")


def _cell(value) -> str:
    if value is None:
        return "(未知)"
    if isinstance(value, (list, tuple)):
        return "、".join(value) or "—"
    return str(value)


def render(items: list[TaskItem], fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in items:
            writer.writerow([_cell(getattr(i, c)) for c in COLUMNS])
        return buf.getvalue().rstrip("\n")
    rows = []
    for i in items:
        lead = _cell(i.lead_units)
        extra = f"  配合:{_cell(i.participating_units)}" if i.participating_units else ""
        extra += f"  时限:{i.deadline}" if i.deadline else ""
        flag = f"  ⚠ {'; '.join(i.warnings)}" if i.warnings else ""
        rows.append(f"{i.item_id:<10} {i.locality:<6} {i.section:<18} 牵头:{lead}  责任:{_cell(i.responsible_units)}"
                    f"{extra}{flag}\n{'':<10} {i.text[:70]}{'…' if len(i.text) > 70 else ''}")
    rows.append(f"({len(items)} items)")
    return "\n".join(rows)


def render_document(parsed, items: list[TaskItem], fmt: str = "table") -> str:
    """A parsed file: its metadata, its items, and the parser's warnings."""
    doc = parsed.doc
    if fmt == "json":
        return json.dumps({**parsed.to_dict(), "items": [i.to_dict() for i in items]},
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        return render(items, "csv")
    tasks = [i for i in items if i.kind in ("task", "point")]
    head = [f"{doc.file}: {doc.title or '(无标题)'}",
            f"  地区 {doc.locality or '(未识别)'}{f' ({doc.level}级)' if doc.level else ''}  日期 {doc.date or '—'}"
            f"  文号 {doc.doc_no or '—'}  发文 {doc.issuer or '—'}  主送 {doc.addressee or '—'}  类型 {doc.kind or '—'}",
            f"  {len(tasks)} 个任务条目, {sum(1 for i in tasks if i.lead_units)} 个有牵头单位"]
    head += [f"  ⚠ {w}" for w in parsed.warnings]
    return "\n".join(head + [render(tasks, "table")])
