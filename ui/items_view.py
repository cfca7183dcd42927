"""Listing task items for the CLI and the API: filter by locality, document and unit role."""
from __future__ import annotations

import csv
import io
import json

from corpus.types import TaskItem
from corpus.units import canonical

ROLES = ("lead", "responsible", "participating", "any")


def _units_for(item: TaskItem, role: str) -> tuple[str, ...]:
    if role == "lead":
        return item.lead_units or ()
    if role == "responsible":
        return item.responsible_units
    if role == "participating":
        return item.participating_units
    return item.all_units


LEVEL_PREFIXES = ("县", "区", "市", "州", "郑州市")


def unit_matches(item: TaskItem, unit: str, role: str = "any") -> bool:
    """Does `unit` hold `role` in `item`? Names are compared in the item's own locality's
    canonical form, so 县政府办 finds 县政府办公室 but 县司法局 never finds 市司法局. A name
    given without a level prefix (司法局) matches every level, each in its own locality."""
    names = _units_for(item, role)
    if canonical(unit, item.locality) in names or unit in names:
        return True
    return not unit.startswith(LEVEL_PREFIXES) and any(n.endswith(unit) for n in names)


def filter_items(items, locality: str = "", doc: str = "", unit: str = "", role: str = "any",
                 kinds=("task", "point")) -> list[TaskItem]:
    out = []
    for item in items:
        if kinds and item.kind not in kinds:
            continue
        if locality and locality not in (item.locality,):
            continue
        if doc and doc not in (item.doc, item.doc_id):
            continue
        if unit and not unit_matches(item, unit, role):
            continue
        out.append(item)
    return out


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
