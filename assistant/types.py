"""Citation and Answer: the one schema the CLI, the API and the evaluation share."""
from __future__ import annotations

from dataclasses import dataclass, field

from corpus.types import TaskItem

STATUSES = ("answered", "not_found", "clarify")


@dataclass(frozen=True)
class Citation:
    n: int
    item: TaskItem
    quote: str = ""  # the supporting sentence, verbatim from item.text

    def to_dict(self) -> dict:
        i = self.item
        return {
            "n": self.n, "item_id": i.item_id, "doc": i.doc, "title": i.title,
            "locality": i.locality, "section": i.section, "section_path": i.section_path,
            "lead_units": None if i.lead_units is None else list(i.lead_units),
            "responsible_units": list(i.responsible_units),
            "participating_units": list(i.participating_units),
            "text": i.text, "units_note": i.units_raw, "quote": self.quote, "span": list(i.span),
            "date": i.date, "doc_no": i.doc_no, "issuer": i.issuer, "addressee": i.addressee, "deadline": i.deadline,
            "score": f"{i.score}分" if i.score else "", "status": i.status,
            "truncated": i.truncated, "damaged": i.damaged,
        }


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    status: str = "answered"
    lang: str = "zh"
    citations: tuple[Citation, ...] = ()
    intent: str = ""
    path: str = ""  # fields | computed | llm | extractive | refusal: which answer path produced it
    timings: dict = field(default_factory=dict)
    id: str | None = None
    suggestions: tuple[str, ...] = ()  # nearest items (item ids) when nothing was found
    computed: tuple = ()  # assistant.compute.Computed: results the answer computed, with operands

    def to_dict(self) -> dict:
        return {
            "id": self.id, "question": self.question, "answer": self.text, "status": self.status,
            "lang": self.lang, "intent": self.intent, "path": self.path,
            "citations": [c.to_dict() for c in self.citations],
            "suggestions": list(self.suggestions),
            "computed": [c.to_dict() for c in self.computed],
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }
