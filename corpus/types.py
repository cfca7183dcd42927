"""The types that cross folders: a policy document and its task items."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class PolicyDoc:
    """One document as listed in the manifest, plus its cleaned text."""

    doc_id: str  # short stable key: "000" for the bundled files, a content hash for added ones
    file: str  # file name, e.g. "000_e5cb4a57eaca61ed.txt"
    title: str
    locality: str
    kind: str = ""
    issuer: str = ""
    date: str = ""
    doc_no: str = ""
    addressee: str = ""  # 主送: who the notice or report is addressed to ("檀峰市人民政府")
    layout: str = "general"  # "general", or the quirk reader used (see corpus.layouts)
    unit_prefix: str = ""  # the level prefix of the locality's own units: 县 / 区 / 市
    level: str = ""  # the locality's level: 省 / 市 / 县 / 区 / 州 … ("" when unknown)
    notes: str = ""
    text: str = field(default="", repr=False)  # cleaned text: every item span points into it

    def meta(self) -> dict:
        d = asdict(self)
        d.pop("text")
        return d


@dataclass(frozen=True)
class TaskItem:
    """One task item (or report point): the unit of retrieval, citation and answer.

    `lead_units` is None when unknown (a truncated item), an empty tuple when the document names no
    lead. Unit tuples hold canonical names (see corpus.units); `units_raw` keeps the text as printed.
    `span` is (start, end) in the cleaned document text, so `doc.text[start:end] == text`.
    """

    item_id: str
    doc_id: str
    doc: str
    title: str
    locality: str
    section: str  # short path, e.g. "七、(二十) 49."
    section_path: str  # full headings joined with " > "
    text: str
    span: tuple[int, int]
    item_no: int | None = None
    item_no_inferred: bool = False
    heading: str = ""  # the run-in heading sentence, or the subsection title
    lead_units: tuple[str, ...] | None = ()
    responsible_units: tuple[str, ...] = ()
    participating_units: tuple[str, ...] = ()
    units_raw: str = ""
    truncated: bool = False
    damaged: bool = False
    doc_kind: str = ""
    date: str = ""
    # "task" (a task item), "point" (a report point), "preamble" / "prose" / "closing" (text that
    # belongs to no item but can still answer a question, e.g. a repeal clause)
    kind: str = "task"
    deadline: str = ""  # as written in a 完成时限 / 时间节点 field or column; "" when none
    score: str = ""  # an assessment indicator's points, as printed in its 分值 column; "" when none
    score_checked: bool = False  # its table's 合计 equals the sum of the rows' points: they may be added
    status: str = ""  # a progress ledger's 完成状态 (已完成 / 序时推进 / 滞后 …); "" when none
    item_number: str = ""  # the number as printed: "12", "(三)", "第五条", "①", "二是"
    warnings: tuple[str, ...] = ()  # what the parser doubts about this item (no units, …)
    doc_no: str = ""  # the document's 文号 and issuer, carried so a citation can name them
    issuer: str = ""
    addressee: str = ""

    @property
    def all_units(self) -> tuple[str, ...]:
        return (self.lead_units or ()) + self.responsible_units + self.participating_units

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        for key in ("lead_units", "responsible_units", "participating_units"):
            if d[key] is not None:
                d[key] = list(d[key])
        return d
