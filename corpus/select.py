"""Selecting task items by locality, document and a unit's role: "which tasks does 县司法局 lead"."""
from __future__ import annotations

from corpus.types import TaskItem
from corpus.units import canonical

ROLES = ("lead", "responsible", "participating", "any")
LEVEL_PREFIXES = ("县", "区", "市", "州", "郑州市")


def units_in_role(item: TaskItem, role: str) -> tuple[str, ...]:
    if role == "lead":
        return item.lead_units or ()
    if role == "responsible":
        return item.responsible_units
    if role == "participating":
        return item.participating_units
    return item.all_units


def unit_matches(item: TaskItem, unit: str, role: str = "any") -> bool:
    """Does `unit` hold `role` in `item`? Names are compared in the item's own locality's
    canonical form, so 县政府办 finds 县政府办公室 but 县司法局 never finds 市司法局. A name
    given without a level prefix (司法局) matches every level, each in its own locality."""
    names = units_in_role(item, role)
    if canonical(unit, item.locality) in names or unit in names:
        return True
    return not unit.startswith(LEVEL_PREFIXES) and any(n.endswith(unit) for n in names)


def filter_items(items, locality: str = "", doc: str = "", unit: str = "", role: str = "any",
                 kinds=("task", "point")) -> list[TaskItem]:
    return [
        item for item in items
        if (not kinds or item.kind in kinds)
        and (not locality or item.locality == locality)
        and (not doc or doc in (item.doc, item.doc_id))
        and (not unit or unit_matches(item, unit, role))
    ]
