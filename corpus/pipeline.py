"""The one entry point from a file to task items: load → clean → metadata → outline → items →
units → deadline. `read_document` is what `policyqa ingest`, `policyqa items` and the admin upload
call; it returns the document, its items and the parser's warnings for a person to check."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from corpus.types import PolicyDoc, TaskItem


@dataclass(frozen=True)
class ParsedDocument:
    doc: PolicyDoc
    items: list[TaskItem]
    warnings: list[str] = field(default_factory=list)  # document-level doubts, in Chinese

    def to_dict(self) -> dict:
        return {"document": self.doc.meta(), "items": [i.to_dict() for i in self.items],
                "warnings": list(self.warnings)}


def read_document(path: str | Path, *, locality: str = "", title: str = "") -> ParsedDocument:
    """Parse one file. `locality` / `title` are a person's overrides of what the text says.
    Raises `DocumentError` with a message for the user when the file cannot be read."""
    from corpus.parse import document_from_file, parse_document

    doc = document_from_file(path, locality=locality, title=title)
    return ParsedDocument(doc, parse_document(doc), [])
