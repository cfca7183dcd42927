"""Selecting task items by locality, document and a unit's role: "which tasks does 县司法局 lead"."""
from __future__ import annotations

import re

from corpus.types import TaskItem
from corpus.units import canonical, looks_like_unit

ROLES = ("lead", "responsible", "participating", "any")
LEVEL_PREFIXES = ("县", "区", "市", "州", "郑州市")


_ALIAS = re.compile(r"^(?P<name>.+?)[(（](?P<alias>[^()（）]+)[)）]$")


def names_of(unit: str) -> tuple[str, ...]:
    """A printed name and the names it carries: `市发展改革委(市营商办)` is also 市发展改革委 and
    市营商办 (one body, two names); `各县(市、区)人民政府` is only itself."""
    m = _ALIAS.match(unit)
    if m and looks_like_unit(m.group("name")) and looks_like_unit(m.group("alias")):
        return unit, m.group("name"), m.group("alias")
    return (unit,)


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
    names = {n for printed in units_in_role(item, role) for n in names_of(printed)}
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
