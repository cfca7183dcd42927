"""Maps over the served items, built once when the index is loaded: by locality, by document, by
unit name. A question about one unit or one document then touches only the items that can match,
never the whole corpus (a province has tens of thousands of items).

`ItemMaps.select` returns exactly what `corpus.select.filter_items` returns over all items, in
document order; it only narrows the candidates first.
"""
from __future__ import annotations

from functools import lru_cache

from corpus.select import LEVEL_PREFIXES, filter_items, names_of, units_in_role
from corpus.types import TaskItem
from corpus.units import canonical


class ItemMaps:
    def __init__(self, items):
        self.items: list[TaskItem] = sorted(items, key=lambda i: (i.doc_id, i.span[0]))
        self.by_locality: dict[str, list[TaskItem]] = {}
        self.by_doc: dict[str, list[TaskItem]] = {}
        self.by_unit: dict[str, list[TaskItem]] = {}  # every role
        for item in self.items:
            if item.locality:
                self.by_locality.setdefault(item.locality, []).append(item)
            self.by_doc.setdefault(item.doc_id, []).append(item)
            if item.doc != item.doc_id:
                self.by_doc.setdefault(item.doc, []).append(item)
            for name in dict.fromkeys(n for printed in units_in_role(item, "any") for n in names_of(printed)):
                self.by_unit.setdefault(name, []).append(item)
        self.unit_names = sorted(self.by_unit)
        self.first_of_doc: dict[str, TaskItem] = {}  # doc_id -> its first item, in doc_id order
        for item in self.items:
            self.first_of_doc.setdefault(item.doc_id, item)
        self._localities = tuple(sorted(self.by_locality))

    @lru_cache(maxsize=1024)
    def names_for(self, unit: str) -> tuple[str, ...]:
        """Every stored unit name `unit` can match in some item (see corpus.select.unit_matches):
        itself, its canonical form in each locality, and names ending with it when it has no
        level prefix. A loop over distinct names (hundreds), not items."""
        names = {unit} | {canonical(unit, loc) for loc in self._localities} | {canonical(unit, "")}
        if not unit.startswith(LEVEL_PREFIXES):
            names |= {n for n in self.unit_names if n.endswith(unit)}
        return tuple(n for n in names if n in self.by_unit)

    def select(self, locality: str = "", doc: str = "", unit: str = "", role: str = "any",
               kinds=("task", "point")) -> list[TaskItem]:
        pools = []
        if locality:
            pools.append(self.by_locality.get(locality, []))
        if doc:
            pools.append(self.by_doc.get(doc, []))
        if unit:
            seen: dict[str, TaskItem] = {}
            for name in self.names_for(unit):
                for item in self.by_unit[name]:
                    seen.setdefault(item.item_id, item)
            pools.append(list(seen.values()))
        pool = min(pools, key=len) if pools else self.items
        chosen = filter_items(pool, locality=locality, doc=doc, unit=unit, role=role, kinds=kinds)
        return sorted(chosen, key=lambda i: (i.doc_id, i.span[0]))
