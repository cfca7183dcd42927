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
from dataclasses import replace

from corpus import division_table
from corpus.drafts import Draft, Line, heading_only, lines_of
from corpus.notes import finish, past_work, trailing_note
from corpus.outline import RANK, Marker, marker_of, shi_points
from corpus.records import is_records, items_from_records
from corpus.table_items import items_from_tables, units_apart
from corpus.tables import header_roles
from corpus.units import LABEL_RE
from corpus.units import NoteRules, Units

_CLOSING = re.compile(r"(自.{0,20}起施行|起施行|负责解释|同时废止|有效期.{0,10}年)")


def build(text: str, body_start: int, rules: NoteRules | None) -> list[Draft]:
    lines = lines_of(text, body_start)
    header = next((k for k, ln in enumerate(lines) if ln.row and header_roles(ln.row)), None)
    apart = units_apart(lines)  # a wide table printed over two sets of pages
    if header is None:
        header = apart
    if header is not None:
        table = items_from_tables(lines, text, rules, apart=apart is not None)
        # a plan before the table, whose units the table gives by pointing back to its items
        plan = _from_lines(lines[:header], text, rules) if header >= 3 else []
        joined = plan and division_table.join(plan, table, text)
        if joined:
            return joined
        if _assigns_its_own(plan) and _INDICATORS.search("".join(lines[header].row)):
            # a plan whose tasks carry their own notes, and after it an 附表 of 主要指标 (指标名称,
            # 目标值, 责任单位): the plan is the task list; the table's rows stay searchable as text
            return plan + [replace(d, kind="prose") if d.kind == "task" and d.start >= plan[-1].end else d
                           for d in table if d.start >= plan[-1].end]
        return table
    if is_records(lines):
        return items_from_records(lines, text, rules)
    return _from_lines(lines, text, rules)


_INDICATORS = re.compile(r"指标|目标值")


def _assigns_its_own(plan: list[Draft]) -> bool:
    """At least three tasks, and most of them with units of their own."""
    tasks = [d for d in plan if d.kind == "task"]
    noted = sum(1 for d in tasks if d.units is not None and not d.units.empty)
    return len(tasks) >= 3 and noted >= 0.6 * len(tasks)


def _from_lines(lines: list[Line], text: str, rules: NoteRules | None) -> list[Draft]:
    """Items of running text: by the family that owns the notes, else by the leaves."""
    lines = _run_in_points(lines, rules)
    owners = _note_owners(lines, rules)
    markers = [ln for ln in lines if ln.marker]
    family = max(owners, key=lambda f: (owners[f], RANK[f])) if owners else None
    # headings that carry the notes of the many measures under them (those own none themselves)
    measures = family and _measures_under_noted_headings(lines, family, rules)
    if measures:
        return _by_family(lines, text, measures, rules, inherit=True)
    if owners and sum(owners.values()) >= min(3, max(1, len(markers))) and (
            sum(owners.values()) >= 0.3 * len(markers) or "para" in owners):
        return _by_family(lines, text, family, rules)
    drafts = _by_leaves(lines, text, rules)
    if not any(d.kind == "task" for d in drafts):
        # no structure at all: every paragraph is an item, so the file is still answerable
        drafts = [Draft("task", ln.start, ln.end, [], number_int=n, inferred=True)
                  for n, ln in enumerate(lines, start=1)]
        for d in drafts:
            finish(d, rules, text[d.start:d.end])
    return drafts


def _run_in_points(lines: list[Line], rules: NoteRules | None) -> list[Line]:
    """A paragraph of run-in points 一是…（note）。二是…（note）。 becomes a line per point, when
    a point before the last owns a note of its own (so the notes are the points', not the
    paragraph's); a paragraph of points without notes (保障措施) stays one paragraph."""
    out: list[Line] = []
    for ln in lines:
        points = shi_points(ln.text) if ln.marker is None or ln.marker.family == "shi" else []
        if not points or points[0][0] != 0:
            out.append(ln)
            continue
        cuts = [off for off, _ in points] + [len(ln.text)]
        pieces = [ln.text[a:b] for a, b in zip(cuts, cuts[1:])]
        if not any(trailing_note(p.rstrip(), rules)[1] for p in pieces[:-1]):
            # points that own no note of their own: a paragraph, not an item (unless its end is a
            # note for the whole paragraph, which leaves it an item as before)
            whole = trailing_note(ln.text, rules)[1]
            out.append(ln if whole else Line(ln.start, ln.text))
            continue
        for off, piece in zip(cuts, pieces):
            text = piece.rstrip()
            out.append(Line(ln.start + off, text, marker=marker_of(text)))
    return out


