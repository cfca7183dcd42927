"""The working types of the item stage: a line of the cleaned text with what it starts with, and
an item being assembled (spans into the text, its heading path, its unit note)."""
from __future__ import annotations

from dataclasses import dataclass, field

from corpus.cells import TABLE_SEP
from corpus.outline import Marker, marker_of
from corpus.units import LABEL_RE, Units, is_note_line
from corpus.text import paren_open


@dataclass
class Line:
    start: int
    text: str
    marker: Marker | None = None
    label: bool = False  # a unit-note line (牵头单位：…)
    row: list[str] | None = None  # table cells
    wrapped: bool = False  # printed on from a bracket the line above left open (a hard-wrapped note)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Draft:
    """An item being assembled: spans into the text, its path, and its notes."""

    kind: str
    start: int
    end: int
    path: list[tuple[str, str]]  # (token, full heading) from the top
    number: str = ""
    number_int: int | None = None
    inferred: bool = False
    heading: str = ""
    title: str = ""  # a title line of its own the item was read with (a card's): its heading when shown
    notes: list[str] = field(default_factory=list)
    units: Units | None = None
    deadline: str = ""
    notes_rule: str = ""  # the document's rule for items without a lead, when this one has none
    score: str = ""  # an assessment indicator's points, as printed (分值 column)
    score_checked: bool = False  # the table's 合计 equals the sum of its rows' points (no cell shared)
    quoted: str = ""  # another plan's cells beside the row (甗州市牵头单位：…), as printed with their names
    progress: str = ""  # a ledger's 进展情况 cell: what was done so far, as printed
    status: str = ""  # a ledger's 完成状态 cell (已完成 / 序时推进 / 滞后 …)
    # a plan's target per period, (its column's label, the cell as printed): (2027年, 压减至8天)
    periods: list[tuple[str, str]] = field(default_factory=list)
    # how the units are printed when no note line holds them: the assignment sentence inside the
    # text (`清单由A、B分别牵头制定`), a table row's unit cells (`牵头单位：同第8项`)
    printed_units: str = ""


def lines_where(text: str, keep) -> list[tuple[int, int, str]]:
    """(start, end, the line stripped) of every line of `text` that `keep` accepts (stripped)."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and keep(stripped):
            start = pos + raw.index(stripped[0])
            out.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def lines_of(text: str, start: int = 0) -> list[Line]:
    out, pos = [], 0
    open_for = 0  # lines since a bracket was left open: a printed line wrapped inside it
    in_note = 0  # brackets a note line left open (`〔牵头单位：A；` / `责任单位：B〕`): its next lines are note too
    for raw in text.split("\n"):
        if pos >= start and raw.strip():
            stripped = raw.strip()
            offset = pos + raw.index(stripped[0])
            if TABLE_SEP in raw:
                out.append(Line(offset, raw.rstrip(), row=[c.strip() for c in raw.split(TABLE_SEP)]))
                open_for = 0
            else:
                line = Line(offset, raw.rstrip()[raw.index(stripped[0]):])
                line.marker = marker_of(stripped)
                # a label line (`牵头单位：A`), or a bracketed note alone on its line; not a label
                # wrapped onto a line of its own inside a bracket (`（牵头单位：A；\n配合单位：B；…）`)
                wrapped = line.wrapped = 0 < open_for <= 2
                # a note in brackets of any kind set on lines of its own under its item, as often
                # wrapped as not: `〔牵头单位：A；` / `责任单位：B〕`, `（牵头单位：A）`
                noted = stripped[:1] in _OPENERS and bool(LABEL_RE.match(stripped[1:].lstrip()))
                line.label = (0 < in_note and open_for <= 3) or not wrapped and (
                    bool(LABEL_RE.match(stripped)) or noted or (line.marker is None and is_note_line(stripped)))
                in_note = max(0, in_note + _depth(stripped)) if (noted or in_note) else 0
                if line.label:
                    line.marker = None
                if wrapped and _closes_before_opening(stripped):
                    open_for = 0
                elif open_for or paren_open(stripped):
                    open_for += 1
                out.append(line)
        pos += len(raw) + 1
    return out


_OPENERS, _CLOSERS = "（(〔【[［", "）)〕】]］"


def _depth(text: str) -> int:
    """Brackets the text opens and leaves open (negative: closes more than it opens)."""
    return sum(text.count(c) for c in _OPENERS) - sum(text.count(c) for c in _CLOSERS)


def _closes_before_opening(text: str) -> bool:
    close = min((i for i in (text.find("）"), text.find(")")) if i >= 0), default=-1)
    opening = min((i for i in (text.find("（"), text.find("(")) if i >= 0), default=len(text))
    return 0 <= close < opening


def heading_only(ln: Line) -> bool:
    rest = ln.text[ln.marker.end:] if ln.marker else ln.text
    return len(rest) <= 40 and "。" not in rest.rstrip("。")
