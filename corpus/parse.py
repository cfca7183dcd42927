"""The corpus: the bundled documents (through the same pipeline as any file, with the manifest's
person-decided overrides) and files added by a user."""
from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from corpus.load import load
from corpus.pipeline import document_of, items_of
from corpus.types import PolicyDoc, TaskItem

TASK_KINDS = ("task", "point")
_OVERRIDE_FIELDS = ("doc_id", "title", "locality", "kind", "issuer", "date", "doc_no", "level",
                    "unit_prefix", "notes")


def documents_dir() -> Path:
    return Path(str(resources.files("corpus").joinpath("documents")))


@lru_cache(maxsize=1)
def manifest() -> dict:
    return json.loads((documents_dir() / "manifest.json").read_text("utf-8"))


def localities() -> dict[str, dict]:
    """Canonical locality -> {'variants': [...], 'parents': [...]}, for question understanding."""
    return manifest()["localities"]


def _bundled_meta(name: str) -> dict | None:
    return next((m for m in manifest()["documents"] if m["file"] == name), None)


def _bundled_doc(meta: dict) -> PolicyDoc:
    """A bundled document without its items (they are built once, by `parse_document`)."""
    raw = load(documents_dir() / meta["file"])
    overrides = {k: meta[k] for k in _OVERRIDE_FIELDS if meta.get(k)}
    return document_of(raw, file=meta["file"], doc_id=meta["doc_id"], overrides=overrides)[0]


def bundled_documents() -> list[PolicyDoc]:
    return [_bundled_doc(m) for m in manifest()["documents"]]


def document_from_file(path: str | Path, locality: str = "", title: str = "") -> PolicyDoc:
    """A file: bundled overrides when it is one of ours, what its text says otherwise."""
    path = Path(path)
    meta = _bundled_meta(path.name)
    raw = load(path)
    if meta:
        overrides = {k: meta[k] for k in _OVERRIDE_FIELDS if meta.get(k)}
        doc = document_of(raw, file=path.name, doc_id=meta["doc_id"], overrides=overrides)[0]
        return replace(doc, locality=locality or doc.locality, title=title or doc.title)
    return document_of(raw, file=path.name, locality=locality, title=title)[0]


def parse_document(doc: PolicyDoc) -> list[TaskItem]:
    return items_of(doc)


def load_corpus(paths: list[str | Path] | None = None) -> list[tuple[PolicyDoc, list[TaskItem]]]:
    docs = bundled_documents() if not paths else [document_from_file(p) for p in paths]
    return [(doc, parse_document(doc)) for doc in docs]


def all_items(corpus: list[tuple[PolicyDoc, list[TaskItem]]]) -> list[TaskItem]:
    return [item for _, items in corpus for item in items]
