"""Unit corrections made by a person, kept apart from the parser's output so they survive a re-ingest.

One JSON file, `<data dir>/library/overrides.json`: document key -> item key -> the corrected
fields, the original ones (kept, shown next to the correction), who and when. An item key is the
item's id without its document prefix (stable while the text keeps its place); a new version of the
document finds the item again by that key, else by its printed number, else by identical text.
Writes are atomic (temporary file + rename), so a killed process leaves the previous file.
"""
from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import replace
from pathlib import Path

from corpus.types import TaskItem

UNIT_FIELDS = ("lead_units", "responsible_units", "participating_units")
ROLE_NAMES = {"lead_units": "牵头单位", "responsible_units": "责任单位", "participating_units": "参加单位"}
MARK = "人工校正"


def item_key(item: TaskItem) -> str:
    prefix = f"{item.doc_id}-"
    return item.item_id[len(prefix):] if item.item_id.startswith(prefix) else item.item_id


def units_of(item: TaskItem, field: str):
    value = getattr(item, field)
    return None if value is None else list(value)


def write_json(path: Path, data) -> None:
    """Atomic: a reader (or a process killed half-way) sees the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    os.replace(tmp, path)


class Overrides:
    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / "library" / "overrides.json"
        self._lock = threading.Lock()

    def load(self) -> dict:
        if not self.path.exists():
            return {}
        return json.loads(self.path.read_text("utf-8"))

    def for_doc(self, doc_key: str) -> dict:
        return self.load().get(doc_key, {})

    @staticmethod
    def record(item: TaskItem, fixed: dict, by: str, previous: dict | None = None) -> dict:
        """The stored correction: the fields set now (merged over earlier ones), the parser's values."""
        original = (previous or {}).get("original") or {f: units_of(item, f) for f in UNIT_FIELDS}
        return {"fixed": {**(previous or {}).get("fixed", {}), **fixed}, "original": original,
                "item_number": item.item_number, "text": item.text[:200], "by": by,
                "at": time.strftime("%Y-%m-%dT%H:%M:%S")}

    def set_many(self, doc_key: str, records: dict) -> None:
        with self._lock:
            data = self.load()
            data.setdefault(doc_key, {}).update(records)
            write_json(self.path, data)

    def drop_doc(self, doc_key: str) -> None:
        with self._lock:
            data = self.load()
            if data.pop(doc_key, None) is not None:
                write_json(self.path, data)


def find(records: dict, item: TaskItem) -> dict | None:
    """The correction for this item: by key, else by printed number, else by the same text."""
    if (rec := records.get(item_key(item))) is not None:
        return rec
    for rec in records.values():
        if item.item_number and rec.get("item_number") == item.item_number:
            return rec
    for rec in records.values():
        if rec.get("text") and rec["text"] == item.text[:200]:
            return rec
    return None


def apply(items: list[TaskItem], records: dict) -> list[TaskItem]:
    """Items with the corrected unit fields; the original stays in the record, not in the item."""
    if not records:
        return items
    out = []
    for item in items:
        rec = find(records, item)
        if rec:
            fields = {f: (None if v is None else tuple(v)) for f, v in rec["fixed"].items() if f in UNIT_FIELDS}
            if fields.get("responsible_units", ()) is None:
                fields["responsible_units"] = ()
            if fields.get("participating_units", ()) is None:
                fields["participating_units"] = ()
            item = replace(item, **fields)
        out.append(item)
    return out
