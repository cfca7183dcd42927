"""Gold question sets: loading and validating records (fields as in ../shared/dev-questions.jsonl)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

TYPES = ("lead_unit", "responsible_units", "fact_number", "fact_text", "which_doc", "cross_doc",
         "ambiguous", "summary", "multi_hop", "unanswerable", "follow_up", "adversarial", "unit_tasks")


@dataclass(frozen=True)
class GoldSource:
    doc: str
    locality: str
    section: str
    quote: str


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    type: str
    answer: str
    must_include: tuple[str, ...]
    may_not_include: tuple[str, ...]
    sources: tuple[GoldSource, ...]
    notes: str = ""
    history: tuple[dict, ...] = field(default_factory=tuple)  # earlier turns, for follow-ups
    lang: str = ""

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def parse_record(row: dict) -> GoldQuestion:
    for key in ("id", "question", "type", "must_include", "sources"):
        if key not in row:
            raise ValueError(f"{row.get('id', '?')}: missing field {key!r}")
    if row["type"] not in TYPES:
        raise ValueError(f"{row['id']}: unknown type {row['type']!r}")
    return GoldQuestion(
        id=row["id"], question=row["question"], type=row["type"], answer=row.get("answer", ""),
        must_include=tuple(row.get("must_include") or ()),
        may_not_include=tuple(row.get("may_not_include") or ()),
        sources=tuple(GoldSource(s["doc"], s["locality"], s.get("section", ""), s.get("quote", ""))
                      for s in row["sources"]),
        notes=row.get("notes", ""), history=tuple(row.get("history") or ()), lang=row.get("lang", ""),
    )


def data_dir() -> Path:
    return Path(str(resources.files("eval").joinpath("data")))


def load_set(name: str) -> list[GoldQuestion]:
    """'dev' | 'own' | 'all' | a path to a JSONL file."""
    if name == "all":
        return load_set("dev") + load_set("own")
    path = data_dir() / f"{name}.jsonl" if name in ("dev", "own") else Path(name)
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [parse_record(r) for r in rows]
