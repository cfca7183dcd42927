"""Documents -> TaskItems: the bundled corpus (manifest + precise layouts) and added files."""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from corpus.layouts import (
    bracket_notes,
    generic,
    labelled_lines,
    paged_inline,
    report_points,
)
from corpus.loaders import read_text
from corpus.types import PolicyDoc, TaskItem

# layout name (manifest) -> (clean, parse)
PARSERS = {
    "labelled_lines": (labelled_lines.clean, labelled_lines.parse),
    "labelled_lines_paren": (labelled_lines.clean, labelled_lines.parse_paren),
    "paged_inline": (paged_inline.clean, paged_inline.parse),
    "report_points": (report_points.clean, report_points.parse),
    "bracket_notes": (bracket_notes.clean, bracket_notes.parse),
    "generic": (generic.clean, generic.parse),
}

TASK_KINDS = ("task", "point")


def documents_dir() -> Path:
    return Path(str(resources.files("corpus").joinpath("documents")))


@lru_cache(maxsize=1)
def manifest() -> dict:
    return json.loads((documents_dir() / "manifest.json").read_text("utf-8"))


def localities() -> dict[str, dict]:
    """Canonical locality -> {'variants': [...], 'parents': [...]}, for question understanding."""
    return manifest()["localities"]


def prepare(meta: dict, raw: str) -> PolicyDoc:
    layout = meta.get("layout") or "generic"
    clean, _ = PARSERS[layout]
    fields = {k: v for k, v in meta.items() if k in PolicyDoc.__dataclass_fields__}
    return PolicyDoc(**{**fields, "layout": layout, "text": clean(raw)})


def parse_document(doc: PolicyDoc) -> list[TaskItem]:
    _, parse = PARSERS.get(doc.layout, PARSERS["generic"])
    items = parse(doc)
    if not any(i.kind in TASK_KINDS for i in items) and doc.layout != "generic":
        items = generic.parse(doc)  # the precise rules found nothing: degrade, don't fail
    return items


def bundled_documents() -> list[PolicyDoc]:
    base = documents_dir()
    return [prepare(m, read_text(base / m["file"])) for m in manifest()["documents"]]


def document_from_file(path: str | Path, locality: str = "", title: str = "") -> PolicyDoc:
    """An added file: bundled metadata when it is one of ours, the generic layout otherwise."""
    path = Path(path)
    raw = read_text(path)
    for meta in manifest()["documents"]:
        if meta["file"] == path.name:
            doc = prepare(meta, raw)
            return replace(doc, locality=locality or doc.locality, title=title or doc.title)
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]
    first_line = next((ln.strip() for ln in raw.splitlines() if ln.strip()), path.stem)
    meta = {
        "doc_id": digest,
        "file": path.name,
        "title": title or first_line[:60],
        "locality": locality or guess_locality(raw),
        "layout": "generic",
    }
    return prepare(meta, raw)


def guess_locality(text: str) -> str:
    """The known locality named most often in the first 2,000 characters, else ''."""
    head = text[:2000]
    best, count = "", 0
    for name, info in localities().items():
        n = sum(head.count(v) for v in info["variants"] if len(v) >= 2)
        if n > count:
            best, count = name, n
    return best


def load_corpus(paths: list[str | Path] | None = None) -> list[tuple[PolicyDoc, list[TaskItem]]]:
    docs = bundled_documents() if not paths else [document_from_file(p) for p in paths]
    return [(doc, parse_document(doc)) for doc in docs]


def all_items(corpus: list[tuple[PolicyDoc, list[TaskItem]]]) -> list[TaskItem]:
    return [item for _, items in corpus for item in items]
