"""Items from task tables: a row under a header mapped to roles (corpus.tables) is an item; a
row of one cell (`一、…`) or a merged category cell is a heading; unit cells are read by the unit
grammar in the role their column names. A table with no lead column whose caption names a unit
(a workbook's sheet per unit: `县司法局` / `县司法局牵头任务` / `牵头单位：县市场监管局` above the
header) gives every row that unit as its lead."""
from __future__ import annotations

import re

from corpus.drafts import Draft, Line, heading_only
from corpus.cells import TABLE_SEP
from corpus.ditto import Dittos
from corpus.outline import RANK, marker_of
from corpus.tables import continuation_roles, header_roles, is_period, quoted_role, role_of, tasks_apart_roles, unmapped_columns
from corpus.unit_codes import decoded, is_code, legend_header, read_codes
from corpus.unit_headings import heading_units
from corpus.note_rules import WORD_PART
from corpus.notes import reassigned
from corpus.units import NoteRules, Units, nfkc, parse_note


def units_apart(lines: list[Line]) -> int | None:
    """The line of a task table's header (`序号/重点任务/具体措施`) when its units are in a table of
    their own further on (`序号/牵头单位/配合单位/完成时限`): a wide table printed without fitting
    the page, its unit columns on pages of their own, linked to the tasks by 序号 only."""
    tasks = next((k for k, ln in enumerate(lines) if ln.row and tasks_apart_roles(ln.row)), None)
    if tasks is None or not any(ln.row and continuation_roles(ln.row) for ln in lines[tasks + 1:]):
        return None
    return tasks