# --- which family owns the notes ----------------------------------------------------------------

def _note_owners(lines: list[Line], rules: NoteRules | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    last_family = None
    anchor = None  # the last numbered line's family since a label line (a card's title over its bullets)
    for i, ln in enumerate(lines):
        if ln.label:
            anchor = None
        elif ln.marker and ln.marker.family != "bullet":
            anchor = ln.marker.family
        if ln.row is not None or ln.label:
            continue
        if not ln.marker:
            if trailing_note(ln.text, rules)[1] and not ln.wrapped:
                counts["para"] = counts.get("para", 0) + 1
            continue
        family = ln.marker.family
        if family == "bullet":
            # a card's bullets under its numbered title (①持续优化… / ▪️… / ▪️… / 牵头单位：…): the note
            # is the numbered item's
            family = anchor or last_family or family
        # (a note in a bracket after the task's title, its labels wrapped onto the lines below it)
        owns = trailing_note(ln.text, rules)[1] != "" or _bracket_note(lines, i)
        nxt = next((x for x in lines[i + 1:] if x.label or x.marker), None)
        if nxt is not None and nxt.label:
            owns = True
        if owns:
            counts[family] = counts.get(family, 0) + 1
            last_family = family
    return counts


def _bracket_note(lines: list[Line], i: int) -> bool:
    """Line i and the lines wrapped on from it hold a bracket with a unit label (`第2项“…”（牵头单位：
    A；配合单位：B；完成时限：…）。progress`)."""
    text = lines[i].text + "".join(ln.text for ln in lines[i + 1:i + 3] if ln.wrapped)
    return any(LABEL_RE.search(inner) for inner in re.findall(r"[（(]([^（）()]{2,160})[）)]", text))


def _measures_under_noted_headings(lines: list[Line], family: str, rules: NoteRules | None) -> str | None:
    """Units stated once on a heading for the measures below it:

        （一）深化行政执法体制改革（牵头单位：县司法局；配合单位：县委编办）
        1．推进综合行政执法改革……
        2．完善行政执法协调机制……

    When most entries of the note-owning family are short headings whose note (in the line, or
    label lines right under it) comes *before* two or more numbered measures that mostly carry no
    note, the measures are the items and inherit their heading's units. (A note after the
    sub-points, 004's （十三） 1.–3., stays the entry's own.) The measures' family, or None."""
    rank = RANK[family]
    heads, noted, below_families = 0, 0, {}
    for i, ln in enumerate(lines):
        if not ln.marker or ln.marker.family != family or ln.row is not None:
            continue
        at, note = trailing_note(ln.text, rules)
        j = i + 1
        while j < len(lines) and lines[j].label:
            j += 1
        if not note and j == i + 1:
            continue
        heads += 1
        title = ln.text[ln.marker.end:at]
        if len(title) > 40 or "。" in title.rstrip("。"):
            continue
        measures = []
        for x in lines[j:]:
            if x.marker and x.marker.rank <= rank:
                break
            if x.marker and not x.label:
                measures.append(x)
        if not measures:
            continue
        child = max({x.marker.family for x in measures}, key=lambda f: sum(x.marker.family == f for x in measures))
        mine = [x for x in measures if x.marker.family == child]
        if len(mine) >= 2 and sum(bool(trailing_note(x.text, rules)[1]) for x in mine) < len(mine) / 2:
            noted += 1
            below_families[child] = below_families.get(child, 0) + 1
    if heads and noted >= max(2, 0.6 * heads):
        return max(below_families, key=below_families.get)
    return None


# --- items by the family that owns notes ----------------------------------------------------------

def _by_family(lines: list[Line], text: str, family: str, rules: NoteRules | None,
               inherit: bool = False) -> list[Draft]:
    """Items of `family`; with `inherit`, an item naming no unit takes its heading's note."""
    rank = RANK[family]
    drafts: list[Draft] = []
    path: list[tuple[int, str, str]] = []  # (rank, token, heading)
    heading_notes: dict[int, list[str]] = {}  # rank -> the note of the heading at that rank
    titled_families = _titled_families(lines, rules) if family == "para" else set()
    titled_rank: float | None = None  # the rank of a bare title whose deeper numbers are the tasks
    current: Draft | None = None
    counter = 0
    in_units = False

    def back_to(rank_: float) -> None:  # leave the headings at this rank and below
        while path and path[-1][0] >= rank_:
            heading_notes.pop(path.pop()[0], None)

    def close() -> None:
        nonlocal current
        if current is not None:
            if current.kind == "task":
                finish(current, rules, text[current.start:current.end])
                inherited = [n for r, _, _ in path for n in heading_notes.get(r, [])]
                if inherit and inherited and (current.units is None or current.units.empty):
                    current.notes = inherited
                    finish(current, rules)
            drafts.append(current)
        current = None

    for k, ln in enumerate(lines):
        m = ln.marker
        if ln.label:
            if current is not None and current.kind == "task":
                current.notes.append(ln.text)
                in_units = True
            elif inherit and path:
                heading_notes.setdefault(path[-1][0], []).append(ln.text)  # under its heading
                drafts.append(Draft("closing", ln.start, ln.end, [(t, h) for _, t, h in path]))  # citable
            continue
        if m is None and in_units and current is not None and _wraps_note(current):
            current.notes[-1] = current.notes[-1].rstrip() + ln.text.strip()  # a unit list wrapped
            continue
        is_item = m is not None and (m.family == family or (m.family == "bullet" and path_ok(path, rank) and not (
            # (bullets right under an open item of the family, before its units, are its sub-points)
            family != "bullet" and current is not None and current.kind == "task" and not in_units)))
        if (m is not None and not is_item and m.rank < rank and m.family != "bullet" and not inherit
                and _noted_leaf(lines, k, rules)):
            # "3.1 深化…改革。…（牵头单位：区委编办）" beside "3.2 规范执法行为" over its 3.2.1, 3.2.2:
            # a shallower number with a note of its own and nothing numbered under it is a task too
            close()
            back_to(m.rank)
            counter = m.number if m.number is not None else counter + 1
            current = Draft("task", ln.start + m.end, ln.end, [(t, h) for _, t, h in path],
                            number=m.token, number_int=counter)
            in_units = True
            continue
        if m is not None and not is_item and m.rank < rank and m.family != "bullet":
            close()
            back_to(m.rank)
            path.append((m.rank, m.token, ln.text))
            in_units = False
            if inherit:
                note = trailing_note(ln.text, rules)[1]
                heading_notes[m.rank] = [note] if note else []
                if note:  # the heading is where its measures' units are written: citable
                    drafts.append(Draft("closing", ln.start + m.end, ln.end, [(t, h) for _, t, h in path[:-1]]))
                continue
            if not heading_only(ln):
                # "（四）行政权力制约监督持续加强。全年收到行政复议申请138件…": a run-in heading with
                # its paragraph (a report's results above its plans); the paragraph stays
                # searchable as prose under that heading, not only as a heading of the path
                current = Draft("prose", ln.start, ln.end, [(t, h) for _, t, h in path])
            continue
        if m is not None and m.family != "bullet" and titled_rank is not None and m.rank <= titled_rank:
            back_to(m.rank)  # past that title's items
            titled_rank = None
        if is_item and m.family != "bullet" and not inherit and _title_over_noted(lines, k, rules):
            # "3.2 规范行政执法行为" over its 3.2.1, 3.2.2 that carry the notes: a heading, not a task
            close()
            path.append((m.rank, m.token, ln.text))
            titled_rank, in_units = m.rank, False
            continue
        if m is not None and m.family != "bullet" and titled_rank is not None and m.rank > titled_rank:
            # one of those: numbered deeper than the family, under such a title, with its own note
            close()
            counter += 1
            current = Draft("task", ln.start + m.end, ln.end, [(t, h) for _, t, h in path],
                            number=m.token, number_int=counter)
            in_units = bool(trailing_note(ln.text, rules)[1])
            continue
        if is_item:
            close()
            counter = m.number if m.number is not None else counter + 1
            current = Draft("task", ln.start + m.end, ln.end, [(t, h) for _, t, h in path],
                            number=m.token if m.family != "bullet" else "", number_int=counter,
                            inferred=m.family == "bullet")
            in_units = bool(trailing_note(ln.text, rules)[1])  # its note closes it
            continue
        if m is None and _LEGEND_LINE.match(ln.text) and _QUOTED_ROLE.search(ln.text):
            # "说明：卡片中“牵头”为牵头单位，“落实”为责任单位…" after the last card: the document's key
            # to its labels, not a paragraph of that card
            close()
            drafts.append(Draft("prose", ln.start, ln.end, [(t, h) for _, t, h in path[:1]]))
            continue
        if current is not None and current.kind == "task" and (not in_units or ln.wrapped):
            current.end = ln.end  # a sub-point or a second paragraph of the item
            # (a line wrapped inside a bracket is read with the lines it goes on from)
            in_units = bool(trailing_note(text[current.start:current.end] if ln.wrapped else ln.text, rules)[1])
            continue
        # a paragraph outside any item: an unnumbered item when it owns a note, else prose
        close()
        at, note = trailing_note(ln.text, rules)
        kind = "task" if note and path else ("prose" if path else "preamble")
        if kind == "prose" and family == "para" and _under_title(lines, k, path) in titled_families:
            kind = "task"  # 5.2 做好普法总结验收。 over a paragraph with no note: still a task
        if kind == "task":
            counter += 1
            current = Draft("task", ln.start, ln.end, [(t, h) for _, t, h in path],
                            number_int=counter, inferred=True)
            if family == "para" and _under_title(lines, k, path) and _titles(lines, k, rules):
                # "3.1 深化街道综合行政执法改革。" on its own line over the one paragraph that
                # carries the note: the title's number is the item's (not an inferred •[7])
                title = lines[k - 1]
                current.path, current.number = current.path[:-1], path[-1][1]
                current.start, current.heading = title.start + title.marker.end, title.text[title.marker.end:]
                current.inferred = False
        else:
            if drafts and drafts[-1].kind == kind and drafts[-1].path == [(t, h) for _, t, h in path]:
                drafts[-1].end = ln.end
                continue
            current = Draft(kind, ln.start, ln.end, [(t, h) for _, t, h in path])
        in_units = False
    close()
    return drafts


def _title_over_noted(lines: list[Line], k: int, rules: NoteRules | None) -> bool:
    """Line k is a bare title (no note) whose deeper numbered lines, before the next line of its
    rank or above, carry notes of their own."""
    here = lines[k]
    if trailing_note(here.text, rules)[1] or not heading_only(here):
        return False
    deeper = []
    for ln in lines[k + 1:]:
        if ln.marker and ln.marker.family != "bullet":
            if ln.marker.rank <= here.marker.rank:
                break
            deeper.append(ln)
    return bool(deeper) and all(trailing_note(ln.text, rules)[1] for ln in deeper)


def _noted_leaf(lines: list[Line], k: int, rules: NoteRules | None) -> bool:
    """Line k carries a unit note of its own, and the next numbered line is no deeper than it."""
    if not trailing_note(lines[k].text, rules)[1]:
        return False
    nxt = next((ln for ln in lines[k + 1:] if ln.marker and ln.marker.family != "bullet"), None)
    return nxt is None or nxt.marker.rank <= lines[k].marker.rank


def _under_title(lines: list[Line], k: int, path) -> str | None:
    """The numbering family of the title alone on the line before paragraph `k` (the last heading
    of `path`), or None."""
    if k == 0 or lines[k - 1].marker is None or not heading_only(lines[k - 1]):
        return None
    if path and lines[k - 1].text != path[-1][2]:
        return None
    return lines[k - 1].marker.family


def _titled_families(lines: list[Line], rules: NoteRules | None) -> set[str]:
    """Families whose titles stand on their own line over a paragraph carrying the note, three
    times or more: under such a title a paragraph with no note is a task too."""
    counts: dict[str, int] = {}
    for k, ln in enumerate(lines):
        if ln.marker is None and not ln.label and ln.row is None and trailing_note(ln.text, rules)[1]:
            family = _under_title(lines, k, None)
            if family:
                counts[family] = counts.get(family, 0) + 1
    return {f for f, n in counts.items() if n >= 3}


def _titles(lines: list[Line], k: int, rules: NoteRules | None) -> bool:
    """No other paragraph under the title before paragraph `k` carries a note: the title and the
    paragraph are one item."""
    for ln in lines[k + 1:]:
        if ln.marker or ln.row is not None:
            return True
        if not ln.label and trailing_note(ln.text, rules)[1]:
            return False  # a second paragraph with a note of its own: the title is a heading
    return True


def path_ok(path, rank) -> bool:
    return all(r < rank for r, _, _ in path)


# --- leaves: reports and documents without notes ----------------------------------------------------

def _by_leaves(lines: list[Line], text: str, rules: NoteRules | None) -> list[Draft]:
    drafts: list[Draft] = []
    path: list[tuple[int, str, str]] = []
    counter = 0
    parents = _parent_levels(lines)
    prose_part = None  # a numbered part of prose, which its paragraphs join
    for i, ln in enumerate(lines):
        m = ln.marker
        if ln.label:
            if drafts and drafts[-1].kind == "task":
                drafts[-1].notes.append(ln.text)
                finish(drafts[-1], rules, text[drafts[-1].start:drafts[-1].end])  # (its text may change them)
            continue
        if m is None and drafts and drafts[-1].kind == "task" and _wraps_note(drafts[-1]):
            drafts[-1].notes[-1] = drafts[-1].notes[-1].rstrip() + ln.text.strip()  # a unit list wrapped
            finish(drafts[-1], rules)
            continue
        if m is None:
            cur = [(t, h) for _, t, h in path]
            if drafts and drafts[-1].path == cur and drafts[-1].kind != "task" and (
                    drafts[-1].end >= ln.start - 2 or drafts[-1] is prose_part):
                drafts[-1].end = ln.end
            elif drafts and drafts[-1].kind == "task" and drafts[-1].path == cur and not _has_shi(ln.text):
                drafts[-1].end = ln.end  # a second paragraph of the point above
                asked = text[drafts[-1].start:ln.start].rstrip().endswith(("？", "?"))
                if asked and (drafts[-1].units is None or drafts[-1].units.empty):
                    # 问三：…？ over 答：…由A牵头，B配合: a question's answer holds its note
                    finish(drafts[-1], rules, text[drafts[-1].start:drafts[-1].end])
            else:
                counter = _add_paragraph(drafts, ln, cur, counter, rules, unmarked=True)
            continue
        nxt = next((x for x in lines[i + 1:] if x.marker or x.row), None)
        has_child = nxt is not None and nxt.marker is not None and nxt.marker.rank > m.rank
        while path and path[-1][0] >= m.rank:
            path.pop()
        following = lines[i + 1] if i + 1 < len(lines) else None
        # "二、…情况" over a paragraph of run-in points ("…职责。一是…二是…"): the heading is theirs
        points_follow = (heading_only(ln) and following is not None and following.marker is None
                         and not following.label and _has_shi(following.text))
        if has_child or points_follow or (heading_only(ln) and nxt is not None and nxt.marker is None):
            path.append((m.rank, m.token, ln.text))
            if not has_child and not heading_only(ln):
                counter = _add_paragraph(drafts, ln, [(t, h) for _, t, h in path], counter, rules)
            continue
        if heading_only(ln) and not trailing_note(ln.text, rules)[1] and (m.family, m.rank) in parents:
            # "一、关于2025年度法治政府建设工作" over a paragraph, beside parts whose numbered items
            # are the tasks (a 纪要's look back before its 议定事项): a part of prose, not a task
            path.append((m.rank, m.token, ln.text))
            # (its heading stays its text's first line: a question quoting the heading finds it)
            prose_part = Draft("prose", ln.start + m.end, ln.end, [(t, h) for _, t, h in path])
            drafts.append(prose_part)
            continue
        counter = _add_paragraph(drafts, ln, [(t, h) for _, t, h in path], counter, rules, marker=m)
    return [_prose_that_assigns(d, text, rules) if d.kind == "prose" else d for d in drafts]


def _prose_that_assigns(d: Draft, text: str, rules: NoteRules | None) -> Draft:
    """A numbered part of prose whose paragraph gives its work to units (`二、工作方式` over `…，由A牵头，
    B实施，C、D共同参与。`) is a task of its own; a part telling what was done is not."""
    if past_work(d):
        return d
    task = replace(d, kind="task", notes=list(d.notes))
    finish(task, rules, text[d.start:d.end])
    return task if task.units is not None and task.units.lead else d


def _parent_levels(lines: list[Line]) -> set[tuple[str, float]]:
    """The (family, rank) of the numbered lines that have numbered lines deeper than them under them."""
    levels = set()
    marked = [ln for ln in lines if ln.marker and ln.marker.family != "bullet"]
    for here, nxt in zip(marked, marked[1:]):
        if nxt.marker.rank > here.marker.rank:
            levels.add((here.marker.family, here.marker.rank))
    return levels


_LEGEND_LINE = re.compile(r"^\s*(?:说明|注|备注|注释|填表说明)\s*\d*\s*[:：.．]")
_QUOTED_ROLE = re.compile(r"[“\"](?:牵头|配合|参与|参加|落实|责任|协办|主办|挂帅|[—/★●])[^”\"]{0,4}[”\"]")


def _wraps_note(d: Draft) -> bool:
    """The item's last unit line stops on a separator (`…、各乡镇人民政府、`): the next line goes on."""
    return bool(d.notes) and d.notes[-1].rstrip().endswith(("、", "，", ","))


def _has_shi(text: str) -> bool:
    return bool(shi_points(text))


def _add_paragraph(drafts, ln: Line, path, counter, rules, marker: Marker | None = None,
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
            finish(d, rules, ln.text[body_at + off: body_at + end])
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
        finish(d, rules, ln.text[body_at:])
    drafts.append(d)
    return counter


def is_closing(text: str, units: Units | None) -> bool:
    return (units is None or units.empty) and bool(_CLOSING.search(text)) and len(text) < 200
