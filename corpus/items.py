"""Stage 5, items: the cleaned text and its outline -> task items with their unit notes.

Which level is the task item is decided per document, by one rule each:
- **note owners**: where a document attaches unit notes (label lines, a trailing bracket, a table
  row), the numbering family whose entries most often own a note is the item level; entries of
  higher families are headings, lower ones are sub-points of the item (004 (十三) 1.–3.).
  A bullet where an item is expected is an item whose number was lost (000).
- **leaves**, for reports and documents without notes: every numbered entry with no numbered
  entries under it is an item, and a paragraph of run-in points 一是/二是 gives one item a point,
  its opening sentence becoming the section context.
- **table rows**: a row under a header that maps to roles (see corpus.tables) is an item; a row
  of one cell (`一、…`) or a merged category cell is a heading.
Text before the first heading (title, preamble) and paragraphs that own no note are kept as
`preamble` / `prose` items: they answer questions, but are not tasks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.load import TABLE_SEP
from corpus.outline import RANK, Marker, marker_of, shi_points
from corpus.tables import header_roles, unmapped_columns
from corpus.units import LABEL_RE, Units, looks_like_unit, looks_like_unit_list, parse_note

_TRAILING = re.compile(r"[(（〔【]([^()（）〔〕【】]*(?:[(（][^()（）]*[)）][^()（）〔〕【】]*)*)[)）〕】]\s*[。.;；]?\s*$")
_CLOSING = re.compile(r"(自.{0,20}起施行|起施行|负责解释|同时废止|有效期.{0,10}年)")
_ROLE_HINT = re.compile(r"牵头|配合|负责|协办|主办|参加|责任单位|牵头单位")


@dataclass
class Line:
    start: int
    text: str
    marker: Marker | None = None
    label: bool = False  # a unit-note line (牵头单位：…)
    row: list[str] | None = None  # table cells

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
    notes: list[str] = field(default_factory=list)
    units: Units | None = None
    deadline: str = ""
    notes_rule: str = ""  # the document's rule for items without a lead, when this one has none


def lines_of(text: str, start: int = 0) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if pos >= start and raw.strip():
            stripped = raw.strip()
            offset = pos + raw.index(stripped[0])
            if TABLE_SEP in raw:
                out.append(Line(offset, raw.rstrip(), row=[c.strip() for c in raw.split(TABLE_SEP)]))
            else:
                line = Line(offset, raw.rstrip()[raw.index(stripped[0]):])
                line.label = bool(LABEL_RE.match(stripped))
                line.marker = None if line.label else marker_of(stripped)
                out.append(line)
        pos += len(raw) + 1
    return out


def trailing_note(paragraph: str, first_is_lead: bool) -> tuple[int, str]:
    """(offset where a unit note at the end of the paragraph starts, the note) or (len, "")."""
    m = _TRAILING.search(paragraph)
    if m and m.start() > 0:
        inner = m.group(1)
        if LABEL_RE.search(inner) or _ROLE_HINT.search(inner) or looks_like_unit_list(inner):
            return m.start(), inner
    label = None
    for lm in LABEL_RE.finditer(paragraph):
        if lm.start() > 0 and paragraph[lm.start() - 1] in "。；;）) \u3000":
            label = lm
            break
    if label:
        return label.start(), paragraph[label.start():]
    return len(paragraph), ""


def build(text: str, body_start: int, first_is_lead: bool) -> list[Draft]:
    lines = lines_of(text, body_start)
    if any(ln.row and header_roles(ln.row) for ln in lines):
        return _with_tables(lines, text, first_is_lead)
    owners = _note_owners(lines, first_is_lead)
    markers = [ln for ln in lines if ln.marker]
    if owners and sum(owners.values()) >= min(3, max(1, len(markers))) and (
            sum(owners.values()) >= 0.3 * len(markers) or "para" in owners):
        family = max(owners, key=lambda f: (owners[f], RANK[f]))
        return _by_family(lines, text, family, first_is_lead)
    drafts = _by_leaves(lines, first_is_lead)
    if not any(d.kind == "task" for d in drafts):
        # no structure at all: every paragraph is an item, so the file is still answerable
        drafts = [Draft("task", ln.start, ln.end, [], number_int=n, inferred=True)
                  for n, ln in enumerate(lines, start=1)]
        for d in drafts:
            _finish(d, first_is_lead, text[d.start:d.end])
    return drafts


# --- which family owns the notes ----------------------------------------------------------------

def _note_owners(lines: list[Line], first_is_lead: bool) -> dict[str, int]:
    counts: dict[str, int] = {}
    last_family = None
    for i, ln in enumerate(lines):
        if ln.row is not None or ln.label:
            continue
        if not ln.marker:
            if trailing_note(ln.text, first_is_lead)[1]:
                counts["para"] = counts.get("para", 0) + 1
            continue
        family = ln.marker.family
        if family == "bullet" and last_family:
            family = last_family
        owns = trailing_note(ln.text, first_is_lead)[1] != ""
        nxt = next((x for x in lines[i + 1:] if x.label or x.marker), None)
        if nxt is not None and nxt.label:
            owns = True
        if owns:
            counts[family] = counts.get(family, 0) + 1
            last_family = family
    return counts


def _heading_text(ln: Line) -> str:
    return ln.text.strip()


def _is_heading_only(ln: Line) -> bool:
    rest = ln.text[ln.marker.end:] if ln.marker else ln.text
    return len(rest) <= 40 and "。" not in rest.rstrip("。")


# --- items by the family that owns notes ----------------------------------------------------------

def _by_family(lines: list[Line], text: str, family: str, first_is_lead: bool) -> list[Draft]:
    rank = RANK[family]
    drafts: list[Draft] = []
    path: list[tuple[int, str, str]] = []  # (rank, token, heading)
    current: Draft | None = None
    counter = 0
    in_units = False

    def close() -> None:
        nonlocal current
        if current is not None:
            if current.kind == "task":
                _finish(current, first_is_lead, text[current.start:current.end])
            drafts.append(current)
        current = None

    for ln in lines:
        m = ln.marker
        if ln.label:
            if current is not None and current.kind == "task":
                current.notes.append(ln.text)
                in_units = True
            continue
        is_item = m is not None and (m.family == family or (m.family == "bullet" and path_ok(path, rank)))
        if m is not None and not is_item and m.rank < rank and m.family != "bullet":
            close()
            while path and path[-1][0] >= m.rank:
                path.pop()
            path.append((m.rank, m.token, ln.text))
            in_units = False
            continue
        if is_item:
            close()
            counter = m.number if m.number is not None else counter + 1
            current = Draft("task", ln.start + m.end, ln.end, [(t, h) for _, t, h in path],
                            number=m.token if m.family != "bullet" else "", number_int=counter,
                            inferred=m.family == "bullet")
            in_units = bool(trailing_note(ln.text, first_is_lead)[1])  # its note closes it
            continue
        if current is not None and current.kind == "task" and not in_units:
            current.end = ln.end  # a sub-point or a second paragraph of the item
            in_units = bool(trailing_note(ln.text, first_is_lead)[1])
            continue
        # a paragraph outside any item: an unnumbered item when it owns a note, else prose
        close()
        at, note = trailing_note(ln.text, first_is_lead)
        kind = "task" if note and path else ("prose" if path else "preamble")
        if kind == "task":
            counter += 1
            current = Draft("task", ln.start, ln.end, [(t, h) for _, t, h in path],
                            number_int=counter, inferred=True)
        else:
            if drafts and drafts[-1].kind == kind and drafts[-1].path == [(t, h) for _, t, h in path]:
                drafts[-1].end = ln.end
                continue
            current = Draft(kind, ln.start, ln.end, [(t, h) for _, t, h in path])
        in_units = False
    close()
    return drafts


def path_ok(path, rank) -> bool:
    return all(r < rank for r, _, _ in path)


# --- leaves: reports and documents without notes ----------------------------------------------------

def _by_leaves(lines: list[Line], first_is_lead: bool) -> list[Draft]:
    drafts: list[Draft] = []
    path: list[tuple[int, str, str]] = []
    counter = 0
    for i, ln in enumerate(lines):
        m = ln.marker
        if ln.label:
            if drafts and drafts[-1].kind == "task":
                drafts[-1].notes.append(ln.text)
                _finish(drafts[-1], first_is_lead)
            continue
        if m is None:
            cur = [(t, h) for _, t, h in path]
            if drafts and drafts[-1].path == cur and drafts[-1].end >= ln.start - 2 and drafts[-1].kind != "task":
                drafts[-1].end = ln.end
            elif drafts and drafts[-1].kind == "task" and drafts[-1].path == cur and not _has_shi(ln.text):
                drafts[-1].end = ln.end  # a second paragraph of the point above
            else:
                counter = _add_paragraph(drafts, ln, cur, counter, first_is_lead, unmarked=True)
            continue
        nxt = next((x for x in lines[i + 1:] if x.marker or x.row), None)
        has_child = nxt is not None and nxt.marker is not None and nxt.marker.rank > m.rank
        while path and path[-1][0] >= m.rank:
            path.pop()
        if has_child or (_is_heading_only(ln) and nxt is not None and nxt.marker is None):
            path.append((m.rank, m.token, ln.text))
            if not has_child and not _is_heading_only(ln):
                counter = _add_paragraph(drafts, ln, [(t, h) for _, t, h in path], counter, first_is_lead)
            continue
        counter = _add_paragraph(drafts, ln, [(t, h) for _, t, h in path], counter, first_is_lead, marker=m)
    return drafts


def _has_shi(text: str) -> bool:
    return bool(shi_points(text))


def _add_paragraph(drafts, ln: Line, path, counter, first_is_lead, marker: Marker | None = None,
                   unmarked: bool = False) -> int:
    body_at = marker.end if marker else 0
    body = ln.text[body_at:]
    points = shi_points(body)
    if points:
        head = body[: points[0][0]].strip()
        sub_path = path + ([(marker.token, ln.text[: body_at] + head)] if marker else [])
        for k, (off, token) in enumerate(points):
            end = points[k + 1][0] if k + 1 < len(points) else len(body)
            counter += 1
            d = Draft("task", ln.start + body_at + off, ln.start + body_at + end, sub_path,
                      number=token, number_int=counter)
            _finish(d, first_is_lead, ln.text[body_at + off: body_at + end])
            drafts.append(d)
        return counter
    if unmarked and not path:
        kind = "preamble"
    elif unmarked:
        kind = "prose"
    else:
        kind = "task"
    if kind == "task":
        counter += 1
    d = Draft(kind, ln.start + body_at, ln.end, path, number=marker.token if marker else "",
              number_int=counter if kind == "task" else None)
    if kind == "task":
        _finish(d, first_is_lead, ln.text[body_at:])
    drafts.append(d)
    return counter


# --- tables ----------------------------------------------------------------------------------------

def _with_tables(lines: list[Line], text: str, first_is_lead: bool) -> list[Draft]:
    drafts: list[Draft] = []
    path: list[tuple[int, str, str]] = []
    roles: dict[int, str] = {}
    category = ""
    counter = 0
    for ln in lines:
        if ln.row is not None:
            cells = ln.row
            header = header_roles(cells)
            if header:
                roles, category = header, ""
                continue
            nonempty = [c for c in cells if c]
            if len(nonempty) == 1 and (marker_of(nonempty[0]) or len(nonempty[0]) <= 30):
                category = ""
                _push_heading(path, nonempty[0])
                continue
            if not roles:
                continue
            d, category = _row_item(ln, cells, roles, path, category, counter, first_is_lead)
            if d:
                counter = d.number_int or counter
                drafts.append(d)
            continue
        if ln.marker and (_is_heading_only(ln) or ln.marker.rank <= RANK["cnparen"]) and not ln.label:
            _push_heading(path, ln.text)
            category = ""
            continue
        kind = "prose" if path else "preamble"
        cur = [(t, h) for _, t, h in path]
        if drafts and drafts[-1].kind == kind and drafts[-1].path == cur:
            drafts[-1].end = ln.end
        else:
            drafts.append(Draft(kind, ln.start, ln.end, cur))
    return drafts


def _push_heading(path, heading: str) -> None:
    m = marker_of(heading)
    rank = m.rank if m else 9
    token = m.token if m else heading
    while path and path[-1][0] >= rank:
        path.pop()
    path.append((rank, token, heading))


def _row_item(ln: Line, cells, roles, path, category, counter, first_is_lead):
    by_role: dict[str, list[tuple[int, str]]] = {}
    for i, c in enumerate(cells):
        if i in roles:
            by_role.setdefault(roles[i], []).append((i, c))
    cat = next((c for _, c in by_role.get("category", []) if c), "")
    if cat:
        category = cat
    texts = [(i, c) for i, c in by_role.get("text", []) if c]
    if not texts:
        return None, category
    no_cell = next((c for _, c in by_role.get("no", []) if c), "")
    number_int = int(no_cell) if no_cell.isdigit() else counter + 1
    # the span: from the first text cell to the last (cells are tab-separated on this line)
    offsets, pos = [], ln.start
    for c in ln.text.split(TABLE_SEP):
        lead_ws = len(c) - len(c.lstrip())
        offsets.append((pos + lead_ws, pos + lead_ws + len(c.strip())))
        pos += len(c) + 1
    start, end = offsets[texts[0][0]][0], offsets[texts[-1][0]][1]
    item_path = [(t, h) for _, t, h in path]
    if category:
        m = marker_of(category)
        if m:  # a category cell that is a section heading (`一、…`)
            _push_heading(path, category)
            item_path = [(t, h) for _, t, h in path]
        else:
            item_path = item_path + [(category, category)]
    d = Draft("task", start, end, item_path, number=no_cell or "", number_int=number_int,
              inferred=not no_cell.isdigit())
    units = Units()
    for role in ("lead", "responsible", "participating"):
        for _, c in by_role.get(role, []):
            note = parse_note(c, default_role=role)
            units.has_lead_marker |= role == "lead" or note.has_lead_marker
            for r in ("lead", "responsible", "participating"):
                units.add(r, getattr(note, r))
    d.units = units
    d.deadline = next((c for _, c in by_role.get("deadline", []) if c and c not in "/—-"), "")
    return d, category


# --- notes -> units --------------------------------------------------------------------------------

def _finish(d: Draft, first_is_lead: bool, paragraph: str | None = None) -> None:
    """Attach the item's unit note: label lines collected, a note at the end of its text, or an
    assignment sentence inside it — the first that names anyone."""
    if d.notes:
        d.units = parse_note("；".join(d.notes), default_role="responsible")
        d.deadline = d.units.deadline
        if not d.units.empty or d.units.has_lead_marker:
            return
    if paragraph is None:
        return
    at, note = trailing_note(paragraph, first_is_lead)
    if note:
        units = parse_note(note, default_role="responsible", first_is_lead=first_is_lead)
        d.deadline = d.deadline or units.deadline
        d.units = units
        d.end = d.start + len(paragraph[:at].rstrip())
        return
    assignment = assignment_sentence(paragraph)
    if assignment:  # `…。由A牵头，B、C配合。…`: the note is a sentence inside the text, kept there
        d.units = assignment


_ASSIGNMENT = re.compile(r"(?:^|(?<=[。；;]))\s*(由[^。；;]{2,120}?(?:牵头|负责|主办)[^。；;]{0,120})(?=[。；;]|$)")


def assignment_sentence(paragraph: str) -> Units | None:
    """A sentence `由A（共同）牵头，B、C配合` / `由A负责` inside an item's text, when every name in
    it reads as a unit (so `由县政府统一领导` is not one)."""
    for m in _ASSIGNMENT.finditer(paragraph):
        units = parse_note(m.group(1))
        names = units.lead + units.responsible + units.participating
        odd = [n for n in names if not _unit_like(n)]
        if len(names) > len(odd) and len(odd) <= 1:  # one trailing clause (`，县司法局加强督促检查`)
            for role in ("lead", "responsible", "participating"):
                setattr(units, role, [n for n in getattr(units, role) if _unit_like(n)])
            return units
    return None


def _unit_like(name: str) -> bool:
    return looks_like_unit(name) or name.startswith(("各", "有关", "相关", "县直", "市直", "区直"))


def note_start_in(text: str, first_is_lead: bool) -> int:
    return trailing_note(text, first_is_lead)[0]


def unmapped(lines_text: str) -> list[str]:
    out = []
    for ln in lines_text.split("\n"):
        if TABLE_SEP in ln:
            cells = [c.strip() for c in ln.split(TABLE_SEP)]
            if header_roles(cells):
                out += unmapped_columns(cells)
    return out


def has_unmapped_table(text: str) -> bool:
    rows = [ln for ln in text.split("\n") if ln.count(TABLE_SEP) >= 2]
    return len(rows) >= 3 and not any(header_roles([c.strip() for c in r.split(TABLE_SEP)]) for r in rows)


def is_closing(text: str, units: Units | None) -> bool:
    return (units is None or units.empty) and bool(_CLOSING.search(text)) and len(text) < 200