def items_from_tables(lines: list[Line], text: str, rules: NoteRules | None, apart: bool = False) -> list[Draft]:
    """`apart`: the table's units are printed in a table of their own (`units_apart`)."""
    drafts: list[Draft] = []
    path: list[tuple[int, str, str]] = []
    roles: dict[int, str] = {}
    category = ""
    counter = 0
    totals: list[str] = []  # the points a 合计 row gives
    legend = dict(rules.marks) if rules else {}  # what a matrix's marks mean, read once per document
    codes = read_codes(lines)  # unit cells written as codes (A3, B14), and what each stands for
    in_codes = False  # in the rows of that legend: searchable and citable text, no tasks
    caption: tuple[str, list[str]] = ("", [])  # the last line naming a table's lead (a sheet's title)
    caption_lead: list[str] = []
    captioned: set[int] = set()  # rows led by their caption's unit
    caption_age = 9  # lines since it: a caption stands right above its table (a title row between)
    labels: dict[int, str] = {}  # the header's cells: each column's name
    dittos = Dittos()  # the rows above, for cells that say 同上 / 同第N项
    for ln in lines:
        caption_age += 1
        if ln.row is None or len([c for c in ln.row if c]) == 1:
            found = _lead_caption(ln.text)
            if found[1]:
                caption, caption_age = found, 0
                if roles and "lead" not in roles.values():  # the next sheet, its header dropped as a repeat
                    caption_lead = _caption_heading(path, caption)
                    continue
        if ln.row is not None:
            cells = ln.row
            if roles and any(_TOTAL.match(c) for c in cells):
                in_column = [c for i, c in enumerate(cells) if roles.get(i) == "score" and _POINTS.match(c)]
                # a 合计 cell spanning columns may leave its row shorter than the header: its one
                # number is the total wherever it landed
                numbers = [c for c in cells if _POINTS.match(c)]
                totals += in_column or (numbers if len(numbers) == 1 else [])
            if legend_header(cells) or (in_codes and not header_roles(cells)):
                roles, in_codes = {}, True
                if drafts and drafts[-1].kind == "prose" and drafts[-1].end >= ln.start - 1:
                    drafts[-1].end = ln.end  # the legend is one text: an answer cites it once
                else:
                    drafts.append(Draft("prose", ln.start, ln.end, [(t, h) for _, t, h in path]))
                continue
            header = header_roles(cells) or (tasks_apart_roles(cells) or continuation_roles(cells) if apart else {})
            if header:
                roles, category = header, ""
                labels = {i: nfkc(c).strip() for i, c in enumerate(cells)}
                dittos.reset()
                caption_lead = ([] if "lead" in header.values() or not caption[1] or caption_age > 2
                                else _caption_heading(path, caption))
                continue
            nonempty = [c for c in cells if c]
            if len(nonempty) == 1 and not roles and not marker_of(nonempty[0]):
                continue  # a caption merged across the table above its header (the title): not a section
            if len(nonempty) == 1 and (marker_of(nonempty[0]) or len(nonempty[0]) <= 30):
                category = ""
                _push_heading(path, nonempty[0])
                continue
            if not roles:
                continue
            number = next((nfkc(c).strip() for i, c in enumerate(cells) if roles.get(i) == "no"), "")
            printed = cells
            cells = dittos.resolve(cells, roles, int(number) if number.isdigit() else None)
            if "text" not in roles.values():  # a row of the units table: they go to the task numbered so
                _units_by_number(drafts, number, cells, roles, rules, _unit_cells(printed, roles, labels))
                drafts.append(Draft("prose", ln.start, ln.end, [(t, h) for _, t, h in path]))  # still searchable
                continue
            d, category = _row_item(ln, cells, roles, path, category, counter, rules, legend, labels)
            if d and printed != cells:  # a ditto cell: the answer shows the cells as printed
                d.printed_units = _unit_cells(printed, roles, labels)
            if d:  # the role cells as printed, under the document's own column names (主办单位：待明确)
                d.printed_units = d.printed_units or _unit_cells(printed, roles, labels)
            if d and codes and d.units is not None and any(is_code(n) for n in d.units.lead + d.units.responsible
                                                           + d.units.participating):
                d.units = decoded(d.units, codes)  # the answer shows the codes as printed beside the names
            if d and caption_lead:  # the sheet's unit first, beside any a remark names (与X共同牵头)
                d.units.lead[:0] = [u for u in caption_lead if u not in d.units.lead]
                d.units.has_lead_marker = True
                captioned.add(id(d))
            if d and drafts and _same_task(drafts[-1], d, text):
                _add_row(drafts[-1], d, rules)  # one row per unit under a task's merged cells: its units grow
                continue
            if d:
                counter = d.number_int or counter
                drafts.append(d)
            continue
        if ln.marker and (heading_only(ln) or ln.marker.rank <= RANK["cnparen"]) and not ln.label:
            _push_heading(path, ln.text)
            category = ""
            if heading_only(ln):
                continue
            # "（二）加强督促检查。各牵头单位于每季度…": a run-in heading with its paragraph; the
            # paragraph stays searchable as prose under that heading.
        kind = "prose" if path else "preamble"
        cur = [(t, h) for _, t, h in path]
        if drafts and drafts[-1].kind == kind and drafts[-1].path == cur:
            drafts[-1].end = ln.end
        else:
            drafts.append(Draft(kind, ln.start, ln.end, cur))
    last_end = max((d.end for d in drafts), default=-1)
    tail = [ln for ln in lines if ln.start > last_end and ln.text.strip()]
    if tail:  # numbered notes under the table, short enough to read as headings, with nothing after
        # them to head: still the document's text (what its marks mean), searchable and citable
        drafts.append(Draft("prose", tail[0].start, tail[-1].end, [(t, h) for _, t, h in path]))
    _check_points([d for d in drafts if d.score], totals)
    _listed_twice([d for d in drafts if id(d) in captioned], text)
    return drafts


def _units_by_number(drafts: list[Draft], number: str, cells, roles, rules, printed: str) -> None:
    """A row of a table of units printed apart from its tasks: its units and deadline go to the task
    with the same 序号 (the last one so numbered above it)."""
    task = next((d for d in reversed(drafts) if d.kind == "task" and d.number == number), None) if number else None
    if task is None:
        return
    task.units, deadline = _row_units(cells, roles, rules)
    task.deadline = task.deadline or deadline
    task.printed_units = printed


