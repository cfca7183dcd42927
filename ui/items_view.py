"""Listing task items for the CLI and the API: filter by locality, document and unit role."""
from __future__ import annotations

import csv
import io
import json

from corpus.types import TaskItem

COLUMNS = ("item_id", "locality", "section", "lead_units", "responsible_units",
           "participating_units", "text")


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
        rows.append(f"{i.item_id:<10} {i.locality:<6} {i.section:<18} 牵头:{lead}  责任:{_cell(i.responsible_units)}\n"
                    f"{'':<10} {i.text[:70]}{'…' if len(i.text) > 70 else ''}")
    rows.append(f"({len(items)} items)")
    return "\n".join(rows)