def _unit_cells(cells: list[str], roles: dict[int, str], labels: dict[int, str]) -> str:
    """The row's unit cells as printed, each with its column's name: `牵头单位：同第8项；责任单位：县直各部门`.
    A blank cell beside a filled one is shown as blank (`主办单位：（空白）`): it is how the row says it
    has no lead, and the column's name is the document's word for the role."""
    shown = [(labels.get(i, ""), (c or "").strip()) for i, c in enumerate(cells)
             if roles.get(i) in ("lead", "responsible", "participating")]
    if not any(c for _, c in shown):
        return ""
    return "；".join(f"{label}：{c or '（空白）'}" for label, c in shown if label)


def _listed_twice(drafts: list[Draft], text: str) -> None:
    """A task led jointly, listed on each leader's sheet (the same task, word for word, under two
    captions), is one task with both leads; its second listing stays as prose, still searchable."""
    seen: dict[str, Draft] = {}
    for d in drafts:
        key = re.sub(r"\s+", "", nfkc(_task_text(d, text)))
        first = seen.get(key)
        if first is None or first.path == d.path or len(key) < 8:
            seen.setdefault(key, d)
            continue
        first.units.lead += [u for u in d.units.lead if u not in first.units.lead]
        for role in ("responsible", "participating"):  # a joint lead listed as the other's partner
            kept = [u for u in getattr(first.units, role) + getattr(d.units, role) if u not in first.units.lead]
            setattr(first.units, role, list(dict.fromkeys(kept)))
        d.kind = "prose"


def _task_text(d: Draft, text: str) -> str:
    """The row's task cell(s), without its number and unit cells."""
    cells = text[d.start:d.end].split(TABLE_SEP)
    return max(cells, key=len)


def _check_points(scored: list[Draft], totals: list[str]) -> None:
    """Which rows' points may be added up. A cell merged over two indicators (one 12 for both) is
    carried to each row and would count twice; it shows as a run of equal points in rows next to
    each other. A row in no such run is safe. A run is safe when the table's 合计 shows no cell
    was shared (it equals the sum of all rows), or shows which were: the rows add up to more than
    合计, and only one choice of runs, each taken as one shared cell, makes up the difference."""
    runs: list[list[int]] = []
    for k, d in enumerate(scored):
        if k and scored[k - 1].score == d.score:
            runs[-1].append(k)
        else:
            runs.append([k])
    runs = [r for r in runs if len(r) > 1]
    shared: set[int] = set(range(len(scored))) if runs else set()
    if len(totals) == 1 and len(runs) <= 12:
        excess = sum(float(d.score) for d in scored) - float(totals[0])
        extra = [(len(r) - 1) * float(scored[r[0]].score) for r in runs]
        fits = [mask for mask in range(1 << len(runs))
                if abs(sum(e for n, e in enumerate(extra) if mask >> n & 1) - excess) < 1e-6]
        if len(fits) == 1:
            shared = {k for n, r in enumerate(runs) if fits[0] >> n & 1 for k in r}
    in_runs = {k for r in runs for k in r}
    for k, d in enumerate(scored):
        d.score_checked = k not in in_runs or k not in shared


def _marked_part(cell: str, legend: dict[str, str]) -> str:
    """The part a matrix cell marks: its word, its mark by the legend, any other mark as 责任单位."""
    cell = cell.strip()
    if not cell or cell in "—-/／×✗无":
        return ""
    word = next((role for w, role in WORD_PART if w in cell), "")
    if word:
        return word
    mark = next((role for m, role in legend.items() if m in cell), "")
    return mark or ("responsible" if len(cell) <= 2 else "")


_POINTS = re.compile(r"^\d{1,3}(\.\d)?$")
_TICKS = {"√", "✓", "✔", "●", "★", "是", "Y", "y"}


def _same_task(previous: Draft, d: Draft, text: str) -> bool:
    """A row repeating the task before it (its cells merged down over one row per unit)."""
    return (previous.kind == "task" and bool(d.number) and previous.number == d.number
            and text[previous.start:previous.end] == text[d.start:d.end])


def _add_row(task: Draft, row: Draft, rules: NoteRules | None) -> None:
    """The row's unit joins the task's. A unit ticked as lead in any of its rows leads; the
    others keep their column's role, unless the document's key gives the units beside a ticked
    one theirs ("同一任务中未标注“√”的单位为配合单位")."""
    for role in ("lead", "responsible", "participating"):
        task.units.add(role, getattr(row.units, role))
    task.units.has_lead_marker |= row.units.has_lead_marker
    if row.printed_units and row.printed_units not in task.printed_units:
        task.printed_units = "；".join(p for p in (task.printed_units, row.printed_units) if p)
    keyed = rules is not None and any(m in _TICKS for m, role in rules.marks if role == "lead")
    if keyed and task.units.lead and rules.others != "responsible" and task.units.responsible:
        others, task.units.responsible = task.units.responsible, []
        task.units.add(rules.others, others)
# a row that only points to a task listed in another table or sheet
_POINTER = re.compile(r"[（(]\s*(?:具体(?:任务|内容|措施)?|详)?见[^（()）]{0,16}第\s*[0-9一二三四五六七八九十]+\s*[项条][^（()）]{0,6}[)）]\s*$")
# a remark naming a joint lead (与市委编办共同牵头); any other remark (牵头单位待明确, 已完成,
# 牵头汇总) is no unit note
_JOINT_LEAD = re.compile(r"^(?:与|和|同)?(?P<units>[^，,。；;：:]{2,40}?)(?:共同|联合)牵头[。.]?$")


def _joint_leads(cell: str) -> list[str]:
    m = _JOINT_LEAD.match(nfkc(cell or "").strip())
    return heading_units(m.group("units")) if m else []


# a caption naming the lead of every task in the table below it
_LEAD_CAPTION = re.compile(r"^(?:牵头(?:单位|部门)\s*[：:]\s*(?P<labelled>.+)|(?P<named>.+?)\s*(?:[（(]牵头[)）])?\s*"
                           r"(?:牵头|负责)的?(?:重点)?(?:任务|事项|工作)(?:清单|表)?(?:[（(]\s*(?:共\s*)?\d+\s*项\s*[)）])?)$")


def _lead_caption(line: str) -> tuple[str, list[str]]:
    """(the line, the lead units it names) when a line is a table's caption naming its lead."""
    text = nfkc(line).strip()
    m = _LEAD_CAPTION.match(text)
    units = heading_units(m.group("labelled") or m.group("named")) if m else heading_units(text)
    return (line.strip(), units) if units else ("", [])


def _caption_heading(path, caption: tuple[str, list[str]]) -> list[str]:
    """The caption becomes the heading of the rows under it: a part of its own (a sheet), in place
    of the previous caption and of whatever numbered notes stood above it."""
    path.clear()
    _push_heading(path, caption[0])
    return caption[1]


_TOTAL = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计)\s*$")


def _push_heading(path, heading: str) -> None:
    m = marker_of(heading)
    rank = m.rank if m else 9
    token = m.token if m else heading
    while path and path[-1][0] >= rank:
        path.pop()
    path.append((rank, token, heading))


def _row_item(ln: Line, cells, roles, path, category, counter, rules, legend=None, labels=None):
    by_role: dict[str, list[tuple[int, str]]] = {}
    for i, c in enumerate(cells):
        if i in roles:
            by_role.setdefault(roles[i], []).append((i, c))
    cat = next((c for _, c in by_role.get("category", []) if c), "")
    if cat:
        category = cat
    texts = [(i, c) for i, c in by_role.get("text", []) if c]
    if not texts or any(_TOTAL.match(c) for c in cells):
        return None, category  # a 合计 row sums the table; it is no task
    if all(re.fullmatch(r"[\d.%％\s]+", c) for _, c in texts) or all(role_of(c) for c in cells if c):
        return None, category  # a count (a 汇总 sheet's 牵头任务数) or a header of its own, not a task
    if _POINTER.search(texts[-1][1]):
        return None, category  # a row pointing to a task listed elsewhere (具体任务见“X”表第3项)
    no_cell = next((c for _, c in by_role.get("no", []) if c), "")
    number_int = int(no_cell) if no_cell.isdigit() else counter + 1
    # the span: from the first text cell to the last (cells are tab-separated on this line)
    offsets, pos = [], ln.start
    for c in ln.text.split(TABLE_SEP):
        lead_ws = len(c) - len(c.lstrip())
        offsets.append((pos + lead_ws, pos + lead_ws + len(c.strip())))
        pos += len(c) + 1
    # (a multi-year plan's year targets stand between the task and its units: they are its text too,
    # each with its period's label when the header names one, so that "2027年要达到多少" finds its cell)
    targets = [(i, c) for i, c in by_role.get("target", []) if c and c.strip() not in "—-/"]
    periods = [(labels[i], c.strip()) for i, c in by_role.get("target", [])
               if c and i in (labels or {}) and is_period(labels[i])]
    start, end = offsets[texts[0][0]][0], offsets[max(i for i, _ in texts + ([] if periods else targets))][1]
    item_path = [(t, h) for _, t, h in path]
    if category:
        m = marker_of(category)
        if m:  # a category cell that is a section heading (`一、…`)
            _push_heading(path, category)
            item_path = [(t, h) for _, t, h in path]
        else:
            item_path = item_path + [(category, category)]
    d = Draft("task", start, end, item_path, number=no_cell or "", number_int=number_int,
              inferred=not no_cell.isdigit(), periods=periods)
    units, d.deadline = _row_units(cells, roles, rules)
    for i, c in enumerate(cells):
        role = roles.get(i, "")
        if role.startswith("leader:") and c and c not in "/—-":
            d.notes.append(f"{role[7:]}：{c}")  # a person beside the units (责任人：韩宇（副书记）), never a unit
        # a responsibility matrix: the unit's column, its part marked
        part = _marked_part(c, legend or {}) if role.startswith("unit:") else ""
        if part:
            units.add(part, [role[5:]])
            units.has_lead_marker |= part == "lead"
    for _, c in by_role.get("remark", []):
        units.add("lead", _joint_leads(c))
    d.units = units
    d.score = next((c for _, c in by_role.get("score", []) if _POINTS.match(c)), "")
    d.progress = "；".join(c for _, c in by_role.get("progress", []) if c and c not in "/—-")
    if d.progress:  # a ledger's progress may change the division its unit columns give (改由A牵头)
        d.units, change = reassigned(d.progress, d.units)
        d.printed_units = change or d.printed_units
    d.status = next((c for _, c in by_role.get("status", []) if c and c not in "/—-"), "")
    # the other plan's task this row takes over names the row (its own cells say how it is done)
    d.title = next((c.strip() for i, c in enumerate(cells) if roles.get(i, "").startswith("quoted:")
                    and quoted_role(roles[i][7:]) == "text" and c.strip() not in ("", "/", "—", "-")), d.title)
    d.quoted = "；".join(f"{roles[i][7:]}：{c.strip()}" for i, c in enumerate(cells)
                        if roles.get(i, "").startswith("quoted:") and c.strip() and c.strip() not in "/—-")
    return d, category



def _row_units(cells, roles, rules) -> tuple[Units, str]:
    """The row's units by the role of their column, and its deadline."""
    by_role: dict[str, list[str]] = {}
    for i, c in enumerate(cells):
        if i in roles:
            by_role.setdefault(roles[i], []).append(c)
    units = Units()
    # a 牵头 column ticked (√) beside the row's unit: that unit leads (one row per unit, or one per task)
    ticked = any(c.strip() in _TICKS for c in by_role.get("lead", []))
    for role in ("lead", "responsible", "participating"):
        for c in by_role.get(role, []):
            if c.strip() in _TICKS or (role == "lead" and not c.strip()):
                continue
            note = parse_note(c, default_role="lead" if ticked and role == "responsible" else role, rules=rules)
            units.has_lead_marker |= role == "lead" or note.has_lead_marker
            for r in ("lead", "responsible", "participating"):
                units.add(r, getattr(note, r))
    if rules and rules.no_lead_makes_responsible and by_role.get("lead") and not units.lead:
        units.responsible += [u for u in units.participating if u not in units.responsible]
        units.participating = []
    deadline = next((c for c in by_role.get("deadline", []) if c and c not in "/—-"), "")
    return units, deadline


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
